"""staff casework: contact log, referrals, redaction corrections

First response becomes a fact: the contact log records calls and other contacts (when, how,
outcome) and the clock stops on a contact, not on a status change. Referrals record to whom,
when, the reference number and the reporter's consent. Redaction corrections record that staff
redacted more or restored a word (kind and label only, never the text); a report can be marked
"redaction checked".

Revision ID: staff_casework
Revises: evidence
Create Date: 2026-12-02 13:00:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'staff_casework'
down_revision = 'evidence'
branch_labels = None
depends_on = None

PARTIAL_INDEXES = (
    ('ix_report_urgent_unassigned', 'status', 'urgent AND assigned_to_id IS NULL'),
    ('ix_report_unanswered_deadline', 'deadline_at', 'first_response_at IS NULL'),
    ('ix_report_reporter_replied', 'reporter_replied_at', 'reporter_replied_at IS NOT NULL'),
)


def upgrade():
    op.create_table(
        'contact_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('method', sa.String(length=20), nullable=False),
        sa.Column('outcome', sa.String(length=20), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['staff_user.id'], name=op.f('fk_contact_log_author_id_staff_user')),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_contact_log_report_id_report'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_log')),
    )
    op.create_index('ix_contact_log_report_at', 'contact_log', ['report_id', 'at'], unique=False)
    op.create_table(
        'referral',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('destination', sa.String(length=20), nullable=False),
        sa.Column('destination_other', sa.String(length=200), nullable=True),
        sa.Column('referred_on', sa.Date(), nullable=False),
        sa.Column('reference', sa.String(length=100), nullable=True),
        sa.Column('reporter_consented', sa.Boolean(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['staff_user.id'], name=op.f('fk_referral_author_id_staff_user')),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_referral_report_id_report'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    )
    op.create_index('ix_referral_report', 'referral', ['report_id'], unique=False)
    op.create_index(op.f('ix_referral_destination'), 'referral', ['destination'], unique=False)
    op.create_table(
        'redaction_correction',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('label', sa.String(length=20), nullable=False),
        sa.Column('occurrences', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['staff_user.id'], name=op.f('fk_redaction_correction_author_id_staff_user')),
        sa.ForeignKeyConstraint(['message_id'], ['report_message.id'], name=op.f('fk_redaction_correction_message_id_report_message'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_redaction_correction_report_id_report'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_redaction_correction')),
    )
    op.create_index('ix_redaction_correction_report', 'redaction_correction', ['report_id'], unique=False)
    op.create_index(op.f('ix_redaction_correction_label'), 'redaction_correction', ['label'], unique=False)
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('redaction_checked_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('redaction_checked_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_report_redaction_checked_by_id_staff_user'),
            'staff_user', ['redaction_checked_by_id'], ['id'],
        )
        # The queue's saved views: each count reads a small partial index.
        for name, column, where in PARTIAL_INDEXES:
            batch_op.create_index(
                name, [column], unique=False,
                postgresql_where=sa.text(where), sqlite_where=sa.text(where),
            )

def downgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        for name, _, _ in PARTIAL_INDEXES:
            batch_op.drop_index(name)
        batch_op.drop_constraint(batch_op.f('fk_report_redaction_checked_by_id_staff_user'), type_='foreignkey')
        batch_op.drop_column('redaction_checked_by_id')
        batch_op.drop_column('redaction_checked_at')
    op.drop_index(op.f('ix_redaction_correction_label'), table_name='redaction_correction')
    op.drop_index('ix_redaction_correction_report', table_name='redaction_correction')
    op.drop_table('redaction_correction')
    op.drop_index(op.f('ix_referral_destination'), table_name='referral')
    op.drop_index('ix_referral_report', table_name='referral')
    op.drop_table('referral')
    op.drop_index('ix_contact_log_report_at', table_name='contact_log')
    op.drop_table('contact_log')
