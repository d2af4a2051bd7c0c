"""Word lists used by the recognizers (English and Spanish, as people write in the web form).

Everything here is compared after `fold()`: lower case, accents stripped.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping one output character per input character."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


@functools.cache
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower() if ch.isalpha() else ch
    return base if len(base) == 1 else ch


def words(spec: str) -> frozenset[str]:
    return frozenset(fold(w) for w in spec.split())


# Titles that put an officer's name in an official role (the name after them is kept).
OFFICER_TITLES = words(
    """deputy dep dep. sgt sgt. sergeant sargento officer ofc ofc. oficial oficiala trooper tpr
    tpr. cpl cpl. corporal cabo lt lt. lieutenant teniente capt capt. captain capitan det det.
    detective investigator inv. agent agente alguacil jailer carcelero guard guardia policia
    cop sheriff comandante inspector marshal deputado patrolman patrolwoman constable condestable
    warden ranger chief jefe diputado diputada patrullero patrullera custodio custodia
    alcaide comisario"""
)
# Nouns that refer to an officer (singular or plural): antecedents of "his name was X".
OFFICER_NOUNS = OFFICER_TITLES | words(
    """deputies officers oficiales troopers cops policias agentes guards guardias jailers
    sergeants alguaciles polis migra constables marshals wardens rangers diputados
    patrulleros custodios"""
)
# People who are not officers: relatives, friends, clients... (antecedents of "se llamaba X").
KIN_NOUNS = words(
    """husband wife son daughter brother sister mom mother mama mommy mum dad father papa daddy
    uncle aunt auntie cousin nephew niece grandson granddaughter grandma grandmother grandpa
    grandfather granny friend neighbor neighbour coworker co-worker roommate boyfriend girlfriend
    partner fiance fiancee client lawyer attorney homegirl homeboy homie buddy compadre comadre
    brother-in-law sister-in-law son-in-law daughter-in-law mother-in-law father-in-law stepson
    stepdaughter stepmother stepfather stepdad stepmom boss employer tenant landlord kid child
    baby pastor witness colleague classmate relative paralegal spouse children kids boys girls
    esposo esposa marido mujer hijo hija hijos hijas hermano hermana hermanos hermanas mami papi
    madre padre tio tia primo prima sobrino sobrina nieto nieta abuelo abuela abuelita abuelito
    amigo amiga amigos vecino vecina vecinos companero companera cunado cunada suegro suegra
    yerno nuera novio novia pareja abogado abogada cliente patron jefe jefa hijastro hijastra
    padrastro madrastra chamaco chamaca nino nina bebe hermanito hermanita primito primita
    roomie compa carnal carnala tocayo suegrita senor senora muchacho muchacha joven
    bf gf bff hubby wifey cellmate bro sis sons daughters brothers sisters cousins parents
    grandparents friends neighbors neighbours coworkers nephews nieces
    ninos ninas nietos nietas primos primas tios tias sobrinos sobrinas companeros companeras
    vecinas amigas padres cunados cunadas novios hijito hijita nene nena chamacos"""
)
KIN_ADJECTIVES = words(
    """little older younger big oldest youngest baby late elder eldest pequeno pequena menor
    mayor chiquito chiquita chico chica querido querida pobre own mas year years yr yrs
    year-old yr-old years-old two three four"""
)
HONORIFICS = words(
    """mr mr. mrs mrs. ms ms. miss sr sr. sra sra. srta srta. don dona dr dr. lic lic.
    licenciada licenciado ing ing. profe profesor profesora pastor hermano hermana"""
)

# Capitalised words that are never (the start of) a private person's name here.
NOT_NAME = words(
    """i i'm im i've id the a an and or but so if on in at of to for from by with my your his
    her our their we they he she it you me us them this that these those there here when then
    after before because while no not yes ok okay hi hello dear please thanks thank sorry also
    just only even now today yesterday tomorrow last next every all some any one two three
    el la los las un una unos unas y o pero si en de del al con por para sin sobre mi mis tu
    su sus nuestro nuestra yo el ella ellos ellas nosotros usted ustedes le les lo me te se
    que quien cuando donde como porque pues bueno hola buenas buenos gracias saludos ayer hoy
    manana luego despues antes entonces ya tambien nada nadie todo todos todas uno otro otra
    es soy era fue esta estaba hay ahora aqui alli ahi ese esa eso este esto estos estas cada
    county sheriff sheriff's office department dept police patrol highway state city jail
    detention center corrections correctional processing court courthouse ice ero hsi cbp dhs
    uscis fbi dps immigration inmigracion migracion border federal deputy deputies officer
    oficial trooper sergeant sgt cpl corporal lt agent agente policia cop jailer guard
    captain detective lieutenant unit badge car placa patrulla chapa carro
    monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves
    viernes sabado domingo january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec enero febrero
    marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    english spanish ingles espanol mexican mexicano mexicana american americano americana
    latino latina latinos hispanic guatemalan guatemalteco salvadoran salvadoreno hondureno
    honduran cubano cubana venezolana venezolano dominicana dominicano boricua nicaraguense
    god dios christ cristo virgen
    dob ssn id dl tps daca visa green card parole asylum asilo hold detainer warrant bond iban
    fianza ticket multa license licencia passport pasaporte matricula consular
    hwy rd st ave blvd dr pkwy ln ct street road avenue drive boulevard parkway lane highway
    walmart kroger publix target mall church iglesia school escuela hospital clinic clinica
    facebook instagram tiktok ig fb whatsapp twitter youtube snapchat x
    mom dad mama papa mami papi husband wife son daughter brother sister uncle aunt cousin
    friend neighbor client lawyer attorney esposo esposa marido hijo hija hermano hermana tio
    tia primo prima sobrino sobrina amigo amiga vecino vecina abogado abogada cliente
    mister senor senora don dona
    alien tel cel celular cell phone telefono email correo whatsapp dizque booking inmate
    number numero face insta
    hey oye ey call llama llame llamen llamame marca marque text textea escribe escribeme
    sir madam madame maam whom caller callback hotline llamante reportante
    kreyol creole haitian portuguese portugues french frances mam kiche quiche qanjobal
    kaqchikel qeqchi mixteco zapoteco triqui nahuatl garifuna quechua
    """
)

# First names that are also ordinary words: matched only when capitalised in normally-cased
# text (and, for detection without other evidence, only with a surname or a cue before them).
AMBIGUOUS_NAMES = words(
    """rosa luz paz cruz hope will mark grace joy faith rose dolores mercedes amparo blanca
    esperanza guadalupe angel santos jesus sol mar pilar gloria victoria salvador trinidad
    consuelo socorro soledad milagros reina rey bill art guy chase dean earl frank grant hunter
    jack lane lee miles pat ray rich rob sandy summer autumn april may june august dawn
    destiny heaven honey ivy lily pearl ruby violet amber crystal angela patience charity
    prudence concepcion asuncion encarnacion rocio fe caridad lucero estrella cielo alegria
    paloma perla azucena violeta flor margarita jazmin rosario refugio remedios luna
    dale golden buck bob sunny storm rocky carter cash price king young white black brown
    green gray grey abril"""
)

# Common nicknames (both directions are used when expanding what the reporter typed).
NICKNAMES = {
    "guadalupe": "lupe lupita pita",
    "jesus": "chuy chucho chuyito jesse",
    "jose": "pepe chepe cheo joselito",
    "jose maria": "chema",
    "francisco": "pancho paco kiko frank cisco",
    "alberto": "beto",
    "roberto": "beto bob robert",
    "humberto": "beto",
    "norberto": "beto",
    "heriberto": "beto",
    "dolores": "lola lolita",
    "rosario": "chayo charo",
    "ignacio": "nacho",
    "guillermo": "memo willy will",
    "antonio": "tono tony toni",
    "eduardo": "lalo eddie",
    "enrique": "kike quique",
    "alfredo": "fredy freddy",
    "manuel": "manolo manny meme",
    "concepcion": "concha conchita",
    "mercedes": "meche mercy",
    "refugio": "cuca cuco cuquita",
    "gregorio": "goyo",
    "ramon": "moncho",
    "salvador": "chava chavo",
    "anastasio": "tacho",
    "william": "will bill billy willy",
    "wilfredo": "will willy fredo",
    "robert": "bob rob bobby",
    "michael": "mike",
    "elizabeth": "liz beth lisa",
    "margarita": "magui maggie",
    "jazmin": "jaz jazzy",
    "yesenia": "yesi",
    "mayelin": "maye",
    "rafael": "rafa",
    "daniel": "dani danny",
    "alejandro": "alex ale",
    "alejandra": "alex ale",
    "isabel": "chabela chabelita isa",
    "cristina": "cris",
    "cristian": "cris",
    "santiago": "santi",
    "federico": "fede",
    "gustavo": "tavo",
    "octavio": "tavo",
    "rodolfo": "fito rudy",
    "adolfo": "fito",
    "luis": "lucho wicho",
    "carlos": "charly carlitos",
    "maria": "mari",
    "yazmin": "yaz",
    "jasmine": "jaz jazzy",
    "jonathan": "jonny johnny jon",
    "oscar": "oscarito",
    "ernesto": "neto",
    "ana": "anita",
    "teresa": "tere",
    "patricia": "paty pati",
    "javier": "javi",
    "fernando": "fer",
    "fernanda": "fer",
    "rigoberto": "rigo beto",
    "edgar": "edgarito",
    "yokasta": "yoka",
}

STREET_SUFFIXES = words(
    """st st. street rd rd. road ave ave. avenue blvd blvd. boulevard dr dr. drive pkwy pkwy.
    parkway ln ln. lane way ct ct. court cir cir. circle pl pl. place ter terrace trl trail hwy
    hwy. highway fwy freeway expy expressway loop pike row run sq square xing crossing
    path bend cv cove pt point"""
)
FACILITY_WORDS = words(
    """jail center centre facility detention corrections correctional mall mart market
    festival park church plaza station precinct courthouse airport ferry supermarket
    supermercado harbor hospital clinic school parish"""
) | words(
    # businesses: a capitalised name before one of these is a business, not a person
    # ("Lucky Nails", "Aguilar Bail Bonds", "the Tyson plant", "Martinez Tire")
    """nails salon spa bonds tire tires motors plant farms ranch foods poultry packing
    restaurant cafe diner grill bakery laundromat laundry cleaners shop store boutique motel
    hotel inn cantina taqueria construction roofing landscaping dealership pharmacy
    carwash"""
)
AGENCY_ACRONYMS = frozenset(
    [
        "ICE",
        "ERO",
        "HSI",
        "CBP",
        "DHS",
        "USCIS",
        "FBI",
        "DPS",
        "FHP",
        "GSP",
        "HCSO",
        "CCSO",
        "GCSO",
        "TCSO",
        "LCSD",
        "ACSO",
        "PCSO",
        "OCSO",
        "MDPD",
        "HPD",
        "APD",
        "DPD",
        "SAPD",
        "FWPD",
        "CBP",
        "OPR",
        "DOJ",
        "ICE's",
    ]
)
US_STATES = words(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming carolina
    tejas"""
)
STATE_CODES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
        "PR",
    ]
)


