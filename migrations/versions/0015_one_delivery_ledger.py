"""one delivery ledger: digests, urgent alerts and pattern alerts in one table

Three tables recorded "sent once per recipient" with different guarantees (digest_delivery
claimed a `sending` state; notification and pattern_alert_delivery checked, then sent). Their
rows move into `delivery`, keyed (kind, about, channel, recipient), where every sender claims a
row before sending (workers/delivery.py). `about` is what was delivered as text: the report's
id, the pattern alert's id, or the digest's period and start ("daily 2026-12-01T00:00:00").
notification.kind only ever held 'urgent-alert' and a channel other than the webhook was an
email, so those two are written as such. The downgrade moves every row back.

Revision ID: 0015_one_delivery_ledger
Revises: state_checks
Create Date: 2026-12-04 01:40:00

"""
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015_one_delivery_ledger'
down_revision = 'state_checks'
branch_labels = None
depends_on = None

DELIVERY = ('pending', 'sending', 'sent', 'failed', 'rejected')
KINDS = ('digest', 'urgent-alert', 'pattern-alert')
CHANNELS = ('email', 'webhook')
# What each row of every ledger records, whatever it delivers.
OUTCOME = ('recipient', 'status', 'attempts', 'last_error', 'sent_at')


def _listed(codes):
    return ', '.join(f"'{code}'" for code in codes)


def _table(name, *columns):
    """A table as this revision sees it, for moving rows (never the models: they change)."""
    return sa.table(
        name,
        sa.column('id', sa.Integer),
        sa.column('recipient', sa.String),
        sa.column('status', sa.String),
        sa.column('attempts', sa.Integer),
        sa.column('last_error', sa.String),
        sa.column('sent_at', sa.DateTime),
        *columns,
    )


def _channel(value):
    return 'webhook' if value == 'webhook' else 'email'


delivery = _table(
    'delivery',
    sa.column('kind', sa.String),
    sa.column('about', sa.String),
    sa.column('channel', sa.String),
    sa.column('report_id', sa.Integer),
    sa.column('pattern_alert_id', sa.Integer),
    sa.column('period', sa.String),
    sa.column('period_start', sa.DateTime),
    sa.column('staff_user_id', sa.Integer),
    sa.column('created_at', sa.DateTime),
    sa.column('claimed_at', sa.DateTime),
)
notification = _table(
    'notification',
    sa.column('report_id', sa.Integer),
    sa.column('kind', sa.String),
    sa.column('channel', sa.String),
    sa.column('created_at', sa.DateTime),
)
pattern_alert_delivery = _table(
    'pattern_alert_delivery', sa.column('alert_id', sa.Integer), sa.column('channel', sa.String)
)
digest_delivery = _table(
    'digest_delivery',
    sa.column('period', sa.String),
    sa.column('period_start', sa.DateTime),
    sa.column('staff_user_id', sa.Integer),
    sa.column('created_at', sa.DateTime),
    sa.column('claimed_at', sa.DateTime),
)


def _rows(table):
    return [dict(row._mapping) for row in op.get_bind().execute(sa.select(table))]


def _outcome(row):
    return {name: row[name] for name in OUTCOME}


# The columns of `delivery` that only some kinds fill (one bulk insert needs every key).
WHAT = dict.fromkeys(
    ('report_id', 'pattern_alert_id', 'period', 'period_start', 'staff_user_id', 'claimed_at')
)


def _now():
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _digest_about(period, start):
    # The same text as workers/delivery.py's digest_about.
    return f"{period} {start:%Y-%m-%dT%H:%M:%S}"


def _to_delivery():
    """Every row of the three old ledgers, as rows of `delivery`."""
    now = _now()
    rows = [
        {**WHAT, **_outcome(r), 'kind': 'urgent-alert', 'about': str(r['report_id']),
         'channel': _channel(r['channel']), 'report_id': r['report_id'],
         'created_at': r['created_at']}
        for r in _rows(notification)
    ]
    rows += [
        {**WHAT, **_outcome(r), 'kind': 'pattern-alert', 'about': str(r['alert_id']),
         'channel': _channel(r['channel']), 'pattern_alert_id': r['alert_id'],
         'created_at': r['sent_at'] or now}
        for r in _rows(pattern_alert_delivery)
    ]
    rows += [
        {**WHAT, **_outcome(r), 'kind': 'digest', 'about': _digest_about(r['period'], r['period_start']),
         'channel': 'email', 'period': r['period'], 'period_start': r['period_start'],
         'staff_user_id': r['staff_user_id'], 'created_at': r['created_at'],
         'claimed_at': r['claimed_at']}
        for r in _rows(digest_delivery)
    ]
    return rows


