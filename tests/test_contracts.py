"""The typed data between intake and the workers (workers/contracts.py)."""

import json

import pytest

from workers.contracts import AgencyFacts, Consent, ReportFacts, RoutingDecision, Signal


def test_facts_from_json_round_trip():
    sample = {
        "id": 7,
        "language": "es",
        "categories": ["profiling"],
        "agency": {"name": "Harris County Sheriff's Office", "models": ["JEM"]},
        "consent": {"referral": True},
        "detained_now": "yes",
        "narrative_redacted": "lo tienen en la cárcel",
        "not_a_fact": "ignored",
    }
    facts = ReportFacts.from_mapping(sample)
    assert facts.categories == ("profiling",)
    assert facts.agency == AgencyFacts(name="Harris County Sheriff's Office", models=("JEM",))
    assert facts.consent == Consent(review=True, referral=True, statistics=False)
    again = ReportFacts.from_mapping(json.loads(json.dumps(facts.as_dict())))
    assert again == facts


@pytest.mark.parametrize(
    ("sample", "key"),
    [
        ({"categories": 3}, "categories"),
        ({"categories": [{"a": 1}]}, "categories"),
        ({"agency": "Harris"}, "agency"),
        ({"detained_now": 1.5}, "detained_now"),
        ({"city": ["Houston"]}, "city"),
    ],
)
def test_a_value_of_the_wrong_type_names_its_key(sample, key):
    with pytest.raises(TypeError, match=repr(key)):
        ReportFacts.from_mapping(sample)


def test_routing_with_decision_sets_what_the_summary_shows():
    decision = RoutingDecision(
        queue="rapid-response",
        priority="urgent",
        deadline_hours=2,
        urgent=True,
        level="urgent",
        signals=(
            Signal("in_custody_now", "form", "ticked", "urgent"),
            Signal("in_custody_now", "narrative", "lo tienen", "urgent", "now"),
        ),
    )
    facts = ReportFacts().with_routing(decision)
    assert facts.urgent and facts.key_evidence == ("lo tienen",)
    stored = decision.as_dict()
    assert stored["urgency"][1] == {
        "signal": "in_custody_now",
        "source": "narrative",
        "evidence": "lo tienen",
        "level": "urgent",
        "time": "now",
    }
    assert "signals" not in stored and stored["alert"] == []
