"""The shipped rules (workers/route/rules.yaml), case by case, in English and Spanish."""

import pytest

from workers.route import complete_sample, default_rules_path, load_rules, route

RULES = load_rules(default_rules_path())

WSO_AGENCY = {"name": "Example County Sheriff's Office", "state": "TX", "county": "Example",
              "models": ["WSO"], "status": "participating"}  # fmt: skip
WSO_JEM_AGENCY = {**WSO_AGENCY, "models": ["WSO", "JEM"]}
TFM_AGENCY = {**WSO_AGENCY, "models": ["TFM"]}


def facts(**overrides):
    base = {
        "id": 1,
        "language": "en",
        "categories": [],
        "agency": None,
        "agency_choice": "unknown",
        "urgent_signals": [],
        "detained_now": "no",
        "transfer_expected": "no",
        "affected_minor": False,
        "consent": {"review": True, "referral": False, "statistics": True},
        "contact_possible": True,
        "narrative_redacted": "",
    }
    return complete_sample({**base, **overrides})


URGENT = dict(queue="rapid-response", priority="urgent", deadline=2, alert=["on-call"],
              urgent=True, matched=["urgent-signals"])  # fmt: skip
LEGAL = dict(queue="legal", priority="high", deadline=24, alert=[], urgent=False,
             matched=["detainer-or-transfer"])  # fmt: skip
REFERRAL = dict(queue="referral", priority="normal", deadline=72, alert=[], urgent=False,
                matched=["crcl-referral"])  # fmt: skip
# It might be urgent: top of the queue, 4 h, no page-out.
CHECK_NOW = dict(queue="rapid-response", priority="check-now", deadline=4, alert=[], urgent=False,
                 matched=["check-now"])  # fmt: skip
GENERAL = dict(queue="general-intake", priority="normal", deadline=120, alert=[], urgent=False,
               matched=["general-intake"])  # fmt: skip

