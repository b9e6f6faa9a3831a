"""``.qdpx`` projects (a zip of ``project.qde`` and ``sources/``) into the project.

Import is one transaction: a file that cannot be read changes nothing; a source whose text is
missing, or that is not text (PDF, picture, audio, video), is reported and the rest imported.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path, PurePosixPath
from typing import Any

from toolkit.coders import coder_id
from toolkit.codes import code_tree
from toolkit.codings import NewCoding, insert_codings
from toolkit.document_sets import merge_set_in
from toolkit.documents import check_attribute, import_parsed
from toolkit.errors import ImportFailed, InvalidValue
from toolkit.exchange.refi.cases import (
    without_case_codes,
)
from toolkit.exchange.refi.codebook import (
    import_codebook,
    load_refi_codebook,
)
from toolkit.exchange.refi.common import (
    refi_time,
    stable_guid,
)
from toolkit.exchange.refi.media import import_media, is_media
from toolkit.exchange.refi.model import DryRun, ImportReport, RefiProject, RefiSource
from toolkit.exchange.refi.positions import PositionMap, position_unit
from toolkit.exchange.refi.reader import read_project
from toolkit.exchange.refi.safety import Archive, open_archive, parse_xml
from toolkit.importers.normalize import decode
from toolkit.importers.turns import detect_turns
from toolkit.model import ParsedDocument
from toolkit.permissions import require_lead
from toolkit.store import Store, Writer, new_guid, now

MAX_WARNINGS = 200


def _warn(report: ImportReport, message: str) -> None:
    if len(report.warnings) < MAX_WARNINGS:
        report.warnings.append(message)
    elif len(report.warnings) == MAX_WARNINGS:
        report.warnings.append("more warnings were left out")


def _read_source(source: str | Path | bytes, name: str) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, name or "<project.qdpx>"
    try:
        return Path(source).read_bytes(), str(source)
    except OSError as exc:
        raise ImportFailed("import.cannot_read", file=str(source), reason=exc.strerror) from None


def _member_for(archive: Archive, plain_text_path: str) -> str | None:
    ref = plain_text_path.strip()
    if ref.lower().startswith("internal://"):
        ref = ref[len("internal://") :]
    base = PurePosixPath(ref.replace("\\", "/")).name
    return archive.find(base=base) if base else None


def _source_name(src: RefiSource) -> str:
    if src.name.strip():
        return src.name.strip()
    ref = src.plain_text_path.replace("\\", "/")
    stem = PurePosixPath(ref.split("://", 1)[-1]).stem
    return stem or src.guid


def _texts(archive: Archive, project: RefiProject, unit: str, report: ImportReport) -> dict[str, PositionMap]:
    """The text of every text source, by source GUID; what is missing or not text is reported."""
    out: dict[str, PositionMap] = {}
    for src in project.sources:
        label = _source_name(src)
        if src.kind != "TextSource":
            if not is_media(src):  # audio and video: see toolkit.exchange.refi.media
                report.skipped_sources.append(f"{label} ({src.kind}: only text sources are imported)")
            continue
        if src.content is not None and src.content.strip():
            raw, where = src.content, f"{archive.path}: {label}"
        else:
            member = _member_for(archive, src.plain_text_path) if src.plain_text_path else None
            if member is None:
                report.missing_sources.append(
                    f"{label} ({src.plain_text_path or 'no plainTextPath and no PlainTextContent'})"
                )
                continue
            where = f"{archive.path}: {member}"
            try:
                raw = decode(archive.read(member), where)
            except ImportFailed as exc:
                report.missing_sources.append(f"{label} ({exc.problem})")
                continue
        try:
            out[src.guid] = PositionMap(raw, unit, where)
        except ImportFailed as exc:
            report.missing_sources.append(f"{label} ({exc.problem})")
            continue
        if not out[src.guid].exact:
            _warn(report, f"{label}: the text changed under Unicode normalisation; positions are approximate")
    return out


def _coders(w: Writer, project: RefiProject, report: ImportReport) -> dict[str, int]:
    out: dict[str, int] = {}
    for user in project.users:
        name = user.name or f"user-{user.guid[:8].lower()}"
        row = w.store.one("SELECT id FROM coders WHERE name = ?", (name,))
        if row:
            out[user.guid] = int(row["id"])
            continue
        guid = (
            user.guid
            if user.guid and not w.store.one("SELECT 1 AS x FROM coders WHERE guid = ?", (user.guid,))
            else new_guid()
        )
        out[user.guid] = w.insert("coders", {"guid": guid, "name": name, "created_at": now()})
        w.event("add", "coder", guid, {"name": name, "origin": "refi"})
        report.coders_added += 1
    return out


Attributes = dict[str, dict[str, str]]
SpeakerAttributes = dict[str, dict[str, dict[str, str]]]


def _attributes(project: RefiProject) -> tuple[Attributes, SpeakerAttributes]:
    """Source GUID -> {attribute: value}, from variables of sources and cases; and
    source GUID -> {speaker: {attribute: value}} from cases named ``<source name>: <speaker>``
    that refer to that one source (how speakers are exported)."""
    names = {v.guid: v.name for v in project.variables}
    sources = {src.guid: src for src in project.sources}
    out: defaultdict[str, dict[str, str]] = defaultdict(dict)
    speakers: defaultdict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for case in project.cases:
        values = {names[var]: value.strip() for var, value in case.values if var in names and value.strip()}
        if len(case.sources) == 1 and case.sources[0] in sources:
            prefix = f"{_source_name(sources[case.sources[0]])}: "
            speaker = case.name[len(prefix) :].strip() if case.name.startswith(prefix) else ""
            if speaker:
                speakers[case.sources[0]].setdefault(speaker, {}).update(values)
                continue
        for member in case.sources:
            out[member].update(values)
    for src in project.sources:
        for var, value in src.values:
            if var in names and value.strip():
                out[src.guid][names[var]] = value.strip()
    return dict(out), dict(speakers)


def _document_sets(w: Writer, project: RefiProject, docs: dict[str, int], report: ImportReport) -> None:
    """``<Sets>`` with ``<MemberSource>`` as document sets (found by GUID or name, else created);
    a set here keeps every document it has. Sets of codes only are the codebook's (not kept)."""
    for s in project.sets:
        if s.codes and not s.sources:
            continue
        try:
            created, added = merge_set_in(
                w, s.guid or stable_guid("set", s.name), s.name, [docs[g] for g in s.sources if g in docs]
            )
        except InvalidValue as exc:
            _warn(report, f"set {s.name!r} left out: {exc}")
            continue
        report.sets_created += created
        report.set_members_added += added


