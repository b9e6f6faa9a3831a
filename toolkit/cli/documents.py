"""``import``, ``documents``, ``turns`` and ``attributes``: transcripts in, and what is known about them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.documents import (
    document_turns,
    import_files,
    list_documents,
    parse_assignments,
    set_attributes,
    speaker_attributes,
    turn_pages,
)
from toolkit.progress import done_marks

if TYPE_CHECKING:
    from toolkit.store import Store


@click.command("import")
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
@click.option(
    "--rename-speaker",
    "renames",
    multiple=True,
    metavar="OLD=NEW",
    help="Store speaker OLD as NEW (e.g. B=Bürgermeisterin); repeatable.",
)
@click.option("--dry-run", is_flag=True, help="Show speakers, first turns and warnings; store nothing.")
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
    renames: tuple[str, ...],
    dry_run: bool,
    as_json: bool,
) -> None:
    """Import transcripts (.docx, .odt, .rtf, .pdf, .txt, .md, .srt, .vtt) as one transaction.

    If any file fails, nothing is imported and the error names the file.

    Example: coding-toolkit import transcripts/*.docx --attr municipality_type="Die Optimierer"

    Example: coding-toolkit import interview.rtf --dry-run --rename-speaker B=Bürgermeisterin

    Example: coding-toolkit import interview.rtf --rename-speaker B="Herr Weber" --pseudonymise
    """
    from toolkit import media

    renamed_as = parse_assignments(renames)
    if dry_run:
        max_bytes = int(max_mb * 1024 * 1024)
        _preview(ctx, files, language, speaker_pattern, renamed_as, max_bytes, as_json, pseudonymise)
        return
    if media_file is not None:
        if len(files) != 1:
            raise click.UsageError("--media attaches one recording: import one transcript with it")
        media.check_recording(media_file)  # a refused recording changes nothing
    store = project_store(ctx)
    if pseudonymise:
        from toolkit.pseudonyms import import_pseudonymised

        results = import_pseudonymised(
            store,
            files,
            actor=actor_name(),
            language=language,
            attributes=parse_assignments(attrs),
            speaker_pattern=speaker_pattern,
            max_bytes=int(max_mb * 1024 * 1024),
            renames=renamed_as,
        )
    else:
        results = import_files(
            store,
            files,
            actor=actor_name(),
            language=language,
            attributes=parse_assignments(attrs),
            speaker_pattern=speaker_pattern,
            max_bytes=int(max_mb * 1024 * 1024),
            renames=renamed_as,
        )
    attached = media.attach_imported(store, files, results, actor=actor_name(), explicit=media_file)
    if as_json:
        emit(results)
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


def _preview(
    ctx: click.Context,
    files: tuple[str, ...],
    language: str | None,
    speaker_pattern: str | None,
    renames: dict[str, str],
    max_bytes: int,
    as_json: bool,
    pseudonymise: bool,
) -> None:
    """``import --dry-run``: what each file would give (pseudonymised if asked); nothing is stored."""
    from toolkit.import_preview import preview_import

    store = project_store(ctx)
    previews = [
        preview_import(
            store,
            Path(f).read_bytes(),
            f,
            speaker_pattern=speaker_pattern,
            language=language,
            renames=renames,
            max_bytes=max_bytes,
            pseudonymise=pseudonymise,
        )
        for f in files
    ]
    if as_json:
        emit([p.as_dict() for p in previews])
        return
    for p in previews:
        dup = f" (same content as {p.duplicate_of!r}: would be skipped)" if p.duplicate_of else ""
        click.echo(f"{p.file}: {p.format}, {p.language}, {p.words} words, {p.turns} turns{dup}")
        for s in p.speakers:
            click.echo(f"  speaker {s.speaker or '(none)'}: {s.turns} turns, {s.words} words")
        for t in p.first_turns:
            click.echo(f"  | {t.speaker or '-'}: {t.text[:100]}")
        for skipped in p.skipped_labels[:20]:
            click.echo(
                f"  line {skipped.line} looks like a speaker label but would not be taken: {skipped.text}"
            )
    click.echo("dry run: nothing was stored", err=True)


@click.command("documents")
@json_option
@click.pass_context
@errors_as_messages
def documents(ctx: click.Context, as_json: bool) -> None:
    """List documents with words, turns, speakers and time range.

    Example: coding-toolkit documents --json
    """
    store = project_store(ctx)
    docs = list_documents(store)
    if as_json:
        done = done_marks(store)
        emit(
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


@click.command("turns")
@click.argument("document")
@json_option
@click.pass_context
@errors_as_messages
def turns(ctx: click.Context, document: str, as_json: bool) -> None:
    """List the speaker turns of a document (offsets into the stored text).

    Example: coding-toolkit turns interview_cdo --json
    """
    store = project_store(ctx)
    items = document_turns(store, document)
    pages = turn_pages(store, document)
    if as_json:
        emit(
            [
                {"speaker": t.speaker, "start": t.start, "end": t.end, "timestamp": t.timestamp, "page": p}
                for t, p in zip(items, pages, strict=True)
            ]
        )
        return
    for t, p in zip(items, pages, strict=True):
        stamp = "" if t.timestamp is None else f" @{t.timestamp:g}s"
        page = "" if p is None else f" p. {p}"
        click.echo(f"{t.speaker or '-'}{stamp}{page}\t{t.start}-{t.end}")


@click.group("attributes")
def attributes() -> None:
    """Case attributes of documents and speakers.

    Example: coding-toolkit attributes set interview_cdo municipality_type="Die Optimierer"
    """


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
    set_attributes(
        project_store(ctx), document, parse_assignments(assignments), actor=actor_name(), speaker=speaker
    )
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
    store = project_store(ctx)
    doc = next((d for d in list_documents(store) if d.name == document), None)
    speakers = speaker_attributes(store, document)
    own = doc.attributes if doc else {}
    if as_json:
        emit({"document": own, "speakers": speakers})
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
        project_store(ctx), Path(file).read_bytes(), file, actor=actor_name(), dry_run=dry_run
    )
    if as_json:
        emit(
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

    rows = export_attributes(project_store(ctx), output)
    click.echo(f"wrote {rows} documents to {output}")
