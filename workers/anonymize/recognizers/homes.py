"""Homes described rather than addressed (redacted, STREET_ADDRESS at 0.85: a badge or an
officer's unit number, at 0.9, still wins): a lot or space in a park, a rural route and box,
a building and unit, GPS coordinates, Central American addresses ("4a calle, casa 22",
"del parque central 3 cuadras al sur"), a corner or a landmark near home ("the yellow
trailer behind the Shell on Route 9", with the road the landmark is on and the home's look
after it), a street named after "we live on", a unit behind a house at a corner of numbered
streets ("la efficiency atrás de la casa de la 62 y la 5 ave"), a road then a space ("CR 12,
lote 4 ..."), and a part of a home said before it ("the garage of 18 elm")."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from .. import patterns as P
from ..lexicon import STREET_SUFFIXES
from ..number_words import NUMBER_WORDS
from .common import Ctx, candidate

_ORD = r"(?:a|ª|ra|da|ta|va|na|o|º)?\.?"
_NUM = r"(?:#|no\.?|n[uú]m(?:ero)?\.?)?\s*#?\s*\d{1,4}[A-Za-z]?\b"
HOME_FORMS = [
    # "lot 37", "lote 14", "space 9", "trailer #12", "casa 22" (not a parking lot)
    re.compile(rf"(?<!parking )\b(?:lot|lote|space|espacio|trailer|traila|casa)\s*{_NUM}", re.I),
    # "rural route 2 box 118", "RR 3, Box 45", "HC 64 Box 12"
    re.compile(
        r"\b(?:rural\s+route|r\.?\s?r\.?|ruta\s+rural|hc|route)\s*#?\s*\d{1,4}\s*,?\s*"
        r"(?:box|caja|bx)\s*#?\s*\d{1,5}\b",
        re.I,
    ),
    # "building 4, apt 210", "bldg C unit 12", "edificio 3 apartamento 5"
    re.compile(
        r"\b(?:building|bldg\.?|edificio|torre)\s*#?\s*[\w-]{1,4}\s*,?\s*"
        r"(?:apartamento|apartment|apto\.?|apt\.?|unit|depto\.?|departamento|#)\s*#?\s*[\w-]{1,5}\b",
        re.I,
    ),
    # "Oak Park Apartments", "Apartamentos Las Palmas"
    re.compile(
        r"(?:(?:[A-Z][\w'’-]*\s+){1,4}(?:Apartments|Apts\.?|Townhomes|Condominiums|Condos)"
        r"|(?i:apartamentos|residencial|condominio)\s+(?:[A-Z][\w'’-]*\s?){1,3})"
        r"(?:\s*,?\s*(?i:edificio|building|bldg\.?|torre)\s*#?\s*[\w-]{1,3}\b)?"
        r"(?:\s*,?\s*(?i:apartment|apto\.?|apt\.?|unit|#)\s*#?\s*[\w-]{1,5}\b)?"
    ),
    # GPS coordinates: "29.4241, -98.4936", "19°25'42\"N 99°07'39\"W"
    re.compile(r"(?<![\d.])-?\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}(?![\d.])"),
    re.compile(
        r"\d{1,3}\s*°\s*\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*[\"″]?)?\s*[NS]\s*,?\s*"
        r"\d{1,3}\s*°\s*\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*[\"″]?)?\s*[EWO]\b"
    ),
    # Central American style: "4a calle, casa 22", "2da avenida norte #15", "Barrio El Centro"
    re.compile(
        rf"\b\d{{1,2}}\s*{_ORD}\s+(?:calle|avenida|avenue|ave|av)\b\.?"
        r"(?:\s+(?:poniente|oriente|norte|sur|pte\.?|ote\.?|nte\.?|sur))?"
        rf"(?:\s*,?\s*(?:casa|lote|lot)?\s*{_NUM})?",
        re.I,
    ),
    # a numbered street and the house's number: "la calle 10 número 604", "avenida 5 #1203",
    # "carrera 7 no. 45-12"
    re.compile(
        r"\b(?:calle|avenida|av\.?|carrera|cra\.?|diagonal|transversal)\s+\d{1,3}\s*[A-Za-z]?"
        r"\s*,?\s*(?:n[uú]mero|num\.?|no\.?|#)\s*\d{1,5}(?:\s*-\s*\d{1,4})?\b",
        re.I,
    ),
    re.compile(
        r"\b(?i:barrio|colonia|aldea|cant[oó]n|caser[ií]o|urbanizaci[oó]n|reparto)\s+"
        r"(?:(?:el|la|los|las|de|del|san|santa)\s+)?(?:[A-ZÁÉÍÓÚÑ][\w'’-]*\s?){1,3}"
    ),
]
_CAPS = r"(?:[A-ZÁÉÍÓÚÑ][\w'’-]*\s?){1,3}"
_SPOT = r"(?:lot|lote|space|espacio|trailer|traila|site|sitio)\s*#?\s*\d{1,4}[A-Za-z]?\b"
_PARK_WORD = r"(?:parque|park|comunidad|community|estates|village)"
HOME_FORMS += [
    # "el parque Los Pinos espacio 44", "Sunny Acres Park, lot 14"
    re.compile(rf"(?:(?i:el|the)\s+)?(?i:{_PARK_WORD})\s+{_CAPS}\s*,?\s*(?i:{_SPOT})"),
    re.compile(rf"{_CAPS}(?i:{_PARK_WORD})\s*,?\s*(?i:{_SPOT})"),
]


def _accented(word: str) -> str:
    """A folded word as a pattern that also matches it written with accents ("veintitrés")."""
    vowels = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]"}
    return "".join(vowels.get(c, re.escape(c)) for c in word)


_NUMBER_WORD = "|".join(
    _accented(w) for w in sorted(NUMBER_WORDS - {"un", "una", "oh"}, key=len, reverse=True)
)
# a dwelling's number in digits or words: "lot 9", "lot number nine", "traila #12",
# "espacio treinta y dos", "cuarto número 3"
_DWELLING_NUMBER = (
    r"(?i:lot|lote|space|espacio|trailer|traila|trila|site|sitio|unit|apartment|apt\.?|"
    r"apto\.?|apartamento|departamento|depto\.?|cuarto|room|casa|house)\s+"
    r"(?i:(?:number|numero|número|num\.?|no\.?)\s*)?#?\s*"
    rf"(?:\d{{1,4}}[A-Za-z]?\b|(?i:(?:{_NUMBER_WORD})(?:(?:\s+|-|\s+(?:and|y)\s+)(?:{_NUMBER_WORD}))*)\b)"
)
_CAP_WORD = r"[A-ZÁÉÍÓÚÑ][\w'’-]*"
# text written without capitals: "sunny acres mobile home park"; not the words that lead up
# to an address ("our home address is ...", "nuestra dirección es ...")
_ANY_WORD = (
    r"\b(?!(?:is|es|was|era|our|my|mi|su|nuestra|home|address|direcci[oó]n|at|in|en|on|live|"
    r"vivo|vive|vivimos|we|i|yo)\b)[^\W\d_][\w'’-]*"
)


def _named_complex(word: str) -> str:
    """A named park or complex whose name words match `word`: "Sunny Acres Mobile Home Park",
    "Pine Court Apartments", "the Willow Creek building", "el parque Los Pinos", "los
    Apartamentos Vista Hermosa", "las trailas El Sol"."""
    name = rf"(?:(?:{word}|de|del|la|las|los|el|of|the)\s+){{0,3}}{word}"
    return (
        rf"(?:{name}\s+(?i:(?:mobile\s+home\s+|trailer\s+|rv\s+)?park|apartments|apts\.?|"
        r"estates|village|courts|townhomes|homes|manor|terrace|condos|condominiums|building|"
        r"complex)"
        r"|(?i:parque|apartamentos|departamentos|depas|traileras|trailas|residencial|condominio|comunidad|"
        rf"trailer\s+park|mobile\s+home\s+park|edificio|complejo|conjunto)\s+{name})"
    )


