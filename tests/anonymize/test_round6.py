"""Issue 12, round 6: the patterns held-out 4 missed, each by a general mechanism and tested
with several templates x values written here (none taken from a held-out set): an officer's
later bare surname, small towns and businesses kept, homes that run on over a floor or their
street, family names written first, nicknames with their article, ids known by their shape."""

from __future__ import annotations

import itertools

from tests.anonymize.test_patterns import check_removed, run
from tests.anonymize.test_round4 import _kept


def _all_kept(anon, cases: list[tuple[str, str, list[str]]]) -> None:
    out = run(anon, [(lg, t) for lg, t, _ in cases])
    lost = [
        (t, red)
        for (_lg, t, keep), red in zip(cases, out, strict=True)
        if any(k not in red for k in keep)
    ]
    assert not lost, "\n".join(map(repr, lost))


def test_an_officer_named_later_by_surname_alone_is_kept(anon):
    surnames = ["Crowder", "Whitlock", "Brennan"]
    tpls = [
        ("es", "El diputado {s} nos detuvo en la carretera. Luego {s} se rió de nosotros."),
        ("es", "la patrullera {s} llegó primero y después {s} nos gritó que nos calláramos."),
        ("en", "Deputy {s} stopped us on 9th. Then {s} told my son to get out."),
    ]
    cases = [(lg, t.format(s=s), [s]) for (lg, t), s in itertools.product(tpls, surnames)]
    out = run(anon, [(lg, t) for lg, t, _ in cases])
    lost = [(t, red) for (_lg, t, (s,)), red in zip(cases, out, strict=True) if red.count(s) != 2]
    assert not lost, "\n".join(map(repr, lost))


def test_a_word_a_sentence_starts_with_is_no_part_of_an_officers_name(anon):
    surnames = ["Dawson", "Kimball", "Garvey"]
    tpls = [
        ("es", "El sheriff {s} estaba ahí. Según {s}, yo no tenía licencia."),
        ("es", "la oficial {s} me esposó. Entonces {s} se fue a la patrulla."),
        ("en", "Deputy {s} was there. According to {s}, I had no license."),
    ]
    cases = [(lg, t.format(s=s), s) for (lg, t), s in itertools.product(tpls, surnames)]
    out = run(anon, [(lg, t) for lg, t, _ in cases])
    lost = [(t, red) for (_lg, t, s), red in zip(cases, out, strict=True) if red.count(s) != 2]
    assert not lost, "\n".join(map(repr, lost))


def test_a_relative_who_shares_an_officers_surname_stays_private(anon):
    cases = [
        ("en", "Deputy Crowder stopped us. My cousin Dana Crowder was driving.", ["Dana"]),
        ("es", "El diputado Brennan nos paró. Mi prima Lidia Brennan manejaba.", ["Lidia"]),
    ]
    check_removed(anon, cases)


def test_small_towns_businesses_and_parks_are_kept(anon):
    cases = [
        ("en", "we were in La Belle when it happened, near the dollar store", ["La Belle"]),
        (
            "en",
            "she was stopped outside Love's Travel Stop on the interstate",
            ["Love's Travel Stop"],
        ),
        ("en", "Hank's Tire Shop fixed the car, then the deputy came", ["Hank's Tire Shop"]),
        (
            "en",
            "we go to St. Mary's Parish on Sundays, the deputies wait outside",
            ["Mary's Parish"],
        ),
        ("es", "nos fuimos a vivir a Sanford hace dos años", ["Sanford"]),
        ("es", "lo llevaron de Danbury a Hartford en la noche", ["Danbury", "Hartford"]),
        ("es", "mis hijos se fueron a vivir a Odessa con su tía", ["Odessa"]),
    ]
    parks = ["Shelby", "Riverside", "Kessler"]
    tpls = [
        "estábamos en el parque {p} jugando fútbol cuando llegó la policía",
        "La patrulla nos paró al salir del parque {p}.",
        "la parroquia de {p} nos ayudó con el abogado",
    ]
    cases += [("es", t.format(p=p), [p]) for t, p in itertools.product(tpls, parks)]
    _all_kept(anon, cases)


def test_a_home_in_a_park_is_still_a_home(anon):
    cases = [
        ("es", "Vivimos en la traila 9 del parque Los Pinos cerca de la tienda.", ["Pinos"]),
        ("es", "Mi mamá vive en el espacio 31 del parque Villa Verde desde 2019.", ["Villa Verde"]),
    ]
    check_removed(anon, cases)


def test_a_home_runs_on_over_its_floor_and_its_street(anon):
    streets = ["Mill Rd", "Bell Street", "Pecan Ave"]
    tpls = [
        ("en", "We live in space 14 of the Shady Acres trailer park on {s}."),
        ("en", "my sister rents unit 5 of the Oak Ridge complex off {s} since may"),
        ("en", "Our trailer is lot 22 at Twin Pines Mobile Home Park on {s}, come by."),
    ]
    cases = [(lg, t.format(s=s), [s]) for (lg, t), s in itertools.product(tpls, streets)]
    floors = ["2nd floor", "third floor", "segundo piso"]
    cases += [
        ("en", f"I live at 412 Birch Ave, {f}, in Dalton with my kids.", [f]) for f in floors[:2]
    ]
    cases += [("es", f"vivimos en 1520 Calle Robles, {floors[2]}, en Pharr.", [floors[2]])]
    keep = {"the deputy stopped me on Mill Rd near the school": ["Mill Rd"]}
    cases += [("en", "the deputy stopped me on Mill Rd near the school", [])]
    check_removed(anon, cases, keep=keep)


