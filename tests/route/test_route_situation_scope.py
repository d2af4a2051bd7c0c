"""Round 5 of the narrative reader: what a blind set found it misread, as mechanisms.

Each group is one mechanism in several wordings of my own, in English and Spanish (the blind
set's texts stay unread): times typed as slang or abbreviations, scenes told while they happen,
children with no adult, a past custody whose length or later word ends it, a hold that ended,
a hold or a jail named as a topic or asked about for anyone, "nadie de <group>".
"""

import pytest

from workers.route import default_rules_path, dry_run, load_rules

RULES = load_rules(default_rules_path())


def decide(text: str, language: str) -> dict:
    return dry_run({"narrative_redacted": text, "language": language}, RULES)


def signals(result: dict, level: str) -> set[str]:
    return {u["signal"] for u in result["urgency"] if u["level"] == level}


# Custody now, with its time typed as slang or an abbreviation.
SLANG_NOW = [
    ("en", "they got my dad at the sheriffs office atm, pls help"),
    ("en", "my cousin is sitting in the county jail rite now"),
    ("en", "my husband in jail rn and nobody tells us nothing"),
    ("en", "he at the station rn, pls call"),
    ("es", "mi hermano esta en la carcel orita"),
    ("es", "mi esposo sigue en el bote ahoritita"),
    ("es", "ta en el bote orita mi hijo"),
    ("es", "a mi primo lo tienen en la comisaria ahora mero"),
]


# A scene told while it goes on: present progressive, "está siendo", cuffs, the patrol car.
SCENES = [
    ("en", "the deputies are cuffing my brother on the ground outside our house"),
    ("en", "the cops are putting cuffs on my son"),
    ("en", "they're dragging my dad out of the car"),
    ("en", "ICE is detaining my neighbor outside the building as we talk"),
    ("es", "a mi esposo lo tienen esposado en el piso afuera de la casa"),
    ("es", "estan arrestando a mi hermano en la tienda"),
    ("es", "se lo estan llevando a mi papa"),
    ("es", "estan subiendo a mi papa a la patrulla"),
    ("es", "le estan poniendo las esposas a mi hermano"),
    ("es", "llamada en curso: su hijo esta siendo arrestado por el sheriff"),
]


# Children with no adult at all, or a caregiver who can stay only until her shift.
NO_ADULT = [
    ("en", "both parents were arrested today and there is no adult in the house with the kids"),
    ("en", "they took my sister and her husband this morning, the children have no grown-up"),
    ("en", "my wife was arrested this morning, the kids are home with no adult"),
    ("en", "mom and dad got detained today, my aunt can watch the kids only until her shift"),
    ("es", "arrestaron a los papas hoy y no hay ningun adulto con los ninos"),
    ("es", "se llevaron a mi cunada y a su esposo, los ninos estan sin un adulto"),
    ("es", "los ninos se quedaron sin ningun adulto porque detuvieron a los dos papas"),
    ("es", "no hay ningun mayor de edad en la casa con los ninos, se llevaron a su mama hoy"),
]


# A past custody opened by a recent time, closed by its length or a later word on the person.
ENDED_CUSTODY = [
    ("en", "yesterday the deputy kept my husband for two hours at the stop but let him drive home"),
    ("en", "last night the police detained my son at the gas station for a few hours, he's fine"),
    ("en", "this morning they stopped my dad and kept him an hour but he is home"),
    ("en", "on friday they detained my brother at a checkpoint and then let him go"),
    ("es", "ayer el sheriff detuvo a mi esposo dos horas pero lo dejo ir manejando a la casa"),
    ("es", "anoche tuvieron a mi hijo dos horas en la patrulla y luego lo soltaron"),
    ("es", "el martes detuvieron a mi tio en el reten por una hora y lo dejaron seguir"),
    ("es", "anoche la policia tuvo a mi hijo en la estacion, ya esta bien, lo soltaron"),
]


STILL_HELD = [
    # now, not past: "but he's ok" does not end it; "for three hours" with "have" runs on
    ("en", "my brother is in jail rn but he's ok"),
    ("en", "they have held him for three hours at the station"),
    ("en", "the police arrested my husband two hours ago"),
    ("en", "they held my dad for two days and now ICE wants him"),
    ("es", "mi hermano esta en la carcel pero esta bien"),
    ("es", "lo detuvieron hace dos horas y sigue en la comision"),
    ("es", "detuvieron a mi esposo hace dos horas"),
]