def _create_delivery():
    op.create_table(
        'delivery',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('about', sa.String(length=60), nullable=False),
        sa.Column('channel', sa.String(length=10), nullable=False),
        sa.Column('recipient', sa.String(length=254), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=True),
        sa.Column('pattern_alert_id', sa.Integer(), nullable=True),
        sa.Column('period', sa.String(length=10), nullable=True),
        sa.Column('period_start', sa.DateTime(), nullable=True),
        sa.Column('staff_user_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.String(length=200), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('claimed_at', sa.DateTime(), nullable=True),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.CheckConstraint(f'kind IN ({_listed(KINDS)})', name='ck_delivery_kind'),
        sa.CheckConstraint(f'channel IN ({_listed(CHANNELS)})', name='ck_delivery_channel'),
        sa.CheckConstraint(f'status IN ({_listed(DELIVERY)})', name='ck_delivery_status'),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], name='fk_delivery_report_id_report', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['pattern_alert_id'], ['pattern_alert.id'], name='fk_delivery_pattern_alert_id_pattern_alert', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id'], name='fk_delivery_staff_user_id_staff_user', ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name='pk_delivery'),
        sa.UniqueConstraint('kind', 'about', 'channel', 'recipient', name='uq_delivery_once'),
    )
    op.create_index('ix_delivery_status_claimed', 'delivery', ['status', 'claimed_at'])
    op.create_index('ix_delivery_kind_id', 'delivery', ['kind', 'id'])
    op.create_index('ix_delivery_report_id', 'delivery', ['report_id'])
    op.create_index('ix_delivery_pattern_alert_id', 'delivery', ['pattern_alert_id'])


def _status_check(table):
    return sa.CheckConstraint(f'status IN ({_listed(DELIVERY)})', name=f'ck_{table}_status')


def _outcome_columns():
    return [
        sa.Column('recipient', sa.String(length=254), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.String(length=200), nullable=True),
    ]


def _create_old_ledgers():
    """The three tables as revision state_checks left them."""
    op.create_table(
        'notification',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('channel', sa.String(length=10), nullable=False),
        *_outcome_columns(),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        _status_check('notification'),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], name='fk_notification_report_id_report', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_notification'),
        sa.UniqueConstraint('report_id', 'kind', 'recipient', name='uq_notification_once'),
    )
    op.create_index('ix_notification_report_id', 'notification', ['report_id'])
    op.create_table(
        'pattern_alert_delivery',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('alert_id', sa.Integer(), nullable=False),
        sa.Column('channel', sa.String(length=10), nullable=False),
        *_outcome_columns(),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        _status_check('pattern_alert_delivery'),
        sa.ForeignKeyConstraint(['alert_id'], ['pattern_alert.id'], name='fk_pattern_alert_delivery_alert_id_pattern_alert', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_pattern_alert_delivery'),
        sa.UniqueConstraint('alert_id', 'channel', 'recipient', name='uq_pattern_alert_delivery'),
    )
    op.create_index('ix_pattern_alert_delivery_alert_id', 'pattern_alert_delivery', ['alert_id'])
    op.create_table(
        'digest_delivery',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('period', sa.String(length=10), nullable=False),
        sa.Column('period_start', sa.DateTime(), nullable=False),
        sa.Column('staff_user_id', sa.Integer(), nullable=True),
        *_outcome_columns(),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('claimed_at', sa.DateTime(), nullable=True),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        _status_check('digest_delivery'),
        sa.ForeignKeyConstraint(['staff_user_id'], ['staff_user.id'], name='fk_digest_delivery_staff_user_id_staff_user', ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name='pk_digest_delivery'),
        sa.UniqueConstraint('period', 'period_start', 'recipient', name='uq_digest_delivery_once'),
    )
    op.create_index('ix_digest_delivery_status_created', 'digest_delivery', ['status', 'created_at'])


def _drop_old_ledgers():
    op.drop_index('ix_notification_report_id', table_name='notification')
    op.drop_table('notification')
    op.drop_index('ix_pattern_alert_delivery_alert_id', table_name='pattern_alert_delivery')
    op.drop_table('pattern_alert_delivery')
    op.drop_index('ix_digest_delivery_status_created', table_name='digest_delivery')
    op.drop_table('digest_delivery')


def upgrade():
    _create_delivery()
    rows = _to_delivery()
    if rows:
        op.bulk_insert(delivery, rows)
    _drop_old_ledgers()


def downgrade():
    _create_old_ledgers()
    rows = _rows(delivery)
    back = {
        notification: [
            {**_outcome(r), 'report_id': r['report_id'], 'kind': 'urgent-alert',
             'channel': r['channel'], 'created_at': r['created_at']}
            for r in rows if r['kind'] == 'urgent-alert'
        ],
        pattern_alert_delivery: [
            {**_outcome(r), 'alert_id': r['pattern_alert_id'], 'channel': r['channel']}
            for r in rows if r['kind'] == 'pattern-alert'
        ],
        digest_delivery: [
            {**_outcome(r), 'period': r['period'], 'period_start': r['period_start'],
             'staff_user_id': r['staff_user_id'], 'created_at': r['created_at'],
             'claimed_at': r['claimed_at']}
            for r in rows if r['kind'] == 'digest'
        ],
    }
    for table, moved in back.items():
        if moved:
            op.bulk_insert(table, moved)
    for index in ('ix_delivery_status_claimed', 'ix_delivery_kind_id', 'ix_delivery_report_id',
                  'ix_delivery_pattern_alert_id'):
        op.drop_index(index, table_name='delivery')
    op.drop_table('delivery')
