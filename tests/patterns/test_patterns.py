"""Patterns on generated data: one officer written three ways across three reporters is found
as one officer, alerted once, and counted right on the agency profile."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from intake.auth.cli import create_user
from intake.extensions import db
from intake.models import Delivery, PatternAlert, PatternAlertKey
from intake.patterns.alerts import check_patterns as record_due_alerts
from intake.patterns.officers import Mention, group_officers, name_tokens
from intake.patterns.places import places_in_text, road
from intake.patterns.profile import agency_profile
from intake.patterns.queries import PatternFilters, patterns_for
from intake.timeutil import utcnow
from workers import accountability_tasks

from ..staff.conftest import browser
from ..staff.helpers import log_in, make_staff
from .generate import agency, report, tagged

TODAY = utcnow().date()


def three_ways(agency_id: int, start: date | None = None, gap: int = 20) -> list:
    """Reports from three reporters naming Deputy Roberto Treviño, badge 4127, three ways; and
    a fourth report by the first reporter (same email) naming him again."""
    start = start or TODAY - timedelta(days=60)
    days = [start + timedelta(days=gap * i) for i in range(3)]
    return [
        report(
            "Dep. ",
            ("R. Treviño", "OFFICER"),
            ", badge ",
            ("4127", "BADGE"),
            ", stopped us on ",
            ("I-45", "PLACE"),
            " and asked where we were born.",
            agency_id=agency_id,
            day=days[0],
            email="first@example.org",
            categories=["traffic_stop", "status_questioning"],
        ),
        report(
            "It was deputy ",
            ("Trevino", "OFFICER"),
            " again, in unit ",
            ("23", "BADGE"),
            ", on ",
            ("interstate 45", "PLACE"),
            ".",
            agency_id=agency_id,
            day=days[1],
            categories=["traffic_stop"],
        ),
        report(
            "They held my brother three days after his release.",
            agency_id=agency_id,
            day=days[2],
            officers=("Badge #", ("4127", "BADGE")),
            categories=["detainer_hold"],
        ),
        report(
            ("Deputy Treviño", "OFFICER"),
            " was at the jail too.",
            agency_id=agency_id,
            day=days[0],
            email="FIRST@example.org ",
            categories=["status_questioning"],
        ),
    ]


def test_names_fold_to_one_officer():
    assert name_tokens("Dep. R. Treviño") == ("r", "trevino")
    assert name_tokens("deputy TREVINO") == ("trevino",)
    assert name_tokens("Sgto. María-José Núñez") == ("maria-jose", "nunez")
    mentions = [
        Mention(1, "a", name_tokens("Roberto Trevino")),
        Mention(2, "a", name_tokens("Maria Trevino")),
        Mention(3, "a", name_tokens("M. Trevino")),
        Mention(4, "a", name_tokens("Trevino")),  # two Treviños in this agency: not joined
        Mention(5, "b", name_tokens("Roberto Trevino")),  # another agency: another officer
    ]
    groups = {tuple(o.report_ids) for o in group_officers(mentions)}
    assert groups == {(1,), (2, 3), (4,), (5,)}


def test_places_highways_and_intersections():
    assert road("i 45") == road("Interstate 45") == road("I-45") == "I-45"
    assert road("FM 646") == "FM 646" and road("Buford Hwy") == "Buford Hwy"
    text, kept = tagged(
        "at ",
        ("Main St", "PLACE"),
        " and ",
        ("Airline Dr", "PLACE"),
        " near ",
        ("Harris County", "PLACE"),
    )
    assert set(places_in_text(text, kept)) == {
        ("intersection", "Airline Dr & Main St"),
        ("county", "Harris County"),
    }


def test_pattern_query_finds_one_officer_across_three_reporters(app, ctx):
    galveston = agency("Galveston County Sheriff's Office", "TX")
    reports = three_ways(galveston.id)
    other = agency("Harris County Sheriff's Office", "GA")
    report("Deputy ", ("Trevino", "OFFICER"), " of another county.", agency_id=other.id, day=TODAY)

    found = patterns_for(PatternFilters(date_from=None), None)
    officers = found.by_kind["officer"]
    [trevino] = [p for p in officers if "4127" in p.label]
    assert trevino.report_ids == tuple(sorted(r.id for r in reports))
    assert trevino.reporters == 3  # four reports, but two share an email
    assert "Galveston" in trevino.agency
    assert {"R. Treviño", "Trevino", "Deputy Treviño"} <= set(trevino.detail)
    assert all("Harris" not in (p.agency or "") for p in officers)  # seen once: no pattern
    [highway] = [p for p in found.by_kind["place"] if p.label.startswith("I-45")]
    assert highway.report_ids == (reports[0].id, reports[1].id)

    # Filters: category and period.
    stops = patterns_for(PatternFilters(date_from=None, category="traffic_stop"), None)
    [pair] = [p for p in stops.by_kind["officer"] if "4127" in p.label or "Trevino" in p.label]
    assert pair.report_ids == (reports[0].id, reports[1].id)
    later = patterns_for(PatternFilters(date_from=TODAY + timedelta(days=1)), None)
    assert later.by_kind["officer"] == []


def test_pattern_alert_is_sent_once_with_nothing_identifying(app, ctx, mailbox):
    create_user("boss@example.org", "supervisor", "a long enough password")
    create_user("reviewer@example.org", "reviewer", "a long enough password")
    galveston = agency("Galveston County Sheriff's Office", "TX")
    three_ways(galveston.id)

    assert accountability_tasks.check_patterns.run() == 1
    assert accountability_tasks.check_patterns.run() == 0  # beat fired again: nothing new
    assert record_due_alerts() == []
    [alert] = db.session.scalars(select(PatternAlert)).all()
    assert alert.reporters == 3
    keys = set(db.session.scalars(select(PatternAlertKey.key)))
    assert f"badge:agency:{galveston.id}:4127" in keys

    assert accountability_tasks.send_pattern_alert.run(alert.id) == 1
    assert accountability_tasks.send_pattern_alert.run(alert.id) == 1  # task delivered twice
    [message] = mailbox.messages  # ... one email, to the supervisor only
    assert message["To"] == "boss@example.org"
    assert message["Subject"] == "A pattern needs review"
    body = message.get_content()
    assert f"/staff/patterns/alerts/{alert.id}" in body
    for detail in ("Trevi", "4127", "Galveston", "I-45", "first@example.org", "brother"):
        assert detail not in body
    assert db.session.scalar(select(func.count()).select_from(Delivery)) == 1

    # A new report naming him (a fourth reporter) is the same pattern: no second alert.
    report(
        "Deputy ",
        ("Roberto Treviño", "OFFICER"),
        " badge ",
        ("4127", "BADGE"),
        agency_id=galveston.id,
        day=TODAY,
    )
    assert accountability_tasks.check_patterns.run() == 0


def test_no_alert_when_reports_are_spread_beyond_the_window(app, ctx):
    galveston = agency("Galveston County Sheriff's Office", "TX")
    three_ways(galveston.id, start=TODAY - timedelta(days=400), gap=100)
    assert record_due_alerts() == []  # 200 days between the first and the third


@pytest.mark.parametrize("window, expected", [(300, 1), (100, 0)])
def test_window_is_configurable(app, ctx, window, expected):
    galveston = agency("Galveston County Sheriff's Office", "TX")
    three_ways(galveston.id, start=TODAY - timedelta(days=300), gap=100)
    app.config["PATTERN_ALERT_DAYS"] = window
    try:
        assert len(record_due_alerts()) == expected
    finally:
        app.config["PATTERN_ALERT_DAYS"] = 180


def test_agency_profile_matches_a_hand_count(app, ctx):
    wso_only = agency("Anderson County Sheriff's Office", "TX")
    three_ways(wso_only.id, start=date(2025, 1, 10), gap=20)  # Jan 10, Jan 30, Feb 19, Jan 10
    report(
        "Asked for papers at booking.",
        agency_id=wso_only.id,
        day=date(2025, 3, 2),
        categories=["status_questioning"],
    )
    profile = agency_profile(wso_only, None)
    # By hand: 5 reports; Jan: 3 (traffic_stop 2, status_questioning 2); Feb: 1
    # (detainer_hold 1); Mar: 1 (status_questioning 1).
    assert profile.total == 5
    assert profile.month_totals == {"2025-01": 3, "2025-02": 1, "2025-03": 1}
    assert profile.by_month["2025-01"] == {"traffic_stop": 2, "status_questioning": 2}
    assert profile.by_month["2025-02"] == {"detainer_hold": 1}
    assert profile.by_month["2025-03"] == {"status_questioning": 1}
    assert profile.stop_questioning.count == 1 and profile.stop_questioning.percent == 20
    assert profile.detainer_holds.count == 1
    # Anderson's only model is WSO (ICE's sheet), so status questions are beyond it: 3 of 5.
    assert wso_only.models == ["WSO"]
    assert profile.beyond_agreement.count == 3 and profile.beyond_agreement.percent == 60
    [officer] = profile.officers
    assert len(officer.report_ids) == 4 and officer.reporters == 3


def test_wso_only_agency_questioning_status_is_beyond_the_agreement(app, ctx):
    cherokee = agency("Cherokee County Sheriff's Office", "AL")
    assert cherokee.models == ["WSO"]
    asked = report(
        "They asked where I was born.",
        agency_id=cherokee.id,
        day=TODAY,
        categories=["status_questioning"],
    )
    report("Held after release.", agency_id=cherokee.id, day=TODAY, categories=["detainer_hold"])
    profile = agency_profile(cherokee, None)
    assert profile.beyond_agreement.count == 1
    assert profile.beyond_agreement.report_ids == (asked.id,)
    assert [row.model for row in profile.agreements] == ["WSO"]


def test_pages_are_for_supervisors(app, ctx):
    galveston = agency("Galveston County Sheriff's Office", "TX")
    reports = three_ways(galveston.id)
    alert_id = None
    record_due_alerts()
    alert_id = db.session.scalar(select(PatternAlert.id))
    reviewer = browser(app)
    log_in(reviewer, make_staff(app, "rev@example.org", role="reviewer"))
    assert reviewer.get("/staff/patterns").status_code == 403
    boss = browser(app)
    log_in(boss, make_staff(app, "sup@example.org", role="supervisor"))
    page = boss.get("/staff/patterns?from=").get_data(as_text=True)
    assert "Roberto Treviño" in page or "R. Treviño" in page
    assert f"/staff/reports/{reports[2].id}" in page
    assert "distinct reporters" in page.lower()
    assert "Latest pattern alerts" in page and f"/staff/patterns/alerts/{alert_id}" in page
    assert boss.get("/staff/patterns?sort=label&agency=abc&from=bad&min=x").status_code == 200
    profile = boss.get(f"/staff/agencies/{galveston.id}").get_data(as_text=True)
    assert "Officers named more than once" in profile and "4127" in profile
    assert boss.get(f"/staff/patterns/alerts/{alert_id}").status_code == 200
    svg = boss.get("/staff/patterns/map?from=").get_data(as_text=True)
    assert "<svg" in svg and "TX: 4" in svg
    assert "Galveston, TX: 4" in svg  # the county map, from the agency's county


def test_county_map_places_counties_by_name_and_state():
    from intake.patterns.countymap import county_key, county_map

    assert (
        county_key("Harris County") == county_key("HARRIS") == county_key("Harris Co.") == "harris"
    )
    svg, unplaced = county_map(
        {("TX", "Harris County"): 3, ("GA", "Harris"): 1, ("TX", "Atlantis"): 2}, "t"
    )
    assert "Harris, TX: 3" in svg and "Harris, GA: 1" in svg and unplaced == 2
    assert "<script" not in svg and "http://www.w3.org/2000/svg" in svg