# up to a few small words between the dwelling and its park, either way round: "lot number
# nine at Sunny Acres Mobile Home Park", "la traila 4 del parque Las Palmas", "Pine Court
# Apartments, unit twelve"
_BETWEEN = r"(?:\s*,?\s+(?i:at|in|on|of|inside|the|del|de|en|el|la|los|las|dentro)){0,3}\s*,?\s+"


def _dwelling_in_complex(word: str) -> re.Pattern:
    named = _named_complex(word)
    return re.compile(rf"{_DWELLING_NUMBER}{_BETWEEN}{named}|{named}\s*,?\s*{_DWELLING_NUMBER}")


# a unit at a complex named without a word that says complex: "apt 302 at Riverbend Commons",
# "el apartamento 3C de Villa Encanto" (only dwelling words: a room or a unit may be a
# hospital's or an officer's)
UNIT_AT_NAME_RE = re.compile(
    r"(?<!parking )\b(?i:apt\.?|apartment|apto\.?|apartamento|depto\.?|departamento|trailer|"
    r"traila|lote?|space|espacio)\s*#?\s*\d{1,4}[A-Za-z]?\s+(?i:at|in|of|de|del|en)\s+"
    rf"(?:(?i:the|el|la|los|las)\s+)?{_CAP_WORD}(?:\s+(?:(?i:de|del|la|las|los|el)\s+)?{_CAP_WORD}){{0,3}}"
)
DWELLING_IN_COMPLEX_RE = _dwelling_in_complex(_CAP_WORD)
# without capitals a name word is any word; the park word and the dwelling's number still
# say home
DWELLING_IN_COMPLEX_LOWER_RE = _dwelling_in_complex(_ANY_WORD)

