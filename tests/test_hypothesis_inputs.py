"""Property-based tests (hypothesis) over everything that reads outside input: the transcript
importers, the codebook loader, the agreement coefficients, the Taguette and REFI-QDA importers.
Any input either works or raises one of the toolkit's own errors with a one-line message, and a
failed import leaves the project as it was."""

from __future__ import annotations

import io
import math
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from _factories import INTERVIEW, add_text, store_with_codebook
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.agreement.coefficients import coefficients
from toolkit.codebook import parse_codebook
from toolkit.documents import import_upload
from toolkit.errors import ToolkitError
from toolkit.exchange.taguette import import_highlights
from toolkit.importers import parse_bytes
from toolkit.store import Store

# HYPOTHESIS_EXAMPLES=500 for a longer hunt; 60 keeps the suite fast on two cores
SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TABLES = ("documents", "turns", "codings", "codes", "coders", "memos", "events", "document_attributes")


def _one_line(exc: BaseException) -> None:
    message = str(exc)
    assert message.strip() and "\n" not in message.strip(), f"not one line: {message!r}"


def _outcome(fn: Callable[[], Any]) -> Any:
    """Call ``fn``; a ToolkitError is fine if its message is one line; anything else fails."""
    try:
        return fn()
    except ToolkitError as exc:
        _one_line(exc)
        return exc


def _counts(store: Store) -> dict[str, int]:
    names = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: store.one(f"SELECT count(*) AS n FROM {t}")["n"] for t in TABLES if t in names}  # type: ignore[index]


_STORE: dict[str, Store] = {}


def _store() -> Store:
    """One project per test run (hypothesis calls the test many times; a tmp project each time
    would dominate the run time); failed imports must leave it unchanged anyway."""
    if "s" not in _STORE:
        folder = Path(tempfile.mkdtemp(prefix="hyp-"))
        store = store_with_codebook(folder)
        add_text(store, INTERVIEW, "interview.txt")
        _STORE["s"] = store
    return _STORE["s"]


# -- transcript importers -------------------------------------------------------------------------

EXTENSIONS = (".txt", ".md", ".srt", ".vtt", ".docx")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")
LABELS = st.sampled_from(
    ["I", "B", "IP", "Interviewer", "Frau Berger", "B1", "**I**", "[00:01:02] B", "#00:00:05-0# I"]
)
LINE_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)


def _check_parsed(doc: Any) -> None:
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    for t in doc.turns:
        assert 0 <= t.start <= t.end <= len(doc.text)


