"""``code`` and ``codings``: code a span, and codings in and out as files."""

from __future__ import annotations

import sys

import click

from toolkit.atomic import atomic_write
from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.codings import add_coding, list_codings, write_codings


@click.command("code")
@click.argument("document")
@click.argument("start", type=int)
@click.argument("end", type=int)
@click.argument("code_path")
@click.option(
    "--coder",
    help="Whose coding it is (default: the acting user, $CODING_TOOLKIT_USER or the login name); "
    "coding for someone else is a lead's action.",
)
@click.option("--memo", default="", help="A note on this coding.")
@click.option(
    "--weight",
    type=click.IntRange(0, 100),
    default=0,
    help="How typical or strong the segment is for the code, 0-100 (0 = none).",
)
@json_option
@click.pass_context
@errors_as_messages
def code(
    ctx: click.Context,
    document: str,
    start: int,
    end: int,
    code_path: str,
    coder: str | None,
    memo: str,
    weight: int,
    as_json: bool,
) -> None:
    """Code the text from START to END (character offsets) of DOCUMENT with CODE_PATH.

    Example: coding-toolkit code interview_cdo 120 245 "Mensch/Treiber/Digitale Lotsen" --coder anna
    """
    store, actor = project_store(ctx), actor_name()
    coding = add_coding(
        store, document, start, end, code_path, coder=coder or actor, memo=memo, actor=actor, weight=weight
    )
    if as_json:
        emit(coding)
    else:
        click.echo(f"coded {coding.document} {start}-{end} {coding.code_path!r}: {coding.text[:60]!r}")


@click.group("codings")
def codings() -> None:
    """Import and export codings.

    Example: coding-toolkit codings export --format csv -o codings.csv
    """


@codings.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["taguette-csv"]), required=True)
@click.option("--coder", required=True, help="Coder the imported codings belong to.")
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="OLD=NEW",
    help="Taguette document OLD is the project's document NEW (repeatable).",
)
@click.option(
    "--map-file", type=click.Path(dir_okay=False), help="A file of OLD=NEW lines, one per document."
)
@click.option(
    "--allow-unanchored",
    is_flag=True,
    help="Import the rows that anchor even when others do not (default: store nothing, exit 1).",
)
@json_option
@click.pass_context
@errors_as_messages
def codings_import(
    ctx: click.Context,
    file: str,
    fmt: str,
    coder: str,
    maps: tuple[str, ...],
    map_file: str | None,
    allow_unanchored: bool,
    as_json: bool,
) -> None:
    """Import codings made in another tool. Rows that cannot be anchored (document unknown, text
    not found) are listed; unless --allow-unanchored, nothing is stored and the exit code is 1.

    Example: coding-toolkit codings import highlights.csv --format taguette-csv --coder team

    Example: coding-toolkit codings import h.csv --format taguette-csv --coder team --map P2.odt=P2
    """
    from toolkit.exchange.taguette import import_highlights, parse_document_map, read_document_map

    doc_map = {**(read_document_map(map_file) if map_file else {}), **parse_document_map(maps)}
    report = import_highlights(
        project_store(ctx),
        file,
        coder=coder,
        actor=actor_name(),
        doc_map=doc_map,
        allow_unanchored=allow_unanchored,
    )
    if as_json:
        emit(report)
    else:
        for row in report.unanchored:
            click.echo(f"line {row.line}: {row.document} / {row.tag}: {row.reason}", err=True)
        if report.created_codes and report.stored:
            click.echo("created codes: " + ", ".join(report.created_codes))
        if report.stored:
            click.echo(
                f"{report.imported} codings imported, {report.already_present} already present, "
                f"{len(report.unanchored)} rows not anchored"
            )
        else:
            click.echo(
                f"nothing imported: {len(report.unanchored)} rows not anchored ({report.imported} would "
                "be imported); map renamed documents with --map OLD=NEW, or pass --allow-unanchored"
            )
    if report.unanchored and not allow_unanchored:
        ctx.exit(1)


@codings.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
@click.option("--coder", help="Only this coder's codings.")
@click.option("--document", help="Only this document.")
@click.option("--pseudonymise", is_flag=True, help="Replace the pseudonym table's names in texts and memos.")
@click.option("--min-weight", type=click.IntRange(0, 100), help="Only codings of at least this weight.")
@click.pass_context
@errors_as_messages
def codings_export(
    ctx: click.Context,
    fmt: str,
    output: str | None,
    coder: str | None,
    document: str | None,
    pseudonymise: bool,
    min_weight: int | None,
) -> None:
    """Export codings: document, code_path, start, end, text, coder, memo (and guid, created_at, weight).

    Example: coding-toolkit codings export --format csv -o codings.csv
    """
    store = project_store(ctx)
    items = list_codings(store, coder=coder, document=document, min_weight=min_weight)
    if pseudonymise:
        from toolkit.pseudonyms import pseudonymise_codings

        items = pseudonymise_codings(store, items)
    if output:
        with atomic_write(output, text=True, newline="") as fh:
            n = write_codings(items, fmt, fh)
        click.echo(f"wrote {n} codings to {output}")
    else:
        write_codings(items, fmt, sys.stdout)
