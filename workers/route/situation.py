"""Reading a narrative's situation: which concepts it names, when, and whether they still hold.

For each sentence (spaCy's parse, in the report's language) every concept cue (concepts.py) is
matched on whole tokens of the folded text. Each match then gets:

- its time: a time expression in the same clause, nearest first ("desde el viernes" -> now,
  "hace dos años" -> past, "tomorrow" -> imminent); else the verb's morphology (Tense=Fut ->
  imminent, Tense=Pres -> now, Tense=Past -> past, a past told in the first person being over,
  told of someone else unclear); else the time frame the narrative set in an earlier sentence;
- its polarity: a negation governing the verb (spaCy `neg`/`advmod` "no", "never", "nunca"),
  a subject like "nobody"/"nadie", or a negator just before the words; doubt ("no sé si") is not
  negation; a later resolution ("ya lo soltaron", "he's home now", "ya sané") ends the concept.

The result is a list of `Finding`s, each with the words as the reporter wrote them, so staff read
exactly why ("in custody now: 'lo tienen en el condado desde el viernes'").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from workers.parsed import parses

from .concepts import (
    CUES,
    DOUBT,
    MACROS,
    NEGATORS,
    NOBODY,
    NOW_TIME,
    PAST_TIME,
    RESOLVED,
    SOON_TIME,
    Concept,
    Cue,
)
from .text import normalize, original_span

# Longer narratives are read up to here: the situation is told at the start, and the parse of a
# book-length paste would hold the worker for minutes.
MAX_CHARS = 20_000
# A clause this short is quoted whole as the evidence; a longer one only the cue and its time.
EVIDENCE_WORDS = 12


class Time(StrEnum):
    NOW = "now"
    IMMINENT = "imminent"
    PAST = "past"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Finding:
    """One concept named in the narrative, with its time and whether it still holds."""

    concept: Concept
    evidence: str  # the words as written, with the time expression when it is in the clause
    time: Time
    time_words: str | None  # the time expression that decided, as written
    suppressed: str | None  # why it does not count (negated, over, resolved), or None
    weak: bool
    sentence: int  # index of the sentence in the narrative
    sentence_text: str


def _expand(pattern: str) -> str:
    return re.sub(r"\{(w|ww|pron|kid|place|meds)\}", lambda m: MACROS[m.group(1)], pattern)


def _bounded(pattern: str) -> re.Pattern[str]:
    """A cue as a regex that starts and ends on token boundaries ("se lo lleva" never matches
    inside "llevaron")."""
    return re.compile(r"(?<![\w'])(?:" + _expand(pattern) + r")(?![\w])")


_CUES: list[tuple[Cue, re.Pattern[str]]] = [(cue, _bounded(cue.pattern)) for cue in CUES]
_TIMES: list[tuple[Time, re.Pattern[str]]] = (
    [(Time.PAST, _bounded(p)) for p in PAST_TIME]
    + [(Time.NOW, _bounded(p)) for p in NOW_TIME]
    + [(Time.IMMINENT, _bounded(p)) for p in SOON_TIME]
)
_RESOLVED = {c: [_bounded(p) for p in ps] for c, ps in RESOLVED.items()}
_DOUBT = [_bounded(p) for p in DOUBT]
_CLAUSE_BREAK = re.compile(
    r"[,;:()\n]|(?<!\w)(?:but|although|though|however|pero|aunque|sino|"
    r"and then|y luego|y despues|y ahora|and now)(?!\w)"
)
_NEGATOR_WORDS = re.compile(
    r"(?<![\w'])(?:no|not|n't|never|nunca|jamas|tampoco|nobody|nadie|no one|ni|ya no|"
    r"(?:is|are|was|were|do|does|did|wo|would|ca|could|have|has|had|should)n'?t|cannot)(?![\w'])"
)
_FIRST_PERSON = frozenset(["i", "me", "yo", "we", "us", "nosotros"])
# What a past story is usually made of: an arrest, a deportation, force, where someone was held.
_STORY_CONCEPTS = frozenset(
    {Concept.IN_CUSTODY, Concept.TRANSFER, Concept.INJURED, Concept.CITIZEN}
)
_OPINION = frozenset(["think", "believe", "expect", "creer", "pensar"])
# A clause that tells of what could happen, not of what is happening.
_HYPOTHETICAL = re.compile(
    r"(?<![\w'])(?:if|what if|could|might|may|would|unless|in case|afraid|scared|worried|fear|"
    r"si|podrian|podria|puede que|tal vez|quizas|miedo|temo|teme|tememos|por si)(?![\w'])"
)
# Redaction placeholders ("[PERSON 1]") parse badly; a name of the same length parses well and
# keeps every character offset.
_PLACEHOLDER = re.compile(r"\[[A-Z_]+(?: \d+)?\]")
# When the parse of phone-written text gives no tense, the word before the cue often does.
_PRESENT_WORDS = re.compile(
    r"(?<![\w'])(?:is|are|am|'s|'re|still|esta|estan|estoy|sigue|siguen|continua|tienen|tiene|"
    r"has|have|keeps?|siendo|being)\W*$"
)
_PAST_WORDS = re.compile(r"(?<![\w'])(?:was|were|estaba|estaban|estuvo|estuvieron|fue|fueron)\W*$")


def _as_name(match: re.Match[str]) -> str:
    return "N" + "n" * (len(match.group(0)) - 1)


def read(narrative: str, nlp, doc=None) -> list[Finding]:  # noqa: ANN001 - spaCy objects
    """Every concept the narrative names, in order, with time and polarity. `doc` is a parse
    of the whole narrative that the caller already has (workers/parsed.py), if any."""
    text = narrative[:MAX_CHARS]
    if not text.strip():
        return []
    if not parses(doc, narrative) or len(narrative) > MAX_CHARS:
        doc = nlp(_PLACEHOLDER.sub(_as_name, text))
    findings: list[Finding] = []
    frame: Time | None = None  # the time an earlier sentence set ("last year ...")
    frame_words: str | None = None
    sentences = list(doc.sents)
    # Fold and quote the reporter's own words (the parse saw placeholders as names).
    originals = [text[sent.start_char : sent.end_char] for sent in sentences]
    folded_sentences = [normalize(original) for original in originals]
    for number, sent in enumerate(sentences):
        folded, index = folded_sentences[number]
        sentence_times = list(_time_expressions(folded))
        seen: set[tuple[Concept, int]] = set()
        for cue, regex in _CUES:
            for match in regex.finditer(folded):
                if match.end() == match.start():
                    continue
                key = (cue.concept, _clause_start(folded, match.start()))
                if key in seen:
                    continue
                finding = _finding(
                    cue,
                    match,
                    sent,
                    originals[number],
                    folded,
                    index,
                    sentence_times,
                    frame,
                    frame_words,
                    number,
                )
                if finding.suppressed is None or key not in seen:
                    findings.append(finding)
                if finding.suppressed is None:
                    seen.add(key)
        explicit = [t for t in sentence_times if t[0] in (Time.PAST, Time.NOW)]
        if explicit:
            frame, frame_words = (
                explicit[0][0],
                original_span(originals[number], index, explicit[0][1], explicit[0][2]),
            )
    return _resolve(findings, folded_sentences, originals)


def _time_expressions(folded: str):
    for time, regex in _TIMES:
        for match in regex.finditer(folded):
            if time is Time.IMMINENT and _is_this_morning(folded, match):
                continue
            yield time, match.start(), match.end()


def _is_this_morning(folded: str, match: re.Match[str]) -> bool:
    # "esta mañana" / "en la mañana de hoy" is today, not tomorrow; "por la mañana" is vague.
    return (
        match.group(0) == "manana"
        and re.search(r"(?:esta|la|por la|de la)\s$", folded[: match.start()]) is not None
    )


def _clause_start(folded: str, at: int) -> int:
    start = 0
    for brk in _CLAUSE_BREAK.finditer(folded, 0, at):
        start = brk.end()
    return start


def _clause_end(folded: str, at: int) -> int:
    brk = _CLAUSE_BREAK.search(folded, at)
    return brk.start() if brk else len(folded)


def _finding(
    cue: Cue,
    match: re.Match[str],
    sent,  # noqa: ANN001 - a spaCy Span
    original: str,
    folded: str,
    index: list[int],
    sentence_times: list[tuple[Time, int, int]],
    frame: Time | None,
    frame_words: str | None,
    number: int,
) -> Finding:
    start, end = match.start(), match.end()
    clause_start, clause_end = _clause_start(folded, start), _clause_end(folded, end)
    anchor = _anchor(sent, index, start, end)
    if _verb_time(anchor) is None:
        anchor = _clause_verb(sent, index, clause_start, clause_end) or anchor

    in_clause = [t for t in sentence_times if clause_start <= t[1] and t[2] <= clause_end]
    before = folded[clause_start:start]
    first = index[start] + sent.start_char
    last = index[end - 1] + sent.start_char
    anchor_in_cue = anchor is not None and first <= anchor.idx <= last
    time, time_words, span = _decide_time(
        cue, anchor, in_clause, start, end, frame, before, anchor_in_cue
    )
    if (
        time in (Time.NOW, Time.IMMINENT)
        and cue.concept is not Concept.DANGER
        and _HYPOTHETICAL.search(before)
    ):
        # "I'm afraid they will arrest me", "if they transfer him": might happen, not happening.
        time = Time.UNCLEAR
    if time_words is None and span is not None:
        time_words = original_span(original, index, span[0], span[1])
    if time_words is None and time in (Time.PAST, Time.NOW) and frame is not None and span is None:
        time_words = frame_words if _from_frame(cue, anchor, in_clause, frame) else None
    evidence_start, evidence_end = start, end
    if len(folded[clause_start:clause_end].split()) <= EVIDENCE_WORDS:
        evidence_start, evidence_end = clause_start, clause_end  # the whole clause says it
    elif span is not None:
        evidence_start, evidence_end = min(start, span[0]), max(end, span[1])
    evidence = original_span(original, index, evidence_start, evidence_end).strip(" .,;:!?")

    suppressed = None
    if not cue.negation_inside:
        suppressed = _negated(anchor, folded, clause_start, start)
    if suppressed is None and time is Time.PAST and cue.concept is not Concept.CITIZEN:
        suppressed = "over" + (f" (\u201c{time_words}\u201d)" if time_words else " (past tense)")
    return Finding(
        cue.concept, evidence, time, time_words, suppressed, cue.weak, number, original.strip()
    )


def _anchor(sent, index: list[int], start: int, end: int):  # noqa: ANN001, ANN202
    """The verb that governs the matched words: its tense and negation are the mention's."""
    first, last = index[start] + sent.start_char, index[end - 1] + sent.start_char
    tokens = [t for t in sent if t.idx + len(t) > first and t.idx <= last]
    if not tokens:
        return None
    token = min(tokens, key=lambda t: _depth(t))
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT" or token.head is token:
            break
        token = token.head
    return token


