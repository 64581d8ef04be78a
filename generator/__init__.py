"""NHS pattern catalogue: load, validate, compute reuse and maturity, and publish patterns as a site."""

__version__ = "0.1.0"