_HOW_FAR = (
    r"(?:\d+|una?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|cien|media)"
    r"(?:\s+y\s+media)?\s+(?:cuadras?|c\.|varas|metros|mts\.?|kil[oó]metros?|km)\s+"
    r"(?:al|hacia\s+el|para\s+el|arriba|abajo)?\s*"
    r"(?:norte|sur|este|oeste|lago|oriente|poniente|arriba|abajo|monta[nñ]a)"
)
# Nicaraguan and Costa Rican addresses: from a landmark, so many blocks toward a side
DIRECTIONS_RE = re.compile(
    rf"\b(?:del?|de\s+la|de\s+los|de\s+las)\s+(?:[\w'’.-]+\s+){{1,5}}?,?\s*{_HOW_FAR}"
    rf"(?:\s*,?\s*(?:y\s+)?{_HOW_FAR})*"
    r"(?:\s*,?\s*casa\s+(?:#\s*)?[\w-]+(?:\s+(?:esquinera|azul|blanca|verde|amarilla|rosada))?)?",
    re.IGNORECASE,
)
HOME_NOUNS = (
    r"(?:house|home|trailer|mobile\s+home|manufactured\s+home|single[\s-]?wide|double[\s-]?wide|"
    r"apartment|duplex|d[uú]plex|triplex|townhouse|cabin|caba[nñ]a|shack|casa|casita|"
    r"tr[aá]iler|traila|trailita|apartamento|departamento|cuarto|cuartito|room|jacal|choza)"
)
_COLOUR = (
    r"(?:yellow|blue|white|green|red|pink|brown|gr[ae]y|black|orange|purple|beige|tan|"
    r"amarill[ao]|azul|blanc[ao]|verde|roj[ao]|rosad[ao]|rosa|caf[eé]|gris|negr[ao]|"
    r"anaranjad[ao]|morad[ao]|celeste|crema)"
)
# "the yellow trailer behind the Shell on Route 9", "la casa azul detrás de la iglesia"
# what a home is made of or how tall: "de dos pisos", "de madera", "two-story"
_BUILT = (
    r"(?:de\s+(?:un|una|dos|tres|\d)\s+(?:pisos?|plantas?|niveles?)|de\s+(?:madera|ladrillo|"
    r"block|bloque|adobe|l[aá]mina|concreto|cemento)|con\s+(?:techo|port[oó]n|reja|cerca)\s+"
    rf"(?:de\s+)?[\w]+(?:\s+{_COLOUR})?)"
)
_RELATION = (
    r"(?:behind|next\s+to|across\s+(?:the\s+street\s+)?"
    r"from|beside|by|near|in\s+front\s+of|at\s+the\s+end\s+of|past|detr[aá]s\s+del?|"
    r"atr[aá]s\s+del?|al\s+lado\s+del?|frente\s+al?|enfrente\s+del?|junto\s+al?|cerca\s+del?|"
    r"a\s+la\s+par\s+del?|despu[eé]s\s+del?|after|al\s+final\s+del?|al\s+fondo\s+del?|"
    r"(?:on\s+|at\s+)?the\s+corner\s+of|en\s+la\s+esquina\s+de|por\s+la|por\s+el|pasando)\s+"
)
# the landmark's words, up to a clause word or a verb that says what the home is ("..., es
# donde vivo", "... is ours")
_LANDMARK_WORDS = (
    r"(?:(?!(?:and|when|where|but|y|cuando|donde|pero|que|because|porque|is|es|was|era|fue)\b)"
    r"[^\s.,;!?]+\s*){1,7}"
)
# the verb between a home and where it is: "nuestra casita está al lado del ..."
_SITS = r"(?:est[aá]|queda|is|sits|stands)"
LANDMARK_HOME_RE = re.compile(
    rf"\b(?:the|a|our|my|his|her|their|la|una|nuestra|mi|su)\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"{HOME_NOUNS}\s+(?:{_COLOUR}\s+)?(?:{_BUILT}\s*,?\s+)?(?:{_SITS}\s+)?(?:right\s+|justo\s+)?"
    rf"{_RELATION}{_LANDMARK_WORDS}",
    re.IGNORECASE,
)
LANDMARK_CUE_RE = re.compile(
    r"(?:\blive|\blives|\bliving|\bvivo|\bvive|\bvivimos|\bviven|\bstay|\bquedamos|"
    r"\bour|\bmy|\bmi\b|\bnuestra)[^.!?\n]{0,25}$"
)


_OWNER = r"(?:the|a|our|my|his|her|their|la|el|una|un|nuestra|nuestro|mi|su)"
_TAIL = (
    r"(?:(?!(?:and|when|where|but|that|y|cuando|donde|pero|que|because|porque)\b)[^\s.,;!?]+\s*)"
)
# a home told by its colour and what it has: "the pink house with the rose bushes", "la casa
# azul con el portón negro" (a home cue before or after it decides)
COLOUR_HOME_RE = re.compile(
    rf"\b{_OWNER}\s+(?:(?:[\w'’-]+\s+)?{_COLOUR}\s+{HOME_NOUNS}|{HOME_NOUNS}\s+{_COLOUR})\b"
    rf"(?:\s+{_BUILT})?"
    rf"(?:\s+(?:with|that\s+has|con|que\s+tiene)\s+{_TAIL}{{1,5}})?",
    re.IGNORECASE,
)
# "..., that is us", "es la nuestra": a home cue after the description
HOME_AFTER_RE = re.compile(
    r"^[\s,]*(?:that'?s|that\s+is|thats|it'?s|is|es|esa\s+es|esa|ahi|ahí|there)\s+"
    r"(?:us|ours|mine|where\s+(?:we|i|she|he|they)|la\s+nuestra|nuestra|la\s+m[ií]a|donde\s+viv)",
    re.IGNORECASE,
)


def _home_cue_around(ctx: Ctx, s: int, e: int) -> bool:
    # the window takes in the match's own owner word ("our", "nuestra casita ...")
    before = LANDMARK_CUE_RE.search(P.window_before(ctx.folded, s + 8, 44))
    return bool(before or HOME_AFTER_RE.match(ctx.text[e : e + 40]))


