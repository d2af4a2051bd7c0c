"""What identifies a reporter is encrypted at rest, and keys can be rotated."""

from __future__ import annotations

from cryptography.fernet import Fernet, MultiFernet
from sqlalchemy import Text, select, type_coerce

from intake.crypto import build_fernet
from intake.extensions import db
from intake.keys import encrypted_columns
from intake.models import Report

from .conftest import submit_report

SECRETS = {
    "narrative": "My brother Ignacio Valdovinos was taken from the jail.",
    "contact_name": "Xochitl Valdovinos",
    "contact_phone": "(956) 555-0175",
    "contact_email": "xochitl@example.org",
    "other_names": "Ignacio Valdovinos",
}


def raw_rows() -> list[str]:
    """Every encrypted column as stored, read without decryption."""
    values = []
    for _table, columns in encrypted_columns():
        query = select(*[type_coerce(c, Text) for c in columns])
        for row in db.session.execute(query):
            values.extend(v for v in row if v)
    return values


def test_raw_rows_hold_no_plaintext(client, ctx):
    submit_report(client, **SECRETS)
    stored = raw_rows()
    assert stored, "nothing encrypted was stored"
    for value in stored:
        for secret in SECRETS.values():
            assert secret not in value
        assert "Valdovinos" not in value and "555-0175" not in value
    report = db.session.scalar(select(Report))
    assert report.contact_name == "Xochitl Valdovinos"  # the app still reads it


def test_rotation_re_encrypts_with_the_new_key(app, client, ctx):
    submit_report(client, **SECRETS)
    old_keys = app.extensions["intake.fernet"]
    new_key = Fernet.generate_key().decode()
    try:
        app.extensions["intake.fernet"] = build_fernet(
            new_key + "," + app.config["INTAKE_ENCRYPTION_KEYS"]
        )
        result = app.test_cli_runner().invoke(args=["keys", "rotate"])
        assert result.exit_code == 0, result.output
        assert "re-encrypted" in result.output
        only_new = MultiFernet([Fernet(new_key)])
        for token in raw_rows():
            only_new.decrypt(token.encode())  # raises if any value still needs the old key
        app.extensions["intake.fernet"] = build_fernet(new_key)
        db.session.remove()
        assert db.session.scalar(select(Report)).contact_email == "xochitl@example.org"
    finally:
        app.extensions["intake.fernet"] = old_keys
