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
from dataclasses import dataclass, replace
from enum import StrEnum

from workers.parsed import parses

from .concepts import (
    ABUSER_HELD,
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
    at: int = 0  # where the words start in the folded sentence
    # The words deny an end ("no lo sueltan", "won't let him go"): said after a resolution,
    # they are the later word on it ("pagamos la fianza y no lo sueltan").
    denial: bool = False
    # Only the agency on its way, for nobody named in the clause ("dicen que viene la migra").
    targetless: bool = False
    hearsay: bool = False  # told as a rumour ("dicen que", "I heard", "rumors of")
    with_custody: bool = False  # urgent only while someone is held (concepts.Cue)


def _expand(pattern: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: MACROS[m.group(1)], pattern)


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
_ABUSER_HELD = _bounded(ABUSER_HELD)
_NEEDS = {cue.needs: _bounded(cue.needs) for cue in CUES if cue.needs}
_DOUBT = [_bounded(p) for p in DOUBT]
_CLAUSE_BREAK = re.compile(
    r"[,;:()\n]|(?<!\w)(?:but|although|though|however|pero|aunque|sino|"
    r"and then|y luego|y despues|y ahora|and now|because|porque|xq|por que|cuz|cause)(?!\w)"
)
_NEGATOR_WORDS = re.compile(
    r"(?<![\w'])(?:no|not|n't|never|nunca|jamas|tampoco|nobody|nadie|no one|ni|ya no|"
    r"(?:is|are|was|were|do|does|did|wo|would|ca|could|have|has|had|should)n'?t|cannot)(?![\w'])"
)
_NOBODY_OBJECT = re.compile(
    r"(?<![\w'])(?:a|to) (?:nadie|nobody|no one|noone|ninguno|ninguna)(?![\w'])"
)
# A turn between a resolution and a later statement ("we paid the bond but they won't let him
# go"): what follows the turn is the situation now.
_CONTRAST = re.compile(
    r"(?<![\w'])(?:but|even though|although|though|still|yet|however|pero|aunque|todavia|"
    r"sigue|siguen|sin embargo|y aun asi|and still)(?![\w'])"
)
# A resolution this many words before a finding in one unpunctuated sentence is another
# statement, not the end of this one.
_RUN_ON_WORDS = 12
# Hearsay: the reporter passes on what is said, not what happened to someone.
_HEARSAY = re.compile(
    r"(?<![\w'])(?:dicen que|dice la gente|se dice|dizque|andan diciendo|escuche que|oi que|"
    r"rumou?rs?|rumores?|chisme|they say|people say|people are saying|everyone says|i heard|"
    r"heard that|supposedly|word is|on facebook|en facebook|en el grupo|in the group chat)(?![\w'])"
)
# Whom the agency comes for: a person or pronoun in the clause ("viene la migra por mi primo").
_TARGET = re.compile(
    r"(?<![\w'])(?:him|her|them|me|us|my|our|his|their|mi|mis|su|sus|nuestr[oa]s?|le|les|"
    r"por (?:el|ella|ellos|ellas|nosotros)|\[[a-z_]+(?: \d+)?\])(?![\w'])"
)
# A long-past time (years, months, a date) ends even a standing situation; "last week" or "two
# days ago" tells when a hold was put or an abuser got out, and it still stands.
_LONG_PAST = re.compile(
    r"years?|anos?|months?|meses|mes|(?:19|20)\d\d|summer|winter|spring|fall|verano|invierno|"
    r"primavera|otono|long|mucho|tiempo|entonces|kid|little|young|nin[oa]|chic[oa]|joven|"
    r"january|february|march|april|june|july|august|september|october|november|december|enero|"
    r"febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
_WEEKDAY = re.compile(
    r"(?:on |el )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|"
    r"miercoles|jueves|viernes|sabado|domingo)(?: morning| night)?"
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
    whole = " ".join(folded for folded, _ in folded_sentences)
    present = {needs for needs, regex in _NEEDS.items() if regex.search(whole)}
    for number, sent in enumerate(sentences):
        folded, index = folded_sentences[number]
        sentence_times = list(_time_expressions(folded))
        seen: set[tuple[Concept, int]] = set()
        for cue, regex in _CUES:
            if cue.needs and cue.needs not in present:
                continue
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
    return _rumours(_abuser_held(_resolve(findings, folded_sentences, originals)))


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
        time is Time.IMMINENT
        and span
        and _WEEKDAY.fullmatch(folded[slice(*span)])
        and _verb_time(anchor) is Time.PAST
    ):
        time = Time.NOW  # "he was arrested Friday": this week's Friday, gone by, not the next
    if time is Time.PAST and cue.standing and span and not _LONG_PAST.search(folded[slice(*span)]):
        time = Time.NOW  # "ICE put a hold on him last week": put then, standing now
    if (
        time in (Time.NOW, Time.IMMINENT)
        and cue.concept is not Concept.DANGER
        and _HYPOTHETICAL.search(before)
    ):
        # "I'm afraid they will arrest me", "if they transfer him": might happen, not happening.
        time = Time.UNCLEAR
    if time_words is None and span is not None:
        time_words = original_span(original, index, span[0], span[1])
    if time_words is None and time is frame and time in (Time.PAST, Time.NOW) and span is None:
        time_words = frame_words if _from_frame(cue, anchor, in_clause, frame) else None
    evidence_start, evidence_end = start, end
    if len(folded[clause_start:clause_end].split()) <= EVIDENCE_WORDS:
        evidence_start, evidence_end = clause_start, clause_end  # the whole clause says it
    elif span is not None:
        evidence_start, evidence_end = min(start, span[0]), max(end, span[1])
    evidence = original_span(original, index, evidence_start, evidence_end).strip(" .,;:!?")

    suppressed = None
    if not cue.negation_inside:
        scope = (
            sent.start_char + index[clause_start] if clause_start < len(index) else 0,
            sent.start_char + index[clause_end - 1] if 0 < clause_end <= len(index) else 1 << 30,
        )
        suppressed = _negated(anchor, folded, clause_start, start, scope)
    if suppressed is None and time is Time.PAST and cue.concept is not Concept.CITIZEN:
        suppressed = "over" + (f" (\u201c{time_words}\u201d)" if time_words else " (past tense)")
    # Whom it comes for is said right after ("viene la migra por mi primo") or just before.
    clause = " ".join(folded[clause_start:start].split()[-2:]) + " " + folded[end:clause_end]
    return Finding(
        cue.concept, evidence, time, time_words, suppressed, cue.weak, number, original.strip(),
        at=start,
        denial=cue.negation_inside,
        with_custody=cue.with_custody,
        targetless=cue.agent_only and not _TARGET.search(clause),
        hearsay=_HEARSAY.search(folded[:clause_end]) is not None,
    )  # fmt: skip


def _anchor(sent, index: list[int], start: int, end: int):  # noqa: ANN001, ANN202
    """The verb that governs the matched words: its tense and negation are the mention's."""
    first, last = index[start] + sent.start_char, index[end - 1] + sent.start_char
    tokens = [t for t in sent if t.idx + len(t) > first and t.idx <= last]
    if not tokens:
        return None
    token = min(tokens, key=lambda t: _depth(t))
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT" or token.head.i == token.i:
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
    while token.head.i != token.i and depth < 50:
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
        if frame is not None and not (frame is Time.NOW and verb is Time.PAST):
            # An earlier "now" ("he's home now") does not bring a past verb into the present.
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


def _doubt_at(token) -> bool:  # noqa: ANN001
    """The negator opens a doubt ("no sé a quién más decirle", "I don't know who else to
    tell"): it says what the reporter does not know, not that the situation is not so."""
    following = token.doc[token.i : token.i + 4].text
    return any(doubt.match(normalize(following)[0]) for doubt in _DOUBT)


def _negated(  # noqa: ANN001
    anchor, folded: str, clause_start: int, start: int, scope: tuple[int, int] = (0, 1 << 30)
) -> str | None:
    # "I don't think ICE is coming": the negation of a verb of opinion is the clause's.
    if anchor is not None and anchor.dep_ == "ccomp" and anchor.head.lemma_.lower() in _OPINION:
        for child in anchor.head.children:
            if child.dep_ == "neg" or child.lower_ in NEGATORS:
                return f"negated by \u201c{child.text} {anchor.head.text}\u201d"
    if anchor is not None:
        # The negation's scope is the clause: "no sueltan a mi papá porque migración lo quiere"
        # does not deny that immigration wants him.
        for child in (c for c in anchor.children if scope[0] <= c.idx <= scope[1]):
            word = child.lower_.replace("\u2019", "'")
            if child.i < anchor.i + 2 and not _doubt_at(child) and (child.dep_ == "neg" or (
                child.dep_ == "advmod" and word in NEGATORS
            )):  # fmt: skip
                return f"negated by \u201c{child.text}\u201d"
            if child.dep_ in ("nsubj", "nsubjpass") and word in NOBODY:
                return f"negated by \u201c{child.text}\u201d"
            no = [d for d in child.children if d.lower_ in ("no", "ningun", "ningún")]
            if child.dep_ in ("nsubj", "nsubjpass") and no:  # "no one", "ningún agente"
                return f"negated by \u201c{no[0].text} {child.text}\u201d"
    prefix = folded[clause_start:start]
    for doubt in _DOUBT:
        prefix = doubt.sub(" ", prefix)
    window = " ".join(prefix.split()[-3:])
    cue = _NEGATOR_WORDS.search(window)
    if cue:
        return f"negated by \u201c{cue.group(0)}\u201d"
    # The object fronted with its negation: "a nadie que conozco han agarrado".
    cue = _NOBODY_OBJECT.search(" ".join(prefix.split()[-8:]))
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
        # A resolution ends what follows it only when the time of that is unclear ("he's home
        # now. they held him two days at the county jail"); otherwise what is said later wins.
        first = 0 if finding.time is Time.UNCLEAR else finding.sentence
        for number in range(first, len(folded_sentences)):
            folded, index = folded_sentences[number]
            if number < finding.sentence and _told_of_past(folded):
                # "en 2015 me detuvieron ... ya estoy bien. el patrón se quedó con los
                # pasaportes": an old story's end is not the end of what is told after it.
                continue
            for regex in _RESOLVED.get(finding.concept, []):
                match = next(
                    (m for m in regex.finditer(folded) if not _turned(finding, number, folded, m)),
                    None,
                )
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
            out.append(replace(finding, suppressed=reason))
    return out


def _told_of_past(folded: str) -> bool:
    return any(time is Time.PAST for time, _, _ in _time_expressions(folded))


def _turned(finding: Finding, number: int, folded: str, match: re.Match[str]) -> bool:
    """A resolution told before the finding in its own sentence, with a turn in between ("we
    paid the bond, but they won't let him go"), or after it with the situation told again
    behind a turn ("ya lo soltaron pero..." is the end; "pagamos la fianza pero no lo sueltan"
    is not)."""
    if number != finding.sentence or match.start() >= finding.at:
        return False
    far = len(folded[match.end() : finding.at].split()) > _RUN_ON_WORDS
    return far or finding.denial or _CONTRAST.search(folded, match.end(), finding.at) is not None


def _abuser_held(findings: list[Finding]) -> list[Finding]:
    """Someone held in a sentence that ends a survivor's danger is the abuser ("he is in prison
    in another state now"): her safety, not an emergency."""
    if not any(f.concept is Concept.DANGER for f in findings):
        return findings
    out = []
    for f in findings:
        if (
            f.concept is Concept.IN_CUSTODY
            and f.suppressed is None
            and _ABUSER_HELD.search(normalize(f.sentence_text)[0])
        ):
            f = replace(f, suppressed="the abuser is held: the danger is over")
        out.append(f)
    return out


def _rumours(findings: list[Finding]) -> list[Finding]:
    """The agency on its way for nobody named: no emergency when the narrative says nobody is
    held ("dicen que viene la migra pero nadie detenido"), worth a check when nobody is held
    now ("ICE is in town", "el lunes viene la migra"); urgent when someone is held."""
    live = [f for f in findings if f.suppressed is None]
    held = any(
        f.concept in (Concept.IN_CUSTODY, Concept.TRANSFER) and not f.targetless
        and f.time in (Time.NOW, Time.IMMINENT) for f in live
    )  # fmt: skip
    nobody = next(
        (
            f for f in findings
            if f.concept is Concept.IN_CUSTODY and f.suppressed
            and f.suppressed.startswith("negated")
        ),
        None,
    )  # fmt: skip
    taken = any(
        f.concept in (Concept.IN_CUSTODY, Concept.TRANSFER) and not f.targetless for f in live
    )
    out = []
    for f in findings:
        if f.suppressed is None and f.with_custody and not taken:
            f = replace(f, weak=True)  # the sitter leaves, but nobody is held: worth a check
        if f.suppressed is None and f.targetless and not held:
            if nobody is not None:
                f = replace(f, suppressed=f"nobody is held (\u201c{nobody.evidence}\u201d)")
            elif f.time in (Time.NOW, Time.IMMINENT):
                f = replace(f, time=Time.UNCLEAR)  # a raid warning: worth a check, no page-out
        out.append(f)
    return out
