"""Analysis: frequencies add up, matrices agree with plain SQL counts, speakers come from turns,
co-occurrence and retrieval give what a reader of the transcript would count by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import ROOT, add_text, store_with_codebook

from toolkit import analysis
from toolkit.codings import add_coding
from toolkit.documents import set_attributes
from toolkit.errors import InvalidValue, NotFound
from toolkit.language import count_words
from toolkit.project import create_demo
from toolkit.store import Store, open_store

DOC_A = (
    "I: [00:00:05] Wie läuft die Digitalisierung?\n\n"
    "B: [00:01:10] Die E-Akte ist da, aber der Flurfunk bleibt. Transparenz fehlt.\n\n"
    "I: [01:02:03] Danke.\n"
)
DOC_B = "I: Und bei Ihnen?\n\nB: Offenheit ist da. Flurfunk auch.\n"
LUECKEN = "Information/Herausforderungen/Lücken"
TRANSPARENZ = "Information/Treiber/Transparenz"
OFFENHEIT = "Mensch/Treiber/Offenheit"


def code_text(
    store: Store, document: str, text: str, path: str, coder: str, *, at: str | None = None
) -> None:
    """Code ``text`` (found in the document) or, with ``at``, from where ``at`` starts to the end
    of ``text``."""
    full = DOC_A if document == "a" else DOC_B
    end = full.index(text) + len(text)
    start = full.index(at) if at else full.index(text)
    add_coding(store, document, start, end, path, coder=coder)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Two interviews, four codings by anna and three by ben (see the test expectations)."""
    s = store_with_codebook(tmp_path)
    add_text(s, DOC_A, "a.txt", attributes={"municipality_type": "Die Optimierer"})
    add_text(s, DOC_B, "b.txt", attributes={"municipality_type": "Die Bedächtigen"})
    set_attributes(s, "a", {"speaker_role": "CDO"}, actor="t", speaker="B")
    set_attributes(s, "b", {"speaker_role": "Sachbearbeitung"}, actor="t", speaker="B")
    code_text(s, "a", "der Flurfunk bleibt", LUECKEN, "anna")
    code_text(s, "a", "Flurfunk bleibt. Transparenz", TRANSPARENZ, "anna")
    code_text(s, "a", "Danke.", OFFENHEIT, "anna")
    code_text(s, "b", "Offenheit ist da.", OFFENHEIT, "anna")
    code_text(s, "a", "der Flurfunk bleibt", LUECKEN, "ben")
    code_text(s, "b", "Flurfunk auch.", LUECKEN, "ben")
    code_text(s, "a", "Die E-Akte", TRANSPARENZ, "ben", at="B: [00:01:10]")  # starts on the label
    return s


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(db, ROOT, actor="t")
    return open_store(db)


BYS = ["code", "field", "document", "speaker", "role", "coder", "attribute:municipality_type"]


@pytest.mark.parametrize("by", BYS)
def test_frequencies_add_up_to_the_number_of_codings(store: Store, demo: Store, by: str) -> None:
    for s in (store, demo):
        total = s.one("SELECT count(*) AS n FROM codings")
        table = analysis.frequencies(analysis.load_codings(s), by)
        assert table["codings"].sum() == total["n"]  # type: ignore[index]


def test_frequencies_by_code_count_codings_documents_and_words(store: Store) -> None:
    table = analysis.frequencies(analysis.load_codings(store), "code").set_index("code")
    assert table.loc[LUECKEN, ["codings", "documents"]].tolist() == [3, 2]
    assert table.loc[TRANSPARENZ, ["codings", "documents"]].tolist() == [2, 1]
    assert table.loc[OFFENHEIT, ["codings", "documents"]].tolist() == [2, 2]
    assert table.loc["Information", "codings"] == 0  # unused codes are listed too
    # words: "der Flurfunk bleibt" twice, "Flurfunk auch."
    assert table.loc[LUECKEN, "words"] == 3 + 3 + 2
    assert table.loc[LUECKEN, "field_of_action"] == "Information"
    assert table.loc[LUECKEN, "valence"] == "challenge"
    assert table.loc[LUECKEN, "share_pct"] == pytest.approx(300 / 7, abs=0.01)
    assert table.loc[OFFENHEIT, "documents_pct"] == 100.0


