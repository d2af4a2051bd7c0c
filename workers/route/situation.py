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
from datetime import date
from enum import StrEnum
from typing import Any

from workers.parsed import parses

from .concepts import (
    ABUSER_HELD,
    ABUSER_NAMED_HELD,
    CUES,
    DETENTION_PAST,
    DOUBT,
    MACROS,
    MONTHS,
    NEGATORS,
    NOBODY,
    NOW_TIME,
    PAST_TIME,
    RELEASED_AFTER,
    RESOLVED,
    RESOLVED_PAST,
    SOON_TIME,
    Concept,
    Cue,
)
from .text import accented_verbs, case_normalised, normalize, original_span

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
    # Someone is named near the words ("my brother", "him", "lo", a placeholder): hearsay
    # about someone is news of them, hearsay about nobody is a rumour.
    about_someone: bool = True
    with_custody: bool = False  # urgent only while someone is held (concepts.Cue)
    standing: bool = False  # a state that holds until something ends it (concepts.Cue)
    told_past: bool = False  # its verb is in the past tense ("they kept him", "lo detuvo")
    # Named as a topic, about nobody: a statistic, a policy, what a word means ("q es un
    # detainer?", "your annual count of detainers").
    topic: bool = False
    told_now: bool = False  # its verb is in the present tense ("he is in the county jail")


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
_RESOLVED_PAST = {c: [_bounded(p) for p in ps] for c, ps in RESOLVED_PAST.items()}
_ABUSER_HELD = _bounded(ABUSER_HELD)
_ABUSER_NAMED_HELD = _bounded(ABUSER_NAMED_HELD)
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
    r"(?<![\w'])(?:but|even though|although|though|still|yet|however|pero|aunque|todavia|todabia|"
    r"sigue|siguen|sin embargo|y aun asi|and still)(?![\w'])"
)
# Whom the agency comes for is named within this many words after it.
_TARGET_WORDS = 4
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
    r"(?<![\w'])(?:him|her|them|me|us|my|our|his|their|mi|mis|su|sus|nuestr[oa]s?|le|les|lo|"
    # "por él" (for him), not "por el rumbo" (around here): folded, only where no noun follows
    r"por (?:ella|ellos|ellas|nosotros)|por el(?= *(?:$|[,.;!?]| (?:y|e|que|manana|hoy|ahorita|"
    r"ahora|tambien|ya|a)(?![\w'])))|\[[a-z_]+(?: \d+)?\])(?![\w'])"
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
# "nobody tells us anything", "nadie nos dice nada": nobody answers, not nobody is held.
_TELLING_TEXT = (
    "tell say explain answer call help inform know decir informar explicar contestar "
    "responder ayudar saber llamar avisar"
)
_TELLING = frozenset(_TELLING_TEXT.split())
# Verbs that tell where someone is or is put (their lemmas, en and es).
_LOCATING_TEXT = (
    "be have get stay sit remain hold keep lock detain arrest take put send bring spend sleep "
    "wait leave transfer move book jail land end estar ser seguir quedar tener mantener "
    "encerrar detener arrestar llevar meter poner mandar pasar dormir esperar continuar "
    "permanecer dejar trasladar ir venir llegar"
)
_LOCATING = frozenset(_LOCATING_TEXT.split())
# Folded, "él" (he) is "el" (the): only as the subject of a verb that follows it.
_SUBJECT_PERSON = re.compile(
    r"(?<![\w'])(?:he|she|i|we|he's|she's|i'm|im|ella|yo|"
    r"el(?= (?:esta|estaba|estuvo|sigue|fue|lo|la|se|no|ya|todavia|aun|tiene|sale|salio)\b))"
    r"(?![\w'])"
)
# A custody told in the past with its length ("kept my husband for two hours", "lo detuvo dos
# horas"): a span that closed. "for two days now", "hace dos horas" and "in two hours" are not.
_CLOSED_SPAN = re.compile(
    r"(?<![\w'])(?<!hace )(?<!in )(?<!en )(?<!within )(?:(?:for|por|durante|like) (?:about |como |"
    r"unas? |around )?)?(?:a|an|one|two|three|four|five|six|several|a few|few|a couple of|couple|"
    r"\d+|un|una|dos|tres|cuatro|cinco|seis|varias|varios|unas|unos|un par de) (?:hours?|hrs?|"
    r"minutes?|mins?|horas|minutos|nights?|noches|days?|dias)(?! (?:ago|now|already|ya|mas|more|"
    r"later|after|despues|antes|before))(?![\w'])"
)
# A concept named as a topic, not as someone's situation: a count, a policy, a definition.
_TOPIC = re.compile(
    r"(?<![\w'])(?:how many|how much|number of|counts? of|statistics|stats|data (?:on|about)|"
    r"records? (?:of|on)|policy|policies|annual|yearly|per year|percent(?:age)?|in general|"
    r"what (?:is|are|'s) (?:a|an|the)|whats (?:a|an)|what does|wat (?:is|es)|"
    r"q (?:es|son|significa)|"
    r"que (?:es|son|significa|quiere decir)|how (?:does|do) (?:a|an|the)|meaning of|"
    r"cuant[oa]s|numero de|cantidad de|estadisticas?|datos (?:de|sobre)|registros? de|"
    r"politicas?|anual(?:es)?|por ano|porcentaje|en general|como funcionan?|significado de|"
    r"how long|cuanto (?:tiempo|dura)|what happens|que pasa|q pasa|"
    # what a jail charges: "the prices at the jail commissary", "lo que cobran en la cárcel"
    r"prices?|pricing|overpriced|fees?|charges? for|costs? of|rates? (?:for|of)|commissary|"
    r"precios?|tarifas?|cuotas?|cobran|cobra|lo que cobran|cuesta)"
    r"(?![\w'])"
)
# Asked of anyone, not of someone: "does the county honor ICE detainers?", "¿un hold de ICE?"
_GENERIC = re.compile(
    r"(?<![\w'])(?:(?:a|an|un|una) (?:ice |immigration )?(?:hold|detainer)|(?:holds|detainers)|"
    r"someone|somebody|anyone|anybody|people|alguien|una persona|la gente|las personas|"
    # a practice told of everyone: "las huellas de todos", "everyone's fingerprints"
    r"everyone|everybody|everyone'?s|everybody'?s|all (?:the )?(?:people|inmates|immigrants)|"
    r"de todos|a todos|todo el mundo|todas las personas|cualquier persona|cualquiera|"
    r"los (?:presos|detenidos|inmigrantes)|inmigrantes|immigrants|inmates|"
    # a group, counted or not: "tienen a muchos", "arrested ten workers", "a lot of people"
    r"muchos|muchas|varios|varias|unos|unas|algunos|algunas|a lot of|lots of|many|several|"
    r"workers|trabajadores|gente|"
    # the impersonal "you" of a practice: "when you get booked", "cuando te meten a la cárcel"
    r"(?:when|if|once|cuando|si|una vez que) (?:you|uno|one|te)(?= \w))(?![\w'])"
)
# A yes/no question about how things are done, asked of no one: "es cierto que...", "is it
# true the jail...", "do they...". A topic when the clause names nobody.
_PRACTICE_QUESTION = re.compile(
    r"(?<![\w'])(?:is it true|is that true|is it legal|is it normal|does (?:the|a) (?:jail|"
    r"county|sheriff|police)|do (?:they|the (?:jails?|police|cops|deputies))|"
    r"es (?:cierto|verdad|legal|normal)|"
    # the agency is the one at the place: "is ICE inside the jail now?", "¿está la migra en...?"
    r"(?:is|are) (?:ice|immigration|the feds)|(?:esta|estan|anda|andan|hay) (?:la migra|ice|"
    r"migracion|inmigracion)|(?:la migra|ice|migracion|inmigracion) (?:esta|anda|entra)|"
    r"sera (?:cierto|verdad)|(?:la|el) (?:carcel|policia|sheriff|condado) (?:le |les )?"
    r"(?:manda|mandan|pasa|pasan|da|dan|entrega|entregan))(?![\w'])"
)
# What nobody knows or says, or a clause under it: "nobody knows where", "nadie sabe que".
_SUBORDINATE = re.compile(
    r"(?<![\w'])(?:que|donde|where|that|if|si|cuando|when|why|whether|sabe|saben|sabemos|know|"
    r"knows|knew|dice|dicen|tell|tells|told|say|says|said)(?![\w'])"
)
# Someone the narrative is about besides the reporter and the officers: a relative, a friend, a
# third person, a redacted name.
_PERSON_NAMED = (
    r"\[[a-z_]+(?: \d+)?\]|(?:my|our|mi|mis|nuestr[oa]s?) (?:\w+ )?(?:husband|wife|son|daughter|"
    r"dad|mom|father|mother|brother|sister|cousin|uncle|aunt|nephew|niece|boyfriend|girlfriend|"
    r"partner|friend|neighbou?r|kids?|children|child|esposo|esposa|hij[oa]s?|papa|mama|padre|"
    r"madre|herman[oa]s?|prim[oa]s?|tio|tia|sobrin[oa]s?|novi[oa]|amig[oa]s?|pareja|abuel[oa]s?|"
    r"vecin[oa]s?|cunad[oa]s?)"
)
_SOMEONE = re.compile(
    r"(?<![\w'])(?:him|her|them|his|their|he|she|he's|she's|hes|shes|ella|ellos|ellas|su|sus|"
    + _PERSON_NAMED
    + r")(?![\w'])"
)
# A person named by who they are ("mi mamá", "my uncle"), not a pronoun for someone told of.
_NAMED_PERSON = re.compile(r"(?<![\w'])(?:" + _PERSON_NAMED + r")(?![\w'])")
# A Spanish clitic for a person before its verb ("le pusieron", "lo tienen"; not "lo que").
_CLITIC_PERSON = re.compile(
    r"(?<![\w'])(?:le|les|lo)(?! que)(?! \w+ a (?:ice|la migra|migracion|inmigracion|todos|todas|"
    r"todo el mundo|la gente|cualquiera)(?![\w']))"
    r"(?= \w)"
)  # (the agency or everyone doubled: "le avisan a ICE", "les preguntan a todos": no person)
# "nadie de mi familia", "ninguno de mis hijos", "none of us" open the clause: nobody is.
_NOBODY_OF = re.compile(
    r"(?<![\w'])(?:nadie|ninguno|ninguna|none|no one|nobody|neither|ni uno|ni una) "
    r"(?:de|del|of|in|from|en|among|entre)(?![\w'])"
)
# "That was in 2019", "eso fue hace años": a time said of what was just told.
_BACK_REFERENCE = re.compile(
    r"(?<![\w'])(?:that|this|it|all (?:of )?(?:that|this)|eso|esto|todo eso|todo esto)"
    r"(?: (?:all|todo))? (?:was|happened|occurred|took place|fue|paso|ocurrio|sucedio)(?![\w'])"
)
# Subordinators of a condition, as the parse marks them ("if they transfer him", "si lo
# trasladan"); "whether" asks. Spanish "sí" (yes) folds to "si" but is never a `mark`.
_IF_WORDS = frozenset(["if", "unless", "whether", "si"])
_MODALS = frozenset(["can", "could", "may", "might", "poder"])
_MODAL_BEFORE = re.compile(r"(?<![\w'])(?:can|puede|pueden|podemos)(?: (?:they|ice|he|she|you))?$")
# "since" / "desde" open a span that runs until now; "until" / "hasta" close it.
_SINCE = re.compile(r"(?:since|desde|for the (?:past|last)) ")
_UNTIL = re.compile(r"\W*(?:until|till|to|hasta|a) ")
# A question about consequences, even typed without "?": "what happens if", "qué pasa si".
_ASKED_WHAT_IF = re.compile(
    r"(?<![\w'])(?:what|wat|que|q) (?:happens|would happen|will happen|if|do i do|should i do|"
    r"can i do|can we do|pasa|pasaria|hago|hacemos|puedo hacer|podemos hacer|debo hacer)(?![\w'])"
)
# The reporter held, in the clause ("they are holding me", "estoy en la cárcel"): never a
# topic ("I want to complain about the prices at the jail" still is).
_REPORTER = re.compile(
    r"(?<![\w'])(?:(?:holding|hold|have|has|got|keeping|keep|detained|arrested|took|"
    r"hold on) (?:me|us)|(?:i am|i'm|im|we are|we're) (?:in|at|being|still|locked|detained|"
    r"held)|(?:estoy|estamos) (?:en|detenid[oa]s?|pres[oa]s?|encerrad[oa]s?|ahorita|todavia)|"
    r"(?:me|nos) (?:tienen|detuvieron|agarraron|arrestaron|llevaron))(?![\w'])"
)
# Someone named only as the one who passes news on ("my cousin says that", "mi vecino dice que").
_SOURCE = re.compile(
    r"(?<![\w'])(?:" + _PERSON_NAMED + r") (?:\w+ )?(?:dice|dijo|dicen|cuenta|conto|says|said|"
    r"told (?:me|us)|tells (?:me|us)|heard|me dijo|nos dijo|me conto)(?: que| that)?(?![\w'])"
)
# A yes/no question typed without its mark: "es cierto que...", "is it true the jail...".
_IS_IT_TRUE = re.compile(
    r"(?<![\w'])(?:is it true|is that true|es cierto|es verdad|sera cierto|"
    r"sera verdad)(?![\w'])|^\W*(?:true|verdad|cierto) (?:that|que|q|k)(?![\w'])"
)
# A clause that tells of what could happen, not of what is happening.
_HYPOTHETICAL = re.compile(
    r"(?<![\w'])(?:if|what if|could|might|may|would|unless|in case|afraid|scared|worried|fear|"
    r"si|podrian|podria|puede que|tal vez|quizas|miedo|temo|teme|tememos|por si|"
    # a worry told in the past: "nos preocupaba que lo entregaran", "temíamos que"
    r"preocupaba|preocupaban|preocupabamos|temia|temiamos|temian)(?![\w'])"
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


# The words the cues, times and resolutions are made of (five letters or more): a phone typo
# that swaps two neighbouring letters of one of them ("depotred", "teine", "sehlter") is read as
# the word. A swap keeps the length, so the folded text still maps onto the reporter's words.
_LEXICON = frozenset(
    word
    for pattern in [
        *(cue.pattern for cue in CUES),
        *MACROS.values(),
        *PAST_TIME,
        *NOW_TIME,
        *SOON_TIME,
        *(p for ps in RESOLVED.values() for p in ps),
    ]
    for word in re.findall(r"[a-z]{5,}", _expand(pattern))
)
_LONG_WORD = re.compile(r"[a-z]{5,}")
# A thing named just before the words ("el carro se lo llevaron"): what was taken is no person.
_THING_BEFORE = re.compile(
    r"(?<![\w'])(?:el |la |los |las |the |my |his |her |mi |su )?"
    r"(?:" + _expand("{thing_es}|{thing}") + r")\W*(?:se (?:lo|la|los|las) )?$"
)


def _known(word: str) -> bool:
    # Cues often end in a class ("detenid[oa]s?", "deport\w*"): a stem with one or two more
    # letters is the cue's word.
    return word in _LEXICON or word[:-1] in _LEXICON or word[:-2] in _LEXICON


def _untangle(match: re.Match[str]) -> str:
    word = match.group(0)
    if _known(word):
        return word
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if _known(swapped):
            return swapped
    return word


def _untangled(folded: str) -> str:
    """`folded` with each unknown long word that is a known one with two neighbouring letters
    swapped put right; known and other words as they are."""
    return _LONG_WORD.sub(_untangle, folded)


# Spoken fillers that voice-to-text keeps inside a phrase ("no hay ningún mayor de bueno edad",
# "can ice you know transfer him"): read past them. ("este" and "like" also mean something.)
_FILLER = re.compile(r"(?<![\w'])(?:uh+|um+|uhm|erm|hmm+|you know|o sea|osea|bueno|pues) (?=\w)")


def _without_fillers(folded: str, index: list[int]) -> tuple[str, list[int]]:
    """`folded` without its fillers, and the index map without their characters (so what is
    matched still points at the reporter's words)."""
    spans = [m.span() for m in _FILLER.finditer(folded)]
    if not spans:
        return folded, index
    dropped = {i for start, end in spans for i in range(start, end)}
    kept = [i for i in range(len(folded)) if i not in dropped]
    return "".join(folded[i] for i in kept), [index[i] for i in kept]


def _as_name(match: re.Match[str]) -> str:
    return "N" + "n" * (len(match.group(0)) - 1)


@dataclass(frozen=True)
class _Sentence:
    """One sentence as the reader sees it: the parse, the reporter's words, their folded form."""

    sent: Any  # a spaCy Span
    original: str
    folded: str
    index: list[int]  # folded character -> character of `original`
    number: int
    times: list[tuple[Time, int, int]]  # the time expressions in it

    def words(self, start: int, end: int) -> str:
        return original_span(self.original, self.index, start, end)

    def asked(self, clause_start: int, start: int) -> bool:
        """Told as a question ("¿qué pasa si le ponen un hold?"), or after "what happens if" in
        the clause when voice-to-text dropped the question mark."""
        return (
            "?" in self.original
            or "\u00bf" in self.original
            or _ASKED_WHAT_IF.search(self.folded, clause_start, start) is not None
            or _IS_IT_TRUE.search(self.folded, 0, start) is not None
        )


def read(narrative: str, nlp, doc=None) -> list[Finding]:  # noqa: ANN001 - spaCy objects
    """Every concept the narrative names, in order, with time and polarity. `doc` is a parse
    of the whole narrative that the caller already has (workers/parsed.py), if any."""
    text = narrative[:MAX_CHARS]
    if not text.strip():
        return []
    # same length: the offsets below still hold
    for_parse = case_normalised(accented_verbs(text))
    if for_parse != text or not parses(doc, narrative) or len(narrative) > MAX_CHARS:
        doc = nlp(_PLACEHOLDER.sub(_as_name, for_parse))
    sentences = []
    for number, sent in enumerate(_sentences(doc)):
        # Fold and quote the reporter's own words (the parse saw placeholders as names).
        original = text[sent.start_char : sent.end_char]
        folded, index = normalize(original)
        folded, index = _without_fillers(_untangled(folded), index)
        sentences.append(
            _Sentence(sent, original, folded, index, number, list(_time_expressions(folded)))
        )
    whole = " ".join(sentence.folded for sentence in sentences)
    present = {needs for needs, regex in _NEEDS.items() if regex.search(whole)}
    findings: list[Finding] = []
    frame: tuple[Time, str] | None = None  # the time an earlier sentence set ("last year ...")
    for sentence in sentences:
        findings.extend(_read_sentence(sentence, present, frame))
        explicit = [t for t in sentence.times if t[0] in (Time.PAST, Time.NOW)]
        closed = [t for t in explicit if _DETENTION_PAST.fullmatch(sentence.folded[t[1] : t[2]])]
        if explicit:
            first = (closed or explicit)[0]
            frame = (first[0], sentence.words(first[1], first[2]))
    folded_sentences = [(sentence.folded, sentence.index) for sentence in sentences]
    originals = [sentence.original for sentence in sentences]
    findings = _told_then(findings, sentences)
    named = _SOMEONE.search(whole) is not None
    safe = _ABUSER_NAMED_HELD.search(whole) is not None and any(
        regex.search(whole) for regex in _RESOLVED[Concept.DANGER]
    )  # "my ex is in prison, i am safe": the one held is the abuser, no danger named
    findings = _released_after(_resolve(findings, folded_sentences, originals), sentences)
    findings = _witness_account(findings, sentences)
    findings = _abuser_held(findings, safe)
    return _rumours(findings, named)


_RELEASED_AFTER = _bounded(RELEASED_AFTER)
_DETENTION_PAST = re.compile(_expand(DETENTION_PAST))
# handed over, not let go: "released to ICE after 3 days", "lo soltaron a migración"
_TO_AGENCY = re.compile(
    r"(?<![\w'])(?:to|into|a|al|con|over to) (?:the )?(?:ice|immigration|la migra|migra|migracion|"
    r"inmigracion|the feds|federales)(?![\w'])"
)
# the agency or the officers come back: "ICE came back after two days", "they came back"
_AGENCY_BEFORE = re.compile(
    r"(?<![\w'])(?:ice|immigration|la migra|migra|migracion|inmigracion|agents?|agentes|officers?|"
    r"oficiales|deputies|police|policia|cops|sheriff|they|ellos)\W*$"
)
# a release to come, not one that happened: "they have to let him go after 48 hours", "they
# can hold him 48 hours before they release him", "lo tienen que soltar"
_RELEASE_TO_COME = re.compile(
    r"(?<![\w'])(?:will|would|have to|has to|had to|must|can|could|should|going to|gonna|supposed "
    r"to|tienen que|tiene que|deben|debe|van a|va a|pueden|puede|hope|hoping|ojala|if|si|until|"
    r"hasta que|when|cuando)(?![\w'])"
)
_RETURN_VERB = re.compile(r"(?:came|come|got back|returned|regres|volvi|llego)")


def _released_after(findings: list[Finding], sentences: list[_Sentence]) -> list[Finding]:
    """A release or a return told with how long it took ("I got out on bond after 9 days", "lo
    soltaron a los tres días"), after a custody or a hold: that custody is over, and a hold put
    during it with it (the person is out). What is told after the release stands; so does a
    custody told as going on, in its own words or its verb ("he is still in the county jail")."""
    releases = []
    for s in sentences:
        for m in _RELEASED_AFTER.finditer(s.folded):
            before = s.folded[: m.start()]
            after = " ".join(s.folded[m.end() :].split()[:4])
            if (
                _TO_AGENCY.search(m.group(0))
                or _TO_AGENCY.match(" " + after)
                or _NEGATOR_WORDS.search(" ".join(before.split()[-2:]))
                or (_RETURN_VERB.match(m.group(0)) and _AGENCY_BEFORE.search(before))
                or _RELEASE_TO_COME.search(" ".join(before.split()[-3:]) + " " + m.group(0))
            ):
                continue
            # where it ends: a custody may be told inside it ("9 days in jail before I got out")
            releases.append((s.number, m.end(), s.words(m.start(), m.end())))
    if not releases:
        return findings
    out = []
    for f in findings:
        if (
            f.suppressed is None
            and f.concept in (Concept.IN_CUSTODY, Concept.TRANSFER)
            and f.time in (Time.NOW, Time.UNCLEAR)
            and not f.told_now  # "he is in the county jail with a hold" stands
            and not _said_now(f)
        ):
            later = [r for r in releases if (r[0], r[1]) > (f.sentence, f.at)]
            if later:
                f = replace(f, suppressed=f"over: \u201c{later[0][2]}\u201d")
        out.append(f)
    return out


# One who saw it at work: "I'm a labor and delivery nurse", "I work as an interpreter", "soy
# enfermera", "trabajo como intérprete en la corte".
_WITNESS = re.compile(
    r"(?<![\w'])(?:(?:i'?m|i am|im|i work as|i worked as|as) (?:a|an) (?:[\w-]+ ){0,4}?|"
    r"(?:soy|como|trabajo como|trabajo de|trabaje como) (?:un |una )?(?:\w+ ){0,3}?)"
    r"(?:nurse|doctor|physician|midwife|interpreter|translator|social worker|caseworker|"
    r"case worker|chaplain|paralegal|attorney|"
    r"lawyer|advocate|volunteer|paramedic|emt|medic|counselor|therapist|teacher|"
    r"enfermer[oa]|doctora?|medic[oa]|partera|interprete|traductor[a]?|trabajador[a]? social|"
    r"abogad[oa]|voluntari[oa]|paramedico|consejer[oa]|capellan|defensor[a]?|maestr[oa]|"
    r"terapeuta|public defender|defender)(?![\w'])|"
    r"(?<![\w'])(?:i|we) (?:volunteer|work|worked|volunteered)(?= (?:at|in|with|for) )|"
    r"(?<![\w'])(?:trabajo|trabajamos|soy voluntari[oa]|hago voluntariado)(?= (?:en|con|para) )"
)
# Someone the witness does not know, named by an indefinite article: "a patient", "un señor".
_STRANGER = re.compile(
    r"(?<![\w'])(?:a|an|one|another|un|una|otro|otra) (?:\w+ )?(?:patients?|clients?|man|woman|"
    r"lady|guy|mother|father|detainee|inmate|worker|person|girl|boy|teen|student|pacientes?|"
    r"cliente|clienta|senor|senora|hombre|mujer|muchach[oa]|chav[oa]|joven|detenid[oa]|pres[oa]|"
    r"trabajador[a]?|persona|madre|padre|chico|chica|nin[oa])(?![\w'])"
)


# days back, for an account (a hold put "two days ago" on a relative still stands elsewhere)
_DAYS_AGO = re.compile(
    r"(?<![\w'])(?:(?:\w+|a|\d+) days? ago|hace (?:\w+ )?(?:\w+ )?dias|the other day|"
    r"el otro dia)(?![\w'])"
)


def _workplace(f: Finding, s: _Sentence) -> Finding:
    """The jail where the witness works or volunteers ("I'm a nurse at the county jail", "soy
    voluntaria en la cárcel") is no one held."""
    if f.suppressed is not None or f.concept is not Concept.IN_CUSTODY:
        return f
    witness = _WITNESS.search(s.folded, _clause_start(s.folded, f.at))
    if witness is None or witness.start() >= f.at:
        return f
    return replace(
        f, suppressed=f"where the witness works (\u201c{s.words(*witness.span())}\u201d)"
    )


def _witness_account(findings: list[Finding], sentences: list[_Sentence]) -> list[Finding]:
    """A professional's account of a stranger's treatment, set in the past ("I'm a nurse. Two
    weeks ago a patient was shackled ... while on an immigration hold"): the past time governs
    the account, the hold with it, unless a finding is told as going on in its own words."""
    whole = " ".join(s.folded for s in sentences)
    if not _WITNESS.search(whole) or not _STRANGER.search(whole):
        return findings
    findings = [_workplace(f, sentences[f.sentence]) for f in findings]
    dated = next(
        (
            (s.number, s.words(*span))
            for s in sentences
            for span in [
                *((t[1], t[2]) for t in s.times if t[0] is Time.PAST),
                *(m.span() for m in _DAYS_AGO.finditer(s.folded)),
            ]
        ),
        None,
    )
    if dated is None:
        return findings
    out = []
    for f in findings:
        if (
            f.suppressed is None
            and f.standing
            and f.time is Time.NOW
            and f.sentence >= dated[0]
            and not _said_now(f)
            and not _REPORTER.search(normalize(f.sentence_text)[0])
        ):
            f = replace(f, suppressed=f"over (a witness's account, \u201c{dated[1]}\u201d)")
        out.append(f)
    return out


def _said_now(f: Finding) -> bool:
    """The finding's own time words say it holds now ("still", "right now", "ahorita")."""
    if not f.time_words:
        return False
    return any(t is Time.NOW for t, _, _ in _time_expressions(normalize(f.time_words)[0]))


# The parser cuts the last word of an unpunctuated verb phrase into a sentence of its own (a
# colloquial "no" after the verb, "la sueltan no"; the "ir" of "no la dejan ir"): it belongs to
# the sentence before, when that one ends on its verb with no stop of its own.
_TRAILING_NO = frozenset(["no", "nop", "nel", "nope"])
_SENTENCE_END = re.compile(r"[.!?\u2026]\W*$")


def _sentences(doc):  # noqa: ANN001, ANN202 - spaCy objects
    """The parse's sentences, a verb's last word cut off from it joined back."""
    spans: list = []
    for sent in doc.sents:
        if spans and spans[-1].end == sent.start and _cut_off(spans[-1], sent):
            spans[-1] = doc[spans[-1].start : sent.end]
        else:
            spans.append(sent)
    return spans


def _cut_off(previous, sent) -> bool:  # noqa: ANN001 - spaCy spans
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) != 1 or _SENTENCE_END.search(previous.text):
        return False
    word = words[0]
    if word.lower_ in _TRAILING_NO:
        return True
    last = [t for t in previous if not t.is_punct and not t.is_space]
    return (
        bool(last)
        and last[-1].pos_ in ("VERB", "AUX")
        and word.pos_ == "VERB"
        and word.morph.get("VerbForm") == ["Inf"]
    )


