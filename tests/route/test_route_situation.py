"""The narrative's situation: concepts with their time and polarity, and the level they give.

Patterns, not sentences: each case is one way the issue says reporters put a situation
(tests/route/test_route_urgency.py has the older cases).
"""

import pytest

from workers.route import default_rules_path, dry_run, load_rules

RULES = load_rules(default_rules_path())


def decide(text: str, language: str) -> dict:
    return dry_run({"narrative_redacted": text, "language": language}, RULES)


# (language, narrative, level, a signal it must carry)
CASES = [
    # detainer, hold and transfer wording
    ("en", "ICE put a hold on him", "urgent", "transfer_imminent"),
    (
        "en",
        "the 48 hours ends tonight and then the feds come get him",
        "urgent",
        "transfer_imminent",
    ),
    ("en", "he'll be picked up by immigration tomorrow", "urgent", "transfer_imminent"),
    ("en", "ICE already has a van scheduled thursday", "urgent", "transfer_imminent"),
    ("es", "le pusieron ICE hold", "urgent", "transfer_imminent"),
    ("es", "tiene detainer y lo trasladan el jueves", "urgent", "transfer_imminent"),
    ("es", "lo tienen en el condado y el lunes viene la migra", "urgent", "transfer_imminent"),
    # the agency on its way for nobody held is a raid warning: worth a check, no page-out
    ("es", "el lunes viene la migra", "check-now", "transfer_imminent"),
    ("en", "ICE is in town, people are scared", "check-now", "transfer_imminent"),
    ("es", "van a mandar a mi papa a Mexico el viernes", "urgent", "transfer_imminent"),
    # in custody, said another way
    ("en", "still at the station", "urgent", "in_custody_now"),
    ("en", "they're holding my dad at the sheriff's office", "urgent", "in_custody_now"),
    ("en", "in the Alamance jail since saturday", "urgent", "in_custody_now"),
    ("es", "lo tienen en el condado", "urgent", "in_custody_now"),
    ("es", "está en la patrulla todavía", "urgent", "in_custody_now"),
    ("es", "no lo han soltado", "urgent", "in_custody_now"),
    ("es", "agarraron a mi esposo en la mañana cuando iba al trabajo", "urgent", "in_custody_now"),
    ("es", "[PERSON 1] esta detenido en Conroe", "urgent", "in_custody_now"),
    # a medical need described rather than named
    ("en", "his insulin is at home, they won't give it to him", "urgent", "medical_emergency"),
    ("en", "pregnant and having bad cramps in the holding cell", "urgent", "medical_emergency"),
    ("es", "esta en la carcel sin su insulina desde el domingo", "urgent", "medical_emergency"),
    # danger described rather than named
    ("en", "my abuser knows where I am staying now", "urgent", "survivor"),
    (
        "en",
        "he took my passport and makes me work, im afraid to be here tonight",
        "urgent",
        "survivor",
    ),
    # children losing their caregiver, without the word "alone"
    (
        "en",
        "the kids are with a neighbor who can't keep them past tonight",
        "urgent",
        "minor_involved",
    ),
    ("es", "no tienen quien los recoja de la escuela", "urgent", "minor_involved"),
    # a citizenship claim with someone held is urgent; on its own it is worth a check
    (
        "en",
        "he was born in houston, he is a citizen and they still have him",
        "urgent",
        "citizenship_claim",
    ),
    ("en", "he was born in houston, he is a citizen", "check-now", "citizenship_claim"),
    # someone calling from the jail while the children's sitter is about to go
    (
        "en",
        "he called me from the jail phone. the sitter with our kids leaves tonight",
        "urgent",
        "minor_involved",
    ),
    (
        "es",
        "me llamó del bote, la vecina que cuida a los niños se va esta noche",
        "urgent",
        "in_custody_now",
    ),
    # trafficking told, not named
    ("en", "the boss keeps our passports and makes us work every night", "urgent", "survivor"),
    ("es", "el patrón nos guarda los papeles y no nos deja salir", "urgent", "survivor"),
    ("en", "the restaurant owner has our ids, we cannot leave until we pay", "urgent", "survivor"),
    # a threat that stands: a photo of the door, the new address
    ("en", "he got out last week and sent me a photo of my front door", "urgent", "survivor"),
    ("es", "mi ex salió de la cárcel y ya sabe mi nueva dirección", "urgent", "survivor"),
    # held after bail because immigration wants him
    (
        "en",
        "we paid the bond but they won't let him go, immigration wants him",
        "urgent",
        "in_custody_now",
    ),
    (
        "es",
        "pagamos la fianza y no lo sueltan porque migración lo quiere",
        "urgent",
        "transfer_imminent",
    ),
    # a rumour told as hearsay, nobody named: worth a check
    ("en", "I heard ICE is coming to the apartments this week", "check-now", "transfer_imminent"),
    # time unclear: worth a check, never normal
    ("es", "se llevaron a mi esposo y no sabemos donde esta", "check-now", "in_custody_now"),
    ("es", "le quitaron sus pastillas y le dio un ataque", "check-now", "medical_emergency"),
    # round 3: an imminent transfer said passively, with phone typos
    (
        "en",
        "my cousin is being sent to an ICE facility first thing tomorrow",
        "urgent",
        "transfer_imminent",
    ),
    (
        "en",
        "they told us hes bieng sent to the ice facilty on friday",
        "urgent",
        "transfer_imminent",
    ),
    ("es", "a mi tio lo envian a migracion este fin de semana", "urgent", "transfer_imminent"),
    (
        "es",
        "a mi esposo lo van a mandar al centro de detencion de ICE mañana",
        "urgent",
        "transfer_imminent",
    ),
    # custody now: got someone locked in, a deputy car with ICE on its way
    (
        "es",
        "mi hijo esta en la troca del sheriff ahorita y dicen que ya viene la migra",
        "urgent",
        "in_custody_now",
    ),
    (
        "en",
        "they've got my brother locked in the ICE place in the next town",
        "urgent",
        "in_custody_now",
    ),
    ("en", "they got my wife locked up at the ICE office", "urgent", "in_custody_now"),
    (
        "en",
        "my son is in the back of a deputy car right now and the deputy says ICE is on the way",
        "urgent",
        "in_custody_now",
    ),
    (
        "es",
        "estoy en la patrulla del sheriff y dice que la migra va en camino",
        "urgent",
        "in_custody_now",
    ),
    # bail paid, the jail keeps him for ICE (a detainer described), typos included
    (
        "en",
        "bond was paid but they not letting her out cuz ice wants her",
        "urgent",
        "transfer_imminent",
    ),
    ("en", "we paid bail but they wont relase him, ice wnats him", "urgent", "transfer_imminent"),
    (
        "es",
        "hace mucho lo deportaron. ya pagamos el bono pero no sale porque migracion lo pidio",
        "urgent",
        "transfer_imminent",
    ),
    # a release that is a hand-over, and a plane
    (
        "en",
        "they released him from jail straight to ICE and he's on a plane tonight",
        "urgent",
        "transfer_imminent",
    ),
    (
        "es",
        "lo soltaron de la carcel directo a los de ICE y lo suben al avion esta noche",
        "urgent",
        "transfer_imminent",
    ),
    (
        "es",
        "se llevaron a mi mama pero ya esta en la casa. a mi novio lo sacaron del bote "
        "derechito con migracion",
        "urgent",
        "transfer_imminent",
    ),
    # a partner's threat after the police came, the victim out of the home
    (
        "es",
        "vino la policia anoche y me fui de la casa. mi esposo dice que me va a matar si regreso",
        "urgent",
        "survivor",
    ),
    (
        "en",
        "the police came last night and i left with the kids. he texted he'll kill me if i "
        "come back",
        "urgent",
        "survivor",
    ),
    (
        "es",
        "la policia vino y me sali de la casa con los niños, el me amenazo de muerte",
        "urgent",
        "survivor",
    ),
    # a past resolution earlier does not cancel a present situation later
    (
        "es",
        "en 2015 me detuvieron en un reten pero ya estoy bien. el patron se quedo con nuestros "
        "pasaportes y nos obliga a trabajar",
        "urgent",
        "survivor",
    ),
    (
        "es",
        "en 2016 tuve un accidente y ya sane. el patron tenia nuestros pasaportes",
        "urgent",
        "survivor",
    ),
    # a negation in a rumour sentence does not cancel custody in another
    (
        "es",
        "dicen que hay redadas en el pueblo pero no han detenido a nadie. mi hermano esta en la "
        "oficina de inmigracion ahorita",
        "urgent",
        "in_custody_now",
    ),
    (
        "en",
        "people say ice is around but nobody was arrested. my dad is at the immigration office "
        "right now",
        "urgent",
        "in_custody_now",
    ),
]


