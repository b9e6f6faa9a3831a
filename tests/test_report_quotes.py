"""The Word report for a thesis: at most N quotes per code spread over the documents, the rule and
the counts said in the report, and a document filter by name or attribute (CLI ``report``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import LUECKEN, OFFENHEIT, add_text, store_with_codebook
from click.testing import CliRunner
from docx import Document

from toolkit import analysis
from toolkit.cli import cli
from toolkit.codings import add_coding
from toolkit.documents import set_attributes
from toolkit.store import Store

SENTENCE = "Satz {i} über Akten."


def _project(tmp_path: Path) -> Store:
    """Three documents: 'lang' with 30 Lücken segments, 'kurz' with 2, 'mini' with 1 and one
    Offenheit segment; 'kurz' and 'mini' are Optimierer."""
    store = store_with_codebook(tmp_path)
    for name, count in (("lang", 30), ("kurz", 2), ("mini", 1)):
        text = "B: " + " ".join(SENTENCE.format(i=f"{name}-{i:02d}") for i in range(count)) + "\n"
        doc = add_text(store, text, f"{name}.txt")
        for i in range(count):
            start = text.index(SENTENCE.format(i=f"{name}-{i:02d}"))
            end = start + len(SENTENCE.format(i=f"{name}-{i:02d}"))
            add_coding(store, doc, start, end, LUECKEN, coder="anna")
        if name != "lang":
            set_attributes(store, doc, {"municipality_type": "Die Optimierer"}, actor="t")
    add_coding(store, "mini", 3, 8, OFFENHEIT, coder="anna")
    return store


def _report(store: Store, tmp_path: Path, *args: str) -> tuple[list[str], list[str]]:
    """Run ``report`` and return the quotes and the other paragraphs of the Word file."""
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(cli, ["--db", store.path, "report", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    paragraphs = Document(str(out)).paragraphs
    quotes = [p.text.split("\n— ")[0] for p in paragraphs if p.style is not None and p.style.name == "Quote"]
    return quotes, [p.text for p in paragraphs]


def test_quotes_are_capped_and_spread_over_documents_with_the_rule_stated(tmp_path: Path) -> None:
    store = _project(tmp_path)
    quotes, text = _report(store, tmp_path, "--quotes-per-code", "4", "--coder", "anna")
    luecken = [q for q in quotes if q != "Satz "]
    # first the first segment of each document (document order: kurz, lang, mini), then each one's
    # second; shown in document order
    assert luecken == [SENTENCE.format(i=i) for i in ("kurz-00", "kurz-01", "lang-00", "mini-00")]
    assert len(quotes) == 5  # 4 of Lücken, the one Offenheit segment
    rule = next(t for t in text if t.startswith("Je Code höchstens 4 Zitate"))
    assert "Zitiert sind 5 von 34 Segmenten." in rule
    assert "4 von 33 Segmenten zitiert" in text  # under the heading of Lücken, not under Offenheit
    assert sum("Segmenten zitiert" in t for t in text) == 1


def test_the_default_cap_is_ten_and_zero_quotes_everything(tmp_path: Path) -> None:
    store = _project(tmp_path)
    quotes, text = _report(store, tmp_path, "--coder", "anna")
    assert len(quotes) == 11
    assert any(t.startswith("Je Code höchstens 10 Zitate") for t in text)
    quotes, text = _report(store, tmp_path, "--coder", "anna", "--quotes-per-code", "0")
    assert len(quotes) == 34
    assert "Alle 34 codierten Segmente sind zitiert." in text


def test_report_on_some_documents_by_name_or_attribute(tmp_path: Path) -> None:
    store = _project(tmp_path)
    quotes, text = _report(store, tmp_path, "--coder", "anna", "--document", "kurz", "--document", "mini")
    assert sorted(quotes) == ["Satz ", *(SENTENCE.format(i=i) for i in ("kurz-00", "kurz-01", "mini-00"))]
    assert any(t.startswith("Filter: Dokumente: kurz, mini") for t in text)
    by_attribute, text = _report(
        store, tmp_path, "--coder", "anna", "--attribute", "municipality_type=Die Optimierer"
    )
    assert sorted(by_attribute) == sorted(quotes)
    assert any(t.startswith("Filter: Kommunentyp: Die Optimierer") for t in text)
    assert any("4 Codierungen in 2 Dokumenten" in t for t in text)


def test_a_bad_filter_is_one_line(tmp_path: Path) -> None:
    store = _project(tmp_path)
    runner = CliRunner()
    out = str(tmp_path / "r.docx")
    result = runner.invoke(cli, ["--db", store.path, "report", "-o", out, "--document", "nirgends"])
    assert result.exit_code != 0 and "no document 'nirgends'" in result.output
    result = runner.invoke(cli, ["--db", store.path, "report", "-o", out, "--attribute", "municipality_type"])
    assert result.exit_code != 0 and "is not NAME=VALUE" in result.output
    assert not Path(out).exists()


def test_spread_takes_each_documents_first_segment_first() -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {
            "code": ["a"] * 5 + ["b"],
            "document": pd.Categorical(["x", "x", "x", "y", "z", "x"], categories=["x", "y", "z"]),
            "start": [0, 10, 20, 0, 0, 5],
        }
    )
    assert analysis.spread(frame, 3).index.tolist() == [0, 3, 4, 5]
    assert analysis.spread(frame, 4).index.tolist() == [0, 1, 3, 4, 5]
    with pytest.raises(Exception, match="0 or more"):
        analysis.spread(frame, -1)
