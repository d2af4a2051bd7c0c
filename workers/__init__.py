"""Background work: the Celery app, its thin tasks, and the pipeline steps as plain functions.

The steps (anonymize, route, summarize) import nothing from `intake`; only `workers.tasks`
loads models and calls them.
"""