def test_the_length_of_a_past_custody_is_the_reason_it_is_over():
    from workers.nlp import get_nlp
    from workers.route.situation import read

    text = "yesterday the deputy kept my husband for two hours at the stop"
    assert decide(text, "en")["level"] == "normal"
    custody = [f for f in read(text, get_nlp("en")) if f.concept == "in_custody_now"]
    assert custody and custody[0].suppressed == "over (\u201cfor two hours\u201d)"


# A hold that ended: the end said after it, in its own words.
ENDED_HOLDS = [
    ("en", "he had an ICE hold but it ended in 2021 when the judge granted asylum"),
    ("en", "there was an ICE detainer on my father but it was lifted in 2022"),
    ("en", "he had a hold, the judge granted him asylum last year"),
    ("es", "tenia un detainer pero se termino en 2020 cuando el juez le dio asilo"),
    ("es", "le pusieron un hold hace anos pero se acabo cuando gano su caso"),
    ("es", "el detainer de mi esposo se cancelo cuando gano su caso"),
]


def test_a_hold_that_stands_beside_an_old_one_is_still_urgent():
    result = decide("he had an ICE hold and they transfer him tomorrow", "en")
    assert result["level"] == "urgent", result["explanation"]


# A hold, a detainer or a jail as a topic, or asked about for anyone: nobody's situation.
TOPICS = [
    ("en", "I would like your annual count of detainers issued by the sheriff"),
    ("en", "how many ICE holds did the county jail honor last year? im writing a paper"),
    ("en", "does the county honor ICE detainers? asking for a class"),
    ("en", "what is an ICE hold exactly?"),
    ("en", "what happens after the 48 hours?"),
    ("es", "quiero saber cuantos detainers recibio el condado el ano pasado"),
    ("es", "necesito estadisticas de las ordenes de retencion de ice en el condado"),
    ("es", "q es un detainer?"),
    ("es", "que significa cuando ponen un hold de ice?"),
    ("es", "cuanto dura un detainer?"),
]


TOPIC_BESIDE_SOMEONE = [
    # someone held beside the question: as read
    ("en", "what is a detainer? my son is in the county jail and they said he has one", "urgent"),
    ("es", "que significa que le pusieron un hold a mi hijo? esta en el condado", "urgent"),
    (
        "en",
        "the jail policy is to hold people for ICE and they are holding my brother now",
        "urgent",
    ),
    # someone named, nobody held: worth a check
    ("en", "what is a detainer? they told my husband about it", "check-now"),
]


# Nobody of a group: "nadie de mi familia", "ninguno de mis hijos", "none of us".
NOBODY_OF = [
    ("en", "none of my family is detained, i just want to report the deputy"),
    ("en", "none of my kids are in custody, the deputy just yelled at them"),
    ("en", "nobody from our church was arrested, but they followed us"),
    ("es", "nadie de mi familia esta detenido, solo quiero reportar al policia"),
    ("es", "ninguno de mis hijos esta en la carcel, pero el oficial nos grito"),
    ("es", "ninguna de mis hermanas ha sido detenida, solo queremos quejarnos"),
    ("es", "nadie de nosotros fue arrestado, solo nos pidieron papeles"),
]


def test_nobody_who_answers_is_no_denial_of_custody():
    result = decide("they are holding my son at the county and nobody tells us anything", "en")
    assert result["level"] == "urgent", result["explanation"]
    result = decide("tienen a mi hijo en el condado y nadie nos dice nada", "es")
    assert result["level"] == "urgent", result["explanation"]


# Questions and hypotheticals without anyone held now.
QUESTIONS = [
    ("en", "can they take him straight to ICE? he is ok ahorita"),
    ("en", "could the sheriff hand my dad over to immigration? he is home right now"),
    ("en", "can ICE put a hold on someone with a green card?"),
    ("es", "pueden entregar a mi papa a migracion? ahorita esta en la casa bien"),
    ("es", "puede la migra poner un hold si no tiene record?"),
    ("es", "que pasa si le ponen un hold a mi hermano? por ahora esta en su casa"),
]


# Things picked up are not people; the abuser named as the one held is no one to rescue.
NOT_A_PERSON_HELD = [
    ("en", "my package is on hold at the post office, i will pick it up tonight"),
    ("en", "the deputy took my license, i can pick it up tomorrow at the station"),
    ("en", "my ex is in prison in another state, i am safe"),
    ("es", "mi ex esta preso en otro estado, ya estoy a salvo"),
    ("es", "el abusador esta en la carcel, estoy a salvo con mis hijos"),
    ("es", "la licencia la puedo recoger mañana en la estacion"),
]


