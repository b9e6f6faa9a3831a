"""Which codings an agreement run compares: chosen coders, documents and codes.

:func:`plan` decides the scope and reads nothing else; :meth:`Plan.each` then reads one document and
its codings at a time (the streaming methods never hold more than one document's codings);
:func:`select` reads everything at once into a :class:`Selection` (for the consensus views)."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from toolkit.coders import list_coders
from toolkit.codes import CodeRow, code_by_path, list_codes
from toolkit.documents import document_row
from toolkit.errors import InvalidValue, NotFound
from toolkit.model import Turn
from toolkit.progress import coded_by
from toolkit.store import Store, cached_by_change

NO_FIELD = "(ohne Handlungsfeld)"
TURNS = 'SELECT speaker, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY seq'


class Span(NamedTuple):
    """One coding reduced to what agreement needs."""

    document: str
    code: str
    coder: str
    start: int
    end: int


@dataclass(frozen=True)
class Doc:
    """One document as agreement reads it (``id``: its row in the store, when read from one)."""

    name: str
    text: str
    language: str
    turns: tuple[Turn, ...]
    id: int | None = None


class Excluded(NamedTuple):
    """A document left out of the comparison and the compared coders who have not coded it."""

    document: str
    not_coded_by: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "document": self.document,
            "not_coded_by": list(self.not_coded_by),
            "reason": f"not coded by {', '.join(self.not_coded_by)}",
        }


@dataclass(frozen=True)
class Selection:
    """The coders compared; the documents in scope: those every compared coder has coded (at least
    one coding there, whatever the code filter, or a done mark, see :mod:`toolkit.progress`), only
    the named one with a document filter; the documents some but not all of them coded
    (``excluded``); the codes in scope (used by one of the coders in the compared documents; with a
    code filter that code and its subcodes); and their codings. Codings count for their own code,
    not for its parents."""

    coders: tuple[str, ...]
    documents: tuple[Doc, ...]
    codes: tuple[CodeRow, ...]
    spans: tuple[Span, ...]
    excluded: tuple[Excluded, ...] = ()

    def field(self, code: str) -> str:
        return field_of(self.codes, code)

    def grouped(self) -> dict[tuple[str, str, str], list[tuple[int, int]]]:
        """``{(document, code, coder): [(start, end), ...]}`` sorted by start."""
        out: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
        for s in self.spans:
            out.setdefault((s.document, s.code, s.coder), []).append((s.start, s.end))
        for spans in out.values():
            spans.sort()
        return out


def parse_coders(text: str) -> tuple[str, ...]:
    """``"anna,ben"`` -> ``("anna", "ben")``; duplicates and blanks are errors."""
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    if len(set(names)) != len(names):
        raise InvalidValue("agreement.coder_twice", coders=text)
    return names


@dataclass(frozen=True)
class DocCodings:
    """One document of a run and its codings of the compared coders: ``table`` holds one row
    ``(code id, coder id, start, end)`` per coding, sorted in that order; ``paths`` and ``coders``
    name the ids."""

    doc: Doc
    table: NDArray[np.int64]
    paths: Mapping[int, str]
    coders: Mapping[int, str]

    @functools.cached_property
    def spans(self) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """``{(code, coder): [(start, end), ...]}`` sorted by start."""
        table = self.table
        spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
        if not len(table):
            return spans
        cut = np.flatnonzero(np.any(table[1:, :2] != table[:-1, :2], axis=1)) + 1
        for first, stop in zip([0, *cut.tolist()], [*cut.tolist(), len(table)], strict=True):
            part = table[first:stop]
            key = (self.paths[int(part[0, 0])], self.coders[int(part[0, 1])])
            spans[key] = list(zip(part[:, 2].tolist(), part[:, 3].tolist(), strict=True))
        return spans

    @property
    def codes(self) -> list[str]:
        """Codes with a coding here, in first-seen order."""
        return list(dict.fromkeys(code for code, _ in self.spans))

    def of(self, code: str, coder: str) -> list[tuple[int, int]]:
        return self.spans.get((code, coder), [])


@dataclass(frozen=True, eq=False)
class Plan:
    """The scope of a run, decided before reading any coding: coders, the compared documents by
    name (every coder has coded them, see :class:`Selection`), the excluded ones, and the code
    filter (a code and its subcodes, or every code)."""

    store: Store
    coders: tuple[str, ...]
    documents: tuple[str, ...]
    excluded: tuple[Excluded, ...]
    all_codes: tuple[CodeRow, ...]
    root: CodeRow | None = None
    _paths: dict[int, str] = field(default_factory=dict)

    def in_filter(self, path: str) -> bool:
        root = self.root
        return root is None or path == root.path or path.startswith(root.path + "/")

    def each(self, *, text: bool = True, turns: bool = True) -> Iterator[DocCodings]:
        """The compared documents one at a time, each with its codings (sorted by start). Without
        ``text`` a document's text is empty (for methods that only compare spans); without
        ``turns`` it has no turns."""
        coder_names = self._coder_names()
        ids = ", ".join(str(i) for i in coder_names)
        paths = self._paths
        kept = np.array(sorted(i for i, path in paths.items() if self.in_filter(path)), dtype=np.int64)
        column = "text" if text else "''"
        conn = self.store.conn
        for name in self.documents:
            doc_id, language, body = conn.execute(
                f"SELECT id, language, {column} FROM documents WHERE name = ?", (name,)
            ).fetchone()
            rows = conn.execute(
                f'SELECT code_id, coder_id, start, "end" FROM codings WHERE document_id = ? '
                f'AND coder_id IN ({ids}) ORDER BY code_id, coder_id, start, "end"',
                (doc_id,),
            )
            table = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64).reshape(-1, 4)
            if self.root is not None:
                table = table[np.isin(table[:, 0], kept)]
            found = tuple(Turn(*row) for row in conn.execute(TURNS, (doc_id,))) if turns else ()
            doc = Doc(name, str(body), str(language), found, int(doc_id))
            yield DocCodings(doc, table, paths, coder_names)

    def each_presence(self) -> Iterator[tuple[str, set[tuple[str, str]]]]:
        """The compared documents one at a time with the ``(code, coder)`` pairs coded there (no
        spans, no text: what the document method needs)."""
        coder_names = self._coder_names()
        ids = ", ".join(str(i) for i in coder_names)
        for name in self.documents:
            (doc_id,) = self.store.conn.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
            pairs = {
                (self._paths[code_id], coder_names[coder_id])
                for code_id, coder_id in self.store.conn.execute(
                    "SELECT DISTINCT code_id, coder_id FROM codings "
                    f"WHERE document_id = ? AND coder_id IN ({ids})",
                    (doc_id,),
                )
            }
            yield name, {(code, coder) for code, coder in pairs if self.in_filter(code)}

    def _coder_names(self) -> dict[int, str]:
        return {
            int(r[0]): str(r[1])
            for r in self.store.conn.execute(
                f"SELECT id, name FROM coders WHERE name IN ({', '.join('?' for _ in self.coders)})",
                list(self.coders),
            )
        }

    def codes_in_order(self, used: set[str] | frozenset[str]) -> tuple[CodeRow, ...]:
        """The codes a run reports: those used (codebook order); with a code filter and none used,
        the filter's code."""
        codes = tuple(c for c in self.all_codes if c.path in used and self.in_filter(c.path))
        if not codes and self.root is not None:
            return (self.root,)
        return codes


