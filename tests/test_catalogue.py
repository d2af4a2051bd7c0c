"""One catalogue for everything: every message the workers and the email templates use is
translated in every shipped catalogue, compiled as well as written; a shipped language whose
compiled catalogue is missing fails loudly; and adding a language is adding a catalogue."""

from __future__ import annotations

import ast
import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from flask import render_template_string
from flask_babel import force_locale

from intake.staff.charts import bar_chart
from workers.contracts import ReportFacts
from workers.i18n import (
    TRANSLATIONS,
    CatalogueMissing,
    shipped_languages,
    translator,
)
from workers.summarize.structured import render_structured

ROOT = Path(__file__).resolve().parents[1]
# What the workers write: summaries, digests (code and email templates), alerts, state labels.
WORKER_SOURCES = ("workers/", "templates/email/")
GETTEXT_NAMES = {"_", "gettext", "ngettext", "pgettext", "N_"}


def extracted_messages() -> dict[tuple[str | tuple[str, ...], str | None], str]:
    """{(message id, context): where} for every message babel.cfg extracts from the workers'
    code and the email templates: the configuration `make messages` runs."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        if filename.startswith(WORKER_SOURCES):
            found[(message, context)] = f"{filename}:{lineno}"
    return found


def written(language: str) -> Catalog:
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po)


def other_languages() -> list[str]:
    return [code for code in shipped_languages() if code != "en"]


def test_babel_cfg_extracts_every_part_of_the_workers():
    files = {where.rsplit(":", 1)[0] for where in extracted_messages().values()}
    for part in (
        "workers/summarize/structured.py",
        "workers/summarize/__init__.py",
        "workers/digest/content.py",
        "workers/alerts.py",
        "workers/states.py",
        "templates/email/digest.html",
        "templates/email/digest.txt",
    ):
        assert part in files, f"babel.cfg extracts nothing from {part}"


@pytest.mark.parametrize("language", other_languages())
def test_every_worker_message_is_translated_in_every_catalogue(language):
    source = written(language)
    compiled = translator(language)
    assert compiled.language == language
    missing, stale = [], []
    for (message, context), where in extracted_messages().items():
        singular = message if isinstance(message, str) else message[0]
        entry = source.get(singular, context=context)
        forms = entry.string if entry else None
        forms = (forms,) if isinstance(forms, str) else tuple(forms or ())
        if not entry or entry.fuzzy or not forms or not all(forms):
            missing.append(f"{where} {singular!r}")
            continue
        if isinstance(message, str):
            got = (
                compiled.catalogue.pgettext(context, message)
                if context
                else compiled.catalogue.gettext(message)
            )
            if got != forms[0]:
                stale.append(singular)
        elif compiled.catalogue.ngettext(message[0], message[1], 1) != forms[0]:
            stale.append(singular)
    assert not missing, f"untranslated in {language}: " + "; ".join(missing)
    assert not stale, f"the compiled {language} catalogue is older than its .po: {stale}"


@pytest.mark.parametrize("language", other_languages())
def test_translations_keep_every_placeholder(language):
    problems = [f"{entry.id!r}: {errors}" for entry, errors in written(language).check()]
    assert not problems, problems


def _calls_inside_fstrings(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    func = inner.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if name in GETTEXT_NAMES:
                        lines.append(inner.lineno)
    return lines


def test_no_message_is_looked_up_inside_an_fstring():
    # Extraction does not look inside f-strings: a message there would never reach a catalogue.
    found = []
    for path in sorted((ROOT / "workers").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(ROOT)}:{line}" for line in _calls_inside_fstrings(tree)]
    assert not found, found


def _catalogue(root: Path, language: str, messages: dict[str, str], compiled: bool) -> None:
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = Catalog(locale=language)
    for message, translation in messages.items():
        catalog.add(message, translation)
    with (folder / "messages.po").open("wb") as po:
        write_po(po, catalog)
    if compiled:
        with (folder / "messages.mo").open("wb") as mo:
            write_mo(mo, catalog)


def test_a_shipped_language_without_its_compiled_catalogue_fails_loudly(tmp_path):
    _catalogue(tmp_path, "es", {"Agency": "Agencia"}, compiled=False)
    assert shipped_languages(tmp_path) == ("en", "es")
    with pytest.raises(CatalogueMissing, match="pybabel compile"):
        translator("es", tmp_path)
    with pytest.raises(CatalogueMissing):
        render_structured(ReportFacts(id=1), translator("es-MX", tmp_path))
    # A language nobody shipped a catalogue for is written in English, by design.
    assert translator("de", tmp_path).gettext("Agency") == "Agency"


def test_adding_a_language_is_adding_a_catalogue(tmp_path):
    _catalogue(
        tmp_path,
        "fr",
        {"Agency": "Agence", "not given": "non indiqué", "unknown": "inconnue"},
        compiled=True,
    )
    french = translator("fr", tmp_path)
    assert shipped_languages(tmp_path) == ("en", "fr")
    text = render_structured(ReportFacts(id=1, agency_choice="unknown"), french)
    assert "Agence: inconnue" in text and "non indiqué" in text
    assert french.date(datetime.date(2024, 3, 3)) == "3 mars 2024"
    assert french.language_name("es") == "espagnol"


def test_summaries_and_digests_need_no_flask():
    """A Celery worker's pure steps run where Flask was never imported."""
    script = (
        "import sys\n"
        "from datetime import datetime\n"
        "from workers.contracts import ReportFacts\n"
        "from workers.digest import build_digest\n"
        "from workers.i18n import translator\n"
        "from workers.summarize import summarize\n"
        "es = translator('es')\n"
        "text = summarize(ReportFacts(id=1, language='es'), '', es, llm=None).text\n"
        "assert text.endswith('No se dio ningún relato.'), text\n"
        "figures = {'period': 'daily', 'start': datetime(2026, 1, 5), 'end': datetime(2026, 1, 6),"
        " 'total': 1, 'queues': [('legal', 1)]}\n"
        "digest = build_digest(figures, es)\n"
        "assert digest.subject == 'Resumen diario, 5 de enero de 2026: 1 reporte nuevo', digest\n"
        "assert not {'flask', 'flask_babel', 'intake'} & set(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=120)


def test_a_suppressed_chart_reads_fewer_than_in_the_page_language(app):
    with app.test_request_context(), force_locale("es"):
        svg = bar_chart([("legal", 3), ("intake", 9)], "Reportes", suppress=True)
    assert ">menos de 5</text>" in svg and ">9</text>" in svg and "fewer" not in svg


def test_stored_codes_are_shown_as_labels_in_the_page_language(app):
    page = (
        "{{ 'processed'|label(PipelineState) }} | {{ 'check-now'|label(Priority) }} | "
        "{{ 'admin'|label(Role) }} | {{ 'odd'|label(Priority) }}"
    )
    with app.test_request_context(), force_locale("es"):
        shown = render_template_string(page)
    assert shown == "Procesado | Revisar ya | Administrador/a | odd"