def test_spanish_apartments_in_a_named_complex(anon):
    names = ["Las Palmas", "Vista Hermosa", "San Marcos"]
    tpls = [
        "vivo en el apartamento 12 del complejo {n} con mis hijos",
        "mi hermana vive en el apartamento 3B del edificio {n} desde enero",
        "nos quedamos en el depto 7 del complejo {n}, cerca del Walmart",
    ]
    cases = [("es", t.format(n=n), [n]) for t, n in itertools.product(tpls, names)]
    check_removed(anon, cases)


def test_spanish_landmark_homes_with_storeys_or_material(anon):
    cases = [
        ("es", "vivo en la casa azul de dos pisos frente a la iglesia", ["dos pisos", "iglesia"]),
        ("es", "mi casa es la casa verde de madera al lado de la llantera", ["madera", "llantera"]),
        (
            "es",
            "la traila blanca al final del camino de tierra, es la nuestra",
            ["camino de tierra"],
        ),
        (
            "es",
            "vivimos en la casa amarilla de un piso enfrente de la escuela",
            ["un piso", "escuela"],
        ),
    ]
    check_removed(anon, cases)


def test_family_names_written_first(anon):
    names = ["Le Huu Phuc", "Vo Thi Hanh", "Ha Minh Quan"]
    tpls = [
        ("en", "My neighbor {n} was taken from the nail salon."),
        ("en", "They also took {n} and two others."),
        ("es", "Detuvieron a {n} en su trabajo, iba sin documentos."),
    ]
    cases = [(lg, t.format(n=n), n.split()) for (lg, t), n in itertools.product(tpls, names)]
    check_removed(anon, cases)
    # a short word that starts a sentence, a day or an honorific is not a family name
    _kept(anon, [("en", "On Sat Juan Perez came by the house.", "On Sat")])
    _kept(anon, [("en", "I told Sgt Mike Hale about it.", "Sgt Mike Hale")])


def test_nicknames_with_an_article_in_text_without_capitals(anon):
    nicks = ["Catracho", "Chele", "Pinolero"]
    tpls = [
        "y el {n} me dijo que no saliera de la casa",
        "el {n} nos llevó al trabajo ese día",
        "ya no contesta el {n}, creo que lo agarraron",
    ]
    cases = [("es", t.format(n=n), [n]) for t, n in itertools.product(tpls, nicks)]
    check_removed(anon, cases)
    _kept(anon, [("es", "la Migra llegó a las seis y se fue", "Migra")])


def test_urls_on_a_country_domain_with_a_path(anon):
    urls = ["meusite.com.br/fotos/2024", "miblog.com.mx/noticias/redada", "vecinos.org.ar/alerta"]
    tpls = [
        ("en", "the video is on {u} if you want to see it"),
        ("es", "vean el video en {u} por favor"),
        ("es", "lo subí a {u}, ahí está todo"),
    ]
    cases = [(lg, t.format(u=u), [u.split("/")[1]]) for (lg, t), u in itertools.product(tpls, urls)]
    check_removed(anon, cases)


def test_ibans_in_any_case_and_national_ids_by_shape(anon):
    ibans = [
        "BR18 0036 0305 0000 1000 9795 493C 1",
        "br18 0036 0305 0000 1000 9795 493c 1",
        "BR1800360305000010009795493C1",
    ]
    tpls = [
        ("es", "depositen a la cuenta {v} de mi tía"),
        ("en", "send it to {v} please"),
        ("en", "iban: {v}, thanks"),
    ]
    cases = [(lg, t.format(v=v), ["9795"]) for (lg, t), v in itertools.product(tpls, ibans)]
    ids = ["123.456.789-09", "987.654.321-00", "02345678-1"]
    id_tpls = [
        ("es", "el CPF de mi hermano: {v}"),
        ("en", "his brazilian id number {v} was on the form"),
        ("es", "su documento {v} se lo quitaron"),
    ]
    cases += [(lg, t.format(v=v), [v]) for (lg, t), v in itertools.product(id_tpls, ids)]
    check_removed(anon, cases)
    # a grouped number that fails the IBAN check is not taken as one
    # a grouped code that fails the IBAN check is no IBAN
    from workers.anonymize.patterns import iban_valid

    assert iban_valid("BR18 0036 0305 0000 1000 9795 493C 1")
    assert not iban_valid("BR18 0036 0305 0000 1000 9795 493C 2")


def test_lower_case_full_names_of_three_words(anon):
    names = ["jose luis pacheco", "maria elena cuxil", "juan carlos batres"]
    tpls = [
        "ayer detuvieron a {n} en la tienda y no sabemos nada",
        "hablé con {n} y vio todo",
        "se llevaron a {n} sin orden",
    ]
    cases = [("es", t.format(n=n), n.split()) for t, n in itertools.product(tpls, names)]
    check_removed(anon, cases)


def test_short_given_names_after_their_cue(anon):
    names = ["vy", "xu", "qi"]
    tpls = [
        ("en", "my wife {n} and me were in the car when they stopped us"),
        ("en", "her son {n} is only 9 and saw everything"),
        ("es", "mi hija {n} estaba conmigo en la troca"),
    ]
    cases = [(lg, t.format(n=n), [f" {n} "]) for (lg, t), n in itertools.product(tpls, names)]
    check_removed(anon, cases)
    # a short word of the language after a kin noun stays a word
    out = run(anon, [("es", "mi hijo ya se fue a la escuela"), ("en", "my son ok now")])
    assert "ya se fue" in out[0] and "ok now" in out[1]
