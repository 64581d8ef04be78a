"""Plugin: the MkDocs plugin that hands the rendered catalogue to MkDocs (events only)."""
