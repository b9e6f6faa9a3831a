"""``coding-toolkit done``: a coder marks a document "fertig kodiert" (or takes the mark back)."""

from __future__ import annotations

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.progress import set_done


@click.command("done")
@click.argument("document")
@click.option("--coder", required=True, help="Whose coding of the document is done.")
@click.option("--undo", is_flag=True, help="Take the mark back.")
@json_option
@click.pass_context
@errors_as_messages
def done_cmd(ctx: click.Context, document: str, coder: str, undo: bool, as_json: bool) -> None:
    """Mark DOCUMENT as coded by CODER, also without any coding in it, so that agreement
    compares it (agreement compares only documents every compared coder has coded).

    Example: coding-toolkit done interview_cdo --coder anna
    """
    changed = set_done(project_store(ctx), document, coder, actor=actor_name(), done=not undo)
    if as_json:
        emit({"document": document, "coder": coder, "done": not undo, "changed": changed})
        return
    state = "not marked done" if undo else "marked done"
    click.echo(f"{document}: {state} by {coder}" + ("" if changed else " (already so)"))
