"""One line for every failure of the CLI (issue 16, item 11): a damaged project file, a full disk
during import, export or report, and the unexpected, each become one line naming the file and the
fix, with exit code 1, instead of a traceback of 39 lines."""

from __future__ import annotations

import errno
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from _factories import ROOT, add_text, store_with_codebook
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.codings import add_coding
from toolkit.errors import InvalidValue, failure_message

WORDS = "Akte Amt Bürger Daten Flurfunk Formular Kommune Leitung Portal Rathaus Server Team Termin".split()


def long_text(seed: int) -> str:
    """A turn of 2,500 varied words (repeated words would compress away in a .docx)."""
    rng = random.Random(seed)
    return "I: Wie kommen Informationen an?\n\nB: " + " ".join(rng.choice(WORDS) for _ in range(2500)) + ".\n"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    store = store_with_codebook(tmp_path)
    for i in range(3):
        text = long_text(i)
        add_text(store, text, f"doc{i}.txt")
        add_coding(store, f"doc{i}", 36, len(text) - 1, "Information/Herausforderungen/Lücken", coder="anna")
    store.close()
    return Path(store.path)


def test_a_project_with_zeroed_pages_is_one_line(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        [root] = [r for (r,) in conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'")]
    conn.close()
    data = bytearray(db.read_bytes())
    for page in (root, root + 1):  # pages are numbered from 1
        data[(page - 1) * 4096 : page * 4096] = bytes(4096)
    db.write_bytes(bytes(data))
    result = CliRunner().invoke(cli, ["--db", str(db), "documents"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"Error: {db}: the project file is damaged (")
    assert "restore a backup with `coding-toolkit restore BACKUP`" in result.output


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writing past the limit fails as on a full disk
sys.dont_write_bytecode = True  # a .pyc cut off at the limit would break later runs
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from toolkit.cli import main
sys.argv = ["coding-toolkit", *sys.argv[2:]]
main()
"""


def run_on_full_disk(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(limit), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
        check=False,
        env={"PATH": "/usr/bin:/bin", "CODING_TOOLKIT_USER": "lead", "HOME": str(ROOT)},
    )


def test_disk_full_during_import_is_one_line_and_imports_nothing(db: Path, tmp_path: Path) -> None:
    big = tmp_path / "gross.txt"
    big.write_text("I: Frage?\n\nB: " + "Ein langer Satz über Akten. " * 40_000 + "\n", encoding="utf-8")
    result = run_on_full_disk(200_000, "--db", str(db), "import", str(big))
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"Error: {db}: cannot write the project file (")
    assert "free disk space" in result.stderr
    check = CliRunner().invoke(cli, ["--db", str(db), "documents"])
    assert "gross" not in check.output and check.output.count("\n") == 3


@pytest.mark.parametrize(
    "command",
    [
        ["codings", "export", "-o", "{out}/codierungen.csv"],
        ["report", "--all-coders", "-o", "{out}/bericht.docx"],
    ],
)
def test_disk_full_during_an_export_is_one_line_naming_the_file(
    db: Path, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [a.format(out=out) for a in command]
    result = run_on_full_disk(40_000, "--db", str(db), *args)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"Error: {args[-1]}: File too large; free disk space")
    assert list(out.iterdir()) == []  # no half-written export, no temporary file


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "out.csv"),
            "out.csv: No space left on device; free disk",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "/x/a.xlsx"),
            "/x/a.xlsx: Permission denied; check the",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "p.db: No space left on device; free disk space"),
        (
            sqlite3.OperationalError("database or disk is full"),
            "p.db: cannot write the project file (database",
        ),
        (sqlite3.DatabaseError("file is not a database"), "p.db: the project file is damaged (file is not"),
        (RecursionError("maximum recursion depth exceeded"), "p.db: the input is nested too deeply"),
        (MemoryError(), "p.db: not enough memory"),
        (InvalidValue("line one\nline two"), "line one\\nline two"),  # escaped: still one line
        (KeyError("x"), "unexpected KeyError ('x') while working on p.db; this is a bug"),
    ],
)
def test_failure_message_is_one_line_naming_the_file(exc: BaseException, expected: str) -> None:
    message = failure_message(exc, "p.db")
    assert message.startswith(expected)
    assert "\n" not in message
