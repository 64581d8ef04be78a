"""Validate: load each file, check it against the JSON Schemas, run the cross-file rules, and
collect every problem with its location. catalogue.py is the entry point."""
