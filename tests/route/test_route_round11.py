# ruff: noqa: E501 - the wordings are data; a sentence reads best unbroken
"""Round 11 of the narrative reader: the patterns blind held-out 10 found, as mechanisms.

Wordings of my own, en and es (the held-out texts stay unread): children alone in the past
"until a neighbor came" / "hasta que llegó una vecina" (a carer named with "a", "una",
"someone", "alguien"), also when the clause hangs on a present "la persona informa que"; a
worry told in the past ("nos preocupaba que lo entregaran", "temíamos que"); and the misses:
children's ages in brackets between the children and "alone" ("her three kids (6, 9 and 11)
are home by themselves"), and the reporter's whereabouts sent by the abuser ("me acaba de
mandar la dirección exacta de donde estoy"). The worry after a release, the old arrest whose
charges were dismissed, the visitor threatened in October and the caregiver who never showed
up were already read right on main in my wordings (kept as tests). Urgent counter-examples
beside each; calm ones must not be urgent.
"""

import pytest

from .reading import decide

URGENT = [
    (
        "en",
        "ICE arrested my wife this morning and the kids are alone, a neighbor came but she has to leave at 6",
    ),
    (
        "en",
        "ICE is holding my husband at the county jail right now and they say they will call ICE to transfer him tonight",
    ),
    (
        "en",
        "My husband always gets the kids from daycare, ICE took him this morning and the daycare says he never showed up, they close at 6",
    ),
    (
        "en",
        "Their dad got detained around 5. Now it is after midnight and the children (4, 6) are by themselves",
    ),
    (
        "en",
        "Their mom Ana got arrested at a traffic stop around 4 this afternoon. It's now past 10pm and her three kids (6, 9 and 11) are home by themselves",
    ),
    (
        "en",
        "They arrested my sister at 3pm today. It is 11pm now and her two boys (7 and 10) are alone at home",
    ),
    ("en", "he texted me a pin with the location of where we are staying"),
    (
        "en",
        "my brother was taken by ICE at noon, his kids (ages 5 and 8) are home by themselves right now",
    ),
    ("en", "my ex just sent me the address of where I live now, he found me"),
    ("en", "my ex just texted me the exact address of where I am staying, he knows where I am"),
    (
        "en",
        "my mom is the one who always gets my twins from daycare. ICE arrested her this afternoon. A lady from the daycare called me saying my mom never showed up",
    ),
    (
        "en",
        "my sister picks up my son from school every day. Deputies arrested her at noon today. The school just called, she never showed up and nobody came to get him",
    ),
    (
        "es",
        "A mi hermana la detuvieron a las 3 de la tarde. Ya son las 11 de la noche y sus dos niños (7 y 10) están solos en casa",
    ),
    (
        "es",
        "A su mamá la arrestaron en un retén como a las 4 de la tarde. Ya son más de las 10 de la noche y sus tres hijos (6, 9 y 11) están solos en casa",
    ),
    ("es", "Ahora mi ex me acaba de mandar un mensaje con la dirección exacta de donde estoy"),
    (
        "es",
        "Mi esposo está en la cárcel del condado ahorita con un hold de ICE y lo van a trasladar hoy",
    ),
    (
        "es",
        "detuvieron a la mamá como a las 5, ya es medianoche y sus hijos (4, 6 y 9 años) siguen solos",
    ),
    ("es", "detuvieron a mi esposa hoy y los niños están solos en la casa ahorita"),
    ("es", "detuvieron a mi hijo hoy y lo van a entregar a ICE esta noche"),
    ("es", "mi ex me acaba de enviar la ubicación exacta de donde me estoy quedando"),
    ("es", "mi expareja me mandó un texto con la dirección de donde vivo ahora, tengo miedo"),
    (
        "es",
        "mi hermana recoge a la niña en la guardería, la arrestaron esta mañana y me avisaron que no llegó por la niña y la niña sigue ahí sola",
    ),
    (
        "es",
        "mi mamá siempre recoge a mis gemelos de la guardería. La detuvo ICE hoy. Me llamaron de la guardería que mi mamá no llegó por los niños",
    ),
    (
        "es",
        "mi mamá siempre recoge a mis hijos en la escuela, hoy la detuvo la migra y la maestra me llamó que nadie llegó por los niños",
    ),
    ("es", "se llevaron a su papá al mediodía y los niños (de 5 y 8) están solos ahorita"),
    ("es", "mi ex ya sabe dónde me estoy quedando, me acaba de escribir"),
    ("es", "acaba de decirme mi expareja que sabe dónde vivo ahora"),
    ("en", "my abuser just found out where I'm staying and texted me"),
    ("en", "ICE took their mom at 2. Now it's 9pm and the kids are still home by themselves"),
    (
        "en",
        "the kids (2 and 4) are alone in the apartment since their dad got arrested this morning",
    ),
    ("es", "los niños (de 3 y 5 años) están solitos desde que arrestaron a su mamá hoy"),
    ("en", "they arrested my wife today and the babysitter never showed up, the kids are alone"),
    (
        "en",
        "Last March they put an ICE hold on my husband and he is still in the county jail right now",
    ),
    (
        "es",
        "El pasado marzo le pusieron un hold de ICE a mi esposo y sigue en la cárcel del condado ahorita",
    ),
]

