from __future__ import annotations

from pathlib import Path

import click

from .importer import STATUSES, AgencyFileError, import_agencies

group = click.Group("agencies", help="The 287(g) agency list offered in the form.")


@group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--status",
    type=click.Choice(STATUSES),
    help="Status of the listed agencies (default: from the file name).",
)
def import_command(path: Path, status: str | None) -> None:
    """Load an ICE 287(g) spreadsheet (.xlsx) or a CSV with the same columns."""
    try:
        result = import_agencies(path, status)
    except AgencyFileError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"{path.name}: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged, {len(result.skipped)} rows skipped"
    )
    for reason in result.skipped:
        click.echo(f"  skipped {reason}")
