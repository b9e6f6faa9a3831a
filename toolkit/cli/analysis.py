"""Analysis commands: frequencies, matrices, co-occurrence, segments, the DOCX report and the
codebook as a coding guide. Each parses, calls the library and writes the file or stdout."""

from __future__ import annotations

import dataclasses
import io
import sys
from typing import Any

import click
import pandas as pd

from toolkit import analysis, atomic
from toolkit.analysis.wide import MAX_COLUMNS, document_matrix
from toolkit.cli.common import errors_as_messages, project_store
from toolkit.exports import (
    QUOTES_PER_CODE,
    TABLE_FORMATS,
    build_report,
    table_bytes,
    write_report,
)
from toolkit.exports.style import Table, table_of
from toolkit.i18n import LANGUAGES, label, language, text
from toolkit.store import Store

_format = click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="csv", show_default=True)
_output = click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")


def _coder(command: Any) -> Any:
    """``--coder NAME`` (repeatable) and ``--all-coders``: whose codings are shown."""
    command = click.option(
        "--all-coders", is_flag=True, help="Pool the codings of every coder (identical segments once)."
    )(command)
    return click.option(
        "--coder",
        "coders",
        multiple=True,
        metavar="NAME",
        help="Only this coder's codings; repeatable (pooled). Default: the consensus coder if there is "
        "one, else the only coder.",
    )(command)


_language = click.option(
    "--language",
    "lang",
    type=click.Choice(LANGUAGES),
    default="de",
    show_default=True,
    help="Language of headers, values and numbers in XLSX and DOCX.",
)
_pseudonymise = click.option(
    "--pseudonymise", is_flag=True, help="Replace the pseudonym table's names in the exported text."
)


def _document_filter(command: Any) -> Any:
    """``--document NAME`` and ``--attribute NAME=VALUE`` (both repeatable): which documents count."""
    command = click.option(
        "--attribute",
        "--attr",
        "attrs",
        multiple=True,
        metavar="NAME=VALUE",
        help="Only documents whose attribute NAME has VALUE; repeatable (values of one NAME: either).",
    )(command)
    return click.option(
        "--document", "documents", multiple=True, metavar="NAME", help="Only this document; repeatable."
    )(command)


def _attributes(attrs: tuple[str, ...]) -> dict[str, list[str]]:
    """``("kind=A", "kind=B", "size=1")`` -> ``{"kind": ["A", "B"], "size": ["1"]}``."""
    wanted: dict[str, list[str]] = {}
    for item in attrs:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.UsageError(f"--attribute {item!r} is not NAME=VALUE")
        wanted.setdefault(key.strip(), []).append(value.strip())
    return wanted


def _narrowed(
    data: analysis.CodingData, documents: tuple[str, ...], attrs: tuple[str, ...]
) -> analysis.CodingData:
    """``data`` in the documents named and with the attribute values given (all when none)."""
    wanted = _attributes(attrs)
    if not documents and not wanted:
        return data
    return analysis.select(data, documents=documents or None, attributes=wanted or None)


def _data(
    store: Store, coders: tuple[str, ...], all_coders: bool, *, compare: bool = False
) -> tuple[analysis.CodingData, analysis.CoderView]:
    """The codings of the chosen coders: the named ones, all (``--all-coders``, or a table that
    compares coders), else the consensus coder or the only coder."""
    data = analysis.load_codings_cached(store, coder=coders[0] if len(coders) == 1 else None)
    view = analysis.choose_coders(data, coders, all_coders=all_coders or (compare and not coders))
    return analysis.view_of(data, view), view


def _check_output(fmt: str, output: str | None) -> None:
    if output is None and fmt == "xlsx":
        raise click.UsageError("--format xlsx needs a file: add -o FILE.xlsx")


def _write_table(
    frame: pd.DataFrame,
    fmt: str,
    output: str | None,
    name: str,
    data: analysis.CodingData,
    view: analysis.CoderView,
    lang: str = "de",
    note: str = "",
) -> None:
    if output is None:
        if fmt == "xlsx":
            raise click.UsageError("--format xlsx needs a file: add -o FILE.xlsx")
        sys.stdout.write(table_bytes(frame, fmt, bom=False).decode("utf-8"))
        return
    chosen = language(lang)
    shown: pd.DataFrame | Table = frame
    if fmt == "xlsx":
        shown = table_of(frame, chosen, title=name, sheet=name, note=text(note, chosen) if note else "")
    filters = [(k, v) for k, v in data.filters if k not in ("coder", "coders")]
    atomic.write_bytes(
        output,
        table_bytes(
            shown, fmt, name=name, filters=filters, lang=chosen, view=view.describe(chosen), title=name
        ),
    )
    click.echo(f"wrote {len(frame)} rows to {output}", err=True)


def _title(sheet: str, detail: str, lang: str) -> str:
    """A table's title (``Häufigkeiten je Code``) in ``lang``."""
    chosen = language(lang)
    return f"{text(sheet, chosen)} {detail}".strip()


