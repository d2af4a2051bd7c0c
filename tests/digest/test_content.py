"""The digest content, built from plain figures (no database, no app): both languages, small
counts, the change from the previous period, the chart, and an empty period."""

from __future__ import annotations

from datetime import datetime

from workers.digest import build_digest, period_bounds
from workers.digest.content import change
from workers.i18n import translator

SPANISH = translator("es")

FIGURES = {
    "period": "weekly",
    "start": datetime(2026, 11, 16),
    "end": datetime(2026, 11, 23),
    "scope": None,
    "queues": [("intake", 12), ("legal", 7), ("rapid-response", 3)],
    "total": 22,
    "previous_total": 15,
    "urgent_unassigned": 2,
    "overdue": 6,
    "agencies": [
        {"label": "Harris County Sheriff's Office", "count": 9, "previous": 4},
        {"label": None, "count": 6, "previous": 6},
    ],
    "categories": [{"label": "Racial or ethnic profiling", "count": 8, "previous": 10}],
    "summaries": None,
    "links": {
        "queue": "https://intake.example.org/staff/",
        "settings": "https://intake.example.org/staff/settings/digests",
        "report": "https://intake.example.org/staff/reports/{id}",
    },
}


def test_english_digest_has_every_part():
    digest = build_digest(FIGURES)
    assert digest.subject == "Weekly digest, November 16, 2026 to November 22, 2026: 22 new reports"
    for text in (digest.text, digest.html):
        assert "22 new reports (+7 from the previous period)" in text
        assert "Urgent reports not yet assigned" in text
        assert "Reports past their first-response deadline" in text
        assert "Harris County Sheriff" in text and "Unknown or other agency" in text
        assert "Racial or ethnic profiling" in text
        assert "https://intake.example.org/staff/settings/digests" in text
        assert "Email is not a safe channel" in text
    assert 'lang="en"' in digest.html and 'src="cid:digest-chart@intake"' in digest.html
    assert digest.chart_png.startswith(b"\x89PNG\r\n\x1a\n")


def test_spanish_digest_uses_only_spanish_phrases():
    digest = build_digest(FIGURES, SPANISH)
    assert digest.language == "es"
    assert digest.subject.startswith("Resumen semanal, del 16 de noviembre de 2026")
    assert digest.subject.endswith("22 reportes nuevos")
    for text in (digest.text, digest.html):
        assert "Reportes urgentes aún sin asignar" in text
        assert "Agencia desconocida u otra" in text
        assert "denuncia" not in text.lower()  # the form says "reporte"
        for english in ("New reports", "Top agencies", "not a safe channel"):
            assert english not in text
    assert 'lang="es"' in digest.html


def test_staff_digests_give_exact_counts_and_changes():
    # Staff read the reports themselves: small counts are exact here (suppression is for
    # partner exports and anything published).
    digest = build_digest(FIGURES)
    assert "fewer than 5" not in digest.text and "fewer than 5" not in digest.html
    assert "Harris County Sheriff's Office: 9 (+5)" in digest.text
    assert change(8, 10) == "-2" and change(3, 1) == "+2"
    assert change(4, 0) == "new" and change(6, 6) == "no change"
    assert change(4, 0, SPANISH) == "nuevo" and change(6, 6, SPANISH) == "sin cambio"


def test_an_empty_period_says_so_plainly():
    empty = {**FIGURES, "queues": [], "total": 0, "agencies": [], "categories": []}
    english = build_digest(empty)
    assert english.subject.endswith(": no new reports")
    assert "No new reports arrived in this period." in english.text
    assert "No new reports arrived in this period." in english.html
    assert english.chart_png is None and "cid:" not in english.html
    spanish = build_digest(empty, SPANISH)
    assert "No llegó ningún reporte nuevo en este periodo." in spanish.text


def test_one_new_report_is_singular_in_every_language():
    one = {**FIGURES, "total": 1, "previous_total": 0, "queues": [("legal", 1)]}
    assert build_digest(one).subject.endswith(": 1 new report")
    assert "1 new report (new from the previous period)." in build_digest(one).text
    spanish = build_digest(one, SPANISH)
    assert spanish.subject.endswith(": 1 reporte nuevo")
    assert "1 reporte nuevo (nuevo respecto al periodo anterior)." in spanish.text


def test_an_unknown_language_falls_back_to_english():
    assert build_digest(FIGURES, translator("fr")).language == "en"


def test_periods_are_the_last_complete_day_and_week():
    now = datetime(2026, 11, 25, 6, 0)  # a Wednesday
    assert period_bounds("daily", now) == (datetime(2026, 11, 24), datetime(2026, 11, 25))
    assert period_bounds("weekly", now) == (datetime(2026, 11, 16), datetime(2026, 11, 23))
    monday = datetime(2026, 11, 23, 6, 10)
    assert period_bounds("weekly", monday) == (datetime(2026, 11, 16), datetime(2026, 11, 23))
