"""The engine on small rule sets: operators, order and stop, fallback, dry-run trace."""

import textwrap

import pytest

from workers.route import complete_sample, dry_run, parse_rules, route

HEAD = """\
version: "engine-1"
queues:
  general-intake: {on_call: intake-desk, deadline_hours: 120}
  special: {on_call: special-desk, deadline_hours: 10}
  quiet: {}
"""


def one_rule(when: str) -> str:
    return (
        HEAD
        + "rules:\n  - name: probe\n    when:\n"
        + textwrap.indent(textwrap.dedent(when).rstrip("\n") + "\n", "      ")
        + "    then: {queue: special}\n"
    )


HARRIS = {"name": "Harris County Sheriff's Office", "state": "TX", "county": "Harris County",
          "models": ["Jail Enforcement Model ", "TFM"], "status": "former"}  # fmt: skip
BASE = complete_sample({
    "language": "es",
    "categories": ["profiling", "traffic_stop"],
    "agency": HARRIS,
    "agency_choice": "listed",
    "state": "TX",
    "county": "Harris",
    "city": "Houston",
    "urgent_signals": ["injured"],
    "detained_now": "unknown",
    "consent": {"review": True, "referral": True, "statistics": False},
    "contact_possible": True,
    "narrative_redacted": "Nos pararon en la carretera; el oficial [PERSON 1] pidió papeles.",
})  # fmt: skip

# (condition YAML, expected result against BASE)
OPERATORS = [
    ("categories: {any_of: [profiling, other]}", True),
    ("categories: {any_of: [other]}", False),
    ("categories: {all_of: [profiling, traffic_stop]}", True),
    ("categories: {all_of: [profiling, home_entry]}", False),
    ("categories: {none_of: [home_entry]}", True),
    ("categories: {none_of: [profiling]}", False),
    ("categories: {empty: false}", True),
    ("categories: profiling", True),
    ("agency.models: {any_of: [jem]}", True),  # long names and case are normalised
    ("agency.models: {all_of: [JEM, TFM]}", True),
    ("agency.models: {none_of: [WSO]}", True),
    ("agency.state: TX", True),
    ("agency.state: tx", True),
    ("agency.state: [FL, GA]", False),
    ("agency.county: {equals: Harris}", True),  # "Harris County" == "Harris"
    ("agency.status: former", True),
    ("agency.status: {in: [participating, pending]}", False),
    ('agency.name: {equals: "harris county sheriff\'s office"}', True),
    ("agency_choice: listed", True),
    ("state: {in: [TX, FL]}", True),
    ("county: {empty: false}", True),
    ("city: {equals: houston}", True),
    ("language: es", True),
    ("language: en", False),
    ("urgent: true", True),  # injured, ticked
    ("urgent: {any_of: [injured]}", True),
    ("urgent: {none_of: [in_custody_now]}", True),
    ("urgent_signals: {all_of: [injured]}", True),
    ("detained_now: unknown", True),
    ("transfer_expected: {empty: true}", True),
    ("consent.review: true", True),
    ("consent.referral: {equals: true}", True),
    ("consent.statistics: true", False),
    ("contact_possible: true", True),
    ("affected_minor: false", True),
    ("narrative: {contains_any: [pidio papeles]}", True),  # accent-insensitive
    ("narrative: {contains_any: [PIDIÓ PAPELES]}", True),
    ("narrative: {contains_any: [papel]}", False),  # whole words only
    ("narrative: [carretera, highway]", True),
    ("narrative: {regex: 'nos (pararon|detuvieron)'}", True),
    ("narrative: {regex: '\\[PERSON \\d+\\] pidió'}", True),
    ("narrative: {regex: '^highway'}", False),
    ("{all: [{language: es}, {state: TX}]}", True),
    ("{all: [{language: es}, {state: CA}]}", False),
    ("{any: [{language: en}, {state: TX}]}", True),
    ("{any: [{language: en}, {state: CA}]}", False),
    ("{not: {language: en}}", True),
    ("{not: {language: es}}", False),
    ("{language: es, state: CA}", False),  # several entries: all must hold
    ("[{language: es}, {state: TX}]", True),  # a list: all must hold
    ("{categories: {any_of: [profiling], none_of: [other]}}", True),
]


@pytest.mark.parametrize(("condition", "expected"), OPERATORS)
def test_operators(condition, expected):
    rules = parse_rules(one_rule(condition))
    decision = route(BASE, rules).as_dict()
    assert (decision["queue"] == "special") is expected


def test_missing_agency_and_fields_never_match_positively():
    empty = complete_sample({})
    for condition in ("agency.models: [WSO]", "agency.state: TX", "state: TX",
                      "narrative: [help]", "consent.referral: true"):  # fmt: skip
        assert route(empty, parse_rules(one_rule(condition))).queue == "general-intake"
    assert route(empty, parse_rules(one_rule("agency.models: {empty: true}"))).queue == "special"