# Nouns after which a brand-like first name is a vehicle: "my old Mercedes van".
VEHICLE_NOUNS = words(
    """van truck car suv sedan pickup minivan troca camioneta carro coche auto vehicle vehiculo
    benz"""
)
# Words after which a one-word name is a place if the gazetteer knows it ("cerca de Naples").
PLACE_PREPS = words("in en near outside from desde de at to hacia around rumbo")
# Heads of multi-word place names ("Sandy Springs", "El Reno", "Fort Myers") that make them
# places even without a preposition before them.
GEO_WORDS = words(
    """fort ft lake lakes springs spring city beach park acres heights hills hill valley falls
    port mount mt point creek river bay grove gardens village station junction crossing
    harbor harbour island isles shores mills mill ridge bluff rapids prairie plains landing
    ciudad puerto villa san santa santo el la los las new north south east west nuevo nueva
    monte"""
)


@functools.cache
def places() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]:
    """The gazetteer (data/places.txt): one-word names, and multi-word names by first word."""
    path = Path(__file__).parent / "data" / "places.txt"
    single: set[str] = set()
    multi: dict[str, set[tuple[str, ...]]] = {}
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                name = line.strip()
                if not name or name.startswith("#"):
                    continue
                parts = tuple(name.replace("-", " ").split())
                words_as_written = tuple(name.split())  # "fuquay-varina" is one token
                if len(words_as_written) == 1 and len(parts) > 1:
                    single.add(words_as_written[0])
                elif words_as_written != parts:
                    multi.setdefault(words_as_written[0], set()).add(words_as_written)
                if len(parts) == 1:
                    single.add(parts[0])
                else:
                    multi.setdefault(parts[0], set()).add(parts)
    return frozenset(single), {k: tuple(sorted(v, key=len, reverse=True)) for k, v in multi.items()}


