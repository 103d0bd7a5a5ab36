"""The CP-SAT model of one region: variables, one module per rule, the objective."""

from bundler.engine.model.builder import build_model, estimated_build_seconds
from bundler.engine.model.variables import JobModel

__all__ = ["JobModel", "build_model", "estimated_build_seconds"]
