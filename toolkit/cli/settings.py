"""``settings``: the project's defaults and each person's own choices (today the UI language)."""

from __future__ import annotations

from typing import Any

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.settings import CHOICES, set_personal, set_project_default, settings_overview


@click.group("settings")
def settings() -> None:
    """Show and set the project's defaults and each person's own choices (the UI language).

    A person's own choice wins over the project's default, which wins over the built-in default.

    Example: coding-toolkit settings set language en
    """


@settings.command("set")
@click.argument("key", type=click.Choice(sorted(CHOICES)))
@click.argument("value")
@click.option(
    "--coder",
    metavar="NAME",
    help="Set NAME's own choice instead of the project's default (any user may set their own).",
)
@click.pass_context
@errors_as_messages
def settings_set(ctx: click.Context, key: str, value: str, coder: str | None) -> None:
    """Set the project's default for KEY (a lead's action in team mode), or with --coder one
    person's own choice. language: de or en, for the app's pages and the exports.

    Example: coding-toolkit settings set language en

    Example: coding-toolkit settings set language de --coder anna
    """
    store = project_store(ctx)
    if coder:
        set_personal(store, coder, key, value, actor=actor_name())
        click.echo(f"{key} of {coder} is now {value}")
    else:
        set_project_default(store, key, value, actor=actor_name())
        click.echo(f"the project's {key} is now {value}")


@settings.command("show")
@json_option
@click.pass_context
@errors_as_messages
def settings_show(ctx: click.Context, as_json: bool) -> None:
    """Show each setting: the project's value, the built-in default, the allowed values and the
    personal choices.

    Example: coding-toolkit settings show --json
    """
    overview: dict[str, Any] = settings_overview(project_store(ctx))
    if as_json:
        emit(overview)
        return
    for key, row in overview.items():
        click.echo(
            f"{key}: {row['project']} (built-in default {row['default']}; "
            f"allowed: {', '.join(row['allowed'])})"
        )
        for name, value in row["personal"].items():
            click.echo(f"  {name}: {value}")
