"""Template helpers shared by the public and staff pages."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from babel import Locale
from flask import Flask, current_app, url_for
from flask_babel import get_locale, gettext
from markupsafe import Markup, escape

from workers.states import Labelled, Level, PipelineState, Priority, Role, Sender

from .suppression import DEFAULT_K


def labels(codes: list[str] | None, vocabulary: dict[str, object]) -> str:
    """Codes shown as their translated labels, comma separated."""
    return ", ".join(str(vocabulary.get(code, code)) for code in codes or [])


def label(code: str | None, codes: type[Labelled]) -> str:
    """A stored code shown as its label in the page's language: `{{ r.pipeline_state|label(
    PipelineState) }}`; a code the enum does not know is shown as it is."""
    member = next((m for m in codes if m.value == code), None)
    return gettext(member.label) if member is not None else (code or "")


def highlight_kept(text: str | None, kept: list[dict]) -> Markup:
    """The redacted narrative, escaped, with kept officer/agency/place tags marked."""
    text = text or ""
    out: list[str] = []
    position = 0
    for tag in sorted(kept or [], key=lambda t: t["start"]):
        start, end = tag["start"], tag["end"]
        if start < position or end > len(text):
            continue  # overlapping or stale tag: show the text plainly rather than garble it
        out.append(str(escape(text[position:start])))
        out.append(
            f'<mark class="kept" title="{escape(tag["label"])}">{escape(text[start:end])}</mark>'
        )
        position = end
    out.append(str(escape(text[position:])))
    return Markup("".join(out))  # noqa: S704 (every piece above is escaped)


@cache
def _static_version(folder: str, filename: str) -> str:
    return hashlib.sha256((Path(folder) / filename).read_bytes()).hexdigest()[:12]


def static_url(filename: str) -> str:
    """A static file's URL with its content hash, so it can be cached for a year (security.py)
    and a changed file is fetched again."""
    if current_app.debug:  # files change while developing: no version, no long caching
        return url_for("static", filename=filename)
    version = _static_version(current_app.static_folder or "", filename)
    return url_for("static", filename=filename, v=version)


def init_templating(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters["labels"] = labels
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["highlight_kept"] = highlight_kept
    app.jinja_env.globals["static_url"] = static_url
    # The small-count threshold, for the pages that tell staff about it (intake/suppression.py).
    app.jinja_env.globals["small_count_k"] = DEFAULT_K
    # Templates compare codes by name (PipelineState.PROCESSED), never by a bare string.
    app.jinja_env.globals.update(
        PipelineState=PipelineState, Sender=Sender, Level=Level, Priority=Priority, Role=Role
    )

    # Each language's name in itself, for the switch ("English", "español", "العربية").
    names = {code: Locale.parse(code).get_display_name(code) for code in app.config["LANGUAGES"]}

    @app.context_processor
    def locale_context() -> dict[str, object]:
        locale = get_locale() or Locale.parse("en")
        return {
            "current_locale": str(locale),
            "text_direction": locale.text_direction,
            "language_names": names,
        }
