"""Routing rules as admins see them: check a rules file, dry-run it on a sample or a report.

The rules themselves and the engine live in workers/route (pure code); this is the web side's
window onto them, calling the pure step directly.
"""
