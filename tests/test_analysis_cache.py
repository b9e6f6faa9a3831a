"""The on-disk cache of loaded codings: a second command on an unchanged project reads the cache
and gives the same tables; any change, a damaged file or an unwritable folder means a fresh load."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from _factories import two_coder_project

from toolkit import analysis
from toolkit.analysis import cache
from toolkit.codings import add_coding, list_codings
from toolkit.store import Store


def _no_fetch(*args: object) -> None:
    raise AssertionError("the codings were read from the store, not from the cache")


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = two_coder_project(tmp_path)
    first = analysis.load_codings_cached(store)
    path = cache.cache_path(store)
    assert path is not None and path.exists()
    assert path.stat().st_mode & 0o077 == 0  # readable by the owner only
    monkeypatch.setattr("toolkit.analysis.data._fetch_codings", _no_fetch)
    second = analysis.load_codings_cached(store)
    pd.testing.assert_frame_equal(first.codings, second.codings)
    pd.testing.assert_frame_equal(analysis.frequencies(first, "code"), analysis.frequencies(second, "code"))


def test_a_change_is_seen_by_the_next_load(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    before = analysis.load_codings_cached(store)
    coding = list_codings(store)[0]
    add_coding(store, coding.document, coding.start, coding.end, coding.code_path, coder="carla")
    after = analysis.load_codings_cached(store)
    assert len(after.codings) == len(before.codings) + 1
    assert "carla" in after.coders


def test_one_coder_from_the_cache_equals_loading_that_coder(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    analysis.load_codings_cached(store)
    cached = analysis.load_codings_cached(store, coder="ben")
    direct = analysis.load_codings(store, coder="ben")
    pd.testing.assert_frame_equal(cached.codings, direct.codings)
    assert cached.filters == direct.filters


def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    expected = analysis.load_codings(store).codings
    path = cache.cache_path(store)
    assert path is not None
    path.write_bytes(b"PK\x03\x04 not a zip at all")
    pd.testing.assert_frame_equal(analysis.load_codings_cached(store).codings, expected)
    assert path.stat().st_size > 100


def test_an_unwritable_folder_only_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = two_coder_project(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only folder")

    monkeypatch.setattr("toolkit.analysis.cache.tempfile.mkstemp", refuse)
    data = analysis.load_codings_cached(store)
    assert len(data.codings) == len(list_codings(store))
    path = cache.cache_path(store)
    assert path is not None and not path.exists()


def test_a_cache_of_another_project_at_the_same_path_is_not_used(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path / "a")
    analysis.load_codings_cached(store)
    path = cache.cache_path(store)
    assert path is not None
    other = two_coder_project(tmp_path / "b", codings=[])
    other_path = cache.cache_path(other)
    assert other_path is not None
    other_path.write_bytes(path.read_bytes())  # same name beside another project
    assert len(analysis.load_codings_cached(other).codings) == 0


def test_no_cache_for_an_in_memory_store() -> None:
    assert cache.cache_path(Store(":memory:")) is None
