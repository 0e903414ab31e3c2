"""Reports: everything user-facing (renderers and the ``factrecon`` command line)."""