# a home told by what it looks like and the road it is on: "the trailer with the red porch
# off Hatcher Mill Rd", "the yellow duplex on Pecan Bend Rd", "la casa de bloque gris al final
# del camino", "el cuartito de lámina detrás de la brecha"
_ROAD_WORD = (
    r"(?:road|rd|route|rte|highway|hwy|street|st|avenue|ave|lane|ln|drive|dr|boulevard|blvd|"
    r"trail|trl|pike|parkway|pkwy|bend|loop|court|ct|circle|cir|crossing|xing|cove|cv|"
    r"terrace|ter)"
)
_EN_ROAD = (
    r"(?:(?!(?:and|or|when|where|but|that|is|was|the|a|to|with|for|from|at|in|on|of|by|"
    rf"left|right)\b)[\w'’.-]+\s+){{0,3}}?{_ROAD_WORD}\b\.?(?:\s+{_ROAD_WORD}\b\.?)?"
    r"(?:\s+\d{1,5}[A-Za-z]?\b)?"
    # a highway by its number or a numbered street: "on 41", "off 281", "on 5th"
    r"|(?:(?:highway|hwy|route|fm|cr|us)\s+)?\d{1,4}\b(?!\s*(?:am|pm|a\.m|p\.m|:))"
    rf"|\d{{1,3}}(?:st|nd|rd|th)\b(?:\s+{_ROAD_WORD}\b\.?)?"
)
_ES_NAME_WORD = (
    r"(?!(?:y|que|donde|cuando|pero|es|era|fue|son|con|por|para|desde|hasta|a|al|el|la|los|"
    r"las|un|una|en|de|del|se|nos|me|le|lo|ahi|ahí|and|is|was)\b)"
    r"(?:[^\W_][\w'’-]*)"
)
_ES_ROAD = (
    r"(?:camino|carretera|brecha|vereda|callej[oó]n|calle|avenida|privada|cerrada|andador|"
    r"terracer[ií]a|carretera\s+vieja)"
    r"(?:\s+(?:(?:de\s+la|de\s+los|de\s+las|del|de|a\s+la|al|a)\s+|"
    rf"(?-i:(?:El|La|Los|Las|EL|LA|LOS|LAS)\s+(?=[A-ZÁÉÍÓÚÑ])))?{_ES_NAME_WORD}){{0,4}}"
)
# a landmark's words, up to a clause word, a verb, or when or how long ("at dawn", "for a
# year", "desde enero")
_NEAR_WORDS = (
    r"(?:(?!(?:and|when|where|but|y|cuando|donde|pero|que|because|porque|is|es|was|era|fue|at|"
    r"for|since|desde|durante|around|looking|with|con|sin|without|to|a\s+las|hasta|until|"
    r"on|off|en|sobre)\b)"
    r"[^\s.,;!?]+\s*){1,6}"
)
_ROAD_RELATION = rf"(?:{_RELATION}|(?:on|off|along|down|up|en|sobre|por)\s+)"
_WITH = r"(?:with|con|que\s+tiene|that\s+has)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+"
# which one it is: "the second trailer on the left on ...", "la casa de la derecha"
_SIDE = (
    r"(?:on\s+the\s+(?:left|right)|to\s+the\s+(?:left|right)|a\s+la\s+(?:izquierda|derecha)|"
    r"de\s+la\s+(?:izquierda|derecha)|del\s+lado\s+(?:izquierdo|derecho))"
)
_DESCRIBED = rf"(?:\s*,?\s+(?:{_COLOUR}|{_BUILT}|{_WITH}|{_SIDE})){{0,3}}"
_DESCRIBED_HOME = (
    rf"\b(?:{_OWNER}|al|del)\s+(?:(?!{_OWNER}\b|{_ROAD_RELATION}|and\b|y\b)[\w'’-]+\s+){{0,3}}?"
    rf"(?P<noun>{HOME_NOUNS})\b{_DESCRIBED}\s*,?\s+(?:(?:that\s+|which\s+|que\s+)?"
    r"(?:est[aá]|estaba|queda|quedaba|is|was|sits|sat|stands)\s+)?(?:right\s+|justo\s+)?"
)
# read both ways, the road and the landmark ("behind the Circle K on Hwy 59"): the longer wins
ROAD_HOME_RES = (
    re.compile(
        rf"{_DESCRIBED_HOME}(?P<rel>{_ROAD_RELATION})(?:the\s+|la\s+|el\s+)?"
        rf"(?:{_ES_ROAD}|{_EN_ROAD})",
        re.IGNORECASE,
    ),
    re.compile(rf"{_DESCRIBED_HOME}(?P<rel>{_RELATION}){_NEAR_WORDS}", re.IGNORECASE),
)
PLAIN_ON_RE = re.compile(r"(?:on|en|sobre|por|along|down|up)\s", re.IGNORECASE)
# a room may be a jail's or a station's ("a small room behind the front desk"): its
# description alone does not make it a home
ROOM_RE = re.compile(r"(?:room|cuarto)$", re.IGNORECASE)
# what says the home is described, not only named: its colour, what it is made of, its size,
# what it has
DESCRIPTOR_RE = re.compile(
    rf"\b(?:{_COLOUR}|brick|wood|wooden|tin|metal|stucco|cinder|block|stone|adobe|log|little|"
    r"small|big|old|tiny|two-story|one-story|madera|ladrillo|bloque|l[aá]mina|concreto|"
    r"cemento|viej[ao]|peque[nñ][ao]|chiquit[ao]|grande|with|con|que\s+tiene|that\s+has|"
    r"first|second|third|fourth|fifth|last|left|right|\d(?:st|nd|rd|th)|primer[ao]?|cuart[ao]|quint[ao]|segund[ao]|tercer[ao]?|[uú]ltim[ao]|"
    r"izquierd[ao]|derech[ao])\b",
    re.IGNORECASE,
)


