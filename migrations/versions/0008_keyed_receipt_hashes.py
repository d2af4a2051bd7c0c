"""receipt hashes keyed with the server's secret

Until now `report.receipt_hash` was the plain SHA-256 of the code, so a copy of the database and
a code found on a seized phone found the report without any key. Each stored value becomes
HMAC-SHA-256(key derived from SECRET_KEY, old value) (intake/public/receipts.py `keyed`), which
is what `receipt_hash` computes for a code from now on: every existing receipt keeps working.
The plain hashes cannot be recovered from the keyed ones: a downgrade leaves them keyed (the rows
stay; the older code no longer finds a report by its receipt until a backup from before this
revision is restored), and says so.

Revision ID: keyed_receipt_hashes
Revises: staff_sessions
Create Date: 2026-12-02 13:30:00

"""
import hashlib
import hmac
import logging

from alembic import op
import sqlalchemy as sa
from flask import current_app


# revision identifiers, used by Alembic.
revision = 'keyed_receipt_hashes'
down_revision = 'staff_sessions'
branch_labels = None
depends_on = None

BATCH = 1000


def keyed(unkeyed: str, secret_key: str) -> str:
    # As intake/public/receipts.py `keyed` is at this revision (copied so this stays fixed).
    key = hmac.new(secret_key.encode(), b"receipt-hash", hashlib.sha256).digest()
    return hmac.new(key, unkeyed.encode(), hashlib.sha256).hexdigest()


def upgrade():
    secret_key = current_app.config["SECRET_KEY"]
    connection = op.get_bind()
    report = sa.table('report', sa.column('id', sa.Integer), sa.column('receipt_hash', sa.String))
    last = 0
    while True:
        rows = connection.execute(
            sa.select(report.c.id, report.c.receipt_hash)
            .where(report.c.id > last)
            .order_by(report.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        for row_id, unkeyed in rows:
            connection.execute(
                report.update()
                .where(report.c.id == row_id)
                .values(receipt_hash=keyed(unkeyed, secret_key))
            )
        last = rows[-1][0]


def downgrade():
    logging.getLogger("alembic.runtime.migration").warning(
        "receipt hashes stay keyed: the older code will not find reports by their receipts "
        "(restore a backup from before this revision for that)"
    )