def _by_label(by: str, lang: str) -> str:
    chosen = language(lang)
    if by.startswith("attribute:"):
        return text("by.attribute", chosen, name=by.removeprefix("attribute:"))
    return label("by", by, chosen)


@click.command("frequencies")
@click.option(
    "--by",
    default="code",
    show_default=True,
    metavar="code|field|document|speaker|role|coder|attribute:NAME",
    help="How to group the codings.",
)
@_coder
@_format
@_output
@_language
@click.pass_context
@errors_as_messages
def frequencies(
    ctx: click.Context,
    by: str,
    coders: tuple[str, ...],
    all_coders: bool,
    fmt: str,
    output: str | None,
    lang: str,
) -> None:
    """Code frequencies: codings, documents containing the code, coded words and shares.

    Example: coding-toolkit frequencies --by attribute:municipality_type --format xlsx -o f.xlsx
    """
    _check_output(fmt, output)
    data, view = _data(project_store(ctx), coders, all_coders, compare=by == "coder")
    title = _title("sheet.frequencies", _by_label(by, lang), lang)
    note = "note.field" if by == "field" else "note.frequencies"
    _write_table(analysis.frequencies(data, by), fmt, output, title, data, view, lang, note)


@click.command("matrix")
@click.option("--rows", type=click.Choice(["code", "field"]), default="code", show_default=True)
@click.option(
    "--cols",
    default="document",
    show_default=True,
    metavar="document|coder|role|field|attribute:NAME",
    help="What the columns are.",
)
@click.option("--values", type=click.Choice(analysis.MATRIX_VALUES), default="count", show_default=True)
@click.option(
    "--group-by",
    metavar="attribute:NAME|set",
    help="Document columns: one per value of this attribute (or per document set), its documents "
    "summed (presence: how many documents have the code).",
)
@click.option(
    "--page",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help=f"Document columns: with more than {MAX_COLUMNS} documents, this page of {MAX_COLUMNS} "
    "(not with --group-by).",
)
@click.option("--all-columns", is_flag=True, help="Document columns: every document, however many.")
@_document_filter
@_coder
@_format
@_output
@_language
@click.pass_context
@errors_as_messages
def matrix(
    ctx: click.Context,
    rows: str,
    cols: str,
    values: str,
    group_by: str | None,
    page: int,
    all_columns: bool,
    documents: tuple[str, ...],
    attrs: tuple[str, ...],
    coders: tuple[str, ...],
    all_coders: bool,
    fmt: str,
    output: str | None,
    lang: str,
) -> None:
    """A code x document (or attribute, coder, role) matrix of counts, presence or percentages.

    More than 40 documents as columns: a page of 40 (--page N), or grouped (--group-by).

    Example: coding-toolkit matrix --rows code --cols attribute:municipality_type --values row-percent
    """
    _check_output(fmt, output)
    data, view = _data(project_store(ctx), coders, all_coders, compare=cols == "coder")
    data = _narrowed(data, documents, attrs)
    if cols != "document" and (group_by or page > 1 or all_columns):
        raise click.UsageError("--group-by, --page and --all-columns are for --cols document")
    if group_by and (page > 1 or all_columns):  # as MAXQDA's groups: one column each, all shown
        raise click.UsageError(
            f"--group-by shows every group as a column, one page: leave out "
            f"{'--page' if page > 1 else '--all-columns'} (they choose among documents side by side)"
        )
    if cols == "document":
        sets = None
        if group_by == "set":
            from toolkit.document_sets import list_sets

            sets = {s.name: s.documents for s in list_sets(project_store(ctx))}
        shown = document_matrix(
            data, values=values, rows=rows, group_by=group_by, sets=sets, page=page, all_columns=all_columns
        )
        table = shown.table
        if page > shown.pages:
            docs = "1 document fills" if shown.documents == 1 else f"{shown.documents:,} documents fill"
            pages = "1 page" if shown.pages == 1 else f"{shown.pages} pages"
            fix = "leave out --page" if shown.pages == 1 else f"choose --page 1 to {shown.pages}"
            raise click.UsageError(f"--page {page}: {docs} {pages} of {MAX_COLUMNS}; {fix}")
        if shown.paged:
            click.echo(
                f"documents {shown.first}-{shown.last} of {shown.documents} (page {shown.page} of "
                f"{shown.pages}); --page N for the others, --group-by attribute:NAME to group them, "
                "--all-columns for all",
                err=True,
            )
    else:
        table = analysis.matrix(data, cols, values=values, rows=rows)
    group = group_by or cols
    detail = (
        group.removeprefix("attribute:")
        if group.startswith("attribute:")
        else label("col", "set" if group == "set" else cols, language(lang))
    )
    title = _title("sheet.matrix", detail, lang)
    _write_table(table, fmt, output, title, data, view, lang, "note.matrix")


