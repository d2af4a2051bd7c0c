"""Staff corrections of the anonymizer: redact more, or restore a word removed by mistake.

The corrected text replaces the redacted text in place (the narrative, its summaries, or one
reporter message), so every view, export, summary and digest uses it from then on. Each
correction is a `RedactionCorrection` row (kind and label, never the text) and an audit event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..models import RedactionCorrection, Report, ReportMessage, StaffUser
from ..models.audit import audit

LABELS: dict[str, object] = {
    "PERSON": _l("A person's name"),
    "PHONE": _l("A phone number"),
    "EMAIL": _l("An email address"),
    "ADDRESS": _l("An address or exact place"),
    "ID": _l("An ID, case or A-number"),
    "DATE": _l("A date of birth"),
    "OTHER": _l("Something else that identifies someone"),
}
# The anonymizer's placeholders look like "[PERSON 1]" or "[PHONE]".
PLACEHOLDER = re.compile(r"\[([A-Z_]+)(?: \d+)?\]")
MAX_TEXT = 200


class CorrectionRefused(ValueError):
    """The correction cannot be made; the message says why, in words for staff."""


def replace_everywhere(text: str, kept: list[dict], old: str, new: str) -> tuple[str, list, int]:
    """`text` with every `old` replaced by `new`, and the kept tags (start/end offsets) moved
    to match; a tag that overlapped a replaced piece is dropped. Returns the count too."""
    starts = [m.start() for m in re.finditer(re.escape(old), text)]
    if not starts:
        return text, kept, 0
    pieces, position = [], 0
    for start in starts:
        pieces.append(text[position:start])
        pieces.append(new)
        position = start + len(old)
    pieces.append(text[position:])
    shift = len(new) - len(old)
    moved = []
    for tag in kept or []:
        if any(tag["start"] < s + len(old) and s < tag["end"] for s in starts):
            continue
        before = sum(1 for s in starts if s + len(old) <= tag["start"])
        moved.append(
            {**tag, "start": tag["start"] + before * shift, "end": tag["end"] + before * shift}
        )
    return "".join(pieces), moved, len(starts)


@dataclass(frozen=True)
class Correction:
    kind: str  # redact | restore
    text: str  # redact: the text to remove; restore: the placeholder to replace
    label: str  # redact: what it is; restore: read from the placeholder
    replacement: str  # redact: "[LABEL]"; restore: the word
    reason: str


def correction_from(kind: str, text: str, label: str, word: str, reason: str) -> Correction:
    text, word = text.strip()[:MAX_TEXT], word.strip()[:MAX_TEXT]
    if len(reason.strip()) < 5:
        raise CorrectionRefused(_l("Say why (at least 5 characters)."))
    if not text:
        raise CorrectionRefused(_l("Give the exact text, as it appears."))
    if kind == "redact":
        if label not in LABELS:
            raise CorrectionRefused(_l("Choose what kind of text it is."))
        return Correction("redact", text, label, f"[{label}]", reason.strip())
    if kind == "restore":
        found = PLACEHOLDER.fullmatch(text)
        if not found:
            raise CorrectionRefused(
                _l("To restore, give a placeholder as shown, such as [PERSON 1].")
            )
        if not word:
            raise CorrectionRefused(_l("Give the word the placeholder stands for."))
        return Correction("restore", text, found.group(1)[:20], word, reason.strip())
    raise CorrectionRefused(_l("Choose redact or restore."))


def _in_original(word: str, original: str | None) -> bool:
    return bool(original) and word.casefold() in (original or "").casefold()


def correct_narrative(report: Report, correction: Correction, actor: StaffUser) -> int:
    """Apply `correction` to the report's redacted narrative and everything made from it."""
    if correction.kind == "restore" and not _in_original(correction.replacement, report.narrative):
        raise CorrectionRefused(
            _l("That word is not in the original narrative (or the original was deleted).")
        )
    redaction = dict(report.redaction or {})
    text, kept, count = replace_everywhere(
        report.narrative_redacted or "",
        redaction.get("kept", []),
        correction.text,
        correction.replacement,
    )
    if count == 0:
        raise CorrectionRefused(_l("That exact text is not in the redacted narrative."))
    redaction["kept"] = kept
    for name in ("officer_details", "location_detail", "facility"):
        if redaction.get(name):
            redaction[name] = redaction[name].replace(correction.text, correction.replacement)
    report.narrative_redacted = text
    report.redaction = redaction
    # The summaries quote the narrative: the same words go (or come back) there too.
    if report.summary:
        report.summary = report.summary.replace(correction.text, correction.replacement)
    if report.summary_detail:
        detail = dict(report.summary_detail)
        detail["text"] = (detail.get("text") or "").replace(correction.text, correction.replacement)
        detail["texts"] = {
            lang: value.replace(correction.text, correction.replacement)
            for lang, value in (detail.get("texts") or {}).items()
        }
        report.summary_detail = detail
    _record(report, None, correction, count, actor)
    return count


def correct_message(
    report: Report, message: ReportMessage, correction: Correction, actor: StaffUser
) -> int:
    if correction.kind == "restore" and not _in_original(correction.replacement, message.body):
        raise CorrectionRefused(
            _l("That word is not in the original message (or the original was deleted).")
        )
    text, _, count = replace_everywhere(
        message.body_redacted or "", [], correction.text, correction.replacement
    )
    if count == 0:
        raise CorrectionRefused(_l("That exact text is not in the redacted message."))
    message.body_redacted = text
    _record(report, message.id, correction, count, actor)
    return count


def _record(
    report: Report, message_id: int | None, correction: Correction, count: int, actor: StaffUser
) -> None:
    db.session.add(
        RedactionCorrection(
            report_id=report.id,
            message_id=message_id,
            kind=correction.kind,
            label=correction.label,
            occurrences=count,
            reason=correction.reason,
            author_id=actor.id,
        )
    )
    audit(
        "redaction.corrected",
        actor=actor,
        report_id=report.id,
        reason=correction.reason,
        kind=correction.kind,
        label=correction.label,
        occurrences=count,
        message=message_id,
    )
