"""Regular expressions and small text helpers shared by the recognizers."""

from __future__ import annotations

import re

from .lexicon import fold

MONTHS_EN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
MONTHS_ES = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre)"
)
WEEKDAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|"
    r"jueves|viernes|s[aá]bado|domingo|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)"
)
ORD = r"(?:st|nd|rd|th|ro|vo|to)?"
YEAR = r"(?:19|20)\d{2}"

NUM_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
EN_DATE_Y = (
    rf"{MONTHS_EN}\.?\s+\d{{1,2}}{ORD},?\s+{YEAR}|\d{{1,2}}{ORD}\s+(?:of\s+)?{MONTHS_EN},?\s+{YEAR}"
)
ES_DATE_Y = (
    rf"\d{{1,2}}\s+de\s+{MONTHS_ES}\s+(?:de(?:l)?\s+)?{YEAR}"
    rf"|\d{{1,2}}\s+de\s+{MONTHS_ES}\s+del?\s+'?\d{{2}}(?!\d)"
)
MONTHS_ABBR_ES = r"(?:ene|feb|mar|abr|may|jun|jul|ago|sep|sept|set|oct|nov|dic)"
# "03-oct-1990", "3/OCT/90", "15 mayo 1982"
MONTH_WORD_DATE = (
    rf"\d{{1,2}}[-/. ](?:{MONTHS_EN}|{MONTHS_ES}|{MONTHS_ABBR_ES})\.?[-/. ](?:{YEAR}|\d{{2}})(?!\d)"
)
FULL_DATE_RE = re.compile(
    rf"(?<![\w/.-])(?:{NUM_DATE}|{MONTH_WORD_DATE}|{EN_DATE_Y}|{ES_DATE_Y})(?![\w/-])",
    re.IGNORECASE,
)

TIME = (
    r"\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|\d{1,2}:\d{2}(?:\s*(?:hrs|horas|h))?"
    r"|\d{1,2}(?::\d{2})?\s+(?:in the (?:morning|afternoon|evening)|at night|"
    r"de la (?:mañana|manana|tarde|noche|madrugada))"
    r"|(?:noon|midnight|mediod[ií]a|medianoche)"
)
HOLIDAYS = (
    r"(?:christmas(?:\s+(?:eve|day|morning|night))?|new\s+year['’]?s(?:\s+(?:eve|day))?|"
    r"thanksgiving(?:\s+day)?|easter(?:\s+sunday)?|memorial\s+day|labor\s+day|"
    r"independence\s+day|fourth\s+of\s+july|4th\s+of\s+july|halloween|"
    r"nochebuena|navidad|noche\s+vieja|a[ñn]o\s+nuevo|semana\s+santa|viernes\s+santo|"
    r"d[ií]a\s+de\s+(?:las\s+madres|los\s+muertos|acci[oó]n\s+de\s+gracias|"
    r"independencia|navidad|reyes))"
)
DATE_RE = re.compile(
    rf"(?<![\w/.-])(?:"
    rf"{HOLIDAYS}|"
    rf"{NUM_DATE}|\d{{1,2}}/\d{{1,2}}(?![\d/])"
    rf"|(?:{WEEKDAYS},?\s+)?{MONTHS_EN}\.?\s+\d{{1,2}}{ORD}(?:,?\s+{YEAR})?"
    rf"|(?:{WEEKDAYS},?\s+)?\d{{1,2}}{ORD}\s+of\s+{MONTHS_EN}(?:,?\s+{YEAR})?"
    rf"|(?:{WEEKDAYS}\s+)?\d{{1,2}}\s+(?:al\s+\d{{1,2}}\s+)?de\s+{MONTHS_ES}"
    rf"(?:\s+(?:de(?:l)?\s+)?{YEAR})?"
    rf"|{WEEKDAYS}(?:\s+(?:\d{{1,2}}|night|morning|afternoon|evening|"
    rf"(?:en|por) la (?:noche|mañana|manana|tarde)))?"
    rf"|(?:{MONTHS_ES}|{MONTHS_EN}\.?)(?:\s+(?:de\s+|of\s+)?{YEAR})?"
    rf"|{TIME}"
    rf")(?![\w/-])",
    re.IGNORECASE,
)

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL_RE = re.compile(
    r"(?<![\w@./-])(?:(?:https?://|www\.)[^\s<>\"')\]]+"
    # a country's second-level domain first: "site.com.br/fotos", "x.gob.mx", "y.co.uk"
    r"|(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|gob|co|ac)\.[a-z]{2}(?:/[^\s<>\"')\]]*)?"
    r"|(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|co|me|info|ly|gl|be|tv|mx|us|app|page|link|"
    r"br|uk|fr|pt|au|cn|jp|ru|"
    r"gt|hn|sv|ni|cr|pa|do|cu|ve|ar|cl|pe|ec|bo|py|uy|es)(?:/[^\s<>\"')\]]*)?)"
    r"(?![\w@])",
    re.IGNORECASE,
)
HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[\w.]*\w)?")

