"""Case- and accent-insensitive text matching that can point back at the original words."""

from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


def strip_accents(text: str) -> str:
    """`cárcel` -> `carcel`, `niño` -> `nino`; also straightens curly apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: the form phrases and narratives are compared in."""
    return normalize(text)[0].strip()


def normalize(text: str) -> tuple[str, list[int]]:
    """Fold `text` and return it with, for each folded character, its index in `text`.

    The index map lets a match in the folded text be shown to staff as the reporter wrote it.
    """
    out: list[str] = []
    index: list[int] = []
    previous_space = True
    for i, char in enumerate(text):
        for c in _folded(char):
            if c == " ":
                if previous_space:
                    continue
                previous_space = True
            else:
                previous_space = False
            out.append(c)
            index.append(i)
    return "".join(out), index


@functools.lru_cache(maxsize=8192)
def _folded(char: str) -> str:
    """One character as `normalize` folds it, any space as " ": a narrative is read several
    times per report (rules, urgency, each sentence), and most of it is the same few letters."""
    folded = []
    for c in strip_accents(char):
        if c.isspace():
            folded.append(" ")
            continue
        folded.extend(lower for lower in c.lower() if not unicodedata.combining(lower))
    return "".join(folded)


def original_span(text: str, index: list[int], start: int, end: int) -> str:
    """The words of `text` behind the folded span [start, end)."""
    if start >= end or not index:
        return ""
    return text[index[start] : index[end - 1] + 1].strip()


def phrase_regex(phrase: str) -> str:
    """A regex for a literal phrase: folded, whole words, any run of spaces between words."""
    words = fold(phrase).split()
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"


_MACRO = re.compile(r"\{(\w+)\}")


def pattern_regex(pattern: str, macros: dict[str, str] | None = None) -> re.Pattern[str]:
    """Compile an author's regex for folded text: accents stripped, `{name}` macros expanded.

    The pattern is not lower-cased (that would turn `\\S` into `\\s`); IGNORECASE does that job.
    Raises re.error for a bad pattern.
    """
    macros = macros or {}

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"(?:{strip_accents(macros[name])})" if name in macros else match.group(0)

    return re.compile(_MACRO.sub(expand, strip_accents(pattern)), re.IGNORECASE)


# Spanish verbs typed without their accent read, to the parser, as other words: "esta detenido"
# is parsed as the demonstrative "esta" (this) with an adjective, so no verb says "now". Before
# a word that only a verb takes (a participle, a gerund, a place or state), the accent goes back.
# Each form keeps its length, so the parse's character offsets still point into the original.
_UNACCENTED_VERB = re.compile(
    r"(?<![\w'])(est|Est|EST)(a|an|as|A|AN|AS)(?= (?:en|con|siendo|bajo|sin|bien|mal|muy|ahi|"
    r"alli|alla|aqui|aca|todavia|aun|ahora|ahorita|preso|presa|presos|presas|sol[oa]s?|"
    r"(?!(?:madrugada|llamada|entrada|salida|comida|vida|partida|jornada|temporada|parada|"
    r"mirada|pasada|semana|noche|tarde|manana|vez|ciudad)(?![\w']))"
    r"\w+(?:ad|id)[oa]s?|\w+(?:ando|iendo))(?![\w']))",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"(?<![\w'])(ser|estar|Ser|Estar|SER|ESTAR)(a|an|A|AN)(?![\w'])")
_ACUTE = {"a": "\u00e1", "A": "\u00c1"}


def _accent(match: re.Match[str]) -> str:
    ending = match.group(2)
    return match.group(1) + _ACUTE[ending[0]] + ending[1:]


def accented_verbs(text: str) -> str:
    """ "mi hermano esta detenido" -> "mi hermano está detenido", "sera deportado" -> "será
    deportado": what the parser needs to see a verb; same length as `text`."""
    return _FUTURE.sub(_accent, _UNACCENTED_VERB.sub(_accent, text))


# A narrative typed in capitals ("ESTA DETENIDO MI HIJO EN LA CARCEL") is parsed as a row of
# proper nouns: no verb, no tense. The parse gets it in lower case (agency acronyms kept);
# each character keeps its place, so the offsets still point into the original.
_SHOUTED_WORD = re.compile(r"(?<![\w\[])([^\W\d_]+)(?![\w\]])")
_ACRONYMS = frozenset(["ICE", "DHS", "CBP", "FBI", "USA", "DMV", "ID", "I"])
_MOSTLY_CAPITALS = 0.7
_MIN_LETTERS = 12


def _lower_kept_length(word: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def case_normalised(text: str) -> str:
    """`text` with its words in lower case when most of its letters are capitals (a shouted
    narrative), else `text` itself; same length either way."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return text
    if sum(c.isupper() for c in letters) < _MOSTLY_CAPITALS * len(letters):
        return text

    def lower(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.upper() in _ACRONYMS or not word.isupper():
            return word
        return _lower_kept_length(word)

    return _SHOUTED_WORD.sub(lower, text)
