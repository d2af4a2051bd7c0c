"""Digest emails on the intake side: the figures in SQL (queries.py), sending once per period and
recipient (send.py), the command line (cli.py) and the staff pages (routes.py). The content itself
is built by the pure step workers/digest; the beat task is workers/digest_tasks.py."""

from .routes import bp

__all__ = ["bp"]