def _read_sentence(
    sentence: _Sentence, present: set[str], frame: tuple[Time, str] | None
) -> list[Finding]:
    """The findings of one sentence: one per concept and clause, the first that counts."""
    findings = []
    seen: set[tuple[Concept, int]] = set()
    for cue, regex in _CUES:
        if cue.needs and cue.needs not in present:
            continue
        for match in regex.finditer(sentence.folded):
            if match.end() == match.start():
                continue
            key = (cue.concept, _clause_start(sentence.folded, match.start()))
            if key in seen:
                continue
            finding = _finding(cue, match, sentence, frame)
            findings.append(finding)
            if finding.suppressed is None:
                seen.add(key)
    return findings


def _time_expressions(folded: str):
    for time, regex in _TIMES:
        for match in regex.finditer(folded):
            if time is Time.IMMINENT and _is_this_morning(folded, match):
                continue
            if time is Time.PAST and _this_year(match.group(0)):
                continue  # "in 2026" when it is 2026: any day of it, not over by itself
            yield time, match.start(), match.end()


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _this_year(said: str) -> bool:
    """The words name a year, and it is this one (or later): no past by itself."""
    years = [int(y) for y in _YEAR.findall(said)]
    return bool(years) and min(years) >= date.today().year and not _MONTH_DAY.search(said)


