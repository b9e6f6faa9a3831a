"""Review of disagreements, decisions stored as codings of the consensus coder, and blind coding."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import (
    LUECKEN,
    OFFENHEIT,
    TRANSPARENZ,
    events_of,
    two_coder_project,
)

from toolkit.agreement.consensus import decide, decision_of, disagreements, progress
from toolkit.blind import blind_coding, may_see, set_blind_coding, visible_codings
from toolkit.codings import list_codings
from toolkit.errors import Conflict, InvalidValue
from toolkit.store import Store


@pytest.fixture()
def project(tmp_path: Path) -> Store:
    return two_coder_project(tmp_path)


def test_segment_disagreements_with_both_coders_codes_and_text(project: Store) -> None:
    items = disagreements(project, "anna", "ben", method="segment")
    assert [(d.code, d.start, d.end) for d in items] == [(LUECKEN, 23, 39), (TRANSPARENZ, 23, 39)]
    transparenz = items[1]
    assert transparenz.spans_a == ((23, 39),) and transparenz.spans_b == ((23, 31),)
    assert transparenz.text == "Vier fünf sechs."
    assert transparenz.field == "Information"
    assert progress(items) == {"decided": 0, "total": 2}


def test_filters_by_code_field_and_document(project: Store) -> None:
    assert len(disagreements(project, "anna", "ben", code=TRANSPARENZ)) == 1
    assert disagreements(project, "anna", "ben", field="Mensch") == []
    assert len(disagreements(project, "anna", "ben", document="t")) == 2
    units = disagreements(project, "anna", "ben", method="unit")
    assert [(d.code, d.text) for d in units] == [(LUECKEN, "Vier fünf sechs.")]


@pytest.mark.parametrize(
    ("decision", "expected"),
    [("take_a", [(23, 39)]), ("take_b", [(23, 31)]), ("both", [(23, 31), (23, 39)]), ("neither", [])],
)
def test_decisions_become_consensus_codings(
    project: Store, decision: str, expected: list[tuple[int, int]]
) -> None:
    item = disagreements(project, "anna", "ben", code=TRANSPARENZ)[0]
    decide(project, item, decision, actor="lead")
    spans = [(c.start, c.end) for c in list_codings(project, coder="consensus")]
    assert spans == expected
    origins = {
        r["origin"]
        for r in project.query(
            "SELECT origin FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.name = 'consensus'"
        )
    }
    assert origins <= {"consensus"}
    stored = decision_of(project, item.key)
    assert stored["decision"] == decision and stored["decided_by"] == "lead"
    event = events_of(project, "decide", "consensus")[-1]
    assert event["payload"]["source"] == {"method": "segment", "coders": ["anna", "ben"]}
    assert progress(disagreements(project, "anna", "ben", code=TRANSPARENZ)) == {"decided": 1, "total": 1}


def test_edit_decision_takes_a_given_span_and_code(project: Store) -> None:
    item = disagreements(project, "anna", "ben", code=LUECKEN)[0]
    decide(project, item, "edit", actor="lead", span=(23, 38), code=TRANSPARENZ)
    [coding] = list_codings(project, coder="consensus")
    assert (coding.start, coding.end, coding.code_path) == (23, 38, TRANSPARENZ)
    with pytest.raises(InvalidValue, match="needs the span"):
        decide(project, disagreements(project, "anna", "ben", code=TRANSPARENZ)[0], "edit", actor="lead")


def test_deciding_twice_or_unknown_decisions_are_refused(project: Store) -> None:
    item = disagreements(project, "anna", "ben")[0]
    decide(project, item, "take_a", actor="lead")
    with pytest.raises(Conflict, match="already decided"):
        decide(project, item, "take_b", actor="lead")
    with pytest.raises(InvalidValue, match="decision 'maybe' is unknown"):
        decide(project, item, "maybe", actor="lead")
    assert "m003_consensus_decisions" in project.applied_migrations()


def test_blind_coding_hides_other_coders(project: Store) -> None:
    assert not blind_coding(project)
    assert may_see(project, "anna", "ben")
    set_blind_coding(project, True, actor="lead")
    assert blind_coding(project)
    assert not may_see(project, "anna", "ben")
    assert may_see(project, "anna", "anna") and may_see(project, "anna", "consensus")
    assert {c.coder for c in visible_codings(project, "anna")} == {"anna"}
    assert visible_codings(project, None) == []
    set_blind_coding(project, False, actor="lead")
    assert {c.coder for c in visible_codings(project, "anna")} == {"anna", "ben"}
    assert events_of(project, "set", "setting")[-1]["payload"] == {"key": "blind_coding", "value": "0"}


def test_agreed_segments_are_adopted_once(project: Store) -> None:
    from toolkit.agreement.consensus import adopt_agreements

    assert adopt_agreements(project, "anna", "ben", actor="lead") == 2  # Lücken s1, Offenheit s3
    assert adopt_agreements(project, "anna", "ben", actor="lead") == 0
    assert sorted((c.code_path, c.start) for c in list_codings(project, coder="consensus")) == [
        (LUECKEN, 3),
        (OFFENHEIT, 40),
    ]
    assert events_of(project, "adopt", "consensus")[0]["payload"]["added"] == 2


def test_sorting_and_paging_with_counts(project: Store) -> None:
    from toolkit.agreement.consensus import page_of, sort_disagreements

    items = [*disagreements(project, "anna", "ben", method="unit"), *disagreements(project, "anna", "ben")]
    assert len(items) >= 2 and len({d.code for d in items}) >= 2
    by_size = sort_disagreements(items, "size")
    assert [d.end - d.start for d in by_size] == sorted((d.end - d.start for d in items), reverse=True)
    by_code = sort_disagreements(items, "code")
    assert [d.code for d in by_code] == sorted(d.code for d in items)
    first = page_of(by_code, 1, size=1)
    assert first.pages == len(items) and first.total == len(items) and len(first.items) == 1
    assert sum(first.by_code.values()) == len(items) and sum(first.by_document.values()) == len(items)
    last = page_of(by_code, 99, size=1)  # past the end: the last page
    assert last.number == len(items) and last.items == (by_code[-1],)
    with pytest.raises(InvalidValue, match="order 'colour' is unknown"):
        sort_disagreements(items, "colour")
