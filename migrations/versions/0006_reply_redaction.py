"""reply redaction

A reporter's follow-up reply goes through the anonymizer like the narrative: the worker writes
report_message.body_redacted and stamps redacted_at, and staff pages show only the redacted
text. Staff messages keep both NULL (they are ours). `enqueued_at` is stamped like a report's, so
the sweep re-sends a reply only once its last message is older than the grace period. A partial
index holds only the reporter replies still waiting for the anonymizer, so the every-minute
sweep never scans the table.
Replies written before this revision have redacted_at NULL: the sweep redacts them after the
upgrade, and until then staff see that they are being anonymized.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

UNREDACTED = "redacted_at IS NULL AND sender = 'reporter'"


def upgrade():
    with op.batch_alter_table('report_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('body_redacted', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('redacted_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('enqueued_at', sa.DateTime(), nullable=True))
        batch_op.create_index(
            'ix_report_message_unredacted',
            ['created_at'],
            unique=False,
            postgresql_where=sa.text(UNREDACTED),
            sqlite_where=sa.text(UNREDACTED),
        )


def downgrade():
    with op.batch_alter_table('report_message', schema=None) as batch_op:
        batch_op.drop_index('ix_report_message_unredacted')
        batch_op.drop_column('enqueued_at')
        batch_op.drop_column('redacted_at')
        batch_op.drop_column('body_redacted')
