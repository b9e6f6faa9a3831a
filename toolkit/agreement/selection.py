"""Which codings an agreement run compares: chosen coders, documents and codes, read once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from toolkit.codes import CodeRow, code_by_path, list_codes
from toolkit.codings import list_coders
from toolkit.documents import document_row, document_turns
from toolkit.errors import InvalidValue, NotFound
from toolkit.model import Turn
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


@dataclass(frozen=True)
class Selection:
    """The coders compared; the documents in scope (a document counts when one of the coders coded
    anything in it, whatever the code filter, or when it was named); the codes in scope (used by one
    of the coders; with a code filter that code and its subcodes); and their codings. Codings count
    for their own code, not for its parents."""

    coders: tuple[str, ...]
    documents: tuple[Doc, ...]
    codes: tuple[CodeRow, ...]
    spans: tuple[Span, ...]

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
    rows = store.db.execute(
        'SELECT d.name, c.code_id, k.name, c.start, c."end" FROM codings c '
        "JOIN documents d ON d.id = c.document_id JOIN coders k ON k.id = c.coder_id "
        f"WHERE {' AND '.join(where)}",
        params,
    ).fetchall()
    spans = tuple(Span(doc, paths[cid], coder, start, end) for doc, cid, coder, start, end in rows)
    if document is not None:
        doc_names = [str(document_row(store, document)["name"])]
    else:  # every document one of the coders coded in, whatever the code filter
        doc_names = [
            r[0]
            for r in store.db.execute(
                "SELECT DISTINCT d.name FROM codings c JOIN documents d ON d.id = c.document_id "
                f"JOIN coders k ON k.id = c.coder_id WHERE k.name IN ({', '.join('?' for _ in chosen)}) "
                "ORDER BY d.name",
                list(chosen),
            ).fetchall()
        ]
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
    return Selection(chosen, tuple(docs), codes, spans)
