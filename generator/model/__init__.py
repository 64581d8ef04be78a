"""Model: the catalogue as typed objects and what is computed from them (reuse, maturity,
similarity), with the schema's vocabulary. Leaves of the package: nothing here imports validation,
rendering, editing or publishing."""
