"""Publish: the pipeline from a catalogue root to a page tree (pipeline.py), and the ways it is
published: MkDocs builds and previews, the page tree on disk, the search index."""
