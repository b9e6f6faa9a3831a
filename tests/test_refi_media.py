"""Recordings in .qdpx projects: audio sources with sync points out and back in (issue 21)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from _factories import REFI_SAMPLES, add_text, new_store
from _media import TIMED, wav_bytes, write_wav

from toolkit.documents import document_turns
from toolkit.exchange.refi import export_project, import_project
from toolkit.media import attach_media, document_media, media_path, set_turn_time


def _project(tmp_path: Path) -> tuple[bytes, str]:
    store = new_store(tmp_path, "a.db")
    doc = add_text(store, TIMED, "gespraech.txt")
    attach_media(store, doc, write_wav(tmp_path / "r.wav", 3.0), actor="t")
    set_turn_time(store, doc, 2, 4.3, actor="t")  # the turn without a stamp in its text
    return export_project(store), doc


def test_a_recording_goes_out_as_an_audio_source_with_sync_points_and_comes_back(tmp_path: Path) -> None:
    data, doc = _project(tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        qde = zf.read("project.qde").decode()
        members = zf.namelist()
    assert "<AudioSource" in qde and "<Transcript" in qde and 'timeStamp="4300"' in qde
    assert any(m.endswith(".wav") for m in members)

    target = new_store(tmp_path / "b", "b.db")
    report = import_project(target, data, actor="t", name="x.qdpx")
    assert report.media_attached == 1 and report.time_stamps_synced >= 1
    info = document_media(target, doc)
    assert info is not None and info.format == "wav"
    assert media_path(target, info).read_bytes() == wav_bytes(3.0)
    assert [t.timestamp for t in document_turns(target, doc)] == [0.0, 2.0, 4.3, 6.0, 8.0]
    assert not report.skipped_sources


def test_a_dry_run_writes_no_recording(tmp_path: Path) -> None:
    data, _ = _project(tmp_path)
    target = new_store(tmp_path / "b", "b.db")
    report = import_project(target, data, actor="t", name="x.qdpx", dry_run=True)
    assert report.media_attached == 1
    assert target.one("SELECT count(*) AS n FROM document_media") == {"n": 0}
    assert not (tmp_path / "b" / "b.media").exists()


def test_the_export_with_a_recording_validates_against_the_project_schema(tmp_path: Path) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    path = REFI_SAMPLES / "Project.xsd"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    data, _ = _project(tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xmlschema.XMLSchema(str(path)).validate(zf.read("project.qde"))
