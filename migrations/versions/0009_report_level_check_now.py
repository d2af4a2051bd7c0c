"""report urgency level (urgent, check-now, normal), the check-now rank, the emergency answer

Routing now has three levels: urgent (paged), check-now (might be urgent: top of the queue, no
page-out) and normal. `report.level` stores the level; the priority ranks make room for
check-now right after urgent (urgent 0, check-now 1, high 2, normal 3, low 4), so the queue's
existing index on priority_rank keeps serving its order. `report.emergency_now` keeps the answer
to the form's new first question (is someone held, about to be transferred, hurt or without
medicine, a child alone, right now?). Reports routed before this revision
get the level their `urgent` flag implies.

Revision ID: report_level
Revises: keyed_receipt_hashes
Create Date: 2026-12-02 13:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'report_level'
down_revision = 'keyed_receipt_hashes'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('level', sa.String(length=10), server_default='normal', nullable=False)
        )
        batch_op.add_column(sa.Column('emergency_now', sa.String(length=10), nullable=True))
    op.execute("UPDATE report SET priority_rank = priority_rank + 1 WHERE priority_rank >= 1")
    op.execute("UPDATE report SET level = 'urgent' WHERE urgent")


def downgrade():
    op.execute("UPDATE report SET priority = 'high' WHERE priority = 'check-now'")
    op.execute("UPDATE report SET priority_rank = priority_rank - 1 WHERE priority_rank >= 2")
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_column('emergency_now')
        batch_op.drop_column('level')
