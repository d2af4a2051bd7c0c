"""Redis stops under the production shape (gunicorn as the Procfile runs it, a real worker, the
test database): no report is refused or lost, and nothing else answers 500.

Redis is both the broker and the rate limiter's storage, exactly as in production (no
memory:// anywhere). The test's own redis-server is stopped while reporters submit, look up a
receipt and staff sign in; the limiter counts in memory meanwhile and the reports wait as
"received". When Redis is back, the sweep hands them to the worker and every one is processed.
The access log of that gunicorn, with its production format, holds no query string.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select, update

from intake.extensions import db
from intake.models import Report
from workers import claims, tasks

from ..conftest import REPO
from .conftest import free_port, wait_until

pytestmark = pytest.mark.integration

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
SUBMISSION = re.compile(r'name="submission" type="hidden" value="([^"]+)"')
RECEIPT = re.compile(r'class="receipt-code"[^>]*>([^<]+)<')


def procfile_web_options() -> list[str]:
    """The gunicorn options of the Procfile's web line, but its bind and its app."""
    line = next(li for li in (REPO / "Procfile").read_text().splitlines() if li.startswith("web:"))
    words = shlex.split(line.removeprefix("web:"))
    options = words[1:-1]  # without the executable and the app
    bind = options.index("--bind")
    del options[bind : bind + 2]
    return options


class Gunicorn:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.log_path = log
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                *procfile_web_options(),
                "--bind",
                f"127.0.0.1:{self.port}",
                "intake:create_app()",
            ],
            cwd=REPO,
            env={**os.environ, **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until(self.up, 90, "gunicorn to answer")
        except AssertionError:
            self.stop()
            raise AssertionError("gunicorn did not answer:\n" + self.log_path.read_text()) from None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def up(self) -> bool:
        try:
            return requests.get(self.url + "/report", timeout=10).status_code == 200
        except requests.RequestException:
            return False

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        if not self.log.closed:
            self.log.close()


def submit(base: str, narrative: str) -> requests.Response:
    browser = requests.Session()
    page = browser.get(base + "/report", timeout=10).text
    data = {
        "csrf_token": CSRF.search(page).group(1),
        "submission": SUBMISSION.search(page).group(1),
        "narrative": narrative,
        "agency": "unknown",
        "consent_review": "y",
    }
    return browser.post(base + "/report", data=data, timeout=10)


def count_reports(app) -> int:
    with app.app_context():
        db.session.remove()
        return db.session.scalar(select(func.count()).select_from(Report))


def test_redis_stopped_under_gunicorn_loses_no_report(
    robust_env, redis_server, build_app, start_worker, tmp_path
):
    env = {**robust_env, "REDIS_URL": redis_server.url}
    web = Gunicorn(env, tmp_path / "gunicorn.log")
    app = build_app(env)
    try:
        first = submit(web.url, "Before the outage the deputy asked for papers.")
        assert first.status_code == 200 and RECEIPT.search(first.text)

        redis_server.stop()
        receipts = []
        for n in range(5):
            answer = submit(web.url, f"During the outage, report {n}: they took my uncle.")
            assert answer.status_code == 200, answer.text[:500]
            receipts.append(RECEIPT.search(answer.text).group(1))
        assert count_reports(app) == 6
        # Looking up a receipt and signing in still answer (the limiter counts in memory).
        browser = requests.Session()
        page = browser.get(web.url + "/follow-up", timeout=10)
        assert page.status_code == 200
        lookup = browser.post(
            web.url + "/follow-up",
            data={"csrf_token": CSRF.search(page.text).group(1), "code": receipts[0]},
            timeout=10,
        )
        assert lookup.status_code == 200
        login = browser.get(web.url + "/staff/login", timeout=10)
        refused = browser.post(
            web.url + "/staff/login",
            data={
                "csrf_token": CSRF.search(login.text).group(1),
                "email": "nobody@example.org",
                "password": "not a password at all",
            },
            timeout=10,
        )
        assert refused.status_code == 200 and "Wrong email or password" in refused.text
        search = requests.get(web.url + "/staff/?q=secretsearchterm", timeout=10)
        assert search.status_code in (200, 302)

        redis_server.start()  # empty: the message of the first report went with the old one
        worker = start_worker(env)
        with app.app_context():
            # Beat would resend it once its stamp is older than the grace period: as if so.
            db.session.execute(
                update(Report)
                .where(Report.enqueued_at.is_not(None))
                .values(enqueued_at=Report.enqueued_at - claims.ENQUEUE_GRACE)
            )
            db.session.commit()
            wait_until(tasks.sweep_unprocessed.run, 60, "the sweep to enqueue the reports")
            db.session.remove()

        def processed() -> bool:
            with app.app_context():
                db.session.remove()
                states = db.session.scalars(select(Report.pipeline_state)).all()
                return len(states) == 6 and set(states) == {"processed"}

        try:
            wait_until(processed, 240, "every report to be processed")
        except AssertionError:
            raise AssertionError("not all processed:\n" + worker.output()[-3000:]) from None
        log = web.output()
        assert " 500 " not in log, log[-3000:]
        assert "/staff/" in log and "secretsearchterm" not in log  # no query string logged
    finally:
        web.stop()