def test_field_totals_equal_the_sum_of_their_codes(store: Store, demo: Store) -> None:
    for s in (store, demo):
        data = analysis.load_codings(s)
        by_code = analysis.frequencies(data, "code")
        by_field = analysis.frequencies(data, "field")
        for row in by_field.itertuples():
            codes = by_code[
                (by_code["field_of_action"] == row.field_of_action) & (by_code["valence"] == row.valence)
            ]
            assert row.codings == codes["codings"].sum()
            assert row.words == codes["words"].sum()
            assert row.codes == (codes["codings"] > 0).sum()
    table = analysis.frequencies(analysis.load_codings(store), "field")
    got = {(r.field_of_action, r.valence): r.codings for r in table.itertuples()}
    assert got == {("Information", "challenge"): 3, ("Information", "driver"): 2, ("Mensch", "driver"): 2}


def test_speaker_is_the_speaker_of_the_turn_holding_the_start(store: Store) -> None:
    frame = analysis.load_codings(store).codings.set_index(["document", "coder", "code"])
    assert frame.loc[("a", "anna", OFFENHEIT), "speaker"] == "I"
    assert frame.loc[("a", "anna", OFFENHEIT), "speaker_role"] == analysis.NONE_LABEL
    assert frame.loc[("a", "anna", OFFENHEIT), "timestamp"] == 3723.0
    # a coding that starts on the label "B: [00:01:10]" belongs to the turn that follows it
    assert frame.loc[("a", "ben", TRANSPARENZ), "speaker"] == "B"
    assert frame.loc[("a", "ben", TRANSPARENZ), "speaker_role"] == "CDO"
    assert frame.loc[("b", "anna", OFFENHEIT), "speaker_role"] == "Sachbearbeitung"


def test_frequencies_by_speaker_role_and_attribute(store: Store) -> None:
    data = analysis.load_codings(store)
    roles = analysis.frequencies(data, "role")
    got = {(r.speaker_role, r.code): r.codings for r in roles.itertuples()}
    assert got[("CDO", LUECKEN)] == 2
    assert got[("CDO", TRANSPARENZ)] == 2
    assert got[(analysis.NONE_LABEL, OFFENHEIT)] == 1
    assert got[("Sachbearbeitung", LUECKEN)] == 1
    speakers = analysis.frequencies(data, "speaker")
    assert set(zip(speakers["document"], speakers["speaker"], strict=True)) == {
        ("a", "B"),
        ("a", "I"),
        ("b", "B"),
    }
    attrs = analysis.frequencies(data, "attribute:municipality_type")
    by_type = attrs.groupby("municipality_type")["codings"].sum().to_dict()
    assert by_type == {"Die Optimierer": 5, "Die Bedächtigen": 2}
    shares = attrs.groupby("municipality_type")["share_pct"].sum()
    assert shares.round(1).tolist() == [100.0, 100.0]


def test_one_coder_only(store: Store, demo: Store) -> None:
    anna = analysis.load_codings(store, coder="anna")
    assert len(anna.codings) == 4 and set(anna.codings["coder"]) == {"anna"}
    assert anna.filters == (("coder", "anna"),)
    n = demo.one(
        "SELECT count(*) AS n FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.name = 'ben'"
    )
    assert analysis.frequencies(analysis.load_codings(demo, coder="ben"), "code")["codings"].sum() == n["n"]  # type: ignore[index]
    assert len(analysis.select(analysis.load_codings(store), coder="ben").codings) == 3


@pytest.mark.parametrize("cols", ["document", "attribute:municipality_type", "coder"])
def test_matrix_counts_agree_with_sql(demo: Store, cols: str) -> None:
    table = analysis.matrix(analysis.load_codings(demo), cols)
    column = {
        "document": "d.name",
        "attribute:municipality_type": "a.value",
        "coder": "k.name",
    }[cols]
    rows = demo.query(
        f"SELECT c.code_id, {column} AS col, count(*) AS n FROM codings c "
        "JOIN documents d ON d.id = c.document_id JOIN coders k ON k.id = c.coder_id "
        "LEFT JOIN document_attributes a ON a.document_id = d.id AND a.name = 'municipality_type' "
        "GROUP BY c.code_id, col"
    )
    paths = dict(
        zip(
            analysis.load_codings(demo).codes["code_id"],
            analysis.load_codings(demo).codes["code"],
            strict=True,
        )
    )
    expected = {(paths[r["code_id"]], r["col"]): r["n"] for r in rows}
    got = {(code, col): int(v) for code, row in table.iterrows() for col, v in row.items() if v}
    assert got == expected
    assert int(table.to_numpy().sum()) == sum(expected.values())


