"""`flask --app intake keys ...`: make and rotate the keys that encrypt reporters' data at rest.

Rotation: put a new key in front of INTAKE_ENCRYPTION_KEYS (keep the old ones after it), run
`keys rotate` to re-encrypt every stored value and every sealed evidence file with the new key,
then drop the old keys.
"""

from __future__ import annotations

import click
from cryptography.fernet import Fernet
from sqlalchemy import Column, Table, Text, select, type_coerce, update

from .crypto import EncryptedText, fernet
from .extensions import db

group = click.Group("keys", help="Encryption keys for data at rest.")
BATCH = 500


def encrypted_columns() -> list[tuple[Table, list[Column]]]:
    """Every table with EncryptedText columns, found from the models (none is forgotten)."""
    found = []
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, EncryptedText)]
        if columns:
            found.append((table, columns))
    return found


def rotate_all() -> int:
    """Re-encrypt every stored value with the first key. Returns the number of values."""
    keys = fernet()
    count = 0
    for table, columns in encrypted_columns():
        # Read the stored tokens as plain text: no decryption into the session, no plaintext.
        # (type_coerce to Text skips EncryptedText's processing in both directions.)
        raw_query = select(table.c.id, *[type_coerce(c, Text) for c in columns])
        rows = db.session.execute(raw_query).all()
        for row in rows:
            values = {}
            for column, token in zip(columns, row[1:], strict=True):
                if token is not None:
                    rotated = keys.rotate(token.encode("ascii")).decode("ascii")
                    values[column.name] = type_coerce(rotated, Text)
            if values:
                db.session.execute(
                    update(table).where(table.c.id == row[0]).values(values),
                    execution_options={"synchronize_session": False},
                )
                count += len(values)
        db.session.commit()
    return count


@group.command("generate")
def generate_command() -> None:
    """Print a new key (put it first in INTAKE_ENCRYPTION_KEYS, then run `keys rotate`)."""
    click.echo(Fernet.generate_key().decode())


@group.command("rotate")
def rotate_command() -> None:
    """Re-encrypt all reporters' data and evidence files with the first key."""
    from .evidence.rotation import reseal_all

    values = rotate_all()
    files = reseal_all()
    click.echo(f"re-encrypted {values} values and {files.files} evidence files with the first key")
    if files.failed:
        for line in files.failed:
            click.echo(f"not re-encrypted: {line}", err=True)
        raise click.ClickException(
            f"{len(files.failed)} evidence files were not re-encrypted: keep the older keys in "
            "INTAKE_ENCRYPTION_KEYS and run `keys rotate` again once they can be read"
        )
    click.echo("older keys can now be removed from INTAKE_ENCRYPTION_KEYS")