@pytest.mark.parametrize(("language", "text", "level", "signal"), CASES)
def test_the_situation_gives_the_level(language, text, level, signal):
    result = decide(text, language)
    assert result["level"] == level, result["explanation"]
    assert signal in {u["signal"] for u in result["urgency"] if u["level"] == level}


# (language, narrative, what a phrase list fired on, why it is not urgent)
NOT_URGENT = [
    ("es", "se lo llevaron hace dos años", "over"),
    ("es", "me pegaron cuando me arrestaron en enero, ya sané", "over"),
    ("en", "survived domestic violence years ago, she's safe now", "over"),
    ("es", "nadie está en la cárcel", "negated"),
    ("es", "mi hijo es ciudadano, no lo detuvieron", "negated"),
    ("en", "nobody is in jail, I only want to report the deputy", "negated"),
    ("es", "Lo detuvieron el año pasado en un retén.", "over"),
    ("en", "He was arrested last year and released the same day.", "over"),
    ("en", "They say he is in custody but he was released an hour ago.", "over"),
    ("es", "ya lo soltaron gracias a dios pero lo trataron muy mal", None),
    ("en", "I was pulled over last week and the officer asked for my papers", None),
    ("en", "At booking the deputy asked about my status.", "over"),
    # custody resolved
    ("en", "they arrested my brother yesterday but he was already released", "over"),
    ("es", "agarraron a mi primo anoche pero ya lo soltaron", "over"),
    ("en", "He's home now. They held him two days at the county jail for no reason.", "over"),
    # "on hold" on the phone is not an ICE hold
    ("en", "I called the sheriff to complain and they put me on hold for an hour", None),
    ("es", "llamé a la comisaría y me pusieron on hold media hora", None),
    # a raid rumour with nobody held
    ("es", "dicen que anda la migra en el pueblo pero nadie detenido", "nobody is held"),
    ("en", "people say immigration is coming to town, no one has been detained", "nobody is held"),
    # papers taken at a stop are not trafficking, nor a person taken
    ("en", "The deputy took my papers and gave me a ticket.", None),
    ("es", "El policía me quitó los documentos y me dejó ir.", None),
    # a hold on an account is no detainer
    ("en", "my sister has a hold on her account at the bank, the deputy was rude", None),
    # a county as a jurisdiction, the abuser in prison
    ("en", "I want information on the 287(g) agreement in Gaston County", None),
    ("en", "I survived domestic violence. He is in prison in another state now.", "the abuser"),
    # round 3: custody that ended wins over the custody told before it
    ("en", "my uncle came home Tuesday after 3 days in the county jail", "over"),
    ("en", "they arrested my son at the stop and they let him go a few hours later", "over"),
    (
        "en",
        "ICE had a detainer on him but the detainer was lifted and he's home with us since Friday",
        "over",
    ),
    ("es", "mi hermano llego a la casa ayer despues de dos dias en el bote", "over"),
    # round 4: back with the family ends the custody told before it
    ("en", "they kept my son at the jail overnight, he is back with us now", "over"),
    ("es", "lo tuvieron dos días en el condado pero ya está de regreso", "over"),
    # old violence resolved, a phone hold next to a resolved arrest
    ("en", "back in 2015 an officer punched me during an arrest, i am okay now", "over"),
    (
        "en",
        "my brother was arrested in march, he is out now. when i called the jail they put me "
        "on hold for an hour",
        "over",
    ),
    ("es", "me mandaron a la oficina del sheriff a pagar la multa", None),
    # a checkpoint rumour where nobody known was taken
    (
        "es",
        "dicen que hay un reten en la carretera pero a nadie que conozco han agarrado",
        "negated",
    ),
    ("es", "hay un reten cerca de la tienda, pero a nadie de aqui han detenido", "negated"),
]


