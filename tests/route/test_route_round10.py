"""Round 10 of the narrative reader: the patterns blind held-out 9 found, as mechanisms.

Wordings of my own, en and es (the held-out texts stay unread): a worry or a plan about the
reporter's own future with nothing happened yet; an update on a holding that ended yesterday; an
old custody a lawyer or a bond ended; children alone in the past whom a relative came for; a
deportation that is over, the person safe abroad and the reporter "still here" with the family
(no one held); and the miss: a hand-over of a named person ("handing my son over", "van a
entregar a mi hijo") told beside a cancelled hearing (a hearing cancelled is no hold lifted), or
told as being made ready to leave a jail where immigration is named ("told him to pack up",
"release bin", "le dijeron que recoja sus cosas"). Urgent counter-examples beside each.
"""

import pytest

from .reading import decide

# Urgent: a custody, a hand-over or children alone told as now or to come.
URGENT = [
    (
        "en",
        "ICE arrested my husband this morning at his check-in and nobody is picking up our "
        "kids from school, they are alone",
    ),
    (
        "es",
        "se llevaron a mi esposo hoy en la mañana y mis hijos están solos en la casa, no hay "
        "quien los cuide",
    ),
    (
        "en",
        "If you can help please hurry, ICE has my wife right now at the jail and they are "
        "deporting her tonight",
    ),
    (
        "en",
        "my brother was held at the station for 6 hours yesterday and they still have not let"
        " him go, now they say ICE is coming for him",
    ),
    (
        "es",
        "ayer detuvieron a mi hermano y todavía lo tienen en la estación, dicen que lo van a "
        "entregar a ICE",
    ),
    (
        "en",
        "Two years ago a lawyer got me out of jail, but now they arrested me again yesterday "
        "and ICE put a hold on me, I'm still in jail",
    ),
    (
        "es",
        "hace dos años un abogado me sacó, pero ayer me arrestaron otra vez y ahorita sigo en"
        " la cárcel con un hold de ICE",
    ),
    (
        "en",
        "They arrested my mom an hour ago and my little brothers are home alone right now, "
        "nobody has come for them",
    ),
    ("es", "arrestaron a mi mamá hace una hora y mis hermanitos están solos ahorita en la casa"),
    (
        "es",
        "A mi esposo lo van a deportar mañana, ya lo entregaron a ICE y yo sigo aquí con los niños",
    ),
    ("en", "My husband is being deported tonight, the sheriff handed him to ICE this morning"),
    (
        "en",
        "bond hearing got cancelled. lawyer says the county is handing my son over after "
        "midnight tonight, they moved his property to the release bin and told him pack up",
    ),
    (
        "en",
        "the jail told us they are turning my husband over to ICE tonight, his hearing was "
        "cancelled",
    ),
    (
        "en",
        "my lawyer called, the county is handing my dad over to immigration tomorrow morning,"
        " they told him to pack his stuff",
    ),
    (
        "es",
        "se canceló la audiencia de fianza. el abogado dice que el condado va a entregar a mi"
        " hijo esta noche después de medianoche, le dijeron que empaque sus cosas",
    ),
    (
        "es",
        "en la cárcel le dijeron a mi esposo que recoja sus cosas, lo van a entregar a "
        "migración esta noche",
    ),
    ("es", "el abogado dice que mañana temprano entregan a mi papá a ICE"),
    (
        "es",
        "arrestaron a mi esposo ayer y mis hijos se quedaron solos, vino mi vecina pero se "
        "tiene que ir esta noche",
    ),
    (
        "es",
        "se llevaron a mi esposa esta mañana y los niños se quedaron solos, nadie ha venido "
        "por ellos",
    ),
    (
        "en",
        "ICE took my wife this morning and the kids are alone, my sister came but she has to "
        "leave tonight",
    ),
    (
        "en",
        "the sheriff arrested my husband today and our kids were alone after school, nobody "
        "has come for them yet",
    ),
    (
        "en",
        "my son has an ICE hold. they moved his property to the release bin and told him to "
        "pack up",
    ),
    (
        "en",
        "my husband is in the county jail with an immigration detainer, the guards just told "
        "him to pack his things",
    ),
    (
        "en",
        "they have my dad at the jail on an ICE hold and this afternoon they told him pack up"
        " his stuff",
    ),
    ("es", "mi hijo tiene un hold de ICE en la cárcel y ahorita le dijeron que recoja sus cosas"),
    (
        "es",
        "a mi esposo lo tienen en el condado con orden de migración, le dijeron que junte sus"
        " pertenencias",
    ),
    (
        "es",
        "tienen a mi papá en la cárcel con un hold de inmigración y le dijeron que se aliste "
        "para salir",
    ),
    ("en", "they arrested me and I am still here at the county jail with an ICE hold"),
    ("es", "me detuvieron ayer y sigo aquí en la cárcel, me pusieron un hold"),
    ("es", "me agarraron y sigo aquí con los otros detenidos, dicen que me van a deportar mañana"),
    ("en", "bond hearing was cancelled and the jail is turning him over to ICE tomorrow"),
    ("es", "cancelaron la audiencia de fianza y mañana lo entregan a migración"),
    ("es", "la audiencia se canceló, el abogado dice que van a entregar a mi esposo esta noche"),
    ("en", "my brother is in jail and he has an ICE hold, there is no bond"),
]