def _speaker_attributes(
    w: Writer, doc_id: int, doc: ParsedDocument, values: dict[str, dict[str, str]], report: ImportReport
) -> None:
    """Speaker attributes of a newly imported document (speakers its turns have)."""
    for speaker, attrs in values.items():
        for key, value in attrs.items():
            try:
                check_attribute(w.store, key, value, "speaker")
            except InvalidValue as exc:
                _warn(report, f"{doc.name}, {speaker}: attribute left out: {exc}")
                continue
            w.insert(
                "speaker_attributes", {"document_id": doc_id, "speaker": speaker, "name": key, "value": value}
            )
            w.event(
                "set",
                "attribute",
                None,
                {"document": doc.name, "speaker": speaker, "name": key, "value": value, "origin": "refi"},
            )
            report.attributes_set += 1


def _documents(
    w: Writer,
    project: RefiProject,
    texts: dict[str, PositionMap],
    attributes: tuple[Attributes, SpeakerAttributes],
    report: ImportReport,
    path: str,
) -> dict[str, int]:
    out: dict[str, int] = {}
    store = w.store
    for src in project.sources:
        pmap = texts.get(src.guid)
        if pmap is None:
            continue
        text = pmap.text
        same = store.one("SELECT id FROM documents WHERE text = ?", (text,))
        if same:
            out[src.guid] = int(same["id"])
            report.documents_present += 1
            continue
        name = _source_name(src)
        turns = tuple(detect_turns(text))
        speakers = {t.speaker for t in turns}
        candidates = dict(attributes[0].get(src.guid, {}))
        speaker_values = {}
        for speaker, values in attributes[1].get(src.guid, {}).items():
            if speaker in speakers:
                speaker_values[speaker] = values
            else:  # a case named like a speaker the text does not have: the document's case
                candidates = {**values, **candidates}
        attrs: dict[str, str] = {}
        for key, value in candidates.items():
            try:
                check_attribute(store, key, value, "document")
            except InvalidValue as exc:
                _warn(report, f"{name}: attribute left out: {exc}")
                continue
            attrs[key] = value
        doc = ParsedDocument(
            name=name,
            text=text,
            turns=turns,
            source_format="refi",
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )
        result = import_parsed(w, doc, attributes=attrs, source_name=f"{Path(path).name}: {name}")
        row = store.one("SELECT id FROM documents WHERE name = ?", (result.document,))
        assert row is not None
        out[src.guid] = int(row["id"])
        if result.imported:
            report.documents_imported += 1
            report.attributes_set += len(attrs)
            _speaker_attributes(w, out[src.guid], doc, speaker_values, report)
        else:
            report.documents_present += 1
    return out