# a day of a month said with the year ("el 3 de marzo de 2026") dates it; only the year alone
# is any day of the year
_MONTH_DAY = re.compile(r"\d{1,2} (?:of |de )?" + MONTHS)


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
    cue: Cue, match: re.Match[str], s: _Sentence, frame: tuple[Time, str] | None
) -> Finding:
    start, end = match.start(), match.end()
    clause = (_clause_start(s.folded, start), _clause_end(s.folded, end))
    anchor = _anchor(s.sent, s.index, start, end)
    if _verb_time(anchor) is None:
        anchor = _clause_verb(s.sent, s.index, *clause) or anchor
    in_clause = [t for t in s.times if clause[0] <= t[1] and t[2] <= clause[1]]
    before = s.folded[clause[0] : start]
    frame_time = frame[0] if frame else None
    # Under "can" / "poder" it is what may happen ("pueden trasladar a mi mamá si..."); a cue
    # that carries its own negation ("can't keep them past tonight") is a refusal, not a maybe.
    conditional = _conditional(anchor, before) or (
        not cue.negation_inside and _modal(anchor, before)
    )
    time, span, said = _first_time(
        cue, anchor, s, clause, start, end, in_clause, frame, conditional
    )
    tense = _tense_read(anchor, before, _in_cue(anchor, s, start, end))
    told_past = tense is Time.PAST
    closed = _closed_span(cue, s.folded, clause, told_past, time)
    if closed:
        time, span = Time.PAST, closed  # "kept my husband for two hours": it ended
    if time is Time.NOW and cue.place and not _someone_there(anchor, s.folded[slice(*clause)]):
        time = Time.UNCLEAR  # "en la cárcel de Gaston cobran muy caro": the jail, not who is in it
    time = _raid_time(cue, time, told_past, s, frame_time, said)
    time_words = _said_when(s, span, frame, time, _from_frame(anchor, in_clause, frame_time))
    suppressed = _suppressed(cue, anchor, s, clause, start, end, time, time_words, conditional)
    return Finding(
        cue.concept, _evidence(s, start, end, clause, span), time, time_words, suppressed,
        cue.weak, s.number, s.original.strip(),
        at=start,
        denial=cue.negation_inside,
        with_custody=cue.with_custody,
        standing=cue.standing,
        targetless=(cue.agent_only and not _target_near(s, before, end, clause))
        or _raid_untold(cue, s, clause, start, time),
        hearsay=_HEARSAY.search(s.folded[:start]) is not None,
        about_someone=_about_someone(cue, s.folded, clause, start),
        told_past=told_past,
        topic=_topic(cue, s, clause, start, end),
        told_now=_told_now(before, tense),
    )  # fmt: skip


