"""The patterns page, one agency's profile, and the page a pattern alert links to."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from ..auth.permissions import VIEW_STATS, requires
from ..extensions import db
from ..models import Agency
from ..vocabulary import CATEGORIES
from . import bp
from .queries import KINDS, SORTS, PatternFilters, patterns_for

KIND_TITLES = {
    "officer": _l("Officers named in more than one report"),
    "agency": _l("Agencies"),
    "place": _l("Places"),
    "category": _l("Categories"),
}


ALERTS_SHOWN = 5


def agency_choices() -> list:
    return db.session.execute(
        select(Agency.id, Agency.name, Agency.state).order_by(Agency.state, Agency.name)
    ).all()


@bp.get("/patterns")
@requires(VIEW_STATS)
def patterns() -> str:
    filters = PatternFilters.from_args(request.args)
    found = patterns_for(filters, current_user)
    kind = request.args.get("kind") if request.args.get("kind") in KINDS else None
    from ..models import PatternAlert

    alerts = db.session.scalars(
        select(PatternAlert).order_by(PatternAlert.id.desc()).limit(ALERTS_SHOWN)
    ).all()
    return render_template(
        "staff/patterns/index.html",
        found=found,
        alerts=alerts,
        filters=filters,
        kinds=[kind] if kind else list(KINDS),
        kind_titles=KIND_TITLES,
        sorts=SORTS,
        categories=CATEGORIES,
        agencies=agency_choices(),
        args={k: v for k, v in request.args.items() if k != "sort"},
    )


@bp.get("/agencies/<int:agency_id>")
@requires(VIEW_STATS)
def agency_profile(agency_id: int) -> str:
    from .profile import agency_profile as build

    agency = db.session.get(Agency, agency_id)
    if agency is None:
        abort(404)
    return render_template(
        "staff/patterns/agency.html", profile=build(agency, current_user), categories=CATEGORIES
    )


@bp.get("/patterns/map")
@requires(VIEW_STATS)
def report_map() -> str:
    from markupsafe import Markup

    from .countymap import county_map
    from .queries import load_facts
    from .tilemap import state_tile_map

    filters = PatternFilters.from_args(request.args)
    facts = load_facts(filters, current_user)
    agencies = {a: (state, county) for a, state, county in agency_places()}
    counts: dict[str, int] = {}
    by_county: dict[tuple[str, str], int] = {}
    for f in facts:
        agency_state, agency_county = agencies.get(f.agency_id or 0, (None, None))
        state = f.state or agency_state
        if state:
            counts[state] = counts.get(state, 0) + 1
            county = f.county or (agency_county if state == agency_state else None)
            if county:
                by_county[(state, county)] = by_county.get((state, county), 0) + 1
    unplaced = len(facts) - sum(counts.values())
    svg = state_tile_map(counts, "Reports by state")
    county_svg, no_county = county_map(by_county, "Reports by county")
    return render_template(
        "staff/patterns/map.html",
        svg=Markup(svg),  # noqa: S704 (built by state_tile_map, every value escaped)
        county_svg=Markup(county_svg),  # noqa: S704 (built by county_map, every value escaped)
        in_counties=sum(by_county.values()) - no_county,
        counts=sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])),
        unplaced=unplaced,
        total=len(facts),
        filters=filters,
        args=dict(request.args),
    )


def agency_places() -> list:
    return db.session.execute(select(Agency.id, Agency.state, Agency.county)).all()


@bp.get("/patterns/alerts/<int:alert_id>")
@requires(VIEW_STATS)
def pattern_alert(alert_id: int) -> str:
    """What a pattern alert's link opens: the officer, the agency and the reports."""
    from ..models import PatternAlert

    alert = db.session.get(PatternAlert, alert_id)
    if alert is None:
        abort(404)
    return render_template("staff/patterns/alert.html", alert=alert)