def test_a_doubt_in_an_opener_does_not_deny_what_follows():
    # voice-to-text: "no sé a quién más decirle" runs into the sentence that tells the situation
    result = decide("no se a quien mas decirle mi hijastro sigue en el corralon hoy", "es")
    assert result["level"] == "urgent", result["explanation"]


def test_i_came_home_is_not_the_end_of_someone_else_held():
    result = decide("i came home and ICE was holding my husband in the yard", "en")
    assert result["level"] == "urgent", result["explanation"]


def test_a_hand_over_to_ice_is_explained_as_a_transfer_with_its_words():
    result = decide("lo soltaron de la carcel directo a los de ICE", "es")
    assert result["explanation"].startswith(
        "urgent because: a hold, transfer or removal now: "
        "\u201clo soltaron de la carcel directo a los de ICE\u201d (narrative)"
    ), result["explanation"]


def test_a_sitter_leaving_is_urgent_only_while_someone_is_held():
    held = decide("me llamó del bote. la vecina que cuida a los niños se va hoy en la noche", "es")
    free = decide("the sitter who watches my kids leaves tonight for her vacation", "en")
    assert held["level"] == "urgent", held["explanation"]
    assert free["level"] == "check-now", free["explanation"]


def test_released_to_ice_is_a_transfer_not_an_end():
    result = decide("they released him to ICE this morning and we don't know where he is", "en")
    assert result["level"] != "normal", result["explanation"]