def _first_time(
    cue: Cue,
    anchor: Any,
    s: _Sentence,
    clause: tuple[int, int],
    start: int,
    end: int,
    in_clause: list,
    frame: tuple[Time, str] | None,
    conditional: bool,
) -> tuple[Time, tuple[int, int] | None, str | None]:
    """The time of the words from the time expressions and the verb, before the closed spans,
    with the time words as first read (folded)."""
    before = s.folded[clause[0] : start]
    frame_time = frame[0] if frame else None
    time, span = _decide_time(
        cue, anchor, in_clause, start, end, frame_time, before, _in_cue(anchor, s, start, end)
    )
    said = s.folded[slice(*span)] if span else None
    if time is Time.PAST and span and _ongoing(s.folded, span, anchor, before):
        time = Time.NOW  # "in the county jail since March": from then until now
    time = _adjusted_time(cue, time, said, anchor, conditional)
    if time is Time.NOW and _in_closed_detention(cue, anchor, s, before, start, in_clause, frame):
        # "…durante su detención en la cárcel. Le pusieron un hold": put during a detention the
        # narrative told as closed, told in the past; over unless told as going on.
        return Time.PAST, None, said
    return time, span, said


def _in_closed_detention(
    cue: Cue,
    anchor: Any,
    s: _Sentence,
    before: str,
    start: int,
    in_clause: list,
    frame: tuple[Time, str] | None,
) -> bool:
    """A standing hold told in the past with no time of its own, inside a detention the
    narrative (this sentence or its frame) told as over."""
    if not cue.standing or cue.raid or in_clause:
        return False
    if _tense_read(anchor, before, False) is not Time.PAST:
        return False
    framed = bool(
        frame and frame[0] is Time.PAST and _DETENTION_PAST.search(normalize(frame[1])[0])
    )
    return framed or _DETENTION_PAST.search(s.folded, 0, start) is not None


