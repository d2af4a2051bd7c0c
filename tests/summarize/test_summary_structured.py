"""The structured part: the form's facts, in the staff language."""

from dataclasses import replace

from workers.contracts import AgencyFacts, ReportFacts
from workers.i18n import translator
from workers.summarize.structured import render_structured


def test_english_lines_cover_every_fact(facts):
    text = render_structured(facts)
    assert text.splitlines() == [
        "Affected: A family member",
        "When: March 3, 2024, at 21:40 (approximate)",
        "Where: Spencer Hwy and Red Bluff, Pasadena, Harris County, TX",
        "Agency: Harris County Sheriff's Office (TX) — 287(g): Jail Enforcement Model, "
        "Task Force Model; former 287(g) agency, agreement ended",
        "What happened: Pretextual or prolonged traffic stop; Held on an ICE detainer past release",
        "In custody now: yes; facility: Joint Processing Center; transfer to ICE expected: unknown",
        "URGENT: Someone is in custody right now",
        "Asks for: Help from a lawyer",
        "Evidence available: Video",
    ]


def test_spanish_staff_phrasing(facts):
    text = render_structured(facts, translator("es"))
    assert "Persona afectada: A family member" in text
    assert "Cuándo: 3 de marzo de 2024, a las 21:40 (aproximado)" in text
    assert "condado de Harris" in text
    assert "Modelo de cárcel (Jail Enforcement Model)" in text
    assert "antigua agencia 287(g)" in text
    assert "Detenida ahora: sí; centro: Joint Processing Center" in text
    assert "URGENTE: Someone is in custody right now" in text
    assert "Pide: Help from a lawyer" in text


def test_unknown_staff_language_falls_back_to_english(facts):
    assert render_structured(facts, translator("fr")) == render_structured(facts)
    assert render_structured(facts, translator("es-MX")) == render_structured(
        facts, translator("es")
    )


def test_minor_and_participating_agency_with_spelled_out_models(facts):
    facts = replace(
        facts,
        affected_minor=True,
        date_approximate=False,
        county="Tarrant County",
        agency=AgencyFacts(
            name="Tarrant County Sheriff's Office",
            state="TX",
            models=("Warrant Service Officer ", "JEM", "jem"),
            status="participating",
        ),
    )
    text = render_structured(facts)
    assert "Affected: A family member, a minor" in text
    assert "When: March 3, 2024, at 21:40\n" in text
    assert "Pasadena, Tarrant County, TX" in text
    assert "287(g): Warrant Service Officer model, Jail Enforcement Model\n" in text
    assert "former" not in text


def test_pending_agency(facts):
    facts = replace(facts, agency=replace(facts.agency, status="pending", models=()))
    assert "Agency: Harris County Sheriff's Office (TX) — 287(g) agreement pending" in (
        render_structured(facts)
    )


def test_other_and_unknown_agency(facts):
    other = render_structured(replace(facts, agency=None, agency_choice="other"))
    assert "Agency: another agency, not on the 287(g) list" in other
    unknown = render_structured(
        replace(facts, agency=None, agency_choice="unknown"), translator("es")
    )
    assert "Agencia: desconocida" in unknown


def test_sparse_report_says_what_is_missing():
    text = render_structured(ReportFacts(id=1, language="en"))
    assert text.splitlines() == [
        "Affected: not given",
        "When: not given",
        "Where: not given",
        "Agency: unknown",
        "What happened: not given",
        "Urgent: no",
    ]


def test_time_without_date_and_unparseable_date(facts):
    only_time = replace(facts, incident_date=None, date_approximate=False)
    assert "When: 21:40\n" in render_structured(only_time)
    odd = replace(facts, incident_date="early March", incident_time=None, date_approximate=False)
    assert "When: early March\n" in render_structured(odd)


def test_custody_not_asked_is_left_out(facts):
    facts = replace(
        facts,
        detained_now=None,
        facility=None,
        transfer_expected=None,
        urgent=False,
        urgency_labels=(),
    )
    text = render_structured(facts)
    assert "custody" not in text
    assert "Urgent: no" in text