@pytest.mark.parametrize(("language", "text", "why"), NOT_URGENT)
def test_past_negated_or_resolved_situations_are_normal(language, text, why):
    result = decide(text, language)
    assert result["level"] == "normal", result["explanation"]
    if why:
        assert any(s["reason"].startswith(why) for s in result["urgency_suppressed"])


def test_a_pattern_matches_whole_tokens_only():
    # "se lo lleva" once matched inside "llevaron"; a past removal two years ago is not imminent
    result = decide("se lo llevaron hace dos años", "es")
    assert "transfer_imminent" not in {u["signal"] for u in result["urgency"]}


def test_the_explanation_says_which_words_which_concept_which_time():
    result = decide("No lo han soltado. Lo tienen en el condado desde el viernes.", "es")
    assert result["explanation"].startswith(
        "urgent because: someone in custody now: "
        "\u201cLo tienen en el condado desde el viernes\u201d (narrative)"
    )
    assert "urgent urgent" not in result["explanation"].lower()


def test_a_form_tick_is_said_once():
    result = dry_run({"urgent_signals": ["medical_emergency"]}, RULES)
    assert "a medical need (ticked on the form)" in result["explanation"]
    assert result["explanation"].count("ticked") == 1


@pytest.mark.parametrize(("answer", "level"), [("yes", "urgent"), ("unknown", "check-now"),
                                               ("no", "normal")])  # fmt: skip
def test_the_forms_first_question_routes(answer, level):
    result = dry_run({"emergency_now": answer}, RULES)
    assert result["level"] == level
    if level != "normal":
        assert "the reporter says it is happening right now" in result["explanation"]