def field_of(codes: tuple[CodeRow, ...], code: str) -> str:
    """The field of action of ``code`` among ``codes`` (:data:`NO_FIELD` without one)."""
    row = next((c for c in codes if c.path == code), None)
    return (row.field_of_action if row else None) or NO_FIELD


def fields_in_order(codes: Iterable[CodeRow]) -> list[str]:
    """Fields of action of ``codes`` in codebook order."""
    rows = tuple(codes)
    return list(dict.fromkeys(field_of(rows, c.path) for c in rows))


def coder_pairs(coders: Sequence[str]) -> list[tuple[str, str]]:
    """Every pair of ``coders`` in their order (a/b, a/c, b/c)."""
    return list(itertools.combinations(coders, 2))


Progress = Callable[[int, int], None]


def stream_documents(
    p: Plan, progress: Progress | None, *, text: bool = True, turns: bool = False
) -> Iterator[DocCodings]:
    """The plan's documents one at a time, telling ``progress(done, total)`` after each."""
    total = len(p.documents)
    for i, item in enumerate(p.each(text=text, turns=turns), start=1):
        yield item
        if progress is not None:
            progress(i, total)


def plan(
    store: Store,
    coders: tuple[str, ...] | list[str],
    *,
    code: str | None = None,
    document: str | None = None,
) -> Plan:
    """Check the coders (two or more, all known) and decide the scope of a run."""
    chosen = tuple(coders)
    if len(chosen) < 2:
        raise InvalidValue("agreement.two_coders", coders=list(chosen))
    known = list_coders(store)
    for name in chosen:
        if name not in known:
            raise NotFound("coder.not_found", name=name, coders=known)
    all_codes = tuple(list_codes(store))
    root = code_by_path(store, code) if code is not None else None
    compared, excluded = scope(store, chosen, document=document)
    return Plan(
        store,
        chosen,
        tuple(compared),
        tuple(excluded),
        all_codes,
        root,
        {c.id: c.path for c in all_codes},
    )


def select(
    store: Store,
    coders: tuple[str, ...] | list[str],
    *,
    code: str | None = None,
    document: str | None = None,
) -> Selection:
    """Read the codings of ``coders`` (two or more) at once, for the consensus views."""
    p = plan(store, coders, code=code, document=document)
    docs: list[Doc] = []
    spans: list[Span] = []
    for item in p.each():
        docs.append(item.doc)
        spans.extend(
            Span(item.doc.name, path, coder, start, end)
            for (path, coder), found in item.spans.items()
            for start, end in found
        )
    codes = p.codes_in_order({s.code for s in spans})
    return Selection(p.coders, tuple(docs), codes, tuple(spans), p.excluded)


@cached_by_change
def _coded(store: Store, coders: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """:func:`toolkit.progress.coded_by`, kept until the project changes (a page's reruns, and a
    run for one document after the scope of all, read every document's coders once)."""
    return coded_by(store, coders)


def scope(
    store: Store, coders: tuple[str, ...], *, document: str | None = None
) -> tuple[list[str], list[Excluded]]:
    """The documents every one of ``coders`` has coded, by name, and the documents some but not
    all of them coded, with who is missing (with ``document``: that document, compared or
    excluded)."""
    coded = _coded(store, tuple(coders))
    if document is not None:
        name = str(document_row(store, document)["name"])
        candidates = [name]
    else:
        candidates = sorted(coded)
    compared, excluded = [], []
    for name in candidates:
        missing = tuple(c for c in coders if c not in coded.get(name, frozenset()))
        if missing:
            excluded.append(Excluded(name, missing))
        else:
            compared.append(name)
    return compared, excluded