# (case id, facts overrides, expected outcome, expected urgency signals as (signal, source))
CASES = [
    # urgent-signals, from the narrative
    (
        "custody-en",
        dict(narrative_redacted="They have [PERSON 1] in the county jail right now."),
        URGENT,
        [("in_custody_now", "narrative")],
    ),
    (
        "custody-es",
        dict(language="es", narrative_redacted="A mi esposo lo tienen en la cárcel ahorita."),
        URGENT,
        [("in_custody_now", "narrative")],
    ),
    (
        "custody-es-no-accents",
        dict(language="es", narrative_redacted="[PERSON 1] esta detenido en Conroe"),
        URGENT,
        [("in_custody_now", "narrative")],
    ),
    (
        "transfer-en",
        dict(narrative_redacted="The jail says ICE is picking him up tonight."),
        URGENT,
        [("transfer_imminent", "narrative")],
    ),
    (
        "transfer-es",
        dict(language="es", narrative_redacted="Dicen que se lo llevan mañana a migración."),
        URGENT,
        [("transfer_imminent", "narrative")],
    ),
    (
        "medical-en",
        dict(narrative_redacted="They are not giving him his insulin and he is diabetic."),
        URGENT,
        [("medical_emergency", "narrative")],
    ),
    (
        "medical-es",
        dict(language="es", narrative_redacted="En la cárcel no le dan su medicina."),
        URGENT,
        [("medical_emergency", "narrative")],
    ),
    (
        "minor-en",
        dict(narrative_redacted="They took my wife and my kids are home alone."),
        URGENT,
        [("minor_involved", "narrative")],
    ),
    (
        "minor-es",
        dict(language="es", narrative_redacted="Se llevaron a mi esposa y mi hijo se quedó solo."),
        URGENT,
        # the wife taken, time unclear, is also read (a check-now signal beside the urgent one)
        [("minor_involved", "narrative"), ("in_custody_now", "narrative")],
    ),
    (
        "injured-en",
        dict(narrative_redacted="The deputy slammed him on the car and he is bleeding."),
        URGENT,
        [("injured", "narrative")],
    ),
    (
        "injured-es",
        dict(language="es", narrative_redacted="Lo tiraron al suelo y está sangrando."),
        URGENT,
        [("injured", "narrative")],
    ),
    (
        "citizen-en",
        dict(narrative_redacted="He is a US citizen and they still held him for ICE."),
        URGENT,
        [("in_custody_now", "narrative"), ("citizenship_claim", "narrative")],
    ),
    (
        "citizen-es",
        # a claim with nobody said to be held is worth a check, not a page-out
        dict(language="es", narrative_redacted="Les dije: soy ciudadano americano."),
        CHECK_NOW,
        [("citizenship_claim", "narrative")],
    ),
    (
        "survivor-en",
        # a survivor with no present danger described: check now
        dict(narrative_redacted="She is a survivor of domestic violence."),
        CHECK_NOW,
        [("survivor", "narrative")],
    ),
    (
        "survivor-es",
        dict(language="es", narrative_redacted="Ella es sobreviviente de violencia doméstica."),
        CHECK_NOW,
        [("survivor", "narrative")],
    ),
    # urgent-signals, from the form
    ("ticked-en", dict(urgent_signals=["in_custody_now"]), URGENT, [("in_custody_now", "form")]),
    (
        "ticked-es",
        dict(language="es", urgent_signals=["survivor", "injured"]),
        URGENT,
        [("survivor", "form"), ("injured", "form")],
    ),
    ("detained-now", dict(detained_now="yes"), URGENT, [("in_custody_now", "form")]),
    (
        "transfer-expected-es",
        dict(language="es", transfer_expected="yes"),
        URGENT,
        [("transfer_imminent", "form")],
    ),
    (
        "minor-separated",
        dict(affected_minor=True, categories=["family_separation"]),
        URGENT,
        [("minor_involved", "form")],
    ),
    (
        "citizen-unknown-custody",
        dict(categories=["citizen_detained"], detained_now="unknown"),
        URGENT,
        [("in_custody_now", "form"), ("citizenship_claim", "form")],
    ),
    (
        "form-and-narrative",
        dict(
            language="es", detained_now="yes", narrative_redacted="lo tienen en la cárcel ahorita"
        ),
        URGENT,
        [("in_custody_now", "form"), ("in_custody_now", "narrative")],
    ),
    # urgency wins over legal and referral
    (
        "urgent-beats-legal",
        dict(categories=["detainer_hold"], detained_now="yes", consent={"referral": True}),
        URGENT,
        [("in_custody_now", "form")],
    ),
    # detainer-or-transfer
    (
        "detainer-en",
        dict(
            categories=["detainer_hold"],
            narrative_redacted="Last year they held me two extra days on a detainer.",
        ),
        LEGAL,
        [],
    ),
    (
        "transfer-es-past",
        dict(
            language="es",
            categories=["transfer_to_ice"],
            narrative_redacted="El año pasado me entregaron a ICE sin avisar.",
        ),
        LEGAL,
        [],
    ),
    (
        "legal-beats-referral",
        dict(categories=["transfer_to_ice", "profiling"], consent={"referral": True}),
        LEGAL,
        [],
    ),
    # crcl-referral
    (
        "referral-en",
        dict(
            categories=["profiling", "traffic_stop"],
            consent={"referral": True},
            narrative_redacted="They stopped us because we look Latino.",
        ),
        REFERRAL,
        [],
    ),
    (
        "referral-es",
        dict(
            language="es",
            categories=["language_access"],
            consent={"referral": True},
            narrative_redacted="No me dieron intérprete en la cárcel.",
        ),
        REFERRAL,
        [],
    ),
    ("no-referral-consent", dict(categories=["profiling"]), GENERAL, []),
    (
        "referral-outside-crcl",
        dict(categories=["property_seized"], consent={"referral": True}),
        GENERAL,
        [],
    ),
    # general-intake
    (
        "general-en",
        dict(categories=["other"], narrative_redacted="They took my phone last spring."),
        GENERAL,
        [],
    ),
    (
        "general-es",
        dict(
            language="es",
            categories=["home_entry"],
            narrative_redacted="Entraron a la casa sin orden el mes pasado.",
        ),
        GENERAL,
        [],
    ),
    ("empty-report", {}, GENERAL, []),
]


@pytest.mark.parametrize(("facts_overrides", "expected", "signals"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])  # fmt: skip
def test_default_rules(facts_overrides, expected, signals):
    decision = route(facts(**facts_overrides), RULES).as_dict()
    assert decision["queue"] == expected["queue"]
    assert decision["priority"] == expected["priority"]
    assert decision["deadline_hours"] == expected["deadline"]
    assert decision["alert"] == expected["alert"]
    assert decision["urgent"] is expected["urgent"]
    assert [m["rule"] for m in decision["matched"]] == expected["matched"]
    assert [(u["signal"], u["source"]) for u in decision["urgency"]] == signals
    assert decision["rules_version"] == RULES.version
    assert f"because rule {expected['matched'][-1]}" in decision["explanation"]


