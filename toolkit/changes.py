"""Recent changes of codings from the event log, each with the place it concerns: the coding's span
as it is now, or, for a coding deleted since, the span it had. For history lists that link every
entry to its place in the transcript."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolkit.audit import history
from toolkit.codes import list_codes
from toolkit.store import Store

ACTIONS = ("add", "update", "delete", "undo", "redo")


@dataclass(frozen=True)
class CodingChange:
    """One change of a coding, newest first in :func:`coding_changes`."""

    event_id: int
    at: str  # ISO time (UTC)
    actor: str
    action: str  # add, update, delete, undo, redo
    code: str  # path; "" when no longer known
    coder: str
    document: str  # "" when the document is gone
    start: int | None
    end: int | None
    exists: bool  # the coding is still there (start/end are its span now)


def _placed(store: Store, guids: list[str]) -> dict[str, dict[str, Any]]:
    if not guids:
        return {}
    marks = ", ".join("?" for _ in guids)
    rows = store.query(
        f"""SELECT c.guid, d.name AS document, c.start, c."end", c.code_id, r.name AS coder
            FROM codings c JOIN documents d ON d.id = c.document_id JOIN coders r ON r.id = c.coder_id
            WHERE c.guid IN ({marks})""",
        tuple(guids),
    )
    return {r["guid"]: r for r in rows}


def _names(store: Store, table: str, column: str) -> dict[int, str]:
    return {r["id"]: r[column] for r in store.query(f"SELECT id, {column} FROM {table}")}


def coding_changes(store: Store, *, limit: int = 30, document: str | None = None) -> list[CodingChange]:
    """The newest ``limit`` changes of codings (of ``document`` if given), newest first."""
    events = [
        e for e in history(store, entity="coding", document=document, limit=limit) if e["action"] in ACTIONS
    ]
    now = _placed(store, [e["guid"] for e in events if e["guid"]])
    docs, coders = _names(store, "documents", "name"), _names(store, "coders", "name")
    codes = {c.id: c.path for c in list_codes(store)}
    out = []
    for e in events:
        row = now.get(e["guid"])
        if row is not None:
            row = {**row, "code": codes.get(row["code_id"], "")}
        else:  # deleted since: the span it had, from the event
            p = e["payload"]
            old = p.get("before") or p.get("row") or {}
            start, end = p.get("start", old.get("start")), p.get("end", old.get("end"))
            row = {
                "document": p.get("document") or docs.get(old.get("document_id", -1), ""),
                "start": start if isinstance(start, int) else None,
                "end": end if isinstance(end, int) else None,
                "code": p.get("code") or codes.get(old.get("code_id", -1), ""),
                "coder": p.get("coder") or coders.get(old.get("coder_id", -1), ""),
            }
            if row["document"] not in docs.values():
                row["document"] = ""
        out.append(
            CodingChange(
                event_id=e["id"],
                at=e["at"],
                actor=e["actor"],
                action=e["action"],
                code=str(row["code"] or ""),
                coder=str(row["coder"] or ""),
                document=str(row["document"] or ""),
                start=row["start"],
                end=row["end"],
                exists=e["guid"] in now,
            )
        )
    return out
