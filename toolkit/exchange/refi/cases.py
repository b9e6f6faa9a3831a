"""Speaker cases with their segments, in the convention QualCoder reads.

REFI-QDA has no place for the text segments of a case: a ``Case`` lists whole sources
(``SourceRef``), and QualCoder's importer ignores those of a named case. What QualCoder does read
(``clean_up_case_codes_and_case_text`` in its ``refi.py``): a ``Code`` with the same GUID as a
``Case``, whose codings become the case's segments, after which the code is removed. So an export
with ``case_segments`` writes, for every speaker of every document, a case ``<document>: <speaker>``,
a top-level code with the case's GUID and name, and one coded selection per turn of the speaker.
Other tools show those codes as ordinary codes, so this is opt-in. On import here, codes that share
a case's GUID and their codings are recognised and left out (the turns come with the text).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from xml.etree.ElementTree import Element, SubElement

from toolkit.exchange.refi.common import stable_guid
from toolkit.exchange.refi.model import RefiProject
from toolkit.store import Store


def case_guid(document_guid: str, speaker: str) -> str:
    """The stable GUID of the case of ``speaker`` in a document (also the GUID of its code)."""
    return stable_guid("case", f"{document_guid}:{speaker}")


def speaker_turns(store: Store) -> dict[int, dict[str, list[tuple[int, int, int]]]]:
    """Document id -> speaker -> its turns as ``(seq, start, end)``, in document order."""
    out: defaultdict[int, dict[str, list[tuple[int, int, int]]]] = defaultdict(dict)
    for t in store.query(
        'SELECT document_id, seq, speaker, start, "end" FROM turns ORDER BY document_id, seq'
    ):
        if t["speaker"].strip() and t["end"] > t["start"]:
            out[t["document_id"]].setdefault(t["speaker"], []).append((t["seq"], t["start"], t["end"]))
    return dict(out)


def case_codes(codes: Element, cases: list[tuple[str, str]]) -> None:
    """One top-level code per case (``(guid, name)``) under the ``Codes`` element."""
    for guid, name in cases:
        SubElement(codes, "Code", {"guid": guid, "name": name, "isCodable": "true"})


def case_selections(
    source: Element, document_guid: str, turns: dict[str, list[tuple[int, int, int]]], user: str | None
) -> None:
    """A selection per turn of each speaker in the ``TextSource``, coded with the speaker's case code."""
    user_attr = {"creatingUser": user} if user else {}
    for speaker, spans in turns.items():
        code = case_guid(document_guid, speaker)
        for seq, start, end in spans:
            key = f"{document_guid}:{seq}"
            sel = SubElement(
                source,
                "PlainTextSelection",
                {
                    "guid": stable_guid("case-selection", key),
                    "name": speaker,
                    "startPosition": str(start),
                    "endPosition": str(end),
                    **user_attr,
                },
            )
            coding = SubElement(sel, "Coding", {"guid": stable_guid("case-coding", key), **user_attr})
            SubElement(coding, "CodeRef", {"targetGUID": code})


def without_case_codes(project: RefiProject) -> tuple[RefiProject, int]:
    """The project without codes that share a case's GUID and without their codings; and how many
    codings (case segments) were left out."""
    cases = {c.guid for c in project.cases}
    dropped = {c.guid for c in project.codebook.codes if c.guid in cases}
    if not dropped:
        return project, 0
    changed = True
    while changed:  # and codes below them
        below = {c.guid for c in project.codebook.codes if c.parent in dropped} - dropped
        changed = bool(below)
        dropped |= below
    codes = tuple(c for c in project.codebook.codes if c.guid not in dropped)
    segments = 0
    sources = []
    for src in project.sources:
        selections = []
        for sel in src.selections:
            kept = tuple(c for c in sel.codings if c.code not in dropped)
            segments += len(sel.codings) - len(kept)
            if kept or not sel.codings:
                selections.append(dataclasses.replace(sel, codings=kept))
        sources.append(dataclasses.replace(src, selections=tuple(selections)))
    book = dataclasses.replace(project.codebook, codes=codes)
    return dataclasses.replace(project, codebook=book, sources=tuple(sources)), segments
