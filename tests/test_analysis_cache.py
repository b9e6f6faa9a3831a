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


DOC_TEXT = "I: Wie geht es?\n\nB: Die E-Akte fehlt. Der Flurfunk bleibt.\n\nI: Danke.\n"


def _assert_same_as_a_full_read(store: Store) -> None:
    cached = analysis.load_codings_cached(store)
    fresh = analysis.load_codings(store)
    pd.testing.assert_frame_equal(cached.codings, fresh.codings)
    pd.testing.assert_frame_equal(
        analysis.frequencies(cached, "speaker"), analysis.frequencies(fresh, "speaker")
    )


def test_after_each_kind_of_change_the_cache_equals_a_full_read(tmp_path: Path) -> None:
    from _factories import LUECKEN, OFFENHEIT, add_text

    from toolkit.codes_edit import rename_code
    from toolkit.codings import delete_coding, update_coding
    from toolkit.documents import set_attributes

    store = two_coder_project(tmp_path)
    second = add_text(store, DOC_TEXT, "zwei.txt")
    start = DOC_TEXT.index("Die E-Akte")
    add_coding(store, second, start, start + 18, LUECKEN, coder="anna")
    _assert_same_as_a_full_read(store)
    changes = [
        lambda: add_coding(store, second, start + 19, start + 39, OFFENHEIT, coder="ben"),
        lambda: update_coding(
            store,
            list_codings(store, document=second)[0].guid,
            actor="anna",
            expected_version=1,
            end=start + 10,
        ),
        lambda: delete_coding(store, list_codings(store, document="t")[0].guid, actor="anna"),
        lambda: set_attributes(store, second, {"speaker_role": "CDO"}, speaker="B", actor="lead"),
        lambda: add_coding(store, "t", 0, 2, LUECKEN, coder="carla"),  # a new coder
        lambda: rename_code(store, OFFENHEIT, "Offenheit für Neues", actor="lead"),
        lambda: add_text(store, DOC_TEXT.replace("Danke", "Tschüss"), "drei.txt"),
    ]
    for change in changes:
        change()
        _assert_same_as_a_full_read(store)


def test_only_the_changed_document_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from _factories import LUECKEN, add_text

    store = two_coder_project(tmp_path)
    second = add_text(store, DOC_TEXT, "zwei.txt")
    analysis.load_codings_cached(store)
    reads: list[object] = []
    real = cache.load_codings

    def spy(s: Store, **kwargs: object) -> object:
        reads.append(kwargs.get("document_ids"))
        return real(s, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "load_codings", spy)
    add_coding(store, second, 3, 10, LUECKEN, coder="anna")
    data = analysis.load_codings_cached(store)
    second_id = store.one("SELECT id FROM documents WHERE name = ?", (second,))
    assert second_id is not None
    assert reads == [[second_id["id"]]]
    assert len(data.codings) == len(list_codings(store))


def test_a_restored_older_backup_is_read_in_full(tmp_path: Path) -> None:
    from _factories import LUECKEN

    from toolkit.backup import backup, restore

    store = two_coder_project(tmp_path)
    backup(store, tmp_path / "old.db")
    add_coding(store, "t", 0, 2, LUECKEN, coder="anna")
    analysis.load_codings_cached(store)  # cached: the state with the new coding
    restore(tmp_path / "old.db", store.path, actor="lead")
    add_coding(store, "t", 0, 3, LUECKEN, coder="anna")  # as many changes again, other content
    _assert_same_as_a_full_read(store)
