"""Glue between the Streamlit pages and the library: language and session state."""
