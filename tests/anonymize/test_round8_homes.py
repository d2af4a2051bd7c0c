"""Issue 12, round 8 (homes, plates): the home and plate patterns held-out 6 missed, each by a
general mechanism and tested with templates x values written here (none taken from a held-out
set): a home described by colour, material or position on a road; a lot or space in a park in
either order; a unit before its street; a plate with its state (code or name, any case) and
spaces. Badges, officers, agencies, public places and dates told the same way stay."""

from __future__ import annotations

import itertools

from tests.anonymize.test_patterns import check_removed, run
from tests.anonymize.test_round6 import _all_kept


def _cases(tpls, values, gone):
    """Each template with each value; `gone(value)` lists the words that must be removed."""
    return [(lg, t.format(v=v), gone(v)) for (lg, t), v in itertools.product(tpls, values)]


def _last(v: str) -> list[str]:
    return [v.split()[-1]]


def test_a_described_home_on_a_road_goes_with_its_road(anon):
    roads = ["Hatcher Mill Rd", "Old Bethel Road", "Sandy Branch Ln"]
    tpls = [
        ("en", "the trailer with the green porch off {v} is where my kids sleep"),
        ("en", "they knocked on the yellow duplex on {v}, left side, at 5 am"),
        ("en", "ICE came to the little brick cabin at the end of {v} looking for my uncle"),
        ("en", "the gray mobile home behind {v}, second one on the right, that one"),
    ]
    check_removed(anon, _cases(tpls, roads, lambda v: [v.split()[0], v.split()[1]]))
    names = ["El Sauz", "Los Ébanos", "Tres Ríos"]
    tpls = [
        ("es", "la casa de bloque gris al final del camino {v} es de mis papás"),
        ("es", "tocaron en el tráiler blanco con techo de lámina sobre la brecha {v}"),
        ("es", "mi tío renta el dúplex amarillo en la calle {v}, el del lado izquierdo"),
        ("es", "duermo en un cuartito de madera detrás del callejón {v} con mis hijos"),
        ("es", "llegaron a la traila café frente a la vereda {v} a las seis"),
    ]
    check_removed(anon, _cases(tpls, names, _last))


def test_the_description_itself_goes_when_the_road_has_no_name(anon):
    cases = [
        ("es", "la casa de bloque gris al final del camino, ahí llegaron", ["bloque", "gris"]),
        ("es", "rodearon la traila azul con la reja negra junto a la carretera", ["reja", "azul"]),
        ("es", "el cuartito de lámina detrás de la brecha era de mi primo", ["lámina"]),
        ("en", "they surrounded the tan trailer with the blue tarp off the county road", ["tarp"]),
        (
            "en",
            "the white cabin with the tin roof at the end of the dirt road was my dad's",
            ["tin", "white"],
        ),
        (
            "en",
            "they parked by the green house with the chain link fence on the gravel road",
            ["chain", "green"],
        ),
    ]
    check_removed(anon, cases)


def test_in_text_without_capitals_too(anon):
    cases = [
        ("en", "they came to the yellow duplex on pecan bend rd left side", ["pecan", "yellow"]),
        ("en", "the trailer with the red porch off county road 418 thats us", ["418", "porch"]),
        (
            "es",
            "la casa de bloque gris sobre la calle nogales es la de mi mama",
            ["nogales", "gris"],
        ),
        (
            "es",
            "la traila blanca detras del camino viejo a la presa es donde vivimos",
            ["presa", "blanca"],
        ),
    ]
    check_removed(anon, cases)


def test_a_lot_or_space_in_a_park_in_either_order(anon):
    parks = ["Mesquite Flats", "Pecan Grove", "Los Laureles"]
    tpls = [
        ("en", "we live in space 14, {v} trailer court, with my mom"),
        ("en", "{v} mobile home park lot 3 is where they came"),
        ("en", "send the papers to site 22, {v} RV park"),
        ("es", "vivimos en el Espacio 9, Parque de Casas Móviles {v}, desde 2019"),
        ("es", "mi mamá vive en la traila 12 del parque {v}"),
        ("es", "el parque de trailas {v}, espacio 31, ahí es"),
        ("es", "lote 5, {v} Mobile Home Park, es mi casa"),
    ]
    cases = _cases(tpls, parks, _last)
    cases += [
        ("en", "we stay at lot 40 pecan grove trailer court since may", ["pecan", "40"]),
        ("es", "vivo en el espacio 7 del parque de casas moviles los laureles", ["laureles", "7"]),
        ("en", "mesquite flats mobile home park lot 3 is ours", ["mesquite", "3"]),
    ]
    check_removed(anon, cases)
    # the number goes too
    nums = [
        ("en", "we live in space 14, Pecan Grove trailer court", ["14"]),
        ("es", "Espacio 9, Parque de Casas Móviles Los Laureles", ["9"]),
        ("es", "la traila 12 del parque Mesquite Flats", ["12"]),
    ]
    check_removed(anon, nums)


