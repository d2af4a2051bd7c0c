# ruff: noqa: E501 - the cues are data; a regex reads best unbroken
"""What the narrative reader looks for: concepts, time expressions and polarity cues.

A concept is a situation (someone held, a transfer coming, a medical need, danger, a child
without a caregiver, an injury, a citizenship claim), not a phrase: each cue below is one way of
naming a part of it, in English or Spanish (reporters mix both), and the reader in
situation.py decides from the sentence's parse and time expressions whether the situation
holds now, is about to happen, or is over. Cues are regexes over folded text (lower case, no
accents) and always match whole tokens. `{w}` is "up to a few words", `{pron}` a Spanish clitic.

Why regexes and not a list of sentences: each cue is a small grammar of the concept's words
(verb + object, noun + deprivation), so "they're holding my dad at the sheriff's office" and
"they are holding him at the station" are one cue. (A learned scorer beside them was tried
and removed: bench/triage_train.py shows it lifted nothing that carries over.)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MACROS = {
    "w": r"(?:[\w'\[\]]+\W+){0,4}?",  # a few words in between
    "ww": r"(?:[\w'\[\]]+\W+){0,8}?",  # a clause's worth of words in between
    "pron": r"(?:lo|la|los|las|le|les|me|nos|te)",
    "kid": (
        r"(?:kids?|children|child|childs|baby|babies|son|sons|daughters?|grandkids|grandchildren|"
        r"little ones|boys?|girls?|twins|ninos?|ninas?|hij[oa]s?|bebes?|chamac[oa]s?|chiquit[oa]s?|"
        r"niet[oa]s?|nin@s|huerc[oa]s?|plebes?|mijo|mija|minors?|menores|toddlers?|kiddos|infants?|"
        r"teens?|teenagers?|hermanit[oa]s?|little (?:brother|sister)s?)"
    ),
    "place": (
        r"(?:jail|jails|custody|detention|detention center|lockup|lock up|holding cell|holding|"
        r"cell|prison|(?<!gas )(?<!bus )(?<!train )(?<!fire )(?<!radio )(?<!tv )station|precinct|sheriff'?s? office|sheriff'?s? department|"
        r"(?:patrol|cop|police|squad|deputy|deputys|deputy'?s|sheriff|sheriff'?s|sheriffs|ice) "
        r"(?:car|cruiser|truck|suv|van|vehicle)|cruiser|"
        r"back of (?:the|a|an|his|their) (?:\w+ )?(?:car|truck|patrol|cruiser|suv|van)|booking|"
        r"(?:troca|camioneta|carro|van) (?:del|de la|de los) (?:sheriff|alguacil|policia|migra|ice|"
        r"inmigracion|migracion)|"
        r"processing center|immigration office|oficina del sheriff|"
        # phone typing: "the ice facilty", "ICE place"
        r"(?:ice|immigration) (?:facilit\w*|facilty|facilty|faclity|fasility|place|office|center|"
        r"building|jail|lockup|detention)|"
        r"oficinas? de (?:la )?(?:inmigracion|migracion|ice|migra)|centro de (?:ice|migracion)|"
        r"oficina del alguacil|"
        r"carcel|prision|detencion|custodia|corralon|condado|estacion|comisaria|delegacion|"
        r"patrulla|la hielera|hielera|centro de detencion|migracion|separos|celda|bote|tambo)"
    ),
    "agency": r"(?:ice|immigration|inmigracion|migracion|migra|detainer|feds|federales|dhs|i-247)",
    "employer": (
        r"(?:boss|employer|crew leader|contractor|foreman|owner|manager|supervisor|"
        r"the man who (?:brought|hired)|work(?:ing)? for (?:him|her|them)|make[s]? (?:me|us) work|"
        r"brought (?:us|me) (?:here )?to work|until (?:we|i) pay|owe|debt|patron|jefe|dueno|"
        r"encargado|capataz|contratista|mayordomo|el que nos trajo|trajeron a trabajar|"
        r"(?:nos|me) (?:obliga|obligan|pone|ponen|hace|hacen) (?:a )?trabajar|hasta que paguemos|"
        r"deuda|debemos|le debo)"
    ),
    # What an officer takes that is not a person ("took my papers", "grabbed my phone").
    "thing": (
        r"(?:papers|documents|license|licence|id|ids|phone|car|truck|keys|money|wallet|passport|"
        r"passports|picture|photo|information|info|name|statement|report|complaint|stuff|things|"
        r"bag|purse|plates|registration|insurance|ticket)\b"
    ),
    # The same in Spanish: "el carro se lo llevaron al corralón" took the car, not a person.
    "thing_es": (
        r"(?:carro|coche|troca|camioneta|moto|licencia|papeles|documentos|telefono|celular|"
        r"cartera|dinero|llaves|placas|bicicleta|troque)"
    ),
    "meds": (
        r"(?:medicine|medicines|medication|medications|meds|insulin|inhaler|pills|pill|"
        r"prescription|dialysis|treatment|oxygen|seizure meds|heart meds|blood pressure meds|"
        r"medicina|medicinas|medicamento|medicamentos|insulina|inhalador|pastillas|pastilla|"
        r"tratamiento|dialisis|receta|oxigeno|pildoras|"
        # described, not named: "what he needs for his heart", "lo de la presión", "lo que
        # toma para el azúcar", "anything for her seizures"
        r"(?:what|whatever|the stuff|stuff|the things|anything|something|lo|lo que|las cosas|algo|"
        r"nada|eso)(?: [\w']+){0,3}? (?:for|para|pa|de) (?:(?:his|her|their|my|the|su|sus|mi|la|"
        r"el|los|las) )?(?:heart|blood pressure|pressure|diabetes|sugar|blood sugar|seizures?|"
        r"asthma|thyroid|kidneys?|epilepsy|depression|anxiety|hiv|presion|corazon|azucar|"
        r"convulsiones|asma|tiroides|rinones|epilepsia|depresion|ansiedad|vih))"
    ),
}


class Concept(StrEnum):
    """The urgency signals the reader can find in a narrative (the rules' signal codes)."""

    IN_CUSTODY = "in_custody_now"
    TRANSFER = "transfer_imminent"
    MEDICAL = "medical_emergency"
    CHILD = "minor_involved"
    INJURED = "injured"
    CITIZEN = "citizenship_claim"
    DANGER = "survivor"
    # A raid under way at a place (doors knocked on, a trailer park surrounded): the signal the
    # form's "is it happening right now" answers.
    RAID = "emergency_now"


@dataclass(frozen=True)
class Cue:
    concept: Concept
    pattern: str
    # The cue already contains its own negation ("won't give him his insulin", "no lo han
    # soltado", "nobody to pick up the kids"): a negation there is the emergency, not its denial.
    negation_inside: bool = False
    # A standing state that holds until something ends it (a hold, a detainer): a past verb
    # ("ICE put a hold on him") still means now unless a time expression says otherwise.
    standing: bool = False
    # Being at a place (in jail, at the station) is over when told in the past tense; being
    # arrested or taken is not (nobody said they came back).
    place: bool = False
    # A label rather than a situation ("survivor", "pregnant"): it makes a report worth a look
    # (check-now) but not a page-out by itself.
    weak: bool = False
    # Only the agency on its way ("viene la migra", "ICE is coming"), for nobody named: a raid
    # rumour unless someone is held or the clause says whom it comes for (situation.py).
    agent_only: bool = False
    # A regex (macros allowed) the narrative must also contain for the cue to mean the concept:
    # a sitter leaving tonight is an emergency only when there are children to look after.
    needs: str | None = None
    # An emergency only while someone is held or taken (a sitter leaving tonight matters because
    # the parent cannot come home); otherwise worth a check, not a page-out.
    with_custody: bool = False
    # A raid at a place: urgent only told as happening now by the reporter; a rumour, a
    # question, one to come or one told in the past is not (situation.py).
    raid: bool = False


# Whoever asks or plans who fetches the children: "who will pick up my kids", "someone to
# pick them up" (a fixed-width look-behind for each).
_CARE_PICKUP = "".join(
    rf"(?<!{who} {link})"
    for who in ("who", "someone", "somebody", "anyone", "anybody", "nobody", "no one")
    for link in (
        "",
        "will ",
        "would ",
        "can ",
        "could ",
        "to ",
        "is going to ",
        "is gonna ",
        "'s going to ",
        "gonna ",
        "should ",
        "is to ",
        "'ll ",
    )
)

# Where "still inside" or "not out yet" means held: a custody, an agency or a bail is told
# ("pagamos y nada, está adentro todavía").
_HELD_OR_BAILED = (
    "(?:{place}|bail|bailed|bond|bonded|fianza|fiador|bono|{agency}|arrest\\w*|detain\\w*|"
    "detenid\\w*|arrestad\\w*|detuv\\w*|agarr\\w*|sheriff|police|policia|cops|paid|pagamos|pague|"
    "pagaron|pagado|"
    "pagada|"
    # not let to call: only one held is ("they haven't let me call anyone")
    "(?:let|letting) (?:me|him|her|us) (?:call|make (?:a |one )?(?:phone )?call)|"
    "(?:dejan|dejaron|deja|dejo) (?:llamar|hacer (?:una )?llamada))"
)


# Who carries out a raid: the agency or officers, told somewhere in the narrative.
_RAIDERS = (
    r"(?:{agency}|sheriff\w*|deput\w*|police|policia|cops|agents?|agentes|officers?|"
    r"oficiales|alguacil\w*|patrullas?|federales|raids?|raiding|redadas?)"
)


def _cues(concept: Concept, patterns: list[str], **kwargs: bool | str) -> list[Cue]:
    return [Cue(concept, p, **kwargs) for p in patterns]


CUES: list[Cue] = [
    # --- who is where now
    *_cues(
        Concept.IN_CUSTODY,
        [
            r"(?:in|at|inside|into) (?:the |a |his |her )?(?:\w+ ){0,2}?{place}",
            r"(?:in|at|inside) (?:the )?county(?! (?:of|line|commission|agreement|program|general|hospital|medical|clinic|health|courthouse|court|fair|office|library|school|clerk))",
            r"(?:en|dentro de) (?:la |el |los |las )?(?:\w+ )?{place}",
            # Spanglish: "sigue en el county" is the county jail, as "el condado" is
            r"(?:en|dentro de|del) (?:el )?county(?! (?:of|line|commission|agreement|program|general|hospital|medical|clinic|health|courthouse|court|fair|office|library|school|clerk))",
        ],
        place=True,
    ),
    *_cues(
        Concept.IN_CUSTODY,
        [
            # A call from the jail tells where the caller is: held, until someone says otherwise.
            # (a call, not a thing: "get his phone back from the jail" is property)
            r"(?:call(?:ed|ing|s)?|(?:te |les |le |los )?escrib(?:o|iendo)|writing|(?<!his )(?<!her )(?<!my )(?<!the )(?<!their )(?<!our )"
            r"(?<!your )phoned?|phoning|collect call|texted|messaged|llam(?:o|a|ando|ada)|"
            r"habl(?:o|a|ando)|marco|me marca) {w}(?:from|out of|desde|del|de la) (?:the |la |el )?"
            r"(?:\w+ ){0,2}?(?:{place}|county jail|county|jail phone|telefono de la carcel)",
            # "they got my wife locked up": the "got" is a present state, held until released.
            r"(?:got|gotten|have|has|'ve got|ve got) (?:him|her|them|my \w+|his \w+|her \w+|\w+) "
            r"(?:locked|held|detained|locked up|in custody|behind bars)",
        ],
        standing=True,
    ),
    *_cues(
        Concept.IN_CUSTODY,
        [
            r"(?:holding|held|keeping|kept|detaining) (?:him|her|them|me|us|my \w+|\w+ (?:at|in)|"
            r"at|in)(?! (?:on )?(?:hold|the (?:phone|line)|waiting|espera))",
            r"(?:locked up|lock(?:ed)? (?:him|her|them) up|detained|arrested|in custody|detain|"
            r"arrest|detaining|arresting|"
            r"behind bars|booked)",
            r"(?:they|they'?ve|theyve|cops|police|deputies|sheriff|ice) (?:have|has|got|gotten|still have|still got) "
            r"(?:him|her|them|my \w+|[\[]\w+ \d+[\]])",
            r"locked (?:in|inside) (?:the |a |an )?(?:\w+ ){0,2}?(?:{place}|room|cage|ice)",
            # the object fronted: "my mom they still have at the county", "my son ICE has in Georgia"
            r"(?:they|cops|police|deputies|sheriff|ice|immigration) (?:still )?(?:have|has|got|keep|"
            r"are keeping) (?:at|in) (?:the |a )?(?:\w+ ){0,2}?(?:{place}|county|ice|[a-z]+ (?:jail|county))",
            r"{pron} (?:tienen|tiene|tenian|siguen teniendo|mantienen|tienen todavia) "
            r"{w}(?:{place}|detenid[oa]s?|encerrad[oa]s?|pres[oa]s?|ahi|alla|ahorita|"
            # "me tienen aquí desde el viernes" (not "aquí trabajando", "aquí en la casa")
            r"(?:aqui|aca)(?! (?:trabajando|en (?:la |mi )?casa|en el trabajo|con nosotros)))",
            r"(?:{pron} )?(?:tienen|tiene|siguen teniendo|mantienen) (?:a (?:mi|mis|su|sus|nuestr[oa]s?) "
            r"\w+ |a \w+ )?(?:en|ahi|alla|detenid[oa]s?|encerrad[oa]s?)",
            # a scene under way: "are cuffing my brother", "lo tienen esposado", "están arrestando a"
            r"(?:cuffing|handcuffing|cuffed|handcuffed|in (?:hand)?cuffs|zip-?tied|"
            r"(?:taking|dragging|pulling|putting|shoving|pushing|carrying) (?:him|her|them|my \w+) "
            r"(?:away|out|into|in|to|off)|"
            r"(?:arrestando|deteniendo|agarrando|esposando|levantando|encerrando|llevandose)"
            r"(?:lo|la|los|las)?|esposad[oa]s?|{pron} esposaron|se {pron} (?:estan|esta|andan) "
            r"(?:llevando|subiendo)|(?:putting|put|puso|pusieron|poniendo|ponen) {w}(?:hand)?cuffs|"
            r"(?:poniendo|pusieron|ponen|puso) {w}esposas|(?:subiendo|subieron|metiendo|metieron|"
            r"echando|echaron) {w}(?:a|en) (?:la |el )?(?:patrulla|carro|troca|camioneta|van|celda))",
            r"(?:detenid[oa]s?|arrestad[oa]s?|pres[oa]s?|encerrad[oa]s?|agarrad[oa]s?|"
            r"levantad[oa]s?|retenid[oa]s?|bajo custodia)",
            # in immigration's hands, said as where or with whom: "está con migración", "sigue en ICE"
            r"(?:esta|estan|sigue|siguen|is|are|still) (?:con|with) (?:la migra|migracion|inmigracion|"
            r"ice|immigration)|(?:esta|estan|sigue|siguen) en (?:manos de )?(?:ice|la migra)",
            r"{pron} (?:detuvieron|arrestaron|agarraron|levantaron|encerraron|llevaron presos?|"
            r"acaban de (?:detener|arrestar|agarrar|llevar|levantar))"
            # a hold or a charge lifted is no person taken: "le levantaron el hold"
            r"(?! (?:el|la|los|las) (?:hold|detainer|orden|retencion|cargos?|multa|castigo)(?![\w']))",
            r"(?:took|picked up|grabbed|arrested|detained) (?:him|her|them|my (?!{thing})\w+)",
            r"(?:got |was |were |been )?(?:taken|picked up|grabbed) by (?:ice|immigration|la migra|"
            r"the police|police|the sheriff|deputies|the deputies|cops|the cops)",
            r"(?:was|were|got|been|get|being) (?:taken|picked up|grabbed|snatched|hauled off|"
            r"carted off)(?! (?:care|to (?:the )?hospital))",
            r"se {pron} (?:llevaron|llevo)",
            r"(?:se )?(?:detuvieron|arrestaron|agarraron|levantaron|encerraron|llevaron|recogieron|"
            r"llevo|agarro|detuvo|arresto) (?:a |al )(?:mi|mis|su|sus|nuestr[oa]s?|\w+)",
            # the agency named after its verb: "a mi esposo lo tiene la migra", "la agarró
            # la migra en la mañana", "la tiene inmigración en un centro"
            r"{pron} (?:tiene|tienen|tenia|tenian|agarro|agarraron|detuvo|detuvieron|arresto|"
            r"arrestaron|levanto|levantaron|encerro|encerraron|llevo|llevaron|recogio|recogieron) "
            r"(?:la migra|migracion|inmigracion|ice|el sheriff|los del sheriff|la policia|los policias|"
            r"el alguacil|la patrulla|los federales|los de (?:ice|migracion|inmigracion|la migra))",
            r"(?:still there|sigue (?:ahi|alli|alla)|siguen (?:ahi|alli|alla)|todavia esta (?:ahi|alli|alla)|"
            r"aun esta (?:ahi|alli|alla))",
            # where they keep someone, not knowing the place: "no sabemos dónde tienen a mi hermano"
            r"(?:donde|adonde|where) (?:{pron} )?(?:tienen|tiene|tenian|mantienen|llevaron|"
            r"se {pron} llevaron|they (?:have|took|are keeping|keep|are holding)|"
            r"(?:he|she|they) (?:is|are) (?:held|being held)|(?:he|she)'?s (?:held|being held))",
            r"(?:han|ha|hayan) (?:detenido|arrestado|agarrado|levantado|llevado) a",
        ],
    ),
    *_cues(
        Concept.IN_CUSTODY,
        [
            r"(?:no|not|haven'?t|have not|hasn'?t|has not|won'?t|will not|didn'?t|did not) "
            r"(?:{pron} )?(?:h?an |h?a |quieren |van a )?(?:released?|relea?se[d]?|relese[d]?|let {w}(?:go|out)|soltado|soltaron|sueltan|soltar|liberado|liberaron|dejan salir|"
            r"dejaron salir|dejan ir|dejar salir|dejar ir|let go)",
            r"(?:nobody|no one) (?:has )?(?:bailed|got) (?:him|her|them) out",
            r"(?:no|not|hasn'?t|haven'?t|can'?t|won'?t) (?:ha |han )?(?:sale|salen|salido|gotten out|got out|"
            r"get out|come out) (?:de |of |from )(?:la |el |los |the )?(?:\w+ )?{place}",
            # a colloquial "no" after the verb, at the clause's end: "la sueltan no", "lo dejan
            # salir no" (not "no sé", which is doubt)
            r"{pron} (?:sueltan|suelta|quieren soltar|van a soltar|han soltado|dejan salir|dejan ir|"
            r"liberan|quieren dejar salir)(?: (?:todavia|aun|nada))? no(?![\w'])(?! (?:se|sabemos|sabe)(?![\w']))",
        ],
        negation_inside=True,
    ),
    *_cues(
        Concept.IN_CUSTODY,
        [
            # not out yet, where a custody or a bail is told: "todavía no sale", "mi hijo no ha
            # salido", "he still hasn't come out"
            r"(?:no|todavia no|aun no|not|hasn'?t|has not|haven'?t|have not|still hasn'?t|"
            r"still has not|still not) (?:ha |han |yet )?(?:sale|salen|salido|come out|gotten out|"
            r"got out|been released|been let out)(?! (?:de|del|from|of) (?:la |el |the |my |mi )?"
            r"(?:casa|house|home|trabajo|work|escuela|school|hospital|cuarto|room))",
        ],
        negation_inside=True,
        needs=_HELD_OR_BAILED,
    ),
    *_cues(
        Concept.IN_CUSTODY,
        [
            # still held where a custody or a bail is told: "sigue adentro", "todavía está
            # adentro", "she's still inside" (not "still inside the house")
            # (typed by ear: "sigue ay adentro", "todabia")
            r"(?:still|sigue|siguen|(?:todavia|todabia|toavia) (?:esta|estan|sigue|siguen)|"
            r"aun (?:esta|estan|sigue|siguen)) (?:(?:ahi|ay|alli|alla|there) )?"
            r"(?:adentro|dentro|inside|in there|in here|locked (?:in|up)|encerrad[oa]s?)"
            r"(?! (?:de|del|of|the|la|el|my|mi|his|her|su|our|a|at|with|con)(?![\w']))",
            # the reporter still where they were taken: "me detuvieron y sigo aquí", "i'm still
            # here at the county"
            r"(?:sigo|seguimos|todavia estoy|todavia estamos|aun estoy|i'?m still|im still|"
            r"we'?re still|i am still|we are still) (?:aqui|aca|here)(?! (?:en (?:la |mi )?casa|"
            r"at (?:home|work)|en el trabajo|trabajando|working))"
            # with the family, in the country: "yo sigo aquí con los niños", "I am still here
            # with the kids" is the one left behind, not the one held
            r"(?!,? (?:con|with) (?:(?:los|las|mis|nuestros|nuestras|the|my|our) )?(?:\w+ )?(?:{kid}|familia|"
            r"family|esposo|esposa|husband|wife|mama|mom|mother|papa|dad|abuela|grandma))",
            # the "still" after: "está adentro todavía", "he's inside still"
            r"(?:esta|estan|is|are|he'?s|she'?s|hes|shes) (?:adentro|inside|in there) "
            r"(?:todavia|aun|still|yet)",
        ],
        needs=_HELD_OR_BAILED,
    ),
    # --- what is about to happen
    *_cues(
        Concept.TRANSFER,
        [
            r"(?:ice|immigration|migra|la migra|inmigracion|migracion) ?(?:hold|detainer)",
            r"(?:detainer|detainers|retencion|orden de retencion)",
            # a hold placed on someone: "put a hold on him", "le pusieron hold"
            r"(?:a|an|the|un|el|put|placed|puso|pusieron) (?:\w+ )?(?<!on )(?<!en )hold (?:on|for|de|a|por) "
            r"(?:him|them|\[|(?:her|my|his|su|mi)(?! (?:account|card|mail|package|order|check|loan|"
            r"payment|credit|license|bank|cuenta|tarjeta)))",
            r"(?:le|les) (?:pusieron|puso|tienen|tiene|metieron) (?:un |el |una )?(?:\w+ )?hold",
            # an order from immigration on someone: "tiene una orden de ICE", "an ICE order on her"
            r"(?:orden|ordenes|ordern) (?:de|del|de la) (?:ice|inmigracion|migracion|migra)|"
            r"(?:ice|immigration) (?:order|warrant)s?|(?:order|warrant)s? (?:from|by) (?:ice|immigration)",
            r"48 ?(?:hours?|hrs?|horas)",
            r"(?:72|24) ?(?:hours?|hrs?|horas)",
        ],
        standing=True,
    ),
    *_cues(
        Concept.TRANSFER,
        [
            r"(?:transfer|transferred|transferring|transfers|moved to|moving him|moving her|"
            r"ship(?:ped|ping)? (?:him|her|them)|send(?:ing)? (?:him|her|them) to|"
            r"hand(?:ed|ing|s)? (?:him|her|them) over|turn(?:ed|ing|s)? (?:him|her|them) over|"
            # the person named: "handing my son over", "turning my husband over to ICE"
            r"(?:hand|turn)(?:ed|ing|s)? (?:my|our|his|her|their) (?:\w+ )?[\w-]+ over|"
            r"deport|deported|deporting|deportation|removal|removed|"
            # a person picked up, not a thing: "pick it up tonight", "picked up my papers"; nor
            # the children fetched by whoever cares for them: "who will pick up my kids from
            # school?", "someone to pick them up"
            + _CARE_PICKUP
            + r"pick(?:ed|ing|s)? (?!(?:it|this|that|these|those|stuff|the package|{thing}) )(?:\w+ )?up"
            r"(?! (?:it|this|that|the package|my (?:package|mail|order)|{thing}))"
            r"(?!(?: \w+){0,3} (?:from|at|after) (?:the )?(?:school|daycare|day care|preschool|kindergarten|"
            r"the bus stop|practice))|"
            r"come (?:get|for|pick)|coming (?:to get|for|to pick)|comes? (?:get|for)|"
            r"van (?:is )?scheduled|bus (?:is )?scheduled|flight|ice van)",
            # Passive, with phone typos: "being sent to an ICE facility", "bieng sent to ice".
            # (also with the object fronted: "my dad they are sending to ICE tomorrow")
            r"(?:sent|sendt|send|sending|shipped|shipping|taken|taking|moved|moving|bringing|"
            r"transporting|transferr?ed|transfered) (?:over )?(?:to|into) "
            r"(?:an? |the )?(?:\w+ ){0,2}?(?:ice|immigration|detention|deportation|{place})",
            # Put on a plane: a removal under way.
            r"(?:on|onto|in) (?:a|the) (?:plane|airplane|flight)|"
            r"(?:sub\w*|mont\w*|mand\w*|llev\w*|van a mandar\w*) {w}(?:al|a un|en el|en un|en) (?:avion|vuelo)",
            # Sent to a place of custody: "lo van a mandar al centro de detención de ICE mañana".
            r"(?:mand|envi|traslad)\w* {w}(?:al|a la|a un|a una|a los) (?:centros? de (?:detencion|ice|"
            r"migracion|inmigracion)|carcel|prision|corralon|oficinas? de (?:inmigracion|migracion|ice)|"
            r"detencion)",
            r"(?:waiting for|waiting on|esperando a|esperan a|entregarlo a|turn him over to) "
            r"(?:ice|immigration|la migra|migracion|inmigracion)",
            r"(?:transport|bus|van|list|lista|camion|avion|vuelo) {w}(?:ice|immigration|"
            r"migracion|la migra|deportacion|deportation)",
            r"(?:traslad\w+|transfier\w+|transfer\w+|deport\w+|entreg\w+ a (?:ice|migracion|la migra)|"
            # the person handed over: "van a entregar a mi hijo", "entregan a mi papá a ICE"
            r"entreg(?:ar|an|aran|ara|ando)(?:lo|la|los|las)? (?:a )?(?:mi|mis|su|sus|nuestr[oa]s?) "
            r"(?:\w+ )?(?:{kid}|esposo|esposa|marido|papa|mama|padre|madre|hermano|hermana|tio|tia|"
            r"primo|prima|sobrino|sobrina|abuelo|abuela|cunado|cunada|novio|novia|yerno|nuera)|"
            r"(?:van|va) a entregar(?:lo|la|los|las)|"
            r"(?:mand|envi|regres|devolv)\w* {w}a (?:mexico|su pais|guatemala|honduras|el salvador|ice|migracion)|"
            r"pas\w+ a (?:ice|migracion)|"
            r"se {pron} (?:llevan|van a llevar|quieren llevar|llevaran|lleva|va a llevar)|"
            r"(?:viene|vienen|va a venir|van a venir|llega|llegan) (?:por el|por ella|por ellos|"
            r"a (?:recoger|llevar|buscar)(?:lo|la|los)?)|"
            r"(?:la migra|migracion|ice|inmigracion) (?:{pron} va a "
            r"(?:recoger|llevar)|va a (?:recoger|llevar)(?:lo|la|los)?))",
        ],
    ),
    *_cues(
        Concept.TRANSFER,
        [
            # Told to get ready to leave the jail, where immigration is told: "told him to pack
            # up", "moved his property to the release bin", "le dijeron que recoja sus cosas"
            r"(?:(?:told|tell|tells|telling|asked|ordered) (?:him|her|them|me|my \w+) (?:to )?pack (?:up|"
            r"(?:his|her|their|my) (?:stuff|things|property|belongings|bags?))|"
            r"(?:property|belongings|stuff|things) (?:to|in|into) (?:the )?release|release bin|"
            r"(?:recoja|recoger|empaque|empacar|empacara|aliste|alistar|junte|juntar) (?:todas )?"
            r"(?:sus|tus) (?:cosas|pertenencias|bolsas)|(?:que )?se aliste(?:n)? para (?:salir|irse))",
        ],
        needs="(?:{agency})",
    ),
    *_cues(
        Concept.TRANSFER,
        [
            # A transfer already under way: "in transit to ICE", "on his way to the detention
            # center", "va en camino a Louisiana" (where custody is told: not a trip to the store)
            r"(?:in transit|en transito|being (?:transported|driven|moved|transferred|bused) to|"
            r"(?:on (?:his|her|their|the) way|headed|heading) to (?:the |an? )?(?:\w+ ){0,2}?(?:ice|"
            r"immigration|detention|processing|{place}|another|a different|[a-z]+ (?:state|county))|"
            r"(?:va|van|iba|iban|lo llevan|la llevan|los llevan|se {pron} llevan) (?:en camino|rumbo|"
            r"camino) (?:a|al|hacia|para))",
        ],
        needs="(?:{agency}|{place}|traslad\\w+|transfer\\w+|moved|sacaron|took him|took her)",
    ),
    *_cues(
        Concept.TRANSFER,
        [
            # A release that is a hand-over: "straight to ICE", "directo a los de ICE".
            r"(?:straight|directly|direct|right|strait|stright) (?:over )?(?:to|into|over to) "
            r"(?:the )?(?:ice|immigration|migra|la migra|detention|deportation|the feds)",
            r"(?:directo|directito|derecho|derechito|directamente) (?:a|al|con|para) (?:\w+ ){0,2}?"
            r"(?:ice|migra|migracion|inmigracion|federales|deportacion)",
            # Released or handed to ICE: now in immigration's hands.
            r"(?:released|handed|turned|passed) (?:him |her |them |my \w+ |\w+ )?(?:over )?(?:to|into) "
            r"(?:ice|immigration|la migra|migracion)|(?:soltaron|entregaron|pasaron) (?:\w+ )?a "
            r"(?:ice|migracion|la migra|inmigracion)",
            # Immigration waiting for the person: a detainer described, not named.
            r"(?:ice|immigration|la migra|migra|migracion|inmigracion|the feds|federales) "
            r"(?:[\w']+ ){0,2}?(?:(?:wants?|wnats?|whants?|wans) (?:him|her|them|to)|(?:lo |la |los )(?:quiere|quieren|pidio|"
            r"reclamo)|quieren? (?:a |llevarlo|llevarla)|asked for (?:him|her)|"
            r"is waiting|are waiting|esta esperando|estan esperando|"
            r"asked (?:them |the jail )?to (?:hold|keep)|pidio que (?:lo|la) (?:detengan|tengan)|"
            r"(?:transport|bus|van|list|pickup|pick up))",
        ],
        # In immigration's hands, or wanted by it: told in the past ("lo sacaron del bote
        # derechito con migración", "migración lo pidió"), it holds until someone says it ended.
        standing=True,
    ),
    *_cues(
        Concept.TRANSFER,
        [
            # A hold said without whom, where ICE is told: an account "on hold" is no detainer.
            r"(?:a|an|the|un|una|el|his|her|su|no|put|placed|puso|pusieron|tiene|has|have|got) "
            r"(?:\w+ )?(?<!on )(?<!en )hold(?! (?:of|music|the line|on the line|on a sec|on (?:the|her|his|"
            r"my|their|our) (?:account|card|mail|package|order|check|house|loan|payment)))",
        ],
        standing=True,
        needs="{agency}",
    ),
    *_cues(
        Concept.TRANSFER,
        [
            # picked up by the agency, said as "they": "la recogen cuando ellos quieran", "lo van
            # a recoger" (where immigration is told; not a child picked up from school)
            # (and as typed by ear: "la recojen")
            r"{pron} (?:recog|recoj)(?:en|eran|era)(?! (?:de|en) (?:la )?(?:escuela|school|guarderia|kinder))|"
            r"{pron} (?:van|va|vienen|viene|pasan|quieren|pueden) a (?:recoger|recojer)"
            r"(?! (?:de|en) (?:la )?(?:escuela|school|guarderia|kinder))",
        ],
        needs="{agency}",
    ),
    *_cues(
        Concept.TRANSFER,
        [
            r"(?:viene|vienen|va a venir|van a venir|llega|llegan|anda|andan) (?:la migra|migracion|"
            r"ice|inmigracion)",
            r"(?:la migra|migracion|ice|inmigracion|immigration) (?:viene|vienen|va a venir|"
            r"is coming|are coming|will come|is going to come|is in town|anda|"
            r"(?:is |are |'s |s )?on (?:the|their|its|his|her) way|ya viene|ya vienen|va en camino|viene en camino)",
        ],
        agent_only=True,
    ),
    # --- a raid under way at a place
    *_cues(
        Concept.RAID,
        [
            # doors knocked on one after another: "knocking on every door", "tocando puertas",
            # "going door to door", "de puerta en puerta"
            r"(?:knock\w*|bang\w*|pound\w*|tocando|tocan|toca|tocaron|golpeando|golpean) "
            r"(?:on |at |en |a )?(?:(?:every|each|all (?:the )?|the|people'?s|las|todas las|cada) )?(?:\w+ )?"
            r"(?:doors?|puertas?|trailers?|trailas?|apartments?|apartamentos?|casas?|houses?)|"
            r"(?:tocando|tocan) puertas|door[- ]to[- ]door|de puerta en puerta|casa por casa|"
            r"(?:house|trailer|apartment) (?:to|by) (?:house|trailer|apartment)",
            r"(?:sacando|pulling|dragging|taking) (?:a (?:la gente|todos|las personas)|gente|personas|people|"
            r"everyone|everybody|families)|"
            r"(?:raids?|raiding|redadas?) (?:at|in|on|en|de) (?:the |la |el |los |las |our |"
            r"nuestr[oa] )?(?:\w+ )?\w+|raiding (?:the|a|an|our|my|all the) \w+",
        ],
        raid=True,
        needs=_RAIDERS,
    ),
    *_cues(
        Concept.RAID,
        [
            # a raid at a workplace or a farm: people lined up, chased, hiding, the gates
            # blocked ("they lined everybody up", "están correteando a la gente", "blocking both
            # gates", "mi esposo se escondió en la bodega")
            r"(?:lined|lining|line|lines) (?:up )?(?:everybody|everyone|all of us|all the \w+|us|"
            r"people|the (?:workers|men|women|people|guys|employees)|them|workers)(?: up)?|"
            r"(?:have|has|got|tienen|tiene) (?:everybody|everyone|all of us|us|them|the workers|"
            r"a todos|a la gente|a los trabajadores) (?:lined up|in (?:a )?lines?|formad[oa]s|en fila)|"
            r"(?:formaron|formando|forman|alinearon|alineando|pusieron|poniendo|ponen) (?:a )?(?:todos|"
            r"la gente|los trabajadores|toda la gente|nosotros)(?: en (?:fila|linea|filas))?|"
            r"(?:chasing|chased|chase|running after|ran after) (?:people|everyone|everybody|the workers|"
            r"workers|us|the guys|the men|them|la gente)|"
            r"(?:correteando|corretean|corretearon|persiguiendo|persiguen|persiguieron|corriendo tras|"
            r"agarrando) (?:a )?(?:la gente|los trabajadores|todos|la raza|los muchachos|las personas|"
            r"gente|personas|nosotros)|"
            r"(?:se|me|nos) (?:escondio|escondieron|escondi|escondimos|esconden|esta escondiendo|"
            r"estan escondiendo|estamos escondidos|esta escondido|esta escondida|estoy escondid[oa])|"
            r"(?:hiding|hid|hide|hidden) (?:in|inside|under|behind|from) |"
            r"(?:blocking|blocked|block|bloqueando|bloquearon|tapando|taparon|cerraron|cerrando) "
            r"(?:off )?(?:both |all |the |all the |las |los |la |el |ambas )?(?:gates?|exits?|entrances?|"
            r"driveway|road|portones?|porton|salidas?|entradas?|puertas?|camino)|"
            r"(?:no|won'?t|will not|are not|aren'?t|not) (?:dejan|let|letting) (?:salir a )?(?:nadie|"
            r"anyone|anybody|nobody|us|people|a nadie)(?: (?:salir|leave|out|go))?|"
            r"(?:nobody|no one|nadie) (?:can|puede) (?:leave|get out|salir)",
        ],
        raid=True,
        needs=_RAIDERS,
        negation_inside=True,
    ),
    *_cues(
        Concept.RAID,
        [
            # the agency here now at a workplace: "they are here right now at the plant",
            # "están en el rancho ahorita", "ICE is at the poultry plant"
            r"(?:they'?re|they are|theyre|ice (?:is|'s)|immigration (?:is|'s)|la migra (?:esta|anda)|"
            r"estan|andan|la migra|migracion esta) (?:here |aqui |aca |right now |ahorita |now )*"
            r"(?:at|in|en|inside) (?:the |el |la |our |my |mi |nuestr[oa] )?(?:\w+ )?"
            r"(?:plant|planta|farm|rancho|ranch|fields?|campo|fil|pisca|poultry|packing|"
            r"empacadora|dairy|lecheria|warehouse|bodega|factory|fabrica|jobsite|job site|job|"
            r"trabajo|obra|site|construction|orchard|huerta|nursery|vivero|restaurant|"
            r"restaurante|meatpacking|carniceria|chicken plant|pollera|invernadero|greenhouse)",
        ],
        raid=True,
        needs=_RAIDERS,
    ),
    *_cues(
        Concept.RAID,
        [
            # a place surrounded, people pulled out: "rodearon la traila", "surrounded the
            # apartments", "están sacando a la gente"
            r"(?:surround\w*|rodea\w*|rodeando|rodearon|cercaron|cercando|blocked off|bloquearon) "
            r"(?:(?:the|all the|la|el|los|las|toda la|todo el) )?(?:\w+ )?(?:trailers?|trailas?|"
            r"traila|trailer park|park|parque|apartments?|apartamentos?|complex|building|edificio|"
            r"house|casa|neighbou?rhood|colonia|barrio|street|calle|yard|yarda|site|obra|plant|"
            r"planta|fabrica|factory|farm|rancho|campo|lot|community|comunidad|mobile homes?|"
            r"space|espacio)",
            # the agency at the door now: "ICE is outside", "la migra está afuera"
            r"(?:la migra|migracion|inmigracion|ice|immigration|the sheriff|el sheriff|deputies|"
            r"la policia|police|the cops) (?:esta|estan|is|are|'s|s) (?:right |aqui |alli |ahi )?"
            r"(?:afuera|outside|at the door|at our door|en la puerta|en la entrada)",
        ],
        raid=True,
        needs=_RAIDERS,
        # a place surrounded, the agency at the door: so until someone says they left (a time
        # said decides: "el año pasado rodearon la traila" is over)
        standing=True,
    ),
    # --- a medical need, described
    *_cues(
        Concept.MEDICAL,
        [
            r"(?:won'?t|will not|don'?t|do not|didn'?t|did not|not|aren'?t|are not|isn'?t|is not|"
            r"refuse to|refused to|refusing to|wouldn'?t|would not|never) (?:let (?:him|her|them|me) "
            r"(?:have|take|get)|giv(?:e|ing)|gave|bring(?:ing)?|allow(?:ing)?)"
            r" {w}(?:{meds}|it|a doctor|doctor|nurse|medical)",
            r"no {pron} (?:dan|dieron|dejan|quieren dar|han dado|permiten|llevan|traen|daban)"
            r" {w}(?:{meds}|doctor|medico|enfermera|atencion)",
            r"{meds} {w}(?:is|are|was|were|esta|estan|se quedo|se quedaron|quedo) (?:at home|"
            r"en (?:la )?casa|home|en el carro|in the car)",
        ],
        negation_inside=True,
    ),
    *_cues(
        Concept.MEDICAL,
        [
            # without it while held or moved: "has no medication", "no tiene su medicina", "left
            # his inhaler behind" (a page-out only while someone is held: a child who forgot his
            # inhaler at school is worth a check)
            r"(?:has no|have no|doesn'?t have|does not have|don'?t have|didn'?t bring|no tiene|"
            r"no tienen|no trae|no lleva|no llevo|no se llevo) (?:(?:his|her|their|any|su|sus) )?{meds}",
            r"(?:can'?t|cannot|can not|isn'?t able to|is not able to|no puede|no pueden|no ha podido) "
            r"(?:get|have|take|conseguir|tomar|tener|recibir) {w}{meds}",
            r"(?:left|forgot|dejo|olvido|se le olvido|se le quedo) (?:(?:his|her|their|su|sus) )?{meds}|"
            r"{meds} (?:was |were |got )?left behind",
        ],
        negation_inside=True,
        with_custody=True,
        standing=True,  # "left his inhaler at home": still without it until someone brings it
    ),
    *_cues(
        Concept.MEDICAL,
        [
            r"(?:without|no access to|ran out of|out of|denied|denying|withholding|withheld|"
            r"took away|took|taken|sin|le quitaron|me quitaron|les quitaron|"
            r"quitaron) {w}{meds}",
            r"(?:needs?|necesita|necesitan|needed) {w}(?:{meds}|a doctor|doctor|ambulance|"
            r"hospital|medico|ambulancia)",
            r"(?:medical emergency|heart attack|seizures?|having a seizure|can'?t breathe|"
            r"cannot breathe|could not breathe|trouble breathing|chest pains?|unconscious|"
            r"passed out|fainted|faint|bad cramps|cramps|cramping|miscarriage|"
            r"vomiting|throwing up|fever|blood sugar|asthma attack|overdose|very sick|really sick|"
            r"emergencia medica|ataque|infarto|convulsion(?:es)?|no puede respirar|"
            r"inconsciente|se desmayo|desmayad[oa]|dolor de pecho|coma diabetico|"
            r"colicos|sangrado|aborto|vomitando|calentura|fiebre|"
            r"azucar|muy enferm[oa]|grave)",
        ],
    ),
    *_cues(
        Concept.MEDICAL, [r"(?:pregnant|embarazada|diabetic|diabetic[oa]|epileptic)"], weak=True
    ),
    # --- danger
    *_cues(
        Concept.DANGER,
        [
            r"(?:knows?|found out|finds out|sabe|supo|encontro) {w}(?:where|donde) "
            r"{w}(?:i am|i'm|im|i live|i stay|i'm staying|i am staying|we are|we live|estoy|vivo|"
            r"estamos|vivimos|me quedo|me estoy quedando)",
            r"(?:threaten\w*|amenaz\w+) {w}(?:to |con |de )?(?:kill|hurt|(?:matar|lastimar)(?:me|nos|la|lo)?|call ice|"
            r"llamar a (?:la )?migra\w*|deport\w*)",
            r"(?:looking for me|following me|me esta buscando|me busca|me sigue|outside my (?:house|door))",
            r"(?:keeps?|kept|holds?|holding|guarda|guardan|guardo|se quedo con|se quedaron con) "
            r"(?:(?:me|us) )?(?:(?:my|our|his|her|their|all our|mi|mis|nuestros?|nuestras?|sus?|los|"
            r"las|el|the) )(?:passports?|papers|documents|pasaportes?|papeles|documentos|ids)",
            r"(?:makes? (?:me|us|them|her|him) work|forces? (?:me|us|them|her|him) to work|force (?:me|us) to work|"
            r"forced to work|(?:me|nos|los|las|la|lo) (?:obliga|obligan|hace|hacen|pone|ponen) (?:a )?trabajar|"
            r"me obligan|nos obligan|pay off (?:the |a )?debt|pagar la deuda)",
            r"(?:afraid|scared|miedo|asustad[oa]) {w}(?:to (?:be here|go home|stay)|tonight|esta noche|"
            r"de (?:estar aqui|quedarme|quedarnos|regresar|volver)|que (?:me|nos) (?:encuentre|mate|haga))",
        ],
    ),
    *_cues(
        Concept.DANGER,
        [
            # Papers taken: an officer at a stop takes them too; trafficking when work is told.
            r"(?:took|takes|take|taking|keeps|has|have|had|tiene|tienen|tenia|tenian|quito|quitaron|quita|quitan|le quita|le quito) (?:(?:me|us|her|him) )?(?:(?:my|our|his|her|"
            r"their|mi|mis|nuestros?|nuestras?|sus?|los|las|el|the) )(?:passports?|papers|documents|"
            r"pasaportes?|papeles|documentos|ids)(?! (?:and|y) (?:gave|returned|devolvio|regreso))",
        ],
        needs="{employer}",
        standing=True,  # the papers stay kept until they are given back
    ),
    *_cues(
        Concept.DANGER,
        [
            # Not let to leave where work or a debt is told: confinement, not a traffic stop.
            r"(?:can'?t|cannot|can not|no podemos|no puedo|not allowed to) (?:leave|go anywhere|"
            r"salir|irnos|irme)",
        ],
        negation_inside=True,
        needs="{employer}",
    ),
    *_cues(
        Concept.DANGER,
        [
            # Withheld papers and confinement say their own "no": it is the danger, not its denial.
            r"(?:won'?t give (?:back )?|will not give (?:back )?|wont give (?:back )?|"
            r"no (?:me|nos) (?:da|dan|quiere dar|quieren dar|devuelve|devuelven|regresa|regresan)) "
            r"(?:(?:me|us) )?(?:(?:my|our|his|her|their|mi|mis|nuestros?|nuestras?|sus?|los|las|el|"
            r"the) )(?:passports?|papers|documents|pasaportes?|papeles|documentos|ids)",
            r"(?:won'?t|will not|doesn'?t|does not|don'?t) let (?:me|us) (?:leave|go)(?! home early)|"
            r"no (?:me|nos) (?:deja|dejan) (?:salir|irnos|irme)",
        ],
        negation_inside=True,
    ),
    *_cues(
        Concept.DANGER,
        [
            # A threat stands until something ends it: sent last week, still a danger now.
            r"(?:sent|sends|sending|texted|texting|mando|manda|envio|envia|posted) {w}(?:a |una )?"
            r"(?:photo|picture|pic|foto|video|imagen) {w}(?:of|de) (?:my|our|the|mi|nuestra|la|el) "
            r"(?:\w+ )?(?:door|house|home|car|window|apartment|building|work|job|school|puerta|casa|"
            r"carro|ventana|departamento|apartamento|edificio|trabajo|escuela)",
            r"(?:knows?|found|has|got|sabe|tiene|encontro|consiguio|averiguo) {w}(?:my|our|the|mi|"
            r"nuestra|la|el|what|which|que|cual|en que) (?:new |nueva )?(?:address|direccion|"
            r"domicilio|apartment|shelter|refugio|albergue|location|ubicacion|nueva direccion)",
            # where she is, sent to her: "me acaba de mandar la dirección exacta de donde estoy"
            # (not the reporter's own: "I sent the lawyer the address of where I live")
            r"(?<!\bi )(?<!\bwe )(?<!\bi just )(?<!\bwe just )(?<!\bi also )"
            r"(?:sent|sends|send|texted|texts|messaged|mando|manda|mandar|envio|envia|enviar|mandaron|enviaron) "
            r"{ww}(?:address|direccion|domicilio|location|ubicacion)(?: exacta| exact)? "
            r"{w}(?:where|donde) {w}(?:i am|i'm|im|i live|i stay|i'm staying|i am staying|we are|"
            r"we're|we live|estoy|vivo|estamos|vivimos|me quedo|me estoy quedando|nos quedamos)",
            r"(?:coming (?:for|after) me|coming to (?:get|find|kill) me|viene por mi|"
            r"va a venir por mi|viene a buscarme)",
            # A threat to kill, said as what he will do; it stands until she is safe: "he'll kill me", "me va a matar si regreso".
            r"(?:kill|hurt|murder) (?:me|us|her|my \w+)|"
            r"(?:me|nos|la|te) (?:va|van|iba|iban|vaya) a (?:matar|lastimar|desaparecer)|"
            r"(?:matarme|matarnos|me mata|me matara|nos mata|me matan)|"
            r"(?:amenaz\w* de muerte|death threats?|threaten\w* (?:my|our|her) li(?:fe|ves))",
        ],
        standing=True,
    ),
    *_cues(
        Concept.DANGER,
        [
            # The abuser out of jail: a danger that stands until she is safe, worth a look alone.
            r"(?:abuser|abusive (?:ex|husband|partner|boyfriend)|agresor|abusador|my ex|mi ex|"
            r"ex-?(?:husband|boyfriend|partner|esposo|novio|pareja)|expareja|exesposo|exnovio|"
            r"the man who (?:hurt|hit|beat|abused)|el que me (?:pegaba|golpeaba|maltrataba)) "
            r"{ww}(?:got out|gets out|is out|was released|released|let (?:him|her) out|salio|sale|"
            r"soltaron|dejaron libre|esta libre|is free|out on (?:bail|bond)|bailed out)",
        ],
        weak=True,
        standing=True,
    ),
    *_cues(
        Concept.DANGER,
        [
            r"(?:trafficking|trafficked|traffickers?|trata de personas|trata|tratantes?)",
            r"(?:domestic violence|abuser|abusive|violencia domestica|agresor|abusador|"
            r"me pega|me golpea|beats me|hits me|survivor|sobreviviente)",
        ],
        weak=True,
    ),
    # --- a child without a caregiver
    *_cues(
        Concept.CHILD,
        [
            # their ages said in brackets between: "her three kids (6, 9 and 11) are home by themselves"
            r"{kid}(?: \((?:ages? |edades? |de )?[\d ,/&y-]*(?:and|y)?[\d ,]*(?: years?| anos)?\))? "
            r"{w}(?:alone|by themselves|by himself|by herself|solos?|solas?|sin nadie|"
            r"sin (?:sus )?(?:papas|padres|mama|papa))",
            r"(?:left|dejaron|dejo|quedaron|se quedaron) {w}{kid} {w}(?:alone|solos?|solas?)",
        ],
        standing=True,  # a child left alone stays alone until someone says otherwise
    ),
    *_cues(
        Concept.CHILD,
        [
            r"(?:nobody|no one|noone|nadie|no (?:one|hay nadie)|no tienen? (?:a )?(?:quien|nadie)"
            r"|no hay quien|sin quien) {w}(?:to |que |para |quien |que los |que las |quien (?:los|las) )?"
            r"(?:pick|take care|watch|look after|keep|get|recoja|recoger|cuide|cuidar|vea|ver por|"
            r"recogio|cuida|recoge|los recoja|las recoja|los cuide)",
            r"(?:can'?t|cannot|can not|no puede|no pueden) (?:keep|watch|take|cuidar(?:los|las)?|"
            r"quedarse con) (?:them|the kids|the children|los ninos|a los ninos)?",
            r"(?:kids?|children|ninos|hijos) {w}(?:waiting|esperando) {w}(?:school|escuela)",
            r"{kid} {ww}(?:nobody|no one|nadie|no hay nadie) (?:is |esta |estaba |was )?(?:there|home|ahi|en (?:la )?casa)",
        ],
        negation_inside=True,
    ),
    *_cues(
        Concept.CHILD,
        [
            # left with a minor: "with the neighbor girl who is 12", "con la vecinita de 12
            # años", "with my 13 year old niece" (an emergency while the parent is held)
            r"{kid} {w}(?:with|con|staying with|se quedo con|se quedaron con) {ww}(?:(?:who|que|she|he|"
            r"ella|el) (?:is|'s|s|tiene|has) (?:only |just |apenas |nomas |solo |solamente )?|"
            r"(?:de|only|apenas|nomas|solo) )(?:[1-9]|1[0-5]|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|nueve|diez|once|doce|trece|catorce|quince)(?![\w'])(?! (?:dollars|"
            r"dolares|minutes|minutos|hours|horas|days|dias|blocks|cuadras|miles|millas))|"
            r"{kid} {w}(?:with|con) {ww}(?:[1-9]|1[0-5]|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen)[- ]?(?:years?|yrs?|yr)[- ]?old",
        ],
        with_custody=True,
        standing=True,
    ),
    *_cues(
        Concept.CHILD,
        [
            # no adult at all: "no adult in the house", "sin un adulto", "no hay ningún adulto"
            r"(?:no|without|not (?:a|one|any)|sin|no hay|sin ningun|ningun|no queda|no quedo) "
            r"(?:other |single |otro |un |una |ningun |ninguna )?(?:adults?|grown-?ups?|grownups|"
            r"adult[oa]s?|mayor(?:es)? de edad|persona mayor|guardian|tutor)",
        ],
        negation_inside=True,
        standing=True,  # without an adult until someone says one came
    ),
    *_cues(
        Concept.CHILD,
        [
            r"(?:sitter|babysitter|baby ?sitter|nanny|neighbou?rs?|vecin[oa]s?|ninera|la senora|"
            r"(?:my|our|a|the|their|mi|la|una|su|nuestra) (?:\w+ )?(?:aunt|tia|grandma|grandmother|"
            r"abuela|cousin|prima|sister|hermana|cunada|sister-in-law|roommate|comadre)|"
            r"the lady|the woman|(?:my|a|our) friend|amig[oa]|comadre|cuidadora?|caretaker|"
            r"(?:who|que) (?:watch(?:es)?|is watching|(?:me |nos )?cuida|cuidan|esta cuidando|"
            r"takes care|look(?:s)? after)) {ww}(?:leaves|is leaving|has to leave|have to leave|"
            r"needs to leave|must leave|goes home|has to go|can only (?:stay|keep|watch)|"
            r"only (?:until|till|til)|can'?t stay|cannot stay|won'?t stay|se va|se tiene que ir|"
            r"until (?:her|his|my) (?:\w+ )?shift|hasta (?:que (?:entra|empieza|se va) (?:a )?"
            r"(?:trabajar|su turno)|su turno)|"
            r"se regresa|tiene que irse|se tiene que regresar|solo (?:hasta|puede)|nomas hasta|"
            r"no puede quedarse|no se puede quedar|ya no puede)",
        ],
        negation_inside=True,
        needs="{kid}",
        with_custody=True,
        standing=True,  # "can watch them only until her shift": a limit that stands from now
    ),
    # --- a citizenship claim
    *_cues(
        Concept.CITIZEN,
        [
            r"(?:u\.?s\.?|us|american|united states|usa|estadounidense) (?:citizens?|passport)",
            r"(?:is|am|are|i'm|im|he's|hes|she's|shes|we're|they're|was|be) (?:a |an )?citizens?",
            r"(?:born|nacio|naci|nacieron|nacido|nacida) (?:here|aqui|(?:in|en) (?!(?:mexico|"
            r"guatemala|honduras|el salvador|salvador|venezuela|cuba|colombia|ecuador|nicaragua|"
            r"peru|another|otro|su pais|my country|mi pais)\b)\w+)",
            r"(?:soy|es|somos|son|era|eres) ciudadan[oa]s?(?! (?:mexican|guatemal|hondure|"
            r"salvadore|venezolan|cuban|colombian|ecuatorian|nicaraguense|peruan|dominican|"
            r"de (?:mexico|guatemala|honduras|el salvador)))",
            r"ciudadan[oa]s? (?:americano|americana|americanos|estadounidenses?|de (?:los )?"
            r"estados unidos|de usa)",
            r"(?:pasaporte|passport) (?:americano|estadounidense|us|u\.s\.)",
        ],
    ),
    # --- an injury
    *_cues(
        Concept.INJURED,
        [
            r"(?:bleeding|injured|hurt|wounded|beaten(?: up)?|bruised|bruises|concussion|black eye|"
            r"broken (?:arm|leg|nose|ribs?|wrist|hand|jaw)|broke (?:his|her|my|their) \w+|"
            r"sangrando|herid[oa]s?|lastimad[oa]s?|golpead[oa]s?|moretones|moreton|fractura\w*|"
            r"hinchad[oa])",
            r"(?:beat|hit|punched|kicked|choked|tased|tasered|slammed|pepper[- ]sprayed|threw)"
            r" (?:him|her|them|me|my \w+)",
            r"{pron} (?:golpearon|pegaron|patearon|lastimaron|ahorcaron|tumbaron|aventaron|"
            r"rompieron|hirieron|dieron una golpiza|tiraron al suelo)",
        ],
    ),
]

# --- time -----------------------------------------------------------------------------------

MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    r"diciembre)"
)
UNITS_LONG = r"(?:years?|months?|weeks?|anos?|meses|mes|semanas?)"
# A detention told as a period that closed: the treatment "received during his detention".
DETENTION_PAST = (
    r"(?:durante|during|throughout) (?:su|his|her|my|mi|the|la|el|their|our) (?:\w+ )?(?:detencion|"
    r"detention|arresto|arrest|encarcelamiento|incarceration|custodia|custody|encierro|"
    r"stay (?:in|at) (?:the )?(?:\w+ )?jail|time (?:in|at) (?:the )?(?:\w+ )?(?:jail|custody))|"
    r"(?:while|when|mientras|cuando) (?:[\w']+ ){0,2}?(?:was|were|estuvo|estuve|"
    r"estuvimos|estuvieron) (?:detained|held|locked up|in (?:the )?(?:\w+ )?(?:jail|custody|detention)|"
    r"detenid[oa]s?|pres[oa]s?|encerrad[oa]s?|en (?:la )?(?:\w+ )?(?:carcel|custodia|detencion))"
)
# Over: a time in the past that is not today.
PAST_TIME = [
    rf"(?:\w+|a|one|two|three|several|many|few|un|una|dos|tres|varios|varias|\d+) {UNITS_LONG} ago",
    rf"hace (?:\w+ )?(?:\w+ )?{UNITS_LONG}",
    r"(?:last|this past) (?:year|month|week|summer|winter|spring|fall|time)",
    r"(?:el|la) (?:ano|mes|semana|verano|invierno) pasad[oa]",
    r"(?:el|del) (?:ano|mes) (?:antepasado|anterior)",
    rf"(?:in|en|back in|since|desde|durante|during) (?:the |el |del )?(?:late |early )?(?:year |ano )?(?:(?:19|20)\d\d|{MONTHS})",
    # a year told as when it began or was: "a detainer on him from 2014", "el hold del 2016"
    # (not a sum: "una fianza de 2000", "bond for 2000 dollars")
    r"(?:from|del|around|circa|para|by) (?:the |el )?(?:year |ano )?(?:19|20)\d\d(?! ?(?:dolares|dollars|"
    r"bucks|pesos|dls|usd|dlls))",
    # a month told as gone by: "last March", "this past October", "el pasado marzo", "en octubre pasado"
    rf"(?:last|this past) {MONTHS}|(?:el|en el) pasado {MONTHS}|{MONTHS} (?:pasado|del ano pasado)",
    rf"(?:on|el) \d{{1,2}} (?:of |de )?{MONTHS}",
    rf"{MONTHS} \d{{1,2}}",
    r"(?:years|anos) (?:ago|back|atras)",
    r"(?:a long time|a while) ago|hace (?:mucho|tiempo|rato largo)|back then|en ese entonces|"
    r"when i was (?:a kid|little|young)|cuando (?:era|estaba) (?:nin[oa]|chic[oa]|joven)",
    r"(?:once|una vez) (?:before|antes)",
    # a detention named as a closed period: "durante su detención", "during his detention",
    # "while he was detained", "cuando estuvo preso" (a present verb keeps it going: situation.py)
    DETENTION_PAST,
]
# Ongoing: the situation holds at the time of writing.
NOW_TIME = [
    r"(?:right now|now|currently|at the moment|en la manana|as we speak|as i write|still|ahorita|ahora|"
    r"ahora mismo|en este momento|todavia|aun|sigue|siguen|tonight|today|this morning|"
    r"esta madrugada|en la madrugada|de madrugada|early this morning|"
    r"this afternoon|this evening|hoy|esta manana|esta tarde|esta noche|anoche|last night|"
    r"yesterday|ayer|just now|recien|acaba de|acaban de|just|an hour ago|a few hours ago|"
    r"hours ago|minutes ago|hace (?:un rato|una hora|unas horas|\w+ horas|\w+ minutos|poco)|"
    r"since (?:yesterday|last night|this morning|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|the weekend|the \w+)|desde (?:ayer|anoche|esta manana|hoy|el (?:lunes|"
    r"martes|miercoles|jueves|viernes|sabado|domingo)|el fin de semana))",
    # written as texted or spoken: "rn", "atm", "orita", "2day", a scene told while it goes on
    # (not the machine nor the nurse: "at the atm", "she is an rn")
    r"(?:(?<!the )(?<!an )(?<!a )(?<!el )(?<!un )(?<!una )(?<!la )(?:rn|atm)|rite now|rigth now|ryt now|rn rn|asap|orita|oritita|ahoritita|ahoritica|"
    r"ahorititita|ahora mero|ahorita mero|este mero momento|2day|tdy|"
    r"yday|ystrdy|last nite|as we talk|as i type|as i text|while (?:we talk|i type|i write)|"
    r"mientras (?:hablamos|escribo|te escribo|le escribo|les escribo)|en curso|in progress|"
    r"happening now|going on now|esta pasando|estan pasando|en vivo)",
]
# Coming: about to happen.
SOON_TIME = [
    r"(?:tomorrow|tmrw|tmr|tonight|soon|later today|in the morning|this week|next week|"
    r"this weekend|any (?:minute|moment|day)|before (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|the weekend)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: morning| night)?|"
    r"in \w+ (?:hours?|days?)|within \w+ (?:hours?|days?)|"
    r"manana|pasado manana|esta noche|pronto|al rato|esta semana|la proxima semana|"
    r"el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|en \w+ (?:horas|dias)|"
    r"antes del? (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin de semana)|"
    r"(?:este|el proximo|el otro) fin de semana|"
    # ("going to work", "going to the store" is where, not when)
    r"going to(?! (?:work|school|church|the|a|an|my|his|her|our|their)(?![\w']))|gonna|about to|will|'ll|scheduled|is coming|are coming|va a|van a|vamos a|"
    r"2morrow|2moro|2mrw|tmrrw|tomoro|tomorow|tmw|tomorrw|mnn|ya mero|en un rato|2nite|2night|"
    r"tonite|tnite|"
    r"esta por|estan por|programad[oa]|ends? tonight|runs? out|se vence|se acaba|expires?)",
]
# The abuser named as the one held: "the abuser was arrested and is in jail now", "my ex is in
# prison" (with the reporter safe, no one to help out of custody even where no threat was told).
ABUSER_NAMED_HELD = (
    r"(?:abuser|agresor|abusador|my ex|mi ex|ex-?(?:husband|boyfriend|partner|esposo|novio)|exesposo|"
    r"exnovio|expareja|el que me (?:pegaba|golpeaba|maltrataba)|the (?:man|guy) who (?:hurt|hit|beat|"
    r"abused) me) {ww}"
    r"(?:arrested|locked up|in jail|in prison|behind bars|detenido|arrestado|preso|encerrado|"
    r"en la carcel|en la prision)"
)
# The abuser locked up ("he is in prison in another state"): her danger over, and the one held
# is not someone who needs help.
ABUSER_HELD = (
    r"(?:he|he'?s|hes|el|esta) {w}(?:in|en) (?:prison|jail|la carcel|la prision|prision)|"
    # "he got locked up", "lo metieron a la cárcel", "ya está preso"
    r"(?:he|el) (?:got|was|went|fue) (?:locked up|sent to (?:jail|prison)|put (?:in|behind) "
    r"(?:jail|prison|bars)|to (?:jail|prison)|a la (?:carcel|prision))|"
    r"lo (?:metieron|encerraron|mandaron) (?:a|en) la (?:carcel|prision)|(?:ya )?esta pres[oa]|"
    + ABUSER_NAMED_HELD
)
# A hearing or an appointment cancelled is no hold lifted: "bond hearing got cancelled", "se
# canceló la audiencia" leaves the hand-over to go ahead.
_HEARING = (
    r"(?:hearing|court date|court|appointment|interview|check-?in|bond|audiencia|cita|corte|"
    r"entrevista|fianza)"
)
_NOT_A_HEARING_BEFORE = "".join(
    rf"(?<!{word}{link})"
    for word in ("hearing", "court date", "appointment", "interview", "check-in", "checkin")
    for link in (" ", " was ", " got ", " is ", " has been ", " had been ", " were ")
) + "".join(
    rf"(?<!{word} se )(?<!{word} fue )(?<!{word} )"
    for word in ("audiencia", "cita", "corte", "entrevista")
)
_CANCELLED = (
    _NOT_A_HEARING_BEFORE
    + r"(?:cancel(?:l)?ed|cancelaron|cancelo)(?! (?:(?:the|his|her|my|our|their|la|el|su|"
    r"mi) )?(?:\w+ )?" + _HEARING + r")"
)
# The situation ended ("ya lo soltaron", "he's home now", "ya sané"): cancels its concept.
RESOLVED = {
    Concept.IN_CUSTODY: [
        # out on bond: "he bonded out Sunday", "out on bail now", "released on his own recognizance"
        r"(?:bonded (?:him |her |them )?out|bond(?:ed)? (?:him|her|them) out|out on (?:bond|bail)|"
        r"sali[oa] (?:bajo|con) (?:fianza|bono|fiador)|"
        r"made bond|posted (?:his |her |the )?bond|released on (?:bond|bail|(?:his|her) own recognizance)|"
        r"released(?! (?:to|into|a) )|let (?:him|her|them|me|us) (?:go|out|leave)|got out|bailed "
        r"(?:him |her |them |me )?out|posted bail|made bail|is home|are home|he'?s home|she'?s home|"
        r"(?:is|are|he'?s|she'?s|got|came) back home|(?:is|are|he'?s|she'?s) free|they let \w+ go|"
        r"soltaron(?! a (?:ice|migracion|la migra|inmigracion))|liberaron|{pron} dejaron (?:ir|salir)|ya salio|salio libre|salio de|"
        r"pagamos (?:la )?fianza|pague (?:la )?fianza|ya esta (?:en (?:la )?casa|libre|afuera|con nosotros)|"
        r"ya (?:lo|la|los) (?:soltaron|liberaron|dejaron)|ya regreso|regreso a (?:la )?casa|"
        r"esta libre|salieron|"
        # out the same day: "salió ese mismo día", "got out that same day"
        r"sali[oa] (?:ese|esa|el|la) (?:mism[oa] )?(?:dia|noche|tarde|manana)|"
        r"(?:is|are|he'?s|she'?s|hes|shes|they'?re|theyre) (?:back )?at home|"
        # "my uncle came home Tuesday after 3 days in the county jail" (not "I came home from work")
        r"(?<!\bi )(?<!\bwe )(?:came|got|come|comes|gets) (?:back )?home(?! (?:from|to) (?:work|school|the store))|"
        r"(?:llego|volvio|regresaron|llegaron|volvieron) a (?:la )?casa|"
        # back with the family: "he is back with us now", "ya está de regreso con nosotros"
        r"(?:is|are|he'?s|she'?s|they'?re|got|came) back with (?:us|me|the family|his family|"
        r"her family|the kids)|ya (?:esta|estan) (?:de (?:vuelta|regreso) )?con nosotros|"
        r"(?:esta|estan) de (?:vuelta|regreso)|"
        # let go from the stop: "let him drive home", "lo dejó ir manejando", "sent him home"
        r"let (?:him|her|them|me|us) (?:drive|walk|head|go|leave) (?:\w+ )?(?:home|away|off|on)|"
        r"let (?:him|her|them|me|us) off|sent (?:him|her|them|me|us) home|"
        r"{pron} (?:dejo|dejaron|dejan) (?:ir|irse|salir|libre|en libertad|seguir|manejando)|"
        r"{pron} mandaron (?:a|para) (?:la )?casa)",
    ],
    Concept.TRANSFER: [
        r"(?:dropped|lifted|"
        + _CANCELLED
        + r"|withdrawn|no (?:ice |immigration |inmigracion |migracion )?(?:hold|detainer)|won the case|"
        # the hold ran out with nobody taken: "the 48 hours passed", "ICE never came"
        r"(?:hours?|horas) (?:passed|went by|were up|are up|ran out|pasaron|se pasaron|se cumplieron)|"
        r"(?:no|ice|immigration) (?:never )?(?:came|showed up)|ice never came|nunca (?:vino|llego) "
        r"(?:la migra|migracion|ice)|(?:la migra|migracion|ice) nunca (?:vino|llego)|"
        r"(?:pasaron|se pasaron|se cumplieron) (?:las )?(?:24|48|72) horas|"
        r"(?:is|are|he'?s|she'?s) (?:back )?home (?:safe|now)|"
        r"levantaron|"
        + _CANCELLED
        + r"|quitaron (?:el|la) (?:hold|detainer|retencion|orden)|ya paso|"
        # a hold taken off, void: "se lo quitaron", "his lawyer says it's void", "ya no vale"
        r"se (?:lo|la) (?:quitaron|quito|levantaron|"
        + _CANCELLED
        + r")|(?:lo|la) (?:quitaron|anularon)|"
        r"(?:is|it'?s|its|was|are|were|es|esta|quedo) (?:null and )?(?:void|invalid|null|anulad[oa]|"
        r"nul[oa])|(?:ya )?no (?:vale(?! la pena)|es valid[oa]|is valid|was valid)|(?:void|voided|anulado|"
        r"anularon)|"
        # the person home: "he's at home", "she is at home with us"
        r"(?:is|are|he'?s|she'?s|hes|shes|they'?re|theyre) (?:back )?at home|"
        # a hold that ended: "it ended in 2021 when the judge granted asylum", "se terminó"
        r"(?:it|that|which|the (?:hold|detainer)|hold|detainer) (?:was |got |had |has )?(?:ended|"
        r"expired|lifted|dropped|went away|" + _CANCELLED + r")|(?:it|that) (?:is|was) over|"
        r"se (?:termino|acabo|vencio|" + _CANCELLED + r"|levanto|quito|cayo)|quedo sin efecto|"
        r"granted (?:him |her |them )?(?:asylum|status|residency|a visa|a green card|relief)|"
        r"got (?:his|her|their) (?:green card|papers|residency|asylum|status)|"
        r"(?:le|les) (?:dieron|otorgaron|aprobaron) (?:el |la |su )?(?:asilo|residencia|papeles|visa)|"
        r"gano (?:su|el) caso|won (?:his|her|their) case|"
        # a removal that is over, the person arrived: "he is safe there", "está a salvo allá"
        r"(?:is|are|he'?s|she'?s|they'?re|hes|shes) (?:safe|fine|ok|okay|doing (?:fine|well|ok|good)) "
        r"(?:now )?(?:there|over there|in (?!(?:jail|custody|detention|prison|the|a|an|ice|county)\b)\w+)|"
        r"arrived (?:there )?safe(?:ly)?|made it there|llego (?:bien|a salvo)|"
        r"(?:ya )?(?:esta|estan) (?:bien|a salvo) (?:alla|en (?!(?:la|el|los|las|detencion|custodia)\b)\w+)|"
        # home and free: nobody left to transfer
        r"(?:is|are|he'?s|she'?s|got|came) back home|(?:he'?s|she'?s|is|are) home now|"
        r"ya esta (?:en (?:la )?casa|libre|con nosotros)|"
        r"(?:is|are|he'?s|she'?s|they'?re|got|came) back with (?:us|me|the family))",
    ],
    Concept.MEDICAL: [
        r"(?:healed|recovered|is fine now|is okay now|is ok now|feels better|got (?:his|her|my|their)"
        r" (?:medicine|meds|insulin|medication)|gave (?:him|her|me|them) (?:his |her |my |their )?"
        r"(?:medicine|meds|insulin|medication)|ya sane|ya se recupero|ya esta bien|ya le dieron|"
        r"sane|me recupere|ya me dieron|"
        # "he was fine", "el doctor dice que está bien" (not "no está bien")
        r"(?:he|she|they|he'?s|she'?s|they'?re) (?:was |were |is |are )?(?:fine|ok|okay|alright|all right)|"
        r"(?:dice|dicen|dijo) que (?:esta|estaba|quedo) bien)",
    ],
    Concept.INJURED: [
        r"(?:healed|recovered|ya sane|sane|me recupere|ya se recupero|ya estoy bien|ya esta bien|"
        r"i'?m fine now|is fine now)",
    ],
    Concept.DANGER: [
        ABUSER_HELD,
        r"(?:(?:is|i'?m|am|we'?re|are|she'?s|he'?s) safe(?: now)?|moved away|far away|in prison now|"
        # the reporter far from him now: "I moved to another state", "vivo en otro estado"
        r"(?:moved|move|me mude|nos mudamos|me fui|nos fuimos|me vine|nos venimos) (?:to|a|para) "
        r"(?:another|a different|otro|otra) (?:state|city|country|estado|ciudad|pais)|"
        r"(?:i|we) (?:now )?live (?:in )?(?:another|a different) (?:state|city|country)|"
        r"(?:vivo|vivimos) (?:ahora )?(?:en )?(?:otro|otra) (?:estado|ciudad|pais)|vivo lejos|"
        r"(?:me|nos) (?:mude|mudamos|cambie|cambiamos) de (?:estado|ciudad|pais)|moved out of state|"
        r"esta a salvo|estoy a salvo|estamos a salvo|ya estoy bien|ya no me busca|lejos de el|"
        r"ya no vive)",
    ],
    Concept.CHILD: [
        r"(?:with (?:their|his|her|my|our) (?:grandma|grandmother|aunt|tia|abuela|mom|dad|mother|"
        r"father|other parent)|con (?:su|sus|mi) (?:abuela|abuelos|tia|tio|mama|papa)|"
        r"(?:picked|recogio|recogieron) (?:them|the kids|los ninos|a los ninos))",
    ],
    # The reporter, a citizen, questioned and sent on: "me dio la multa y me fui", "let me go".
    Concept.CITIZEN: [
        r"(?:let me (?:go|leave|drive (?:off|away|home)|off)|sent me (?:home|on my way)|"
        r"(?:and|then|so) i (?:left|drove (?:off|away|home)|went home)|i was free to go|"
        # (spaCy may cut a last "ir" into a sentence of its own: "me dejo" at the end is the same)
        r"me (?:dejo|dejaron)(?: (?:ir|irme|seguir|en paz|libre)|\W*$)|me solt(?:o|aron)|"
        r"(?:y|luego|despues) (?:ya )?me fui|me mandaron a (?:mi )?casa)",
    ],
}

