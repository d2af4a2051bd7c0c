"""queue search indexes

The staff queue's category and free-text filters scanned every processed report. On PostgreSQL:
report.categories becomes jsonb with a GIN index (jsonb_path_ops, for the @> containment the
queue uses), and pg_trgm GIN indexes on the redacted narrative and the summary serve the
ILIKE '%...%' search. On SQLite the same indexes are created empty (WHERE 0): SQLite has no GIN,
the filters scan there, and one schema keeps `test_alembic_head_matches_the_models` true on both.

pg_trgm ships with PostgreSQL itself (contrib, in Debian's postgresql-NN package and the official
image); CREATE EXTENSION needs a superuser or, since PostgreSQL 13 (pg_trgm is a trusted
extension), the database owner. The downgrade leaves the extension installed: something else
may use it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 06:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

INDEXES = (
    ('ix_report_categories_gin', 'categories', 'jsonb_path_ops'),
    ('ix_report_narrative_trgm', 'narrative_redacted', 'gin_trgm_ops'),
    ('ix_report_summary_trgm', 'summary', 'gin_trgm_ops'),
)


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        op.execute('ALTER TABLE report ALTER COLUMN categories TYPE jsonb USING categories::jsonb')
    for name, column, ops in INDEXES:
        op.create_index(
            name,
            'report',
            [column],
            unique=False,
            postgresql_using='gin',
            postgresql_ops={column: ops},
            sqlite_where=sa.text('0'),
        )


def downgrade():
    for name, _column, _ops in reversed(INDEXES):
        op.drop_index(name, table_name='report')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ALTER TABLE report ALTER COLUMN categories TYPE json USING categories::json')
