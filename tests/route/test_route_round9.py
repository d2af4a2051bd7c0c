"""Round 9 of the narrative reader: the patterns blind held-out 8 found, as mechanisms.

Each group is one mechanism in wordings of my own, en and es (the held-out texts stay unread): a
past custody or hold told with its end (a release or a return after a duration); children who
were not left alone, told with a dash or other punctuation; a professional's account of a
stranger's past treatment; a formal letter about a detention told as a closed period; a raid
under way at a workplace or a farm. Counter-examples beside each that must stay urgent (or
calm): a release that is a hand-over to ICE, a hold told again after the release, a custody
still told as going on, a raid told as past, a habit or a rumour.
"""

import pytest

from .reading import assert_level, decide, mechanism_cases

# A custody or a hold, then the release or the return with how long it took: closed.
RELEASED_AFTER = [
    (
        "en",
        "I was arrested in August and held at the county jail because ICE put a detainer on "
        "me. I got out on bond after 9 days.",
    ),
    (
        "en",
        "My wife was detained by sheriff deputies on an ICE hold. She was released a few hours "
        "later when our lawyer called. I want to complain about how they treated her.",
    ),
    ("en", "When I was locked up, CPS took my daughter. She came back to me after 3 weeks."),
    ("en", "They put an immigration detainer on my son at the jail. They let him go after a week."),
    (
        "en",
        "my husband was sitting in the county jail on an ICE hold, he got out after like 5 days "
        "and we want to complain about the guards",
    ),
    (
        "es",
        "Arrestaron a mi hijo y le pusieron un hold de inmigración. Lo soltaron a los tres días.",
    ),
    (
        "es",
        "Mi esposo estuvo en la cárcel del condado con una orden de ICE. Salió bajo fianza "
        "después de una semana.",
    ),
    (
        "es",
        "A mi mamá la detuvo el sheriff y la entregaron a migración. Regresó a la casa después "
        "de un mes.",
    ),
    (
        "es",
        "a mi hermano lo tenian en el condado con un hold de migracion, lo liberaron al dia "
        "siguiente",
    ),
    ("es", "Me detuvieron y me pusieron un detainer. Me soltaron a las dos semanas."),
]

# The span told first, or the custody's length then its end.
RELEASED_AFTER += [
    ("en", "ICE put a detainer on me at the county jail. After 9 days I got out on bond."),
    ("en", "They had an immigration hold on my mom. A few hours later she was released."),
    ("en", "I spent 9 days in the county jail on a detainer before I bonded out."),
    ("en", "They held her on the ICE hold for three days, then she was let go."),
    ("es", "Le pusieron un hold de ICE a mi hermano. A los tres días lo soltaron."),
    (
        "es",
        "Mi esposo tenía una orden de ICE en la cárcel. Después de una semana salió bajo fianza.",
    ),
    ("es", "a mi papa le pusieron un hold, ya lo soltaron despues de 2 dias"),
]

# The release is a hand-over, or the hold or custody is told again after it: urgent.
RELEASE_STANDS = [
    (
        "en",
        "We paid the bond after 2 days but they won't let him go because ICE has a hold on him.",
    ),
    (
        "en",
        "My brother got out on bond after 3 days, but now ICE put a detainer and they are coming "
        "for him tomorrow.",
    ),
    ("en", "He was released to ICE after two days and he is in the ICE detention center now."),
    ("en", "My husband came back home after 2 days but ICE is waiting for him at the jail."),
    (
        "en",
        "The sheriff came back after two days and took my husband. He is in the county jail now.",
    ),
    ("es", "Lo soltaron a los tres días pero se lo entregaron a migración y sigue detenido."),
    ("es", "Pagamos la fianza hace dos días pero no lo sueltan porque tiene un hold de ICE."),
    ("es", "la migra regresó al otro día y se llevó a mi papá, lo tienen en el condado ahorita"),
    # a release to come, not one that happened; a custody told in the present
    ("en", "ICE has a hold on him, the jail has to let him go after 48 hours if ICE doesn't come."),
    ("en", "They can hold him on the detainer for 48 hours before they release him to ICE."),
    ("es", "Tiene un hold de ICE, lo tienen que soltar despues de 48 horas."),
    (
        "en",
        "my son is in the county jail with an ICE hold, when he got arrested last time he got "
        "out after 2 days",
    ),
]

# Children not left alone, told with a dash, a colon, an ellipsis: denied.
CHILD_NOT_ALONE = [
    ("en", "When ICE detained me in 2021 my kids were not left alone—my sister picked them up."),
    (
        "en",
        "My kids were not left alone – my neighbor took them in. I was released the next morning.",
    ),
    ("en", "The children weren't alone... my mother-in-law was with them the whole time."),
    (
        "en",
        "They arrested my husband last month. My kids weren't left home alone — my sister picked "
        "them up from school.",
    ),
    ("es", "Cuando me arrestaron el año pasado los niños no quedaron solos—los recogió mi cuñada."),
    ("es", "los niños no estuvieron solos... mi suegra estuvo con ellos todo el tiempo"),
    ("es", "mi hija no quedó sola -- su tía fue por ella"),
    (
        "es",
        "Detuvieron a mi esposo el mes pasado. Los niños no se quedaron solitos: mi hermana fue "
        "por ellos.",
    ),
]