def diminutives(name: str) -> set[str]:
    """Spanish diminutives of a first name: jesus -> jesusito, rosa -> rosita."""
    if len(name) < 3 or not name.isalpha():
        return set()
    stem = name[:-1] if name[-1] in "aoe" else name
    out = {stem + "ito", stem + "ita"}
    if name.endswith("s") and len(name) > 4:
        out.add(name[:-2] + "itos")
    return out


@functools.cache
def first_names() -> frozenset[str]:
    """Folded first names from gender-guesser's name dictionary (about 40,000 names)."""
    import gender_guesser  # noqa: PLC0415  (only the data file is used)

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line or line[0] not in "MF?1":
                continue
            name = line[3:29].strip()
            for part in name.replace("+", " ").replace("-", " ").split():
                if len(part) > 2:
                    names.add(fold(part))
    for full, nicks in NICKNAMES.items():
        names.update(full.split())
        names.update(nicks.split())
    # Spanish diminutives of common names ("Jesusito", "Angelito", "Rosita")
    for full in list(NICKNAMES) + [n for v in NICKNAMES.values() for n in v.split()]:
        for part in full.split():
            names.update(diminutives(part))
    for common in COMMON_DIMINUTIVE_BASES.split():
        names.update(diminutives(common))
    return frozenset(names - NOT_NAME)