# Who comes for children left alone: a relative, a godmother, a neighbour.
_CARER = (
    r"(?:tia|tio|abuel[oa]s?|suegr[oa]|herman[oa]|cunad[oa]|prim[oa]|vecin[oa]|madrina|padrino|"
    r"comadre|compadre|mama|papa|madre|padre)(?![\w'])"
)
_CARER_EN = (
    r"(?:aunt|uncle|grandma|grandmother|grandpa|grandfather|grandparents|mother-in-law|"
    r"sister-in-law|brother-in-law|sister|brother|cousin|neighbou?r|godmother|godfather|mom|"
    r"mother|dad|father)"
)
# A custody told in the past tense ends when the reporter says how the person is now ("they
# kept him two hours yesterday ... he's ok"); told in the present ("he's in jail but he's ok") it
# does not.
RESOLVED_PAST = {
    Concept.IN_CUSTODY: [
        r"(?:he|she|they|he'?s|she'?s|they'?re|hes|shes|theyre|el|ella) (?:is |are |esta |estan )?"
        r"(?:ok|okay|fine|alright|all right|good|safe|bien)(?! (?:but|pero))|(?:ya )?(?:esta|estan) bien|"
        r"todo (?:esta |salio )?bien",
    ],
    # Children left alone in the past, then someone came for them: "al otro día vino mi tía y se
    # los llevó", "hasta que llegó mi suegra", "the next day my aunt came and took them" (told
    # in the present, "my sister came but she has to leave", the later words still count).
    Concept.CHILD: [
        r"(?:vino|llego|paso|vinieron|llegaron|pasaron) (?:por ellos |por ellas |a recogerlos |"
        r"a recogerlas )?(?:mi|su|sus|la|el|los|nuestra|nuestro|nuestras|nuestros) (?:\w+ )?"
        + _CARER
        + r"|"
        + _CARER
        + r" (?:\w+ )?(?:vino|llego|paso) (?:por ellos|por ellas|a recogerlos|"
        r"a recogerlas|y se (?:los|las) llevo)|"
        r"(?:my|our|their|his|her|the) (?:\w+ )?" + _CARER_EN + r" (?:came|arrived|showed up|"
        r"picked them up|took them|came over|came and (?:took|got|picked up) them)|"
        # "until a neighbor came", "hasta que llegó una vecina", "until someone came for them"
        r"(?:until|till|til) (?:a|an|the|my|our|their|his|her|some) (?:\w+ )?(?:"
        + _CARER_EN
        + r"|friend|relative|family member|lady|woman|man)s? (?:came|arrived|showed up|got there|"
        r"picked them up|took them)|(?:until|till|til) (?:someone|somebody|family) (?:came|arrived|"
        r"showed up|got there)|hasta que (?:(?:vino|llego|paso|vinieron|llegaron) (?:una?|alguien|"
        r"algun)(?: \w+)?|(?:una?|alguien) (?:\w+ )?(?:vino|llego|paso))",
    ],
}