def test_matrix_lists_every_code_and_document_and_the_value_kinds(store: Store) -> None:
    data = analysis.load_codings(store)
    counts = analysis.matrix(data, "document")
    assert list(counts.columns) == ["a", "b"]
    assert list(counts.index) == data.codes["code"].tolist()
    assert counts.loc[LUECKEN].tolist() == [2, 1]
    presence = analysis.matrix(data, "document", values="presence")
    assert presence.loc[LUECKEN].tolist() == [1, 1] and presence.loc["Mensch"].tolist() == [0, 0]
    rows = analysis.matrix(data, "document", values="row-percent")
    assert rows.loc[LUECKEN].tolist() == [pytest.approx(66.67), pytest.approx(33.33)]
    assert rows.loc["Mensch"].tolist() == [0.0, 0.0]
    cols = analysis.matrix(data, "document", values="column-percent")
    assert cols.sum().round(1).tolist() == [100.0, 100.0]
    fields = analysis.matrix(data, "attribute:municipality_type", rows="field")
    assert fields.loc["Information"].to_dict() == {"Die Bedächtigen": 1, "Die Optimierer": 4}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d: analysis.frequencies(d, "colour"), "cannot group by 'colour'"),
        (lambda d: analysis.frequencies(d, "attribute:size"), "no document attribute 'size'"),
        (lambda d: analysis.matrix(d, "speaker"), "matrix columns 'speaker' are not supported"),
        (lambda d: analysis.matrix(d, "document", values="share"), "use one of count, presence"),
        (lambda d: analysis.matrix(d, "document", rows="coder"), "use code or field"),
        (lambda d: analysis.select(d, coder="carl"), "no coder 'carl'; coders are: anna, ben"),
        (lambda d: analysis.select(d, documents=["z"]), "no document 'z'"),
        (lambda d: analysis.select(d, codes=["Nope"]), "no code 'Nope'"),
        (lambda d: analysis.cooccurrence(d, "paragraph"), "use one of overlap, turn, sentence"),
        (lambda d: analysis.cooccurrence(d, "sentence"), "needs the project"),
    ],
)
def test_errors_name_the_value_and_the_choices(store: Store, call: object, message: str) -> None:
    data = analysis.load_codings(store)
    with pytest.raises((InvalidValue, NotFound), match=message):
        call(data)  # type: ignore[operator]


def test_unknown_coder_when_loading(store: Store) -> None:
    with pytest.raises(NotFound, match="coders are: anna, ben"):
        analysis.load_codings(store, coder="konsens")


def test_select_by_attribute_role_speaker_and_code(store: Store) -> None:
    data = analysis.load_codings(store)
    bed = analysis.select(data, attributes={"municipality_type": ["Die Bedächtigen"]})
    assert set(bed.codings["document"]) == {"b"} and bed.documents["document"].tolist() == ["b"]
    assert analysis.frequencies(bed, "code").set_index("code").loc[OFFENHEIT, "documents_pct"] == 100.0
    assert len(analysis.select(data, roles=["CDO"]).codings) == 4
    assert len(analysis.select(data, speakers=["I"]).codings) == 1
    info = analysis.select(data, codes=["Information"])  # with subcodes
    assert set(info.codings["code"]) == {LUECKEN, TRANSPARENZ}
    assert ("codes", "Information") in info.filters


def test_cooccurrence_of_overlapping_codings(store: Store) -> None:
    pairs = analysis.cooccurrence(analysis.load_codings(store), "overlap")
    assert pairs[["code_a", "code_b", "count", "n_a", "n_b"]].values.tolist() == [
        [LUECKEN, TRANSPARENZ, 1, 3, 2]
    ]
    assert pairs.loc[0, "jaccard"] == pytest.approx(2 / 5)
    anna = analysis.cooccurrence(analysis.select(analysis.load_codings(store), coder="anna"))
    assert anna.loc[0, "jaccard"] == 1.0


def test_cooccurrence_in_the_same_turn(store: Store) -> None:
    pairs = analysis.cooccurrence(analysis.load_codings(store), "turn")
    assert pairs[["code_a", "code_b", "count", "n_a", "n_b"]].values.tolist() == [
        [LUECKEN, TRANSPARENZ, 2, 3, 2]
    ]
    assert pairs.loc[0, "jaccard"] == pytest.approx(2 / 3, abs=1e-4)
    table = analysis.cooccurrence_matrix(pairs)
    assert table.loc[LUECKEN, TRANSPARENZ] == table.loc[TRANSPARENZ, LUECKEN] == 2


