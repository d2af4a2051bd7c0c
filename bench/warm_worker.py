"""Bench-only Celery entry: `celery -A warm_worker worker` (bench/ and the repo on PYTHONPATH) is
the real worker (workers.celery_app) except that, before it takes its first message, it loads
its models and runs the pipeline once on an unsaved English and Spanish report. A worker loads
its models on its first report (seconds, once per process); a benchmark of reports/s or of
submit->processed latency measures the worker at work, so that cost is paid before the clock
starts. Production code has no such hook.

With BENCH_GATE_DIR set, the worker, once warm and connected to the broker (Celery's start-up
takes a second or so), writes `<pid>.ready` there and waits for a file `go` before it takes a
message: a benchmark starts several workers and lets them go at one instant.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from celery.signals import worker_process_init, worker_ready

from intake.models import Report
from workers import pipeline
from workers.celery_app import celery_app, flask_app

GATE_ENV = "BENCH_GATE_DIR"
SAMPLES = {
    "en": "Deputy Miller stopped me on Route 9 at 7:15 pm and asked where I was born.",
    "es": "El agente Ruiz me detuvo en la carretera a las 7 y me preguntó dónde nací.",
}


def warm() -> None:
    """Every model and rule the pipeline loads, loaded: the steps run on unsaved reports."""
    with flask_app.app_context():
        for language, text in SAMPLES.items():
            pipeline.run(Report(language=language, narrative=text, pipeline_state="received"))


def wait_at_gate(gate: Path) -> None:
    (gate / f"{os.getpid()}.ready").touch()
    while not (gate / "go").exists():
        time.sleep(0.05)


@worker_process_init.connect
def _warm(**_: object) -> None:
    # The solo pool sends this before its consumer starts: nothing is taken until it returns.
    warm()


@worker_ready.connect
def _wait(**_: object) -> None:
    # Sent when the consumer has started, before its loop takes the first message.
    gate = os.environ.get(GATE_ENV)
    if gate:
        wait_at_gate(Path(gate))


__all__ = ["celery_app", "flask_app"]
