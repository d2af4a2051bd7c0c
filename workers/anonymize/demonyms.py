"""Nationality and language words ("Malian", "Bambara", "brasileño", "guatemalteca"), which
name no one, from Unicode CLDR data as Babel ships it (English and Spanish): every language
name, and every word that is a country's name plus a nationality ending. A first name that
is also such a word (Dakota, Shona, Chino) is left to the name detectors."""

from __future__ import annotations

import functools

from .lexicon import first_names, fold, words

# Nationality endings, longest first: English (-ian, -an, -ese, -ish, -i) and Spanish (-eño,
# -ano, -ense, -ino, -teco, -és, -í and their feminine and plural forms), folded.
ENDINGS = tuple(
    sorted(
        {
            e + plural
            for e in words(
                """ian ean an n ese ish i ic eno ena ano ana no na ense ino ina eco eca
                teco teca es esa io ia o a"""
            )
            for plural in ("", "s")
        },
        key=len,
        reverse=True,
    )
)
# How many letters of a country's name an ending may replace ("Guatemal|a" -> "guatemal|teco").
MAX_DROPPED = 2
MIN_STEM = 4
# CLDR territories that are no country (Diego Garcia, Canary Islands, Ceuta y Melilla...):
# their words are surnames and place names, not nationalities.
NOT_COUNTRIES = frozenset(w.upper() for w in words("AC CP DG EA EU EZ IC QO TA UN XA XB XK"))


@functools.cache
def _cldr() -> tuple[frozenset[str], frozenset[str]]:
    """One-word language names, and the words of country names, in English and Spanish."""
    from babel import Locale  # noqa: PLC0415  (CLDR data ships in the wheel)

    languages: set[str] = set()
    countries: set[str] = set()
    for code in ("en", "es"):
        loc = Locale(code)
        languages.update(fold(v) for v in loc.languages.values() if v.isalpha())
        for key, name in loc.territories.items():
            if key.isalpha() and key not in NOT_COUNTRIES:  # "MX", not "419" or "DG"
                countries.update(w for w in fold(name).split() if len(w) >= MIN_STEM)
    return frozenset(languages), frozenset(countries)


@functools.cache
def _folded_is_demonym_or_language(f: str) -> bool:
    languages, countries = _cldr()
    if f in first_names():
        return False
    if f in languages:
        return True
    for ending in ENDINGS:
        stem = f[: -len(ending)]
        if not f.endswith(ending) or len(stem) < MIN_STEM:
            continue
        # a one-letter ending only after the whole name ("Cuba-n", "Pakistan-i"; "Greco" is
        # no "Grecia"), and the country's own name is no nationality word ("Costa")
        dropped = MAX_DROPPED if len(ending.rstrip("s")) > 1 else 0
        if any(c.startswith(stem) and len(c) - len(stem) <= dropped and c != f for c in countries):
            return True
    return False


def is_demonym_or_language(word: str) -> bool:
    return _folded_is_demonym_or_language(fold(word))


def is_country_word(word: str) -> bool:
    """A word of a CLDR country's name, in English or Spanish ("Honduras", "Salvador")."""
    return fold(word) in _cldr()[1]
