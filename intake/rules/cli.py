from __future__ import annotations

import json
from pathlib import Path

import click

from workers.route import RulesError, default_rules_path, dry_run, load_rules
from workers.states import Level

from ..extensions import db
from ..models import Report
from ..reports.facts import facts_of

# What each level does, said once beside it (never "priority urgent (urgent)").
LEVEL_NOTES = {
    Level.URGENT: " (pages on-call now)",
    Level.CHECK_NOW: " (top of the queue, no page-out)",
}

group = click.Group("rules", help="Routing rules: check a file, dry-run it before changing it.")

rules_option = click.option(
    "--rules",
    "rules_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A rules file to try (default: the one in force).",
)


def _load(path: Path | None):  # noqa: ANN202
    try:
        return load_rules(path or default_rules_path())
    except RulesError as exc:
        raise click.ClickException(str(exc)) from exc


@group.command("check")
@click.argument(
    "path", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
def check_command(path: Path | None) -> None:
    """Validate a rules file (default: the one in force)."""
    rules = _load(path)
    click.echo(
        f"{path or default_rules_path()}: valid, version {rules.version}, "
        f"{len(rules.rules)} rules, queues: {', '.join(rules.queues)}"
    )


@group.command("test")
@rules_option
@click.option("--report", "report_id", type=int, help="Dry-run on an existing report.")
@click.option("--narrative", help="Dry-run on a sample narrative (redacted text).")
@click.option("--sample", type=click.File(), help="Dry-run on a JSON file of report facts.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole decision and trace.")
def test_command(
    rules_path: Path | None, report_id: int | None, narrative: str | None, sample, as_json: bool
) -> None:  # noqa: ANN001
    """Show where a report would go, which rules match and why; changes nothing."""
    rules = _load(rules_path)
    if report_id is not None:
        report = db.session.get(Report, report_id)
        if report is None:
            raise click.ClickException(f"no report #{report_id}")
        if report.narrative_redacted is None:
            raise click.ClickException(f"report #{report_id} is not processed yet")
        redaction = report.redaction or {}
        subject = facts_of(
            report,
            {
                "narrative": report.narrative_redacted,
                "facility": redaction.get("facility"),
                "location_detail": redaction.get("location_detail"),
            },
        )
    elif sample is not None:
        try:
            subject = json.load(sample)
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"--sample is not valid JSON: {exc}") from exc
    elif narrative is not None:
        subject = narrative
    else:
        raise click.UsageError("give one of --report, --narrative or --sample")
    try:
        result = dry_run(subject, rules)
    except TypeError as exc:  # a --sample value of the wrong type, named by its key
        raise click.ClickException(f"--sample: {exc}") from exc
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(f"queue:    {result['queue']}")
    click.echo(f"priority: {result['priority']}")
    click.echo(f"level:    {result['level']}{LEVEL_NOTES.get(result['level'], '')}")
    click.echo(f"deadline: {result['deadline_hours']} h")
    click.echo(f"flags:    {', '.join(result['flags']) or '-'}")
    click.echo(f"alert:    {', '.join(result['alert']) or '-'}")
    click.echo(f"why:      {result['explanation']}")
    for match in result["matched"]:
        click.echo(f"  matched {match['rule']}: {match.get('description', '')}")
