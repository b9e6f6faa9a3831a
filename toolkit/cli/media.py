"""``coding-toolkit media``: attach a recording (audio or video) to a document, detach it, list
the recordings, set a turn's time stamp and undo such changes (issue 21)."""

from __future__ import annotations

import click

from toolkit import media as media_mod
from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store


@click.group("media")
def media() -> None:
    """Recordings of documents: attach, detach, list, time stamps.

    Example: coding-toolkit media attach interview_cdo recordings/interview_cdo.mp3
    """


@media.command("attach")
@click.argument("document")
@click.argument("file", type=click.Path(dir_okay=False))
@json_option
@click.pass_context
@errors_as_messages
def attach(ctx: click.Context, document: str, file: str, as_json: bool) -> None:
    """Attach a recording (MP3, M4A/AAC, Ogg/Opus, WAV, FLAC, MP4, WebM) to a document.

    The file is copied beside the project (PROJECT.media/, by content hash).

    Example: coding-toolkit media attach interview_cdo recordings/interview_cdo.mp3
    """
    store = project_store(ctx)
    info = media_mod.attach_media(store, document, file, actor=actor_name())
    if as_json:
        emit(info.as_dict())
        return
    click.echo(
        f"attached {file} to {info.document!r} ({info.format}, {info.bytes / 1e6:.1f} MB), "
        f"stored as {media_mod.media_path(store, info)}"
    )


@media.command("detach")
@click.argument("document")
@click.pass_context
@errors_as_messages
def detach(ctx: click.Context, document: str) -> None:
    """Detach the recording of a document (the file stays in the media folder; undo brings it back).

    Example: coding-toolkit media detach interview_cdo
    """
    info = media_mod.detach_media(project_store(ctx), document, actor=actor_name())
    click.echo(f"detached {info.file_name} from {info.document!r}")


@media.command("list")
@json_option
@click.pass_context
@errors_as_messages
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """List the documents with a recording.

    Example: coding-toolkit media list --json
    """
    store = project_store(ctx)
    found = media_mod.all_media(store)
    if as_json:
        emit([m.as_dict() | {"path": str(media_mod.media_path(store, m))} for m in found.values()])
        return
    for m in found.values():
        present = "" if media_mod.media_path(store, m).exists() else "\t(file missing)"
        click.echo(f"{m.document}\t{m.format}\t{m.file_name}{present}")


@media.command("time")
@click.argument("document")
@click.argument("turn", type=click.IntRange(min=1))
@click.argument("seconds", type=float, required=False)
@click.pass_context
@errors_as_messages
def time_cmd(ctx: click.Context, document: str, turn: int, seconds: float | None) -> None:
    """Set the time stamp of turn TURN (counting from 1) to SECONDS; without SECONDS clear it.

    The text and every offset stay as they are.

    Example: coding-toolkit media time interview_cdo 3 83.5
    """
    media_mod.set_turn_time(project_store(ctx), document, turn - 1, seconds, actor=actor_name())
    click.echo(f"turn {turn} of {document!r}: " + ("no time stamp" if seconds is None else f"{seconds:g} s"))


@media.command("undo")
@click.pass_context
@errors_as_messages
def undo(ctx: click.Context) -> None:
    """Undo your newest attach, detach or time stamp change.

    Example: coding-toolkit media undo
    """
    what = media_mod.undo_media(project_store(ctx), actor_name())
    click.echo(f"undone: {what}" if what else "nothing to undo")
