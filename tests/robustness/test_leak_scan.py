"""No identity leaked: the whole development corpus goes through the whole system with DEBUG
logging on, and nothing the corpus marks for redaction comes out anywhere staff, partners or
logs can see it; nor any IP address, user agent or receipt code, in logs or in tables.

Each report of tests/anonymize/data/dev.jsonl is sent through the form (contact fields
from its `known`), processed by the real task, then an admin (two-factor login) opens every
staff page; the CLI and staff exports, the summaries, the urgent alerts and digests by email,
every log record and every text column of every table (read raw) are scanned. The first
report also gets a follow-up reply repeating the reporter's name, phone and the names they
listed, redacted by the real task, so the scan covers replies too.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from markupsafe import escape
from sqlalchemy import MetaData, String, Text, literal, select

from intake.extensions import db
from intake.models import Agency, Report, ReportMessage
from intake.vocabulary import US_STATES
from workers import tasks

from ..conftest import REPO, csrf_token, submit_report
from ..staff.conftest import browser
from ..staff.helpers import form_token, log_in, make_staff

CORPUS = REPO / "tests" / "anonymize" / "data" / "dev.jsonl"
IP = "203.0.113.77"
IPV6 = "2001:db8::7:77"
AGENT = "Mozilla/5.0 (Linux; Android 9; LeakProbe-X) Gecko/20100101 Firefox/99.0"


def load_corpus() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def secrets_of(item: dict) -> set[str]:
    """What must not come out: every `redact` span and what the reporter typed as contact."""
    values = {span["text"] for span in item["spans"] if span["action"] == "redact"}
    known = item.get("known") or {}
    values |= {known.get(k) or "" for k in ("reporter_name", "phone", "email")}
    values |= set(known.get("other_names") or [])
    return {v.strip() for v in values if v and v.strip()}


def reply_of(item: dict) -> str:
    """A follow-up answer that repeats what the reporter typed in the contact fields."""
    known = item.get("known") or {}
    others = ", ".join(known.get("other_names") or [])
    return (
        f"This is {known.get('reporter_name') or 'me'} again. Call me at {known.get('phone')}"
        f" or write to {known.get('email')}. {others} saw it all too."
    )


def pattern(value: str) -> re.Pattern[str]:
    # Whole words only, case-sensitive: "Rosa" the name, not "rosa" the colour or "Rosales".
    return re.compile(r"(?<![\w@.-])" + re.escape(value) + r"(?![\w@])")


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """DEBUG for every logger that exists, and records of non-propagating ones captured too."""
    caplog.set_level(logging.DEBUG)
    detached = []
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger):
            caplog.set_level(logging.DEBUG, logger=name)
            if not logger.propagate:
                logger.addHandler(caplog.handler)
                detached.append(logger)
    yield caplog
    for logger in detached:
        logger.removeHandler(caplog.handler)


def per_record(where: str, fmt: str, body: str) -> list[tuple[str, str, int | None]]:
    """An export split into its records, each tagged with its report (aggregates untagged)."""
    if fmt == "json":
        records = json.loads(body)
    elif fmt == "jsonl":
        records = [json.loads(line) for line in body.splitlines()]
    elif fmt == "csv":
        # The CSV starts with a byte-order mark (for Excel), as utf-8-sig readers expect.
        records = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    else:
        return [(where, body, None)]
    found = [(where, json.dumps(r, ensure_ascii=False), int(r["id"])) for r in records]
    return found + [(where + " header", body.splitlines()[0] if fmt == "csv" else "", None)]


QUEUE_ROW = re.compile(r'<tr class="row[^"]*">.*?href="/staff/reports/(\d+)".*?</tr>', re.S)


def per_row(where: str, page: str, report_id: int | None) -> list[tuple[str, str, int | None]]:
    """A staff page, with each queue row (one report's line) tagged with its report, like an
    export's records: a word of one report's text is checked against that report's secrets."""
    if report_id is not None:
        return [(where, page, report_id)]
    rows = [(f"{where} row", m.group(0), int(m.group(1))) for m in QUEUE_ROW.finditer(page)]
    return [(where, QUEUE_ROW.sub(" ", page), None), *rows]


def raw_text_columns() -> list[tuple[str, str, int | None]]:
    """(table.column, value, report) for every text-like column of every table, as stored."""
    metadata = MetaData()
    metadata.reflect(db.engine)
    found = []
    with db.engine.connect() as connection:
        for table in metadata.sorted_tables:
            columns = [
                c
                for c in table.columns
                if isinstance(c.type, String | Text) or "JSON" in type(c.type).__name__.upper()
            ]
            if not columns:
                continue
            owner = table.c.id if table.name == "report" else table.c.get("report_id")
            key = owner if owner is not None else literal(None)
            for row in connection.execute(select(key, *columns)):
                for column, value in zip(columns, row[1:], strict=True):
                    if value is not None:
                        text = value if isinstance(value, str) else json.dumps(value)
                        found.append((f"{table.name}.{column.name}", text, row[0]))
    return found


def test_corpus_through_the_whole_system_leaks_nothing(
    robust_env, redis_server, build_app, mailbox, debug_logs
):
    web = build_app({**robust_env, "REDIS_URL": redis_server.url}, MAIL_SUPPRESS_SEND=False)
    corpus = load_corpus()
    outputs: list[tuple[str, str, int | None]] = []  # (where, text, report) of all that is seen
    receipts: list[str] = []

    with web.app_context():
        make_staff(web, "admin@example.org", role="admin")
        reporter = web.test_client()
        reporter.environ_base.update(REMOTE_ADDR=IP, HTTP_USER_AGENT=AGENT)
        for item in corpus:
            known = item.get("known") or {}
            reporter.get(f"/report?lang={item['language']}")
            receipts.append(
                submit_report(
                    reporter,
                    narrative=item["text"],
                    contact_name=known.get("reporter_name") or "",
                    contact_phone=known.get("phone") or "",
                    contact_email=known.get("email") or "",
                    other_names="\n".join(known.get("other_names") or []),
                )
            )
        reporter.environ_base.update(REMOTE_ADDR=IPV6)
        token = csrf_token(reporter, "/follow-up")
        followed = reporter.post("/follow-up", data={"csrf_token": token, "code": receipts[0]})
        assert followed.status_code == 200 and 'name="body"' in followed.get_data(as_text=True)
        token = csrf_token(reporter, "/follow-up")
        replied = reporter.post(
            "/follow-up",
            data={"csrf_token": token, "code": receipts[0], "body": reply_of(corpus[0])},
        )
        assert replied.status_code == 200 and "Thank you" in replied.get_data(as_text=True)
        ids = db.session.scalars(select(Report.id).order_by(Report.id)).all()
        assert len(ids) == len(corpus)
        db.session.remove()

        for report_id in ids:
            assert tasks.process_report.run(report_id) == "processed"
            db.session.remove()
        reply = db.session.scalar(select(ReportMessage).where(ReportMessage.report_id == ids[0]))
        reply_id = reply.id
        db.session.remove()
        assert tasks.redact_message.run(reply_id) == "redacted"
        reply_redacted = db.session.get(ReportMessage, reply_id).body_redacted
        db.session.remove()
        for report_id in ids:
            tasks.send_urgent_alert.run(report_id)
            db.session.remove()
        digests = web.extensions["celery"].tasks.get("send_digests")
        if digests is not None:
            for period in ("daily", "weekly"):
                digests.run(period)
                db.session.remove()

        staff = browser(web)
        staff.environ_base.update(REMOTE_ADDR=IP, HTTP_USER_AGENT=AGENT)
        assert log_in(staff, "admin@example.org").status_code == 302
        pages = ["/staff/", "/staff/?page=2", "/staff/?status=all", "/staff/stats"]
        pages += ["/staff/audit", "/staff/users", "/staff/rules", "/staff/export"]
        pages += [f"/staff/reports/{report_id}" for report_id in ids]
        for path in pages:
            response = staff.get(path)
            assert response.status_code == 200, path
            report_id = int(path.rsplit("/", 1)[1]) if "/reports/" in path else None
            outputs += per_row(path, response.get_data(as_text=True), report_id)
        # The scan above read the reply as staff see it, not the placeholder of one pending.
        first = staff.get(f"/staff/reports/{ids[0]}").get_data(as_text=True)
        assert str(escape(reply_redacted)) in first
        token = form_token(staff, "/staff/export")
        for fmt in ("csv", "json", "aggregate"):
            for officers in ("y", ""):
                response = staff.post(
                    "/staff/export",
                    data={"csrf_token": token, "format": fmt, "officers": officers},
                )
                assert response.status_code == 200, fmt
                outputs += per_record(
                    f"export {fmt} {officers}", fmt, response.get_data(as_text=True)
                )
        result = web.test_cli_runner().invoke(args=["reports", "export", "--format", "jsonl"])
        assert result.exit_code == 0 and len(result.output.splitlines()) == len(corpus)
        outputs += per_record("reports export", "jsonl", result.output)
        for report in db.session.scalars(select(Report)):
            outputs.append((f"summary {report.id}", report.summary or "", report.id))
            detail = json.dumps(report.summary_detail, ensure_ascii=False)
            outputs.append((f"summary detail {report.id}", detail, report.id))
        assert any(m["Subject"] for m in mailbox.messages), "no email was sent at all"
        for message in mailbox.messages:
            for part in message.walk():
                if part.get_content_maintype() == "text":
                    outputs.append((f"email {message['Subject']}", part.get_content(), None))
            outputs.append((f"email headers {message['Subject']}", str(message.items()), None))
        tables = raw_text_columns()
        public = set()
        for agency in db.session.scalars(select(Agency)):
            public |= {agency.name, agency.label, agency.county or "", agency.state or ""}
        public |= set(US_STATES.values())
        public.discard("")
        db.session.remove()

    logs = []
    for record in debug_logs.records:
        line = record.getMessage()
        if record.exc_info and not record.exc_text:
            line += logging.Formatter().formatException(record.exc_info)
        logs.append((f"log {record.name}", line + (record.exc_text or ""), None))
    assert len(logs) > len(corpus)  # DEBUG really was on

    # A name can also be public or accountability data: "Rosa" in "Santa Rosa County", or
    # "Deputy Rosa" in another report. Such phrases are blanked out before looking for the
    # name itself; an output that belongs to one report is checked for that report's secrets.
    kept = {span["text"] for item in corpus for span in item["spans"] if span["action"] == "keep"}
    by_report = dict(zip(ids, corpus, strict=True))
    leaks = []
    for number, item in enumerate(corpus):
        own_id = ids[number]
        for value in sorted(secrets_of(item)):
            found = pattern(value)
            longer = [p for p in public | kept if p != value and found.search(p)]
            elsewhere = value in kept
            for where, text, report_id in outputs + logs + tables:
                if report_id is not None and report_id != own_id:
                    continue
                phrases = sorted(longer, key=len, reverse=True)
                if elsewhere and report_id is None:
                    phrases.append(value)  # another report's officer or place of that name
                for phrase in phrases:
                    text = text.replace(phrase, " ")
                match = found.search(text)
                if match:
                    at = match.start()
                    context = text[max(at - 100, 0) : at + 60]
                    leaks.append(f"{item['id']}: {value!r} in {where}: {context!r}")
    assert not leaks, "\n".join(sorted(set(leaks))[:40])
    assert len(by_report) == len(corpus)

    forbidden = [IP, IPV6, AGENT, "LeakProbe"]
    forbidden += receipts + [code.replace("-", "") for code in receipts]
    for where, text, _ in logs + tables:
        for value in forbidden:
            assert value not in text, f"{value!r} in {where}"
    address = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
    for where, text, _ in logs:
        # Loopback is where our own services (database, broker, the test's mail server) live.
        found = {a for a in address.findall(text) if not a.startswith("127.")}
        assert not found, f"an IP address in {where}: {text[:300]}"


def test_corpus_is_in_the_repo():
    # The corpus is part of the repo, so a plain clone runs the leak scan.
    assert Path(CORPUS).exists()