# Calm: a worry, an update on a holding that ended, an old custody, a deportation that is over.
CALM = [
    (
        "en",
        "what happens to my kids if i get arrested by the sheriff? nothing has happened yet, "
        "i just worry about it",
    ),
    (
        "en",
        "If ICE picks up my wife at her appointment next week, who takes care of our "
        "children? Can I sign something now so my mother can keep them?",
    ),
    (
        "en",
        "I want to be ready just in case they detain me. Who would take my son if I got "
        "deported? Nothing has happened so far.",
    ),
    (
        "en",
        "My husband has his ICE check-in next month. If they keep him there, can I give my "
        "sister power of attorney over the kids?",
    ),
    ("es", "¿qué pasa con mis hijos si me agarran? todavía no ha pasado nada pero tengo miedo"),
    (
        "es",
        "si me deportan, quién cuida a los niños? quiero firmar un papel por si acaso para "
        "que mi hermana se quede con ellos",
    ),
    (
        "es",
        "Mi esposo tiene cita con migración el mes que viene. Si lo detienen, ¿puedo dar un "
        "poder a mi cuñada para los niños?",
    ),
    (
        "es",
        "Por si acaso me arrestan, quiero saber quién se queda con mis hijas. No ha pasado "
        "nada todavía.",
    ),
    (
        "en",
        "Update on my earlier message: my brother was held at the station for about 6 hours "
        "yesterday because they didn't believe his green card was real, but they let him go",
    ),
    (
        "en",
        "Following up: my cousin was detained at the sheriff's office for 5 hours last night "
        "because they said his papers were fake. They released him around midnight.",
    ),
    (
        "en",
        "my dad got held at the county jail for 8 hours on Tuesday over his license, they let"
        " him out in the evening",
    ),
    (
        "es",
        "Actualización: a mi hermano lo tuvieron detenido en la estación como 6 horas ayer "
        "porque no creían que su tarjeta verde era real, pero lo dejaron ir",
    ),
    (
        "es",
        "ayer detuvieron a mi primo por 4 horas en la comisaría porque dijeron que sus "
        "papeles eran falsos. Al final lo soltaron.",
    ),
    (
        "es",
        "Mi papá estuvo detenido 8 horas el martes en la cárcel del condado, ya lo dejaron "
        "salir en la noche.",
    ),
    (
        "en",
        "Two years ago I was stopped for a broken taillight and I ended up in the jail for 3 "
        "days with an ICE hold. A lawyer got me out. I want to file a complaint about it.",
    ),
    (
        "en",
        "Back in 2023 the deputies arrested me and ICE put a detainer on me. My attorney got "
        "me released after the weekend.",
    ),
    (
        "en",
        "Last year my son spent four days in the county jail on an immigration hold until a "
        "lawyer got him out.",
    ),
    (
        "es",
        "hace dos años me pararon por una luz rota y terminé en la cárcel 3 días con un hold "
        "de ICE. un abogado me sacó.",
    ),
    (
        "es",
        "El año pasado a mi esposo lo arrestaron y le pusieron una orden de migración. "
        "Pagamos la fianza y salió.",
    ),
    (
        "es",
        "Hace tres años estuve detenida con un hold de inmigración, un abogado me sacó "
        "después de cuatro días.",
    ),
    (
        "es",
        "El año pasado cuando arrestaron a mi mamá, mis hermanitos se quedaron solos una "
        "noche, pero al otro día vino mi tía y se los llevó. Mi mamá ya regresó a la casa",
    ),
    (
        "es",
        "Cuando detuvieron a mi papá en marzo, mis hijos se quedaron solos unas horas hasta "
        "que llegó mi suegra. Él ya regresó.",
    ),
    (
        "en",
        "Last year when they arrested my mom my little brothers were alone for one night, but"
        " the next day my aunt came and took them. My mom is back home now.",
    ),
    (
        "en",
        "When the sheriff took my husband in March the kids stayed by themselves overnight "
        "until my sister came the next morning. He came home two weeks later.",
    ),
    (
        "es",
        "A mi esposo lo deportaron en junio después de que el sheriff lo entregó a ICE. Ya "
        "está en San Pedro Sula con su mamá y está bien. Yo sigo aquí con los niños",
    ),
    (
        "es",
        "A mi hermano lo deportaron en marzo. Ya está en Guatemala con la familia y está "
        "bien. Nosotros seguimos aquí.",
    ),
    (
        "en",
        "My husband was deported in June after the sheriff handed him to ICE. He is in "
        "Tegucigalpa with his mother now and he is fine. I am still here with the kids.",
    ),
    (
        "en",
        "They deported my dad in April. He's in Mexico now with my grandma and doing ok. We "
        "are still here.",
    ),
    (
        "en",
        "last year the county handed my son over to ICE and he was deported, I want to "
        "complain about it",
    ),
    ("es", "el año pasado el condado entregó a mi hijo a ICE, quiero poner una queja"),
    ("en", "I handed over my documents to the clerk tonight for the hearing"),
    (
        "es",
        "Hace dos años detuvieron a mi esposo y mis hijas se quedaron solas toda la tarde, "
        "luego llegó mi cuñada por ellas. Él ya está en la casa.",
    ),
    (
        "en",
        "In 2022 when my husband was arrested our kids were by themselves for a few hours, "
        "then my neighbor came and picked them up. He is home now.",
    ),
    (
        "en",
        "we are packing up our house to move to another city, I want to complain about an old"
        " ICE stop",
    ),
    (
        "en",
        "two years ago my son got out of jail, they told him to pack up his stuff and he went"
        " home, there was no ICE hold",
    ),
    (
        "es",
        "estamos empacando nuestras cosas para mudarnos, quiero poner una queja sobre migración",
    ),
    (
        "en",
        "I am still here with my kids, my husband was deported to Honduras last year and he "
        "is fine there",
    ),
    (
        "en",
        "We're still here with the family in Houston. My brother was deported in May, he is "
        "ok in Guatemala now.",
    ),
    (
        "es",
        "seguimos aquí con mis hijos, a mi esposo lo deportaron en enero y ya está en "
        "Guatemala bien",
    ),
    (
        "es",
        "Deportaron a mi papá en febrero, ya está en Tegucigalpa con mi abuela y está bien. "
        "Yo sigo aquí con mi mamá",
    ),
    ("en", "the ICE hold was cancelled and my son came home last week"),
    ("es", "le cancelaron el hold a mi hermano y ya está en la casa"),
    (
        "en",
        "My hearing was cancelled and I want to know when the new date is. I have no hold and"
        " I'm not detained.",
    ),
    (
        "en",
        "I was arrested last month for driving without a license and there was no ICE hold, I"
        " got out the next day",
    ),
    (
        "en",
        "they checked and he has no immigration hold, so he is just waiting for court on the DUI",
    ),
    ("es", "lo arrestaron pero no tiene hold de migración, solo espera su corte"),
]


