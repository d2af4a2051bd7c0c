"""Urgency detection from form and narrative, including negations, in English and Spanish.

Since the narrative is read for concepts with their time (workers/route/situation.py), the
evidence is the clause that says it, and each detection has a level (urgent or check-now).
"""

import pytest

from workers.route import default_rules_path, detect_urgency, dry_run, load_rules

RULES = load_rules(default_rules_path())

# (narrative, expected signal, words the evidence quotes as written by the reporter)
DETECTED = [
    ("lo tienen en la cárcel ahorita", "in_custody_now", "lo tienen en la cárcel ahorita"),
    ("LO TIENEN EN LA CARCEL", "in_custody_now", "LO TIENEN EN LA CARCEL"),
    ("Mi hermano está detenido desde ayer", "in_custody_now", "está detenido"),
    ("A [PERSON 1] lo acaban de arrestar", "in_custody_now", "lo acaban de arrestar"),
    ("My son is still in ICE custody", "in_custody_now", "is still in ICE custody"),
    ("he's in jail right now", "in_custody_now", "'s in jail right now"),
    ("ICE is picking him up tonight", "transfer_imminent", "ICE is picking him up tonight"),
    (
        "ICE is picking up [PERSON 1] tomorrow",
        "transfer_imminent",
        "ICE is picking up [PERSON 1] tomorrow",
    ),
    (
        "He is going to be transferred to ICE",
        "transfer_imminent",
        "is going to be transferred to ICE",
    ),
    ("se lo llevan mañana", "transfer_imminent", "se lo llevan mañana"),
    ("La van a deportar", "transfer_imminent", "La van a deportar"),
    ("no le dan su medicina", "medical_emergency", "no le dan su medicina"),
    ("She needs her insulin", "medical_emergency", "needs her insulin"),
    ("he had a heart attack in the cell", "medical_emergency", "heart attack"),
    ("mi hijo se quedó solo", "minor_involved", "mi hijo se quedó solo"),
    ("The children are alone at home", "minor_involved", "The children are alone"),
    ("está sangrando", "injured", "está sangrando"),
    ("they punched him twice", "injured", "punched him"),
    ("He is a US citizen", "citizenship_claim", "is a US citizen"),
    ("she is a U.S. citizen", "citizenship_claim", "is a U.S. citizen"),
    ("soy ciudadano", "citizenship_claim", "soy ciudadano"),
    ("Ella nació aquí", "citizenship_claim", "nació aquí"),
    ("she is a survivor of trafficking", "survivor", "survivor of trafficking"),
    ("víctima de trata", "survivor", "víctima de trata"),
    # doubt is not negation
    ("No sabemos si lo tienen detenido", "in_custody_now", "lo tienen detenido"),
    ("We don't know if they have him in custody", "in_custody_now", "they have him in custody"),
    # a negation in another clause does not count
    ("No tiene papeles y lo tienen detenido", "in_custody_now", "lo tienen detenido"),
    ("He did nothing wrong, no, they have him in jail", "in_custody_now", "they have him in jail"),
]


@pytest.mark.parametrize(("narrative", "signal", "evidence"), DETECTED)
def test_narrative_signal_with_evidence(narrative, signal, evidence):
    found = detect_urgency({"narrative_redacted": narrative}, RULES)
    hits = [f for f in found if f["signal"] == signal and f["source"] == "narrative"]
    assert hits, found
    assert evidence in hits[0]["evidence"]
    assert hits[0]["evidence"] in narrative  # the reporter's words, never the placeholders' parse
    assert hits[0]["level"] in ("urgent", "check-now")


# (narrative, signal that a naive phrase match would find, expected suppression reason)
NEGATED = [
    ("Ya no está detenido", "in_custody_now", "negated"),
    ("ya no lo tienen en la cárcel", "in_custody_now", "negated"),
    ("Gracias a Dios no está detenido", "in_custody_now", "negated"),
    ("Según la cárcel está detenido, pero ya lo soltaron.", "in_custody_now", "over"),
    ("They say he is in custody but he was released an hour ago.", "in_custody_now", "over"),
    ("The officer said she is not bleeding", "injured", "negated"),
    ("No one was injured", "injured", "negated"),
    ("No está herido", "injured", "negated"),
    ("He does not need a doctor", "medical_emergency", "negated"),
    ("No es ciudadano", "citizenship_claim", "negated"),
    ("no se lo llevan mañana, ya lo arreglaron", "transfer_imminent", "negated"),
    ("I don't think ICE is picking him up tonight", "transfer_imminent", "negated"),
]


