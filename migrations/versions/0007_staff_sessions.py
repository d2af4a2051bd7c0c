"""staff sessions held on the server; password reset at next sign-in

A staff session is a row (`staff_session`) whose token the cookie carries, so logout, a password
change, a two-factor reset and disabling an account end it wherever the cookie has been copied.
Sessions signed in before this revision carry no token: their holders sign in again.
`staff_user.must_change_password` is set by an administrator's reset.

Revision ID: staff_sessions
Revises: 0006
Create Date: 2026-12-02 13:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'staff_sessions'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'staff_session',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ['user_id'], ['staff_user.id'],
            name=op.f('fk_staff_session_user_id_staff_user'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_session')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_staff_session_token_hash')),
    )
    with op.batch_alter_table('staff_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_session_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade():
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
    with op.batch_alter_table('staff_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_session_user_id'))
    op.drop_table('staff_session')
