"""Blind coding applied to every count a coder sees (issue 16, item 5): the Codebuch and Projekt
pages showed everyone's coding counts ("13 Codierungen" where the coder's own were 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import ROOT, run_page, two_coder_project

from toolkit.blind import set_blind_coding, visible_coders, visible_codes
from toolkit.coders import CONSENSUS_CODER
from toolkit.codings import add_coding
from toolkit.store import Store

INFORMATION = "Information"


@pytest.fixture()
def project(tmp_path: Path) -> Store:
    """anna: 3 codings under Information, 1 under Mensch; ben: 2 and 1; the consensus coder: 1."""
    store = two_coder_project(tmp_path)
    add_coding(store, "t", 45, 50, "Information/Herausforderungen/Lücken", coder=CONSENSUS_CODER)
    return store


def counts(store: Store, viewer: str | None) -> dict[str, int]:
    return {c.path: c.codings for c in visible_codes(store, viewer) if c.depth == 0}


def test_counts_are_everyones_without_blind_coding(project: Store) -> None:
    own = {c.path: c.codings for c in visible_codes(project, "anna")}
    assert sum(own.values()) == 8
    assert visible_coders(project, "anna") == ["anna", "ben", CONSENSUS_CODER]


def test_blind_counts_are_the_viewers_own_and_the_consensus(project: Store) -> None:
    set_blind_coding(project, True, actor="lead")
    assert sum(c.codings for c in visible_codes(project, "anna")) == 5  # 4 own + 1 consensus
    assert sum(c.codings for c in visible_codes(project, "ben")) == 4
    assert sum(c.codings for c in visible_codes(project, None)) == 1
    assert visible_coders(project, "anna") == ["anna", CONSENSUS_CODER]


def test_codebook_page_shows_a_blind_coder_only_their_counts(project: Store) -> None:
    set_blind_coding(project, True, actor="lead")
    at = run_page(ROOT / "app_pages" / "codebook.py", project, app_coder="ben")
    assert not at.exception, at.exception
    shown = [m.value for m in at.markdown if m.value.startswith("**Herausforderungen**")]
    assert shown == ["**Herausforderungen** · 2 Codierungen"]  # ben's and the consensus coding, not 4


def test_overview_shows_a_blind_coder_only_their_total_and_no_other_names(project: Store) -> None:
    set_blind_coding(project, True, actor="lead")
    at = run_page(ROOT / "app_pages" / "overview.py", project, app_coder="ben")
    assert not at.exception, at.exception
    metric = next(m for m in at.metric if m.label == "Codierungen")
    assert metric.value == "4"  # not 8
    assert "anna" not in (metric.proto.help or "")
    table = at.dataframe[1].value  # the code table of the first field of action
    assert table["Codierungen"].sum() == 3