def _clause_verb(sent, index: list[int], start: int, end: int):  # noqa: ANN001, ANN202
    """The first verb with a tense in the clause, when the parse hung the cue on no verb."""
    if start >= end or end > len(index):
        return None
    first, last = index[start] + sent.start_char, index[end - 1] + sent.start_char
    for token in sent:
        if (
            first <= token.idx <= last
            and token.pos_ in ("VERB", "AUX")
            and _verb_time(token, loose=token.morph.get("Tense") == ["Past"])
        ):
            return token
    return None


def _depth(token) -> int:  # noqa: ANN001
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _verb_time(anchor, loose: bool = False) -> Time | None:  # noqa: ANN001
    if anchor is None:
        return None
    group = [anchor, *(c for c in anchor.children if c.dep_ in ("aux", "auxpass", "cop"))]
    if anchor.dep_ in ("acomp", "attr", "xcomp") and anchor.head.pos_ in ("AUX", "VERB"):
        group.append(anchor.head)
    # A participle or gerund on its own ("at booking", "him arrested") has no time of its own.
    finite = [
        tok for tok in group if loose or tok.morph.get("VerbForm") != ["Part"] or len(group) > 1
    ]
    tenses = {t for tok in finite for t in tok.morph.get("Tense")}
    lemmas = {tok.lemma_.lower() for tok in group}
    if "Fut" in tenses or lemmas & {"will", "shall", "gonna"}:
        return Time.IMMINENT
    if "Pres" in tenses and not (anchor.morph.get("Tense") == ["Past"] and
                                 anchor.morph.get("VerbForm") == ["Fin"]):  # fmt: skip
        return Time.NOW
    if "Past" in tenses or "Imp" in tenses:
        return Time.PAST
    return None


