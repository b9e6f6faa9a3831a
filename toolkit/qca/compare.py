"""Compare cases and groups (Kuckartz): for one code, the coded segments of each group of documents
side by side, the groups formed by the value of a document variable, with counts."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.codes import find_code
from toolkit.errors import InvalidValue, NotFound
from toolkit.qca.summaries import Segment, segments_by_document
from toolkit.store import Store

NO_VALUE = ""  # the group of documents without a value of the variable


@dataclass(frozen=True)
class GroupSegment:
    """A segment of a group: the document it is in and the coded text."""

    document: str
    code_path: str
    coder: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Group:
    """The documents with one value of the variable ('' = no value) and their segments of the code."""

    value: str
    documents: int
    documents_coded: int
    segments: tuple[GroupSegment, ...]


@dataclass(frozen=True)
class Comparison:
    code_path: str
    variable: str
    groups: tuple[Group, ...]


def parse_by(by: str) -> str:
    """``attribute:NAME`` -> NAME; anything else is an error saying the form."""
    kind, sep, name = by.partition(":")
    if kind != "attribute" or not sep or not name.strip():
        raise InvalidValue("compare.by", by=by)
    return name.strip()


def compare_groups(store: Store, code_path: str, variable: str, *, coder: str | None = None) -> Comparison:
    """Segments of ``code_path`` (with subcodes) per value of the document variable ``variable``,
    groups in value order (documents without a value last); ``coder``: only that coder's codings."""
    code = find_code(store, code_path)
    known = {r["name"] for r in store.query("SELECT DISTINCT name FROM document_attributes")}
    known |= {
        r["name"] for r in store.query("SELECT name FROM attribute_definitions WHERE applies_to = 'document'")
    }
    if variable not in known:
        raise NotFound("variable.not_found", name=variable, variables=sorted(known))
    values = {
        r["document_id"]: r["value"]
        for r in store.query("SELECT document_id, value FROM document_attributes WHERE name = ?", (variable,))
    }
    docs = store.query("SELECT id, name FROM documents ORDER BY name")
    per_doc: dict[int, list[Segment]] = segments_by_document(store, code, coder)
    groups: dict[str, list[tuple[int, str]]] = {}
    for d in docs:
        groups.setdefault(str(values.get(d["id"], NO_VALUE)), []).append((int(d["id"]), str(d["name"])))
    out = []
    for value in sorted(groups, key=lambda v: (v == NO_VALUE, v.casefold())):
        members = groups[value]
        segs = [
            GroupSegment(name, s.code_path, s.coder, s.start, s.end, s.text)
            for doc_id, name in members
            for s in per_doc.get(doc_id, [])
        ]
        coded = sum(1 for doc_id, _ in members if per_doc.get(doc_id))
        out.append(Group(value, len(members), coded, tuple(segs)))
    return Comparison(code.path, variable, tuple(out))
