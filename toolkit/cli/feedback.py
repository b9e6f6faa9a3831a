"""The ``suggestion`` commands: accept or reject one suggestion, list rejections (the workbench's
Annehmen and Ablehnen on the command line)."""

from __future__ import annotations

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.codes import find_code
from toolkit.errors import NotFound
from toolkit.suggest.feedback import accept, reject
from toolkit.suggest.rank import suggest
from toolkit.suggest.rejections import rejections


@click.group("suggestion")
def suggestion() -> None:
    """Accept or reject code suggestions, as in the workbench.

    Example: coding-toolkit suggestion accept interview_cdo 120 188 "Mensch/Schulung" --coder anna
    """


@suggestion.command("accept")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("code")
@click.option("--coder", required=True, help="Whose coding it becomes.")
@json_option
@click.pass_context
@errors_as_messages
def accept_command(
    ctx: click.Context, document: str, start: int, end: int, code: str, coder: str, as_json: bool
) -> None:
    """Turn the open suggestion of CODE for the unit START-END into a coding of the coder, with its
    provenance (suggestion:rule, suggestion:model:<model>, ...) as the coding's origin.

    Example: coding-toolkit suggestion accept interview_cdo 120 188 "Mensch/Schulung" --coder anna
    """
    store = project_store(ctx)
    path = find_code(store, code).path
    found = [
        s
        for s in suggest(store, document, coder=coder)
        if (s.start, s.end, s.code_path) == (start, end, path)
    ]
    if not found:
        raise NotFound("suggestion.not_open", code=code, document=document, start=start, end=end, coder=coder)
    guid = accept(store, coder, document, found[0], actor=actor_name())
    if as_json:
        emit({"coding": guid, "origin": store.one("SELECT origin FROM codings WHERE guid = ?", (guid,))})
    else:
        click.echo(guid)


@suggestion.command("reject")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("code")
@click.option("--coder", required=True, help="Who rejects it (is not offered it again).")
@click.pass_context
@errors_as_messages
def reject_command(ctx: click.Context, document: str, start: int, end: int, code: str, coder: str) -> None:
    """Reject CODE for the unit START-END: the coder is never offered it there again.

    Example: coding-toolkit suggestion reject interview_cdo 120 188 "Mensch/Schulung" --coder anna
    """
    reject(project_store(ctx), coder, document, start, end, code, actor=actor_name())
    click.echo(f"rejected {code} for {document} {start}-{end} ({coder})")


@suggestion.command("rejections")
@click.option("--coder", help="Only this coder's rejections.")
@click.option("--document", help="Only this document's rejections.")
@json_option
@click.pass_context
@errors_as_messages
def rejections_command(ctx: click.Context, coder: str | None, document: str | None, as_json: bool) -> None:
    """List rejected suggestions (document, unit, code, coder).

    Example: coding-toolkit suggestion rejections --coder anna --json
    """
    found = rejections(project_store(ctx), coder=coder, document=document)
    if as_json:
        emit(found)
        return
    for r in found:
        click.echo(f"{r.document}\t{r.start}-{r.end}\t{r.code_path}\t{r.coder}")
