"""Fuzz the public pages that take a reporter's input: the report form (and its receipt page
in another language) and the follow-up page. Whatever arrives (any unicode, control characters,
huge values, wrong types, repeated keys, missing fields), the answer is never a 5xx, and nothing
sent is ever echoed or shown unescaped: every generated string may carry a tag that must never
come back as a tag.

CSRF is off in this app so that each example is one request (CSRF has its own tests); rate
limits are off; the broker is a Redis of this test's own, so nothing is left queued.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from intake.extensions import db
from intake.models import Report
from intake.public.forms import ReportForm
from intake.public.receipts import ALPHABET

from ..staff.helpers import make_report

TAG = "<x-fz"  # as it would appear if a value were rendered without escaping
RUNS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 700)),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    derandomize=False,
)

ugly = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
control = st.text(st.characters(max_codepoint=0x9F, exclude_categories=["Cs"]), max_size=40)
tagged = st.builds(lambda a, b: f'{a}{TAG} onmouseover="x">{b}', ugly, ugly)
huge = st.integers(0, 300_000).map(lambda n: "ñ" * n)
values = st.one_of(
    ugly, control, tagged, huge, st.sampled_from(["", " ", "y", "0", "-1", "2024-02-30"])
)
# One value, or the same key several times (what a crafted request or a broken client sends).
field_value = st.one_of(values, st.lists(values, min_size=2, max_size=4))

FIELDS = [name for name in ReportForm.__dict__ if not name.startswith("_")]
FIELDS = [n for n in FIELDS if hasattr(getattr(ReportForm, n), "field_class")]
FIELDS += ["bogus", "switch_language"]
VALID = {"narrative": "The deputy asked for papers.", "consent_review": "y", "agency": "unknown"}


def check(response) -> None:  # noqa: ANN001
    assert response.status_code < 500, response.status_code
    assert TAG not in response.get_data(as_text=True)


def test_report_form_never_fails_and_never_echoes_markup(robust_env, redis_server, build_app):
    web = build_app({**robust_env, "REDIS_URL": redis_server.url}, WTF_CSRF_ENABLED=False)
    client = web.test_client()

    @RUNS
    @given(
        base=st.sampled_from([{}, VALID, {**VALID, "switch_language": "es"}]),
        sent=st.dictionaries(st.sampled_from(FIELDS), field_value, max_size=8),
    )
    def post(base: dict, sent: dict) -> None:
        check(client.post("/report", data={**base, **sent}))
        # The receipt page in another language echoes only a well-formed code.
        receipt = {"receipt": sent.get("narrative", ""), "switch_language": sent.get("agency", "")}
        check(client.post("/report/received", data=receipt))

    with web.app_context():
        post()
        # Some were accepted and stored: the staff side renders them in test_xss_payloads;
        # here, that whatever was stored is whole (a receipt hash on every report).
        assert db.session.scalar(select(func.count()).where(Report.receipt_hash.is_(None))) == 0
        db.session.remove()


def test_follow_up_page_never_fails_and_never_echoes_markup(robust_env, redis_server, build_app):
    web = build_app({**robust_env, "REDIS_URL": redis_server.url}, WTF_CSRF_ENABLED=False)
    client = web.test_client()
    with web.app_context():
        _, code = make_report()
        db.session.remove()
    codes = st.one_of(
        st.just(code),
        st.just(code.lower().replace("-", " ")),
        st.text(st.sampled_from(ALPHABET + "-"), max_size=24),
        values,
    )

    @RUNS
    @given(
        code=st.one_of(codes, st.lists(codes, min_size=2, max_size=3)),
        body=field_value,
        extra=st.dictionaries(
            st.sampled_from(["bogus", "csrf_token", "lang", "switch_language"]), values, max_size=2
        ),
    )
    def post(code: object, body: object, extra: dict) -> None:
        check(client.post("/follow-up", data={**extra, "code": code, "body": body}))
        check(
            client.get("/follow-up", query_string={"lang": code if isinstance(code, str) else ""})
        )

    with web.app_context():
        post()
        db.session.remove()