def _road_homes(ctx: Ctx) -> list[RecognizerResult]:
    """A described home and the road it is on (recall first: no home cue needed when it is
    described; a public place on a road has no dwelling word and stays)."""
    out = []
    for m in (m for rx in ROAD_HOME_RES for m in rx.finditer(ctx.text)):
        s, e = m.start(), len(ctx.text[: m.end()].rstrip(" ,."))
        rel = m.start("rel")
        described = DESCRIPTOR_RE.search(ctx.text, s, rel) and not ROOM_RE.search(m["noun"])
        # told as the writer's home but not described: a numbered road after "my house
        # on/en" is an address the street rules find ("mi casa en la Calle X 118"); a road
        # without a number is not, and goes with the home ("our trailer on Hatcher Mill Rd")
        plain_on = PLAIN_ON_RE.match(ctx.text, rel) and re.search(r"\d", ctx.text[rel:e])
        if described or (not plain_on and _home_cue_around(ctx, s, e)):
            if m.re is ROAD_HOME_RES[1]:  # "... behind the Dollar General on Hwy 41"
                e = _run_on(ROAD_TAIL_RE, ctx.text, e)
            e = _run_on(DESCRIPTION_TAIL_RE, ctx.text, e)
            out.append(candidate("STREET_ADDRESS", s, e, 0.85, why="home"))
    return out


# the road a landmark is on, after the landmark: "... behind the Family Dollar on Old Mill Rd"
ROAD_TAIL_RE = re.compile(
    rf"\s*,?\s*(?:on|off|en|sobre)\s+(?:the\s+|la\s+|el\s+)?(?:{_ES_ROAD}|{_EN_ROAD})",
    re.IGNORECASE,
)
# what the home looks like, after its road: "... on Hwy 41 with the white fence", "..., la de
# rejas negras", "..., the one with the dog"
DESCRIPTION_TAIL_RE = re.compile(
    rf"\s*,?\s*(?:(?:the\s+one|la|el|la\s+que|el\s+que)\s+)?(?:with|that\s+has|con|que\s+tiene|"
    rf"de|del)\s+(?:the\s+|a\s+|la\s+|el\s+|las\s+|los\s+|un\s+|una\s+)?(?:{_COLOUR}\s+)?"
    r"(?:fence|porch|gate|door|roof|trim|shutters|bars|rejas?|port[oó]n|cerca|barda|techo|"
    rf"puerta|porche|ventanas|tejado|malla|mesh|carport|tree|[aá]rbol|palm|palma)\b(?:\s+{_COLOUR}s?\b)?",
    re.IGNORECASE,
)


CORNER_RE = re.compile(
    r"\b(?:(?:on|at)\s+the\s+corner\s+of|(?:en\s+la\s+)?esquina\s+de)\s+"
    r"[\w'’.-]+(?:\s+[\w'’.-]+)?\s+(?:and|&|y|con)\s+[\w'’.-]+"
    r"(?:\s+(?:st|street|ave|avenue|rd|road|calle|avenida)\b\.?)?",
    re.I,
)
HOME_WORD_RE = re.compile(
    r"(?:house|home|trailer|apartment|casa|traila|apartamento|live|lives|living|vivo|vive|"
    r"vivimos|viven|vivia|stay|quedo|nos quedamos)\b[^.!?\n]{0,40}$"
)
# "we live on Elm Street", "vivimos en la calle Roble": a home street without a number
LIVE_ON_RE = re.compile(
    r"(?:live|lives|living|lived|vivo|vive|vivimos|viven|viviamos|moved|nos mudamos)\s+"
    r"(?:on|at|in|off|en|por)\s+(?:the\s+|la\s+)?((?:[\w'’.-]+\s+){0,3})$"
)


def _home_streets(ctx: Ctx) -> list[RecognizerResult]:
    """A street named right after "we live on" is a home, though it has no number."""
    toks, out = ctx.toks, []
    for i, t in enumerate(toks):
        spanish = t.f in ("calle", "avenida")
        if t.f not in STREET_SUFFIXES and not spanish:
            continue
        m = LIVE_ON_RE.search(P.window_before(ctx.folded, t.start, 60))
        if not m or (spanish and m.group(1)):
            continue
        start, end = t.start - len(m.group(1)), t.end
        if spanish:  # the name comes after: "la calle Roble", "la avenida Las Flores"
            j = i + 1
            while j < len(toks) and j - i <= 3 and toks[j].text[0].isupper():
                end = toks[j].end
                j += 1
        if end > t.end or m.group(1):
            out.append(candidate("STREET_ADDRESS", start, end, 0.85, why="home"))
    return out


