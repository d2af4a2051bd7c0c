"""One catalogue for every word the project shows: pages, summaries, digests, alerts.

The pages translate through Flask-Babel; the pure steps (workers/summarize, workers/digest, the
alert messages) are handed a `Translator` for the reader's language instead, read from the same
catalogue (intake/translations) with the `babel` package alone, so they work where Flask is not
imported. Adding a language is adding a catalogue: `pybabel init -l xx` and translating it.

    t = translator("es")
    t.gettext("Agency")                              # "Agencia"
    t.pgettext("answer", "unknown")                  # "no se sabe" (the agency's is "desconocida")
    t.gettext("%(county)s County", county="Harris")  # "condado de Harris"

English is the source language (the message ids), so it needs no catalogue. A language that has
no catalogue at all is written in English; one whose catalogue is shipped (a messages.po) but not
compiled (the .mo is built by `make install`, not kept in git) raises `CatalogueMissing` rather
than quietly writing English.
"""

from __future__ import annotations

import functools
import gettext as gettext_module
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from babel import Locale
from babel import dates as babel_dates
from babel.support import Translations

TRANSLATIONS = Path(__file__).resolve().parents[1] / "intake" / "translations"
SOURCE_LANGUAGE = "en"
DOMAIN = "messages"


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark, translate later")
    """Mark `message` for extraction into the catalogue; it is translated where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 (the same, with a plural)
    """Mark a message with its plural for extraction; `Translator.ngettext` picks the form."""
    return singular, plural


class CatalogueMissing(RuntimeError):
    """A shipped language's compiled catalogue (.mo) is not there: compile it."""


def shipped_languages(root: Path = TRANSLATIONS) -> tuple[str, ...]:
    """English and every language with a catalogue source (messages.po) under `root`."""
    found = {po.parent.parent.name for po in root.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return (SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE}))


def base_language(code: str | None) -> str:
    """ "es-MX", "es_MX" and "ES" are all "es"; nothing given is the source language."""
    return (code or SOURCE_LANGUAGE).lower().replace("_", "-").split("-")[0] or SOURCE_LANGUAGE


@dataclass(frozen=True)
class Translator:
    """gettext for one language, with the locale its dates and language names are written in.

    Like Flask-Babel's, `gettext` and `ngettext` fill %(name)s placeholders from keyword
    arguments (`ngettext` also from `num`), so message ids read the same in code and templates."""

    language: str
    catalogue: gettext_module.NullTranslations

    def gettext(self, message: str, **values: object) -> str:
        text = self.catalogue.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, num: int, **values: object) -> str:
        return self.catalogue.ngettext(singular, plural, num) % {"num": num, **values}

    def pgettext(self, context: str, message: str, **values: object) -> str:
        """`message` in one `context` ("answer", "table heading") where the same English
        word is translated differently elsewhere."""
        text = self.catalogue.pgettext(context, message)
        return text % values if values else text

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.language)

    def date(self, value: date | datetime) -> str:
        """A date written out in this language ("3 de marzo de 2024")."""
        return babel_dates.format_date(value, "long", locale=self.locale)

    def language_name(self, code: str | None) -> str:
        """The name of a language in this language ("es" -> "Spanish", "español"), from CLDR."""
        key = base_language(code) if code else ""
        return self.locale.languages.get(key) or code or "?"


@functools.cache
def translator(language: str | None, root: Path = TRANSLATIONS) -> Translator:
    """The translator for `language` (a code such as "es" or "es-MX"), loaded once.

    CatalogueMissing when the language is shipped but its catalogue is not compiled."""
    code = base_language(language)
    if code == SOURCE_LANGUAGE or code not in shipped_languages(root):
        return Translator(SOURCE_LANGUAGE, gettext_module.NullTranslations())
    compiled = root / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not compiled.is_file():
        raise CatalogueMissing(
            f"{compiled} is missing: compile the catalogues with "
            f"`pybabel compile --use-fuzzy -d {root}` (make install does)"
        )
    with compiled.open("rb") as file:
        return Translator(code, Translations(file, domain=DOMAIN))


ENGLISH = translator(SOURCE_LANGUAGE)