# The children fetched by whoever cares for them is no one picked up by ICE ("who will pick up
# my kids from school if they detain me?"); more worries, updates and removals that are over.
CALM_MORE = [
    (
        "en",
        "I have my ICE appointment tomorrow. If they detain me there, who will pick up my "
        "kids from school? I want to sign papers so my sister can take them, just in case.",
    ),
    (
        "en",
        "my husband goes to his check in on monday and im scared they keep him. what do i "
        "need so my mom can care for the baby if that happens? nothing has happened yet",
    ),
    (
        "en",
        "If I get deported, can my neighbor keep my daughter? I'm asking ahead of time, "
        "nobody has been arrested.",
    ),
    (
        "es",
        "mañana tengo mi cita con ICE, si me detienen quién recoge a mis hijos de la escuela?"
        " quiero dejar un poder por si acaso",
    ),
    (
        "es",
        "Mi esposo va a su cita de migración el lunes y tengo miedo que lo dejen detenido. "
        "¿Qué papel necesito para que mi mamá cuide al bebé si eso pasa?",
    ),
    (
        "es",
        "si me deportan, ¿mi vecina se puede quedar con mi hija? pregunto antes de tiempo, no"
        " han arrestado a nadie",
    ),
    (
        "en",
        "Just an update: my uncle was kept at the sheriff's station for about 4 hours this "
        "morning over his ID, but they released him and he is home.",
    ),
    (
        "es",
        "Les aviso: a mi tío lo tuvieron como 4 horas en la estación del sheriff hoy en la "
        "mañana por su identificación, pero ya lo soltaron y está en la casa.",
    ),
    (
        "en",
        "my wife was deported in march after the jail turned her over to immigration. she is "
        "in Guatemala City with her family now and she is safe. I am still here with our son.",
    ),
    (
        "es",
        "A mi hijo lo deportaron en agosto, ahora está en Morelia con su abuela, está bien "
        "gracias a Dios. Yo sigo aquí trabajando.",
    ),
    (
        "en",
        "Who would pick up my children from school if ICE takes me at my check-in next month?"
        " I want to plan ahead, nothing has happened.",
    ),
    (
        "en",
        "If they deport me, is there someone who can pick up my son from daycare? My husband "
        "works nights. Just asking in case.",
    ),
]
URGENT_MORE = [
    (
        "en",
        "my ICE appointment was this morning and they detained me, I'm still here at the "
        "office and nobody can pick up my kids",
    ),
    (
        "es",
        "fui a mi cita de migración hoy y me detuvieron, sigo aquí en la oficina y nadie "
        "puede recoger a mis hijos",
    ),
    ("en", "ICE picked up my son this morning outside his work and we don't know where he is"),
    ("en", "the jail says ICE is coming to pick him up tonight"),
    ("en", "they arrested my wife an hour ago and there is nobody to pick up our kids from school"),
    (
        "en",
        "ICE picked up my husband at the bus stop today, who will pick up the kids from "
        "school? they are waiting there alone",
    ),
]


