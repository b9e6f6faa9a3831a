"""Recordings attached to documents: formats by content, the media folder, undo, backups, import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _factories import add_text, new_store
from _media import TIMED, wav_bytes, write_wav
from click.testing import CliRunner

from toolkit.backup import backup, restore, snapshot
from toolkit.cli import cli
from toolkit.documents import document_turns
from toolkit.errors import InvalidValue, NotFound
from toolkit.media import (
    all_media,
    attach_media,
    detach_media,
    document_media,
    media_folder,
    media_path,
    set_turn_time,
    sniff_format,
    undo_media,
)
from toolkit.store import Store, open_store


@pytest.fixture
def project(tmp_path: Path) -> tuple[Store, str]:
    store = new_store(tmp_path, "study.db")
    return store, add_text(store, TIMED, "gespraech.txt")


def test_a_wav_is_attached_by_content_hash_beside_the_project(
    project: tuple[Store, str], tmp_path: Path
) -> None:
    store, doc = project
    wav = write_wav(tmp_path / "aufnahme.wav", 3.0)
    info = attach_media(store, doc, wav, actor="t")
    assert (info.format, info.kind, info.mime) == ("wav", "audio", "audio/wav")
    stored = media_path(store, info)
    assert stored.parent == tmp_path / "study.media"
    assert stored.read_bytes() == wav.read_bytes()
    assert stored.name.startswith(info.sha256)
    assert document_media(store, doc) == info
    # nothing of the recording is inside SQLite but its hash and format
    assert store.one("SELECT bytes FROM document_media")["bytes"] == len(wav_bytes(3.0))


@pytest.mark.parametrize(
    ("head", "name", "format_"),
    [
        (b"ID3\x04\x00" + bytes(59), "a.mp3", "mp3"),
        (b"\xff\xfb\x90\x64" + bytes(60), "a.mp3", "mp3"),
        (b"\xff\xf1\x50\x80" + bytes(60), "a.aac", "aac"),
        (b"\x00\x00\x00\x20ftypM4A " + bytes(52), "a.m4a", "m4a"),
        (b"\x00\x00\x00\x20ftypisom" + bytes(52), "a.mp4", "mp4"),
        (b"OggS\x00\x02" + bytes(22) + b"OpusHead" + bytes(28), "a.opus", "opus"),
        (b"OggS\x00\x02" + bytes(22) + b"\x01vorbis" + bytes(29), "a.ogg", "ogg"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + bytes(48), "a.webm", "webm"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(48), "a.wav", "wav"),
        # the name does not decide: an MP3 called .wav is an MP3
        (b"ID3\x04\x00" + bytes(59), "a.wav", "mp3"),
    ],
)
def test_playable_formats_are_known_by_their_first_bytes(head: bytes, name: str, format_: str) -> None:
    assert sniff_format(head, name).name == format_


@pytest.mark.parametrize(
    ("head", "name", "says", "command"),
    [
        (b"\x30\x26\xb2\x75\x8e\x66\xcf\x11" + bytes(56), "i1.wma", "Windows Media", '"i1.mp3"'),
        (b"RIFF\x24\x00\x00\x00AVI LIST" + bytes(48), "i1.avi", "AVI video", '"i1.mp4"'),
        (b"\x00\x00\x00\x14ftypqt  " + bytes(52), "i1.mov", "QuickTime", '"i1.mp4"'),
        (b"FORM\x00\x00\x00\x00AIFF" + bytes(52), "i1.aiff", "AIFF audio", '"i1.mp3"'),
        (b"#!AMR\n" + bytes(58), "i1.amr", "AMR audio", '"i1.mp3"'),
        (
            b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska" + bytes(44),
            "i1.mkv",
            "Matroska",
            '"i1.mp4"',
        ),
        # a text file named .mp3 is not taken for a recording
        (b"I: Guten Tag, wir beginnen.\n" + bytes(36), "i1.mp3", "named MP3", '"i1.mp3"'),
    ],
)
def test_other_formats_are_refused_with_the_format_and_an_ffmpeg_command(
    head: bytes, name: str, says: str, command: str
) -> None:
    with pytest.raises(InvalidValue) as info:
        sniff_format(head, name)
    message = str(info.value)
    assert says in message and "ffmpeg -i" in message and command in message
    assert "\n" not in message


def test_a_refused_recording_changes_nothing(project: tuple[Store, str], tmp_path: Path) -> None:
    store, doc = project
    wma = tmp_path / "i1.wma"
    wma.write_bytes(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11" + bytes(200))
    before = store.one("SELECT max(id) AS n FROM events")
    with pytest.raises(InvalidValue, match="Windows Media"):
        attach_media(store, doc, wma, actor="t")
    assert all_media(store) == {}
    assert store.one("SELECT max(id) AS n FROM events") == before
    assert not media_folder(store).exists()


def test_detach_keeps_the_file_and_undo_reattaches_it(project: tuple[Store, str], tmp_path: Path) -> None:
    store, doc = project
    info = attach_media(store, doc, write_wav(tmp_path / "a.wav", 2.0), actor="t")
    detach_media(store, doc, actor="t")
    assert document_media(store, doc) is None
    assert media_path(store, info).exists()
    assert "detach" in (undo_media(store, "t") or "")
    assert document_media(store, doc) == info
    assert "attach" in (undo_media(store, "t") or "")
    assert document_media(store, doc) is None
    assert undo_media(store, "t") is None
    with pytest.raises(NotFound, match="no recording"):
        detach_media(store, doc, actor="t")


def test_a_turn_time_from_the_player_keeps_the_text_and_can_be_undone(project: tuple[Store, str]) -> None:
    store, doc = project
    turns = document_turns(store, doc)
    assert turns[2].timestamp is None
    set_turn_time(store, doc, 2, 4.26, actor="t")
    after = document_turns(store, doc)
    assert after[2].timestamp == pytest.approx(4.3)
    assert [(t.start, t.end) for t in after] == [(t.start, t.end) for t in turns]
    assert "turn 3" in (undo_media(store, "t") or "")
    assert document_turns(store, doc)[2].timestamp is None
    with pytest.raises(NotFound, match="no turn 99"):
        set_turn_time(store, doc, 98, 1.0, actor="t")


def test_backup_and_restore_carry_the_recording(project: tuple[Store, str], tmp_path: Path) -> None:
    store, doc = project
    info = attach_media(store, doc, write_wav(tmp_path / "a.wav", 2.0), actor="t")
    report = backup(store, tmp_path / "backups" / "study-1.db")
    assert report["media_missing"] == []
    kept = tmp_path / "backups" / "study-1.media" / info.stored_name
    assert kept.read_bytes() == media_path(store, info).read_bytes()
    store.close()
    # the project and its media folder are lost; the backup brings both back
    (tmp_path / "study.db").unlink()
    for p in (tmp_path / "study.media").iterdir():
        p.unlink()
    report = restore(tmp_path / "backups" / "study-1.db", tmp_path / "study.db", actor="t")
    assert report["media_missing"] == []
    with open_store(tmp_path / "study.db") as restored:
        again = document_media(restored, doc)
        assert again is not None and media_path(restored, again).read_bytes() == wav_bytes(2.0)


def test_old_snapshots_take_their_recordings_with_them(project: tuple[Store, str], tmp_path: Path) -> None:
    store, doc = project
    attach_media(store, doc, write_wav(tmp_path / "a.wav", 1.0), actor="t")
    first = Path(snapshot(store, tmp_path / "snaps", keep=1))
    assert first.with_name(first.stem + ".media").is_dir()
    second = Path(snapshot(store, tmp_path / "snaps", keep=1))
    assert not first.exists() and not first.with_name(first.stem + ".media").exists()
    assert second.with_name(second.stem + ".media").is_dir()


def test_cli_import_attaches_the_recording_beside_and_documents_json_shows_it(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gespraech.txt").write_text(TIMED, encoding="utf-8")
    write_wav(tmp_path / "in" / "gespraech.wav", 2.0)
    (tmp_path / "in" / "andere.txt").write_text("I: Hallo.\n\nB: Tag.\n", encoding="utf-8")
    (tmp_path / "in" / "andere.wma").write_bytes(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11" + bytes(100))
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "init", "--empty"]).exit_code == 0
    result = runner.invoke(
        cli,
        ["--db", db, "import", str(tmp_path / "in" / "gespraech.txt"), str(tmp_path / "in" / "andere.txt")],
    )
    assert result.exit_code == 0, result.output
    assert (
        "attached" in result.output and "not attached" in result.output and "Windows Media" in result.output
    )
    docs = {d["name"]: d for d in json.loads(runner.invoke(cli, ["--db", db, "documents", "--json"]).output)}
    assert docs["gespraech"]["media"]["format"] == "wav"
    assert Path(docs["gespraech"]["media"]["path"]).is_file()
    assert docs["andere"]["media"] is None


def test_cli_import_with_media_refuses_a_bad_recording_before_importing(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    (tmp_path / "t.txt").write_text(TIMED, encoding="utf-8")
    (tmp_path / "r.mov").write_bytes(b"\x00\x00\x00\x14ftypqt  " + bytes(100))
    runner = CliRunner()
    runner.invoke(cli, ["--db", db, "init", "--empty"])
    result = runner.invoke(
        cli, ["--db", db, "import", str(tmp_path / "t.txt"), "--media", str(tmp_path / "r.mov")]
    )
    assert result.exit_code == 1 and "QuickTime" in result.output and "ffmpeg" in result.output
    assert json.loads(runner.invoke(cli, ["--db", db, "documents", "--json"]).output) == []


def test_cli_media_attach_time_detach_undo(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    (tmp_path / "t.txt").write_text(TIMED, encoding="utf-8")
    write_wav(tmp_path / "r.wav", 2.0)
    runner = CliRunner()
    runner.invoke(cli, ["--db", db, "init", "--empty"])
    runner.invoke(cli, ["--db", db, "import", str(tmp_path / "t.txt")])
    out = runner.invoke(cli, ["--db", db, "media", "attach", "t", str(tmp_path / "r.wav")])
    assert out.exit_code == 0 and "attached" in out.output, out.output
    listed = json.loads(runner.invoke(cli, ["--db", db, "media", "list", "--json"]).output)
    assert [m["document"] for m in listed] == ["t"]
    assert runner.invoke(cli, ["--db", db, "media", "time", "t", "3", "4.5"]).exit_code == 0
    turns = json.loads(runner.invoke(cli, ["--db", db, "turns", "t", "--json"]).output)
    assert turns[2]["timestamp"] == 4.5
    assert "undone" in runner.invoke(cli, ["--db", db, "media", "undo"]).output
    assert runner.invoke(cli, ["--db", db, "media", "detach", "t"]).exit_code == 0
    bad = runner.invoke(cli, ["--db", db, "media", "detach", "t"])
    assert bad.exit_code == 1 and "no recording" in bad.output
