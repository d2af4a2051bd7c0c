"""Test-only Celery entry: `celery -A tests.slow_worker worker` is the real worker
(workers.celery_app) except that, right after claiming a report, it waits
INTAKE_TEST_PIPELINE_DELAY seconds before running the pipeline, so a test can kill it mid-task
at a known point (tests/robustness/test_worker_killed.py). Production code has no such hook."""

from __future__ import annotations

import os
import time

from intake.models import Report
from workers import pipeline
from workers.celery_app import celery_app, flask_app
from workers.contracts import RoutingDecision

DELAY_ENV = "INTAKE_TEST_PIPELINE_DELAY"
_process = pipeline.process


def _process_after_a_wait(report: Report) -> RoutingDecision:
    time.sleep(float(os.environ.get(DELAY_ENV) or 0))
    return _process(report)


# The task looks the job up on the module when it runs, so this is the one it calls.
pipeline.process = _process_after_a_wait

__all__ = ["celery_app", "flask_app"]