def test_a_past_weekday_is_this_week_not_the_next():
    result = decide("my brother was arrested Friday and nobody tells us where he is", "en")
    custody = [u for u in result["urgency"] if u["signal"] == "in_custody_now"]
    assert custody and custody[0]["time"] != "imminent", result["explanation"]


# Round 4: conditions, questions and hearsay, read from the parse and the sentence's form.
ASKED = [
    ("en", "what happens if they put a hold on my husband?"),
    ("en", "What happens if ICE puts a detainer on him"),
    ("es", "¿qué pasa si le ponen un hold a mi esposo?"),
    ("es", "que pasa si lo trasladan a otro estado"),
    ("en", "can they deport my husband if he has a DUI?"),
    ("es", "¿me pueden deportar si me arrestan por manejar sin licencia?"),
    ("es", "¿y si le ponen un detainer a mi papá?"),
]


@pytest.mark.parametrize(("language", "text"), ASKED)
def test_a_question_of_what_could_happen_is_not_a_situation(language, text):
    result = decide(text, language)
    assert result["level"] == "normal", result["explanation"]
    reasons = [s["reason"] for s in result["urgency_suppressed"]]
    assert any(r.startswith("asked about what could happen") for r in reasons), reasons


STILL_URGENT = [
    # a question about someone held now is still about someone held now
    ("en", "is he still in jail? they took him yesterday", "in_custody_now"),
    ("en", "why are they still holding him? they said he'd be out by now", "in_custody_now"),
    # the question beside a situation told as so does not take it away
    ("en", "my brother is in the county jail. what happens if they put a hold on him?",
     "in_custody_now"),
    # hearsay about someone named is news of them
    ("es", "dicen que lo tienen en el condado desde ayer", "in_custody_now"),
    ("en", "my cousin told me they arrested her husband this morning", "in_custody_now"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "signal"), STILL_URGENT)
def test_questions_and_hearsay_about_someone_held_stay_urgent(language, text, signal):
    result = decide(text, language)
    assert result["level"] == "urgent", result["explanation"]
    assert signal in {u["signal"] for u in result["urgency"] if u["level"] == "urgent"}


