"""The root group of ``coding-toolkit``: the ``--db`` option, the lazy command table and the one
error handler. Command modules are imported when their command is used, so ``--help`` and the
light commands start without spaCy, pandas or numpy."""

from __future__ import annotations

import importlib
import os
from typing import Any

import click

from toolkit.cli.commands import COMMANDS


def _default_db() -> str:
    from toolkit.projects import default_db

    return default_db()


class LazyGroup(click.Group):
    """A group that imports a command's module the first time the command is needed; its own help
    lists the commands with the short help kept in :data:`COMMANDS`, importing none of them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, _, name = COMMANDS[cmd_name].target.partition(":")
            command = getattr(importlib.import_module(module), name)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands with their short help, from the table for commands not loaded yet."""
        rows = []
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names), default=0)
        for name in names:
            command = self.commands.get(name) or click.Command(name, help=COMMANDS[name].help)
            if not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        """The one error handler: every failure of a command becomes one line naming the file and
        the fix (a full disk, a damaged project, ...), never a traceback, and exit code 1.
        CODING_TOOLKIT_DEBUG=1 shows the traceback instead."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            if os.environ.get("CODING_TOOLKIT_DEBUG") == "1":
                raise
            from toolkit.errors import failure_message

            project = ctx.obj.get("db") if isinstance(ctx.obj, dict) else None
            raise click.ClickException(failure_message(exc, project)) from None


@click.group(cls=LazyGroup)
@click.option(
    "--db",
    envvar="CODING_TOOLKIT_DB",
    default=_default_db,
    show_default="the current project: the one the app opened last, else data/project.db",
    help="Project database (env CODING_TOOLKIT_DB).",
)
@click.version_option(package_name="coding-toolkit")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """Code interview transcripts as a team: import, code, compare, report.

    Example: coding-toolkit --db data/study.db init
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


def main() -> None:
    cli(obj={})
