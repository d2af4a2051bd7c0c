"""Per-report summary for staff: the form's facts in the staff language, then the key sentences
of the redacted narrative in the reporter's language.

Built only from what it is given (the structured facts and the already redacted narrative), so
it can never show more than the redacted record does. Pure: imports nothing from `intake`.

    summary = summarize(facts, narrative_redacted, staff_language="en")  # a contracts.Summary

The optional language-model backend is read from the environment (`SUMMARY_LLM_URL`,
`SUMMARY_LLM_MODEL`, `SUMMARY_LLM_TIMEOUT`) unless the caller passes `llm=LlmConfig(...)`, or
`llm=None` to turn it off.
"""

import logging
from collections.abc import Sequence
from typing import Any

from workers.contracts import ReportFacts, Summary, SummarySentence

from .extractive import extract
from .llm import (
    MAX_NARRATIVE_CHARS,
    LlmConfig,
    LlmError,
    check_grounded,
    complete,
    llm_config_from_env,
)
from .phrases import phrases_for
from .structured import language_name, render_structured

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
    staff_language: str = "en",
    llm: LlmConfig | None | _FromEnv = FROM_ENV,
    sentences: Sequence[SummarySentence] | None = None,
    doc: Any = None,
) -> Summary:
    """Summarize one report for staff.

    The summary's `sentences` have offsets into `narrative_redacted`, in narrative order; its
    `method` is "llm" only when the language model answered usably. `sentences` already picked
    from the same narrative (for the same report in another staff language) are used as they
    are rather than picked again; `doc` is the narrative's spaCy parse if the caller has one.
    """
    p = phrases_for(staff_language)
    narrative = narrative_redacted or ""
    narrative_language = (facts.language or "en").lower()
    structured = render_structured(facts, staff_language)
    if sentences is None:
        # What routing relied on must be in the summary staff read (the router's evidence).
        picked = extract(narrative, narrative_language, facts.key_evidence, doc)
        sentences = [SummarySentence(s["text"], s["start"], s["end"]) for s in picked]
    language = language_name(narrative_language, staff_language)

    config = llm_config_from_env() if isinstance(llm, _FromEnv) else llm
    method = "extractive"
    if sentences:
        body = "\n".join(f"- {s.text}" for s in sentences)
        narrative_part = f"{p['from_narrative'].format(language=language)}\n{body}"
    else:
        narrative_part = p["no_narrative"]
    if config is not None and narrative.strip():
        answer = _llm_summary(config, facts, structured, narrative, staff_language, language)
        if answer is not None:
            method = "llm"
            narrative_part = f"{p['from_llm'].format(language=language)}\n{answer}"

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
    staff_language: str,
    language: str,
) -> str | None:
    """The model's summary of the narrative, or None (logged, without content) on any failure."""
    p = phrases_for(staff_language)
    sent_narrative = narrative[:MAX_NARRATIVE_CHARS]
    user = (
        f"{p['llm_facts']}\n{structured}\n\n"
        f"{p['llm_narrative'].format(language=language)}\n{sent_narrative}"
    )
    try:
        answer = complete(config, p["llm_instruction"], user)
        check_grounded(answer, f"{user}\n{facts.incident_date or ''}")
    except LlmError as exc:
        logger.warning(
            "language-model summary failed for report %s (%s); using the extractive summary",
            facts.id,
            exc,
        )
        return None
    return answer
