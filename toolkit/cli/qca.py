"""``coding-toolkit summary``: thematic summaries per document and code (qualitative content
analysis, issue 20)."""

from __future__ import annotations

import io
from pathlib import Path

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store


@click.group("summary")
def summary() -> None:
    """Thematic summaries: one text per document and code (and coder).

    Example: coding-toolkit summary show --code "Mensch/Treiber" --json
    """


@summary.command("set")
@click.argument("document")
@click.argument("code_path")
@click.argument("text", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=False, exists=True), help="Read the text from F.")
@click.option("--coder", help="Whose summary (default: the acting user); for another, a lead's action.")
@json_option
@click.pass_context
@errors_as_messages
def summary_set(
    ctx: click.Context,
    document: str,
    code_path: str,
    text: str | None,
    file: str | None,
    coder: str | None,
    as_json: bool,
) -> None:
    """Write the summary of DOCUMENT for CODE_PATH (an empty TEXT deletes it).

    Example: coding-toolkit summary set interview_cdo "Mensch/Treiber" "Sieht Lotsen als Schlüssel."
    """
    from toolkit.qca.summaries import set_summary

    if (text is None) == (file is None):
        raise click.UsageError("give the summary as TEXT or with --file F (one of them)")
    body = Path(file).read_text(encoding="utf-8") if file else str(text)
    actor = actor_name()
    result = set_summary(project_store(ctx), document, code_path, body, coder=coder or actor, actor=actor)
    if as_json:
        emit(result)
    elif result is None:
        click.echo(f"summary of {document} / {code_path} deleted")
    else:
        click.echo(f"summary of {document} / {code_path} saved ({len(result.text)} characters)")


@summary.command("show")
@click.option("--code", "code_path", help="Only summaries of this code.")
@click.option("--document", help="Only summaries of this document.")
@click.option("--coder", help="Only this coder's summaries.")
@json_option
@click.pass_context
@errors_as_messages
def summary_show(
    ctx: click.Context, code_path: str | None, document: str | None, coder: str | None, as_json: bool
) -> None:
    """List summaries; "changed" marks one whose coded segments changed since it was written.

    Example: coding-toolkit summary show --code "Mensch/Treiber" --json
    """
    from toolkit.qca.summaries import list_summaries

    found = list_summaries(project_store(ctx), code=code_path, document=document, coder=coder)
    if as_json:
        emit(found)
        return
    for s in found:
        mark = " [segments changed]" if s.changed else ""
        click.echo(f"{s.document} | {s.code_path} | {s.coder}{mark}\n  {s.text}")
    if not found:
        click.echo("no summaries")


@summary.command("export")
@click.option("--codes", required=True, help="Code paths as columns, separated by commas.")
@click.option("--variables", default="", help="Document variables as columns, separated by commas.")
@click.option("--coder", help="Only this coder's summaries (default: everyone's, named).")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "docx"]), help="Default: from -o's suffix.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.pass_context
@errors_as_messages
def summary_export(
    ctx: click.Context,
    codes: str,
    variables: str,
    coder: str | None,
    fmt: str | None,
    lang: str,
    output: str,
) -> None:
    """Write the summary table: documents (with variables) x codes, as XLSX or landscape DOCX.

    Example: coding-toolkit summary export --codes Mensch,Produkt --variables municipality_type -o s.docx
    """
    from toolkit.atomic import write_bytes
    from toolkit.exports.summary_tables import FORMATS, summary_table, write_summary_table
    from toolkit.i18n import language

    chosen = fmt or Path(output).suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise click.UsageError(f"cannot tell the format from {output!r}; pass --format xlsx or docx")
    lang_ = language(lang)
    table = summary_table(
        project_store(ctx),
        [c.strip() for c in codes.split(",") if c.strip()],
        variables=[v.strip() for v in variables.split(",") if v.strip()],
        coder=coder,
        lang=lang_,
    )
    buffer = io.BytesIO()
    n = write_summary_table(table, chosen, buffer, lang=lang_)
    write_bytes(output, buffer.getvalue())
    click.echo(f"wrote {output}: {n} documents x {len(table.columns) - 1} columns")


@summary.command("undo")
@click.pass_context
@errors_as_messages
def summary_undo(ctx: click.Context) -> None:
    """Take back your newest summary change.

    Example: coding-toolkit summary undo
    """
    from toolkit.qca.summaries import undo_summary

    payload = undo_summary(project_store(ctx), actor_name())
    if payload is None:
        click.echo("nothing to undo")
    else:
        click.echo(f"undone: summary of {payload['document']} / {payload['code']}")
