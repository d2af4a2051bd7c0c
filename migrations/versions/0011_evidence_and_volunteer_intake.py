"""evidence files and reports taken by a volunteer

An `attachment` row per evidence file: the sealed original's storage key, its SHA-256 on
arrival, and the sterilised staff copy the worker makes. The file's name is never stored.
Reports get who entered them for someone (a volunteer or any staff account), the channel and the
language the person spoke; NULL for reports sent on the public form.

Revision ID: evidence
Revises: accountability
Create Date: 2026-12-02 13:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'evidence'
down_revision = 'accountability'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'attachment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('source', sa.String(length=12), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('media_type', sa.String(length=40), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('original_key', sa.String(length=200), nullable=True),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('safe_key', sa.String(length=200), nullable=True),
        sa.Column('safe_media_type', sa.String(length=40), nullable=True),
        sa.Column('safe_size', sa.Integer(), nullable=True),
        sa.Column('thumbnail_key', sa.String(length=200), nullable=True),
        sa.Column('removed', sa.JSON(), nullable=False),
        sa.Column('enqueued_at', sa.DateTime(), nullable=True),
        sa.Column('claimed_at', sa.DateTime(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('processed_at', sa.DateTime(), nullable=True),
        sa.Column('failure_reason', sa.String(length=200), nullable=True),
        sa.Column('purged_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_attachment_report_id_report')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment')),
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_report_id'), ['report_id'], unique=False)
        batch_op.create_index('ix_attachment_state_enqueued', ['state', 'enqueued_at'], unique=False)

    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entered_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('channel', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('spoken_language', sa.String(length=8), nullable=True))
        batch_op.create_index(batch_op.f('ix_report_entered_by_id'), ['entered_by_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_report_entered_by_id_staff_user'), 'staff_user', ['entered_by_id'], ['id']
        )


def downgrade():
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_report_entered_by_id_staff_user'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_report_entered_by_id'))
        batch_op.drop_column('spoken_language')
        batch_op.drop_column('channel')
        batch_op.drop_column('entered_by_id')

    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index('ix_attachment_state_enqueued')
        batch_op.drop_index(batch_op.f('ix_attachment_report_id'))

    op.drop_table('attachment')
