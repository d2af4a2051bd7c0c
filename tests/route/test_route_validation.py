"""A bad rules file is refused with a message naming the rule (or queue) and the line."""

import textwrap

import pytest

from workers.route import RulesError, load_rules, parse_rules

HEAD = """\
version: "test-1"
queues:
  general-intake: {description: Everything else, on_call: on-call, deadline_hours: 120}
  legal: {description: Detainers, deadline_hours: 24}
rules:
"""


def rules_text(body: str) -> str:
    return HEAD + textwrap.indent(textwrap.dedent(body), "  ")


# (case id, rules body under `rules:` or a whole file, expected words, rule named)
# The line that must be reported carries the marker `#!`.
CASES = [
    (
        "unknown-operator",
        rules_text("""\
        - name: wso-questioning
          when:
            agency.models: {equalz: WSO}  #!
          then: {queue: legal}
        """),
        "unknown operator 'equalz' for field 'agency.models'",
        "wso-questioning",
    ),
    (
        "unknown-field",
        rules_text("""\
        - name: r1
          when:
            any:
              - categories: [profiling]
              - agency.modelz: [WSO]  #!
          then: {queue: legal}
        """),
        "unknown field 'agency.modelz'",
        "r1",
    ),
    (
        "bad-regex",
        rules_text("""\
        - name: r1
          when:
            narrative:
              regex: 'lo tienen (en la carcel'  #!
          then: {queue: legal}
        """),
        "bad regex 'lo tienen (en la carcel'",
        "r1",
    ),
    (
        "queue-not-declared",
        rules_text("""\
        - name: to-nowhere
          when: {categories: [profiling]}
          then:
            queue: rapid-respons  #!
        """),
        "queue 'rapid-respons' is not declared",
        "to-nowhere",
    ),
    (
        "deadline-not-a-number",
        rules_text("""\
        - name: r1
          then:
            deadline_hours: two  #!
        """),
        "deadline_hours must be a whole number",
        "r1",
    ),
    (
        "deadline-boolean",
        rules_text("""\
        - name: r1
          then:
            deadline_hours: true  #!
        """),
        "deadline_hours must be a whole number",
        "r1",
    ),
    (
        "bad-priority",
        rules_text("""\
        - name: r1
          then:
            priority: asap  #!
        """),
        "priority must be one of urgent, check-now, high, normal, low",
        "r1",
    ),
    (
        "flags-wrong-type",
        rules_text("""\
        - name: r1
          then:
            flags: 3  #!
        """),
        "flags must be a flag name or a list",
        "r1",
    ),
    (
        "unknown-action",
        rules_text("""\
        - name: r1
          then:
            queue: legal
            assign: maria  #!
        """),
        "unknown action 'assign'",
        "r1",
    ),
    (
        "unknown-alert-list",
        rules_text("""\
        - name: r1
          then:
            alert: [pagers]  #!
        """),
        "alert list 'pagers' is not the on_call of any queue",
        "r1",
    ),
    (
        "alert-queue-without-on-call",
        rules_text("""\
        - name: r1
          then:
            queue: legal
            alert: true  #!
        """),
        "queue 'legal' has no on_call list",
        "r1",
    ),
    (
        "unknown-rule-key",
        rules_text("""\
        - name: r1
          then: {queue: legal}
          stopp: true  #!
        """),
        "unknown field 'stopp'",
        "r1",
    ),
    (
        "stop-not-boolean",
        rules_text("""\
        - name: r1
          then: {queue: legal}
          stop: sometimes  #!
        """),
        "stop must be true or false",
        "r1",
    ),
    (
        "duplicate-rule-name",
        rules_text("""\
        - name: r1
          then: {queue: legal}
        - name: r1  #!
          then: {queue: legal}
        """),
        "another rule has the same name",
        "r1",
    ),
    (
        "missing-name",
        rules_text("""\
        - name: r1
          then: {queue: legal}
        - when: {categories: [profiling]}  #!
          then: {queue: legal}
        """),
        "a rule needs a name",
        "#2",
    ),
    (
        "unquoted-off-as-name",
        rules_text("""\
        - name: off  #!
          then: {queue: legal}
        """),
        "name must be text (quote yes/no/on/off)",
        "rule #1",
    ),
    (
        "missing-then",
        rules_text("""\
        - name: r1  #!
          when: {categories: [profiling]}
        """),
        "a rule needs 'then'",
        "r1",
    ),
    (
        "unknown-category",
        rules_text("""\
        - name: r1
          when:
            categories: {any_of: [profilling]}  #!
          then: {queue: legal}
        """),
        "unknown value 'profilling' for field 'categories'",
        "r1",
    ),
    (
        "unknown-model",
        rules_text("""\
        - name: r1
          when:
            agency.models: [JEM, XYZ]  #!
          then: {queue: legal}
        """),
        "unknown value 'XYZ' for field 'agency.models'",
        "r1",
    ),
    (
        "bool-field-with-text",
        rules_text("""\
        - name: r1
          when:
            contact_possible: maybe  #!
          then: {queue: legal}
        """),
        "expects true or false",
        "r1",
    ),
    (
        "all-not-a-list",
        rules_text("""\
        - name: r1
          when:
            all: {categories: [profiling]}  #!
          then: {queue: legal}
        """),
        "'all' needs a non-empty list",
        "r1",
    ),
    (
        "not-with-a-scalar",
        rules_text("""\
        - name: r1
          when:
            not: profiling  #!
          then: {queue: legal}
        """),
        "'not' needs a condition",
        "r1",
    ),
    (
        "field-without-operator",
        rules_text("""\
        - name: r1
          when:
            categories: {}  #!
          then: {queue: legal}
        """),
        "field 'categories' needs an operator",
        "r1",
    ),
    (
        "unquoted-no-in-phrases",
        rules_text("""\
        - name: r1
          when:
            narrative: {contains_any: [help, no]}  #!
          then: {queue: legal}
        """),
        "quote yes/no",
        "r1",
    ),
    (
        "urgent-in-urgency-form",
        HEAD
        + """\
  - name: r1
    then: {queue: legal}
urgency:
  form:
    - signal: survivor
      when:
        urgent: [injured]  #!
""",
        "field 'urgent' cannot be used here",
        "urgency form 'survivor'",
    ),
    (
        "unknown-urgency-signal",
        HEAD
        + """\
  - name: r1
    then: {queue: legal}
urgency:
  signals:
    in_danger:  #!
      phrases: [help]
""",
        "unknown urgency signal 'in_danger'",
        "urgency",
    ),
    (
        "bad-urgency-pattern",
        HEAD
        + """\
  - name: r1
    then: {queue: legal}
urgency:
  signals:
    injured:
      patterns:
        en: ['\\bbleeding', '(broken']  #!
""",
        "bad regex '(broken'",
        "urgency signal 'injured'",
    ),
    (
        "unknown-queue-field",
        """\
version: "1"
queues:
  general-intake:
    deadline: 120  #!
rules: []
""",
        "unknown field 'deadline'",
        "queue 'general-intake'",
    ),
    (
        "queue-deadline-negative",
        """\
version: "1"
queues:
  general-intake:
    deadline_hours: -5  #!
rules: []
""",
        "deadline_hours must be a whole number",
        "queue 'general-intake'",
    ),
    (
        "default-queue-undeclared",
        """\
version: "1"
queues:  #!
  intake: {deadline_hours: 120}
rules: []
""",
        "default queue 'general-intake' is not declared",
        None,
    ),
    (
        "unknown-top-level",
        """\
version: "1"
queues: {general-intake: {}}
rules: []
routes: []  #!
""",
        "unknown field 'routes'",
        None,
    ),
    (
        "duplicate-key",
        """\
version: "1"
queues: {general-intake: {}}
rules:
  - name: r1
    then: {queue: general-intake}
    then: {queue: general-intake}  #!
""",
        "duplicate key 'then'",
        None,
    ),
    (
        "yaml-syntax",
        """\
version: "1"
queues: {general-intake: {}}
rules:
  - name: r1
    then: {queue: general-intake  #!
""",
        "invalid YAML",
        None,
    ),
]


