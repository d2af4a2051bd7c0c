"""Round 6 of the narrative reader: the patterns blind held-out 5 found, as mechanisms.

Each group is one mechanism in wordings of my own, en and es (the held-out texts stay unread): a
transfer already under way, a medicine missing while someone is held or moved, trafficking told
in the present, custody said as "retenido" / "con migración", and the calm reports that were sent
to check-now (a citizen questioned and let go, a removal that is over, a jail's prices).
"""

import pytest

from .reading import assert_level, decide, mechanism_cases

# A transfer already started: in transit, on the way, "va en camino a" where custody is told.
TRANSFER_UNDER_WAY = [
    ("en", "they moved my husband out of the jail an hour ago, he is in transit to ICE"),
    ("en", "my dad is being transported to an immigration facility right now"),
    ("en", "my son left the county jail this morning and is on his way to the ICE center"),
    (
        "es",
        "a mi hijo lo sacaron de la carcel hace una hora y ya va en camino al centro de detencion",
    ),
    ("es", "trasladaron a mi esposo esta madrugada y va en camino a Louisiana"),
    ("es", "mi papa va rumbo a Texas en la camioneta de migracion"),
]

# The same with a medicine missing: a medical need while held or moved.
TRANSFER_WITH_MEDICINE = [
    (
        "en",
        "they moved my husband out of the jail an hour ago, in transit to ICE, has no medication",
    ),
    ("en", "my brother is on his way to the detention center and he left his inhaler at home"),
    ("en", "they are holding my mom at the county jail and she does not have her insulin"),
    ("es", "trasladaron a mi esposo hoy y va en camino a Georgia, no tiene su medicina"),
    ("es", "mi papa va rumbo a Texas con migracion, dejo su inhalador en la casa"),
    ("es", "tienen a mi hermano en el condado ahorita y no lleva sus pastillas"),
]

# Trafficking told in the present: papers taken, made to work, still there.
TRAFFICKING_NOW = [
    ("en", "a man takes her passport and makes her work at his restaurant, she is there right now"),
    (
        "en",
        "my niece is 15, her boss keeps her documents and makes her clean, she is still there",
    ),
    ("en", "the owner takes his papers and forces him to work every night"),
    (
        "es",
        "el patron le quita el pasaporte a mi sobrina y la hace trabajar, ella esta ahi ahorita",
    ),
    (
        "es",
        "un senor tiene los papeles de mi hija de 16 y la pone a trabajar en su casa, sigue alla",
    ),
    ("es", "el jefe le quito los documentos a mi primo y lo obliga a trabajar sin pago"),
]

# Custody said without "detenido": held back, under custody, with or in immigration.
CUSTODY_WORDS = [
    ("es", "esta bajo custodia ahora mismo mi hermano"),
    ("es", "mi esposo esta retenido ahora mismo por migracion"),
    ("es", "mi tia esta con migracion ahora mismo"),
    ("es", "mi papa sigue en ICE desde ayer"),
    ("en", "my brother is still with ICE right now"),
]

# Unaccented verbs of now ("esta", "estan") read as the verb, not the demonstrative.
UNACCENTED_NOW = [
    ("es", "mi hermano esta detenido ahora mismo en la carcel del condado"),
    ("es", "ahora mismo esta detenido mi hijo"),
    ("es", "mis hijos estan detenidos ahora mismo"),
    ("es", "mi tio esta preso en este momento"),
    # with no time word the verb's tense is the time: unaccented, it must still be a verb
    ("es", "mi hermano esta detenido en la carcel del condado"),
    ("es", "mi esposo esta con la migra"),
    ("es", "esta detenida mi hija en la estacion del sheriff"),
]

# A citizen questioned and sent on: nobody held, nothing to check now.
CITIZEN_LET_GO = [
    ("en", "I am a US citizen, the deputy questioned me about my status and let me go"),
    ("en", "im a citizen, the officer asked where I was born, gave me a warning and then I left"),
    ("es", "soy ciudadano, el policia me pregunto por mis papeles, me dio la multa y me fui"),
    ("es", "soy ciudadana americana, el oficial me interrogo y me dejo ir"),
]

