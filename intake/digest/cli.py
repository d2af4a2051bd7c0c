"""`flask --app intake digest send --period daily|weekly [--dry-run]`."""

from __future__ import annotations

from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup

from workers.digests import render_period, send_period

from ..models.digest import PERIODS

group = AppGroup("digest", help="Digest emails to staff (counts and links, never narratives).")


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter("use YYYY-MM-DD") from exc


@group.command("send")
@click.option("--period", type=click.Choice(PERIODS), required=True)
@click.option("--dry-run", is_flag=True, help="Print the emails instead of sending them.")
@click.option(
    "--start",
    "start",
    default=None,
    help="Start of the period to send (YYYY-MM-DD, UTC); default: the last complete one.",
)
def send_command(period: str, dry_run: bool, start: str | None) -> None:
    """Send the daily or weekly digest to everyone subscribed, once per period and person.

    Running it again (or while beat runs it) sends nothing twice; failed sends are tried again.
    """
    period_start = _date(start)
    if dry_run:
        digests = render_period(period, period_start=period_start)
        for recipient, digest in digests:
            click.echo(f"To: {recipient.email}")
            click.echo(f"Subject: {digest.subject}")
            click.echo(f"Language: {digest.language}")
            chart = f"{len(digest.chart_png)} bytes" if digest.chart_png else "none"
            click.echo(f"(Also sent: an HTML version, and a PNG chart: {chart})")
            click.echo("")
            click.echo(digest.text)
            click.echo("-" * 72)
        click.echo(f"dry run: {len(digests)} {period} digest(s) built, none sent")
        return
    if not current_app.config.get("MAIL_SERVER"):
        raise click.ClickException("MAIL_SERVER is not set: nothing can be sent (try --dry-run)")
    outcome = send_period(period, period_start=period_start)
    click.echo(
        f"{period} digest from {outcome.period_start:%Y-%m-%d}: {outcome.sent} sent, "
        f"{outcome.skipped} already sent or in progress, {outcome.failed} failed "
        f"(running this again retries them), {outcome.rejected} rejected by the mail server"
    )
    if outcome.failed or outcome.rejected:
        raise SystemExit(1)
