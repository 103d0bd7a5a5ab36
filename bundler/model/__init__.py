"""The CP-SAT model of one region: variables, one module per rule, the objective."""

from bundler.model.builder import JobModel, build_model

__all__ = ["JobModel", "build_model"]