_UNIT_WORD = r"(?i:apt\.?|apartment|apto\.?|apartamento|departamento|depto\.?|depa|unit|unidad|#)"
# a unit said before its street, in digits or words: "apartamento 12C, 540 Calle Luna",
# "depto. 4, ...", "el apartamento doce de la calle ..."
UNIT_BEFORE_RE = re.compile(
    rf"(?<![\w#]){_UNIT_WORD}\s*#?\s*(?:\d{{1,4}}[A-Za-z]?|(?i:(?:{_NUMBER_WORD})"
    rf"(?:(?:\s+|-|\s+(?:and|y)\s+)(?:{_NUMBER_WORD}))*)\b)\s*,?\s*(?i:(?:de|del|en|at|on|of)\s+(?:la\s+|el\s+|the\s+)?)?$"
)
# a part of a home said before it: "the garage of 18 elm", "el garaje de la casa 18", "la
# efficiency atrás de la casa de ...", "the back room behind 412 Oak St"
_HOME_PART = (
    r"(?:garage|garaje|cochera|shed|basement|s[oó]tano|efficiency|eficiencia|back\s+room|"
    r"cuart(?:o|ito|ico)(?:\s+del\s+fondo|\s+de\s+atr[aá]s)?|casita(?:\s+del\s+fondo)?|"
    r"mother[\s-]in[\s-]law\s+(?:suite|unit)|granny\s+flat|in-law\s+unit)"
)
_PART_REL = r"(?:of|at|behind|in\s+back\s+of|de|del|atr[aá]s\s+de|detr[aá]s\s+de|al\s+fondo\s+de)"
PART_BEFORE_RE = re.compile(
    rf"\b(?i:(?:the|a|our|my|his|her|their|el|la|un|una|mi|su|nuestr[oa])\s+)?(?i:{_HOME_PART})"
    rf"\s+(?i:{_PART_REL})\s+(?i:(?:la|el|the)\s+)?(?i:(?:casa|house)\s+(?:(?:de|en|at|on)\s+)?)?"
    r"(?i:(?:la|el|the)\s+)?$"
)
_DIRECTION = r"(?:(?i:N|S|E|W|NE|NW|SE|SW|north|south|east|west)\.?\s+)?"
_NOT_STREET = (
    r"(?!(?i:deputies|officers|agents|cops|patrol|cars|am|pm|a\.m|p\.m|minutes|hours|days|"
    r"people|men|times|and|y|de|del|en|with|con|since|desde|near|cerca|please|por)\b)"
)
# a unit, then a house number and its street though the street has no street word: "apt 3B
# 1200 W Elm", "unit 7, 98 Orchard Hill" (the unit says the number is a house's)
UNIT_THEN_STREET_RE = {
    style: re.compile(
        rf"(?<![\w#]){_UNIT_WORD}\s*#?\s*\d{{1,4}}[A-Za-z]?\s*,?\s+\d{{2,6}}\s+{_DIRECTION}"
        rf"{_NOT_STREET}{word}(?:\s+{_NOT_STREET}{word}){{0,2}}"
    )
    for style, word in (("normal", _CAP_WORD), ("lower", r"[^\W\d_][\w'’-]*"))
}


def with_unit_before(text: str, r: RecognizerResult) -> RecognizerResult:
    """A home address begins at the unit said before it ("apt 3B, 1200 W Elm St")."""
    if r.entity_type != "STREET_ADDRESS":
        return r
    m = UNIT_BEFORE_RE.search(text, max(0, r.start - 45), r.start)
    if m:
        r.start = m.start()
    m = PART_BEFORE_RE.search(text, max(0, r.start - 60), r.start)
    if m:
        r.start = m.start()
    return r


def home_descriptions(ctx: Ctx) -> list[RecognizerResult]:
    """Homes people describe rather than address (STREET_ADDRESS at 0.85: a badge or an
    officer's unit number, at 0.9, still wins)."""
    text, out = ctx.text, []
    for rx in HOME_FORMS:
        for m in rx.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in " ,.":
                e -= 1
            out.append(candidate("STREET_ADDRESS", s, e, 0.85, why="home"))
    complex_re = DWELLING_IN_COMPLEX_RE if ctx.style == "normal" else DWELLING_IN_COMPLEX_LOWER_RE
    for rx in (complex_re, UNIT_AT_NAME_RE, DIRECTIONS_RE):
        for m in rx.finditer(text):
            out.append(candidate("STREET_ADDRESS", m.start(), m.end(), 0.85, why="home"))
    for m in LANDMARK_HOME_RE.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in " ,.":
            e -= 1
        if _home_cue_around(ctx, s, e):
            out.append(candidate("STREET_ADDRESS", s, e, 0.85, why="home"))
    for m in COLOUR_HOME_RE.finditer(text):
        s, e = m.start(), len(text[: m.end()].rstrip(" ,."))
        if _home_cue_around(ctx, s, e):
            out.append(candidate("STREET_ADDRESS", s, e, 0.85, why="home"))
    for m in CORNER_RE.finditer(text):
        if HOME_WORD_RE.search(P.window_before(ctx.folded, m.start(), 50)):
            out.append(candidate("STREET_ADDRESS", m.start(), m.end(), 0.85, why="home"))
    out.extend(_home_streets(ctx))
    out.extend(_road_homes(ctx))
    out.extend(_intersection_homes(ctx))
    for rx in (ROAD_THEN_SPOT_RE, PART_OF_NUMBERED_RE):
        for m in rx.finditer(text):
            out.append(candidate("STREET_ADDRESS", m.start(), m.end(), 0.85, why="home"))
    unit_street = UNIT_THEN_STREET_RE["normal" if ctx.style == "normal" else "lower"]
    for m in unit_street.finditer(text):
        out.append(candidate("STREET_ADDRESS", m.start(), m.end(), 0.85, why="home"))
    return out