# A removal that is over: the person arrived and is safe there.
REMOVAL_OVER = [
    ("en", "they deported my brother yesterday. he called us, he is safe there with my aunt"),
    ("en", "my husband was deported on monday, he is safe in Mexico now"),
    ("en", "my brother was deported last year, he is safe there now with our mother"),
    ("es", "a mi hermano lo deportaron ayer, ya llego y esta a salvo alla con mi tia"),
    ("es", "a mi primo lo deportaron en 2022, ya esta bien alla en Guatemala"),
]

# A jail named as the topic of a price complaint: nobody's custody.
JAIL_PRICES = [
    ("en", "I want to complain about the prices at the jail commissary"),
    ("en", "the fees for video calls at the county jail are outrageous"),
    ("es", "quiero quejarme de los precios en la carcel del condado"),
    ("es", "las tarifas de las llamadas de la carcel son un abuso"),
]

# Calm words beside the new cues: a trip, a child's inhaler, an old story, someone who works.
CALM_GUARDS = [
    ("en", "she is on her way to work"),
    ("es", "van en camino a la casa de mi tia"),
    ("es", "mi tio va en camino a la tienda"),
    ("es", "el ano pasado estuvo retenido dos dias y lo soltaron"),
    ("es", "mi primo trabaja con migracion, es abogado"),
    ("en", "my cousin was with immigration for two hours in 2019"),
]

# Urgent beside the new resolutions: someone else still held, a removal still to come.
STILL_URGENT = [
    (
        "en",
        "I am a citizen and they let me go, but they are holding my husband at the jail right now",
    ),
    ("es", "soy ciudadano, a mi me soltaron pero a mi hermano lo tienen en la carcel ahorita"),
    ("en", "my son is in the county jail right now and the commissary prices are too high"),
    (
        "es",
        "el precio de las llamadas de la carcel es un abuso, mi esposo esta en la carcel ahorita",
    ),
    ("en", "they are deporting my dad tomorrow, right now he is safe at home"),
]

MECHANISMS = [
    ("transfer under way", TRANSFER_UNDER_WAY, "urgent", "transfer_imminent"),
    ("medicine missing", TRANSFER_WITH_MEDICINE, "urgent", "medical_emergency"),
    ("trafficking now", TRAFFICKING_NOW, "urgent", "survivor"),
    ("custody words", CUSTODY_WORDS, "urgent", "in_custody_now"),
    ("unaccented now", UNACCENTED_NOW, "urgent", "in_custody_now"),
    ("citizen let go", CITIZEN_LET_GO, "normal", None),
    ("removal over", REMOVAL_OVER, "normal", None),
    ("jail prices", JAIL_PRICES, "normal", None),
    ("calm guards", CALM_GUARDS, "normal", None),
    ("still urgent", STILL_URGENT, "urgent", None),
]
CASES = mechanism_cases(MECHANISMS)


@pytest.mark.parametrize(("language", "text", "level", "signal"), CASES)
def test_each_mechanism_gives_the_level(language, text, level, signal):
    assert_level(language, text, level, signal)


def test_a_missing_medicine_with_nobody_held_is_worth_a_check_not_a_page():
    for language, text in [
        ("en", "my son left his inhaler at school yesterday"),
        ("es", "mi mama no tiene su medicina desde el lunes, la farmacia no la surte"),
    ]:
        result = decide(text, language)
        assert result["level"] == "check-now", result["explanation"]


def test_unaccented_verbs_get_their_accent_back_for_the_parse_only():
    from workers.route.text import accented_verbs

    for text, expected in [
        ("mi hermano esta detenido", "mi hermano est\u00e1 detenido"),
        ("Estan arrestando a mi papa", "Est\u00e1n arrestando a mi papa"),
        ("lo sera deportado", "lo ser\u00e1 deportado"),
        # the demonstrative stays: "this house", "this early morning", "this week"
        ("esta casa", "esta casa"),
        ("esta madrugada", "esta madrugada"),
        ("esta semana lo soltaron", "esta semana lo soltaron"),
    ]:
        assert accented_verbs(text) == expected
        assert len(accented_verbs(text)) == len(text)  # the parse's offsets stay valid