def test_a_unit_before_its_street(anon):
    cases = []
    es_streets = ["540 Calle Luna", "77 Calle Nogal", "1310 Avenida Juárez"]
    for st in es_streets:
        for tpl, unit in [
            ("vivo en el apartamento 12C, {v}, con mis hijos", "12C"),
            ("mi dirección es depto. 4, {v}", "depto. 4"),
            ("mándenlo al apto 7B {v} por favor", "7B"),
        ]:
            cases.append(("es", tpl.format(v=st), [unit, st.split()[0], st.split()[-1]]))
    en_streets = ["1200 W Elm", "455 E Tulane", "98 Orchard Hill"]
    for st in en_streets:
        for tpl, unit in [
            ("we live at apt 3B {v} since june", "3B"),
            ("my address is unit 7, {v}, near the school", "unit 7"),
            ("apartment 2A {v}, please do not share it", "2A"),
        ]:
            cases.append(("en", tpl.format(v=st), [unit, st.split()[0], st.split()[-1]]))
    check_removed(anon, cases)


def test_a_unit_at_a_named_complex(anon):
    names = ["Briarwood", "Villa Serena", "Cypress Landing"]
    tpls = [
        ("en", "I rent unit 7 at the {v} apartments with two roommates"),
        ("en", "we are in apt 12 of the {v} townhomes"),
        ("es", "vivo en el depto 4 de los departamentos {v} desde enero"),
        ("es", "mi hermana está en el apartamento 9 del complejo {v}"),
    ]
    check_removed(anon, _cases(tpls, names, _last))


def test_a_plate_with_its_state_and_spaces(anon):
    plates = ["7JX 204", "3MP 118", "HRV 5529"]
    tpls = [
        ("en", "the deputy wrote down AZ {v} off my bumper"),
        ("en", "he ran my tx plate {v} and said it came back clean"),
        ("en", "my Texas plate {v} was on the tow sheet"),
        ("en", "they took down my georgia tag {v} at the checkpoint"),
        ("es", "le tomaron foto a las placas de Jalisco {v} de mi troca"),
        ("es", "mi placa de california es {v}, la apuntaron"),
        ("es", "traigo placas de Nuevo León {v} en el carro"),
    ]
    check_removed(anon, _cases(tpls, plates, lambda v: v.split()))
    lower = [
        ("en", "my texas plate hgt 4471 got flagged", ["hgt", "4471"]),
        ("en", "my car has oklahoma plate kzp 902", ["kzp", "902"]),
        ("es", "la placa de california 8abc123 es de mi carro", ["8abc123"]),
        ("es", "mi troca trae placas de sonora vhf-23-11", ["vhf-23-11"]),
        ("en", "the car with arizona tags bnx 3382 is my wife's", ["bnx", "3382"]),
        ("es", "placas de Chihuahua JKL-12-34 en la camioneta de mi hermano", ["JKL-12-34"]),
    ]
    check_removed(anon, lower)


def test_the_state_goes_with_the_plate(anon):
    cases = [
        ("en", "he ran my tx plate 7JX 204 twice", ["tx plate"]),
        ("en", "my Texas plate HRV 5529 was flagged", ["Texas"]),
        ("es", "las placas de Jalisco JKL-12-34 son mías", ["Jalisco"]),
        ("es", "mi placa de california es 8abc123", ["california"]),
    ]
    check_removed(anon, cases)


def test_badges_officers_places_and_dates_stay(anon):
    cases = [
        ("en", "Officer Pruitt, badge 4410, told me to sit down", ["4410", "Pruitt"]),
        ("en", "the deputy's badge number was 2281 and his car was unit 14", ["2281"]),
        ("es", "el oficial con placa 221 me pidió los papeles", ["221"]),
        ("es", "el trooper (Ruiz, placa número 7781) nos paró", ["7781"]),
        ("es", "la agente tenía placa num. 4410 y nos gritó", ["4410"]),
        ("en", "the trooper, badge no. 3392, took my license", ["3392"]),
        ("es", "la placa del policía era 3307, yo la vi", ["3307"]),
        ("es", "el agente Morales, placa 5512, nos detuvo en la carretera 83", ["5512", "Morales"]),
        ("en", "they stopped us at the QuikTrip on 41 around 9 pm", ["QuikTrip", "41"]),
        ("es", "la patrulla estaba en la gasolinera sobre la carretera 83", ["carretera 83"]),
        ("en", "the Sheriff's Office on Main Street held him", ["Sheriff's Office", "Main Street"]),
        (
            "en",
            "the checkpoint was at the Walmart on Bellaire Blvd on March 3",
            ["Walmart", "March 3"],
        ),
        (
            "es",
            "el retén estaba frente a la iglesia en la calle Hidalgo el 5 de mayo",
            ["5 de mayo"],
        ),
        (
            "en",
            "we were stopped in Texas by the Harris County Sheriff's Office",
            ["Texas", "Harris County Sheriff's Office"],
        ),
        ("es", "nos pararon en Jalisco y luego en Nuevo León", ["Jalisco", "Nuevo León"]),
        ("en", "ICE took him to the detention center in Conroe on 6/14", ["Conroe", "6/14"]),
        ("en", "the trooper's cruiser was parked on Old Bethel Road", ["Old Bethel Road"]),
    ]
    _all_kept(anon, cases)


