"""Render: turn a validated catalogue into a tree of pages and data files, independent of MkDocs."""
