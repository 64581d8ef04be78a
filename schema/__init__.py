"""Not code: this file makes schema/ the Python package `generator.schemas`, so the installed tool
finds its rules through importlib.resources (see generator/resources.py). The rules themselves
are the JSON Schemas and maturity.yaml beside this file."""