def test_spacy_tokens_are_compared_by_index_not_identity():
    # A Token is a new Python object on each access: `token.head is token` never holds, and the
    # depth of every token used to come out as the loop's limit.
    from workers.nlp import get_nlp
    from workers.route.situation import _anchor, _depth
    from workers.route.text import normalize

    doc = get_nlp("en")("My brother is in the county jail.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert _depth(root) == 0
    assert all(_depth(t) >= 1 for t in doc if t.i != root.i)
    sent = next(iter(doc.sents))
    folded, index = normalize(sent.text)
    start = folded.index("county jail")
    anchor = _anchor(sent, index, start, start + len("county jail"))
    assert anchor.i == root.i  # the verb the words hang on, not the first word of the match


@pytest.mark.parametrize(
    ("language", "text", "level"),
    [
        # what may be done ("can", "pueden"), told without a "?" by voice-to-text: a check
        ("es", "pueden trasladar a mi mamá si nomás tiene una multa", "check-now"),
        ("en", "they can transfer him tomorrow", "check-now"),
        # a refusal that carries its own "can't" is not a maybe; nor is a danger asked about
        ("en", "my kids are home and the neighbor can't keep them past tonight", "urgent"),
        ("es", "que hacemos si ice se lleva a mi hermana, el que me golpeaba ya tiene la "
         "direccion donde vivo ahora", "urgent"),
        # Spanglish: "en el county" is the county jail
        ("es", "Mi abuelo sigue en el county hoy.", "urgent"),
        # "since" / "desde" a past time, with a verb of now: from then until now
        ("en", "my husband has been in the county jail since March", "urgent"),
        ("es", "mi esposo está en el condado desde enero", "urgent"),
        ("es", "lo tienen en la cárcel desde hace dos semanas", "urgent"),
        # ... closed by a past verb or "hasta": over
        ("es", "mi papá estuvo preso desde 2018 hasta 2020", "normal"),
        ("en", "he was in the county jail since 2019 until last year", "normal"),
        # hearsay naming nobody, a condition that is no question: worth a check
        ("en", "people are saying there's a checkpoint and they detained some guys", "check-now"),
        ("en", "I heard ICE is picking people up at the Walmart", "check-now"),
        ("en", "if they arrest me tomorrow my kids have no one to pick them up", "check-now"),
        # a time said of what was just told dates it ("That was in 2019", "eso fue hace años")
        ("en", "My ex used to threaten to call ICE on me. That was in 2019. I feel safe now.",
         "normal"),
        ("es", "mi ex me amenazaba con llamar a la migra, pero eso fue hace años", "normal"),
        ("en", "ICE put a hold on him. That was last week.", "urgent"),  # a hold stands
        ("en", "My brother is in the county jail. This all happened last week and he's still "
         "there.", "urgent"),
        # a thing taken is no person; a phone is a thing unless it calls
        ("es", "la policía me retuvo la licencia y el carro se lo llevaron al corralón", "normal"),
        ("en", "Can you help us get his phone and wallet back from the jail property room?",
         "normal"),
        ("en", "we got the call from the jail last night, my son is there", "urgent"),
        # the end of a medical need said as the doctor's word, not its denial
        ("es", "no le dieron su medicina los dos días que estuvo detenido, pero ya salió y el "
         "doctor dice que está bien", "normal"),
        ("es", "no le dan su medicina y el doctor dice que no está bien", "urgent"),
        # the jail as the topic, not as where someone is: worth a check, not a page-out
        ("es", "en la cárcel de Gaston cobran muy caro las llamadas", "check-now"),
        ("es", "está en la cárcel desde el viernes", "urgent"),
        # out on bond, let go, the hold ran out, home safe: over
        ("en", "My brother was arrested Saturday but he bonded out Sunday morning.", "normal"),
        ("en", "They held my son at the county jail for two nights, he's out on bond now.",
         "normal"),
        ("en", "the 48 hours passed and they let him out, no ICE came", "normal"),
        ("en", "my cousin got picked up by the deputies last night but he's home safe now",
         "normal"),
        ("en", "he is out on bond but ICE has a detainer and wants him", "urgent"),
        ("es", "a mi hermano lo arrestaron el sábado pero salió bajo fianza el domingo", "normal"),
        ("es", "pasaron las 48 horas y lo soltaron, la migra nunca vino", "normal"),
        # the abuser named as the one held: her safety, not an emergency
        ("en", "the abuser was arrested and is in jail now, i'm safe", "normal"),
    ],
)  # fmt: skip
def test_what_may_be_what_ended_and_what_stands_give_the_level(language, text, level):
    result = decide(text, language)
    assert result["level"] == level, result["explanation"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # phone typos that swap two neighbouring letters of a cue's word
        ("en", "hello? my boyfriend is going to be depotred thursday."),
        ("es", "Mi novio nos mracó del la comisaría desde el sábado."),
        ("en", "they are hloding my son at the county jail"),
    ],
)
def test_a_swapped_pair_of_letters_is_read_as_the_word(language, text):
    result = decide(text, language)
    assert result["level"] == "urgent", result["explanation"]
    # the evidence is still the reporter's own words
    assert all(u["evidence"] in text for u in result["urgency"])


def test_untangling_keeps_known_and_unrelated_words():
    from workers.route.situation import _untangled

    assert _untangled("my brother is in jail since march") == "my brother is in jail since march"
    assert _untangled("the trial is tomorrow, we live downtown") == (
        "the trial is tomorrow, we live downtown"
    )
    assert _untangled("esta en la cracel") == "esta en la carcel"