def test_a_described_home_next_to_a_place_goes_with_the_place(anon):
    places = ["Dollar General", "Family Dollar", "Taquería Jalisco"]
    tpls = [
        ("en", "they raided the blue house next to the {v} at dawn"),
        ("en", "a white trailer with a blue tarp past the {v}, that is where"),
        ("es", "la casa verde con portón negro atrás de la {v} es la de mi hermana"),
        ("es", "entraron al tráiler de lámina junto a la {v} sin permiso"),
    ]
    check_removed(anon, _cases(tpls, places, _last))


def test_rooms_and_vehicles_described_the_same_way_stay(anon):
    cases = [
        ("en", "they put me in a small room behind the front desk at the jail", ["jail"]),
        ("en", "the deputy parked behind the laundromat on Hollis Ave for an hour", ["laundromat"]),
        ("es", "el carro blanco de la migra estaba frente a la iglesia", ["iglesia"]),
        ("es", "nos metieron a un cuarto frío detrás de la oficina del sheriff", ["sheriff"]),
        ("en", "the white van from ICE sat across from the Dollar General", ["Dollar General"]),
    ]
    _all_kept(anon, cases)


def test_a_plate_in_text_without_capitals_stops_before_the_next_word(anon):
    cases = [
        ("en", "the deputy wrote down the tag wjf0551 my email is on file", "the tag", "my email"),
        ("en", "my plate hrv 5529 was flagged by the trooper", "my plate", "was flagged"),
        ("es", "la placa de mi troca es kzt 4471 y se la llevaron", "la placa", "y se la"),
    ]
    out = run(anon, [(lg, t) for lg, t, _, _ in cases])
    bad = [
        (t, red)
        for (_lg, t, before, after), red in zip(cases, out, strict=True)
        if before not in red or after not in red or "LICENSE_PLATE" not in red
    ]
    assert not bad, bad
    # a plate whose last letters spell a word is still whole
    check_removed(anon, [("en", "the deputy wrote down the tag 174 few. ssn on file", ["few"])])


def test_which_one_on_its_road_and_a_highway_by_its_number(anon):
    cases = [
        ("en", "the second trailer on the left on Hatcher Mill Rd is ours", ["Hatcher", "second"]),
        ("en", "the blue trailer on 281, second driveway, is my sister's", ["281", "blue"]),
        ("en", "they hit the white house on 5th St at night", ["5th", "white"]),
        ("es", "la última casa a la derecha sobre la brecha El Sauz es de mi abuela", ["Sauz"]),
        ("es", "la traila verde de la izquierda en el camino Los Ébanos es la mía", ["Ébanos"]),
        ("es", "el segundo tráiler sobre la carretera 77 es de mi cuñado", ["77", "segundo"]),
    ]
    check_removed(anon, cases)


def test_the_state_list_is_what_build_states_writes():
    from workers.anonymize.build_states import names
    from workers.anonymize.recognizers.plates import state_names

    assert set(state_names()) == set(names())
    assert {"texas", "jalisco", "nuevo leon", "coahuila", "carolina del norte"} <= set(names())


def test_the_writers_home_on_a_road_without_a_number_and_a_verb_between(anon):
    cases = [
        ("en", "we live in the trailer on Hatcher Mill Rd with my kids", ["Hatcher"]),
        ("en", "our house on Sandy Branch Ln got raided at dawn", ["Sandy"]),
        ("es", "nuestra traila en el camino Los Ébanos es chiquita", ["Ébanos"]),
        ("es", "la casa gris que está sobre la brecha El Sauz es de mi tía", ["Sauz"]),
        ("en", "the old trailer that sits off County Road 12 is my brother's", ["12"]),
        ("es", "las placas de Sonora decían VHF 2311 en la troca de mi primo", ["VHF", "2311"]),
    ]
    check_removed(anon, cases)
    kept = [
        ("es", "mi casa en la Calle Rio Grande 118 el 5 de mayo", ["mi casa en", "5 de mayo"]),
        ("en", "the courthouse on Main Street is where my hearing was", ["courthouse"]),
    ]
    _all_kept(anon, kept)


def test_in_capitals_and_a_park_in_lower_case_before_a_clause(anon):
    cases = [
        ("es", "LA CASA DE BLOQUE GRIS AL FINAL DEL CAMINO EL SAUZ ES DE MIS PAPAS", ["SAUZ"]),
        ("en", "WE RENT THE YELLOW DUPLEX ON PECAN BEND RD, LEFT SIDE", ["PECAN", "LEFT"]),
        ("en", "i live in the brown single wide off fm 1960 past the feed store", ["1960"]),
        (
            "en",
            "the mobile home with the blue skirting behind the Circle K on Hwy 59 is ours",
            ["Circle K", "skirting"],
        ),
    ]
    check_removed(anon, cases)
    out = run(anon, [("en", "space 9 shady oaks trailer court is where we stay")])
    assert "shady" not in out[0] and "is where we stay" in out[0], out
