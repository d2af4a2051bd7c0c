"""The routing rules page: a dry run on a sample or an existing report, and the warning admins
see (on the rules page and the queue) when the rules file on disk is refused."""

from __future__ import annotations

import os
import re
from html import unescape

import pytest

from intake.extensions import db
from intake.models import AuditEvent, Delivery, Report
from intake.staff import rules as rules_module
from workers.route import default_rules_path
from workers.route.cache import RulesCache

from .helpers import form_token, log_in, make_report, make_staff

# The shipped rules with one typo: the first rule's `when` misspelt.
BAD_RULES = default_rules_path().read_text("utf-8").replace("    when:", "    wen:", 1)
UNKNOWN_FIELD = "rule 'wso-status-questioning': unknown field 'wen'"


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", response.get_data(as_text=True)))


@pytest.fixture
def admin(app, client, ctx):
    assert log_in(client, make_staff(app, "admin@example.org", role="admin")).status_code == 302
    return client


@pytest.fixture
def rules_file(tmp_path, monkeypatch):
    """A copy of the shipped rules that the web process watches instead of the real file."""
    path = tmp_path / "rules.yaml"
    path.write_text(default_rules_path().read_text("utf-8"), "utf-8")
    monkeypatch.setattr(rules_module, "rules_cache", RulesCache(path))
    return path


def break_file(path, content: str = BAD_RULES) -> None:
    stat = path.stat()
    path.write_text(content, "utf-8")
    # A later modification time even on file systems with coarse timestamps.
    os.utime(path, (stat.st_atime, stat.st_mtime + 10))


def dry_run(client, **data):
    token = form_token(client, "/staff/rules")
    return client.post("/staff/rules/dry-run", data={"csrf_token": token, **data})


def test_rules_page_shows_the_rules_and_the_dry_run_form(admin, rules_file):
    response = admin.get("/staff/rules")
    body = text(response)
    assert response.status_code == 200
    assert 'action="/staff/rules/dry-run' in body
    assert "urgent-signals" in body  # the file's text
    assert "was refused" not in body


@pytest.mark.parametrize(
    ("data", "queue", "why"),
    [
        (
            {"narrative": "Lo tienen en la cárcel ahorita, mañana lo mandan con ICE."},
            "rapid-response",
            "urgent because: someone in custody now",
        ),
        (
            {"narrative": "ICE is picking him up tonight from the county jail."},
            "rapid-response",
            "urgent because",
        ),
        ({"categories": ["detainer_hold"]}, "legal", "because rule detainer-or-transfer"),
        ({"urgent_signals": ["in_custody_now"], "language": "es"}, "rapid-response", "form:"),
        ({"narrative": "The deputy asked where I was born."}, "general-intake", "default"),
    ],
)
def test_dry_run_on_a_sample_shows_the_decision_and_every_rule(admin, rules_file, data, queue, why):
    response = dry_run(admin, **data)
    body = text(response)
    assert response.status_code == 200, body[:3000]
    assert re.search(rf'class="result-queue">\s*{re.escape(queue)}\s*<', body), body[:3000]
    assert why in body
    # The trace lists every rule of the file with its line, matched or not.
    for name in ("wso-status-questioning", "urgent-signals", "detainer-or-transfer"):
        assert re.search(rf'<th scope="row">{name}</th> <td>\d+</td>', body), name


def test_dry_run_on_an_existing_report_changes_nothing(admin, rules_file):
    report, _ = make_report(
        narrative_redacted="They have [PERSON 1] in the jail right now and ICE comes tonight.",
        urgent_signals=["in_custody_now"],
        detained_now="yes",
    )
    before = (report.queue, report.priority, report.routing, report.version)
    response = dry_run(admin, report_id=str(report.id), narrative="ignored", categories="other")
    body = text(response)
    assert response.status_code == 200, body[:3000]
    assert f"Decision for report #{report.id}" in body
    assert re.search(r'class="result-queue">\s*rapid-response\s*<', body)
    db.session.expire_all()
    stored = db.session.get(Report, report.id)
    assert (stored.queue, stored.priority, stored.routing, stored.version) == before
    assert db.session.query(Delivery).count() == 0
    assert db.session.query(AuditEvent).filter(AuditEvent.report_id == report.id).count() == 0


def test_dry_run_refuses_unknown_and_unprocessed_reports(admin, rules_file):
    assert dry_run(admin, report_id="999999").status_code == 404
    pending, _ = make_report(pipeline_state="received", narrative_redacted=None)
    response = dry_run(admin, report_id=str(pending.id))
    assert response.status_code == 409
    assert "not processed yet" in text(response)
    assert dry_run(admin, categories="not-a-category").status_code == 400


def test_dry_run_needs_the_csrf_token(admin, rules_file):
    response = admin.post("/staff/rules/dry-run", data={"narrative": "hello"})
    assert response.status_code == 400
    assert "result-queue" not in text(response)


def test_a_refused_rules_file_keeps_the_last_good_rules_and_says_so(app, admin, rules_file):
    assert "was refused" not in text(admin.get("/staff/rules"))  # good rules loaded first
    break_file(rules_file)

    body = text(admin.get("/staff/rules"))
    assert "The routing rules file was refused" in body
    assert "last good rules (version 2026.12-1) stay in force" in body
    assert UNKNOWN_FIELD in body  # the RulesError text, naming the rule, field and line
    assert 'role="alert"' in body

    queue = text(admin.get("/staff/"))
    assert "The routing rules file was refused" in queue and UNKNOWN_FIELD in queue

    # The dry run still uses the rules in force.
    response = dry_run(admin, categories="detainer_hold")
    assert re.search(r'class="result-queue">\s*legal\s*<', text(response))

    # Fixed file: the warning goes away.
    break_file(rules_file, default_rules_path().read_text("utf-8"))
    assert "was refused" not in text(admin.get("/staff/rules"))
    assert "was refused" not in text(admin.get("/staff/"))


def test_reviewers_do_not_see_the_rules_warning(app, client, ctx, rules_file):
    rules_module.rules_cache.get()
    break_file(rules_file)
    assert log_in(client, make_staff(app, "reviewer@example.org")).status_code == 302
    body = text(client.get("/staff/"))
    assert "Reports to review" in body
    assert "was refused" not in body


def test_a_rules_file_bad_from_the_start_is_shown_and_the_dry_run_refused(admin, rules_file):
    break_file(rules_file)  # before this process ever loaded it
    page = admin.get("/staff/rules")
    body = text(page)
    assert page.status_code == 200
    assert "has not loaded any good rules" in body and UNKNOWN_FIELD in body
    assert dry_run(admin, narrative="anything").status_code == 409


def test_the_worker_and_the_web_share_one_cache_class():
    import workers.pipeline

    assert workers.pipeline.RulesCache is RulesCache
    assert rules_module.RulesCache is RulesCache