def _note_texts(archive: Archive, project: RefiProject, report: ImportReport) -> dict[str, str]:
    out: dict[str, str] = {}
    for note in project.notes:
        if note.text is not None:
            out[note.guid] = note.text
            continue
        member = _member_for(archive, note.plain_text_path) if note.plain_text_path else None
        try:
            out[note.guid] = decode(archive.read(member), member) if member else ""
        except ImportFailed as exc:
            out[note.guid] = ""
            _warn(report, f"note {note.name or note.guid}: its text cannot be read ({exc.problem})")
        if not member and note.plain_text_path:
            _warn(report, f"note {note.name or note.guid}: {note.plain_text_path} is not in the archive")
    return out


def _codings(
    w: Writer,
    project: RefiProject,
    texts: dict[str, PositionMap],
    docs: dict[str, int],
    codes: dict[str, int],
    coders: dict[str, int],
    notes: dict[str, str],
    report: ImportReport,
) -> set[str]:
    """Add the codings through the one write path in bulk (:func:`toolkit.codings.insert_codings`;
    those the project has already are skipped); returns the GUIDs of notes that became coding memos."""
    store = w.store
    code_rows = {c.id: c for c in code_tree(store)}
    coder_names: dict[int, str] = {}

    def coder_name(cid: int) -> str:
        if cid not in coder_names:
            row = store.one("SELECT name FROM coders WHERE id = ?", (cid,))
            coder_names[cid] = str(row["name"]) if row else ""
        return coder_names[cid]

    default_coder: int | None = None
    items: list[NewCoding] = []
    item_notes: list[list[str]] = []
    for src in project.sources:
        if src.guid not in docs or not src.selections:
            continue
        pmap = texts[src.guid]
        doc_id = docs[src.guid]
        for sel in src.selections:
            if not sel.codings:
                continue
            span = pmap.span(sel.start, sel.end)
            if span is None:
                _warn(
                    report,
                    f"{_source_name(src)}: selection {sel.start}-{sel.end} lies outside the text "
                    f"(0-{pmap.length}) or is empty; its {len(sel.codings)} coding(s) were left out",
                )
                continue
            start, end = span
            for coding in sel.codings:
                code_id = codes.get(coding.code)
                if code_id is None:
                    _warn(
                        report, f"coding {coding.guid} refers to code {coding.code}, which the codebook lacks"
                    )
                    continue
                user = coding.user or sel.user
                if user and user not in coders:  # a user the file does not list
                    coders[user] = coder_id(w, f"user-{user[:8].lower()}")
                    _warn(
                        report, f"user {user} is not in the file's user list; coder user-{user[:8].lower()}"
                    )
                cid = coders.get(user) if user else None
                if cid is None:  # nobody named: the importing user
                    if default_coder is None:
                        default_coder = coder_id(w, w.actor)
                    cid = default_coder
                memo_parts = [sel.description] if sel.description.strip() else []
                used = [n for n in (*sel.notes, *coding.notes)]
                memo_parts += [notes[n] for n in used if notes.get(n, "").strip()]
                created = refi_time(coding.created) or refi_time(sel.created) or now()
                items.append(
                    NewCoding(
                        doc_id,
                        code_rows[code_id],
                        coder_name(cid),
                        start,
                        end,
                        memo="\n\n".join(memo_parts),
                        origin="refi",
                        guid=coding.guid,
                        created_at=created,
                        updated_at=refi_time(sel.modified) or created,
                    )
                )
                item_notes.append(used)
    added = insert_codings(w, items, action="import", present="skip")
    report.codings_imported += sum(guid is not None for guid in added)
    report.codings_present += sum(guid is None for guid in added)
    return {n for guid, used in zip(added, item_notes, strict=True) if guid is not None for n in used}


