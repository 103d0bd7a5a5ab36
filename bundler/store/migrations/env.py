"""Alembic runs the migrations on the connection that `bundler.store.db.migrate` hands it."""

from alembic import context
from sqlalchemy import text

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
if connection.dialect.name == "postgresql":
    # Two servers starting at once must not both create the tables.
    connection.execute(text("SELECT pg_advisory_xact_lock(7283401)"))
with context.begin_transaction():
    context.run_migrations()
