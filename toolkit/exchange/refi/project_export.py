"""The project as a ``.qdpx`` file: every document as ``sources/<GUID>.txt`` (the stored text, UTF-8)
and positions in code points of that text, so import(export(project)) gives back the same offsets.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from toolkit.document_sets import SetMembers, sets_with_guids
from toolkit.exchange.refi.cases import (
    case_codes,
    case_guid,
    case_selections,
    speaker_turns,
)
from toolkit.exchange.refi.codebook import (
    ORIGIN,
    code_elements,
    xml_bytes,
)
from toolkit.exchange.refi.common import (
    PROJECT_NS,
    SET_SEPARATOR,
    SETS_ATTRIBUTE,
    stable_guid,
    xsd_time,
)
from toolkit.exchange.refi.media import media_sources, write_media
from toolkit.permissions import require_lead
from toolkit.store import Store


def _sub(parent: Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> Element:
    el = SubElement(parent, tag, {k: v for k, v in (attrs or {}).items() if v})
    if text is not None:
        el.text = text
    return el


def project_xml(store: Store, *, unique_names: bool = False, case_segments: bool = False) -> bytes:
    """The ``project.qde`` of the project (valid against ``Project.xsd``); ``unique_names``: code
    names unique across the codebook, for QualCoder (see ``unique_code_names``); ``case_segments``:
    every speaker a case with its turns, as QualCoder reads them (see :mod:`.cases`)."""
    q = store.query
    coders = {r["id"]: r for r in q("SELECT id, guid, name FROM coders ORDER BY name")}
    root = Element(
        "Project",
        {"name": Path(store.path).stem or "project", "origin": ORIGIN},
    )
    if coders:
        users = _sub(root, "Users")
        for c in coders.values():
            _sub(users, "User", {"guid": c["guid"], "name": c["name"]})
    memos = q("SELECT * FROM memos ORDER BY created_at, id")
    code_notes: defaultdict[int, list[str]] = defaultdict(list)
    doc_notes: defaultdict[int, list[str]] = defaultdict(list)
    project_notes: list[str] = []
    for m in memos:
        if m["code_id"] is not None:
            code_notes[m["code_id"]].append(m["guid"])
        elif m["document_id"] is not None:
            doc_notes[m["document_id"]].append(m["guid"])
        else:
            project_notes.append(m["guid"])
    docs = q("SELECT id, guid, name, imported_at FROM documents ORDER BY name")
    turns = speaker_turns(store) if case_segments else {}
    case_list = [
        (case_guid(d["guid"], speaker), f"{d['name']}: {speaker}")
        for d in docs
        for speaker in turns.get(d["id"], {})
    ]
    if q("SELECT 1 AS x FROM codes LIMIT 1") or case_list:
        codes_el = _sub(_sub(root, "CodeBook"), "Codes")
        code_elements(codes_el, store, notes_of=code_notes, unique_names=unique_names)
        case_codes(codes_el, case_list)
    attrs: defaultdict[int, dict[str, str]] = defaultdict(dict)
    for a in q("SELECT document_id, name, value FROM document_attributes ORDER BY name"):
        attrs[a["document_id"]][a["name"]] = a["value"]
    speaker_attrs: defaultdict[int, dict[str, dict[str, str]]] = defaultdict(dict)
    for a in q("SELECT document_id, speaker, name, value FROM speaker_attributes ORDER BY speaker, name"):
        speaker_attrs[a["document_id"]].setdefault(a["speaker"], {})[a["name"]] = a["value"]
    variable_names = sorted(
        {n for values in attrs.values() for n in values if n != SETS_ATTRIBUTE}
        | {n for speakers in speaker_attrs.values() for values in speakers.values() for n in values}
    )
    labels = {r["name"]: r["label"] for r in q("SELECT name, label FROM attribute_definitions")}
    if variable_names:
        variables = _sub(root, "Variables")
        for n in variable_names:
            var = _sub(
                variables,
                "Variable",
                {"guid": stable_guid("variable", n), "name": n, "typeOfVariable": "Text"},
            )
            if labels.get(n):
                _sub(var, "Description", text=labels[n])
    if speaker_attrs or case_list:  # a speaker with attributes (or turns) is a case "<doc>: <speaker>"
        cases = _sub(root, "Cases")
        for d in docs:
            speakers = dict(speaker_attrs.get(d["id"], {}))
            for speaker in turns.get(d["id"], {}):
                speakers.setdefault(speaker, {})
            for speaker, values in speakers.items():
                case = _sub(
                    cases,
                    "Case",
                    {
                        "guid": case_guid(d["guid"], speaker),
                        "name": f"{d['name']}: {speaker}",
                    },
                )
                for n, value in values.items():
                    vv = _sub(case, "VariableValue")
                    _sub(vv, "VariableRef", {"targetGUID": stable_guid("variable", n)})
                    _sub(vv, "TextValue", text=value)
                _sub(case, "SourceRef", {"targetGUID": d["guid"]})
    codings: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    code_guid = {r["id"]: r["guid"] for r in q("SELECT id, guid FROM codes")}
    for c in q('SELECT * FROM codings ORDER BY document_id, start, "end", code_id, coder_id'):
        codings[c["document_id"]].append(c)
    sets: defaultdict[str, list[str]] = defaultdict(list)
    if docs:
        sources = _sub(root, "Sources")
        for d in docs:
            src = _sub(
                sources,
                "TextSource",
                {
                    "guid": d["guid"],
                    "name": d["name"],
                    "plainTextPath": f"internal://{d['guid']}.txt",
                    "creationDateTime": xsd_time(d["imported_at"]),
                },
            )
            for c in codings[d["id"]]:
                user = coders[c["coder_id"]]["guid"]
                sel = _sub(
                    src,
                    "PlainTextSelection",
                    {
                        "guid": stable_guid("selection", c["guid"]),
                        "startPosition": str(c["start"]),
                        "endPosition": str(c["end"]),
                        "creatingUser": user,
                        "creationDateTime": xsd_time(c["created_at"]),
                        "modifiedDateTime": xsd_time(c["updated_at"]),
                    },
                )
                if c["memo"]:
                    _sub(sel, "Description", text=c["memo"])
                coding = _sub(
                    sel,
                    "Coding",
                    {"guid": c["guid"], "creatingUser": user, "creationDateTime": xsd_time(c["created_at"])},
                )
                _sub(coding, "CodeRef", {"targetGUID": code_guid[c["code_id"]]})
            if turns.get(d["id"]):
                first_user = next(iter(coders.values()))["guid"] if coders else None
                case_selections(src, d["guid"], turns[d["id"]], first_user)
            for note_guid in doc_notes[d["id"]]:
                _sub(src, "NoteRef", {"targetGUID": note_guid})
            for n, value in attrs[d["id"]].items():
                if n == SETS_ATTRIBUTE:
                    for set_name in value.split(SET_SEPARATOR.strip()):
                        if set_name.strip():
                            sets[set_name.strip()].append(d["guid"])
                    continue
                vv = _sub(src, "VariableValue")
                _sub(vv, "VariableRef", {"targetGUID": stable_guid("variable", n)})
                _sub(vv, "TextValue", text=value)
        media_sources(store, sources, docs, stable_guid)  # recordings with sync points (issue 21)
    if memos:
        notes_el = _sub(root, "Notes")
        for m in memos:
            coder = coders.get(m["coder_id"]) if m["coder_id"] is not None else None
            note = _sub(
                notes_el,
                "Note",
                {
                    "guid": m["guid"],
                    "name": m["title"],
                    "creatingUser": coder["guid"] if coder else "",
                    "creationDateTime": xsd_time(m["created_at"]),
                    "modifiedDateTime": xsd_time(m["updated_at"]),
                },
            )
            _sub(note, "PlainTextContent", text=m["text"])
    all_sets = _all_sets(store, sets)
    if all_sets:
        sets_el = _sub(root, "Sets")
        for one in all_sets:
            s = _sub(sets_el, "Set", {"guid": one.guid, "name": one.name})
            for guid in one.documents:
                _sub(s, "MemberSource", {"targetGUID": guid})
    for note_guid in project_notes:
        _sub(root, "NoteRef", {"targetGUID": note_guid})
    return xml_bytes(root, PROJECT_NS)


def _all_sets(store: Store, from_attribute: dict[str, list[str]]) -> list[SetMembers]:
    """The project's document sets (by name, with their GUIDs), and the sets older projects kept in
    the document attribute ``sets`` (after them, in order of first use); a name in both is one set
    with the members of both."""
    out = {s.name: s for s in sets_with_guids(store)}
    for name, docs in from_attribute.items():
        known = out.get(name)
        if known is None:
            out[name] = SetMembers(stable_guid("set", name), name, tuple(docs))
        else:
            extra = tuple(d for d in docs if d not in known.documents)
            out[name] = SetMembers(known.guid, name, known.documents + extra)
    return list(out.values())


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def export_project(
    store: Store, *, actor: str | None = None, unique_names: bool = False, case_segments: bool = False
) -> bytes:
    """The project as ``.qdpx`` bytes: ``project.qde`` and ``sources/<GUID>.txt`` per document.
    The same project gives the same bytes. It holds every coder's codings, so in team mode only a
    lead may export it (checked when ``actor`` is given). ``unique_names``: every code name unique
    (QualCoder merges codes of the same name); ``case_segments``: speakers as cases with their
    turns, in QualCoder's convention (see :mod:`toolkit.exchange.refi.cases`)."""
    if actor is not None:
        require_lead(store, actor, "export the project with every coder's codings")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(
            _member("project.qde"), project_xml(store, unique_names=unique_names, case_segments=case_segments)
        )
        for d in store.query("SELECT guid, text FROM documents ORDER BY name"):
            zf.writestr(_member(f"sources/{d['guid']}.txt"), d["text"].encode("utf-8"))
        write_media(store, zf, _member)
    return buffer.getvalue()
