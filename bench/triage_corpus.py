# ruff: noqa: E501 - templates read best one per line
"""Generated, annotated narratives for the urgency scorer and its benchmark.

Two partitions with DISJOINT templates and vocabulary (relatives, places, times, openers,
closers): `train` teaches the learned scorer (bench/triage_train.py), `eval` measures it and the
rules (bench/triage.py). A narrative is an opener, one situation (which decides the label:
urgent or not), sometimes a second, non-urgent detail, and a closer; then a phone style: lower
case, accents dropped, typos, SMS abbreviations, or a hotline note. English, Spanish and Spanglish.

    generate("train", 3000, seed=13) -> [{"id", "language", "text", "urgent", "situation"}]
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

# --- vocabulary, per partition ----------------------------------------------------------------

VOCAB = {
    "train": {
        "rel_en": ["my husband", "my brother", "my son", "my dad", "my cousin", "my wife", "my uncle"],
        "rel_es": ["mi esposo", "mi hermano", "mi hijo", "mi papá", "mi primo", "mi esposa", "mi tío"],
        "place_en": ["the county jail", "the station", "the detention center", "the sheriff's office"],
        "place_es": ["la cárcel del condado", "la estación", "el centro de detención", "la oficina del sheriff"],
        "now_en": ["right now", "since friday", "since last night", "still"],
        "now_es": ["ahorita", "desde el viernes", "desde anoche", "todavía"],
        "soon_en": ["tomorrow", "tonight", "on monday"],
        "soon_es": ["mañana", "esta noche", "el lunes"],
        "past_en": ["last year", "two years ago", "back in 2019", "in march"],
        "past_es": ["el año pasado", "hace dos años", "en 2019", "en marzo"],
        "kid_en": ["my kids", "the children", "my two daughters"],
        "kid_es": ["mis hijos", "los niños", "mis dos hijas"],
        "meds_en": ["insulin", "heart pills", "seizure medicine"],
        "meds_es": ["insulina", "pastillas del corazón", "medicina para las convulsiones"],
        "town": ["Conroe", "Gastonia", "Waco", "Lakeland"],
    },
    "eval": {
        "rel_en": ["my boyfriend", "my grandfather", "my nephew", "my mom", "my stepson", "my sister"],
        "rel_es": ["mi novio", "mi abuelo", "mi sobrino", "mi mamá", "mi hijastro", "mi hermana"],
        "place_en": ["the Alamance jail", "the precinct", "the holding cell", "the processing center"],
        "place_es": ["el corralón", "la comisaría", "la celda", "el condado"],
        "now_en": ["as we speak", "since saturday", "at this moment", "today"],
        "now_es": ["en este momento", "desde el sábado", "ahora mismo", "hoy"],
        "soon_en": ["thursday", "in 48 hours", "this weekend"],
        "soon_es": ["el jueves", "en dos días", "este fin de semana"],
        "past_en": ["a long time ago", "three years ago", "in 2017", "last summer"],
        "past_es": ["hace mucho", "hace tres años", "en 2017", "el verano pasado"],
        "kid_en": ["my little ones", "my baby", "my three boys"],
        "kid_es": ["mis chiquitos", "mi bebé", "mis tres niños"],
        "meds_en": ["blood pressure meds", "inhaler", "dialysis"],
        "meds_es": ["medicina de la presión", "inhalador", "diálisis"],
        "town": ["Burlington", "Hendersonville", "Ocala", "Tyler"],
    },
}

# --- situations: (label, templates per partition and language) ---------------------------------
# Slots: {rel} {place} {now} {soon} {past} {kid} {meds} {town}


@dataclass(frozen=True)
class Situation:
    name: str
    urgent: bool
    templates: dict[str, dict[str, list[str]]]  # partition -> language -> templates


S = Situation
SITUATIONS = [
    S("custody_now", True, {
        "train": {
            "en": ["they have {rel} at {place} {now}", "{rel} is locked up in {place} {now}",
                   "the deputies are holding {rel} at {place}, nobody tells us anything"],
            "es": ["tienen a {rel} en {place} {now}", "{rel} está detenido en {place} {now}",
                   "a {rel} lo tienen en {place} y no nos dicen nada"],
        },
        "eval": {
            "en": ["{rel} is still sitting in {place} {now}", "they won't let {rel} out of {place}",
                   "{rel} is being held at {place} {now} and they havent released him"],
            "es": ["{rel} sigue en {place} {now}", "no han soltado a {rel}, sigue en {place}",
                   "lo tienen encerrado en {place} {now}"],
        },
    }),
    S("transfer_soon", True, {
        "train": {
            "en": ["ICE put a hold on {rel} and they transfer him {soon}",
                   "the jail said immigration will pick up {rel} {soon}",
                   "{rel} has a detainer and the 48 hours end {soon}"],
            "es": ["le pusieron un hold de ICE a {rel} y se lo llevan {soon}",
                   "dicen que migración viene por {rel} {soon}",
                   "{rel} tiene detainer y lo van a trasladar {soon}"],
        },
        "eval": {
            "en": ["they told us the feds come get {rel} {soon}", "ICE already has a van scheduled {soon} for {rel}",
                   "{rel} is going to be deported {soon}"],
            "es": ["{soon} viene la migra por {rel}", "a {rel} lo van a entregar a ICE {soon}",
                   "van a deportar a {rel} {soon}"],
        },
    }),
    S("medical_now", True, {
        "train": {
            "en": ["{rel} is in {place} and they won't give him his {meds}",
                   "{rel} needs his {meds} and the guards refuse to give it {now}"],
            "es": ["{rel} está en {place} y no le dan su {meds}",
                   "a {rel} no le quieren dar su {meds} {now}"],
        },
        "eval": {
            "en": ["{rel}'s {meds} is at home, in {place} they don't let him have it",
                   "{rel} is pregnant and having bad cramps in {place} {now}"],
            "es": ["le quitaron su {meds} a {rel} y le dio un ataque en {place}",
                   "{rel} está embarazada y con dolores fuertes en {place} {now}"],
        },
    }),
    S("danger_now", True, {
        "train": {
            "en": ["my ex found out where I live {now} and threatened to kill me",
                   "the man who brought me took my passport and makes me work, I'm scared to stay {now}"],
            "es": ["mi expareja sabe dónde vivo {now} y me amenazó con matarme",
                   "el patrón me quitó el pasaporte y me obliga a trabajar, tengo miedo {now}"],
        },
        "eval": {
            "en": ["my abuser knows where I am staying {now}", "he keeps my papers and I am afraid to be here tonight"],
            "es": ["el que me pegaba ya sabe dónde me estoy quedando", "me están buscando y tengo miedo de que me encuentre esta noche"],
        },
    }),
    S("child_alone", True, {
        "train": {
            "en": ["they took {rel} and {kid} are home alone {now}", "nobody can pick up {kid} from school {now}"],
            "es": ["se llevaron a {rel} y {kid} se quedaron solos", "no hay nadie que cuide a {kid} {now}"],
        },
        "eval": {
            "en": ["{kid} are with a neighbor who can't keep them past tonight", "no one is there to take care of {kid} after {rel} got taken"],
            "es": ["{kid} no tienen quien los recoja de la escuela", "{kid} están sin nadie desde que agarraron a {rel}"],
        },
    }),
    S("citizen_held", True, {
        "train": {
            "en": ["{rel} is a US citizen and they are holding him at {place} for ICE {now}"],
            "es": ["{rel} es ciudadano americano y lo tienen en {place} {now}"],
        },
        "eval": {
            "en": ["{rel} was born in houston, he is a citizen, and they still have him at {place}"],
            "es": ["{rel} nació aquí en {town} y sigue detenido en {place}"],
        },
    }),
    # --- not urgent
    S("past_custody", False, {
        "train": {
            "en": ["{rel} was arrested {past} and released the same day", "{past} they held me at {place} for two days"],
            "es": ["a {rel} lo detuvieron {past} y lo soltaron el mismo día", "{past} me tuvieron en {place} dos días"],
        },
        "eval": {
            "en": ["{past} {rel} spent a night in {place}, he got out the next morning", "they picked up {rel} {past} but he is home now"],
            "es": ["se llevaron a {rel} {past}", "{rel} estuvo en {place} {past} pero ya salió"],
        },
    }),
    S("past_force", False, {
        "train": {
            "en": ["{past} a deputy hit me when they arrested me, I'm fine now"],
            "es": ["{past} me pegaron cuando me arrestaron, ya sané"],
        },
        "eval": {
            "en": ["the officer slammed me on the hood {past}, it healed"],
            "es": ["me golpearon {past} en {place} pero ya me recuperé"],
        },
    }),
    S("questioning", False, {
        "train": {
            "en": ["the deputy stopped me in {town} and asked where I was born and for my papers, he gave me a ticket",
                   "they asked my immigration status at a checkpoint and let me go"],
            "es": ["el policía me paró en {town} y me preguntó de dónde soy y si tenía papeles, me dio una multa",
                   "en el retén me preguntaron mi estatus y me dejaron ir"],
        },
        "eval": {
            "en": ["an officer pulled us over in {town} only because we look latino, he wanted to see papers",
                   "at the traffic stop the trooper questioned my wife about her status then waved us on"],
            "es": ["un oficial nos detuvo en {town} nomás por ser latinos y pidió papeles",
                   "el sheriff le preguntó a mi esposa su situación migratoria y nos dejó seguir"],
        },
    }),
    S("negated", False, {
        "train": {
            "en": ["nobody is in jail, I just want to report how rude the deputy was", "they did not arrest anyone"],
            "es": ["nadie está en la cárcel, solo quiero reportar cómo nos trataron", "no detuvieron a nadie"],
        },
        "eval": {
            "en": ["no one was taken, but the officer yelled at my mother", "my son is a citizen, they did not detain him"],
            "es": ["mi hijo es ciudadano, no lo detuvieron", "ninguno de nosotros quedó detenido"],
        },
    }),
    S("survivor_safe", False, {
        "train": {
            "en": ["I survived domestic violence {past} and I am safe now, I want to report the deputy who laughed at me"],
            "es": ["sufrí violencia doméstica {past} y ya estoy a salvo, quiero reportar al oficial"],
        },
        "eval": {
            "en": ["{rel} was a victim of abuse {past}, she is safe now and lives far away"],
            "es": ["{rel} fue víctima de violencia {past} pero ya está a salvo"],
        },
    }),
    S("old_removal", False, {
        "train": {
            "en": ["{rel} was deported {past} after a traffic stop", "ICE took {rel} {past}, we never got an explanation"],
            "es": ["deportaron a {rel} {past} después de una parada de tráfico", "ICE se llevó a {rel} {past}"],
        },
        "eval": {
            "en": ["{past} they handed {rel} to immigration and he was removed"],
            "es": ["{past} entregaron a {rel} a migración y lo mandaron a su país"],
        },
    }),
]

OPENERS = {
    "train": {
        "en": ["Hi, I need help.", "I am writing about what happened in {town}.", "Please read this."],
        "es": ["Hola, necesito ayuda.", "Les escribo por lo que pasó en {town}.", "Por favor lean esto."],
    },
    "eval": {
        "en": ["hello?", "Caller says:", "I dont know who else to tell."],
        "es": ["buenas", "Llamante dice:", "No sé a quién más decirle."],
    },
}
CLOSERS = {
    "train": {
        "en": ["What can we do?", "Please call me.", "Thank you."],
        "es": ["¿Qué podemos hacer?", "Por favor llámenme.", "Gracias."],
    },
    "eval": {
        "en": ["pls help", "Caller asks for a callback.", "god bless"],
        "es": ["ayuda porfa", "Pide que le regresen la llamada.", "Dios los bendiga"],
    },
}
SPANGLISH = {
    "train": [("la cárcel", "el jail"), ("mañana", "tomorrow"), ("migración", "la immigration")],
    "eval": [("el corralón", "el county"), ("el jueves", "el thursday"), ("la migra", "ICE")],
}
SMS = {
    "train": [("you", "u"), ("please", "plz"), ("porque", "xq"), ("que", "q")],
    "eval": [("are", "r"), ("tomorrow", "tmrw"), ("por favor", "xfa"), ("también", "tmb")],
}


def _fill(template: str, vocab: dict, language: str, rng: random.Random) -> str:
    lang = "es" if language == "es" else "en"
    slots = {
        key: rng.choice(vocab[f"{key}_{lang}"])
        for key in ("rel", "place", "now", "soon", "past", "kid", "meds")
    }
    slots["town"] = rng.choice(vocab["town"])
    return template.format(**slots)


def _strip_accents(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def _typo(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(max(1, len(words) // 12)):
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]  # swap two letters
    return " ".join(words)


def _style(text: str, partition: str, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.25:
        text = text.lower()
    if rng.random() < 0.3:
        text = _strip_accents(text)
    if rng.random() < 0.2:
        text = _typo(text, rng)
    if rng.random() < 0.2:
        for a, b in SMS[partition]:
            text = text.replace(f" {a} ", f" {b} ")
    return text


def generate(partition: str, count: int, seed: int) -> list[dict]:
    """`count` narratives of `partition` ("train" or "eval"), reproducible from `seed`."""
    rng = random.Random(f"{partition}-{seed}")
    vocab = VOCAB[partition]
    urgent = [s for s in SITUATIONS if s.urgent]
    calm = [s for s in SITUATIONS if not s.urgent]
    out = []
    for number in range(count):
        language = rng.choice(["en", "en", "es", "es", "spanglish"])
        lang = "es" if language == "spanglish" else language
        situation = rng.choice(urgent if rng.random() < 0.45 else calm)
        core = _fill(rng.choice(situation.templates[partition][lang]), vocab, lang, rng)
        parts = [core[0].upper() + core[1:] + "."]
        if rng.random() < 0.4:
            detail = rng.choice(calm)
            extra = _fill(rng.choice(detail.templates[partition][lang]), vocab, lang, rng)
            parts.insert(0, extra[0].upper() + extra[1:] + ".")
        if rng.random() < 0.7:
            parts.insert(0, _fill(rng.choice(OPENERS[partition][lang]), vocab, lang, rng))
        if rng.random() < 0.6:
            parts.append(rng.choice(CLOSERS[partition][lang]))
        text = " ".join(parts)
        if language == "spanglish":
            for a, b in SPANGLISH[partition]:
                text = text.replace(a, b)
        text = _style(text, partition, rng)
        out.append({
            "id": f"{partition}-{number}", "language": lang, "style": language, "text": text,
            "urgent": situation.urgent, "situation": situation.name,
        })  # fmt: skip
    return out