PHONE_RE = re.compile(
    r"(?<![\w/.,$-])(?:"
    r"\+\s?\d{1,3}[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){1,4}\d{2,4}"
    r"|(?:1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}"
    r"|\d{4}[\s.-]\d{4}"
    r"|\d{3}[\s.-]\d{4}"
    r")(?![\w/-]|[.,]\d)"
)
PHONE_CONTEXT_RE = re.compile(
    r"(?:tel|cel|phone|number|numero|num|#|call|llam|whats|text|contact|movil|mobile|"
    r"reach|marca|escrib|fono)[^.!?\n]{0,25}$"
)

SSN_RE = re.compile(r"(?<![\w-])\d{3}([- .])\d{2}\1\d{4}(?![\w-])")
NINE_RE = re.compile(r"(?<![\w.,/$-])\d{9}(?![\w/-]|[.,]\d)")
SSN_CONTEXT_RE = re.compile(
    r"(?:social|ssn|ss#|s\.s\.|seguro|soc\.? ?sec|numero de seguro)[^.!?\n]{0,30}$"
)

A_PREFIXED_RE = re.compile(
    r"(?<![\w-])A[-#:.\s]{0,3}(?:\d{3}[-\s.]?\d{3}[-\s.]?\d{3}|\d{8,9}"
    r"|\d{1,3}(?:[-\s.]\d{1,3}){2,9}|\d(?:\s\d){7,9}|\d{10})(?![\w-])",
    re.IGNORECASE,
)
A_VALUE_RE = re.compile(
    r"(?<![\w.,/$-])(?:\d{3}[-\s.]\d{3}[-\s.]\d{3}|\d{2}[-\s.]\d{3}[-\s.]\d{3}|\d{8,9}"
    r"|\d{1,3}(?:[-\s.]\d{1,3}){2,9}|\d(?:\s\d){7,9})(?![\w/-]|[.,]\d)"
)


def a_number_digits_ok(value: str) -> bool:
    """A-numbers have 7 to 9 digits, written with an optional leading zero."""
    return 7 <= len(digits(value)) <= 10


A_CONTEXT_RE = re.compile(
    r"(?:\ba[\s-]?(?:#|no\b|num|number|numero)|\ba-?#|alien|extranjero|\bnumero a\b|"
    r"anumber|a-number|\ba number|uscis|registration (?:no|number|#)|\bnumero de registro)"
    r"[^.!?\n]{0,35}$"
)

ID_VALUE_RE = re.compile(
    r"(?<![\w/.$-])#?\s?(?:[A-Z]{1,4}[- ]?)?\d[\dA-Z]*(?:[- ]\d[\dA-Z]*){0,4}(?![\w/])"
)
ID_CONTEXT_RE = re.compile(
    r"(?:matricula|passport|pasaporte|licen[cs]e|licencia|\bdl\b|booking|fichaje|inmate|"
    r"recluso|\bspn\b|\bcid\b|\bso ?#|\bdpi\b|cedula|\bine\b|curp|\bdui\b|\bdni\b|id card|"
    r"\bid\b|identificacion|case|caso|expediente|jail (?:no|number|#)|\breo\b|\bpreso\b|"
    r"permit|permiso|\bead\b|card|tarjeta|docket|citation|folio|file (?:no|number|#)|"
    r"i-94|receipt|recibo|\bjms\b|\bsid\b|\bfin\b|\bbin\b|tax id|itin|documento)"
    r"[^.!?\n]{0,30}$"
)
# national id numbers by their written shape, with or without a word before them: Brazil's
# CPF "123.456.789-09" and CNPJ "12.345.678/0001-95", El Salvador's DUI "01234567-8",
# Honduras's DNI "0801-1990-12345", the Dominican cédula "001-1234567-8"
NATIONAL_ID_RE = re.compile(
    r"(?<![\w.,/-])(?:\d{3}\.\d{3}\.\d{3}[-.]\d{2}|\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2}|\d{8}-\d|"
    r"\d{4}-\d{4}-\d{5}|\d{3}-\d{7}-\d)(?![\w/-]|[.,]\d)"
)
# a cédula written with dots, its letter first or not: Venezuela's "V-24.518.903" and
# "E-81.234.567", Colombia's "1.036.655.421" (an amount of money has the same shape: see
# government_ids._dotted_ids)
DOTTED_ID_RE = re.compile(
    r"(?<![\w.,/$-])(?:[VEJGP][- ]?)?\d{1,3}(?:\.\d{3}){2,3}(?![\w/-]|[.,]\d)", re.IGNORECASE
)
# an IBAN in any case, grouped by spaces or dashes or not ("br18 0036 0305 ... 493c 1"):
# Presidio's IbanRecognizer reads upper case only; the mod-97 check decides (iban_valid)
IBAN_RE = re.compile(r"(?<![\w-])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{1,4}){3,8}(?![\w-])")