@SETTINGS
@given(data=st.binary(max_size=400), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes_never_crash_an_importer(data: bytes, ext: str) -> None:
    result = _outcome(lambda: parse_bytes(data, "x" + ext))
    if not isinstance(result, ToolkitError):
        _check_parsed(result)


@pytest.mark.slow
@SETTINGS
@given(
    turns=st.lists(st.tuples(LABELS, st.sampled_from([": ", ":", " : ", "\t"]), LINE_TEXT), max_size=12),
    encoding=st.sampled_from(ENCODINGS),
    newline=st.sampled_from(["\n", "\r\n", "\r", "\n\n"]),
    ext=st.sampled_from((".txt", ".md")),
)
def test_transcripts_with_turn_markers_in_any_encoding(
    turns: list[tuple[str, str, str]], encoding: str, newline: str, ext: str
) -> None:
    text = newline.join(f"{label}{sep}{body}" for label, sep, body in turns)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    result = _outcome(lambda: parse_bytes(data, "t" + ext))
    if not isinstance(result, ToolkitError):
        _check_parsed(result)


@SETTINGS
@given(
    pattern=st.sampled_from(
        [r"(?P<speaker>\w+):", r"(?P<speaker>[A-Z]+) \((?P<time>[\d:]+)\)", r"(", r"\w+", r"(?P<time>x)"]
    )
    | st.text(max_size=20),
    text=LINE_TEXT,
)
def test_any_speaker_pattern(pattern: str, text: str) -> None:
    result = _outcome(
        lambda: parse_bytes(f"A: {text}\nB (00:01): {text}".encode(), "p.txt", speaker_pattern=pattern)
    )
    if not isinstance(result, ToolkitError):
        _check_parsed(result)


@SETTINGS
@given(
    cues=st.lists(
        st.tuples(
            st.integers(0, 10**6), st.integers(0, 10**6), LINE_TEXT, st.sampled_from(["", "<v Anna>", "B: "])
        ),
        max_size=8,
    ),
    ext=st.sampled_from((".srt", ".vtt")),
)
def test_subtitles_with_random_cues(cues: list[tuple[int, int, str, str]], ext: str) -> None:
    def stamp(ms: int) -> str:
        sep = "," if ext == ".srt" else "."
        return f"{ms // 3_600_000:02}:{ms // 60_000 % 60:02}:{ms // 1000 % 60:02}{sep}{ms % 1000:03}"

    blocks = [
        f"{i + 1}\n{stamp(a)} --> {stamp(b)}\n{voice}{body}" for i, (a, b, body, voice) in enumerate(cues)
    ]
    text = ("WEBVTT\n\n" if ext == ".vtt" else "") + "\n\n".join(blocks)
    result = _outcome(lambda: parse_bytes(text.encode("utf-8"), "s" + ext))
    if not isinstance(result, ToolkitError):
        _check_parsed(result)


@SETTINGS
@given(
    body=st.binary(max_size=300) | LINE_TEXT.map(lambda t: t.encode("utf-8")),
    member=st.sampled_from(["word/document.xml", "other.xml", "[Content_Types].xml"]),
)
def test_docx_archives_with_random_content(body: bytes, member: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(member, body)
    result = _outcome(lambda: parse_bytes(buffer.getvalue(), "d.docx"))
    if not isinstance(result, ToolkitError):
        _check_parsed(result)


@SETTINGS
@given(data=st.binary(max_size=300), ext=st.sampled_from(EXTENSIONS))
def test_a_failed_upload_leaves_the_project_as_it_was(data: bytes, ext: str) -> None:
    store = _store()
    before = _counts(store)
    try:
        import_upload(store, data, "u" + ext, actor="t")
    except ToolkitError as exc:
        _one_line(exc)
        assert _counts(store) == before
    else:
        assert _counts(store)["documents"] >= before["documents"]


# -- codebook loader ------------------------------------------------------------------------------

SCALARS = st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=12)
KEYS = st.sampled_from(
    [
        "id",
        "name",
        "parent",
        "definition",
        "field_of_action",
        "valence",
        "keywords",
        "colour",
        "values",
        "applies_to",
        "name_en",
        "x",
    ]
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)


@SETTINGS
@given(text=st.text(max_size=300))
def test_random_text_as_codebook(text: str) -> None:
    _outcome(lambda: parse_codebook(text, "cb.yaml"))


@SETTINGS
@given(
    doc=st.fixed_dictionaries(
        {"format": st.sampled_from([1, 2, "1", None])},
        optional={
            "title": SCALARS,
            "fields_of_action": st.lists(st.dictionaries(KEYS, SCALARS, max_size=3), max_size=3) | SCALARS,
            "codes": st.lists(st.dictionaries(KEYS, YAML_VALUES, max_size=6), max_size=6) | SCALARS,
            "attributes": st.lists(st.dictionaries(KEYS, YAML_VALUES, max_size=4), max_size=3) | SCALARS,
        },
    )
)
def test_random_yaml_structures_as_codebook(doc: dict[str, Any]) -> None:
    _outcome(lambda: parse_codebook(yaml.safe_dump(doc, allow_unicode=True), "cb.yaml"))


# -- agreement coefficients -----------------------------------------------------------------------

CELLS = st.none() | st.integers(0, 3) | st.sampled_from(["a", "b", "c"]) | st.just(float("nan"))


@SETTINGS
@given(
    matrix=st.integers(0, 5).flatmap(
        lambda coders: st.lists(st.lists(CELLS, min_size=coders, max_size=coders), max_size=8)
    ),
    level=st.sampled_from(["nominal", "ordinal", "interval", "ratio", "bogus"]),
)
def test_coefficients_of_random_matrices(matrix: list[list[Any]], level: str) -> None:
    rows = [list(r) for r in zip(*matrix, strict=True)] if matrix else []  # coders x units
    result = _outcome(lambda: coefficients(rows, level=level))
    if isinstance(result, ToolkitError):
        return
    pa = result["percent_agreement"]
    assert math.isnan(pa) or 0.0 <= pa <= 1.0 + 1e-9
    for name in ("krippendorff_alpha", "fleiss_kappa", "scott_pi", "gwet_ac1"):
        value = result[name]
        assert value is None or math.isnan(value) or value <= 1.0 + 1e-9, (name, value)


@SETTINGS
@given(matrix=st.lists(st.lists(st.integers(0, 2), min_size=3, max_size=3), min_size=2, max_size=4))
def test_coefficients_of_numpy_matrices(matrix: list[list[int]]) -> None:
    result = coefficients(np.asarray(matrix))
    assert result["coders"] == len(matrix)


# -- Taguette and REFI-QDA importers --------------------------------------------------------------

CSV_FIELD = st.text(st.characters(codec="utf-8"), max_size=30)


@SETTINGS
@given(
    header=st.lists(st.sampled_from(["id", "document", "tag", "content", "x", ""]), max_size=5),
    rows=st.lists(st.lists(CSV_FIELD, max_size=5), max_size=6),
    raw=st.none() | st.binary(max_size=200),
)
def test_taguette_csv_of_any_shape(header: list[str], rows: list[list[str]], raw: bytes | None) -> None:
    store = _store()
    folder = Path(tempfile.mkdtemp(prefix="hyp-tag-"))
    path = folder / "h.csv"
    if raw is not None:
        path.write_bytes(raw)
    else:
        import csv

        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
    before = _counts(store)
    result = _outcome(lambda: import_highlights(store, path, coder="tag"))
    if isinstance(result, ToolkitError):
        assert _counts(store) == before


def _refi() -> Any:
    return pytest.importorskip("toolkit.exchange.refi")


@SETTINGS
@given(data=st.binary(max_size=300))
def test_refi_project_from_random_bytes(data: bytes) -> None:
    refi = _refi()
    store = _store()
    before = _counts(store)
    result = _outcome(lambda: refi.import_project(store, data, actor="t", name="p.qdpx"))
    if isinstance(result, ToolkitError):
        assert _counts(store) == before


QDE_BODIES = st.sampled_from(
    [
        "",
        "<Project/>",
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>'
        '<Code guid="{g}" name="{n}" isCodable="true"/></Codes></CodeBook></Project>',
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="{g}" name="{n}" '
        'plainTextPath="internal://{g}.txt"><PlainTextSelection guid="{g}" startPosition="{a}" '
        'endPosition="{b}"><Coding guid="{g}"><CodeRef targetGUID="{g}"/></Coding></PlainTextSelection>'
        "</TextSource></Sources></Project>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Project>&a;</Project>',
    ]
)


@SETTINGS
@given(
    body=QDE_BODIES,
    guid=st.sampled_from(["A1B2C3D4-0000-0000-0000-000000000001", "not-a-guid", ""]),
    name=CSV_FIELD.map(lambda t: t.replace("<", "").replace("&", "").replace('"', "")),
    a=st.integers(-5, 50),
    b=st.integers(-5, 50),
    text=st.none() | LINE_TEXT,
)
def test_refi_project_with_random_qde(
    body: str, guid: str, name: str, a: int, b: int, text: str | None
) -> None:
    refi = _refi()
    store = _store()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("project.qde", body.format(g=guid, n=name, a=a, b=b))
        if text is not None:
            z.writestr(f"sources/{guid}.txt", text)
    before = _counts(store)
    result = _outcome(lambda: refi.import_project(store, buffer.getvalue(), actor="t", name="p.qdpx"))
    if isinstance(result, ToolkitError):
        assert _counts(store) == before


@SETTINGS
@given(data=st.binary(max_size=200) | QDE_BODIES.map(lambda b: b.replace("Project", "CodeBook").encode()))
def test_refi_codebook_from_random_input(data: bytes) -> None:
    refi = _refi()
    store = _store()
    before = _counts(store)
    result = _outcome(lambda: refi.import_codebook(store, data, actor="t", name="c.qdc"))
    if isinstance(result, ToolkitError):
        assert _counts(store) == before


# -- structurally plausible codebooks, loaded into a project ---------------------------------------

SLUGS = st.sampled_from(["a", "b", "c", "d", "a-b", "Bad Slug", "", "x_1"])
NAMES = st.sampled_from(["Mensch", "Treiber", "Herausforderungen", "A/B", " ", "Lücken", "Mensch"])


@SETTINGS
@given(
    codes=st.lists(
        st.fixed_dictionaries(
            {"id": SLUGS, "name": NAMES, "definition": st.sampled_from(["Def.", "", None])},
            optional={
                "parent": SLUGS | st.none(),
                "colour": st.sampled_from(["#AABBCC", "#abc", "red", "", None]),
                "valence": st.sampled_from(["challenge", "driver", "other", None]),
                "field_of_action": st.sampled_from(["Mensch", "Nirgends", None]),
                "keywords": st.sampled_from([{"de": ["Wort"]}, {"fr": ["mot"]}, ["Wort"], "Wort", None]),
                "guid": st.sampled_from(["not-a-guid", "6F1C2A52-3A8E-4D0B-9A57-2F8D3C1E9B10", None]),
            },
        ),
        max_size=6,
    ),
    fields=st.sampled_from([[{"name": "Mensch"}], [], [{"name": "Mensch"}, {"name": "Mensch"}], None]),
)
def test_plausible_codebooks_load_or_fail_cleanly(codes: list[dict[str, Any]], fields: Any) -> None:
    from toolkit.codes_merge import load_codebook_into

    doc: dict[str, Any] = {"format": 1, "codes": codes}
    if fields is not None:
        doc["fields_of_action"] = fields
    parsed = _outcome(lambda: parse_codebook(yaml.safe_dump(doc, allow_unicode=True), "cb.yaml"))
    if isinstance(parsed, ToolkitError):
        return
    store = _store()
    before = _counts(store)
    result = _outcome(lambda: load_codebook_into(store, parsed, actor="t"))
    if isinstance(result, ToolkitError):
        assert _counts(store) == before


# -- Word files built with python-docx -------------------------------------------------------------


@pytest.mark.slow
@SETTINGS
@given(
    paragraphs=st.lists(st.tuples(st.booleans(), LABELS, LINE_TEXT), max_size=10),
    table=st.lists(st.lists(LINE_TEXT, min_size=2, max_size=2), max_size=3),
)
def test_word_files_with_random_paragraphs_and_tables(
    paragraphs: list[tuple[bool, str, str]], table: list[list[str]]
) -> None:
    import docx

    document = docx.Document()
    for bold, label, body in paragraphs:
        p = document.add_paragraph()
        p.add_run(label + ":").bold = bold
        p.add_run(" " + "".join(ch for ch in body if ch.isprintable()))
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = "".join(ch for ch in cell if ch.isprintable())
    buffer = io.BytesIO()
    document.save(buffer)
    result = _outcome(lambda: parse_bytes(buffer.getvalue(), "w.docx"))
    if not isinstance(result, ToolkitError):
        _check_parsed(result)


# -- bootstrap interval and categories --------------------------------------------------------------


@SETTINGS
@given(
    matrix=st.lists(st.lists(st.none() | st.integers(0, 2), min_size=4, max_size=4), min_size=0, max_size=4),
    categories=st.none() | st.sampled_from([[0, 1, 2], [0, 1], ["a"], []]),
    level=st.sampled_from(["nominal", "ordinal", "interval"]),
)
def test_bootstrap_and_categories(
    matrix: list[list[int | None]], categories: list[Any] | None, level: str
) -> None:
    from toolkit.agreement.coefficients import bootstrap_alpha

    result = _outcome(lambda: coefficients(matrix, level=level, categories=categories))
    interval = _outcome(lambda: bootstrap_alpha(matrix, level=level, categories=categories, draws=50))
    if not isinstance(interval, ToolkitError):
        low, high = interval
        assert (math.isnan(low) and math.isnan(high)) or low <= high + 1e-9
    if not isinstance(result, ToolkitError) and not isinstance(interval, ToolkitError):
        alpha = result["krippendorff_alpha"]
        assert math.isnan(alpha) or math.isnan(interval[0]) or interval[0] - 1e-9 <= 1.0


# -- a real REFI-QDA export with random changes ------------------------------------------------------

_REFI_EXPORT: dict[str, bytes] = {}


def _refi_export() -> bytes:
    """A .qdpx of a small two-coder project, made once."""
    refi = _refi()
    if "x" not in _REFI_EXPORT:
        from _factories import two_coder_project

        store = two_coder_project(Path(tempfile.mkdtemp(prefix="hyp-refi-")))
        _REFI_EXPORT["x"] = refi.export_project(store)
        store.close()
    return _REFI_EXPORT["x"]


@pytest.mark.slow
@SETTINGS
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "startPosition",
                    "endPosition",
                    "targetGUID",
                    "guid",
                    "name",
                    "plainTextPath",
                    "creatingUser",
                ]
            ),
            st.sampled_from(
                ["-1", "0", "99999", "", "x", "{00000000-0000-0000-0000-000000000000}", "1e3", "ä"]
            ),
            st.integers(0, 20),
        ),
        min_size=1,
        max_size=4,
    ),
    drop_text=st.booleans(),
)
def test_refi_export_with_random_changes(edits: list[tuple[str, str, int]], drop_text: bool) -> None:
    import re

    refi = _refi()
    original = zipfile.ZipFile(io.BytesIO(_refi_export()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for item in original.infolist():
            data = original.read(item)
            if item.filename.endswith(".qde"):
                text = data.decode("utf-8")
                for attribute, value, nth in edits:  # change the nth occurrence of the attribute
                    found = list(re.finditer(rf'\b{attribute}="[^"]*"', text))
                    if found:
                        m = found[nth % len(found)]
                        text = f'{text[: m.start()]}{attribute}="{value}"{text[m.end() :]}'
                data = text.encode("utf-8")
            elif drop_text and item.filename.endswith(".txt"):
                continue
            z.writestr(item, data)
    store = store_with_codebook(Path(tempfile.mkdtemp(prefix="hyp-refi-in-")))
    before = _counts(store)
    result = _outcome(lambda: refi.import_project(store, buffer.getvalue(), actor="t", name="p.qdpx"))
    if isinstance(result, ToolkitError):
        assert _counts(store) == before
    else:
        for row in store.query(
            'SELECT c.start, c."end", c.text, d.text AS doc FROM codings c '
            "JOIN documents d ON d.id = c.document_id"
        ):
            assert row["doc"][row["start"] : row["end"]] == row["text"]
    store.close()


# -- numbers of every kind in agreement matrices ------------------------------------------------------

NUMBERS = st.none() | st.integers(-2, 3) | st.floats(width=16) | st.booleans() | st.sampled_from(["a", "1"])


@SETTINGS
@given(
    matrix=st.integers(0, 4).flatmap(
        lambda units: st.lists(st.lists(NUMBERS, min_size=units, max_size=units), max_size=5)
    ),
    level=st.sampled_from(["nominal", "ordinal", "interval", "ratio"]),
    categories=st.none() | st.lists(NUMBERS, max_size=4),
)
@example(matrix=[[None]], level="nominal", categories=[])  # was an IndexError
@example(matrix=[[1.0, math.inf], [1.0, math.inf]], level="interval", categories=None)  # was a silent NaN
@example(matrix=[[1], [-1]], level="ratio", categories=None)  # was a division by zero
@example(matrix=[["1"], [True]], level="interval", categories=None)  # '1' and True: one number twice
def test_agreement_never_computes_with_garbage(matrix: list[list[Any]], level: str, categories: Any) -> None:
    import warnings

    from toolkit.agreement.coefficients import bootstrap_alpha

    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # numeric garbage (0/0, inf - inf) fails the test
        result = _outcome(lambda: coefficients(matrix, level=level, categories=categories))
        _outcome(lambda: bootstrap_alpha(matrix, level=level, categories=categories, draws=20))
    if not isinstance(result, ToolkitError):
        alpha = result["krippendorff_alpha"]
        assert math.isnan(alpha) or alpha <= 1.0 + 1e-9
