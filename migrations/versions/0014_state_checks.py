"""state checks: every state column accepts only its codes

Pipeline state, workflow status, priority, level, message sender, staff role and the delivery
ledgers' status were free strings; a misspelt code matched nothing and was never noticed. Each
column now has a CHECK listing its codes (workers/states.py holds them as enums; the lists are
copied here because a migration must not change when the code does). Rows with another value
make the upgrade fail with the constraint's name: correct them first, nothing is rewritten.

Revision ID: state_checks
Revises: volunteer_grants
Create Date: 2026-12-03 14:20:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'state_checks'
down_revision = 'volunteer_grants'
branch_labels = None
depends_on = None

STATUSES = ('new', 'in_review', 'waiting_reporter', 'referred', 'resolved', 'closed')
DELIVERY = ('pending', 'sending', 'sent', 'failed', 'rejected')
CHECKS = {
    'report': {
        'pipeline_state': ('received', 'processing', 'processed', 'failed'),
        'status': STATUSES,
        'priority': ('urgent', 'check-now', 'high', 'normal', 'low'),
        'level': ('urgent', 'check-now', 'normal'),
    },
    'status_change': {'from_status': STATUSES, 'to_status': STATUSES},
    'report_message': {'sender': ('staff', 'reporter')},
    'staff_user': {'role': ('admin', 'supervisor', 'reviewer', 'volunteer')},
    'notification': {'status': DELIVERY},
    'pattern_alert_delivery': {'status': DELIVERY},
    'digest_delivery': {'status': DELIVERY},
}


def upgrade():
    for table, columns in CHECKS.items():
        # batch: SQLite adds a constraint only by copying the table.
        with op.batch_alter_table(table) as batch_op:
            for column, codes in columns.items():
                listed = ', '.join(f"'{code}'" for code in codes)
                batch_op.create_check_constraint(
                    f'ck_{table}_{column}', f'{column} IN ({listed})'
                )


def downgrade():
    for table, columns in CHECKS.items():
        with op.batch_alter_table(table) as batch_op:
            for column in columns:
                batch_op.drop_constraint(f'ck_{table}_{column}', type_='check')