def iban_valid(value: str) -> bool:
    """The ISO 13616 check: the country code and check digits moved to the end, letters as
    numbers (A=10 ... Z=35), the whole number mod 97 is 1."""
    v = re.sub(r"[ -]", "", value).upper()
    if not 15 <= len(v) <= 34 or not v.isalnum():
        return False
    return int("".join(str(int(c, 36)) for c in v[4:] + v[:4])) % 97 == 1


GENERIC_ID_RE = re.compile(r"(?<![\w/.,$-])[A-Z0-9][A-Z0-9-]{4,}[A-Z0-9](?![\w/-]|[.,]\d)")

PLATE_CONTEXT_RE = re.compile(
    r"(?:plates?|\btags?\b|placas?|tablilla|license plate|matricula del (?:carro|vehiculo|auto|"
    r"coche))(?:\s*(?:#|number|no\.?|num\.?|numero|is|was|were|are|es|son|era|eran|:|de|"
    r"del carro|de la troca|del vehiculo|del auto|de la camioneta|of the car|on the car|"
    r"if you need it|said|read|dice|decia|decian))*\s*$"
)
PLATE_VALUE_RE = re.compile(r"(?<![\w-])[A-Z0-9]{1,4}(?:[- ][A-Z0-9]{1,4}){0,2}(?![\w-])")
PLATE_SHAPE_RE = re.compile(
    r"(?<![\w-])(?:[A-Z]{3}[- ]?\d{3,4}|\d{3}[- ]?[A-Z]{3}|[A-Z]{3}[- ][A-Z]\d{2}|"
    r"[A-Z]{2}\d[- ]?[A-Z]\d{3}|[A-Z]\d{2}[- ]?[A-Z]{3}|[A-Z]\d{2}[- ]\d[A-Z]{2}|"
    r"\d[A-Z]{2}[- ][A-Z]\d{2}|[A-Z]{3}([- ])\d{2}\1\d{2}|\d{2}([- ])[A-Z]{3}\2\d{2})(?![\w-])"
)

BADGE_VALUE_RE = re.compile(r"#?\s?(?:[A-Z]{1,3}-?)?\d{1,6}[A-Z]?\d{0,3}(?![\w/:-]|[.,]\d)")
BADGE_STRONG_RE = re.compile(
    r"(?:badge|placa|chapa|shield|insignia|star|numero de placa|badge number)"
    r"(?:\s*(?:number|no\.?|num\.?|numero|#|is|was|es|era|:|de))*\s*$"
)
BADGE_WEAK_RE = re.compile(
    r"(?:unit|unidad|car|carro|patrol car|patrulla|cruiser|vehicle|numero|number|\bid\b|"
    r"\bno\.?|employee|empleado|#)(?:\s*(?:number|no\.?|num\.?|numero|#|is|was|es|era|:|de|el))*\s*$"
)

WORD_RE = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?\.?|[^\W\d_]\.")


def window_before(folded: str, start: int, size: int = 45) -> str:
    return folded[max(0, start - size) : start]


def text_style(text: str) -> str:
    """'caps' (shouting), 'lower' (no capitals at sentence starts) or 'normal'."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "normal"
    upper = sum(1 for c in letters if c.isupper())
    if upper / len(letters) > 0.6:
        return "caps"
    starts = re.findall(r"(?:^|[.!?]\s+|\n\s*)([^\W\d_])", text)
    lower_starts = sum(1 for c in starts if c.islower())
    if upper / len(letters) < 0.012 or (starts and lower_starts / len(starts) > 0.5):
        return "lower"
    return "normal"


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


__all__ = ["fold"]
