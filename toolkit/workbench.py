"""What the coding workbench shows: a document's turns and codings as plain, JSON-ready data.

The browser component receives this and builds its DOM from text nodes only; offsets stay Python
code points into the stored text, the one meaning of an offset in this project.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from toolkit.blind import visibility
from toolkit.code_labels import code_name
from toolkit.codes import SEP, code_tree, find_code, list_codes
from toolkit.codes_edit import add_code, add_code_in
from toolkit.codings import add_coding, add_coding_in, get_coding, update_coding
from toolkit.documents import document_row
from toolkit.errors import InvalidValue, NotFound
from toolkit.i18n import Language
from toolkit.model import Coding
from toolkit.permissions import require_coder, require_lead
from toolkit.store import Store, cached_by_change, last_change

RECENT_LIMIT = 9


def format_timestamp(seconds: float | None) -> str:
    """``2919.0`` -> ``00:48:39``; None -> ''."""
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


@dataclass(frozen=True)
class ViewFilter:
    """Which codings and turns the workbench shows."""

    viewer: str
    show_others: bool = True
    speakers: Collection[str] = ()
    codes: Collection[str] = ()
    coders: Collection[str] = ()


def transcript_view(store: Store, document: str, view: ViewFilter) -> dict[str, Any]:
    """Turns and coding spans of a document for display, filtered; ``revision`` changes whenever
    the project changes or the filter does, so the browser updates only then. The result is shared
    until the project changes: do not mutate it."""
    key = (view.viewer, view.show_others, tuple(view.speakers), tuple(view.codes), tuple(view.coders))
    return _transcript_view(store, document, key)


@cached_by_change
def _transcript_view(store: Store, document: str, key: tuple[Any, ...]) -> dict[str, Any]:
    viewer, show_others, speakers, wanted, coders = key
    visible = visibility(store, viewer)
    doc = document_row(store, document)
    paths = {c.id: c for c in list_codes(store)}
    wanted_codes = {
        c.id for c in paths.values() if any(c.path == p or c.path.startswith(p + "/") for p in wanted)
    }
    turns = [
        {
            "speaker": speaker,
            "start": start,
            "end": end,
            "time": format_timestamp(stamp),
            "seconds": stamp,
            "seq": seq,
            "page": page,  # the PDF page the turn begins on (None for other formats)
        }
        for seq, speaker, start, end, stamp, page in store.conn.execute(
            'SELECT seq, speaker, start, "end", timestamp, page FROM turns '
            "WHERE document_id = ? ORDER BY seq",
            (doc["id"],),
        )
        if not speakers or speaker in speakers
    ]
    spans = []
    for guid, start, end, code_id, memo, version, coder, weight in store.conn.execute(
        'SELECT c.guid, c.start, c."end", c.code_id, c.memo, c.version, k.name, c.weight FROM codings c '
        'JOIN coders k ON k.id = c.coder_id WHERE c.document_id = ? ORDER BY c.start, c."end"',
        (doc["id"],),
    ):
        mine = coder == viewer
        if (not mine and not show_others) or (coders and coder not in coders):
            continue
        if not visible(coder):
            continue
        if wanted and code_id not in wanted_codes:
            continue
        code = paths[code_id]
        spans.append(
            {
                "guid": guid,
                "start": start,
                "end": end,
                "code": code.path,
                "name": code.name,
                "colour": code.colour or "#888888",
                "coder": coder,
                "mine": mine,
                "memo": bool(memo),
                "version": version,
                "weight": weight,  # 0 = none; shown in the margin's tooltip
            }
        )
    state = f"{doc['sha256']}|{last_change(store)}|{key!r}"
    return {
        "document": doc["name"],
        "turns": turns,
        "spans": spans,
        "text": doc["text"],
        "revision": hashlib.sha256(state.encode()).hexdigest()[:16],
        "revision_text": doc["sha256"][:16],
    }


def codings_at(view: dict[str, Any], position: int) -> list[dict[str, Any]]:
    """The shown codings that cover a character position (what a click on a highlight opens)."""
    return [s for s in view["spans"] if s["start"] <= position < s["end"]]


def recent_codes(store: Store, coder: str, *, limit: int = RECENT_LIMIT) -> list[str]:
    """Code paths the coder used most recently, newest first, for one-click and 1-9 shortcuts."""
    return list(_recent_codes(store, coder, limit))


@cached_by_change
def _recent_codes(store: Store, coder: str, limit: int) -> tuple[str, ...]:
    paths = {c.id: c.path for c in list_codes(store)}
    rows = store.query(
        "SELECT c.code_id, max(c.id) AS last FROM codings c JOIN coders k ON k.id = c.coder_id "
        "WHERE k.name = ? GROUP BY c.code_id ORDER BY last DESC LIMIT ?",
        (coder, limit),
    )
    return tuple(paths[r["code_id"]] for r in rows if r["code_id"] in paths)


def selection_text(store: Store, document: str, start: int, end: int) -> str:
    """The stored text of a selection, for showing it before it is coded."""
    text = str(document_row(store, document)["text"])
    return text[max(0, start) : max(0, min(end, len(text)))]


IN_VIVO_MAX = 60  # characters of a code name made from a selection


def in_vivo_name(text: str) -> str:
    """A code name from selected words (in-vivo coding): whitespace collapsed, quotes and
    punctuation at the ends dropped, '/' (the path separator) replaced, cut at a word boundary."""
    name = " ".join(text.replace("/", "-").split()).strip(" \"'„“”‚‘’«»,.;:!?()[]–-")
    if len(name) > IN_VIVO_MAX:
        name = name[:IN_VIVO_MAX].rsplit(" ", 1)[0].rstrip(" ,.;:–-")
    return name


def add_in_vivo_coding(
    store: Store, document: str, start: int, end: int, parent: str | None, name: str, *, coder: str
) -> Coding:
    """Create the code ``parent/name`` (in the parent's colour) and code the span with it, in one
    transaction: a refused code
    (a lead's right in team mode, a name taken) leaves no coding, a refused coding no code."""
    name = " ".join(name.split())
    if not name:
        raise InvalidValue("code.name_missing")
    if SEP in name:
        raise InvalidValue("code.name_has_separator", name=name, separator=SEP)
    require_lead(store, coder, "change the codebook")
    require_coder(store, coder, coder, "add codings")
    path = f"{parent.strip(SEP)}{SEP}{name}" if parent else name
    with store.write(coder) as w:
        # an unknown parent is an error here, not a new top-level code; the new code takes its colour
        colour = find_code(store, parent).colour if parent else ""
        add_code_in(w, path, colour=colour)
        guid = add_coding_in(w, document, start, end, find_code(w.store, path), coder)
    return get_coding(store, guid)


def code_counts(store: Store, document: str, viewer: str) -> dict[str, tuple[int, int]]:
    """Per code path: how many codings the viewer may see in ``document`` and in the project, each
    including the codings of its subcodes (the counts of the code tree panel)."""
    return dict(_code_counts(store, document, viewer))


@cached_by_change
def _code_counts(store: Store, document: str, viewer: str) -> tuple[tuple[str, tuple[int, int]], ...]:
    visible = visibility(store, viewer)
    doc_id = document_row(store, document)["id"]
    own: dict[int, list[int]] = {}
    for code_id, doc, coder, n in store.conn.execute(
        "SELECT c.code_id, c.document_id, k.name, count(*) FROM codings c JOIN coders k ON k.id = c.coder_id "
        "GROUP BY c.code_id, c.document_id, k.name"
    ):
        if visible(coder):
            counts = own.setdefault(code_id, [0, 0])
            counts[1] += n
            if doc == doc_id:
                counts[0] += n
    totals: dict[str, list[int]] = {}
    for code in code_tree(store):
        here = own.get(code.id, [0, 0])
        totals[code.path] = [here[0], here[1]]
    for path in sorted(totals, key=lambda p: -p.count(SEP)):  # children before parents
        parent = path.rsplit(SEP, 1)[0] if SEP in path else None
        if parent in totals:
            totals[parent][0] += totals[path][0]
            totals[parent][1] += totals[path][1]
    return tuple((p, (d, a)) for p, (d, a) in totals.items())


@dataclass(frozen=True)
class Link:
    """Where a deep link into Kodieren points: a document, a span in it, and in single-user mode
    the coder to code as."""

    document: str
    start: int | None
    end: int | None
    coder: str | None


def parse_link(params: Mapping[str, str], documents: Collection[str], text_length: int | None = None) -> Link:
    """Read ``doc``, ``start``, ``end`` and ``coder`` from a URL's query (``/?doc=interview&start=10&
    end=42&coder=anna``); a document that does not exist or offsets that are not a span of it are
    refused with a message naming the value."""
    name = str(params.get("doc", "")).strip()
    if name not in documents:
        raise NotFound("link.document_not_found", document=name)
    start = end = None
    if params.get("start") is not None or params.get("end") is not None:
        try:
            start, end = int(str(params.get("start"))), int(str(params.get("end")))
        except ValueError:
            raise InvalidValue(
                "link.offsets_not_numbers", start=params.get("start"), end=params.get("end")
            ) from None
        if not 0 <= start < end or (text_length is not None and end > text_length):
            raise InvalidValue("link.span_outside", start=start, end=end, document=name)
    coder = str(params["coder"]).strip() if params.get("coder") else None
    return Link(name, start, end, coder)


def tree_rows(
    store: Store, document: str, viewer: str, lang: Language = "de"
) -> list[tuple[str, str, str, int, int, int, bool]]:
    """The code tree panel, in tree order: ``(path, name, colour, depth, codings in the document,
    codings in the project, has subcodes)``; the name in ``lang`` (``name_en`` in English where the
    codebook has it), the path the codebook's; counts are what the viewer may see, subcodes included."""
    codes = code_tree(store)
    counts = code_counts(store, document, viewer)
    parents = {c.parent_id for c in codes}
    return [
        (c.path, code_name(c, lang), c.colour or "", c.depth, *counts.get(c.path, (0, 0)), c.id in parents)
        for c in codes
    ]


@dataclass(frozen=True)
class OpResult:
    """What one op from the workbench did: its kind and the code and span it left."""

    kind: str
    code_path: str
    start: int | None = None
    end: int | None = None
    guid: str | None = None


def run_op(store: Store, op: Mapping[str, Any], *, coder: str, document: str) -> OpResult:
    """Carry out one op the browser sent: ``assign`` (a code to a span), ``invivo`` (a new code
    from the selected words, applied to them), ``code`` (a new code under a parent) or ``adjust``
    (a coding's new extent; ``version`` guards against a change by someone else). ``doc`` in the op
    wins over ``document``: the op belongs to the document it was made in."""
    kind = op.get("kind")
    doc = str(op.get("doc") or document)
    if kind == "assign":
        made = add_coding(store, doc, int(op["start"]), int(op["end"]), str(op["code"]), coder=coder)
        return OpResult("assign", made.code_path, made.start, made.end, made.guid)
    if kind == "invivo":
        parent = str(op.get("parent") or "") or None
        made = add_in_vivo_coding(
            store, doc, int(op["start"]), int(op["end"]), parent, str(op["name"]), coder=coder
        )
        return OpResult("invivo", made.code_path, made.start, made.end, made.guid)
    if kind == "code":
        name = " ".join(str(op.get("name") or "").split())
        if not name or SEP in name:
            raise InvalidValue("code.name_empty_or_separator", name=name, separator=SEP)
        parent = str(op.get("parent") or "")
        code = add_code(store, f"{parent}{SEP}{name}" if parent else name, actor=coder)
        return OpResult("code", code.path)
    if kind == "adjust":
        changed = update_coding(
            store,
            str(op["guid"]),
            actor=coder,
            expected_version=int(op["version"]),
            start=int(op["start"]),
            end=int(op["end"]),
        )
        return OpResult("adjust", changed.code_path, changed.start, changed.end, changed.guid)
    raise InvalidValue("workbench.unknown_op", op=kind)


def span_window(store: Store, document: str, start: int, end: int, *, around: int = 400) -> tuple[int, str]:
    """The text to pick a new extent for the span ``start``-``end`` in: the turn(s) around it, at
    most ``around`` characters on each side, uncut by ellipses so that offsets stay exact. Returns
    ``(offset of the window in the document, window text)``."""
    text = str(document_row(store, document)["text"])
    if not 0 <= start < end <= len(text):
        raise InvalidValue("span.outside", start=start, end=end, document=document, length=len(text))
    lo, hi = start, end
    for turn_start, turn_end in store.conn.execute(
        'SELECT t.start, t."end" FROM turns t JOIN documents d ON d.id = t.document_id '
        'WHERE d.name = ? AND t.start < ? AND t."end" > ?',
        (document, end, start),
    ):
        lo, hi = min(lo, turn_start), max(hi, turn_end)
    lo, hi = max(lo, start - around), min(hi, end + around)
    return lo, text[lo:hi]