def _bare_participle(anchor) -> bool:  # noqa: ANN001
    """A participle or gerund with no auxiliary and no subject of its own."""
    if anchor is None or anchor.morph.get("VerbForm") != ["Part"]:
        return False
    deps = {c.dep_ for c in anchor.children}
    return not deps & {"aux", "auxpass", "cop", "nsubj", "nsubjpass"}


def _first_person(anchor) -> bool:  # noqa: ANN001
    if anchor is None:
        return False
    for child in anchor.children:
        if child.dep_ in ("nsubj", "nsubjpass", "obj", "dobj", "iobj") and (
            child.lower_ in _FIRST_PERSON or child.morph.get("Person") == ["1"]
        ):
            return True
    return anchor.morph.get("Person") == ["1"]


def _decide_time(
    cue: Cue,
    anchor,  # noqa: ANN001
    in_clause: list[tuple[Time, int, int]],
    start: int,
    end: int,
    frame: Time | None,
    before: str = "",
    anchor_in_cue: bool = False,
) -> tuple[Time, str | None, tuple[int, int] | None]:
    if in_clause:
        nearest = min(in_clause, key=lambda t: min(abs(t[1] - end), abs(start - t[2])))
        # A deadline or a coming event wins over "now" in the same clause ("the 48 hours end
        # tonight"): both are urgent, but "imminent" is the more exact word for staff.
        return nearest[0], None, (nearest[1], nearest[2])
    verb = _verb_time(anchor)
    if verb is None and _bare_participle(anchor):
        # Phone and hotline notes drop "to be": "brother detained at the jail", "having bad
        # cramps in the cell" tell of now; a gerund that is the cue itself ("at booking") does not.
        verb = None if anchor_in_cue else Time.NOW
    elif verb is None:
        verb = _verb_time(anchor, loose=True)  # a simple past the tagger took for a participle
    if _PRESENT_WORDS.search(before):
        verb = Time.NOW
    elif verb is None and _PAST_WORDS.search(before):
        verb = Time.PAST
    if cue.negation_inside and verb is Time.IMMINENT:
        return Time.NOW, None, None  # "they won't give him his insulin": refused now
    if verb in (Time.NOW, Time.IMMINENT):
        return verb, None, None
    if verb is Time.PAST or verb is None:
        if cue.standing:
            return Time.NOW, None, None
        if frame is Time.PAST and cue.concept not in _STORY_CONCEPTS:
            # An earlier sentence told of the past; a new medical need, danger or child left
            # alone told without a time of its own may be today's: worth a check.
            return Time.UNCLEAR, None, None
        if frame is not None:
            return frame, None, None
        if verb is Time.PAST and cue.place:
            return Time.PAST, None, None
        if verb is Time.PAST:
            told_of_self = _first_person(anchor) and cue.concept in (
                Concept.IN_CUSTODY, Concept.INJURED
            )  # fmt: skip
            return (Time.PAST if told_of_self else Time.UNCLEAR), None, None
    return Time.UNCLEAR, None, None


