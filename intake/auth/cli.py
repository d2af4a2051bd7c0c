from __future__ import annotations

import secrets

import click
from email_validator import EmailNotValidError

from workers.states import Role

from ..extensions import db
from ..models import StaffUser
from ..staff.accounts import staff_email
from .routes import find_user

group = click.Group("users", help="Staff accounts.")


def create_user(email: str, role: str, password: str | None = None) -> tuple[StaffUser, str]:
    """Create a staff account; returns it and its password (generated when not given)."""
    password = password or secrets.token_urlsafe(12)
    user = StaffUser(email=email.strip().lower(), role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user, password


@group.command("create")
@click.argument("email")
@click.option(
    "--role", type=click.Choice(Role.values()), default=Role.REVIEWER.value, show_default=True
)
@click.option("--password", help="Omit to be asked (or use --generate).")
@click.option("--generate", is_flag=True, help="Generate a password and print it once.")
def create_command(email: str, role: str, password: str | None, generate: bool) -> None:
    """Make a staff account."""
    try:
        email = staff_email(email)
    except EmailNotValidError as exc:
        raise click.BadParameter(str(exc), param_hint="EMAIL") from exc
    if find_user(email):
        raise click.ClickException(f"an account for {email} already exists")
    if not password and not generate:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if password is not None and len(password) < 12:
        raise click.BadParameter("use at least 12 characters", param_hint="--password")
    user, password = create_user(email, role, password)
    click.echo(f"created {user.role} {user.email}")
    if generate:
        click.echo(f"password (shown once): {password}")


@group.command("reset")
@click.argument("email")
def reset_command(email: str) -> None:
    """Reset an account: a temporary password (printed once), replaced at the next sign-in,
    then a new two-factor setup. Every session of the account ends."""
    from ..models.audit import audit
    from .account import reset_account

    user = find_user(email)
    if user is None:
        raise click.ClickException(f"no account for {email.strip().lower()}")
    password = reset_account(user)
    audit("user.reset", actor_email="command line", target_user_id=user.id)
    db.session.commit()
    click.echo(f"reset {user.email}: every session ended")
    click.echo(f"temporary password (shown once): {password}")