def _raid_time(
    cue: Cue, time: Time, told_past: bool, s: _Sentence, frame_time: Time | None, said: str | None
) -> Time:
    """A raid's time: a scene told as it goes on is now; an event told in the past ended."""
    if not cue.raid:
        return time
    if time is Time.UNCLEAR and (
        not told_past or any(t[0] is Time.NOW for t in s.times) or frame_time is Time.NOW
    ):
        return Time.NOW  # "deputies and ICE knocking on every door": a scene told as it goes on
    if told_past and not cue.standing and not (said and _PRESENT_NOW.fullmatch(said)):
        return Time.PAST  # "the police knocked on my door last night": an event, and it ended
    return time


def _suppressed(
    cue: Cue,
    anchor: Any,
    s: _Sentence,
    clause: tuple[int, int],
    start: int,
    end: int,
    time: Time,
    time_words: str | None,
    conditional: bool,
) -> str | None:
    """Why the words do not count, if they do not: the general chain, then a denial inside a
    child's words, then a pick-up or a move that takes nobody."""
    suppressed = _suppression(cue, anchor, s, clause, start, time, time_words, conditional)
    if suppressed is None and cue.concept is Concept.CHILD and not cue.negation_inside:
        suppressed = _negated_inside(s.folded[start:end])
    if suppressed is None and cue.concept is Concept.TRANSFER:
        suppressed = _no_transfer(s, s.folded[clause[0] : start], start, end)
    return suppressed


def _target_near(s: _Sentence, before: str, end: int, clause: tuple[int, int]) -> bool:
    """Whom it is about is said right after ("viene la migra por mi primo") or just before; in a
    run-on, a person told further on is another statement."""
    after = s.folded[end : clause[1]].split()[:_TARGET_WORDS]
    near = " ".join(before.split()[-2:]) + " " + " ".join(after)
    return _TARGET.search(near) is not None


# A relative, a neighbour or a sitter as the one who picks up ("my neighbor picked them up",
# "mi comadre los recogió"): children fetched, not a person taken.
_FAMILY_PICKS_UP = re.compile(
    r"(?<![\w'])(?:my|our|a|the|their|his|her|mi|su|sus|la|el|una|un|nuestr[oa]) (?:\w+ )?"
    r"(?:neighbou?rs?|sister|brother|aunt|uncle|grandma|grandmother|grandpa|grandparents|mom|"
    r"mother|dad|father|cousin|friend|comadre|compadre|sitter|babysitter|nanny|wife|husband|"
    r"sister-in-law|brother-in-law|godmother|vecin[oa]s?|herman[oa]s?|tia|tio|abuel[oa]s?|mama|"
    r"papa|prim[oa]|amig[oa]|cunad[oa]|esposa|esposo|ninera|madrina|padrino|suegr[oa])"
    r"(?: (?:already|ya|just|went and|fue a|came and|vino a))?(?: (?:lo|la|los|las|les))? ?$"
)


_REPORTER_BEFORE = re.compile(r"(?<![\w'])(?:i|we|and i|y yo)(?: (?:just|then|finally|already))? $")


def _no_transfer(s: _Sentence, before: str, start: int, end: int) -> str | None:
    """A pick-up or a move that takes nobody: children fetched by a relative ("my neighbor
    picked them up", "mi comadre los recogió"), the reporter who moved ("I moved to another
    state"). Not "my husband picked up by ICE": there the one named is the one taken."""
    words = s.folded[start:end]
    family = _FAMILY_PICKS_UP.search(before)
    if family and re.match(r"(?:pick|recog|recoj)", words) and not _BY_AGENCY.match(s.folded, end):
        return f"picked up by family (\u201c{s.words(family.start(), end)}\u201d)"
    if _REPORTER_BEFORE.search(before) and words.startswith("mov"):
        return "the reporter moved, nobody was transferred"
    return None


# "my husband picked up by ICE": the one named is the one taken
_BY_AGENCY = re.compile(
    r"\W*(?:by|por|\w+ by) (?:the )?(?:ice|immigration|la migra|migracion|inmigracion|police|"
    r"policia|sheriff|deputies|cops|agents)|\W*(?:la migra|migracion|inmigracion|ice|el sheriff|"
    r"la policia)(?![\w'])"
)


def _negated_inside(words: str) -> str | None:
    """A negator between the child and "alone" ("mis niños no se quedaron solos", "the kids
    weren't alone"): the words deny it (doubt aside: "no sé si están solos")."""
    words = _WITHOUT_ANYONE.sub(" ", _INNER_DOUBT.sub(" ", words))  # "sin nadie" is the alone
    cue = _NEGATOR_WORDS.search(words)
    return f"negated by \u201c{cue.group(0)}\u201d" if cue else None


