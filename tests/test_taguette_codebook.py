"""Taguette codebooks: `/` paths in its .qdc and CSV become the same tree as its highlights import;
our codebook through Taguette's formats and back keeps its tree; hostile tags are one-line errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from _factories import add_text, new_store, store_with_codebook, write_csv
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.codes import code_tree, list_codes
from toolkit.codes_edit import update_code
from toolkit.errors import ImportFailed
from toolkit.exchange.codebook_files import load_codebook_file
from toolkit.exchange.refi import import_codebook
from toolkit.exchange.refi.taguette import taguette_guid
from toolkit.exchange.taguette import import_highlights
from toolkit.exchange.taguette_codebook import export_codebook_csv
from toolkit.store import Store

TAGS = ["Mensch/Treiber/Digitale Lots:innen", "Mensch/Herausforderungen", "Produkt"]
TEXT = "I: Wie geht es?\n\nB: Die Lotsen helfen. Aber es fehlt Zeit. Das Produkt ist gut.\n"


def taguette_qdc(tags: list[str], descriptions: dict[str, str] | None = None) -> bytes:
    """A .qdc as Taguette writes it: flat codes named by path, UUID5 GUIDs, an empty <Sets/>."""
    codes = "".join(
        f'<Code guid={quoteattr(taguette_guid(t))} name={quoteattr(t)} isCodable="true"/>'
        if not (descriptions or {}).get(t)
        else f'<Code guid={quoteattr(taguette_guid(t))} name={quoteattr(t)} isCodable="true">'
        f"<Description>{(descriptions or {})[t]}</Description></Code>"
        for t in tags
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
        f'origin="Taguette 1.5.2"><Codes>{codes}</Codes><Sets/></CodeBook>'
    ).encode()


def paths(store: Store) -> list[str]:
    return sorted(c.path for c in code_tree(store))


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env={"CODING_TOOLKIT_USER": "lead"})
    return result.exit_code, result.output


def test_taguette_qdc_paths_become_the_tree_the_highlights_import_builds(tmp_path: Path) -> None:
    from_qdc = new_store(tmp_path, "qdc.db")
    report = import_codebook(from_qdc, taguette_qdc(TAGS), actor="lead", name="tags.qdc")
    from_csv = new_store(tmp_path, "csv.db")
    add_text(from_csv, TEXT, filename="int.txt")
    content = ["Die Lotsen helfen.", "Aber es fehlt Zeit.", "Das Produkt ist gut."]
    rows = [(str(i), "int.odt", tag, c) for i, (tag, c) in enumerate(zip(TAGS, content, strict=True))]
    import_highlights(
        from_csv, write_csv(tmp_path / "h.csv", ["id", "document", "tag", "content"], rows), coder="tg"
    )
    expected = [
        "Mensch",
        "Mensch/Herausforderungen",
        "Mensch/Treiber",
        "Mensch/Treiber/Digitale Lots:innen",
        "Produkt",
    ]
    assert paths(from_qdc) == paths(from_csv) == expected
    assert not any("\u2215" in p for p in paths(from_qdc))
    assert not any("'/'" in w for w in report.warnings)
    # a tag that is itself a level keeps Taguette's GUID; a level Taguette lacks gets the one it would give
    guids = {c.path: c.guid for c in code_tree(from_qdc)}
    assert guids["Mensch/Herausforderungen"] == taguette_guid("Mensch/Herausforderungen")
    assert guids["Mensch"] == taguette_guid("Mensch")


def test_our_codebook_through_taguette_and_back_keeps_the_tree(tmp_path: Path) -> None:
    ours = store_with_codebook(tmp_path)
    update_code(ours, "Information/Treiber", actor="t", anchor_example="Man weiß Bescheid.")
    exported = export_codebook_csv(ours)
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[0] == ["tag", "description"]
    # what Taguette does with it: every row a tag named by path, exported flat to .qdc and CSV
    tags = {row[0]: row[1] for row in rows[1:]}
    back_qdc = new_store(tmp_path, "back-qdc.db")
    import_codebook(back_qdc, taguette_qdc(list(tags), tags), actor="lead", name="t.qdc")
    back_csv = new_store(tmp_path, "back-csv.db")
    taguette_csv = tmp_path / "taguette-codebook.csv"
    write_csv(
        taguette_csv,
        ["tag", "description", "number of highlights", "number of documents"],
        [(t, d, "0", "0") for t, d in tags.items()],
    )
    load_codebook_file(back_csv, taguette_csv, actor="lead")
    want = [(c.path, c.definition, c.anchor_example) for c in list_codes(ours)]
    for store in (back_qdc, back_csv):
        assert [(c.path, c.definition, c.anchor_example) for c in list_codes(store)] == want
    # and back into the project it came from: the same codes (by path), nothing added or blanked
    report = load_codebook_file(ours, taguette_csv, actor="lead")
    assert report.added == () and report.updated == ()
    assert next((c.path, c.colour) for c in list_codes(ours)) == ("Information", "#1F77B4")


def test_taguette_codebook_csv_column_rules(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    ours = tmp_path / "ours.csv"
    write_csv(ours, ["path", "name", "definition"], [("A", "A", "x")])
    with pytest.raises(ImportFailed, match="exactly one of the columns tag, name, path"):
        load_codebook_file(store, ours, actor="lead")
    empty_tag = write_csv(tmp_path / "e.csv", ["Tag", "Description"], [("A", "x"), ("", "y")])
    with pytest.raises(ImportFailed, match="line 3: the tag is empty"):
        load_codebook_file(store, empty_tag, actor="lead")
    assert paths(store) == []


def test_the_real_taguette_codebook_csv_loads(tmp_path: Path) -> None:
    from _factories import CORPORA

    source = CORPORA / "en_serdif_usability_train" / "codebook.csv"
    if not source.exists():
        pytest.skip(f"{source} is absent")
    store = new_store(tmp_path)
    report = load_codebook_file(store, source, actor="lead")
    with source.open(encoding="utf-8") as f:
        tags = [row["tag"].strip() for row in csv.DictReader(f)]
    assert len(report.added) == len(set(tags)) and sorted(paths(store)) == sorted(set(tags))
    assert all(c.definition for c in list_codes(store))


def test_a_5000_level_tag_is_one_line_everywhere(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    add_text(store, TEXT, filename="int.txt")
    deep = "a/" * 5000
    rows = [("1", "int.odt", deep, "Die Lotsen helfen."), ("2", "int.odt", "Lob", "Das Produkt ist gut.")]
    h = write_csv(tmp_path / "h.csv", ["id", "document", "tag", "content"], rows)
    before = paths(store)
    code, out = run(
        tmp_path / "p.db", "codings", "import", str(h), "--format", "taguette-csv", "--coder", "tg"
    )
    assert code == 1 and "Traceback" not in out
    assert "line 2: int.odt / a/a/a" in out and "5000 levels; at most 100 are allowed" in out
    assert paths(store) == before  # nothing stored
    with pytest.raises(ImportFailed, match="5000 levels"):
        import_codebook(store, taguette_qdc([deep]), actor="lead", name="deep.qdc")
    csv_book = write_csv(tmp_path / "c.csv", ["tag"], [(deep,)])
    with pytest.raises(ImportFailed, match=r"c\.csv: line 2: .*5000 levels"):
        load_codebook_file(store, csv_book, actor="lead")


def test_export_taguette_csv_on_the_command_line(tmp_path: Path) -> None:
    store_with_codebook(tmp_path).close()
    out_file = tmp_path / "t.csv"
    code, out = run(tmp_path / "p.db", "codebook", "export", "--format", "taguette-csv", "-o", str(out_file))
    assert code == 0, out
    rows = list(csv.DictReader(out_file.open(encoding="utf-8")))
    assert rows[2] == {
        "tag": "Information/Herausforderungen/Lücken",
        "description": "Informationen kommen nicht an.",
    }


# Taguette's own importer and exporters, run from a separate environment with Taguette 1.5.2
# (python -m venv /tmp/taguette-venv && /tmp/taguette-venv/bin/pip install taguette==1.5.2), or
# the interpreter named by TAGUETTE_PYTHON. Skipped without it.
TAGUETTE_SCRIPT = """
import sys, types
from taguette.import_codebook import list_tags
from taguette import export
with open(sys.argv[1], "rb") as f:
    tags = list_tags(f)