# Alone now, told with the same punctuation: urgent.
CHILD_ALONE = [
    (
        "en",
        "My kids are home alone — nobody has picked them up and ICE took their mother an hour ago.",
    ),
    (
        "es",
        "mis hijos están solos en la casa – nadie los ha recogido, se llevaron a su mamá hace "
        "una hora",
    ),
    ("en", "My kids are alone right now — ICE took my wife this morning."),
    ("es", "mis niños están solos ahorita: se llevaron a mi esposo."),
]

# A professional's account of a stranger's past treatment, dated in the past: over.
WITNESS_PAST = [
    (
        "en",
        "I'm a labor and delivery nurse at County General. Two weeks ago a patient was shackled "
        "by deputies during labor while on an immigration hold. She was released the next day.",
    ),
    (
        "en",
        "I'm a labor and delivery nurse at County General. Two weeks ago a patient was shackled "
        "by deputies during labor while on an immigration hold. I want to report what I saw.",
    ),
    (
        "en",
        "I am a social worker. Three weeks ago a client of mine was held in the county jail on "
        "an ICE hold and denied her medication.",
    ),
    (
        "en",
        "I work as an interpreter at the courthouse. Last week a man with an ICE detainer was "
        "brought in chained at the ankles, and the deputies would not let him talk to his lawyer.",
    ),
    (
        "es",
        "Soy enfermera en el hospital del condado. Hace dos semanas los oficiales trajeron a "
        "una paciente con un hold de inmigración y la tuvieron esposada durante el parto.",
    ),
    (
        "es",
        "Trabajo como intérprete en la corte. Hace una semana los alguaciles trajeron a un "
        "señor con una orden de ICE y no lo dejaron hablar con su abogado.",
    ),
    (
        "es",
        "Soy trabajadora social. Hace diez días una clienta mía estuvo en la cárcel del condado "
        "con un hold de migración y le negaron sus medicinas.",
    ),
]

# A witness who works or volunteers where it happened: the workplace is no one held.
WITNESS_PAST += [
    (
        "en",
        "As a public defender I want to report that last month a client of mine with an ICE "
        "detainer was denied a phone call for four days.",
    ),
    (
        "en",
        "I volunteer at the county jail ministry. A few weeks ago an inmate on an immigration "
        "hold told me the guards beat him.",
    ),
    (
        "es",
        "Como abogada, quiero denunciar que hace tres semanas a un cliente mío con un hold de "
        "ICE no lo dejaron llamar por cuatro días.",
    ),
    (
        "es",
        "Soy voluntaria en la cárcel. Hace un mes un detenido con orden de migración me contó "
        "que los guardias lo golpearon.",
    ),
]

# The witness tells of now, or of a relative: urgent.
WITNESS_NOW = [
    ("en", "I work at the county jail. My brother is being held there on an ICE hold right now."),
    ("es", "Soy voluntaria en la cárcel y ahorita tienen a mi hijo ahí con un hold de ICE."),
    (
        "en",
        "I'm a nurse at the jail infirmary. A patient with an ICE hold has been refused "
        "dialysis since Monday.",
    ),
    (
        "en",
        "I'm a nurse at the county jail. Right now a patient is shackled to the bed with an ICE "
        "hold and they won't give her insulin.",
    ),
    (
        "es",
        "Soy enfermera. Ahorita tenemos a una paciente con un hold de ICE encadenada a la cama.",
    ),
    ("en", "I'm a nurse. Two weeks ago ICE put a hold on my brother at the county jail."),
    (
        "es",
        "Soy maestra. Hace dos semanas le pusieron un hold de migración a mi esposo y sigue en la "
        "cárcel.",
    ),
]

# A formal letter about the treatment during a detention told as a closed period: over.
DETENTION_PAST = [
    (
        "es",
        "Estimados señores: Me dirijo a ustedes para denunciar el trato que recibió mi padre "
        "durante su detención en la cárcel del condado. Los guardias le negaron sus medicinas.",
    ),
    (
        "es",
        "Estimados señores: Les escribo para denunciar lo que le pasó a mi hermano durante su "
        "detención en la cárcel del condado en marzo. Le pusieron un hold de inmigración y no le "
        "dejaron llamar.",
    ),
    (
        "es",
        "A quien corresponda: mientras estuvo detenido en el condado, a mi hijo le pusieron una "
        "orden de ICE y lo trataron muy mal.",
    ),
    (
        "en",
        "To whom it may concern: I am writing about the treatment my father received during his "
        "detention at the county jail. They put an ICE hold on him and mocked him.",
    ),
    (
        "en",
        "Dear Sir or Madam, while my uncle was held at the county jail the deputies placed an "
        "immigration hold on him and refused to let him call us.",
    ),
]

