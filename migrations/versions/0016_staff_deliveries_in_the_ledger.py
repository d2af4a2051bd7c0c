"""staff deliveries in the ledger: referral reminders and unusual-entry flags

Referral reminders claimed their packet with a conditional UPDATE and then emailed each language's
readers; a failure took the claim back, so a reader already sent to was reminded again. The
unusual-entry flag emailed the admins with no record at all, so a retry repeated every email.
Both now go through the delivery ledger, one row per reader: the kind check accepts their kinds.
A downgrade removes those rows (the older code has no use for them) and restores the old check.

Revision ID: 0016_staff_deliveries
Revises: 0015_one_delivery_ledger
Create Date: 2026-12-04 19:20:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0016_staff_deliveries'
down_revision = '0015_one_delivery_ledger'
branch_labels = None
depends_on = None

KINDS = ('digest', 'urgent-alert', 'pattern-alert')
NEW_KINDS = ('referral-reminder', 'heavy-entry')


def _listed(codes):
    return ', '.join(f"'{code}'" for code in codes)


def _kind_check(codes):
    # batch: SQLite changes a constraint only by copying the table.
    with op.batch_alter_table('delivery') as batch_op:
        batch_op.drop_constraint('ck_delivery_kind', type_='check')
        batch_op.create_check_constraint('ck_delivery_kind', f'kind IN ({_listed(codes)})')


def upgrade():
    _kind_check(KINDS + NEW_KINDS)


def downgrade():
    delivery = sa.table('delivery', sa.column('kind', sa.String))
    op.execute(delivery.delete().where(delivery.c.kind.in_(NEW_KINDS)))
    _kind_check(KINDS)