_FLOOR = (
    r"(?:(?:on\s+)?the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|top|"
    r"ground|upper|lower)\s+(?:floor|fl\.?|level)\b|(?:en\s+el\s+)?(?:primer|segundo|tercer|"
    r"cuarto|quinto|\d{1,2}\s*(?:[oº°]|do|ro|er|to|vo|no)\.?)\s+piso\b|(?:piso|floor|planta|nivel)\s+#?\d{1,2}\b|"
    r"planta\s+(?:baja|alta)\b"
)
_STREET_WORD = "|".join(
    re.escape(w) for w in sorted(STREET_SUFFIXES, key=len, reverse=True) if not w.endswith(".")
)
_ON_STREET = (
    r"(?:on|off|en|sobre|por)\s+(?:the\s+|la\s+|el\s+)?(?:"
    rf"(?:[A-Z0-9][\w'’.-]*\s+){{1,3}}(?i:{_STREET_WORD})\b|"
    r"(?i:calle|avenida|camino|carretera)\s+[A-ZÁÉÍÓÚÑ0-9][\w'’-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]*){0,2})"
)
FLOOR_AFTER_RE = re.compile(rf"\s*,?\s*(?i:{_FLOOR})")
STREET_AFTER_RE = re.compile(r"\s*,?\s*" + _ON_STREET)


STREET_IN_RE = re.compile(rf"\b(?i:{_STREET_WORD}|calle|avenida|camino|carretera)\b")


_NUMBERED_ST = (
    r"(?:(?:sw|se|nw|ne|n|s|e|w)\.?\s+)?\d{1,3}(?:st|nd|rd|th|a|ª|va|ta)?\b(?:\s+(?:ave|avenue|av|"
    r"avenida|st|street|calle|ter|terrace|ct|court|pl|place|way|rd|road|dr|drive|ln|lane)\b\.?)?"
    r"(?:\s+(?:sw|se|nw|ne)\b)?"
)
# a corner of two numbered streets, Miami and Caribbean style: "la 62 y la 5 ave", "62 and 5th
# ave", "la 8 y la 23", "SW 8th St and 27th Ave"
INTERSECTION_RE = re.compile(
    rf"\b(?:(?:on|at|off|en|de|por)\s+)(?:the\s+corner\s+of\s+|la\s+esquina\s+de\s+)?"
    rf"(?:la\s+|el\s+|the\s+)?(?:calle\s+|avenida\s+)?{_NUMBERED_ST}\s*(?:and|&|y|con|e)\s+"
    rf"(?:la\s+|el\s+|the\s+)?(?:calle\s+|avenida\s+)?{_NUMBERED_ST}"
    r"(?!\s*(?::|am\b|pm\b|a\.m|p\.m|de\s+la\s+(?:ma[nñ]ana|tarde|noche)|o'?clock|years?|a[nñ]os|"
    r"hours?|horas|minut|days?|d[ií]as|meses|months|semanas|weeks|veces|times|personas|people))",
    re.IGNORECASE,
)
_DWELLING = rf"(?:{HOME_NOUNS}|{_HOME_PART}|efficiency|eficiencia|cuartico|casita|studio|estudio)"
# a dwelling before it, in the same clause: "the efficiency behind the house on 62 and 5th
# ave", "el cuartico del fondo de la casa en la 8 y la 23" (a store or a stop there stays)
DWELLING_BEFORE_RE = re.compile(
    rf"\b(?:(?:the|a|an|our|my|his|her|their|el|la|un|una|mi|su|nuestr[oa])\s+)?"
    rf"(?:(?:{_COLOUR}|little|small|tiny|old|back|peque[nñ][ao]|chiquit[ao]|viej[ao])\s+)?"
    rf"{_DWELLING}\b(?:\s+(?!(?:and|but|when|y|pero|cuando)\b)[\w'’-]+){{0,5}}?\s*$",
    re.IGNORECASE,
)


def _intersection_homes(ctx: Ctx) -> list[RecognizerResult]:
    out = []
    for m in INTERSECTION_RE.finditer(ctx.text):
        window = ctx.text[max(0, m.start() - 70) : m.start()]
        d = DWELLING_BEFORE_RE.search(window)
        if d:
            start = m.start() - len(window) + d.start()
            out.append(candidate("STREET_ADDRESS", start, m.end(), 0.85, why="home"))
    return out