# The detention told as going on: urgent.
DETENTION_NOW = [
    ("es", "Mi papá está detenido y durante su detención le niegan la insulina."),
    (
        "es",
        "Estimados señores: mi padre fue detenido en marzo y durante su detención le pusieron un "
        "hold. Todavía sigue en la cárcel del condado.",
    ),
    (
        "en",
        "During his detention they put an ICE hold on my father, and he is still in the county "
        "jail today.",
    ),
]

# A raid under way at a workplace or a farm: urgent.
RAID_WORK_NOW = [
    (
        "en",
        "They are here RIGHT NOW at Sunrise Poultry. Sheriff cars blocking both gates and guys "
        "in vests that say ICE. They lined everybody up in the break room",
    ),
    (
        "en",
        "ICE is at the packing plant right now. They have everyone lined up against the wall "
        "and nobody can leave.",
    ),
    (
        "en",
        "they are here at the dairy right now!! deputies blocking the driveway, my cousin is "
        "hiding in the barn",
    ),
    (
        "en",
        "Immigration agents are at the construction site now, they're chasing the workers and "
        "blocked off the exits",
    ),
    (
        "en",
        "HELP THEY ARE AT THE FARM RIGHT NOW. ICE and sheriff. chasing people through the fields",
    ),
    (
        "es",
        "ESTAN EN EL RANCHO AHORITA!! llegaron el sheriff y la migra a la pisca de fresa, estan "
        "correteando a la gente por los surcos, mi esposo se escondio en la bodega",
    ),
    (
        "es",
        "la migra esta en la empacadora ahorita, tienen a todos formados y no dejan salir a nadie",
    ),
    (
        "es",
        "estan en la obra ahorita los de ICE con el sheriff, bloquearon la salida y estan "
        "agarrando a los trabajadores",
    ),
    (
        "es",
        "AHORITA ESTAN EN LA FABRICA, LA MIGRA TIENE A LA GENTE EN FILA, MI HERMANO ESTA "
        "ESCONDIDO EN EL BAÑO",
    ),
    (
        "es",
        "ayuda la migra en el campo ahorita persiguiendo a la gente, mi papa se escondio en la "
        "troca",
    ),
]

# A scene told now, its actions in the past tense beside "right now".
RAID_WORK_NOW += [
    (
        "en",
        "I work at the plant. ICE is here right now and they lined everybody up, a man is hiding "
        "in the freezer.",
    ),
    ("en", "ICE is here right now and they blocked the gates, nobody can leave"),
    ("es", "la migra esta aqui ahorita y ya formaron a todos en el patio"),
]

# Past, habitual, rumoured, or no raid at all: never pages.
RAID_WORK_CALM = [
    (
        "en",
        "Two years ago ICE came to the farm and lined everybody up. I want to report what the "
        "sheriff did then.",
    ),
    (
        "es",
        "Hace dos años la migra llegó a la planta, formaron a todos y se llevaron a diez. Quiero "
        "denunciar.",
    ),
    ("en", "The deputies blocked the gates at the plant during the raid in 2019."),
    ("en", "Every friday the sheriff parks by the farm gate and checks IDs."),
    ("es", "Los del sheriff bloquean la entrada del rancho cada viernes."),
    (
        "en",
        "Last year ICE raided the plant where I work and lined everybody up. Nobody I know was "
        "taken.",
    ),
    ("es", "El año pasado la migra llegó al rancho y corretearon a la gente."),
    ("en", "My boss said ICE might come to the farm next week."),
    ("es", "dicen que la migra anda en el rancho, ¿es cierto?"),
    ("en", "We lined up for the bus this morning at the plant."),
    ("es", "Me escondí detrás de la puerta cuando mi hermanito jugaba."),
]

MECHANISMS = [
    ("released after", RELEASED_AFTER, "normal", None),
    ("release stands", RELEASE_STANDS, "urgent", None),
    ("child not alone", CHILD_NOT_ALONE, "normal", None),
    ("child alone", CHILD_ALONE, "urgent", "minor_involved"),
    ("witness past", WITNESS_PAST, "normal", None),
    ("witness now", WITNESS_NOW, "urgent", None),
    ("detention now", DETENTION_NOW, "urgent", None),
    ("raid at work now", RAID_WORK_NOW, "urgent", "emergency_now"),
]
CASES = mechanism_cases(MECHANISMS)


@pytest.mark.parametrize(("language", "text", "level", "signal"), CASES)
def test_each_mechanism_gives_the_level(language, text, level, signal):
    assert_level(language, text, level, signal)


# A letter about a past detention may still be worth a check (a denied medicine told without a
# time of its own), never a page.
@pytest.mark.parametrize(("language", "text"), DETENTION_PAST + RAID_WORK_CALM)
def test_a_closed_detention_or_a_raid_not_now_never_pages(language, text):
    result = decide(text, language)
    assert result["level"] != "urgent", result["explanation"]


def test_a_county_hospital_is_no_custody():
    for language, text in [
        ("en", "I'm a nurse at County General and I want to know my rights at work."),
        ("en", "I work at the county hospital as a cook."),
        ("en", "my sister works in the county clerk office"),
    ]:
        result = decide(text, language)
        assert "in_custody_now" not in {u["signal"] for u in result["urgency"]}, result