@click.command("cooccurrence")
@click.option("--method", type=click.Choice(analysis.METHODS), default="overlap", show_default=True)
@_coder
@_format
@_output
@_language
@click.pass_context
@errors_as_messages
def cooccurrence(
    ctx: click.Context,
    method: str,
    coders: tuple[str, ...],
    all_coders: bool,
    fmt: str,
    output: str | None,
    lang: str,
) -> None:
    """Pairs of codes that overlap or share a speaker turn or sentence, with counts and Jaccard.

    Example: coding-toolkit cooccurrence --method turn --coder anna --format csv
    """
    _check_output(fmt, output)
    store = project_store(ctx)
    data, view = _data(store, coders, all_coders)
    pairs = analysis.cooccurrence(data, method, store=store)
    title = _title("sheet.cooccurrence", label("cooccurrence", method, language(lang)), lang)
    _write_table(pairs, fmt, output, title, data, view, lang, "note.cooccurrence")


@click.command("segments")
@click.option("--code", "codes", multiple=True, help="Code path (with subcodes); repeatable.")
@click.option("--document", "documents", multiple=True, help="Only this document; repeatable.")
@click.option("--speaker", "speakers", multiple=True, help="Only this speaker label; repeatable.")
@click.option("--role", "roles", multiple=True, help="Only this speaker role; repeatable.")
@click.option(
    "--attribute",
    "--attr",
    "attrs",
    multiple=True,
    metavar="NAME=VALUE",
    help="Document attribute; repeatable.",
)
@click.option("--context", default="200", show_default=True, help="Characters around the segment, or 'turn'.")
@click.option(
    "--min-weight",
    type=click.IntRange(0, 100),
    default=0,
    show_default=True,
    help="Only codings weighted at least this much (0-100; 0 = all).",
)
@_coder
@_format
@_output
@_pseudonymise
@_language
@click.pass_context
@errors_as_messages
def segments_command(
    ctx: click.Context,
    codes: tuple[str, ...],
    documents: tuple[str, ...],
    speakers: tuple[str, ...],
    roles: tuple[str, ...],
    attrs: tuple[str, ...],
    context: str,
    min_weight: int,
    coders: tuple[str, ...],
    all_coders: bool,
    fmt: str,
    output: str | None,
    pseudonymise: bool,
    lang: str,
) -> None:
    """Coded segments with context, document, speaker and time stamp.

    Example: coding-toolkit segments --code "Mensch/Treiber" --role CDO --context turn --min-weight 50
    """
    store = project_store(ctx)
    wanted = _attributes(attrs)
    _check_output(fmt, output)
    chosen, view = _data(store, coders, all_coders)
    data = analysis.select(
        chosen,
        codes=codes or None,
        documents=documents or None,
        speakers=speakers or None,
        roles=roles or None,
        attributes=wanted or None,
    )
    size: int | str = context if context == "turn" else _int(context)
    frame = analysis.segments(store, data, context=size, min_weight=min_weight)
    if pseudonymise:
        from toolkit.pseudonyms import pseudonymise_frame

        frame = pseudonymise_frame(store, frame)
    _write_table(frame, fmt, output, _title("sheet.segments", "", lang), data, view, lang, "note.segments")


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise click.BadParameter(f"{text!r} is neither a number of characters nor 'turn'") from None


@click.command("report")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .docx file.")
@click.option(
    "--quotes-per-code",
    type=click.IntRange(min=0),
    default=QUOTES_PER_CODE,
    show_default=True,
    help="At most this many quotes per code, spread over the documents (the rule is stated in the "
    "report); 0: every segment.",
)
@click.option("--title", help="Title of the report (default: Auswertung / Results).")
@_document_filter
@_coder
@_pseudonymise
@_language
@click.pass_context
@errors_as_messages
def report(
    ctx: click.Context,
    output: str,
    quotes_per_code: int,
    title: str | None,
    documents: tuple[str, ...],
    attrs: tuple[str, ...],
    coders: tuple[str, ...],
    all_coders: bool,
    pseudonymise: bool,
    lang: str,
) -> None:
    """A Word report: frequency tables and charts per field of action, quotes per code, of the
    consensus coder (or the coders chosen; several are pooled, each segment quoted once).

    All documents, or those named (--document) or with the attribute values given (--attribute).

    Example: coding-toolkit report -o results.docx --attribute municipality_type="Die Optimierer"
    """
    store = project_store(ctx)
    data, view = _data(store, coders, all_coders)
    data = _narrowed(data, documents, attrs)
    cap = quotes_per_code or None
    built = build_report(store, data, title=title, quotes_per_code=cap, view=view, lang=lang)
    if pseudonymise:
        from toolkit.pseudonyms import pseudonymise_frame

        built = dataclasses.replace(built, quotes=pseudonymise_frame(store, built.quotes))
    buffer = io.BytesIO()
    write_report(built, buffer)
    atomic.write_bytes(output, buffer.getvalue())
    click.echo(f"wrote {output}: {built.total_codings} codings, {len(built.quotes)} quotes")
