from __future__ import annotations

import json

import click
from sqlalchemy import select

from workers.states import PipelineState

from ..extensions import db
from ..models import Report
from ..staff.exports import records

group = click.Group("reports", help="Reports: export redacted records.")


@group.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--processed-only", is_flag=True, help="Leave out reports still in the pipeline.")
@click.option(
    "--officers",
    is_flag=True,
    help="Keep officer names and badge numbers (replaced by [OFFICER] without it, as on the web).",
)
@click.option(
    "--checked-only", is_flag=True, help="Only reports whose redaction staff marked checked."
)
def export_command(fmt: str, processed_only: bool, officers: bool, checked_only: bool) -> None:
    """Print one JSON object per report: redacted fields only, never contact details."""
    query = select(Report).order_by(Report.id).execution_options(yield_per=500)
    if processed_only:
        query = query.where(Report.pipeline_state == PipelineState.PROCESSED)
    if checked_only:
        query = query.where(Report.redaction_checked_at.is_not(None))
    for record in records(db.session.scalars(query), include_officers=officers):
        click.echo(json.dumps(record, ensure_ascii=False))
