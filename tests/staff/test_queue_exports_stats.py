"""Queue filters and order, partner exports (officers optional, small counts hidden), and the
statistics page drawn as inline SVG."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta

from sqlalchemy import select

from intake.extensions import db
from intake.models import Agency, AuditEvent
from intake.timeutil import utcnow

from .helpers import form_token, log_in, make_report, make_staff


def ids_on(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<a class="row-link" href="/staff/reports/(\d+)"', page)]


def test_queue_filters_sort_and_badges(app, client, ctx):
    now = utcnow()
    agency = db.session.scalar(select(Agency).limit(1))
    low, _ = make_report(priority="low", deadline_at=None)
    late, _ = make_report(priority="high", deadline_at=now - timedelta(hours=1))
    soon, _ = make_report(priority="high", deadline_at=now + timedelta(hours=2), language="es")
    urgent, _ = make_report(
        priority="urgent",
        queue="detention",
        categories=["detainer_hold"],
        agency_id=agency.id,
        narrative_redacted="Held on a detainer at the county jail past release.",
    )
    closed, _ = make_report(status="closed")
    email = make_staff(app, "f@example.org")
    log_in(client, email)

    page = client.get("/staff/").get_data(as_text=True)
    assert ids_on(page) == [urgent.id, late.id, soon.id, low.id]  # closed is not open
    assert re.search(r"overdue by 6\d min", page) and "due in 2 hr" in page
    assert 'title="20' in page and ' UTC"' in page  # the exact UTC time on hover
    assert re.search(r"detention <span class=\"queue-count\">\(1\)", page)
    assert re.search(r"intake <span class=\"queue-count\">\(3\)", page)

    def only(**args):
        return ids_on(client.get("/staff/", query_string=args).get_data(as_text=True))

    assert only(queue="detention") == [urgent.id]
    assert only(priority="high") == [late.id, soon.id]
    assert only(category="detainer_hold") == [urgent.id]
    assert only(agency=agency.id) == [urgent.id]
    assert only(language="es") == [soon.id]
    assert only(q="DETAINER") == [urgent.id]
    assert only(q="100%_") == []
    assert only(status="closed") == [closed.id]
    assert only(status="all", priority="normal") == [closed.id]
    assert only(**{"from": (now + timedelta(days=1)).date().isoformat()}) == []
    assert only(assigned="me") == []
    assert only(assigned="nobody") == [urgent.id, late.id, soon.id, low.id]
    assert client.get("/staff/", query_string={"page": "x", "status": "<b>"}).status_code == 200


def test_check_now_comes_right_after_urgent_with_its_badge(app, client, ctx):
    now = utcnow()
    late_high, _ = make_report(priority="high", deadline_at=now - timedelta(hours=5))
    check, _ = make_report(priority="check-now", deadline_at=now + timedelta(hours=4))
    urgent, _ = make_report(priority="urgent", deadline_at=now + timedelta(hours=2))
    log_in(client, make_staff(app, "c@example.org"))
    page = client.get("/staff/").get_data(as_text=True)
    assert ids_on(page) == [urgent.id, check.id, late_high.id]
    assert 'class="badge check-now"' in page
    assert ids_on(client.get("/staff/?priority=check-now").get_data(as_text=True)) == [check.id]
    report_page = client.get(f"/staff/reports/{check.id}").get_data(as_text=True)
    assert 'class="badge check-now"' in report_page


def test_queue_paginates(app, client, ctx):
    for _ in range(55):
        make_report()
    log_in(client, make_staff(app, "p@example.org"))
    first = client.get("/staff/").get_data(as_text=True)
    second = client.get("/staff/?page=2").get_data(as_text=True)
    assert len(ids_on(first)) == 50 and len(ids_on(second)) == 5
    assert not set(ids_on(first)) & set(ids_on(second))
    assert "Page 1 of 2" in first and 'rel="next"' in first


def export(client, **data):
    data["csrf_token"] = form_token(client, "/staff/export")
    return client.post("/staff/export", data=data)


def test_exports_are_redacted_and_officers_optional(app, client, ctx):
    for _ in range(6):
        make_report(summary="Deputy Cole asked for papers.")
    make_report(queue="detention")
    log_in(client, make_staff(app, "e@example.org", role="supervisor"))

    with_officers = export(client, format="json", officers="y")
    assert with_officers.headers["Content-Disposition"].startswith("attachment;")
    records = json.loads(with_officers.get_data(as_text=True))
    assert len(records) == 7 and "Cole" in records[0]["narrative_redacted"]
    body = with_officers.get_data(as_text=True)
    for secret in ("Jaime", "Rosa", "7135550142"):
        assert secret not in body

    without = json.loads(export(client, format="json").get_data(as_text=True))
    assert all("Cole" not in r["narrative_redacted"] for r in without)
    assert "[OFFICER]" in without[0]["narrative_redacted"]
    assert "Cole" not in without[0]["summary"]

    rows = list(csv.DictReader(io.StringIO(export(client, format="csv").get_data(as_text=True))))
    assert len(rows) == 7 and "Cole" not in rows[0]["narrative_redacted"]

    counts = list(
        csv.reader(io.StringIO(export(client, format="aggregate").get_data(as_text=True)))
    )
    assert ["queue", "intake", "6"] in counts
    assert ["queue", "detention", "fewer than 5"] in counts
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "report.export"))
    assert [e.detail["format"] for e in events] == ["json", "json", "csv", "aggregate"]


def test_statistics_page_draws_svg_with_exact_counts(app, client, ctx):
    now = utcnow()
    for hours in (1, 2, 3, 4, 5, 6):
        make_report(first_response_at=now + timedelta(hours=hours), created_at=now)
    make_report(queue="detention")
    log_in(client, make_staff(app, "s@example.org", role="supervisor"))
    response = client.get("/staff/stats")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.count("<svg") == 4 and "<script" not in page.split("<main", 1)[1]
    # Staff statistics are exact: small counts are suppressed only in what leaves (exports).
    assert "fewer than 5" not in page.split('<div class="stat-grid">', 1)[1]
    assert re.search(r"<td>intake</td><td>6</td><td>3\.5</td>", page)
    assert re.search(r"<td>detention</td><td>1</td>", page)
    filtered = client.get("/staff/stats?queue=detention").get_data(as_text=True)
    assert "<td>intake</td>" not in filtered