@pytest.mark.parametrize(("narrative", "signal", "reason"), NEGATED)
def test_negated_mentions_are_not_urgent(narrative, signal, reason):
    found = detect_urgency({"narrative_redacted": narrative}, RULES)
    assert signal not in {f["signal"] for f in found}
    result = dry_run({"narrative_redacted": narrative}, RULES)
    suppressed = [s for s in result["urgency_suppressed"] if s["signal"] == signal]
    assert suppressed and suppressed[0]["reason"].startswith(reason)
    assert not result["urgent"]


NOT_URGENT = [
    "He was detained last year at a traffic stop and released the same day.",
    "Lo detuvieron el año pasado en un retén.",
    "He is no longer detained.",
    "Ya lo soltaron.",
    "They asked where he was born and wrote him a ticket.",
    "Minor damage to the car.",
    "Tiene 10 años viviendo aquí.",
    "",
]


@pytest.mark.parametrize("narrative", NOT_URGENT)
def test_past_or_unrelated_narratives_are_not_urgent(narrative):
    found = detect_urgency({"narrative_redacted": narrative}, RULES)
    assert found == []


FORM = [
    ({"urgent_signals": ["medical_emergency"]}, "medical_emergency", "ticked"),
    ({"detained_now": "yes"}, "in_custody_now", "detained_now is yes"),
    ({"detained_now": True}, "in_custody_now", "detained_now is yes"),
    ({"transfer_expected": "yes"}, "transfer_imminent", "transfer_expected is yes"),
    (
        {"affected_minor": True, "categories": ["family_separation"]},
        "minor_involved",
        "affected_minor is true and categories includes any of: family_separation",
    ),
    (
        {"categories": ["medical_care"], "detained_now": "unknown"},
        "medical_emergency",
        "categories includes any of: medical_care and detained_now is one of: yes, unknown",
    ),
]


@pytest.mark.parametrize(("facts", "signal", "evidence"), FORM)
def test_form_signals(facts, signal, evidence):
    found = detect_urgency(facts, RULES)
    expected = {"signal": signal, "source": "form", "evidence": evidence, "level": "urgent",
                "time": None}  # fmt: skip
    assert expected in found
    assert all(f["level"] == "check-now" for f in found if f != expected)


@pytest.mark.parametrize(
    "facts",
    [
        {"detained_now": "no"},
        {"affected_minor": True},  # a minor, but no separation: not an emergency by itself
        {"categories": ["family_separation"]},
        {"categories": ["citizen_detained"], "detained_now": "no"},
        {"categories": ["medical_care"]},
    ],
)
def test_form_answers_that_are_not_urgent(facts):
    assert detect_urgency(facts, RULES) == []


@pytest.mark.parametrize("facts", [{"detained_now": "unknown"}, {"transfer_expected": "unknown"}])
def test_a_dont_know_on_the_form_is_check_now(facts):
    found = detect_urgency(facts, RULES)
    assert [f["level"] for f in found] == ["check-now"]
    assert dry_run(facts, RULES)["level"] == "check-now"


def test_one_detection_per_signal_and_source():
    found = detect_urgency(
        {"detained_now": "yes", "urgent_signals": ["in_custody_now"],
         "narrative_redacted": "está detenido. Lo tienen en la cárcel."},
        RULES,
    )  # fmt: skip
    assert [(f["signal"], f["source"]) for f in found] == [
        ("in_custody_now", "form"),
        ("in_custody_now", "narrative"),
    ]
    assert found[1]["evidence"] == "está detenido"


def test_detect_urgency_defaults_to_shipped_rules():
    found = detect_urgency({"narrative_redacted": "está sangrando", "language": "es"})
    assert {"signal": "injured", "source": "narrative", "evidence": "está sangrando",
            "level": "urgent", "time": "now"} in found  # fmt: skip