def marker_line(text: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if "#!" in line)


@pytest.mark.parametrize(("text", "words", "where"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_bad_rules_are_refused_with_rule_and_line(text, words, where):
    with pytest.raises(RulesError) as caught:
        parse_rules(text, source="rules.yaml")
    error = caught.value
    message = str(error)
    assert words in message
    if error.line is not None or "#!" in text:
        expected_line = marker_line(text)
        if caught.value.detail.startswith("invalid YAML"):
            # the parser notices the unclosed flow mapping where the document ends
            assert error.line is not None and error.line >= expected_line
        else:
            assert error.line == expected_line
            assert message.startswith(f"rules.yaml line {expected_line}")
    if where is not None:
        assert where in message


def test_message_format_matches_the_contract():
    text = rules_text("""\
        - name: wso-questioning
          when:
            agency.models: {equalz: WSO}
          then: {queue: legal}
        """)
    with pytest.raises(RulesError) as caught:
        parse_rules(text)
    assert str(caught.value).startswith(
        "rules.yaml line 8, rule 'wso-questioning': unknown operator 'equalz'"
    )
    assert (caught.value.line, caught.value.where) == (8, "rule 'wso-questioning'")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("queues: {general-intake: {}}\nrules: []\n", "missing 'version'"),
        ('version: "1"\nrules: []\n', "missing 'queues'"),
        ('version: "1"\nqueues: {general-intake: {}}\n', "missing 'rules'"),
        ("- just\n- a list\n", "must be a mapping"),
        ("", "must be a mapping"),
    ],
)
def test_missing_sections(text, words):
    with pytest.raises(RulesError, match=words):
        parse_rules(text)


def test_load_rules_names_the_file(tmp_path):
    path = tmp_path / "custom.yaml"
    path.write_text(
        'version: "1"\nqueues: {general-intake: {}}\nrules:\n  - name: x\n    then: 3\n'
    )
    with pytest.raises(RulesError, match=r"^custom\.yaml line 5, rule 'x': 'then' must be"):
        load_rules(path)


def test_missing_file_is_a_rules_error(tmp_path):
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "absent.yaml")


def test_yes_no_answers_may_be_unquoted():
    rules = parse_rules(rules_text("""\
        - name: held
          when: {detained_now: yes, transfer_expected: [no, unknown]}
          then: {queue: legal}
        """))  # fmt: skip
    assert rules.rules[0].when.lines()[1:] == [
        (1, "detained_now is yes"),
        (1, "transfer_expected is one of: no, unknown"),
    ]