WSO_CASES = [
    (
        "wso-category",
        dict(agency=WSO_AGENCY, categories=["status_questioning"]),
        ["beyond-agreement"],
        "general-intake",
    ),
    (
        "wso-narrative-en",
        dict(agency=WSO_AGENCY, narrative_redacted="At booking the deputy asked about my status."),
        ["beyond-agreement"],
        "general-intake",
    ),
    (
        "wso-narrative-es",
        dict(
            language="es",
            agency=WSO_AGENCY,
            narrative_redacted="En la cárcel me preguntaron si tenía papeles.",
        ),
        ["beyond-agreement"],
        "general-intake",
    ),
    (
        "wso-referral",
        dict(agency=WSO_AGENCY, categories=["status_questioning"], consent={"referral": True}),
        ["beyond-agreement"],
        "referral",
    ),
    (
        "wso-urgent-es",
        dict(
            language="es",
            agency=WSO_AGENCY,
            categories=["status_questioning"],
            narrative_redacted="está detenido",
        ),
        ["beyond-agreement"],
        "rapid-response",
    ),
    (
        "wso-and-jem",
        dict(agency=WSO_JEM_AGENCY, categories=["status_questioning"]),
        [],
        "general-intake",
    ),
    ("tfm-only", dict(agency=TFM_AGENCY, categories=["status_questioning"]), [], "general-intake"),
    (
        "wso-other-category",
        dict(agency=WSO_AGENCY, categories=["jail_conditions"]),
        [],
        "general-intake",
    ),
    ("no-agency", dict(categories=["status_questioning"]), [], "general-intake"),
    ("no-contact-en", dict(contact_possible=False), ["no-contact"], "general-intake"),
    (
        "no-contact-wso-es",
        dict(
            language="es",
            contact_possible=False,
            agency=WSO_AGENCY,
            categories=["status_questioning"],
        ),
        ["beyond-agreement", "no-contact"],
        "general-intake",
    ),
]


@pytest.mark.parametrize(("facts_overrides", "flags", "queue"),
                         [c[1:] for c in WSO_CASES], ids=[c[0] for c in WSO_CASES])  # fmt: skip
def test_flag_rules_continue(facts_overrides, flags, queue):
    decision = route(facts(**facts_overrides), RULES).as_dict()
    assert decision["flags"] == flags
    assert decision["queue"] == queue
    for flag in flags:
        assert f"flag {flag} because rule" in decision["explanation"]


def test_explanation_names_signal_evidence_and_rule():
    decision = route(
        facts(language="es", narrative_redacted="Por favor, lo tienen en la cárcel ahorita."),
        RULES,
    ).as_dict()
    assert decision["explanation"] == (
        "urgent because: someone in custody now: \u201clo tienen en la cárcel ahorita\u201d "
        "(narrative); queue rapid-response, priority urgent, deadline 2 h, alert on-call "
        "because rule urgent-signals"
    )
    assert decision["matched"][0]["changes"] == {
        "queue": "rapid-response",
        "priority": "urgent",
        "deadline_hours": 2,
        "alert": ["on-call"],
    }


def test_decision_is_plain_json():
    import json

    decision = route(facts(detained_now="yes", agency=WSO_AGENCY), RULES).as_dict()
    assert json.loads(json.dumps(decision)) == decision


def test_queues_declared_with_on_call_and_description():
    assert set(RULES.queues) == {"rapid-response", "legal", "referral", "general-intake"}
    for queue in RULES.queues.values():
        assert queue.description
        assert queue.on_call == "on-call"
    assert RULES.queues["rapid-response"].deadline_hours == 2


def test_to_display_is_readable():
    shown = RULES.to_display()
    assert shown["version"] == RULES.version
    names = [r["name"] for r in shown["rules"]]
    assert names == [r.name for r in RULES.rules]
    legal = shown["rules"][names.index("detainer-or-transfer")]
    assert legal["when_text"] == "categories includes any of: detainer_hold, transfer_to_ice"
    assert legal["then"] == ["queue legal", "priority high", "deadline 24 h", "stop"]
    wso = shown["rules"][names.index("wso-status-questioning")]
    assert wso["when"][0] == {"depth": 0, "text": "all of:"}
    assert {"depth": 2, "text": "categories includes any of: status_questioning"} in wso["when"]
    catch_all = shown["rules"][-1]
    assert catch_all["when_text"] == "always"
    assert {s["signal"] for s in shown["urgency"]["signals"]} >= {"in_custody_now", "survivor"}