def test_cooccurrence_in_the_same_sentence(store: Store, tmp_path: Path) -> None:
    same = analysis.cooccurrence(analysis.load_codings(store), "sentence", store=store)
    assert same[["code_a", "code_b", "count", "n_a", "n_b"]].values.tolist() == [
        [LUECKEN, TRANSPARENZ, 2, 3, 2]
    ]
    other = store_with_codebook(tmp_path / "two")
    text = "I: Eins ist gut. Zwei ist schlecht.\n"
    add_text(other, text, "s.txt")
    add_coding(other, "s", text.index("Eins"), text.index("Eins") + 4, LUECKEN, coder="anna")
    add_coding(other, "s", text.index("Zwei"), text.index("Zwei") + 4, TRANSPARENZ, coder="anna")
    data = analysis.load_codings(other)
    assert len(analysis.cooccurrence(data, "turn")) == 1
    assert analysis.cooccurrence(data, "sentence", store=other).empty


def test_overlap_sweep_matches_a_brute_force_count(demo: Store) -> None:
    data = analysis.load_codings(demo)
    frame = data.codings
    expected: dict[tuple[str, str], int] = {}
    rows = list(frame[["document", "coder", "code", "start", "end"]].itertuples(index=False))
    order = {c: i for i, c in enumerate(data.codes["code"])}
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if (
                (a.document, a.coder) == (b.document, b.coder)
                and a.code != b.code
                and a.start < b.end
                and b.start < a.end
            ):
                key = tuple(sorted((str(a.code), str(b.code)), key=order.__getitem__))
                expected[key] = expected.get(key, 0) + 1  # type: ignore[index]
    pairs = analysis.cooccurrence(data, "overlap")
    assert (
        dict(zip(zip(pairs["code_a"], pairs["code_b"], strict=True), pairs["count"], strict=True)) == expected
    )


def test_segments_with_context_speaker_and_time(store: Store) -> None:
    data = analysis.select(analysis.load_codings(store), codes=[OFFENHEIT], coder="anna")
    seg = analysis.segments(store, data, context=7).set_index("document")
    assert seg.loc["a", "text"] == "Danke."
    assert seg.loc["a", "before"] == "1:02:03] "[-7:]
    assert seg.loc["a", "speaker"] == "I" and seg.loc["a", "time"] == "01:02:03"
    assert seg.loc["b", "time"] == "" and seg.loc["b", "after"] == " Flurfu"
    turn = analysis.segments(
        store, analysis.select(analysis.load_codings(store), coder="anna"), context="turn"
    )
    row = turn[turn["code"] == LUECKEN].iloc[0]
    assert (
        row["before"] + row["text"] + row["after"]
        == "Die E-Akte ist da, aber der Flurfunk bleibt. Transparenz fehlt."
    )
    assert list(turn["code"]) == [LUECKEN, TRANSPARENZ, OFFENHEIT, OFFENHEIT]  # codebook order


def test_segment_text_is_the_stored_coded_text(demo: Store) -> None:
    ben = analysis.select(analysis.load_codings(demo), coder="ben")
    seg = analysis.segments(demo, ben, context=0)
    stored = sorted(
        r["text"]
        for r in demo.query(
            "SELECT text FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.name = 'ben'"
        )
    )
    assert sorted(seg["text"]) == stored
    assert (seg["before"] == "").all() and seg["time"].str.fullmatch(r"(\d\d:\d\d:\d\d)?").all()
    assert analysis.segments(demo, analysis.load_codings(demo), limit=1)["code"].is_unique
    with pytest.raises(InvalidValue, match="number of characters"):
        analysis.segments(demo, analysis.load_codings(demo), context="sentence")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, ""), (float("nan"), ""), (0, "00:00:00"), (83.4, "00:01:23"), (3723, "01:02:03")],
)
def test_format_seconds(seconds: float | None, text: str) -> None:
    assert analysis.format_seconds(seconds) == text


def test_empty_project(tmp_path: Path) -> None:
    s = store_with_codebook(tmp_path)
    data = analysis.load_codings(s)
    assert analysis.frequencies(data, "code")["codings"].sum() == 0
    assert analysis.frequencies(data, "field").empty
    assert analysis.matrix(data, "document").shape == (len(data.codes), 0)
    assert analysis.cooccurrence(data).empty and analysis.cooccurrence(data, "turn").empty
    assert analysis.segments(s, data).empty


