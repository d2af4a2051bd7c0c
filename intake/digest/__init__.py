"""Digest emails on the intake side: the figures in SQL (queries.py), the command line (cli.py)
and the staff pages (routes.py). The content itself
is built by the pure step workers/digest; sending once per period and recipient is the job
workers/digests.py, run by the beat task in workers/tasks.py."""

from .routes import bp

__all__ = ["bp"]
