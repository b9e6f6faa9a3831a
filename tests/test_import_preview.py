"""Import preview (nothing stored) and speakers renamed on import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests._factories import add_text, store_with_codebook
from toolkit.cli import cli
from toolkit.documents import document_turns, import_upload
from toolkit.errors import InvalidValue
from toolkit.import_preview import preview_import
from toolkit.importers import parse_bytes
from toolkit.store import Store, events

TEXT = (
    "Interview mit der Stadt A\n\n"
    "I: [00:00:05] Wie läuft die Digitalisierung bei Ihnen?\n\n"
    "B: [00:00:12] Die E-Akte ist eingeführt, aber langsam. Viele drucken weiter aus.\n\n"
    "I: [00:01:00] Und die Schulungen?\n\n"
    "B: [00:01:10] Die kamen spät.\n"
)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return store_with_codebook(tmp_path)


def test_the_preview_shows_speakers_first_turns_and_language_and_stores_nothing(store: Store) -> None:
    before = len(events(store))
    p = preview_import(store, TEXT.encode(), "stadt_a.txt")
    assert [(s.speaker, s.turns) for s in p.speakers] == [("I", 2), ("B", 2)]
    assert p.speakers[1].words == 13 and p.words == sum(s.words for s in p.speakers)
    assert (p.first_turns[0].speaker, p.first_turns[0].timestamp) == ("I", 5.0)
    assert p.first_turns[1].text == "Die E-Akte ist eingeführt, aber langsam. Viele drucken weiter aus."
    assert (p.language, p.format, p.turns, p.duplicate_of) == ("de", "txt", 4, None)
    assert len(events(store)) == before and store.one("SELECT count(*) AS n FROM documents") == {"n": 0}
    add_text(store, TEXT, "stadt_a.txt")
    assert preview_import(store, TEXT.encode(), "kopie.txt").duplicate_of == "stadt_a"


def test_speakers_are_renamed_on_import_and_the_text_stays(store: Store) -> None:
    renames = {"B": "Bürgermeisterin", "I": "Interviewerin"}
    p = preview_import(store, TEXT.encode(), "stadt_a.txt", renames=renames)
    assert [s.speaker for s in p.speakers] == ["Interviewerin", "Bürgermeisterin"]
    result = import_upload(store, TEXT.encode(), "stadt_a.txt", actor="t", renames=renames)
    turns = document_turns(store, result.document)
    assert [t.speaker for t in turns] == ["Interviewerin", "Bürgermeisterin"] * 2
    stored = store.one("SELECT text FROM documents")
    assert stored == {"text": parse_bytes(TEXT.encode(), "stadt_a.txt").text}  # the text as without renaming


def test_renaming_a_speaker_the_file_does_not_have_is_refused(store: Store) -> None:
    with pytest.raises(InvalidValue, match=r"stadt_a: no speaker 'X' to rename; speakers are: B, I"):
        import_upload(store, TEXT.encode(), "stadt_a.txt", actor="t", renames={"X": "Y"})
    assert store.one("SELECT count(*) AS n FROM documents") == {"n": 0}


def test_cli_dry_run_json_then_import_with_renamed_speakers(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "stadt_a.txt"
    f.write_text(TEXT, encoding="utf-8")
    run = CliRunner().invoke
    db = ["--db", store.path]
    dry = run(cli, [*db, "import", str(f), "--dry-run", "--json", "--rename-speaker", "B=Bürgermeisterin"])
    assert dry.exit_code == 0, dry.output
    shown = json.loads(dry.output[: dry.output.rindex("]") + 1])
    assert [s["speaker"] for s in shown[0]["speakers"]] == ["I", "Bürgermeisterin"]
    assert store.one("SELECT count(*) AS n FROM documents") == {"n": 0}
    plain = run(cli, [*db, "import", str(f), "--dry-run"])
    assert "speaker B: 2 turns, 13 words" in plain.output and "nothing was stored" in plain.output
    done = run(cli, [*db, "import", str(f), "--rename-speaker", "B=Bürgermeisterin"])
    assert done.exit_code == 0, done.output
    assert {t.speaker for t in document_turns(store, "stadt_a")} == {"I", "Bürgermeisterin"}


def test_renamed_speakers_are_pseudonymised_by_the_table(store: Store, tmp_path: Path) -> None:
    """--rename-speaker with --pseudonymise: the rename comes first, so the table replaces the new
    name (B -> Herr Weber -> [Person A]); the name itself never reaches the project."""
    from toolkit.pseudonyms import add_pseudonym, import_upload_pseudonymised

    add_pseudonym(store, "Weber", actor="t")
    add_pseudonym(store, "Stadt A", "[Ort]", "place", actor="t")
    f = tmp_path / "stadt_a.txt"
    f.write_text(TEXT, encoding="utf-8")
    run = CliRunner().invoke
    db = ["--db", store.path]
    args = [*db, "import", str(f), "--rename-speaker", "B=Herr Weber", "--pseudonymise"]
    dry = run(cli, [*args, "--dry-run", "--json"])
    assert dry.exit_code == 0, dry.output
    shown = json.loads(dry.output[: dry.output.rindex("]") + 1])[0]
    assert [s["speaker"] for s in shown["speakers"]] == ["I", "Herr [Person A]"]
    assert shown["first_turns"][1]["speaker"] == "Herr [Person A]"
    assert store.one("SELECT count(*) AS n FROM documents") == {"n": 0}
    done = run(cli, args)
    assert done.exit_code == 0, done.output
    [doc] = [r["name"] for r in store.query("SELECT name FROM documents")]
    assert {t.speaker for t in document_turns(store, doc)} == {"I", "Herr [Person A]"}
    stored = store.query("SELECT text FROM documents")[0]["text"]
    assert "Stadt A" not in stored and "Interview mit der [Ort]" in stored
    imports = [e for e in events(store) if e["entity"] == "document"]
    assert imports and "Weber" not in json.dumps(imports, default=str, ensure_ascii=False)
    # the app's upload does the same (one file, its own transaction)
    other = TEXT.replace("langsam", "sehr langsam")
    result = import_upload_pseudonymised(store, other.encode(), "b.txt", actor="t", renames={"B": "Weber"})
    assert {t.speaker for t in document_turns(store, result.document)} == {"I", "[Person A]"}
