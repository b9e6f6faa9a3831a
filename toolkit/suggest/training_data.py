"""Training data of the learned model: the units of the documents a coder worked on. A unit that
overlaps a coding of the coder (:func:`toolkit.suggest.features.overlaps`) is a positive for that code;
every other unit of those documents is a negative (the coder saw it and left it uncoded), and so is a
unit whose suggestion the coder rejected."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from toolkit.codings import list_codings
from toolkit.documents import document_row
from toolkit.errors import NotFound
from toolkit.model import Coding
from toolkit.store import Store
from toolkit.suggest.features import overlaps, unit_labels
from toolkit.suggest.rejections import rejections
from toolkit.suggest.units import Unit, document_units


@dataclass
class TrainingData:
    """Units with their gold labels (empty set: a negative) and where they came from."""

    language: str
    units: list[Unit]
    labels: list[set[str]]
    codings: list[str]
    documents: list[str]
    gold: list[Coding] = field(default_factory=list)


def training_data(
    store: Store,
    coder: str,
    *,
    documents: Sequence[str] | None = None,
    language: str | None = None,
    level: int | None = None,
) -> TrainingData:
    """Positives and negatives of ``coder`` in ``documents`` (default: every document the coder coded,
    and the units of rejected suggestions in others) of one ``language`` (default: the language of most
    of them)."""
    rejected = rejections(store, coder=coder)
    mine = list_codings(store, coder=coder)
    if documents is None:
        names = sorted({c.document for c in mine} | {r.document for r in rejected})
    else:
        names = [str(document_row(store, d)["name"]) for d in documents]
    if not names:
        raise NotFound("model.no_codings", coder=coder)
    langs = {n: str(document_row(store, n)["language"]) for n in names}
    lang = language or Counter(langs.values()).most_common(1)[0][0]
    names = [n for n in names if langs[n] == lang]
    data = TrainingData(lang, [], [], [], names)
    coded = {c.document for c in mine}
    for name in names:
        codings = [c for c in mine if c.document == name]
        data.codings += [c.guid for c in codings]
        data.gold += codings
        refused = [(r.start, r.end) for r in rejected if r.document == name]
        for unit in document_units(store, name):
            if (
                name not in coded
                and documents is None
                and not any(overlaps(unit.start, unit.end, s, e) for s, e in refused)
            ):
                continue  # a document known only by rejections: only the rejected units were seen
            data.units.append(unit)
            data.labels.append(unit_labels(unit, codings, level))
    if not any(data.labels):
        raise NotFound("model.no_codings_in", coder=coder, documents=names)
    return data


def codings_hash(guids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(guids)).encode()).hexdigest()
