"""Compare cases and groups (Kuckartz): for one code, the coded segments of each group of documents
side by side, with counts; the groups are formed by the value of a document variable
(``attribute:NAME``) or are the document sets (``set``: a document in several sets is in each, the
documents in none form the last group)."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.codes import find_code
from toolkit.errors import InvalidValue, NotFound
from toolkit.qca.summaries import Segment, segments_by_document
from toolkit.store import Store

NO_VALUE = ""  # the group of documents without a value of the variable (or in no set)
BY_ATTRIBUTE = "attribute"
BY_SET = "set"


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
    """Groups of documents side by side; ``by`` says how they were formed (``attribute``: by the
    value of ``variable``; ``set``: the document sets, ``variable`` empty)."""

    code_path: str
    variable: str
    groups: tuple[Group, ...]
    by: str = BY_ATTRIBUTE


def parse_by(by: str) -> str:
    """``attribute:NAME`` -> NAME; anything else is an error saying the form."""
    kind, sep, name = by.partition(":")
    if kind != BY_ATTRIBUTE or not sep or not name.strip():
        raise InvalidValue("compare.by", by=by)
    return name.strip()


def compare_by(store: Store, code_path: str, by: str, *, coder: str | None = None) -> Comparison:
    """:func:`compare_groups` for ``attribute:NAME``, :func:`compare_sets` for ``set``."""
    if by.strip() == BY_SET:
        return compare_sets(store, code_path, coder=coder)
    return compare_groups(store, code_path, parse_by(by), coder=coder)


def _groups(
    store: Store, code_path: str, members: dict[str, list[tuple[int, str]]], coder: str | None
) -> tuple[str, tuple[Group, ...]]:
    code = find_code(store, code_path)
    per_doc: dict[int, list[Segment]] = segments_by_document(store, code, coder)
    out = []
    for value, docs in members.items():
        segs = [
            GroupSegment(name, s.code_path, s.coder, s.start, s.end, s.text)
            for doc_id, name in docs
            for s in per_doc.get(doc_id, [])
        ]
        coded = sum(1 for doc_id, _ in docs if per_doc.get(doc_id))
        out.append(Group(value, len(docs), coded, tuple(segs)))
    return code.path, tuple(out)


def compare_sets(store: Store, code_path: str, *, coder: str | None = None) -> Comparison:
    """Segments of ``code_path`` (with subcodes) per document set, sets in name order (a document in
    several sets is in each), then the documents in no set (value ``""``, left out when there are
    none); ``coder``: only that coder's codings."""
    rows = store.query(
        "SELECT s.name AS s, d.id, d.name FROM document_sets s "
        "LEFT JOIN document_set_members m ON m.set_id = s.id "
        "LEFT JOIN documents d ON d.id = m.document_id ORDER BY s.name, d.name"
    )
    if not rows:
        raise InvalidValue("analysis.no_sets")
    members: dict[str, list[tuple[int, str]]] = {}
    for r in rows:
        members.setdefault(str(r["s"]), [])
        if r["id"] is not None:
            members[str(r["s"])].append((int(r["id"]), str(r["name"])))
    ordered = dict(sorted(members.items(), key=lambda kv: kv[0].casefold()))
    placed = {doc_id for docs in members.values() for doc_id, _ in docs}
    rest = [
        (int(d["id"]), str(d["name"]))
        for d in store.query("SELECT id, name FROM documents ORDER BY name")
        if int(d["id"]) not in placed
    ]
    if rest:
        ordered[NO_VALUE] = rest
    path, groups = _groups(store, code_path, ordered, coder)
    return Comparison(path, "", groups, BY_SET)


def compare_groups(store: Store, code_path: str, variable: str, *, coder: str | None = None) -> Comparison:
    """Segments of ``code_path`` (with subcodes) per value of the document variable ``variable``,
    groups in value order (documents without a value last); ``coder``: only that coder's codings."""
    find_code(store, code_path)  # an unknown code is named before an unknown variable
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
    groups: dict[str, list[tuple[int, str]]] = {}
    for d in store.query("SELECT id, name FROM documents ORDER BY name"):
        groups.setdefault(str(values.get(d["id"], NO_VALUE)), []).append((int(d["id"]), str(d["name"])))
    ordered = {v: groups[v] for v in sorted(groups, key=lambda v: (v == NO_VALUE, v.casefold()))}
    path, found = _groups(store, code_path, ordered, coder)
    return Comparison(path, variable, found)
