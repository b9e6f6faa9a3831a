"""``coding-toolkit summary``, ``memo``, ``memos``: thematic summaries per document and code, code
memos and the memo overview (qualitative content analysis, issue 20)."""

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


@click.group("memo")
def memo() -> None:
    """Memos on codes: what a code means in this project, decisions, open questions.

    Example: coding-toolkit memo code "Mensch/Treiber" "Nur Personen, nicht Rollen."
    """


@memo.command("code")
@click.argument("code_path")
@click.argument("text", required=False, default=None)
@click.option("--coder", help="Whose memo (default: the acting user); for another, a lead's action.")
@click.option("--undo", is_flag=True, help="Take back your newest code memo change instead.")
@click.pass_context
@errors_as_messages
def memo_code(ctx: click.Context, code_path: str, text: str | None, coder: str | None, undo: bool) -> None:
    """Write your memo on CODE_PATH (an empty TEXT deletes it; without TEXT: show it).

    Example: coding-toolkit memo code "Mensch/Treiber" "Nur Personen, nicht Rollen."
    """
    from toolkit.memos import code_memo, set_code_memo, undo_code_memo

    store, actor = project_store(ctx), actor_name()
    if undo:
        payload = undo_code_memo(store, actor)
        click.echo("nothing to undo" if payload is None else f"undone: memo on {payload['code']}")
    elif text is None:
        click.echo(code_memo(store, code_path, coder or actor))
    else:
        stored = set_code_memo(store, code_path, text, coder=coder or actor, actor=actor)
        click.echo(f"memo on {code_path} " + ("saved" if stored else "deleted"))


@click.command("memos")
@click.option(
    "--type",
    "kinds",
    multiple=True,
    type=click.Choice(["document", "code", "coding", "summary"]),
    help="Only memos of this type (repeatable).",
)
@click.option("--author", help="Only this author's memos.")
@click.option("--search", default="", help="Only memos containing this text.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write them as a Word file (.docx).")
@json_option
@click.pass_context
@errors_as_messages
def memos_cmd(
    ctx: click.Context,
    kinds: tuple[str, ...],
    author: str | None,
    search: str,
    lang: str,
    output: str | None,
    as_json: bool,
) -> None:
    """List every memo (document, code, coding memos and summaries), newest first, or export them.

    Example: coding-toolkit memos --type code --author anna -o memos.docx
    """
    from toolkit.memos import MEMO_KINDS, list_memos

    found = list_memos(project_store(ctx), kinds=kinds or MEMO_KINDS, author=author, search=search)
    if output:
        from toolkit.atomic import write_bytes
        from toolkit.exports.memos_docx import write_memos_docx
        from toolkit.i18n import language

        buffer = io.BytesIO()
        write_memos_docx(found, buffer, lang=language(lang))
        write_bytes(output, buffer.getvalue())
        click.echo(f"wrote {output}: {len(found)} memos")
    elif as_json:
        emit(found)
    else:
        for m in found:
            where = " | ".join(p for p in (m.document, m.code_path, m.where) if p)
            click.echo(f"[{m.kind}] {where} | {m.author or '-'} | {m.updated_at[:10]}\n  {m.text}")
        if not found:
            click.echo("no memos")


@click.command("compare")
@click.option("--code", "code_path", required=True, help="The code (with its subcodes) to compare.")
@click.option(
    "--by",
    "by",
    required=True,
    help="Groups of documents: attribute:NAME (a document variable) or set (the document sets).",
)
@click.option("--coder", help="Only this coder's codings (default: everyone's).")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write a Word file (.docx).")
@json_option
@click.pass_context
@errors_as_messages
def compare_cmd(
    ctx: click.Context,
    code_path: str,
    by: str,
    coder: str | None,
    lang: str,
    output: str | None,
    as_json: bool,
) -> None:
    """Compare groups of documents: a code's segments side by side per value of a variable, with counts.

    Groups by a document variable (--by attribute:NAME) or by the document sets (--by set).

    Example: coding-toolkit compare --code "Mensch/Treiber" --by attribute:municipality_type -o vergleich.docx
    """
    from toolkit.qca.compare import compare_by

    comparison = compare_by(project_store(ctx), code_path, by, coder=coder)
    if output:
        from toolkit.atomic import write_bytes
        from toolkit.exports.compare_docx import write_comparison_docx
        from toolkit.i18n import language

        buffer = io.BytesIO()
        write_comparison_docx(comparison, buffer, lang=language(lang))
        write_bytes(output, buffer.getvalue())
        click.echo(f"wrote {output}: {len(comparison.groups)} groups")
    elif as_json:
        emit(comparison)
    else:
        none = "(in no set)" if comparison.by == "set" else "(no value)"
        for g in comparison.groups:
            click.echo(
                f"{g.value or none}: {g.documents} documents, {g.documents_coded} with the code, "
                f"{len(g.segments)} segments"
            )
