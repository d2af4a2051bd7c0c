"""Cue words that make a narrative sentence informative (or not), per narrative language.

Words are matched accent-free and lower-case against a token's text and lemma: `*_words` exactly,
`*_prefixes` as word beginnings (so "detain", "detained", "detention" all match "detain", "deten").
`filler_phrases` (separated by "|") are matched inside the sentence. Reporters mix languages
("un deputy del sheriff", "un hold de ICE"), so the ranking uses the union of all tables; a table
per language keeps adding one a matter of data.
"""

from .text import fold

CUES: dict[str, dict[str, str]] = {
    "en": {
        # Who acted: the accountability facts staff look for first.
        "officer_words": """officer officers deputy deputies sheriff police cop cops trooper
            troopers agent agents ice badge patrol jailer guard guards detective sergeant sgt
            lieutenant constable marshal cruiser unit dps hsi cbp ero""",
        "officer_prefixes": "policem policew deput troop sheriff",
        # What they did, including force, injuries and denied rights.
        "action_words": """stop stopped stops ask asked asking took take taken held hold kept keep
            grabbed hit cuffed booked jailed jail bond warrant detainer ticket towed kicked slammed
            pulled threw thrown knee neck ground bruises hurt interpreter lawyer attorney
            consulate checkpoint raid""",
        "action_prefixes": """arrest detain detent handcuf search seiz transfer deport punch push
            shov tase taser threat custod releas refus denied deny interrog question profil
            impound confiscat pepper chok drag sign forc injur bleed insult yell laugh mock bruis
            wound book""",
        # Immigration status questioning: the core 287(g) pattern.
        "status_words": "papers born status legal illegal visa green",
        "status_prefixes": "citizen immigra document birth passport matricul",
        # Greetings, sign-offs and contact details carry nothing staff can act on.
        "filler_phrases": """please call|call me|contact me|reach me|text me|email me|write me|
            my number|my phone|my cell|my email|my name|thank|god bless|hello|good morning|
            good afternoon|good evening|i want to report|i am writing|i'm writing|
            i just want to know|please help|help us|what can i do|what should i do|
            i don't know what to do|more info""",
    },
    "es": {
        "officer_words": """oficial oficiales policia policias agente agentes sheriff alguacil
            alguaciles deputy patrulla patrullas patrullero placa chapa ice migra migracion
            guardia guardias carcelero sargento teniente unidad""",
        "officer_prefixes": "policia patrull alguacil",
        "action_words": """paro pararon parar paraba hold fianza orden multa grua carcel pidio
            pidieron pedir firma firmar tiro tiraron rodilla cuello piso suelo interprete abogado
            llamada consulado reten redada""",
        "action_prefixes": """deten detuv arrest espos pregunt revis registr llevar llevaron
            llevo encerr golpe empuj pate tumb amenaz entreg deport traslad negar nego negaron
            quitar quito quitaron confisc remolc agarr solt suelt interrog gritar grito insult
            burl lastim herid sangr oblig moreton costill golpiz""",
        "status_words": "papeles papel estatus status legal ilegal visa",
        "status_prefixes": "ciudadan migrator document naci pasaport matricul",
        "filler_phrases": """por favor llam|llamenme|llamame|llameme|me pueden llamar|
            mi numero|mi cel|mi telefono|mi correo|mi nombre|me llamo|gracias|bendiga|
            buenas tardes|buenos dias|buenas noches|hola|quiero reportar|les escribo|
            ayudenme|ayuda por favor|no se que hacer|que puedo hacer|quiero saber|
            mas info|escribanme|por miedo""",
    },
}


def _items(key: str, value: str) -> set[str]:
    parts = value.split("|") if key == "filler_phrases" else value.split()
    return {" ".join(fold(part).split()) for part in parts if part.strip()}


def merged_cues() -> dict[str, tuple[str, ...]]:
    """All languages' cues in one table (accent-free, lower-case)."""
    merged: dict[str, set[str]] = {}
    for table in CUES.values():
        for key, value in table.items():
            merged.setdefault(key, set()).update(_items(key, value))
    return {key: tuple(sorted(values)) for key, values in merged.items()}


# The facts routing and the categories rely on: a summary must carry a sentence for each one the
# narrative tells (word beginnings, accent-free, any language). Order: most pressing first.
KEY_FACTS: dict[str, str] = {
    "detainer": "detainer hold retenc retuv",
    "transfer": "transfer traslad deport entreg remov handed turned migra",
    "medical": """medic insulin pill inhaler pastill doctor hospital ambulanc embaraz pregnan
        seizure convuls diabet dialys enferm sick cramp colic""",
    "children": "kid child son daughter baby hij nino nina bebe menor minor chamac",
    "force": """hit punch kick slam tase taser pepper chok golpe pate pega pego empuj tumb
        tiraron tiro bleed sangr injur herid lastim beat bruis moreton""",
    "status_questioning": """papers papeles born naci status estatus citizen ciudadan
        immigra migrator document pasaport passport""",
    "retaliation": "retaliat represal revenge venganz complain queja reported denunci",
}


def key_fact_prefixes() -> dict[str, tuple[str, ...]]:
    """KEY_FACTS as word beginnings, folded."""
    return {name: tuple(fold(w) for w in words.split()) for name, words in KEY_FACTS.items()}
