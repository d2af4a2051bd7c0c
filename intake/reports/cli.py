from __future__ import annotations

import json

import click
from sqlalchemy import select

from ..extensions import db
from ..models import Report
from .export import export_record

group = click.Group("reports", help="Reports: export redacted records.")


@group.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--processed-only", is_flag=True, help="Leave out reports still in the pipeline.")
def export_command(fmt: str, processed_only: bool) -> None:
    """Print one JSON object per report: redacted fields only, never contact details."""
    query = select(Report).order_by(Report.id).execution_options(yield_per=500)
    if processed_only:
        query = query.where(Report.pipeline_state == "processed")
    for report in db.session.scalars(query):
        click.echo(json.dumps(export_record(report), ensure_ascii=False))