COMMON_DIMINUTIVE_BASES = """juan pedro ana rosa carlos angel jose maria luis miguel pablo manuel
jesus lupe chuy beto pancho lola juana lucia marta tere paco toño tono nacho memo santos dolores"""


@functools.cache
def zipf(word: str, language: str) -> float:
    """How common `word` is in `language` (wordfreq's Zipf scale: 7 = "the", 0 = unseen)."""
    from wordfreq import zipf_frequency  # noqa: PLC0415  (its data ships in the wheel)

    return zipf_frequency(word, language if language in ("en", "es") else "en")


def everyday_word(word: str, language: str) -> bool:
    """Is `word` an ordinary word of the language rather than a name ("made", "tenía",
    "solo", "hope")? Names travel between English and Spanish with similar frequencies
    (Juan, Carlos, Mendoza); words are far more frequent in their own language."""
    here = zipf(word, language)
    other = zipf(word, "es" if language == "en" else "en")
    return here >= 4.0 and here - other >= 1.35


def name_like_word(word: str) -> bool:
    """A lower-case word that reads as a name rather than a word: rare in both languages, or
    about as frequent in English as in Spanish and not very frequent ("pineda", "mendoza",
    "ixcoy"; not "agarraron", "fuentes" or "campos", which one language uses as words)."""
    en, es = zipf(word, "en"), zipf(word, "es")
    return max(en, es) < 2.5 or (abs(en - es) < 1.2 and max(en, es) < 4.5)


def very_common(word: str, language: str) -> bool:
    """An everyday word of the language ("will", "hope", "tiene"): frequency data decides, so a
    lower-case repeat of a name that is also such a word is left alone."""
    return zipf(word, language) >= 5.0
