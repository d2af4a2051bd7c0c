"""Importing ICE 287(g) spreadsheets as published: blank rows, trailing spaces, row per model."""

from __future__ import annotations

from sqlalchemy import func, select

from intake.agencies import forget
from intake.agencies.importer import read_agencies
from intake.config import AGENCY_SEED
from intake.extensions import db
from intake.models import Agency, Report

from .conftest import submit_report


def test_real_file_merges_models_and_skips_blank_rows():
    agencies, skipped = read_agencies(AGENCY_SEED)
    by_key = {(a.state, a.name): a for a in agencies}
    colbert = by_key[("AL", "Colbert County Sheriff's Office")]
    assert colbert.models == {"JEM", "TFM", "WSO"}  # three rows in the file, one agency
    assert len(agencies) == len(by_key)  # one row per agency
    assert not skipped  # blank rows are not "skipped", they are not rows at all
    assert all(a.name == a.name.strip() for a in agencies)


def test_import_command_is_idempotent_and_reports_counts(app, ctx):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["agencies", "import", str(AGENCY_SEED)])
    assert first.exit_code == 0, first.output
    assert "0 added, 0 updated" in first.output  # the session fixture already loaded it
    count = db.session.scalar(select(func.count()).select_from(Agency))
    second = runner.invoke(args=["agencies", "import", str(AGENCY_SEED)])
    assert "0 added, 0 updated" in second.output
    assert db.session.scalar(select(func.count()).select_from(Agency)) == count


def agency_labels(client) -> str:
    """The agencies the form offers (the list public.js filters), as one text."""
    return " ".join(row[2] for row in client.get("/report/agencies/en.json").get_json()["agencies"])


def test_import_reports_updates_and_bad_rows(app, client, ctx, tmp_path):
    sheet = tmp_path / "agencies.csv"
    sheet.write_text(
        "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED\n"
        "TEXAS ,Test Town Police Department ,Municipality,Test County,"
        "Task Force Model ,2025-01-02\n"
        "TEXAS,Test Town Police Department,Municipality,Test County,Jail Enforcement Model,\n"
        ",Nameless State Agency,State Agency,,Task Force Model,\n"
        ",,,,,\n"
    )
    runner = app.test_cli_runner()
    out = runner.invoke(args=["agencies", "import", str(sheet)]).output
    assert "1 added" in out and "1 rows skipped" in out and "row 4" in out
    agency = db.session.scalar(select(Agency).where(Agency.name == "Test Town Police Department"))
    assert agency.models == ["JEM", "TFM"] and agency.state == "TX"
    # The form keeps the list per process; an import in this process shows at once, and the
    # new agency is a valid choice (the offered values are kept per list, forms.py).
    assert "Test Town Police Department" in agency_labels(client)
    submit_report(client, agency=str(agency.id))
    report = db.session.scalar(select(Report))
    assert report.agency_id == agency.id
    db.session.delete(report)
    sheet.write_text(sheet.read_text().replace("Jail Enforcement Model", "Warrant Service Officer"))
    out = runner.invoke(args=["agencies", "import", str(sheet)]).output
    assert "0 added, 1 updated" in out
    db.session.refresh(agency)
    assert agency.models == ["TFM", "WSO"]
    db.session.delete(agency)
    db.session.commit()
    forget()  # agencies are never deleted outside tests; drop the kept list by hand


def test_another_processs_import_shows_within_the_check_interval(app, client, ctx, monkeypatch):
    import intake.agencies as agencies

    client.get("/report")  # the list is now kept
    agency = Agency(state="TX", name="Elsewhere Imported Police Department", models=["TFM"])
    db.session.add(agency)  # as another process's import would, without calling forget()
    db.session.commit()
    try:
        assert "Elsewhere Imported" not in agency_labels(client)
        monkeypatch.setattr(agencies, "CHECK_EVERY", 0.0)  # as if the interval had passed
        assert "Elsewhere Imported" in agency_labels(client)
    finally:
        db.session.delete(agency)
        db.session.commit()
        forget()


def test_a_file_that_is_not_a_spreadsheet_gets_a_clear_error(app, tmp_path):
    bogus = tmp_path / "agencies.xlsx"
    bogus.write_text("hello")
    result = app.test_cli_runner().invoke(args=["agencies", "import", str(bogus)])
    assert result.exit_code != 0
    assert "not a readable .xlsx or .csv file" in result.output