NO_CATCH_ALL = (
    HEAD
    + """\
rules:
  - name: spanish-flag
    when: {language: es}
    then: {flags: [spanish]}
  - name: special-only
    when: {categories: [home_entry]}
    then: {queue: special}
"""
)


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_rule_chooses_a_queue_falls_back_to_general_intake(language):
    rules = parse_rules(NO_CATCH_ALL)
    decision = route(complete_sample({"language": language}), rules).as_dict()
    assert decision["queue"] == "general-intake"
    assert decision["priority"] == "normal"
    assert decision["deadline_hours"] == 120
    assert decision["alert"] == []
    assert decision["explanation"].endswith(
        "queue general-intake because no rule chose a queue (default)"
    )
    assert [m["rule"] for m in decision["matched"]] == (
        ["spanish-flag"] if language == "es" else []
    )


ORDER = (
    HEAD
    + """\
rules:
  - name: first
    when: {language: es}
    then: {queue: special, flags: [a], alert: true}
  - name: second
    when: {language: es}
    then: {queue: quiet, flags: [a, b]}
  - name: third
    then: {priority: low, alert: [special-desk]}
    stop: true
  - name: never
    then: {queue: general-intake}
  - name: switched-off
    enabled: false
    then: {queue: special}
"""
)


def test_order_stop_deadline_reset_flags_and_alerts():
    rules = parse_rules(ORDER)
    result = dry_run({"language": "es"}, rules)
    # `quiet` has no deadline: moving there resets the deadline to none
    assert result["queue"] == "quiet"
    assert result["deadline_hours"] is None
    assert result["priority"] == "low"
    assert result["flags"] == ["a", "b"]
    assert result["alert"] == ["special-desk"]
    assert [m["rule"] for m in result["matched"]] == ["first", "second", "third"]
    assert result["matched"][1]["changes"] == {
        "queue": "quiet", "deadline_hours": None, "flags": ["a", "b"],
    }  # fmt: skip
    assert result["matched"][0]["changes"]["alert"] == ["special-desk"]
    by_rule = {t["rule"]: t for t in result["trace"]}
    assert by_rule["third"]["note"] == "stopped evaluation"
    assert not by_rule["never"]["evaluated"]
    assert by_rule["never"]["note"] == "not evaluated: rule third stopped evaluation"
    assert by_rule["switched-off"]["note"].startswith("not evaluated")


def test_disabled_rule_is_skipped():
    rules = parse_rules(ORDER.replace("    stop: true\n", ""))
    result = dry_run({"language": "en"}, rules)
    by_rule = {t["rule"]: t for t in result["trace"]}
    assert by_rule["switched-off"]["note"] == "disabled"
    assert result["queue"] == "general-intake"  # rule `never`


def test_alert_true_uses_the_current_queue_on_call_list():
    rules = parse_rules(HEAD + "rules:\n  - name: a\n    then: {queue: special, alert: true}\n")
    assert route(complete_sample({}), rules).alert == ("special-desk",)


def test_dry_run_traces_every_condition():
    rules = parse_rules(one_rule("""\
        all:
          - language: es
          - any:
              - state: CA
              - narrative: {contains_any: [carretera]}
          - not: {consent.statistics: true}
        """))  # fmt: skip
    result = dry_run(BASE, rules)
    assert result["queue"] == "special"
    rows = result["trace"][0]["conditions"]
    assert [(r["depth"], r["condition"], r["result"]) for r in rows] == [
        (0, "all of:", True),
        (1, "language is es", True),
        (1, "any of:", True),
        (2, "state is CA", False),
        (2, "narrative contains any of: \u201ccarretera\u201d", True),
        (1, "not:", True),
        (2, "consent.statistics is true", False),
    ]
    assert rows[4]["detail"] == "found \u201ccarretera\u201d"
    assert rows[3]["detail"] == "value: TX"


def test_dry_run_accepts_a_bare_narrative_and_partial_samples():
    rules = parse_rules(one_rule("urgent: {any_of: [in_custody_now]}"))
    result = dry_run("lo tienen en la cárcel ahorita", rules)  # no urgency section: no phrases
    assert result["queue"] == "general-intake"
    assert result["facts"]["narrative_redacted"] == "lo tienen en la cárcel ahorita"
    result = dry_run({"detained_now": "yes", "consent": {"referral": True}}, rules)
    assert result["facts"]["consent"] == {"review": True, "referral": True, "statistics": False}
    assert result["urgency"] == []  # this file maps no form answers to signals ...
    assert result["queue"] == "general-intake"
    result = dry_run({"urgent_signals": ["in_custody_now"]}, rules)
    assert result["queue"] == "special"  # ... but what the reporter ticked always counts


def test_urgent_is_true_when_priority_is_urgent_even_without_signals():
    rules = parse_rules(HEAD + "rules:\n  - name: a\n    then: {priority: urgent}\n")
    decision = route(complete_sample({}), rules)
    assert decision.urgent is True
    assert decision.explanation.startswith("no urgency signal; priority urgent because rule a")
