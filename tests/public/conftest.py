"""Fixtures for the public side: extra app instances, a live server and headless Chromium.

Chromium is Debian's `chromium` package (installed by `make install` / `.ci/run`); Playwright
drives it as a plain executable because browser downloads do not work on CI machines. Without
it the browser tests fail (they are the acceptance checks), never skip.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def live_server(app: Flask) -> Iterator[str]:
    """The session app served over HTTP on a free port, in a thread."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail(
            "Debian's chromium is needed for the browser tests: "
            "apt-get install chromium (make install does it as root)"
        )
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


SEND = "#report-form button.send"  # the language and "show agencies" buttons send the form too
SAMPLE_NARRATIVE = "The deputy stopped us near the courthouse and asked for our papers."


class Visit:
    """A browser tab that records every request and CSP complaint it makes."""

    def __init__(self, context: Any, origin: str) -> None:
        self.context = context
        self.origin = origin
        self.page = context.new_page()
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on(
            "console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None
        )

    def go(self, path: str) -> Any:
        return self.page.goto(self.origin + path)

    def until(self, script: str, seconds: float = 15.0) -> None:
        """Wait for the expression `script` to be true. Not `page.wait_for_function`: when its
        first check is false it polls through eval, which our CSP refuses (a failure only when
        the page is slow, as on a loaded machine)."""
        deadline = time.monotonic() + seconds
        while not self.page.evaluate(script):
            assert time.monotonic() < deadline, f"never true: {script}"
            self.page.wait_for_timeout(50)

    def send_report(self, narrative: str = SAMPLE_NARRATIVE) -> str:
        """On the form already open: the narrative and the consent, then send; the receipt."""
        self.page.fill("#narrative", narrative)
        self.page.check("#consent_review")
        self.page.click(SEND)
        self.page.wait_for_selector(".receipt-code")
        return str(self.page.inner_text(".receipt-code"))

    def foreign_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith(self.origin + "/") and not url.startswith("data:")
        ]


@pytest.fixture
def visit(browser: Any, live_server: str) -> Iterator[Callable[..., Visit]]:
    """visit(locale="es-MX", width=320, javascript=True) -> a fresh tab in a fresh profile."""
    contexts: list[Any] = []

    def open_tab(locale: str = "en-US", width: int = 1280, javascript: bool = True) -> Visit:
        context = browser.new_context(
            locale=locale,
            viewport={"width": width, "height": 800},
            java_script_enabled=javascript,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return Visit(context, live_server)

    yield open_tab
    for context in contexts:
        context.close()
