"""Test clients that behave like separate browsers even inside the `ctx` app context.

A request pushed while a test holds an app context reuses that context, and with it `g`, where
Flask-Login caches the signed-in user and Flask-WTF the CSRF token. Tests that log in and out or
use two clients would then see each other's user; this client starts every request with an
empty `g`, as a real request does.
"""

from __future__ import annotations

import pytest
from flask import Flask, g, has_app_context
from flask.testing import FlaskClient


class BrowserClient(FlaskClient):
    def open(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        if has_app_context():
            for name in list(vars(g)):
                delattr(g, name)
        return super().open(*args, **kwargs)


def browser(app: Flask) -> BrowserClient:
    return BrowserClient(app, app.response_class, use_cookies=True)


@pytest.fixture
def client(app: Flask) -> BrowserClient:
    return browser(app)
