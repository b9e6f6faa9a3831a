"""Which codings an agreement run compares: chosen coders, documents and codes, read once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from toolkit.codes import CodeRow, code_by_path, list_codes
from toolkit.codings import list_coders
from toolkit.documents import document_row, document_turns
from toolkit.errors import InvalidValue, NotFound
from toolkit.model import Turn
from toolkit.progress import coded_by
from toolkit.store import Store

NO_FIELD = "(ohne Handlungsfeld)"


class Span(NamedTuple):
    """One coding reduced to what agreement needs."""

    document: str
    code: str
    coder: str
    start: int
    end: int


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    language: str
    turns: tuple[Turn, ...]


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
        row = next((c for c in self.codes if c.path == code), None)
        return (row.field_of_action if row else None) or NO_FIELD

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
        raise InvalidValue(f"coder list {text!r} names a coder twice")
    return names


def select(
    store: Store,
    coders: tuple[str, ...] | list[str],
    *,
    code: str | None = None,
    document: str | None = None,
) -> Selection:
    """Read the codings of ``coders`` (two or more) for an agreement run."""
    chosen = tuple(coders)
    if len(chosen) < 2:
        raise InvalidValue(f"agreement needs two or more coders, got {list(chosen)!r}; pass --coders A,B")
    known = list_coders(store)
    for name in chosen:
        if name not in known:
            raise NotFound(f"no coder {name!r}; coders are: {', '.join(known) or '(none yet)'}")
    all_codes = list_codes(store)
    paths = {c.id: c.path for c in all_codes}
    where = [f"k.name IN ({', '.join('?' for _ in chosen)})"]
    params: list[object] = list(chosen)
    if document is not None:
        where.append("c.document_id = ?")
        params.append(document_row(store, document)["id"])
    if code is not None:
        root = code_by_path(store, code)
        ids = [c.id for c in all_codes if c.path == root.path or c.path.startswith(root.path + "/")]
        where.append(f"c.code_id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    compared, excluded = scope(store, chosen, document=document)
    if compared:
        where.append(f"d.name IN ({', '.join('?' for _ in compared)})")
        params.extend(compared)
        rows = store.db.execute(
            'SELECT d.name, c.code_id, k.name, c.start, c."end" FROM codings c '
            "JOIN documents d ON d.id = c.document_id JOIN coders k ON k.id = c.coder_id "
            f"WHERE {' AND '.join(where)}",
            params,
        ).fetchall()
    else:
        rows = []
    spans = tuple(Span(doc, paths[cid], coder, start, end) for doc, cid, coder, start, end in rows)
    doc_names = compared
    docs = []
    for name in doc_names:
        row = document_row(store, name)
        docs.append(Doc(name, str(row["text"]), str(row["language"]), tuple(document_turns(store, name))))
    used = {s.code for s in spans}
    if code is not None:
        root = code_by_path(store, code)
        in_scope = [c for c in all_codes if c.path == root.path or c.path.startswith(root.path + "/")]
        codes = tuple(c for c in in_scope if c.path in used) or (root,)
    else:
        codes = tuple(c for c in all_codes if c.path in used)
    return Selection(chosen, tuple(docs), codes, spans, tuple(excluded))


def scope(
    store: Store, coders: tuple[str, ...], *, document: str | None = None
) -> tuple[list[str], list[Excluded]]:
    """The documents every one of ``coders`` has coded, by name, and the documents some but not
    all of them coded, with who is missing (with ``document``: that document, compared or
    excluded)."""
    coded = coded_by(store, coders)
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