def _from_frame(cue: Cue, anchor, in_clause, frame: Time | None) -> bool:  # noqa: ANN001
    return not in_clause and frame is not None and _verb_time(anchor) in (Time.PAST, None)


def _negated(anchor, folded: str, clause_start: int, start: int) -> str | None:  # noqa: ANN001
    # "I don't think ICE is coming": the negation of a verb of opinion is the clause's.
    if anchor is not None and anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in _OPINION:
        for child in anchor.head.children:
            if child.dep_ == "neg" or child.lower_ in NEGATORS:
                return f"negated by \u201c{child.text} {anchor.head.text}\u201d"
    if anchor is not None:
        for child in anchor.children:
            word = child.lower_.replace("\u2019", "'")
            if child.i < anchor.i + 2 and (child.dep_ == "neg" or (
                child.dep_ == "advmod" and word in NEGATORS
            )):  # fmt: skip
                return f"negated by \u201c{child.text}\u201d"
            if child.dep_ in ("nsubj", "nsubjpass") and word in NOBODY:
                return f"negated by \u201c{child.text}\u201d"
    prefix = folded[clause_start:start]
    for doubt in _DOUBT:
        prefix = doubt.sub(" ", prefix)
    window = " ".join(prefix.split()[-3:])
    cue = _NEGATOR_WORDS.search(window)
    if cue:
        return f"negated by \u201c{cue.group(0)}\u201d"
    return None


def _resolve(findings: list[Finding], folded_sentences, sentences) -> list[Finding]:  # noqa: ANN001
    """Drop concepts a later (or the same) sentence says are over ("ya lo soltaron")."""
    out = []
    for finding in findings:
        if finding.suppressed is not None:
            out.append(finding)
            continue
        reason = None
        for number in range(finding.sentence, len(folded_sentences)):
            folded, index = folded_sentences[number]
            for regex in _RESOLVED.get(finding.concept, []):
                match = regex.search(folded)
                if match and not _NEGATOR_WORDS.search(
                    " ".join(folded[: match.start()].split()[-2:])
                ):
                    words = original_span(sentences[number], index, match.start(), match.end())
                    reason = f"over: \u201c{words}\u201d"
                    break
            if reason:
                break
        if reason is None:
            out.append(finding)
        else:
            out.append(
                Finding(
                    finding.concept, finding.evidence, finding.time, finding.time_words, reason,
                    finding.weak, finding.sentence, finding.sentence_text,
                )
            )  # fmt: skip
    return out
