"""New projects and the demo project that `make run` builds on first start."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from toolkit.codebook import load_codebook
from toolkit.codes import list_codes
from toolkit.codings import list_codings
from toolkit.documents import document_text, list_documents, speaker_attributes
from toolkit.errors import CodebookError, StoreError
from toolkit.project import DEFAULT_CODEBOOK, ROOT, create_demo, init_project
from toolkit.store import events, open_store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(db, ROOT, actor="test")
    return db


def test_demo_has_the_three_samples_with_attributes(demo: Path) -> None:
    with open_store(demo) as store:
        docs = {d.name: d for d in list_documents(store)}
        assert set(docs) == {"interview_cdo", "interview_sachbearbeitung", "gruppendiskussion"}
        types = {name: d.attributes["municipality_type"] for name, d in docs.items()}
        assert types == {
            "interview_cdo": "Die Optimierer",
            "interview_sachbearbeitung": "Die Bedächtigen",
            "gruppendiskussion": "Die Serviceorientierten",
        }
        assert all(d.words >= 2500 and d.last_timestamp for d in docs.values())
        roles = speaker_attributes(store, "gruppendiskussion")
        assert set(roles) == {"M", "B1", "B2", "B3", "B4", "B5"}
        assert roles["B1"]["speaker_role"] == "CDO"
        assert speaker_attributes(store, "interview_cdo")["B"]["speaker_role"] == "CDO"


def test_demo_codings_by_two_coders_with_realistic_disagreement(demo: Path) -> None:
    with open_store(demo) as store:
        codings = list_codings(store)
        assert set(Counter(c.coder for c in codings)) == {"anna", "ben"}
        for coding in codings:
            assert document_text(store, coding.document)[coding.start : coding.end] == coding.text
        spans = {
            coder: {(c.document, c.start, c.end, c.code_path) for c in codings if c.coder == coder}
            for coder in ("anna", "ben")
        }
        both = spans["anna"] & spans["ben"]
        either = spans["anna"] | spans["ben"]
        share = len(both) / len(either)
        assert 0.4 < share < 0.9, share  # they agree often, not always
        fields = {c.code_path.split("/")[0] for c in codings}
        assert fields == {"Information", "Mensch", "Produkt", "Organisation"}
        leaves = [c for c in list_codes(store) if c.depth >= 2 and c.anchor_example]
        assert sum(1 for c in leaves if c.codings) >= 40


def test_demo_is_recorded_in_the_event_log(demo: Path) -> None:
    with open_store(demo) as store:
        actions = Counter((e["action"], e["entity"]) for e in events(store))
        assert actions[("import", "document")] == 3
        assert actions[("add", "coding")] == len(list_codings(store))


def test_demo_refuses_to_overwrite_and_leaves_no_partial_file(tmp_path: Path, demo: Path) -> None:
    with pytest.raises(StoreError):
        create_demo(demo, ROOT, actor="test")
    broken = tmp_path / "root"
    (broken / "codebook").mkdir(parents=True)
    (broken / "codebook" / "codebook.yaml").write_text("codes: [{id: a}]\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="line 1"):
        create_demo(tmp_path / "x.db", broken, actor="test")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root"]


def test_init_with_invalid_codebook_creates_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "codes:\n  - id: a\n    name: A\n    definition: x\n    colr: '#000000'\n", encoding="utf-8"
    )
    with pytest.raises(CodebookError, match=r"bad.yaml, line 5: unknown key 'colr'.*did you mean 'colour'"):
        init_project(tmp_path / "p.db", codebook=bad, actor="t")
    assert not (tmp_path / "p.db").exists()


def test_default_codebook_is_the_shipped_one() -> None:
    assert DEFAULT_CODEBOOK == ROOT / "codebook" / "codebook.yaml"
    assert len(load_codebook(DEFAULT_CODEBOOK).codes) >= 44
