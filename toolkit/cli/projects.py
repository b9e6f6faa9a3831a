"""``coding-toolkit projects``: the recent-projects list that the app and the CLI share (the first
one is the current project, used when no ``--db`` is given)."""

from __future__ import annotations

import click

from toolkit.cli.common import emit, errors_as_messages, json_option
from toolkit.projects import current_project, forget_project, open_project, recent_projects


@click.group(invoke_without_command=True)
@json_option
@click.pass_context
def projects(ctx: click.Context, as_json: bool) -> None:
    """List the projects opened before; the first is the current project.

    Example: coding-toolkit projects --json
    """
    if ctx.invoked_subcommand is not None:
        return
    items = recent_projects()
    if as_json:
        emit([{**p.__dict__, "exists": p.exists} for p in items])
        return
    if not items:
        click.echo(
            "No project opened yet; `make run` opens the demo, `coding-toolkit --db FILE init` makes one."
        )
    for i, p in enumerate(items):
        mark = "*" if i == 0 else " "
        missing = "" if p.exists else "\t(missing)"
        click.echo(f"{mark} {p.name}\t{p.path}\t{p.opened}{missing}")


@projects.command("current")
@errors_as_messages
def projects_current() -> None:
    """Print the path of the current project (exit code 1 when there is none or it is missing).

    Example: coding-toolkit projects current
    """
    current = current_project()
    if current is None or not current.is_file():
        raise click.ClickException("no current project; open one with `coding-toolkit projects open FILE`")
    click.echo(str(current))


@projects.command("open")
@click.argument("path", type=click.Path(dir_okay=False))
@errors_as_messages
def projects_open(path: str) -> None:
    """Make PATH the current project (the app opens it next, the CLI uses it without --db).

    Example: coding-toolkit projects open data/study.db
    """
    entry = open_project(path)
    click.echo(f"current project: {entry.path}")


@projects.command("forget")
@click.argument("path", type=click.Path(dir_okay=False))
@errors_as_messages
def projects_forget(path: str) -> None:
    """Take PATH off the list of recent projects (the file is not touched).

    Example: coding-toolkit projects forget data/old.db
    """
    if not forget_project(path):
        raise click.ClickException(f"{path} is not on the list; see `coding-toolkit projects`")
    click.echo(f"removed {path} from the list")