_WITHOUT_ANYONE = re.compile(r"(?<![\w'])sin (?:nadie|ningun\w*)(?![\w'])")
# doubt inside the words ("no sé si", "don't know if": the one DOUBT vocabulary, then what is
# doubted), not a reflexive "no se quedaron"
_INNER_DOUBT = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(DOUBT)
    + r") (?:si|if|whether|donde|where|como|how|cuando|when)(?![\w'])"
)


# The clause's last auxiliary or copula before the words tells its tense better than a tagger
# that reads "was sitting" or an unaccented "tenian" as a present.
_TENSE_WORD = re.compile(
    r"(?<![\w'])(?:(?P<now>is|are|am|'s|'re|has|have|esta|estan|estoy|sigue|siguen|tiene|tienen)|"
    r"(?P<past>was|were|had|estaba|estaban|estuvo|estuvieron|tenia|tenian|tuvo|tuvieron|fue|"
    r"fueron))(?![\w'])"
)


def _told_now(before: str, tense: Time | None) -> bool:
    """The words are told in the present ("my son is in the county jail with an ICE hold")."""
    words = list(_TENSE_WORD.finditer(before))
    if words:
        return words[-1].group("now") is not None
    return tense is Time.NOW


# Words of the present moment, not of a past today ("last night", "anoche"): a raid told with
# them in its clause ("ICE is here right now and they lined everybody up") goes on.
_PRESENT_NOW = re.compile(
    r"right now|now|ahorita|ahora|ahora mismo|en este momento|currently|at the moment|as we speak|"
    r"still|todavia|rn|orita|happening now|going on now|in progress|en curso|esta pasando|"
    r"estan pasando|ahorita mismo|este mero momento|ahora mero|ahorita mero"
)


def _raid_untold(cue: Cue, s: _Sentence, clause: tuple[int, int], start: int, time: Time) -> bool:
    """A raid that is not told as under way by one who sees it: a rumour ("dicen que andan
    tocando puertas"), a question ("are they going door to door?") or one to come. It is read
    as the agency on its way for nobody named (worth a check at most, while nobody is held)."""
    if not cue.raid:
        return False
    return (
        time is not Time.NOW
        or _HEARSAY.search(s.folded, 0, start) is not None
        or s.asked(clause[0], start)
        or _HYPOTHETICAL.search(s.folded, clause[0], start) is not None
        # a habit or a topic: "ICE is outside the courthouse every monday", "data on raids"
        or _HABITUAL.search(s.folded, clause[0], clause[1]) is not None
        or _TOPIC.search(s.folded, clause[0], clause[1]) is not None
    )


_HABITUAL = re.compile(
    r"(?<![\w'])(?:every ?(?:day|night|week|month|morning|time|\w+day)|everyday|each (?:day|week|"
    r"time)|todos los (?:dias|lunes|martes|miercoles|jueves|viernes|sabados|domingos|meses)|"
    r"cada (?:dia|semana|mes|vez|lunes|martes|miercoles|jueves|viernes|sabado|domingo)|siempre|"
    r"always|usually|often|a veces|sometimes|seguido|a menudo)(?![\w'])"
)


def _about_someone(cue: Cue, folded: str, clause: tuple[int, int], start: int) -> bool:
    """Someone is named in the clause, or the hearsay passes on news of someone the sentence
    named before it ("pagamos la fianza de mi esposo pero dicen que tiene una orden de ICE"):
    the Spanish verb carries its subject. Not the agency on its way, nor what is said of
    people in general ("dicen que en la cárcel tienen a mucha gente")."""
    words = folded[slice(*clause)]
    if _TARGET.search(words):
        return True
    hearsay = _HEARSAY.search(folded, 0, start)
    if cue.agent_only or hearsay is None or _GENERIC.search(words):
        return False
    return _NAMED_PERSON.search(folded, 0, hearsay.start()) is not None


def _closed_span(
    cue: Cue, folded: str, clause: tuple[int, int], told_past: bool, time: Time
) -> tuple[int, int] | None:
    """The length of a custody told in the past ("for two hours", "dos horas"): where it is, the
    custody is over. A coming event or a standing state keeps its own time."""
    if cue.concept is not Concept.IN_CUSTODY or not told_past or cue.standing:
        return None
    if time not in (Time.NOW, Time.UNCLEAR):
        return None
    match = _CLOSED_SPAN.search(folded, *clause)
    return (match.start(), match.end()) if match else None


def _topic(cue: Cue, s: _Sentence, clause: tuple[int, int], start: int, end: int) -> bool:
    """A hold, a detainer or a jail named as a topic (a count, a policy, what it means, a
    question about anyone) in a clause that names nobody."""
    if cue.concept not in (Concept.TRANSFER, Concept.IN_CUSTODY):
        return False
    # who passes it on is not in it: "mi vecino dice que en el condado entregan a todos"
    words = _SOURCE.sub(" ", s.folded[clause[0] : clause[1]])
    if _SOMEONE.search(words) or _CLITIC_PERSON.search(words) or _REPORTER.search(words):
        return False
    if _TOPIC.search(s.folded, clause[0], end):
        return True
    if not s.asked(clause[0], start):
        return False
    return (
        _GENERIC.search(words) is not None
        or _PRACTICE_QUESTION.search(s.folded, clause[0], end) is not None
    )


def _in_cue(anchor, s: _Sentence, start: int, end: int) -> bool:  # noqa: ANN001
    """The governing verb is one of the cue's own words ("at booking")."""
    first = s.index[start] + s.sent.start_char
    last = s.index[end - 1] + s.sent.start_char
    return anchor is not None and first <= anchor.idx <= last


def _ongoing(folded: str, span: tuple[int, int], anchor, before: str) -> bool:  # noqa: ANN001
    """A past time that starts what still holds: "since March", "desde enero", "desde hace dos
    semanas" with a verb of now ("has been", "está", "lo tienen"); not "estuvo ... desde 2018",
    nor a span closed by "until" / "hasta". "During his detention" with a verb of now ("durante
    su detención le niegan la insulina") is a detention going on."""
    said = folded[span[0] : span[1]]
    if _DETENTION_PAST.fullmatch(said):
        return _tense_read(anchor, before, anchor_in_cue=False) is Time.NOW
    if not (_SINCE.match(said) or _SINCE.search(folded[max(0, span[0] - 8) : span[0]] + " ")):
        return False
    if _UNTIL.match(folded, span[1]):
        return False
    return _tense_read(anchor, before, anchor_in_cue=False) is not Time.PAST


def _someone_there(anchor, clause: str) -> bool:  # noqa: ANN001
    """A place of custody told as where someone is: a person in the clause ("my brother", "he",
    "lo"), a verb that puts or keeps someone somewhere ("está", "sigue", "holding"), or a
    note with no verb ("brother in jail since fri"). Otherwise the place is the topic."""
    if _TARGET.search(clause) or _SUBJECT_PERSON.search(clause):
        return True
    if anchor is None or anchor.pos_ not in ("VERB", "AUX"):
        return True
    return anchor.lemma_.lower() in _LOCATING


def _adjusted_time(  # noqa: ANN001
    cue: Cue, time: Time, said: str | None, anchor, conditional: bool = False
) -> Time:
    """The time words' reading corrected by what the cue is: a past weekday is this week's, a
    standing state put in the recent past still holds, a condition is not yet so."""
    if time is Time.IMMINENT and said and _WEEKDAY.fullmatch(said):
        if _verb_time(anchor) is Time.PAST:
            time = Time.NOW  # "he was arrested Friday": this week's Friday, gone by
    elif (
        time is Time.PAST
        and cue.standing
        and not cue.raid
        and said
        and not _LONG_PAST.search(said)
        and not _DETENTION_PAST.fullmatch(said)  # put "during his detention": closed with it
    ):
        time = Time.NOW  # "ICE put a hold on him last week": put then, standing now
    if conditional and time in (Time.NOW, Time.IMMINENT) and cue.concept is not Concept.DANGER:
        # "I'm afraid they will arrest me", "if they transfer him": might happen, not happening.
        return Time.UNCLEAR
    return time


