"""Maintenance commands: backup, restore, snapshot, history and pseudonyms. Each parses its input,
calls one library function and prints the result (``--json`` where it returns data)."""

from __future__ import annotations

import dataclasses

import click

from toolkit import audit
from toolkit import backup as backup_mod
from toolkit import pseudonyms as ps
from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store


def _missing_media(report: dict[str, object]) -> None:
    missing = report.get("media_missing") or []
    if isinstance(missing, list) and missing:
        click.echo(
            f"warning: {len(missing)} recording(s) are missing from the media folder and were not "
            f"copied: {', '.join(missing[:5])}; attach them again with `coding-toolkit media attach`"
        )


@click.command("backup")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The new backup file.")
@json_option
@click.pass_context
@errors_as_messages
def backup(ctx: click.Context, output: str, as_json: bool) -> None:
    """Copy the project to a new file with SQLite's online backup (safe while the app runs).

    Example: coding-toolkit backup -o backups/study-2026-11-22.db
    """
    report = backup_mod.backup(project_store(ctx), output)
    if as_json:
        emit(report)
        return
    click.echo(
        f"wrote {report['path']}: {report['documents']} documents, {report['codings']} codings, "
        f"{report['events']} events, integrity ok"
    )
    _missing_media(report)


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--other-project", is_flag=True, help="Allow a backup of a different project.")
@json_option
@click.pass_context
@errors_as_messages
def restore(ctx: click.Context, file: str, yes: bool, other_project: bool, as_json: bool) -> None:
    """Replace the project with a checked backup; the replaced state is kept beside it.

    Example: coding-toolkit restore backups/study-2026-11-22.db --yes
    """
    db = ctx.obj["db"]
    info = backup_mod.check_project_file(file)
    if not yes:
        click.confirm(
            f"Replace {db} with {file} ({info['documents']} documents, {info['codings']} codings)?",
            abort=True,
        )
    report = backup_mod.restore(file, db, actor=actor_name(), other_project=other_project)
    if as_json:
        emit(report)
        return
    click.echo(
        f"restored {db} from {file}"
        + (f"; the previous state is in {report['kept']}" if report["kept"] else "")
    )
    _missing_media(report)


@click.command("snapshot")
@click.option(
    "--folder",
    type=click.Path(file_okay=False),
    help="Where snapshots go (default: snapshots/ beside the project).",
)
@click.option("--keep", type=int, default=24, show_default=True, help="Keep this many newest snapshots.")
@click.pass_context
@errors_as_messages
def snapshot(ctx: click.Context, folder: str | None, keep: int) -> None:
    """Take a timestamped snapshot now and delete the oldest beyond --keep.

    Example: coding-toolkit snapshot --keep 10
    """
    click.echo(f"wrote {backup_mod.snapshot(project_store(ctx), folder, keep=keep)}")


