"""Which language a page is in: chosen by the visitor, remembered for their session."""

from __future__ import annotations

from flask import current_app, request, session
from flask_babel import refresh


def select_locale() -> str:
    """?lang= (remembered in the session), a signed-in staff member's own language on staff
    pages, then the browser's preference, then English.

    The request body is never read here: the error pages (a body too large to read included)
    are rendered in this language too.
    """
    languages = current_app.config["LANGUAGES"]
    asked = request.args.get("lang")
    if asked in languages:
        session["lang"] = asked
        return asked
    if request.path.startswith("/staff/"):
        # Staff pages speak each account's own language (set on the accounts page).
        from flask_login import current_user

        account = getattr(current_user, "language", None) if current_user else None
        if current_user and current_user.is_authenticated and account in languages:
            return account
    remembered = session.get("lang")
    if remembered in languages:
        return remembered
    return request.accept_languages.best_match(languages) or "en"


def requested_language() -> str | None:
    """The language whose button of a page's form was pressed (`switch_language` in the POST,
    see base.html), if it is one we have."""
    code = request.form.get("switch_language")
    return code if code in current_app.config["LANGUAGES"] else None


def switch_language() -> bool:
    """If a language button was pressed, remember that language and use it from now on in
    this request. True if so."""
    code = requested_language()
    if code is None:
        return False
    session["lang"] = code
    refresh()  # this request's language was already chosen: choose again
    return True
