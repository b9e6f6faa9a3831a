"""The import report names label-like lines that were not taken, in the CLI and its JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from toolkit.cli import cli

TRANSCRIPT = (
    "Interview Bauamt, 3. März\n\n"  # 1
    "I [00:00:04] Wie viele Anträge kommen digital?\n\n"  # 3
    "B [00:00:10] Etwa die Hälfte.\n\n"  # 5
    "Die Post: bringt den Rest.\n\n"  # 7
    "I [00:00:30] Und wer tippt die ab?\n"  # 9
)


def invoke(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_cli_import_lists_label_like_lines_with_line_numbers(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert invoke(db, "init", "--empty")[0] == 0
    path = tmp_path / "bauamt.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    code, out = invoke(db, "import", str(path))
    assert code == 0, out
    assert "3 turns" in out
    assert "line 7 looks like a speaker label but was not taken: Die Post: bringt den Rest." in out
    assert "--speaker-pattern" in out


def test_cli_import_json_carries_the_skipped_lines(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert invoke(db, "init", "--empty")[0] == 0
    path = tmp_path / "bauamt.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    code, out = invoke(db, "import", str(path), "--json")
    assert code == 0, out
    (result,) = json.loads(out)
    assert result["turns"] == 3
    assert result["skipped_labels"] == [{"line": 7, "text": "Die Post: bringt den Rest."}]


CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def test_a_misspelt_label_in_a_real_transcript_is_reported() -> None:
    import pytest

    from toolkit.importers import parse_file

    path = CORPORA / "en_pdpilot_interviews" / "P5.txt"
    if not path.exists():
        pytest.skip("../shared/corpora is absent")
    doc = parse_file(path)
    assert {t.speaker for t in doc.turns} == {"Dan", "Participant"}
    assert [(s.line, s.text) for s in doc.skipped_labels] == [(726, "Particpant:")]
    assert path.read_text(encoding="utf-8").split("\n")[725].strip() == "Particpant:"
