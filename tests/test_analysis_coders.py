"""Whose codings are reported: the consensus coder when there is one, the only coder, or the
coders asked for (pooled and said so); with several coders and no consensus, a clear question."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import LUECKEN, two_coder_project

from toolkit import analysis
from toolkit.codings import add_coding
from toolkit.errors import InvalidValue, NotFound


def test_without_consensus_the_choice_is_asked_for(tmp_path: Path) -> None:
    data = analysis.load_codings(two_coder_project(tmp_path))
    with pytest.raises(InvalidValue, match=r"2 coders have coded \(anna, ben\).*--all-coders"):
        analysis.choose_coders(data)
    assert analysis.default_view(data).coders == ()
    pooled = analysis.choose_coders(data, all_coders=True)
    assert pooled.coders == ("anna", "ben") and pooled.pooled
    assert pooled.describe() == (
        "gepoolt: Codierungen von anna, ben zusammen gezählt; gleiche Segmente erscheinen einmal"
    )
    assert analysis.choose_coders(data, ["ben"]).describe("en") == "codings of ben"
    with pytest.raises(NotFound, match="no coder 'zoe'"):
        analysis.choose_coders(data, ["zoe"])
    with pytest.raises(InvalidValue, match="not both"):
        analysis.choose_coders(data, ["ben"], all_coders=True)
    only_ben = analysis.view_of(data, analysis.choose_coders(data, ["ben"]))
    assert set(only_ben.codings["coder"]) == {"ben"}


def test_the_consensus_coder_is_the_default(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    add_coding(store, "t", 3, 18, LUECKEN, coder="consensus")
    data = analysis.load_codings(store)
    view = analysis.choose_coders(data)
    assert view.coders == ("consensus",) and not view.pooled
    assert view.describe() == "Codierungen von Konsens"
    assert len(analysis.view_of(data, view).codings) == 1