def _said_when(
    s: _Sentence,
    span: tuple[int, int] | None,
    frame: tuple[Time, str] | None,
    time: Time,
    from_frame: bool,
) -> str | None:
    """The time words as written: the clause's own, else an earlier sentence's that set it."""
    if span:
        return s.words(*span)
    if frame and from_frame and time is frame[0] and time in (Time.PAST, Time.NOW):
        return frame[1]
    return None


def _suppression(  # noqa: PLR0913 - the parts of one reading, each a fact about the words
    cue: Cue,
    anchor,  # noqa: ANN001
    s: _Sentence,
    clause: tuple[int, int],
    start: int,
    time: Time,
    time_words: str | None,
    conditional: bool,
) -> str | None:
    """Why the words do not count (denied, asked about, over), or None."""
    if not cue.negation_inside:
        negated = _negated(anchor, s, clause, start)
        if negated:
            return negated
    thing = _THING_BEFORE.search(s.folded, 0, start)
    if thing and cue.concept is Concept.IN_CUSTODY and thing.start() >= clause[0]:
        return f"a thing taken, not a person (\u201c{s.words(thing.start(), thing.end())}\u201d)"
    if conditional and cue.concept is not Concept.DANGER and s.asked(clause[0], start):
        return "asked about what could happen (a question, not a situation)"
    if time is Time.PAST and cue.concept is not Concept.CITIZEN:
        return "over" + (f" (\u201c{time_words}\u201d)" if time_words else " (past tense)")
    return None


def _modal(anchor, before: str) -> bool:  # noqa: ANN001
    """The verb is under "can" / "poder" ("¿me pueden deportar?"): it tells what may be. The
    word just before the cue says so too where a typo kept the parse from seeing it."""
    if _MODAL_BEFORE.search(" ".join(before.split()[-2:])):
        return True
    if anchor is None:
        return False
    group = [anchor, *(c for c in anchor.children if c.dep_ == "aux"), anchor.head]
    return any(t.lemma_.lower() in _MODALS and t.i <= anchor.i for t in group)


def _conditional(anchor, before: str) -> bool:  # noqa: ANN001
    """The words tell of what could happen: "if" / "si" / "unless" marks their verb or one it
    hangs on (the parse), or a word of fear or possibility opens their clause."""
    token = anchor
    for _ in range(3):
        if token is None:
            break
        if any(
            c.dep_ == "mark" and c.lower_ in _IF_WORDS and c.i < token.i for c in token.children
        ):
            return True
        if token.dep_ == "ROOT" or token.head.i == token.i:
            break
        token = token.head
    return _HYPOTHETICAL.search(before) is not None


def _evidence(
    s: _Sentence, start: int, end: int, clause: tuple[int, int], span: tuple[int, int] | None
) -> str:
    """The words staff read: the whole clause when short, else the cue and its time words."""
    evidence_start, evidence_end = start, end
    if len(s.folded[clause[0] : clause[1]].split()) <= EVIDENCE_WORDS:
        evidence_start, evidence_end = clause
    elif span is not None:
        evidence_start, evidence_end = min(start, span[0]), max(end, span[1])
    return s.words(evidence_start, evidence_end).strip(" .,;:!?")


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
) -> tuple[Time, tuple[int, int] | None]:
    """The mention's time, and the span of the time words that decided it (if any)."""
    if in_clause:
        nearest = min(in_clause, key=lambda t: min(abs(t[1] - end), abs(start - t[2])))
        # A deadline or a coming event wins over "now" in the same clause ("the 48 hours end
        # tonight"): both are urgent, but "imminent" is the more exact word for staff.
        return nearest[0], (nearest[1], nearest[2])
    verb = _tense_read(anchor, before, anchor_in_cue)
    if cue.negation_inside and verb is Time.IMMINENT:
        return Time.NOW, None  # "they won't give him his insulin": refused now
    if verb in (Time.NOW, Time.IMMINENT):
        return verb, None
    return _story_time(cue, verb, frame, anchor), None


def _tense_read(anchor, before: str, anchor_in_cue: bool) -> Time | None:  # noqa: ANN001
    """The time the verb's morphology gives, or the word before the cue ("is", "estaba")."""
    verb = _verb_time(anchor)
    if verb is None and _bare_participle(anchor):
        # Phone and hotline notes drop "to be": "brother detained at the jail", "having bad
        # cramps in the cell" tell of now; a gerund that is the cue itself ("at booking") does not.
        verb = None if anchor_in_cue else Time.NOW
    elif verb is None:
        verb = _verb_time(anchor, loose=True)  # a simple past the tagger took for a participle
    if _PRESENT_WORDS.search(before):
        return Time.NOW
    if verb is None and _PAST_WORDS.search(before):
        return Time.PAST
    return verb


def _story_time(cue: Cue, verb: Time | None, frame: Time | None, anchor) -> Time:  # noqa: ANN001
    """A past or tenseless mention: a standing state holds now; else the story's frame."""
    if cue.standing:
        return Time.NOW
    if frame is Time.PAST and cue.concept not in _STORY_CONCEPTS:
        # An earlier sentence told of the past; a new medical need, danger or child left
        # alone told without a time of its own may be today's: worth a check.
        return Time.UNCLEAR
    if frame is not None and not (frame is Time.NOW and verb is Time.PAST):
        # An earlier "now" ("he's home now") does not bring a past verb into the present.
        return frame
    if verb is Time.PAST and cue.place:
        return Time.PAST
    if verb is Time.PAST:
        told_of_self = _first_person(anchor) and cue.concept in (
            Concept.IN_CUSTODY, Concept.INJURED
        )  # fmt: skip
        return Time.PAST if told_of_self else Time.UNCLEAR
    return Time.UNCLEAR


def _from_frame(anchor, in_clause, frame: Time | None) -> bool:  # noqa: ANN001
    return not in_clause and frame is not None and _verb_time(anchor) in (Time.PAST, None)


def _doubt_at(token) -> bool:  # noqa: ANN001
    """The negator opens a doubt ("no sé a quién más decirle", "I don't know who else to
    tell"): it says what the reporter does not know, not that the situation is not so."""
    following = token.doc[token.i : token.i + 4].text
    return any(doubt.match(normalize(following)[0]) for doubt in _DOUBT)


def _negated(anchor, s: _Sentence, clause: tuple[int, int], start: int) -> str | None:  # noqa: ANN001
    """Why the words are denied ("negated by “no”"), or None: the parse's negation of their
    verb within the clause, a "nobody" subject, or a negator just before them."""
    clause_start, clause_end = clause
    index = s.index
    scope = (
        s.sent.start_char + index[clause_start] if clause_start < len(index) else 0,
        s.sent.start_char + index[clause_end - 1] if 0 < clause_end <= len(index) else 1 << 30,
    )
    return (
        _opinion_negated(anchor)
        or _parse_negated(anchor, scope)
        or _prefix_negated(s.folded[clause_start:start])
    )


def _opinion_negated(anchor) -> str | None:  # noqa: ANN001
    # "I don't think ICE is coming": the negation of a verb of opinion is the clause's.
    if anchor is None or anchor.dep_ != "ccomp" or anchor.head.lemma_.lower() not in _OPINION:
        return None
    for child in anchor.head.children:
        if child.dep_ == "neg" or child.lower_ in NEGATORS:
            return f"negated by \u201c{child.text} {anchor.head.text}\u201d"
    return None


