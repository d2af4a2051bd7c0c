"""volunteer grants: a supervisor lets a volunteer see more than the reports they entered

A volunteer sees only the reports they entered until a supervisor grants more: the reports of
some queues (or all), as a reviewer sees them. Grants are revoked, never deleted; at most one
is in force per volunteer.

Revision ID: volunteer_grants
Revises: staff_casework
Create Date: 2026-12-03 14:30:00

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'volunteer_grants'
down_revision = 'staff_casework'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'volunteer_grant',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('volunteer_id', sa.Integer(), nullable=False),
        sa.Column('queues', sa.JSON(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('granted_by_id', sa.Integer(), nullable=True),
        sa.Column('granted_at', sa.DateTime(), nullable=False),
        sa.Column('revoked_by_id', sa.Integer(), nullable=True),
        sa.Column('revoked_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['volunteer_id'], ['staff_user.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['granted_by_id'], ['staff_user.id']),
        sa.ForeignKeyConstraint(['revoked_by_id'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_volunteer_grant_volunteer_id', 'volunteer_grant', ['volunteer_id'])
    op.create_index(
        'uq_volunteer_grant_in_force', 'volunteer_grant', ['volunteer_id'], unique=True,
        postgresql_where=sa.text('revoked_at IS NULL'), sqlite_where=sa.text('revoked_at IS NULL'),
    )


def downgrade():
    op.drop_index('uq_volunteer_grant_in_force', table_name='volunteer_grant')
    op.drop_index('ix_volunteer_grant_volunteer_id', table_name='volunteer_grant')
    op.drop_table('volunteer_grant')
