"""``codebook``: load, show, export and edit the project's code tree."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import click

from toolkit import codes as codes_mod
from toolkit import codes_edit
from toolkit.atomic import atomic_write, write_bytes, write_text
from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.codebook import dump_codebook

if TYPE_CHECKING:
    from toolkit.codes_merge import LoadReport


def _value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    text = str(value)
    return repr(text if len(text) <= 70 else text[:67] + "...")


def print_load_report(report: LoadReport) -> None:
    """A codebook merge code by code and field by field, then one summary line."""
    if report.dry_run:
        click.echo("dry run: nothing was stored; loading the file would do this:")
    for code in report.codes:
        how = f" (matched by {code.matched_by.upper() if code.matched_by == 'guid' else 'path'})"
        if code.action == "add":
            click.echo(f"add     {code.path}")
            continue
        if code.action == "same" and not code.kept and not report.dry_run:
            continue  # after a load only what changed or was kept; a dry run lists everything
        click.echo(f"{'change' if code.action == 'change' else 'same':<7} {code.path}{how}")
        for change in code.changes:
            click.echo(f"          {change.field}: {_value(change.before)} -> {_value(change.after)}")
        if code.kept:
            click.echo(f"          kept (empty in the file): {', '.join(code.kept)}")
    for name in report.not_in_file:
        click.echo(f"keep    {name} (not in the file)")
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    kept = f", {len(report.not_in_file)} not in the file (kept)" if report.not_in_file else ""
    click.echo(
        f"{'dry run: ' if report.dry_run else ''}{len(report.added)} added, "
        f"{len(report.updated)} updated, {report.unchanged} unchanged{kept}"
    )


@click.group("codebook")
def codebook() -> None:
    """Load, show, export and edit the project's codebook.

    Example: coding-toolkit codebook show
    """


@codebook.command("load")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--dry-run", is_flag=True, help="List what would be added, changed and left alone; store nothing."
)
@json_option
@click.pass_context
@errors_as_messages
def codebook_load(ctx: click.Context, file: str, dry_run: bool, as_json: bool) -> None:
    """Merge a codebook into the project: YAML, a REFI-QDA .qdc of another tool, or a Taguette
    codebook CSV. Codes match by GUID, then by full path; a field the file leaves empty keeps the
    project's value; nothing is deleted. One transaction.

    Example: coding-toolkit codebook load codebook/codebook.yaml --dry-run

    Example: coding-toolkit codebook load maxqda-codes.qdc
    """
    from toolkit.exchange.codebook_files import load_codebook_file

    report = load_codebook_file(project_store(ctx), file, actor=actor_name(), dry_run=dry_run)
    if as_json:
        emit(report)
        return
    print_load_report(report)


@codebook.command("show")
@json_option
@click.pass_context
@errors_as_messages
def codebook_show(ctx: click.Context, as_json: bool) -> None:
    """Show the code tree with fields of action, valence and coding counts.

    Example: coding-toolkit codebook show --json
    """
    rows = codes_mod.list_codes(project_store(ctx))
    if as_json:
        emit(
            [
                {
                    "path": r.path,
                    "name": r.name,
                    "name_en": r.name_en,
                    "guid": r.guid,
                    "id": r.slug,
                    "field_of_action": r.field_of_action,
                    "valence": r.valence,
                    "colour": r.colour,
                    "definition": r.definition,
                    "anchor_example": r.anchor_example,
                    "coding_rule": r.coding_rule,
                    "keywords": {"de": list(r.keywords_de), "en": list(r.keywords_en)},
                    "source": r.source,
                    "codings": r.codings,
                }
                for r in rows
            ]
        )
        return
    for r in rows:
        click.echo(f"{'  ' * r.depth}{r.name}  ({r.codings})")


@codebook.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "docx", "csv", "qdc", "taguette-csv"]),
    default="yaml",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout; docx needs -o)."
)
@click.pass_context
@errors_as_messages
def codebook_export(ctx: click.Context, fmt: str, output: str | None) -> None:
    """Export the codebook: YAML that `codebook load` and `init` read back, or the coding guide
    (Kodierleitfaden: category, definition, anchor example, coding rule) as DOCX or CSV, or a
    REFI-QDA .qdc codebook for MAXQDA, ATLAS.ti or NVivo, or a codebook CSV that Taguette imports
    (tag = the code's path, description).

    Example: coding-toolkit codebook export --format yaml -o codebook-2024.yaml

    Example: coding-toolkit codebook export --format qdc -o codebook.qdc

    Example: coding-toolkit codebook export --format taguette-csv -o taguette-codebook.csv
    """
    if fmt == "taguette-csv":
        from toolkit.exchange.taguette_codebook import export_codebook_csv

        text = export_codebook_csv(project_store(ctx))
        if output:
            write_text(output, text, encoding="utf-8", newline="")
            click.echo(f"wrote {output}")
        else:
            click.echo(text, nl=False)
        return
    if fmt == "qdc":
        from toolkit.exchange.refi import export_codebook_qdc

        data = export_codebook_qdc(project_store(ctx))
        if output:
            write_bytes(output, data)
            click.echo(f"wrote {output}")
        else:
            click.echo(data.decode("utf-8"), nl=False)
        return
    from toolkit.exports import write_codebook_csv, write_codebook_guide  # pandas: only when needed

    store = project_store(ctx)
    if fmt == "docx":
        if not output:
            raise click.UsageError("--format docx needs a file: add -o FILE.docx")
        with atomic_write(output) as fh:
            write_codebook_guide(
                codes_mod.list_codes(store),
                fh,
                title=store.setting("codebook_title", "") or "",
                language=store.setting("codebook_language", "de") or "de",
            )
        click.echo(f"wrote {output}")
        return
    if fmt == "csv":
        buffer = io.StringIO()
        write_codebook_csv(codes_mod.list_codes(store), buffer)
        text = buffer.getvalue()
    else:
        text = dump_codebook(codes_mod.export_codebook(store))
    if output:
        write_text(output, text, encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@codebook.command("add")
@click.argument("path")
@click.option("--definition", default="", help="What the code means.")
@click.option("--colour", default="", help="#RRGGBB")
@click.pass_context
@errors_as_messages
def codebook_add(ctx: click.Context, path: str, definition: str, colour: str) -> None:
    """Add a code; missing parent codes are created.

    Example: coding-toolkit codebook add "Mensch/Treiber/Peer-Learning" --definition "..."
    """
    code = codes_edit.add_code(
        project_store(ctx), path, actor=actor_name(), definition=definition, colour=colour
    )
    click.echo(f"added {code.path}")


@codebook.command("rename")
@click.argument("path")
@click.argument("new_name")
@click.pass_context
@errors_as_messages
def codebook_rename(ctx: click.Context, path: str, new_name: str) -> None:
    """Rename a code; its codings stay with it.

    Example: coding-toolkit codebook rename "Mensch/Treiber/Lotsen" "Digitale Lotsen"
    """
    code = codes_edit.rename_code(project_store(ctx), path, new_name, actor=actor_name())
    click.echo(f"renamed to {code.path}")


@codebook.command("move")
@click.argument("path")
@click.option("--to", "parent", help="New parent code path (omit to move to the top level).")
@click.pass_context
@errors_as_messages
def codebook_move(ctx: click.Context, path: str, parent: str | None) -> None:
    """Move a code with its subcodes under another parent.

    Example: coding-toolkit codebook move "Mensch/Treiber/Lotsen" --to "Organisation/Treiber"
    """
    code = codes_edit.move_code(project_store(ctx), path, parent, actor=actor_name())
    click.echo(f"moved to {code.path}")


@codebook.command("merge")
@click.argument("source")
@click.argument("target")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
@errors_as_messages
def codebook_merge(ctx: click.Context, source: str, target: str, yes: bool) -> None:
    """Merge SOURCE into TARGET: codings and subcodes follow, SOURCE is deleted.

    Example: coding-toolkit codebook merge "Mensch/Herausforderungen/Angst" "Mensch/Herausforderungen/Skepsis"
    """
    store = project_store(ctx)
    n = codes_edit.affected_codings(store, source)
    if not yes:
        click.confirm(f"Merge {source!r} into {target!r}, moving {n} codings?", abort=True)
    result = codes_edit.merge_codes(store, source, target, actor=actor_name())
    click.echo(f"merged: {result['moved']} codings moved, {result['dropped']} duplicates dropped")


@codebook.command("delete")
@click.argument("path")
@click.option("--move-to", help="Move the code's codings to this code first.")
@click.pass_context
@errors_as_messages
def codebook_delete(ctx: click.Context, path: str, move_to: str | None) -> None:
    """Delete a code; refused while codings use it unless --move-to is given.

    Example: coding-toolkit codebook delete "Produkt/Treiber/Alt" --move-to "Produkt/Treiber/Neu"
    """
    moved = codes_edit.delete_code(project_store(ctx), path, actor=actor_name(), move_codings_to=move_to)
    click.echo(f"deleted {path}" + (f"; {moved} codings moved to {move_to}" if move_to else ""))