def _parse_negated(anchor, scope: tuple[int, int]) -> str | None:  # noqa: ANN001
    """The parse's negation of the verb, counted only inside its clause: "no sueltan a mi papá
    porque migración lo quiere" does not deny that immigration wants him."""
    if anchor is None:
        return None
    for child in (c for c in anchor.children if scope[0] <= c.idx <= scope[1]):
        word = child.lower_.replace("\u2019", "'")
        negation = child.dep_ == "neg" or (child.dep_ == "advmod" and word in NEGATORS)
        if negation and child.i < anchor.i + 2 and not _doubt_at(child):
            return f"negated by \u201c{child.text}\u201d"
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if word in NOBODY and anchor.lemma_.lower() not in _TELLING:
            return f"negated by \u201c{child.text}\u201d"
        no = [d for d in child.children if d.lower_ in ("no", "ningun", "ningún")]
        if no:  # "no one", "ningún agente"
            return f"negated by \u201c{no[0].text} {child.text}\u201d"
    return None


def _prefix_negated(prefix: str) -> str | None:
    """A negator in the three words before the cue (doubt aside), or a fronted negated object."""
    for doubt in _DOUBT:
        prefix = doubt.sub(" ", prefix)
    cue = _NEGATOR_WORDS.search(" ".join(prefix.split()[-3:]))
    if cue:
        return f"negated by \u201c{cue.group(0)}\u201d"
    # The object fronted with its negation ("a nadie que conozco han agarrado"), or the subject
    # as "nobody of" a group ("nadie de mi familia está", "ninguno de mis hijos", "none of us").
    near = " ".join(prefix.split()[-8:])
    cue = _NOBODY_OBJECT.search(near) or _nobody_of(near)
    if cue:
        return f"negated by \u201c{cue.group(0)}\u201d"
    return None


def _nobody_of(near: str) -> re.Match[str] | None:
    """ "nadie de mi familia está ...", unless what follows it is what nobody knows or says
    ("nadie de la familia sabe que lo detuvieron")."""
    match = _NOBODY_OF.search(near)
    if match and _SUBORDINATE.search(near, match.end()):
        return None
    return match


def _told_then(findings: list[Finding], sentences: list[_Sentence]) -> list[Finding]:
    """A time said of what was just told ("That was in 2019.", "pero eso fue hace años") dates
    it: what the previous sentence or the clauses before it in the same sentence told is over,
    unless it is set in the future or a standing state dated only recently."""
    dated = {}
    for s in sentences:
        for match in _BACK_REFERENCE.finditer(s.folded):
            past = [t for t in s.times if t[0] is Time.PAST and t[1] >= match.end()]
            if past and past[0][1] - match.end() <= 12:
                dated[s.number] = (match.start(), s.words(match.start(), past[0][2]))
                break
    if not dated:
        return findings
    out = []
    for f in findings:
        when = dated.get(f.sentence + 1) or (
            dated[f.sentence] if f.sentence in dated and f.at < dated[f.sentence][0] else None
        )
        if when and f.suppressed is None and f.time is not Time.IMMINENT:
            long_ago = _LONG_PAST.search(normalize(when[1])[0]) is not None
            if long_ago or not f.standing:
                f = replace(f, suppressed=f"over (\u201c{when[1]}\u201d)")
        out.append(f)
    return out


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
            for regex in _resolutions(finding):
                match = next(
                    (m for m in regex.finditer(folded) if not _turned(finding, number, folded, m)),
                    None,
                )
                if (
                    match
                    and not _NEGATOR_WORDS.search(" ".join(folded[: match.start()].split()[-2:]))
                    and not _POST_VERBAL_NO.match(folded, match.end())
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


# "lo dejan salir no": the colloquial negation after the verb denies the end (not "no sé",
# "no hace mucho").
_POST_VERBAL_NO = re.compile(r" (?:no|nop|nel)(?![\w'])(?! (?:se|sabemos|sabe|hace|mas)(?![\w']))")


def _resolutions(finding: Finding) -> list[re.Pattern[str]]:
    """What ends the finding's concept; told in the past, also how the person is now."""
    told_past = finding.told_past or _words_told_past(finding.evidence)
    extra = _RESOLVED_PAST.get(finding.concept, []) if told_past else []
    return [*_RESOLVED.get(finding.concept, []), *extra]


def _words_told_past(evidence: str) -> bool:
    """The words carry their own past copula ("sus hijos estuvieron solos", "the kids were
    alone"), whatever verb the clause hangs on ("la persona informa que ...")."""
    words = list(_TENSE_WORD.finditer(normalize(evidence)[0]))
    return bool(words) and words[-1].group("past") is not None


def _told_of_past(folded: str) -> bool:
    return any(time is Time.PAST for time, _, _ in _time_expressions(folded))


def _turned(finding: Finding, number: int, folded: str, match: re.Match[str]) -> bool:
    """A resolution told before the finding in its own sentence, with a turn in between ("we
    paid the bond, but they won't let him go"), or after it with the situation told again
    behind a turn ("ya lo soltaron pero..." is the end; "pagamos la fianza pero no lo sueltan"
    is not)."""
    if number != finding.sentence or match.start() >= finding.at:
        return False
    between = folded[match.end() : finding.at]
    far = len(between.split()) > _RUN_ON_WORDS
    # the finding's own first words may be the turn: "pagamos la fianza y sigue adentro", "y
    # la siguen teniendo ahí"
    between += " " + " ".join(folded[finding.at :].split()[:2])
    # "ya está en la casa a mi mamá la envían a migración": someone else's story starts
    other = _NAMED_PERSON.search(between) is not None
    return far or other or finding.denial or _CONTRAST.search(between) is not None


def _abuser_held(findings: list[Finding], safe: bool = False) -> list[Finding]:
    """Someone held in a sentence that ends a survivor's danger is the abuser ("he is in prison
    in another state now"): her safety, not an emergency. `safe`: the narrative names the
    abuser held and the reporter safe, with or without a threat told."""
    if not safe and not any(f.concept is Concept.DANGER for f in findings):
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


def _rumours(findings: list[Finding], named: bool = True) -> list[Finding]:
    """What concerns nobody named: the agency on its way ("dicen que viene la migra"), hearsay
    of arrests ("I heard they are picking people up at the Walmart"), a topic ("q es un
    detainer?"). No emergency when the narrative says nobody is held; worth a check while
    nobody is held now; urgent (as read) when someone is. A topic in a narrative that names
    nobody at all (`named` false) is no one's situation."""
    live = [f for f in findings if f.suppressed is None]
    held = any(
        f.concept in (Concept.IN_CUSTODY, Concept.TRANSFER) and not _unnamed(f)
        and f.time in (Time.NOW, Time.IMMINENT) for f in live
    )  # fmt: skip
    taken = any(
        f.concept in (Concept.IN_CUSTODY, Concept.TRANSFER) and not _unnamed(f) for f in live
    )
    nobody = _nobody_held(findings)
    read_as = [_as_rumour(f, held, taken, nobody) for f in findings]
    if held or named:
        return read_as
    return [
        replace(f, suppressed="a topic, about nobody held") if f.topic and not f.suppressed else f
        for f in read_as
    ]


def _unnamed(f: Finding) -> bool:
    """The agency on its way for nobody named, hearsay that names nobody, or a topic."""
    return f.targetless or f.topic or (f.hearsay and not f.about_someone)


def _nobody_held(findings: list[Finding]) -> Finding | None:
    """A custody the narrative denies ("nadie detenido", "nobody was arrested")."""
    for f in findings:
        if f.concept is Concept.IN_CUSTODY and f.suppressed and f.suppressed.startswith("negated"):
            return f
    return None


def _as_rumour(f: Finding, held: bool, taken: bool, nobody: Finding | None) -> Finding:
    if f.suppressed is not None:
        return f
    if f.with_custody and not taken:
        f = replace(f, weak=True)  # the sitter leaves, but nobody is held: worth a check
    if _unnamed(f) and not held:
        if nobody is not None:
            return replace(f, suppressed=f"nobody is held (\u201c{nobody.evidence}\u201d)")
        if f.time in (Time.NOW, Time.IMMINENT):
            return replace(f, time=Time.UNCLEAR)  # a raid warning: worth a check, no page-out
    return f
