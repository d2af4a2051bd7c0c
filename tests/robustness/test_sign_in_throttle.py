"""Nobody who knows a staff email can keep its owner out (the lockout replayed).

The limiter runs on the test's own Redis, as in production. A stranger on 127.0.0.2 sends wrong
passwords far beyond what used to lock the account; from that client the sign-in then waits
(and the page says for how long), while the owner on 127.0.0.3 signs in with the right password
and code. Many strangers together exhaust the account's daily failures: a new device then
waits too, but the owner's browser, which has signed in before, still gets in.
"""

from __future__ import annotations

import pytest

from ..staff.conftest import browser
from ..staff.helpers import log_in, make_staff, post_password

pytestmark = pytest.mark.integration


def client_at(app, address: str):
    client = browser(app)
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_a_stranger_cannot_keep_the_owner_out(app, ctx, redis_server, build_app, robust_env):
    limited = build_app(
        {**robust_env, "REDIS_URL": redis_server.url},
        RATELIMIT_ENABLED=True,
        RATELIMIT_ACCOUNT_FAILURES="12 per day",
    )
    email = make_staff(app, "owner@example.org")
    owner = client_at(limited, "127.0.0.3")
    assert log_in(owner, email).status_code == 302  # the owner's usual browser

    stranger = client_at(limited, "127.0.0.2")
    statuses = [post_password(stranger, email, "guess!").status_code for _ in range(11)]
    assert statuses[:5] == [200] * 5 and set(statuses[5:]) == {429}
    waiting = post_password(stranger, email)  # even the right password, from this client
    body = waiting.get_data(as_text=True)
    assert waiting.status_code == 429 and "minutes" in body and "wait" in body
    assert "Wrong email or password" not in body

    # The owner, elsewhere, is never refused: the right password and code open the queue.
    assert log_in(client_at(limited, "127.0.0.3"), email).status_code == 302

    # Strangers on many addresses use up the account's failures for the day...
    for n in range(10, 12):
        for _ in range(5):
            post_password(client_at(limited, f"127.0.0.{n}"), email, "guess!")
    new_device = client_at(limited, "127.0.0.40")
    refused = post_password(new_device, email)
    assert refused.status_code == 429
    assert "device you have signed in from before" in refused.get_data(as_text=True)
    # ...but the owner's browser, which has signed in before, still gets in.
    returning = client_at(limited, "127.0.0.41")
    returning.set_cookie(
        "staff_device",
        owner.get_cookie("staff_device", path="/staff/login").value,
        domain="localhost",
        path="/staff/login",
    )
    assert log_in(returning, email).status_code == 302
