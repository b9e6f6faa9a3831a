"""``coding-toolkit``: a thin click skin over the library. Each command parses its input, calls one
library function, and prints the result (``--json`` where it returns data) or a one-line error."""

from __future__ import annotations

import dataclasses
import functools
import getpass
import importlib
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from toolkit import codes as codes_mod
from toolkit.atomic import atomic_write, write_bytes, write_text
from toolkit.codebook import dump_codebook
from toolkit.codings import add_coding, list_codings, write_codings
from toolkit.documents import (
    document_turns,
    import_files,
    list_documents,
    parse_assignments,
    set_attributes,
    speaker_attributes,
)
from toolkit.errors import ToolkitError, failure_message
from toolkit.exchange.taguette import import_highlights
from toolkit.progress import done_marks
from toolkit.project import DEFAULT_CODEBOOK, create_demo, init_project
from toolkit.projects import default_db, remember_project
from toolkit.store import Store, open_store

F = TypeVar("F", bound=Callable[..., Any])


def actor_name() -> str:
    """Who is acting, for the event log: $CODING_TOOLKIT_USER or the login name."""
    try:
        return os.environ.get("CODING_TOOLKIT_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def errors_as_messages(fn: F) -> F:
    """Turn the library's errors into one clear line and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ToolkitError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def _store(ctx: click.Context) -> Store:
    store = open_store(ctx.obj["db"])
    ctx.call_on_close(store.close)
    return store


def _emit(data: Any) -> None:
    def default(o: Any) -> Any:
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        raise TypeError(type(o).__name__)

    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=default))


json_option = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")

# Commands of other concerns live in toolkit/cli_<concern>.py, each with ``register(cli)``. They are
# imported when one of their commands is needed, so `documents` does not load spaCy or pandas.
LAZY_COMMANDS = {
    "agreement": "toolkit.cli_agreement",
    "done": "toolkit.cli_progress",
    "cooccurrence": "toolkit.cli_analysis",
    "frequencies": "toolkit.cli_analysis",
    "matrix": "toolkit.cli_analysis",
    "report": "toolkit.cli_analysis",
    "segments": "toolkit.cli_analysis",
    "suggest": "toolkit.cli_suggest",
    # issue 4 (train, evaluate-suggestions) here
    "evaluate-suggestions": "toolkit.cli_suggest",
    "train": "toolkit.cli_suggest",
    # issue 4 workbench (suggestion accept/reject, if any) here
    "suggestion": "toolkit.cli_feedback",
    # issue 7 (project) here
    "projects": "toolkit.cli_projects",
    "project": "toolkit.cli_exchange",
    # issue 8 accounts (user) here
    "team": "toolkit.cli_accounts",
    "user": "toolkit.cli_accounts",
    # issue 8 maintenance (backup, restore, history, pseudonyms) here
    "backup": "toolkit.cli_maintenance",
    "history": "toolkit.cli_maintenance",
    "pseudonyms": "toolkit.cli_maintenance",
    "restore": "toolkit.cli_maintenance",
    "snapshot": "toolkit.cli_maintenance",
    # issue 18 (search, autocode)
    "search": "toolkit.cli_search",
    # issue 21 (recordings)
    "media": "toolkit.cli_media",
    # issue 20 (qualitative content analysis)
    "summary": "toolkit.cli_qca",
}


class LazyGroup(click.Group):
    """A group that imports a command's module the first time the command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            importlib.import_module(LAZY_COMMANDS[cmd_name]).register(self)
        return super().get_command(ctx, cmd_name)

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
            project = ctx.obj.get("db") if isinstance(ctx.obj, dict) else None
            raise click.ClickException(failure_message(exc, project)) from None


@click.group(cls=LazyGroup)
@click.option(
    "--db",
    envvar="CODING_TOOLKIT_DB",
    default=default_db,
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


@cli.command()
@click.option(
    "--codebook",
    "codebook_path",
    type=click.Path(dir_okay=False),
    help="Codebook YAML to start with (default: the shipped codebook).",
)
@click.option("--empty", is_flag=True, help="Start without any codes.")
@click.pass_context
@errors_as_messages
def init(ctx: click.Context, codebook_path: str | None, empty: bool) -> None:
    """Create a new project database with a codebook; it becomes the current project.

    Example: coding-toolkit --db data/study.db init --codebook codebook/codebook.yaml
    """
    if empty and codebook_path:
        raise click.UsageError("use either --codebook FILE or --empty, not both")
    path = None if empty else Path(codebook_path) if codebook_path else DEFAULT_CODEBOOK
    report = init_project(ctx.obj["db"], codebook=path, actor=actor_name())
    remember_project(ctx.obj["db"])  # the current project now, for the app and commands without --db
    added = len(report.added) if report else 0
    click.echo(f"Created {ctx.obj['db']} with {added} codes; it is the current project now.")


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--language", type=click.Choice(["de", "en"]), help="Language (default: detected).")
@click.option(
    "--attr",
    "attrs",
    multiple=True,
    metavar="KEY=VALUE",
    help="Case attribute for every imported document; repeatable.",
)
@click.option(
    "--speaker-pattern",
    metavar="REGEX",
    help="Override speaker detection: a regex with (?P<speaker>...) and optional "
    "(?P<time>...), matched at the start of each line.",
)
@click.option("--max-mb", type=float, default=50.0, show_default=True, help="Largest file accepted.")
@click.option(
    "--pseudonymise",
    is_flag=True,
    help="Replace the pseudonym table's names before storing (see `coding-toolkit pseudonyms`).",
)
@click.option(
    "--media",
    "media_file",
    type=click.Path(dir_okay=False),
    help="Recording to attach to the (one) imported transcript; by default a recording with the "
    "transcript's base name beside it is attached.",
)
@json_option
@click.pass_context
@errors_as_messages
def import_cmd(
    ctx: click.Context,
    files: tuple[str, ...],
    language: str | None,
    attrs: tuple[str, ...],
    speaker_pattern: str | None,
    max_mb: float,
    pseudonymise: bool,
    media_file: str | None,
    as_json: bool,
) -> None:
    """Import transcripts (.docx, .odt, .rtf, .pdf, .txt, .md, .srt, .vtt) as one transaction.

    If any file fails, nothing is imported and the error names the file.

    Example: coding-toolkit import transcripts/*.docx --attr municipality_type="Die Optimierer"
    """
    from toolkit import media

    if media_file is not None:
        if len(files) != 1:
            raise click.UsageError("--media attaches one recording: import one transcript with it")
        media.check_recording(media_file)  # a refused recording changes nothing
    store = _store(ctx)
    importer = import_files
    if pseudonymise:
        from toolkit.pseudonyms import import_pseudonymised as importer
    results = importer(
        store,
        files,
        actor=actor_name(),
        language=language,
        attributes=parse_assignments(attrs),
        speaker_pattern=speaker_pattern,
        max_bytes=int(max_mb * 1024 * 1024),
    )
    attached = media.attach_imported(store, files, results, actor=actor_name(), explicit=media_file)
    if as_json:
        _emit(results)
        return
    for r in results:
        if r.imported:
            click.echo(f"imported {r.path} as {r.document!r}: {r.words} words, {r.turns} turns")
            for skipped in r.skipped_labels[:20]:
                click.echo(
                    f"  line {skipped.line} looks like a speaker label but was not taken: {skipped.text}"
                )
            if len(r.skipped_labels) > 20:
                click.echo(f"  ... and {len(r.skipped_labels) - 20} more such lines")
            if r.skipped_labels:
                click.echo("  (fix these lines in the file, or pass --speaker-pattern)")
        else:
            click.echo(f"skipped {r.path}: same content as {r.duplicate_of!r}")
    for line in attached:
        click.echo(line)


@cli.command()
@json_option
@click.pass_context
@errors_as_messages
def documents(ctx: click.Context, as_json: bool) -> None:
    """List documents with words, turns, speakers and time range.

    Example: coding-toolkit documents --json
    """
    store = _store(ctx)
    docs = list_documents(store)
    if as_json:
        done = done_marks(store)
        _emit(
            [
                {
                    "name": d.name,
                    "words": d.words,
                    "turns": d.turns,
                    "speakers": list(d.speakers),
                    "first_timestamp": d.first_timestamp,
                    "last_timestamp": d.last_timestamp,
                    "language": d.language,
                    "format": d.source_format,
                    "attributes": d.attributes,
                    "done_by": list(done.get(d.name, ())),
                    "media": _media_json(store, d.name),
                }
                for d in docs
            ]
        )
        return
    for d in docs:
        click.echo(f"{d.name}\t{d.words} words\t{d.turns} turns\t{', '.join(d.speakers)}")


def _media_json(store: Store, document: str) -> dict[str, Any] | None:
    from toolkit.media import all_media, media_path

    info = all_media(store).get(document)
    if info is None:
        return None
    return {
        "file": info.file_name,
        "format": info.format,
        "kind": info.kind,
        "bytes": info.bytes,
        "sha256": info.sha256,
        "path": str(media_path(store, info)),
    }


@cli.command()
@click.argument("document")
@json_option
@click.pass_context
@errors_as_messages
def turns(ctx: click.Context, document: str, as_json: bool) -> None:
    """List the speaker turns of a document (offsets into the stored text).

    Example: coding-toolkit turns interview_cdo --json
    """
    items = document_turns(_store(ctx), document)
    if as_json:
        _emit(
            [{"speaker": t.speaker, "start": t.start, "end": t.end, "timestamp": t.timestamp} for t in items]
        )
        return
    for t in items:
        stamp = "" if t.timestamp is None else f" @{t.timestamp:g}s"
        click.echo(f"{t.speaker or '-'}{stamp}\t{t.start}-{t.end}")


@cli.group()
def attributes() -> None:
    """Case attributes of documents and speakers."""


@attributes.command("set")
@click.argument("document")
@click.argument("assignments", nargs=-1, required=True, metavar="KEY=VALUE...")
@click.option("--speaker", help="Set the attributes of this speaker of the document.")
@click.pass_context
@errors_as_messages
def attributes_set(
    ctx: click.Context, document: str, assignments: tuple[str, ...], speaker: str | None
) -> None:
    """Set attributes of a document, or of one speaker with --speaker.

    Example: coding-toolkit attributes set interview_cdo speaker_role=CDO --speaker B
    """
    set_attributes(_store(ctx), document, parse_assignments(assignments), actor=actor_name(), speaker=speaker)
    click.echo("saved")


@attributes.command("show")
@click.argument("document")
@json_option
@click.pass_context
@errors_as_messages
def attributes_show(ctx: click.Context, document: str, as_json: bool) -> None:
    """Show the attributes of a document and its speakers.

    Example: coding-toolkit attributes show interview_cdo --json
    """
    store = _store(ctx)
    doc = next((d for d in list_documents(store) if d.name == document), None)
    speakers = speaker_attributes(store, document)
    own = doc.attributes if doc else {}
    if as_json:
        _emit({"document": own, "speakers": speakers})
        return
    for key, value in own.items():
        click.echo(f"{key}={value}")
    for speaker, values in speakers.items():
        for key, value in values.items():
            click.echo(f"[{speaker}] {key}={value}")


@attributes.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Only report what the table would change.")
@json_option
@click.pass_context
@errors_as_messages
def attributes_import(ctx: click.Context, file: str, dry_run: bool, as_json: bool) -> None:
    """Set document variables from a table (.xlsx or .csv): the first column names the document,
    every other column is a variable (typed as text, number or date). Empty cells change nothing.

    Example: coding-toolkit attributes import variablen.xlsx --dry-run
    """
    from toolkit.attribute_table import import_attributes

    report = import_attributes(
        _store(ctx), Path(file).read_bytes(), file, actor=actor_name(), dry_run=dry_run
    )
    if as_json:
        _emit(
            {
                "file": report.path,
                "dry_run": report.dry_run,
                "documents": report.documents,
                "values": report.values,
                "types": report.types,
                "unmatched": [{"line": line, "document": name} for line, name in report.unmatched],
                "undefined": list(report.undefined),
                "changes": [{"document": d, "name": n, "old": o, "new": v} for d, n, o, v in report.changes],
            }
        )
        return
    verb = "would set" if dry_run else "set"
    click.echo(f"{verb} {report.values} values of {report.documents} documents from {file}")
    for name, kind in report.types.items():
        note = " (not in the codebook)" if name in report.undefined else ""
        click.echo(f"  {name}: {kind}{note}")
    for line, name in report.unmatched:
        click.echo(f"  line {line}: no document {name!r} in the project; row skipped")


@attributes.command("export")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help=".xlsx or .csv")
@click.pass_context
@errors_as_messages
def attributes_export(ctx: click.Context, output: str) -> None:
    """Write every document's variables to a table that `attributes import` reads again.

    Example: coding-toolkit attributes export -o variablen.xlsx
    """
    from toolkit.attribute_table import export_attributes

    rows = export_attributes(_store(ctx), output)
    click.echo(f"wrote {rows} documents to {output}")


@cli.group()
def codebook() -> None:
    """Load, show, export and edit the project's codebook."""


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
    from toolkit.cli_exchange import print_load_report
    from toolkit.exchange.codebook_files import load_codebook_file

    report = load_codebook_file(_store(ctx), file, actor=actor_name(), dry_run=dry_run)
    if as_json:
        _emit(report)
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
    rows = codes_mod.list_codes(_store(ctx))
    if as_json:
        _emit(
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

        text = export_codebook_csv(_store(ctx))
        if output:
            write_text(output, text, encoding="utf-8", newline="")
            click.echo(f"wrote {output}")
        else:
            click.echo(text, nl=False)
        return
    if fmt == "qdc":
        from toolkit.exchange.refi import export_codebook_qdc

        data = export_codebook_qdc(_store(ctx))
        if output:
            write_bytes(output, data)
            click.echo(f"wrote {output}")
        else:
            click.echo(data.decode("utf-8"), nl=False)
        return
    from toolkit.exports import write_codebook_csv, write_codebook_guide  # pandas: only when needed

    store = _store(ctx)
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
    code = codes_mod.add_code(_store(ctx), path, actor=actor_name(), definition=definition, colour=colour)
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
    code = codes_mod.rename_code(_store(ctx), path, new_name, actor=actor_name())
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
    code = codes_mod.move_code(_store(ctx), path, parent, actor=actor_name())
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
    store = _store(ctx)
    n = codes_mod.affected_codings(store, source)
    if not yes:
        click.confirm(f"Merge {source!r} into {target!r}, moving {n} codings?", abort=True)
    result = codes_mod.merge_codes(store, source, target, actor=actor_name())
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
    moved = codes_mod.delete_code(_store(ctx), path, actor=actor_name(), move_codings_to=move_to)
    click.echo(f"deleted {path}" + (f"; {moved} codings moved to {move_to}" if move_to else ""))


@cli.command()
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
    as_json: bool,
) -> None:
    """Code the text from START to END (character offsets) of DOCUMENT with CODE_PATH.

    Example: coding-toolkit code interview_cdo 120 245 "Mensch/Treiber/Digitale Lotsen" --coder anna
    """
    store, actor = _store(ctx), actor_name()
    coding = add_coding(store, document, start, end, code_path, coder=coder or actor, memo=memo, actor=actor)
    if as_json:
        _emit(coding)
    else:
        click.echo(f"coded {coding.document} {start}-{end} {coding.code_path!r}: {coding.text[:60]!r}")


@cli.group()
def codings() -> None:
    """Import and export codings."""


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
    from toolkit.exchange.taguette import parse_document_map, read_document_map

    doc_map = {**(read_document_map(map_file) if map_file else {}), **parse_document_map(maps)}
    report = import_highlights(
        _store(ctx),
        file,
        coder=coder,
        actor=actor_name(),
        doc_map=doc_map,
        allow_unanchored=allow_unanchored,
    )
    if as_json:
        _emit(report)
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
@click.pass_context
@errors_as_messages
def codings_export(
    ctx: click.Context,
    fmt: str,
    output: str | None,
    coder: str | None,
    document: str | None,
    pseudonymise: bool,
) -> None:
    """Export codings: document, code_path, start, end, text, coder, memo.

    Example: coding-toolkit codings export --format csv -o codings.csv
    """
    store = _store(ctx)
    items = list_codings(store, coder=coder, document=document)
    if pseudonymise:
        from toolkit.pseudonyms import pseudonymise_codings

        items = pseudonymise_codings(store, items)
    if output:
        with atomic_write(output, text=True, newline="") as fh:
            n = write_codings(items, fmt, fh)
        click.echo(f"wrote {n} codings to {output}")
    else:
        write_codings(items, fmt, sys.stdout)


@cli.command()
@click.option(
    "--root",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder with codebook/ and transcripts/.",
)
@click.pass_context
@errors_as_messages
def demo(ctx: click.Context, root: str) -> None:
    """Create the demo project from codebook/ and transcripts/ unless it exists.

    Example: coding-toolkit --db data/demo.db demo
    """
    db = ctx.obj["db"]
    if Path(db).exists():
        click.echo(f"{db} exists; keeping it")
        return
    summary = create_demo(db, Path(root), actor=actor_name())
    click.echo(
        f"Created {db}: {summary['documents']} documents, {summary['codes']} codes, "
        f"{summary['codings']} codings by {', '.join(summary['coders'])}"
    )


def main() -> None:
    cli(obj={})