CALM = [
    (
        "en",
        "Back in August 2023 they detained my wife and the children were alone overnight until someone came for them",
    ),
    (
        "en",
        "Caller reports that in November 2025 she was arrested on a 287(g) hold and her two children were alone for one night until a neighbor came",
    ),
    (
        "en",
        "Caller says that in March 2024 he was arrested on an ICE hold and his kids were alone for a night until a neighbor came",
    ),
    (
        "en",
        "Deputies held my son Saturday evening. We were afraid they'd call immigration, but they released him a few hours later",
    ),
    ("en", "I also texted my caseworker the address where I'm staying"),
    (
        "en",
        "I have my green card interview next month. Back in 2020 a deputy arrested me and I was held one night, the charges were dismissed later",
    ),
    ("en", "I sent the lawyer the address of where I live so they can mail the forms"),
    (
        "en",
        "In June 2025 I was picked up by deputies and my daughters were by themselves until my cousin arrived",
    ),
    (
        "en",
        "In October at the jail visitor desk a deputy asked if I was legal and told me to get out or he'd call immigration",
    ),
    (
        "en",
        "Last March when I visited the jail a deputy asked if I was legal and told me to get out or he'd call immigration",
    ),
    (
        "en",
        "Last October at the jail visitor desk a deputy asked if I was legal and told me to get out or he'd call immigration",
    ),
    (
        "en",
        "My asylum interview is next month and I want help. In 2022 I was arrested by a county deputy under 287(g) and held two nights, but the charges were dismissed",
    ),
    (
        "en",
        "My court date is next week. In 2021 I was arrested by a deputy under 287(g) and spent two nights in jail, but the charges were dropped",
    ),
    (
        "en",
        "Police picked up my brother on Saturday night. We were worried they would call ICE, but they released him three hours later.",
    ),
    (
        "en",
        "When I visited my brother at the county jail in September, the officer at the window asked for my papers and said to leave or he would call ICE on me",
    ),
    (
        "en",
        "When I went to visit my husband at the county jail in October, the deputy at the visitor window asked for my status and told me to leave or he'd call ICE on me",
    ),
    (
        "en",
        "my brother got taken to the station on tuesday night after a bar fight, we were worried they would call ICE but they let him go three hours later",
    ),
    ("en", "my kids (6 and 9) are at home with their grandma while I am at work"),
    (
        "en",
        "the cops took my son to the station friday night for a fight, we was worried they would call ice but they let him go two hours later",
    ),
    ("en", "we just sent the school the location of where we are staying now"),
    (
        "es",
        "Cuando fui a visitar a mi esposo a la cárcel del condado en octubre, el guardia me pidió mis papeles y me dijo que me fuera o llamaría a ICE",
    ),
    (
        "es",
        "En junio de 2025 la detuvieron los alguaciles y los niños se quedaron solos hasta que alguien llegó",
    ),
    (
        "es",
        "En marzo de 2024 me arrestaron con un hold de ICE y mis hijos estuvieron solos una noche hasta que vino una amiga",
    ),
    (
        "es",
        "En marzo, cuando visité a mi hijo en la cárcel del condado, un guardia me amenazó con llamar a migración si no me iba",
    ),
    (
        "es",
        "En septiembre fui a visitar a mi esposo a la cárcel y el oficial de la ventanilla me pidió mis papeles y me dijo que me fuera o iba a llamar a ICE",
    ),
    (
        "es",
        "La persona informa que en noviembre de 2025 la arrestaron con un hold 287(g) y sus dos hijos estuvieron solos una noche hasta que llegó mi vecina",
    ),
    (
        "es",
        "La persona informa que en noviembre de 2025 la arrestaron con un hold 287(g) y sus dos hijos estuvieron solos una noche hasta que llegó una vecina",
    ),
    (
        "es",
        "Mi audiencia es la otra semana. En 2020 me arrestaron y me tuvieron una noche, después retiraron los cargos",
    ),
    (
        "es",
        "Mi entrevista de asilo es el próximo mes. En 2022 me arrestó un alguacil del condado bajo 287(g) y estuve dos noches detenido, pero los cargos fueron retirados",
    ),
    (
        "es",
        "Reporta que en agosto de 2023 lo detuvo el sheriff y sus hijas estuvieron solas hasta que llegó una prima",
    ),
    (
        "es",
        "Tengo mi cita de asilo el próximo mes. En 2021 me detuvo un alguacil bajo 287(g) y pasé dos noches en la cárcel, pero los cargos fueron retirados",
    ),
    (
        "es",
        "a mi hermano lo pararon el viernes, a mi mamá le preocupaba que lo mandaran con ICE pero lo soltaron esa misma noche",
    ),
    (
        "es",
        "el domingo arrestaron a mi esposo, temíamos que llamaran a migración pero lo soltaron en la madrugada",
    ),
    (
        "es",
        "el martes detuvieron a mi hijo y nos preocupaba que lo entregaran a ICE, pero lo dejaron ir a las dos horas",
    ),
    (
        "es",
        "el sábado en la noche se llevaron a mi hermano a la estación, teníamos miedo de que llamaran a migración pero lo soltaron tres horas después",
    ),
    (
        "es",
        "en noviembre de 2025 la arrestaron con un hold 287(g). Sus dos hijos estuvieron solos una noche hasta que llegó mi suegra",
    ),
    (
        "es",
        "en noviembre de 2025 la arrestaron y sus dos hijos estuvieron solos una noche hasta que llegó una vecina",
    ),
    (
        "es",
        "en noviembre de 2025 la arrestaron. Sus dos hijos estuvieron solos una noche hasta que llegó una vecina",
    ),
    (
        "es",
        "la policía se llevó a mi hijo a la estación el viernes en la noche, teníamos miedo de que llamaran a ICE pero lo soltaron dos horas después",
    ),
    ("es", "le mandé a la abogada la dirección de donde vivo para que me envíe los papeles"),
    ("es", "mi ex me mandó un mensaje hace dos años pero ya no sé nada de él"),
    ("es", "mis hijos (6 y 9) están en casa con su abuela"),
    (
        "en",
        "Last March at the jail visitor desk a deputy asked if I was legal and told me to get out or he'd call immigration",
    ),
    (
        "en",
        "This past May at the county jail the guard at the window asked for my status and said leave or he'd call ICE",
    ),
    (
        "es",
        "El pasado marzo en la cárcel del condado el guardia de la ventanilla me pidió papeles y me dijo que me fuera o llamaba a ICE",
    ),
    (
        "es",
        "En octubre pasado, en la cárcel, un oficial me dijo que me fuera o iba a llamar a migración",
    ),
]


@pytest.mark.parametrize(("language", "text"), URGENT)
def test_urgent_stays_urgent(language, text):
    assert decide(text, language)["level"] == "urgent", text


@pytest.mark.parametrize(("language", "text"), CALM)
def test_calm_is_not_urgent(language, text):
    assert decide(text, language)["level"] != "urgent", text
