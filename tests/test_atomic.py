"""Private files (issue 16, item 8): every file the toolkit creates with project data is 0600 or
has the project file's mode, whatever the umask, and replacing a file keeps its mode."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.atomic import PRIVATE_MODE, create_private, data_mode, write_bytes, write_text


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The usual umask 022, under which files are readable by everyone unless made private."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_new_files_are_private_unless_a_mode_is_given(tmp_path: Path) -> None:
    write_bytes(tmp_path / "a.xlsx", b"x")
    write_text(tmp_path / "b.csv", "x")
    write_text(tmp_path / "c.csv", "x", mode=0o640)
    assert [mode(tmp_path / n) for n in ("a.xlsx", "b.csv", "c.csv")] == [0o600, 0o600, 0o640]


def test_data_mode_follows_the_project_file(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    project.write_bytes(b"")
    for bits in (0o600, 0o640, 0o644, 0o755):
        project.chmod(bits)
        assert data_mode(project) == bits & 0o666  # never executable
    assert data_mode(tmp_path / "missing.db") == data_mode(None) == PRIVATE_MODE


def test_create_private_sets_the_exact_mode_and_refuses_an_existing_file(tmp_path: Path) -> None:
    os.umask(0o077)
    create_private(tmp_path / "x", 0o640)  # not narrowed by the umask either
    assert mode(tmp_path / "x") == 0o640
    with pytest.raises(FileExistsError):
        create_private(tmp_path / "x")


EXPORTS = [
    ["codings", "export", "-o", "codings.csv"],
    ["codings", "export", "--format", "json", "-o", "codings.json"],
    ["codebook", "export", "--format", "yaml", "-o", "codebook.yaml"],
    ["codebook", "export", "--format", "csv", "-o", "codebook.csv"],
    ["codebook", "export", "--format", "docx", "-o", "leitfaden.docx"],
    ["codebook", "export", "--format", "qdc", "-o", "codebook.qdc"],
    ["project", "export", "-o", "projekt.qdpx"],
    ["frequencies", "--all-coders", "--format", "xlsx", "-o", "haeufigkeiten.xlsx"],
    ["frequencies", "--coder", "anna", "--format", "csv", "-o", "haeufigkeiten.csv"],
    ["report", "--all-coders", "-o", "bericht.docx"],
    ["agreement", "--coders", "anna,ben", "--method", "segment", "-o", "agreement.xlsx"],
    ["agreement", "--coders", "anna,ben", "--method", "segment", "-o", "agreement.csv"],
    ["backup", "-o", "sicherung.db"],
]


@pytest.mark.slow
def test_every_cli_export_of_a_private_project_is_private(tmp_path: Path) -> None:
    """A 0600 project gave 0644 exports (CSV, XLSX, DOCX, .qdpx, backups) under umask 022."""
    from _factories import two_coder_project
    from click.testing import CliRunner

    from toolkit.cli import cli

    store = two_coder_project(tmp_path)
    db = Path(store.path)
    store.close()
    db.chmod(0o600)
    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    for args in EXPORTS:
        args = [*args[:-1], str(out / args[-1])]
        result = runner.invoke(cli, ["--db", str(db), *args], env={"CODING_TOOLKIT_USER": "lead"})
        assert result.exit_code == 0, (args, result.output)
    modes = {p.name: mode(p) for p in out.iterdir()}
    assert modes == {args[-1]: 0o600 for args in EXPORTS}