# A release or a return told with how long it took ("got out on bond after 9 days", "she was
# released a few hours later", "lo soltaron a los tres días", "regresó conmigo después de un
# mes"): the custody it follows, and any hold put during it, closed (not "released to ICE").
_SPAN_UNITS = (
    r"(?:hours?|hrs?|days?|nights?|weeks?|months?|horas?|dias?|noches?|semanas?|mes|meses)"
)
_RELEASE_VERB = (
    r"(?:got (?:out|released|let go)|was (?:finally )?(?:released|let go|let out|freed|returned to "
    r"(?:me|us))|were (?:released|let go|freed)|released (?:him|her|them|me|us)|bonded out|"
    r"bailed out|let (?:him|her|them|me|us) (?:go|out)|(?:came|come|got) back(?: home| to (?:me|us|"
    r"the family|my family|our family))?|returned (?:home|to (?:me|us))|gave (?:her|him|them) back|"
    r"{pron} (?:soltaron|liberaron|dejaron (?:ir|salir)|regresaron|devolvieron)|soltaron|liberaron|"
    r"sali[oa]|salieron|regres[oa]|regresaron|volvi[oa]|volvieron|llego a (?:la )?casa)"
)
_SPAN_AFTER = (
    r"(?:after (?:about |like |only )?(?:\w+ )?(?:\w+ )?"
    + _SPAN_UNITS
    + r"|(?:a few|a couple of|\w+) "
    + _SPAN_UNITS
    + r" later|the (?:next|following) (?:day|morning|week)|that (?:same )?(?:day|night|"
    r"evening|afternoon)|a l[oa]s? (?:\w+ )?" + _SPAN_UNITS + r"|despues de (?:como |unos |unas )?"
    r"(?:\w+ )?(?:\w+ )?" + _SPAN_UNITS + r"|al (?:dia|otro dia) siguiente|al otro dia|"
    r"(?:\w+ )?" + _SPAN_UNITS + r" despues|ese mismo dia|esa misma noche)"
)
_NO_TURN = r"(?!(?:and|y|pero|but|then|luego)(?![\w']))"
RELEASED_AFTER = (
    # "I got out on bond after 9 days", "lo soltaron a los tres días"
    r"(?:"
    + _RELEASE_VERB
    + r"(?: "
    + _NO_TURN
    + r"[\w']+){0,6}? "
    + _SPAN_AFTER
    + r"|"
    # the span first: "After 9 days I got out", "a los tres días lo soltaron"
    + _SPAN_AFTER
    + r"\W+(?:"
    + _NO_TURN
    + r"[\w']+ ){0,3}?"
    + _RELEASE_VERB
    + r"|"
    # the custody's length, then its end: "for three days, then she was let go", "9 days in
    # the county jail before I bonded out"
    r"(?:for |por |durante )?(?:\w+ )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"a few|several|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|unos|unas) "
    + _SPAN_UNITS
    + r"(?: [\w']+){0,8}?\W+(?:then|and then|before|until|y luego|y despues|hasta que|"
    r"antes de que) (?:[\w']+ ){0,3}?" + _RELEASE_VERB + r")(?![\w'])"
)

# Words that negate the clause they govern (spaCy marks most as `neg` or `advmod`).
NEGATORS = frozenset(
    ["no", "not", "n't", "never", "nunca", "jamas", "tampoco", "ni", "nope", "nah"]
)
# A subject that says nobody is in the situation ("nadie está en la cárcel").
NOBODY = frozenset(["nobody", "nadie", "ninguno", "ninguna", "noone"]) | {"no one", "none"}
# "No sé si lo tienen": doubt is not negation; the situation might be real.
DOUBT = [
    r"(?:don'?t|do not|dont|not) (?:know|sure)|no idea|no se|no sabemos|no sabe|no estoy segur[oa]|"
    r"quien sabe|not certain|"
    # nobody knows or says where: "nobody knows where he is held", "nadie nos dice dónde está"
    r"(?:nobody|no one|noone|nadie) (?:\w+ )?(?:knows?|sabe|saben|tells? (?:us|me)|(?:nos|me) dice)",
]