@pytest.mark.parametrize(("language", "text"), URGENT + URGENT_MORE)
def test_urgent_stays_urgent(language, text):
    result = decide(text, language)
    assert result["level"] == "urgent", result["explanation"]


@pytest.mark.parametrize(("language", "text"), CALM + CALM_MORE)
def test_calm_never_pages(language, text):
    result = decide(text, language)
    assert result["level"] != "urgent", result["explanation"]


# Made ready to leave a jail where immigration is told: a hand-over to come, named as such
# beside the custody.
PACK_UP = [
    (
        "en",
        "my son is in the county jail for a DUI, ICE called the jail about him last week, and"
        " tonight the guards told him to pack up his things",
    ),
    (
        "es",
        "mi hijo está en la cárcel por manejar tomado, migración llamó preguntando por él, y "
        "hoy le dijeron que recoja sus cosas",
    ),
    (
        "en",
        "my husband is locked up at the county. immigration interviewed him on monday. right "
        "now they moved his property to the release bin",
    ),
    (
        "es",
        "mi esposo sigue en la cárcel, la semana pasada vino ICE a hablar con él, y ahorita "
        "le dijeron que junte sus pertenencias",
    ),
]


@pytest.mark.parametrize(("language", "text"), PACK_UP)
def test_made_ready_to_leave_is_a_transfer(language, text):
    result = decide(text, language)
    assert result["level"] == "urgent", result["explanation"]
    assert "transfer_imminent" in {u["signal"] for u in result["urgency"]}, result
