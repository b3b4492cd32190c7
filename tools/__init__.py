"""Maintainers' scripts outside the installed package (run from a checkout with the ``dev`` extra)."""
