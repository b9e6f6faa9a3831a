"""``codebook load`` of any codebook file: YAML, REFI-QDA ``.qdc``, or a Taguette codebook CSV."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from toolkit.codebook import load_codebook
from toolkit.codes_merge import LoadReport, load_codebook_into
from toolkit.exchange.refi.codebook import import_codebook
from toolkit.exchange.taguette_codebook import read_codebook_csv
from toolkit.store import Store


def load_codebook_file(store: Store, path: str | Path, *, actor: str, dry_run: bool = False) -> LoadReport:
    """Merge the codebook in ``path`` into the project in one transaction (see
    :mod:`toolkit.codes_merge`); the format comes from the extension (``.qdc``, ``.csv``, else YAML)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".qdc":
        refi = import_codebook(store, path, actor=actor, dry_run=dry_run)
        assert refi.codebook is not None  # set by every codebook import
        return dataclasses.replace(refi.codebook, warnings=tuple(refi.warnings))
    if suffix == ".csv":
        book, warnings = read_codebook_csv(store, path)
        report = load_codebook_into(store, book, actor=actor, dry_run=dry_run)
        return dataclasses.replace(report, warnings=tuple(warnings))
    return load_codebook_into(store, load_codebook(path), actor=actor, dry_run=dry_run)
