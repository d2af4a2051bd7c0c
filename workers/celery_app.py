"""Entry point of the worker and beat processes: `celery -A workers.celery_app worker`."""

from intake import create_app

flask_app = create_app()
celery_app = flask_app.extensions["celery"]
