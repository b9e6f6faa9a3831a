"""``user`` and ``team`` commands: accounts, roles and team mode.

The CLI acts as ``$CODING_TOOLKIT_USER`` (or the login name) and asks for no password: whoever can
write the project file holds all its data anyway. The library applies the same role checks as in
the app, so in team mode account commands need that name to be a lead."""

from __future__ import annotations

import sys

import click

from toolkit import accounts, permissions
from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


def _line(user: accounts.User) -> str:
    flags = [f for f, on in (("no password", not user.has_password), ("disabled", user.disabled)) if on]
    return f"{user.name}\t{user.role}" + (f"\t({', '.join(flags)})" if flags else "")


password_stdin = click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin (for scripts)."
)


@click.group("user")
def user() -> None:
    """Accounts of the project (team mode): add, passwords, roles, disable.

    Example: coding-toolkit user add lena --role lead
    """


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(permissions.ROLES), required=True, help="lead or coder.")
@click.option("--no-password", is_flag=True, help="Add without a password (set it later with passwd).")
@password_stdin
@click.pass_context
@errors_as_messages
def user_add(ctx: click.Context, name: str, role: str, no_password: bool, password_stdin: bool) -> None:
    """Add an account; the password is asked twice (or read with --password-stdin).

    The name is also the coder name of that person's codings.

    Example: coding-toolkit user add anna --role coder
    """
    password = None if no_password else _read_password(password_stdin)
    added = accounts.add_user(project_store(ctx), name, role=role, actor=actor_name(), password=password)
    click.echo(f"added {added.name} ({added.role})")


@user.command("passwd")
@click.argument("name")
@password_stdin
@click.pass_context
@errors_as_messages
def user_passwd(ctx: click.Context, name: str, password_stdin: bool) -> None:
    """Set or reset a password; the user's open sessions end.

    Example: coding-toolkit user passwd anna
    """
    accounts.set_password(project_store(ctx), name, _read_password(password_stdin), actor=actor_name())
    click.echo(f"password of {name} set; their sessions ended")


@user.command("list")
@json_option
@click.pass_context
@errors_as_messages
def user_list(ctx: click.Context, as_json: bool) -> None:
    """List the accounts with role, and whether they have a password or are disabled.

    Example: coding-toolkit user list --json
    """
    users = accounts.list_users(project_store(ctx))
    if as_json:
        emit(users)
        return
    for u in users:
        click.echo(_line(u))


@user.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(permissions.ROLES))
@click.pass_context
@errors_as_messages
def user_role(ctx: click.Context, name: str, role: str) -> None:
    """Change an account's role (the last lead of a team project stays a lead).

    Example: coding-toolkit user role anna lead
    """
    changed = accounts.set_role(project_store(ctx), name, role, actor=actor_name())
    click.echo(f"{changed.name} is now {changed.role}")


@user.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Enable the account again instead.")
@click.pass_context
@errors_as_messages
def user_disable(ctx: click.Context, name: str, enable: bool) -> None:
    """Disable an account: no more logins, its sessions end, its codings stay.

    Example: coding-toolkit user disable ben
    """
    changed = accounts.set_disabled(project_store(ctx), name, not enable, actor=actor_name())
    click.echo(f"{changed.name} is {'disabled' if changed.disabled else 'enabled'}")


@click.group("team")
def team() -> None:
    """Team mode: logins and roles in the app, role checks everywhere.

    Example: coding-toolkit team on
    """


@team.command("on")
@click.pass_context
@errors_as_messages
def team_on(ctx: click.Context) -> None:
    """Switch team mode on (needs an enabled lead with a password).

    Example: coding-toolkit team on
    """
    accounts.set_team_mode(project_store(ctx), True, actor=actor_name())
    click.echo("team mode is on: the app asks for a login; roles are enforced")


@team.command("off")
@click.pass_context
@errors_as_messages
def team_off(ctx: click.Context) -> None:
    """Switch team mode off (single-user mode: no login, everyone may change everything).

    Example: coding-toolkit team off
    """
    accounts.set_team_mode(project_store(ctx), False, actor=actor_name())
    click.echo("team mode is off")


@team.command("expiry")
@click.argument("hours", type=float)
@click.pass_context
@errors_as_messages
def team_expiry(ctx: click.Context, hours: float) -> None:
    """Set how many hours a login session lives without use (default 8).

    Example: coding-toolkit team expiry 4
    """
    accounts.set_session_idle_hours(project_store(ctx), hours, actor=actor_name())
    click.echo(f"sessions end after {hours:g} h without use")


@team.command("status")
@json_option
@click.pass_context
@errors_as_messages
def team_status(ctx: click.Context, as_json: bool) -> None:
    """Show whether team mode is on, the session idle time, and who the CLI acts as.

    Example: coding-toolkit team status --json
    """
    store = project_store(ctx)
    actor = actor_name()
    status = {
        "team_mode": permissions.team_mode(store),
        "session_idle_hours": accounts.session_idle_hours(store),
        "acting_as": actor,
        "acting_role": permissions.role(store, actor),
    }
    if as_json:
        emit(status)
        return
    mode = "on" if status["team_mode"] else "off"
    click.echo(
        f"team mode: {mode}; sessions end after {status['session_idle_hours']:g} h idle; "
        f"acting as {actor} ({status['acting_role'] or 'no account'})"
    )