def test_pooled_segments_show_a_span_once_with_its_coders(demo: Store) -> None:
    data = analysis.load_codings(demo)
    seg = analysis.segments(demo, data, context=0)
    keys = ["document", "code", "start", "end"]
    assert not seg.duplicated(keys).any()
    spans = data.codings.groupby(["document_id", "code_id", "start", "end"]).size()
    assert len(seg) == len(spans) < len(data.codings)  # the demo's coders agree on some spans
    both = seg[seg["coder"] == "anna, ben"]
    assert len(both) == int((spans == 2).sum()) > 0
    assert set(seg["coder"]) == {"anna", "ben", "anna, ben"}


def test_coded_words_match_count_words(demo: Store) -> None:
    data = analysis.select(analysis.load_codings(demo), coder="anna")
    frame = data.codings.sort_values(["code", "document", "start", "end"])
    seg = analysis.segments(demo, data, context=0)
    assert frame["words"].tolist() == [count_words(t) for t in seg["text"]]


def test_coded_words_match_count_words_on_awkward_text(tmp_path: Path) -> None:
    s = store_with_codebook(tmp_path)
    text = (
        "B: Die E-Akte für Bürger:innen (.) – also 50 % #00:01:23-4# 👋🏽 geht's [Name]: a--b, "
        "Mitarbeiter_innen *innen café e\u0301 x'y — ENDE\n"
    )
    add_text(s, text, "w.txt")
    stored = s.one("SELECT text FROM documents")["text"]  # type: ignore[index]
    spans = {(i, j) for i in range(3, len(stored) - 1, 3) for j in range(i + 1, min(len(stored), i + 40), 7)}
    spans = {
        (i, j) for i, j in spans if stored[i] not in "-'’:*_"
    }  # a span that starts on a joiner may differ
    for n, (i, j) in enumerate(sorted(spans)):
        add_coding(s, "w", i, j, [LUECKEN, TRANSPARENZ, OFFENHEIT][n % 3], coder=f"c{n // 3}")
    frame = analysis.load_codings(s).codings
    got = {
        (int(a), int(b)): int(w) for a, b, w in zip(frame["start"], frame["end"], frame["words"], strict=True)
    }
    assert got == {(i, j): count_words(stored[i:j]) for i, j in spans}


def test_an_empty_project_gives_empty_tables_not_errors(tmp_path: Path) -> None:
    from toolkit.store import create_store

    data = analysis.load_codings(create_store(tmp_path / "empty.db"))
    for by in ("code", "field", "document", "speaker", "role", "coder"):
        assert analysis.frequencies(data, by).empty
    assert analysis.matrix(data, "document").empty
    assert analysis.cooccurrence(data, "overlap").empty


def _weigh(store: Store, document: str, code: str, coder: str, weight: int) -> None:
    from toolkit.codings import coding_version, list_codings, update_coding

    for c in list_codings(store, coder=coder, document=document):
        if c.code_path == code:
            update_coding(
                store, c.guid, actor=coder, expected_version=coding_version(store, c.guid), weight=weight
            )


def test_segments_keep_the_codings_weighted_at_least_min_weight(store: Store) -> None:
    """Issue 20: a weight filter on retrieval; pooled rows carry the highest weight of their coders."""
    data = analysis.load_codings(store)
    plain = analysis.segments(store, data, context=0)
    assert "weight" not in plain.columns  # no coding weighted: no weight column
    _weigh(store, "a", LUECKEN, "anna", 80)
    _weigh(store, "a", LUECKEN, "ben", 30)
    _weigh(store, "b", OFFENHEIT, "anna", 50)
    seg = analysis.segments(store, data, context=0)
    assert (
        len(seg) == len(plain) and list(seg.columns).index("weight") == list(seg.columns).index("coder") + 1
    )
    pooled = seg[(seg["code"] == LUECKEN) & (seg["document"] == "a")]
    assert pooled["coder"].tolist() == ["anna, ben"] and pooled["weight"].tolist() == [80]
    heavy = analysis.segments(store, data, context=0, min_weight=50)
    assert sorted(zip(heavy["document"], heavy["code"], heavy["coder"], heavy["weight"], strict=True)) == [
        ("a", LUECKEN, "anna", 80),
        ("b", OFFENHEIT, "anna", 50),
    ]
    assert len(analysis.segments(store, data, context=0, min_weight=30)) == 2  # ben's 30 joins anna's span
    assert analysis.segments(store, data, context=0, min_weight=90).empty
    with pytest.raises(InvalidValue):
        analysis.segments(store, data, min_weight=101)
