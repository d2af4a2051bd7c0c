"""`flask --app intake setup`: what `make run` does before starting (idempotent)."""

from __future__ import annotations

import os

import click
from flask import current_app
from flask_migrate import upgrade
from sqlalchemy import func, select

from workers.states import Role

from .agencies.importer import import_agencies
from .auth.cli import create_user
from .config import AGENCY_SEED
from .extensions import db
from .models import StaffUser

LOCAL_ADMIN = "admin@localhost"


@click.command("setup")
def setup_command() -> None:
    """Apply migrations, load the agency list, and create a local admin on first run."""
    upgrade()
    for path in sorted(AGENCY_SEED.parent.glob("*")):
        if path.suffix in (".xlsx", ".csv"):
            result = import_agencies(path)
            click.echo(
                f"agencies from {path.name}: {result.added} added, "
                f"{result.updated} updated, {result.unchanged} unchanged"
            )
    if db.session.scalar(select(func.count()).select_from(StaffUser)) == 0 and (
        current_app.config.get("INTAKE_ENV") == "production"
    ):
        # A generated password would end up in the deployment's logs: say how to make one.
        click.echo(
            "no staff account yet; create the first administrator with:\n"
            "  flask --app intake users create EMAIL --role admin\n"
            "(it asks for the password; nothing is printed)"
        )
    elif db.session.scalar(select(func.count()).select_from(StaffUser)) == 0:
        user, password = create_user(LOCAL_ADMIN, Role.ADMIN)
        click.secho(
            f"\nStaff login: http://127.0.0.1:{os.environ.get('PORT', '5000')}/staff/login\n"
            f"  email:    {user.email}\n  password: {password}   (shown once; keep it safe)\n",
            fg="green",
        )
    else:
        click.echo(
            "staff accounts exist; make another with: "
            "flask --app intake users create EMAIL --role admin"
        )
