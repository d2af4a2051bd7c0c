"""Issue 12, round 4 (after blind held-out 3): nationality and language words are no names,
a name before a business word (or after a Spanish one) is a business that stays, and a
dwelling with its number a few words from a named park or complex is a home. Each pattern is
several templates x several values, none taken from a held-out set."""

from __future__ import annotations

import itertools

from tests.anonymize.test_patterns import check_removed, run


def _kept(anon, cases: list[tuple[str, str, str]]) -> None:
    out = run(anon, [(lg, t) for lg, t, _ in cases])
    lost = [(t, red) for (_lg, t, keep), red in zip(cases, out, strict=True) if keep not in red]
    assert not lost, "\n".join(map(repr, lost))


def test_nationality_and_language_words_stay(anon):
    en = ["Senegalese", "Nigerian", "Guatemalan", "Wolof", "Tigrinya", "Ukrainian"]
    es = ["salvadoreña", "hondureño", "ecuatoriano", "quechua", "nicaragüense", "peruana"]
    tpls_en = [
        "A {w} woman was detained at the gas station.",
        "The deputy asked if I was {w}, I said yes.",
    ]
    tpls_es = ["Mi esposo es {w} y lo pararon ayer.", "Una señora {w} vio todo."]
    cases = [("en", t.format(w=w), w) for t, w in itertools.product(tpls_en, en)]
    cases += [("es", t.format(w=w), w) for t, w in itertools.product(tpls_es, es)]
    _kept(anon, cases)


def test_a_name_with_a_nationality_surname_is_still_a_name(anon):
    cases = [
        ("es", "El oficial detuvo a Pedro Alemán en la esquina.", ["Pedro Alemán"]),
        ("en", "My cousin Rosa Gallego was taken to the jail.", ["Rosa Gallego"]),
    ]
    check_removed(anon, cases)


def test_business_names_stay(anon):
    # a business named after a surname ("Ochoa Brothers Nails") still loses it: recall first
    names = ["Golden Star", "Blue Lotus", "Sunrise"]
    en = [
        "They arrested him outside {n} Nails on Tuesday.",
        "I called {n} Bail Bonds to get him out.",
        "She works the night shift at the {n} plant.",
    ]
    es = ["Lo agarraron saliendo de la Taquería {n}.", "Trabaja en la Llantera {n} desde 2019."]
    cases = [("en", t.format(n=n), n) for t, n in itertools.product(en, names)]
    cases += [("es", t.format(n=n), n) for t, n in itertools.product(es, names)]
    _kept(anon, cases)


def test_dwellings_in_named_parks_and_complexes_are_homes(anon):
    cases = [
        ("en", "We live in lot number fourteen at Shady Oaks Mobile Home Park.", ["fourteen"]),
        ("en", "ICE came to space 27 of the Willow Creek Trailer Park at 6am.", ["27"]),
        ("en", "My mom rents unit nine in the Parkside Village Apartments.", ["nine"]),
        ("es", "Vivimos en la traila 8 del parque Los Álamos.", ["traila 8"]),
        (
            "es",
            "Tocaron la puerta del apartamento veintidós de los Apartamentos Río Azul.",
            ["veintidós"],
        ),
        ("es", "Mi cuarto número 5, en el Residencial Las Brisas, lo revisaron.", ["número 5"]),
    ]
    check_removed(anon, cases)