def _memos(
    w: Writer,
    project: RefiProject,
    docs: dict[str, int],
    codes: dict[str, int],
    coders: dict[str, int],
    notes: dict[str, str],
    used: set[str],
    report: ImportReport,
) -> None:
    doc_of = {n: docs.get(src.guid) for src in project.sources for n in src.notes}
    code_of = {n: codes.get(c.guid) for c in project.codebook.codes for n in c.notes}
    taken = {r["guid"] for r in w.store.query("SELECT guid FROM memos")}
    for note in project.notes:
        if note.guid in used and note.guid not in doc_of and note.guid not in code_of:
            continue
        if note.guid in taken:
            continue  # imported before
        created = refi_time(note.created) or now()
        guid = note.guid or new_guid()
        row: dict[str, Any] = {
            "guid": guid,
            "coder_id": coders.get(note.user) if note.user else None,
            "document_id": doc_of.get(note.guid),
            "code_id": code_of.get(note.guid),
            "title": note.name,
            "text": notes.get(note.guid, ""),
            "created_at": created,
            "updated_at": refi_time(note.modified) or created,
        }
        w.insert("memos", row)
        w.event("import", "memo", guid, {k: v for k, v in row.items() if k != "guid"})
        taken.add(guid)
        report.memos_imported += 1


def read_qdpx(data: bytes, path: str) -> tuple[Archive, RefiProject]:
    """Open a ``.qdpx`` archive and parse its ``.qde`` (named ``project.qde`` or after the project)."""
    archive = open_archive(data, path)
    qde = archive.find(base="project.qde") or archive.find(suffix=".qde")
    if qde is None:
        raise ImportFailed("refi.no_project_qde", file=path)
    return archive, read_project(parse_xml(archive.read(qde), f"{path}: {qde}"), path)


def _plain_report(report: ImportReport) -> dict[str, object]:
    """The report's counts and lists for the event log (the per-code plan stays out)."""
    return {k: v for k, v in vars(report).items() if k != "codebook"}


def import_project(
    store: Store, source: str | Path | bytes, *, actor: str, name: str = "", dry_run: bool = False
) -> ImportReport:
    """Import a ``.qdpx`` project (a path, or bytes and their file ``name``) in one transaction:
    codes, coders, text documents with their attributes, codings, memos. Leads only in team mode.
    ``dry_run``: do everything, report it, and roll it back."""
    require_lead(store, actor, "import a project")
    data, path = _read_source(source, name)
    archive, project = read_qdpx(data, path)
    project, case_segments = without_case_codes(project)
    unit = position_unit(project.origin)
    report = ImportReport(origin=project.origin, position_unit=unit, dry_run=dry_run)
    if case_segments:
        report.warnings.append(
            f"{case_segments} case segments (codes with a case's GUID, as QualCoder reads them) were "
            "not imported as codings; speakers come with the turns of the text"
        )
    texts = _texts(archive, project, unit, report)
    notes = _note_texts(archive, project, report)
    try:
        with store.write(actor) as w:
            coders = _coders(w, project, report)
            codes = load_refi_codebook(w, project.codebook, report, path) if project.codebook.codes else {}
            docs = _documents(w, project, texts, _attributes(project), report, path)
            _document_sets(w, project, docs, report)
            used = _codings(w, project, texts, docs, codes, coders, notes, report)
            _memos(w, project, docs, codes, coders, notes, used, report)
            import_media(w, archive, project, texts, docs, report)
            w.event(
                "import",
                "project",
                None,
                {"file": path, "origin": project.origin, "report": _plain_report(report)},
            )
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return report


def import_upload(
    store: Store, data: bytes, filename: str, *, actor: str, dry_run: bool = False
) -> ImportReport:
    """Import an uploaded exchange file by its extension: ``.qdpx`` project or ``.qdc`` codebook."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".qdpx":
        return import_project(store, data, actor=actor, name=filename, dry_run=dry_run)
    if suffix == ".qdc":
        return import_codebook(store, data, actor=actor, name=filename, dry_run=dry_run)
    raise ImportFailed("refi.unknown_type", file=filename, suffix=suffix or "(none)")
