"""REFI-QDA XML (``project.qde`` and ``.qdc``) into :mod:`toolkit.exchange.refi.model` data.

Namespaces are ignored (files in the wild use ``codebook:0:4``, ``project:0:10`` and 1.0), as is
child order; unknown elements are skipped. GUIDs are read upper case without braces.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from toolkit.codebook import MAX_CODE_DEPTH
from toolkit.errors import ImportFailed
from toolkit.exchange.refi.model import (
    RefiCase,
    RefiCode,
    RefiCodebook,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiSelection,
    RefiSet,
    RefiSource,
    RefiTranscript,
    RefiUser,
    RefiVariable,
)
from toolkit.exchange.refi.safety import local

SOURCE_KINDS = ("TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource")
VALUE_KINDS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue")


def guid_of(value: str | None) -> str:
    return (value or "").strip().strip("{}").upper()


def children(el: Element, name: str) -> list[Element]:
    return [c for c in el if local(c.tag) == name]


def child(el: Element, name: str) -> Element | None:
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def child_text(el: Element, name: str) -> str:
    c = child(el, name)
    return (c.text or "") if c is not None else ""


def _refs(el: Element, name: str, attr: str = "targetGUID") -> tuple[str, ...]:
    return tuple(guid_of(c.get(attr) or c.get("guid")) for c in children(el, name))


def _codes(parent_el: Element, parent: str | None, out: list[RefiCode], path: str, depth: int = 0) -> None:
    if depth > MAX_CODE_DEPTH:
        raise ImportFailed("refi.codes_too_deep", file=path, limit=MAX_CODE_DEPTH)
    for el in children(parent_el, "Code"):
        guid = guid_of(el.get("guid"))
        if not guid:
            raise ImportFailed("refi.code_no_guid", file=path, code=el.get("name"))
        out.append(
            RefiCode(
                guid=guid,
                name=el.get("name") or "",
                parent=parent,
                colour=el.get("color") or "",
                description=child_text(el, "Description"),
                codable=(el.get("isCodable") or "true").strip().lower() not in ("false", "0"),
                notes=_refs(el, "NoteRef"),
            )
        )
        _codes(el, guid, out, path, depth + 1)


def _sets(root: Element) -> tuple[RefiSet, ...]:
    sets_el = child(root, "Sets")
    if sets_el is None:
        return ()
    return tuple(
        RefiSet(
            guid=guid_of(s.get("guid")),
            name=s.get("name") or "",
            codes=_refs(s, "MemberCode"),
            sources=_refs(s, "MemberSource"),
        )
        for s in children(sets_el, "Set")
    )


def read_codebook_element(root: Element, path: str, origin: str = "") -> RefiCodebook:
    """The codes of a ``CodeBook`` element (root of a .qdc, or inside a project)."""
    codes: list[RefiCode] = []
    codes_el = child(root, "Codes")
    if codes_el is not None:
        _codes(codes_el, None, codes, path)
    return RefiCodebook(origin=origin or root.get("origin") or "", codes=tuple(codes), sets=_sets(root))


def read_codebook(root: Element, path: str) -> RefiCodebook:
    if local(root.tag) != "CodeBook":
        raise ImportFailed("refi.root_not_codebook", file=path, root=local(root.tag))
    return read_codebook_element(root, path)


def _values(el: Element) -> tuple[tuple[str, str], ...]:
    out = []
    for vv in children(el, "VariableValue"):
        ref = child(vv, "VariableRef")
        if ref is None:
            continue
        value = next((c.text or "" for c in vv if local(c.tag) in VALUE_KINDS), "")
        out.append((guid_of(ref.get("targetGUID")), value))
    return tuple(out)


def _int(el: Element, attr: str, path: str) -> int:
    try:
        return int(el.get(attr) or "")
    except ValueError:
        raise ImportFailed(
            "refi.selection_not_number",
            file=path,
            selection=el.get("guid"),
            attribute=attr,
            value=el.get(attr),
        ) from None


def _code_ref(coding: Element) -> str:
    ref = child(coding, "CodeRef")
    return guid_of(ref.get("targetGUID")) if ref is not None else ""


def _selection(el: Element, path: str) -> RefiSelection:
    return RefiSelection(
        guid=guid_of(el.get("guid")),
        start=_int(el, "startPosition", path),
        end=_int(el, "endPosition", path),
        codings=tuple(
            RefiCoding(
                guid=guid_of(c.get("guid")),
                code=_code_ref(c),
                user=guid_of(c.get("creatingUser")) or None,
                created=c.get("creationDateTime"),
                notes=_refs(c, "NoteRef"),
            )
            for c in children(el, "Coding")
        ),
        description=child_text(el, "Description"),
        user=guid_of(el.get("creatingUser")) or None,
        created=el.get("creationDateTime"),
        modified=el.get("modifiedDateTime"),
        notes=_refs(el, "NoteRef"),
    )


def _source(el: Element, path: str) -> RefiSource:
    kind = local(el.tag)
    return RefiSource(
        guid=guid_of(el.get("guid")),
        kind=kind,
        name=el.get("name") or "",
        plain_text_path=el.get("plainTextPath") or el.get("path") or "",
        content=_content(el),
        description=child_text(el, "Description"),
        selections=tuple(_selection(s, path) for s in children(el, "PlainTextSelection")),
        values=_values(el),
        notes=_refs(el, "NoteRef"),
        user=guid_of(el.get("creatingUser")) or None,
        created=el.get("creationDateTime"),
        transcripts=tuple(_transcript(t) for t in children(el, "Transcript")),
    )


def _transcript(el: Element) -> RefiTranscript:
    points = []
    for p in children(el, "SyncPoint"):
        try:
            points.append((int(p.get("timeStamp") or ""), int(p.get("position") or "")))
        except ValueError:
            continue  # a sync point without time or position says nothing
    return RefiTranscript(
        guid=guid_of(el.get("guid")),
        name=el.get("name") or "",
        plain_text_path=el.get("plainTextPath") or "",
        content=_content(el),
        sync_points=tuple(points),
    )


def _content(el: Element) -> str | None:
    content = child(el, "PlainTextContent")
    return (content.text or "") if content is not None else None


def read_project(root: Element, path: str) -> RefiProject:
    """The whole project of a ``project.qde`` root element."""
    if local(root.tag) != "Project":
        raise ImportFailed("refi.root_not_project", file=path, root=local(root.tag))
    origin = root.get("origin") or ""
    users_el = child(root, "Users")
    users = tuple(
        RefiUser(guid_of(u.get("guid")), (u.get("name") or u.get("id") or "").strip())
        for u in (children(users_el, "User") if users_el is not None else [])
    )
    book_el = child(root, "CodeBook")
    codebook = (
        read_codebook_element(book_el, path, origin) if book_el is not None else RefiCodebook(origin, ())
    )
    variables_el = child(root, "Variables")
    variables = tuple(
        RefiVariable(
            guid_of(v.get("guid")),
            v.get("name") or "",
            v.get("typeOfVariable") or "Text",
            child_text(v, "Description"),
        )
        for v in (children(variables_el, "Variable") if variables_el is not None else [])
    )
    cases_el = child(root, "Cases")
    cases = tuple(
        RefiCase(guid_of(c.get("guid")), c.get("name") or "", _values(c), _refs(c, "SourceRef"))
        for c in (children(cases_el, "Case") if cases_el is not None else [])
    )
    sources_el = child(root, "Sources")
    sources = tuple(
        _source(s, path)
        for s in (sources_el if sources_el is not None else [])
        if local(s.tag) in SOURCE_KINDS
    )
    notes_el = child(root, "Notes")
    notes = tuple(
        RefiNote(
            guid=guid_of(n.get("guid")),
            name=n.get("name") or "",
            text=_content(n),
            plain_text_path=n.get("plainTextPath") or "",
            user=guid_of(n.get("creatingUser")) or None,
            created=n.get("creationDateTime"),
            modified=n.get("modifiedDateTime"),
        )
        for n in (children(notes_el, "Note") if notes_el is not None else [])
    )
    return RefiProject(
        name=root.get("name") or "",
        origin=origin,
        users=users,
        codebook=codebook,
        variables=variables,
        cases=cases,
        sources=sources,
        notes=notes,
        sets=_sets(root),
        project_notes=_refs(root, "NoteRef"),
    )
