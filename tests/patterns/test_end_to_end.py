"""The whole path with the real anonymizer: three reporters send the public form naming one
deputy three ways; the worker pipeline keeps the names and badges; the patterns page finds one
officer; the pattern check alerts once."""

from __future__ import annotations

from sqlalchemy import select

from intake.extensions import db
from intake.models import PatternAlert, Report
from intake.patterns.alerts import check_patterns
from intake.patterns.queries import PatternFilters, patterns_for
from workers import tasks

from ..conftest import submit_report
from .generate import agency

NARRATIVES = [
    (
        "On March 3 Dep. R. Treviño, badge 4127, stopped my husband on I-45 and asked where"
        " he was born.",
        "",
        "en",
    ),
    (
        "It was deputy Trevino again, in patrol car 23. He asked my son for papers on I-45.",
        "",
        "en",
    ),
    (
        "Detuvieron a mi hermano en la carretera y le preguntaron si tenía papeles.",
        "El oficial con placa 4127",
        "es",
    ),
]


def test_three_reporters_one_deputy_one_alert(app, client, ctx):
    galveston = agency("Galveston County Sheriff's Office", "TX")
    for narrative, officers, language in NARRATIVES:
        submit_report(
            client,
            narrative=narrative,
            officer_details=officers,
            agency=str(galveston.id),
            language=language,
            incident_date="2025-03-03",
        )
    for report_id in db.session.scalars(select(Report.id)).all():
        tasks.process_report.run(report_id)
    db.session.remove()

    found = patterns_for(PatternFilters(date_from=None), None)
    [officer] = found.by_kind["officer"]
    assert officer.reporters == 3 and len(officer.report_ids) == 3
    assert "4127" in officer.label and "Trevi" in officer.label
    assert check_patterns() != [] and check_patterns() == []
    assert db.session.scalar(select(PatternAlert.reporters)) == 3