# a road and then a space in a park: "Rd 124, espacio 31 del parque ...", "CR 12, lote 4 de
# la traila park"
ROAD_THEN_SPOT_RE = re.compile(
    r"\b(?:rd|road|cr|county\s+road|fm|hwy|highway|route|rte|carretera|camino|ruta|brecha)\s*#?\s*"
    rf"\d{{1,4}}\s*,?\s*{_SPOT}(?:\s+(?:del?|de\s+la|of\s+the|in\s+the|at\s+the|en\s+el)\s+"
    r"(?:(?:parque|park|trailer|traila|trailas|trailer\s+park|mobile\s+home\s+park|de|las|los)\s+)+"
    r"(?:[A-ZÁÉÍÓÚÑ][\w'’-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w'’-]*){0,2})?)?",
    re.IGNORECASE,
)
# a part of a numbered house: "the garage of 18 elm", "el garaje de la casa 18 de la calle del
# roble"
_PART_START = (
    rf"\b(?:(?:the|our|my|his|her|their|el|la|mi|su|nuestr[oa])\s+)?{_HOME_PART}\s+{_PART_REL}\s+"
    r"(?:(?:la|el|the)\s+)?"
)
_ON_NAMED_STREET = (
    r"\s+(?:de|en|on|sobre)\s+(?:la\s+)?(?:calle|avenida|camino|street|st)\s+"
    r"(?:(?:del?|la|las|los|el)\s+)?[\w'’-]+"
)
# the street's name right after the number: one word, not a function word, a time, or a
# plural that counts something ("18 wheelers", "20 metros", "2 offices")
_NAME_AFTER = (
    r"\s+(?!(?:am|pm|and|y|de|del|en|with|con|at|in|on|the|la|el|por|a|o|or|of|to|para)\b)"
    rf"(?:[a-z][\w'’-]*[a-rt-z'’-]\b(?:\s+(?i:{_STREET_WORD})\b\.?)?|[a-z][\w'’-]*\s+(?i:{_STREET_WORD})\b\.?)"
)
PART_OF_NUMBERED_RE = re.compile(
    rf"{_PART_START}(?:(?:casa|house)\s+(?:(?:n[uú]mero|number|#)\s*)?\d{{1,5}}[a-z]?\b"
    rf"(?:{_ON_NAMED_STREET})?|\d{{1,5}}[a-z]?\b{_NAME_AFTER})",
    re.IGNORECASE,
)


# a door or unit after an address or a floor: "..., apartment four", "2do piso puerta 9"
UNIT_AFTER_RE = re.compile(
    r"\s*,?\s*(?i:apartment|apt\.?|unit|suite|puerta|door|apto\.?|apartamento|depto\.?|"
    r"interior|int\.?)\s*#?\s*"
    rf"(?:\d{{1,4}}[A-Za-z]?\b|[A-Za-z]\d{{0,3}}\b|(?i:(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*)\b)"
)
# which one it is on its road: ", left side", ", second one on the right", "el del lado
# izquierdo", "a mano derecha", "la tercera a la izquierda"
POSITION_AFTER_RE = re.compile(
    r"\s*,?\s*(?i:(?:on\s+)?(?:the\s+)?(?:left|right)(?:\s+hand)?\s+side\b|"
    r"(?:the\s+)?(?:first|second|third|fourth|last|\d(?:st|nd|rd|th))\s+(?:one|house|trailer|"
    r"door|lot)?\s*on\s+the\s+(?:left|right)\b|on\s+the\s+(?:left|right)\b|"
    r"(?:el|la)\s+del\s+lado\s+(?:izquierdo|derecho)\b|(?:del\s+|al\s+)?lado\s+"
    r"(?:izquierdo|derecho)\b|a\s+mano\s+(?:izquierda|derecha)\b|(?:la|el)\s+(?:primer[ao]?|"
    r"segund[ao]|tercer[ao]?|cuart[ao]|[uú]ltim[ao])\s+(?:casa\s+|traila\s+)?a\s+la\s+"
    r"(?:izquierda|derecha)\b)"
)
# where the home is from a landmark, after its address: "Colonia X, casa 7, por la
# gasolinera", "... Maple and 5th, across from the Dollar General"
LANDMARK_AFTER_RE = re.compile(rf"\s*,?\s*(?i:{_RELATION}{_LANDMARK_WORDS})")


# the writer's own home: "we live in ...", "mi mamá vive en ...", "our house is ..."
OWN_HOME_BEFORE_RE = re.compile(
    r"(?:\blive|\blives|\bliving|\bviv[oe]|\bvivimos|\bviven|\bstay|\bquedamos|\bour|\bmy|"
    r"\bmi\b|\bnuestra)[^.!?\n]{0,50}$"
)


def _run_on(rx: re.Pattern, text: str, end: int) -> int:
    m = rx.match(text, end)
    return len(text[: m.end()].rstrip(" ,")) if m else end


def home_tail(text: str, start: int, end: int) -> int:
    """Where a home ends: a floor and a door after it ("412 Birch Ave, 2nd floor", "segundo
    piso puerta 9", "..., apartment four"); for a home told without its street (a lot in a
    park, a unit in a complex) the street it is on ("space 14 of the X trailer park on Mill
    Rd"); and for one told as the writer's own home (recall first) where it is from a
    landmark ("..., por la gasolinera")."""
    if not STREET_IN_RE.search(text, start, end):
        end = _run_on(STREET_AFTER_RE, text, end)
    for rx in (FLOOR_AFTER_RE, UNIT_AFTER_RE, FLOOR_AFTER_RE, POSITION_AFTER_RE):
        end = _run_on(rx, text, end)
    if OWN_HOME_BEFORE_RE.search(text[max(0, start - 60) : start].lower()):
        end = _run_on(LANDMARK_AFTER_RE, text, end)
    return end