objs = [types.SimpleNamespace(path=t["path"], description=t["description"], highlights_count=0,
                              documents_count=0) for t in tags]
with open(sys.argv[2], "wb") as f:
    export.codebook_xml(objs, f)
with open(sys.argv[3], "w", newline="") as f:
    export.codebook_csv(objs, f)
"""


def _taguette_python() -> str:
    import os
    import shutil

    candidate = os.environ.get("TAGUETTE_PYTHON") or "/tmp/taguette-venv/bin/python"
    if not shutil.which(candidate):
        pytest.skip("Taguette is not installed (set TAGUETTE_PYTHON to a Python with taguette)")
    return candidate


def test_real_taguette_reads_our_csv_and_its_files_give_our_tree_back(tmp_path: Path) -> None:
    import subprocess

    python = _taguette_python()
    ours = store_with_codebook(tmp_path)
    (tmp_path / "ours.csv").write_text(export_codebook_csv(ours), encoding="utf-8")
    script = tmp_path / "taguette_roundtrip.py"
    script.write_text(TAGUETTE_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [python, str(script), str(tmp_path / "ours.csv"), str(tmp_path / "t.qdc"), str(tmp_path / "t.csv")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    want = [c.path for c in list_codes(ours)]
    via_qdc, via_csv = new_store(tmp_path, "q.db"), new_store(tmp_path, "c.db")
    import_codebook(via_qdc, (tmp_path / "t.qdc").read_bytes(), actor="lead", name="t.qdc")
    load_codebook_file(via_csv, tmp_path / "t.csv", actor="lead")
    assert [c.path for c in list_codes(via_qdc)] == [c.path for c in list_codes(via_csv)] == want
    # Taguette's .qdc carries no descriptions; its CSV does
    assert [c.definition for c in list_codes(via_csv)] == [c.definition for c in list_codes(ours)]
    report = load_codebook_file(ours, tmp_path / "t.qdc", actor="lead")
    assert (report.added, report.updated) == ((), ())  # back home: matched by path, nothing blanked
    assert code_tree(ours)[0].definition == "Alles zu Informationen."
