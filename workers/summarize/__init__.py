"""Per-report summary for staff: the form's facts in the staff language, then the key sentences
of the redacted narrative in the reporter's language.

Built only from what it is given (the structured facts and the already redacted narrative), so
it can never show more than the redacted record does. Pure: imports nothing from `intake`.

    summary = summarize(facts, narrative_redacted, translator("es"))  # a contracts.Summary

The fixed words come from the one catalogue (workers/i18n.py), through the `Translator` for the
staff language that the caller hands in.

The optional language-model backend: the worker passes the one its settings parsed at start
(`llm=LlmConfig(...)`, or `llm=None` when it is off); the command lines and tests that pass
nothing get the one the environment configures (`SUMMARY_LLM_*`, workers/settings.py).
"""

import logging
from collections.abc import Sequence
from typing import Any

from workers.contracts import ReportFacts, Summary, SummarySentence
from workers.i18n import ENGLISH, Translator
from workers.settings import LlmConfig, llm_config_from_env

from .extractive import extract
from .llm import MAX_NARRATIVE_CHARS, LlmError, check_grounded, complete
from .structured import render_structured

__all__ = ["FROM_ENV", "LlmConfig", "llm_config_from_env", "summarize"]

logger = logging.getLogger(__name__)


class _FromEnv:
    def __repr__(self) -> str:
        return "FROM_ENV"


FROM_ENV = _FromEnv()
"""Default for `summarize(llm=...)`: use the backend the environment configures, if any."""


def summarize(
    facts: ReportFacts,
    narrative_redacted: str | None,
    t: Translator = ENGLISH,
    llm: LlmConfig | None | _FromEnv = FROM_ENV,
    sentences: Sequence[SummarySentence] | None = None,
    doc: Any = None,
) -> Summary:
    """Summarize one report for staff, in the language of `t`.

    The summary's `sentences` have offsets into `narrative_redacted`, in narrative order; its
    `method` is "llm" only when the language model answered usably. `sentences` already picked
    from the same narrative (for the same report in another staff language) are used as they
    are rather than picked again; `doc` is the narrative's spaCy parse if the caller has one.
    """
    narrative = narrative_redacted or ""
    narrative_language = (facts.language or "en").lower()
    structured = render_structured(facts, t)
    if sentences is None:
        # What routing relied on must be in the summary staff read (the router's evidence).
        picked = extract(narrative, narrative_language, facts.key_evidence, doc)
        sentences = [SummarySentence(s["text"], s["start"], s["end"]) for s in picked]
    language = t.language_name(narrative_language)

    config = llm_config_from_env() if isinstance(llm, _FromEnv) else llm
    method = "extractive"
    if sentences:
        body = "\n".join(f"- {s.text}" for s in sentences)
        heading = t.gettext(
            "From the narrative (%(language)s, machine-extracted):", language=language
        )
        narrative_part = f"{heading}\n{body}"
    else:
        narrative_part = t.gettext("No narrative given.")
    if config is not None and narrative.strip():
        answer = _llm_summary(config, facts, structured, narrative, t, language)
        if answer is not None:
            method = "llm"
            heading = t.gettext(
                "Narrative summary (written by a language model from the redacted %(language)s"
                " narrative, machine-generated):",
                language=language,
            )
            narrative_part = f"{heading}\n{answer}"

    return Summary(
        text=f"{structured}\n\n{narrative_part}",
        structured=structured,
        sentences=tuple(sentences),
        narrative_language=narrative_language,
        method=method,
    )


def _llm_summary(
    config: LlmConfig,
    facts: ReportFacts,
    structured: str,
    narrative: str,
    t: Translator,
    language: str,
) -> str | None:
    """The model's summary of the narrative, or None (logged, without content) on any failure."""
    sent_narrative = narrative[:MAX_NARRATIVE_CHARS]
    facts_heading = t.gettext("Facts from the form:")
    narrative_heading = t.gettext("Redacted narrative (%(language)s):", language=language)
    user = f"{facts_heading}\n{structured}\n\n{narrative_heading}\n{sent_narrative}"
    try:
        answer = complete(config, _instruction(t), user)
        check_grounded(answer, f"{user}\n{facts.incident_date or ''}")
    except LlmError as exc:
        logger.warning(
            "language-model summary failed for report %s (%s); using the extractive summary",
            facts.id,
            exc,
        )
        return None
    return answer


def _instruction(t: Translator) -> str:
    """The model's instruction, in the staff language (the answer comes back in it)."""
    # Translators: say "in <your language>" where this says "in English": the model answers in it.
    return t.gettext(
        "You summarize civil-rights complaints about 287(g) immigration policing for the"
        " staff of a legal-aid organisation. Write two or three plain sentences in English"
        " that say what happened according to the narrative: who acted (agency, officers),"
        " what they did, where and when. Use only the text you are given; do not guess or"
        " add names, numbers or facts. Keep placeholders such as [PERSON 1] exactly as they"
        " are. Answer with the summary only."
    )
