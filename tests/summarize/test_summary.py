"""summarize(): the whole summary as the task glue stores it."""

import re
from dataclasses import replace

from workers.contracts import SummarySentence
from workers.i18n import translator
from workers.summarize import summarize

KEYS = {"text", "structured", "sentences", "narrative_language", "machine_generated", "method"}


def test_spanish_report_for_english_staff(facts):
    narrative = (
        "Buenas tardes, me llamo [PERSON 1]. El 3 de marzo un deputy del sheriff de Harris paró "
        "a mi esposo [PERSON 2] en la Spencer Hwy. Le preguntó si tenía papeles y lo esposó. "
        "Se lo llevaron a la cárcel y le pusieron un hold de ICE. Por favor llámenme."
    )
    summary = summarize(facts, narrative)
    assert set(summary.as_dict()) == KEYS
    assert summary.machine_generated is True
    assert summary.method == "extractive"
    assert summary.narrative_language == "es"
    assert summary.text.startswith(summary.structured + "\n\n")
    assert "From the narrative (Spanish, machine-extracted):" in summary.text
    assert "Agency: Harris County Sheriff's Office (TX)" in summary.structured
    assert len(summary.sentences) == 3
    for sentence in summary.sentences:
        assert narrative[sentence.start : sentence.end] == sentence.text
        assert f"- {sentence.text}" in summary.text
    assert "llámenme" not in summary.text


def test_english_report_for_spanish_staff(facts):
    facts = replace(facts, language="en")
    narrative = (
        "A deputy stopped my brother on I-10 and asked for his papers. "
        "He was taken to the county jail and held on an ICE detainer."
    )
    summary = summarize(facts, narrative, translator("es"))
    assert "Del relato (inglés, extracción automática):" in summary.text
    assert summary.structured.startswith("Persona afectada: A family member\nCuándo:")
    assert [s.text for s in summary.sentences] == [
        "A deputy stopped my brother on I-10 and asked for his papers.",
        "He was taken to the county jail and held on an ICE detainer.",
    ]


def test_no_narrative(facts):
    for narrative in ("", None, "   "):
        summary = summarize(facts, narrative)
        assert summary.sentences == ()
        assert summary.text.endswith("\n\nNo narrative given.")
    assert summarize(facts, "", translator("es")).text.endswith("No se dio ningún relato.")


def test_language_defaults_to_english_when_missing(facts):
    summary = summarize(replace(facts, language=""), "The deputy took my phone.")
    assert summary.narrative_language == "en"
    assert summary.sentences == (SummarySentence("The deputy took my phone.", 0, 25),)


def test_corpus_summaries_hold_no_redacted_value(corpus, facts):
    """Every report of the development corpus, redacted as the anonymizer would: no value that
    must be redacted, and nothing the reporter typed in a contact field, reaches the summary."""
    for record in corpus:
        narrative = record["redacted"]
        summary = summarize(replace(facts, id=record["id"], language=record["language"]), narrative)
        text = summary.text
        secrets = [s["text"] for s in record["spans"] if s["action"] == "redact"]
        known = record.get("known") or {}
        secrets += [known.get(k) or "" for k in ("reporter_name", "phone", "email")]
        secrets += known.get("other_names") or []
        for secret in secrets:
            # Extracts are verbatim, so a leak would be too; whole words, as a name ("Will")
            # can also be an ordinary word ("will").
            pattern = rf"(?<!\w){re.escape(secret)}(?!\w)"
            assert not secret.strip() or not re.search(pattern, text), (record["id"], secret)
        assert 1 <= len(summary.sentences) <= 3, record["id"]
        for sentence in summary.sentences:
            assert narrative[sentence.start : sentence.end] == sentence.text
            assert not re.fullmatch(r"[\W\d]*(\[[A-Z_]+ \d+\][\W\d]*)+", sentence.text)