# Voice-to-text keeps fillers inside a phrase; a run-on tells one person's end, then another's.
FILLERS_AND_RUN_ONS = [
    ("en", "can ice uh transfer my cousin if he only has a ticket", "check-now"),
    ("en", "they um are holding my wife at the county jail", "urgent"),
    ("en", "my son is you know in the county jail since friday", "urgent"),
    ("es", "no hay ningun mayor de bueno edad con mis hijos, se llevaron a su mama hoy", "urgent"),
    ("es", "mis hijos estan sin o sea nadie desde que agarraron a mi esposa", "urgent"),
    ("es", "a mi hermano lo pues tienen en el condado", "urgent"),
    (
        "es",
        "soltaron a mi tio ayer y ya esta en la casa a mi papa lo mandan a migracion el lunes",
        "urgent",
    ),
    (
        "en",
        "my brother got home this morning my dad they are transferring to ICE tomorrow",
        "urgent",
    ),
    ("en", "my nephew got home an hour ago he spent two nights in the holding cell", "normal"),
]


# Nobody of a group who does not know or say: no denial.
NOBODY_KNOWS = [
    ("es", "nadie de la familia sabe que lo detuvieron ayer"),
    ("en", "none of us knows where they took my husband this morning"),
    ("es", "ninguno de nosotros sabe donde tienen a mi hermano desde anoche"),
]


# A call from custody said "out of" the jail, or from "el county", tells where the caller is:
# the sitter leaving matters because someone is held.
JAIL_CALL = [
    (
        "en",
        "got a call out of the county jail from my wife, the sitter with our kids leaves friday",
    ),
    (
        "en",
        "my son phoned out of the holding cell, the neighbor watching his baby goes home tonight",
    ),
    ("es", "me hablo mi esposo desde el county, la vecina que cuida a los ninos se va manana"),
    ("es", "mi hermana me marco del county y la senora que cuida a sus hijos se regresa el lunes"),
]


# The new cues beside calm words: the machine and the nurse are no time, a past cuffing is over.
CALM_GUARDS = [
    ("en", "they arrested my brother at the ATM last year"),
    ("en", "my sister is an RN, she was stopped by the deputy in 2020"),
    ("en", "i was cuffed for ten minutes at the stop yesterday and then they let me go"),
    ("en", "the school called because there was no adult at pickup in 2022"),
    ("es", "me esposaron el ano pasado en un reten, quiero poner una queja"),
    ("es", "la detuvieron unos 30 minutos ayer en un reten, la dejaron ir"),
    ("es", "mi tio tenia hold de ICE pero ya se lo quitaron hace anos"),
]


# (mechanism, cases, the level each gives, a signal it must carry at that level); "not urgent"
# is check-now or normal (a question may be worth a check).
MECHANISMS = [
    ("slang time", SLANG_NOW, "urgent", "in_custody_now"),
    ("scene under way", SCENES, "urgent", "in_custody_now"),
    ("no adult", NO_ADULT, "urgent", "minor_involved"),
    ("past custody ended", ENDED_CUSTODY, "normal", None),
    ("custody now", STILL_HELD, "urgent", None),
    ("hold ended", ENDED_HOLDS, "normal", None),
    ("topic", TOPICS, "normal", None),
    ("nobody of a group", NOBODY_OF, "normal", None),
    ("nobody knows", NOBODY_KNOWS, "urgent", "in_custody_now"),
    ("question", QUESTIONS, "not urgent", None),
    ("no person held", NOT_A_PERSON_HELD, "not urgent", None),
    ("calm guards", CALM_GUARDS, "normal", None),
    ("jail call", JAIL_CALL, "urgent", "minor_involved"),
]
CASES = [
    pytest.param(language, text, level, signal, id=f"{name}: {text[:40]}")
    for name, cases, level, signal in MECHANISMS
    for language, text in cases
] + [
    pytest.param(language, text, level, None, id=f"{name}: {text[:40]}")
    for name, cases in (("topic beside someone", TOPIC_BESIDE_SOMEONE),
                        ("fillers and run-ons", FILLERS_AND_RUN_ONS))
    for language, text, level in cases
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "level", "signal"), CASES)
def test_each_mechanism_gives_the_level(language, text, level, signal):
    result = decide(text, language)
    if level == "not urgent":
        assert result["level"] != "urgent", result["explanation"]
    else:
        assert result["level"] == level, result["explanation"]
    assert signal is None or signal in signals(result, level)