@click.command("history")
@click.option("--document", help="Only changes of this document and its codings and memos.")
@click.option("--coder", help="Only changes made by this person or on their codings.")
@click.option("--entity", help="Only this kind of thing: coding, code, document, memo, ...")
@click.option("--since", help="Only changes at or after this UTC date or time (2026-11-01T09:00).")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many, newest first.")
@json_option
@click.pass_context
@errors_as_messages
def history(
    ctx: click.Context,
    document: str | None,
    coder: str | None,
    entity: str | None,
    since: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Who changed what and when, from the append-only event log (newest first).

    Example: coding-toolkit history --document interview_cdo --coder anna --json
    """
    events = audit.history(
        project_store(ctx), document=document, coder=coder, entity=entity, since=since, limit=limit
    )
    if as_json:
        emit(events)
        return
    for e in events:
        click.echo(f"{e['at']}\t{e['summary']}")


@click.group("pseudonyms")
def pseudonyms() -> None:
    """Pseudonymise names, places and organisations (the table is for leads only).

    Example: coding-toolkit pseudonyms propose --json
    """


_SOURCE_NAMES = {"code_memo": "code memo", "paraphrase_group": "paraphrase group"}


@pseudonyms.command("propose")
@click.option("--document", "documents", multiple=True, help="Only this document; repeatable.")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many candidates.")
@json_option
@click.pass_context
@errors_as_messages
def propose(ctx: click.Context, documents: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Propose candidates (names after titles, speakers, places, organisations), most frequent first,
    with where they were found: documents, code memos, paraphrase group names.

    Example: coding-toolkit pseudonyms propose --document interview_cdo --json
    """
    found = ps.propose(project_store(ctx), documents or None, limit=limit)
    if as_json:
        emit(found)
        return
    for c in found:
        places = [*c.documents, *(f"{_SOURCE_NAMES[s.kind]}: {s.where}" for s in c.elsewhere)]
        click.echo(f"{c.count}\t{c.original}\t{c.kind}\t{c.placeholder}\t({c.rule})\t{', '.join(places)}")


@pseudonyms.command("list")
@json_option
@click.pass_context
@errors_as_messages
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """Show the table original -> placeholder (leads only).

    Example: coding-toolkit pseudonyms list --json
    """
    rows = ps.mapping(project_store(ctx), actor_name())
    if as_json:
        emit(rows)
        return
    for p in rows:
        click.echo(f"{p.original}\t{p.placeholder}\t{p.kind}")


@pseudonyms.command("add")
@click.argument("original")
@click.option("--placeholder", help="e.g. '[Bürgermeisterin]' (default: the next [Person A], [Ort A], ...).")
@click.option("--kind", type=click.Choice(ps.KINDS), default="person", show_default=True)
@click.pass_context
@errors_as_messages
def add(ctx: click.Context, original: str, placeholder: str | None, kind: str) -> None:
    """Add a name, place or organisation to the table.

    Example: coding-toolkit pseudonyms add "Musterstadt" --placeholder "[Stadt A]" --kind place
    """
    p = ps.add_pseudonym(project_store(ctx), original, placeholder, kind, actor=actor_name())
    click.echo(f"{p.original} -> {p.placeholder}")


@pseudonyms.command("set")
@click.argument("original")
@click.option("--placeholder", help="The new placeholder.")
@click.option("--kind", type=click.Choice(ps.KINDS), help="The new kind.")
@click.pass_context
@errors_as_messages
def set_cmd(ctx: click.Context, original: str, placeholder: str | None, kind: str | None) -> None:
    """Change the placeholder or kind of an entry.

    Example: coding-toolkit pseudonyms set "Kranz" --placeholder "[Bürgermeisterin]"
    """
    p = ps.update_pseudonym(
        project_store(ctx), original, actor=actor_name(), placeholder=placeholder, kind=kind
    )
    click.echo(f"{p.original} -> {p.placeholder}")


@pseudonyms.command("remove")
@click.argument("original")
@click.pass_context
@errors_as_messages
def remove(ctx: click.Context, original: str) -> None:
    """Remove an entry (documents already pseudonymised keep the placeholder).

    Example: coding-toolkit pseudonyms remove "Köln"
    """
    ps.delete_pseudonym(project_store(ctx), original, actor=actor_name())
    click.echo(f"removed {original}")


@pseudonyms.command("apply")
@click.argument("documents", nargs=-1)
@click.option("--all", "all_documents", is_flag=True, help="Every document of the project.")
@click.option("--dry-run", is_flag=True, help="Only show what would be replaced.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@json_option
@click.pass_context
@errors_as_messages
def apply(
    ctx: click.Context,
    documents: tuple[str, ...],
    all_documents: bool,
    dry_run: bool,
    yes: bool,
    as_json: bool,
) -> None:
    """Replace the table's originals in documents; codings keep pointing at the same words.

    Example: coding-toolkit pseudonyms apply interview_cdo interview_it --yes
    """
    store = project_store(ctx)
    if all_documents:
        documents = tuple(r["name"] for r in store.query("SELECT name FROM documents ORDER BY name"))
    if not documents:
        raise click.UsageError("name the documents to pseudonymise, or pass --all")
    changes = ps.preview(store, documents)
    if not dry_run:
        if not yes:
            total = sum(c.total for c in changes)
            click.confirm(f"Replace {total} occurrences in {len(changes)} documents?", abort=True)
        changes = ps.apply(store, documents, actor=actor_name())
    if as_json:
        emit([{**dataclasses.asdict(c), "total": c.total} for c in changes])
        return
    for c in changes:
        click.echo(
            f"{c.document}: {c.total} replaced, {c.codings_moved} codings moved, "
            f"{c.codings_clipped} clipped" + (" (dry run)" if dry_run else "")
        )
    from toolkit.media import all_media

    recorded = [d for d in documents if d in all_media(store)]
    if recorded:
        click.echo(
            f"note: recordings are NOT pseudonymised ({', '.join(recorded)} have one): voices and "
            "names said aloud stay in them; share the project without its .media folder"
        )
