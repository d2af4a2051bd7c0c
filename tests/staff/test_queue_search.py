"""The queue's free-text and category filters (indexed on PostgreSQL, scanned on SQLite) and the
cap on counting a free-text search's matches."""

from __future__ import annotations

import re

import pytest

from intake.staff import queue as queue_module
from intake.staff import routes as routes_module

from .helpers import log_in, make_report, make_staff


@pytest.fixture
def reviewer(app, client, ctx):
    assert log_in(client, make_staff(app)).status_code == 302
    return client


def ids(client, **args) -> list[int]:
    body = client.get("/staff/", query_string=args).get_data(as_text=True)
    return sorted(int(n) for n in re.findall(r'href="/staff/reports/(\d+)"', body))


def test_category_and_text_filters_match_the_same_reports_on_both_databases(reviewer):
    held, _ = make_report(categories=["detainer_hold", "transfer_to_ice"], summary="Held.")
    stop, _ = make_report(categories=["traffic_stop"], narrative_redacted="Pulled over at Café Río")
    assert ids(reviewer, category="detainer_hold") == [held.id]
    assert ids(reviewer, category="transfer_to_ice") == [held.id]
    assert ids(reviewer, category="traffic_stop") == [stop.id]
    assert ids(reviewer, category="profiling") == []
    assert ids(reviewer, q="held") == [held.id]  # the summary, any case
    assert ids(reviewer, q="PULLED OVER") == [stop.id]  # the narrative
    assert ids(reviewer, q="café") == [stop.id]
    assert ids(reviewer, q="cafe rio") == [stop.id]  # accents optional, both ways
    assert ids(reviewer, q="CAFÉ RÍO") == [stop.id]
    assert ids(reviewer, q="zz") == []
    assert ids(reviewer, q="r") == sorted([held.id, stop.id])


def test_a_free_text_search_counts_only_up_to_the_cap(reviewer, monkeypatch):
    monkeypatch.setattr(queue_module, "TEXT_COUNT_CAP", 2)
    monkeypatch.setattr(routes_module, "TEXT_COUNT_CAP", 2)
    for _ in range(4):
        make_report(narrative_redacted="The deputy held him on a detainer.")
    make_report(narrative_redacted="Nothing to see.")

    body = reviewer.get("/staff/", query_string={"q": "detainer"}).get_data(as_text=True)
    assert "More than 2 reports match" in body
    assert len(ids(reviewer, q="detainer")) == 4  # the page itself is not capped
    assert 'class="queue-count"' not in body  # partial per-queue counts are not shown

    body = reviewer.get("/staff/", query_string={"q": "detainer", "queue": "intake"}).get_data(
        as_text=True
    )
    assert "More than 2 reports match" in body

    # Under the cap: exact counts as usual.
    body = reviewer.get("/staff/", query_string={"q": "nothing"}).get_data(as_text=True)
    assert "1 report" in body and 'class="queue-count">(1)' in body
