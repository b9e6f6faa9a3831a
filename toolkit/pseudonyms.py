"""Pseudonymisation: a per-project table of originals (names, places, organisations) and their
placeholders, candidates proposed by spaCy rules, and applying the table to documents while every
offset into their text stays consistent.

- :func:`propose` finds candidates with rules on a blank spaCy pipeline (nothing downloaded): a
  title before a name (``Frau Berger``, ``Dr. Yilmaz``, ``Bürgermeisterin Kranz``), a place after
  ``in``/``aus``/``nach`` or ``Stadt``/``Gemeinde``, an organisation before ``GmbH``/``AG``/``e.V.``
  or after ``Firma``/``Stadtwerke``, speaker labels that are names, and other capitalised words that
  are not at a sentence start and not a known word of the language (German capitalises all nouns:
  the lemma tables of spacy-lookups-data tell nouns from names). Ranked by frequency and rule.
- :func:`apply` replaces every occurrence in the text of the chosen documents in ONE transaction
  and moves the offsets of every table that points into a document's text (found by introspection:
  tables with ``document_id`` or ``document`` and ``start``/``end``), clips codings that
  overlapped a replaced name to the placeholder, refreshes each coding's copy of its text and
  writes events (which name placeholders and offsets, never the originals).
- :func:`pseudonymise_text` replaces the originals in any text, for pseudonymised exports.
- The mapping reveals who was interviewed: :func:`mapping` and the changes to it are for leads only.
"""

from __future__ import annotations

import functools
import itertools
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.accounts import require_lead
from toolkit.documents import document_row, import_parsed
from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.importers import MAX_FILE_BYTES, parse_file
from toolkit.language import count_words
from toolkit.model import Coding, ImportResult, ParsedDocument, Turn
from toolkit.store import Store, Writer, cached_by_change, new_guid, now

if TYPE_CHECKING:
    import pandas as pd

KINDS = ("person", "place", "organisation", "other")
PLACEHOLDER_WORDS = {"person": "Person", "place": "Ort", "organisation": "Organisation", "other": "Name"}
_TITLES = {
    "frau", "herr", "herrn", "dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "bürgermeister", "bürgermeisterin", "oberbürgermeister", "oberbürgermeisterin", "landrat", "landrätin",
    "kollege", "kollegin", "kollegen", "mayor", "councillor", "colleague",
}  # fmt: skip
_PLACE_BEFORE = {"in", "aus", "nach", "bei", "from", "to", "at"}
_PLACE_NOUNS = {"stadt", "gemeinde", "landkreis", "kreis", "kommune", "ort", "city", "town", "county"}
_ORG_AFTER = {"gmbh", "ag", "e.v.", "ev", "eg", "kg", "ltd", "ltd.", "inc", "inc.", "gbr"}
_ORG_BEFORE = {"firma", "stadtwerke", "verein", "verband", "company", "agentur", "landesamt", "ministerium"}
_SPEAKER_ROLES = {
    "interviewer", "interviewerin", "befragte", "befragter", "befragt", "moderator", "moderatorin",
    "sprecher", "sprecherin", "speaker", "respondent", "participant", "teilnehmer", "teilnehmerin",
    "person", "frage", "antwort", "question", "answer",
}  # fmt: skip
_RULE_WORDS = _TITLES | _PLACE_NOUNS | _ORG_BEFORE | _ORG_AFTER | _SPEAKER_ROLES
_WEIGHT = {"title": 3, "speaker": 3, "organisation": 2, "place": 2, "name": 2, "capitalised": 1}


@dataclass(frozen=True)
class Pseudonym:
    """One row of the mapping: ``original`` is replaced by ``placeholder``."""

    guid: str
    original: str
    placeholder: str
    kind: str


@dataclass
class Candidate:
    """A proposed original with how often and where it occurs, the rule that found it, and a
    suggested kind and placeholder."""

    original: str
    kind: str
    count: int
    documents: list[str] = field(default_factory=list)
    rule: str = "capitalised"
    placeholder: str = ""


@dataclass(frozen=True)
class DocumentChange:
    """What :func:`apply` changed (or, from :func:`preview`, would change) in one document."""

    document: str
    replacements: dict[str, int]
    codings_moved: int
    codings_clipped: int

    @property
    def total(self) -> int:
        return sum(self.replacements.values())


# -- the mapping -------------------------------------------------------------------------------


def _rows(store: Store) -> list[Pseudonym]:
    return [
        Pseudonym(r["guid"], r["original"], r["placeholder"], r["kind"])
        for r in store.query("SELECT guid, original, placeholder, kind FROM pseudonyms ORDER BY original")
    ]


def mapping(store: Store, actor: str) -> list[Pseudonym]:
    """The table original -> placeholder. It names the people interviewed: leads only."""
    require_lead(store, actor, "see the pseudonym table")
    return _rows(store)


def _check(original: str, placeholder: str, kind: str) -> None:
    if not original.strip():
        raise InvalidValue("the original is empty; give the name, place or organisation to replace")
    if not placeholder.strip():
        raise InvalidValue(f"the placeholder for {original!r} is empty; give one such as [Person A]")
    if kind not in KINDS:
        raise InvalidValue(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if original.strip() in placeholder:
        raise InvalidValue(
            f"the placeholder {placeholder!r} contains the original {original!r}; choose another"
        )


def next_placeholder(store: Store, kind: str, taken: Iterable[str] = ()) -> str:
    """The first free ``[Person A]``, ``[Ort B]``, ... for ``kind``."""
    word = PLACEHOLDER_WORDS.get(kind, "Name")
    used = {p.placeholder for p in _rows(store)} | set(taken)
    n = 0
    while True:
        letters, k = "", n
        while True:
            letters = chr(ord("A") + k % 26) + letters
            k = k // 26 - 1
            if k < 0:
                break
        candidate = f"[{word} {letters}]"
        if candidate not in used:
            return candidate
        n += 1


def add_pseudonym(
    store: Store, original: str, placeholder: str | None = None, kind: str = "person", *, actor: str
) -> Pseudonym:
    """Add ``original`` to the table (placeholder chosen when not given); leads only."""
    require_lead(store, actor, "change the pseudonym table")
    original = original.strip()
    placeholder = (placeholder or next_placeholder(store, kind)).strip()
    _check(original, placeholder, kind)
    if store.one("SELECT 1 AS x FROM pseudonyms WHERE original = ?", (original,)):
        raise Conflict(f"{original!r} is already in the pseudonym table; change its placeholder instead")
    guid = new_guid()
    with store.write(actor) as w:
        stamp = now()
        w.insert(
            "pseudonyms",
            {
                "guid": guid,
                "original": original,
                "placeholder": placeholder,
                "kind": kind,
                "created_by": actor,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        w.event("add", "pseudonym", guid, {"placeholder": placeholder, "kind": kind})
    return Pseudonym(guid, original, placeholder, kind)


def _find(store: Store, original: str) -> dict[str, Any]:
    row = store.one("SELECT * FROM pseudonyms WHERE original = ? OR guid = ?", (original, original.upper()))
    if row is None:
        raise NotFound(
            f"{original!r} is not in the pseudonym table; list it with `coding-toolkit pseudonyms list`"
        )
    return row


def update_pseudonym(
    store: Store, original: str, *, actor: str, placeholder: str | None = None, kind: str | None = None
) -> Pseudonym:
    """Change the placeholder or kind of an entry; leads only."""
    require_lead(store, actor, "change the pseudonym table")
    row = _find(store, original)
    new = {"placeholder": (placeholder or row["placeholder"]).strip(), "kind": kind or row["kind"]}
    _check(row["original"], new["placeholder"], new["kind"])
    with store.write(actor) as w:
        w.update("pseudonyms", row["id"], new)
        w.event(
            "update",
            "pseudonym",
            row["guid"],
            {"before": {k: row[k] for k in new}, "after": new},
        )
    return Pseudonym(row["guid"], row["original"], new["placeholder"], new["kind"])


def delete_pseudonym(store: Store, original: str, *, actor: str) -> None:
    """Remove an entry (documents already pseudonymised keep their placeholder); leads only."""
    require_lead(store, actor, "change the pseudonym table")
    row = _find(store, original)
    with store.write(actor) as w:
        w.execute("DELETE FROM pseudonyms WHERE id = ?", (row["id"],))
        w.event("delete", "pseudonym", row["guid"], {"placeholder": row["placeholder"], "kind": row["kind"]})


# -- replacing ---------------------------------------------------------------------------------


@cached_by_change
def _pattern(store: Store) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    rows = _rows(store)
    if not rows:
        return None, {}
    table = {p.original: p.placeholder for p in rows}
    alternatives = "|".join(re.escape(o) for o in sorted(table, key=lambda o: (-len(o), o)))
    # whole words: no letter or digit on either side; "_" separates words as in file names
    # (Kranzberger_Zwieselstadt.txt), as "-", "." and spaces do
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])"), table


def _matches(store: Store, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, placeholder)`` of every occurrence of an original in ``text``, in order."""
    pattern, table = _pattern(store)
    if pattern is None:
        return []
    return [(m.start(), m.end(), table[m.group(0)]) for m in pattern.finditer(text)]


def pseudonymise_text(store: Store, text: str) -> str:
    """``text`` with every original of the table replaced by its placeholder (whole words only, where
    ``_`` separates words, the longest original first). Anyone may call it: the result reveals no
    original."""
    pattern, table = _pattern(store)
    if pattern is None or not text:
        return text
    return pattern.sub(lambda m: table[m.group(0)], text)


def pseudonymise_frame(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell pseudonymised (segments, quotes, speakers,
    document names), for exports. The frame given is not changed."""
    out = frame.copy()
    if _pattern(store)[0] is None:
        return out
    from pandas.api.types import is_object_dtype, is_string_dtype

    for column in out.columns:
        if is_object_dtype(out[column]) or is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: pseudonymise_text(store, v) if isinstance(v, str) else v)
    return out


def pseudonymise_codings(store: Store, codings: Sequence[Coding]) -> list[Coding]:
    """Copies of ``codings`` with document name, text and memo pseudonymised, for exports."""
    return [
        replace(
            c,
            document=pseudonymise_text(store, c.document),
            text=pseudonymise_text(store, c.text),
            memo=pseudonymise_text(store, c.memo),
        )
        for c in codings
    ]


class _OffsetMap:
    """Maps offsets of the old text to the new one. An offset strictly inside a replaced name maps
    to the placeholder's start (for a start) or end (for an end), so spans cover the placeholder."""

    def __init__(self, matches: Sequence[tuple[int, int, str]]) -> None:
        self.matches = matches
        self.starts = [s for s, _, _ in matches]
        shift, self.shifts = 0, []
        for s, e, placeholder in matches:
            self.shifts.append(shift)  # total shift before this match
            shift += len(placeholder) - (e - s)
        self.total = shift

    def _index(self, offset: int) -> int:
        """Index of the last match starting at or before ``offset`` (-1 if none)."""
        lo, hi = 0, len(self.starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.starts[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    def map(self, offset: int, *, is_end: bool) -> tuple[int, bool]:
        """The new offset, and whether it was inside a replaced name (clipped)."""
        i = self._index(offset - 1 if is_end else offset)
        if i < 0:
            return offset, False
        s, e, placeholder = self.matches[i]
        new_s = s + self.shifts[i]
        if offset >= e:
            return offset + self.shifts[i] + len(placeholder) - (e - s), False
        if is_end:
            return new_s + len(placeholder), offset != e and offset != s
        return new_s, offset != s


def _offset_tables(store: Store) -> list[tuple[str, str]]:
    """Tables holding offsets into a document's text: ``(table, column naming the document)``."""
    out = []
    for row in store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        columns = {c["name"] for c in store.query(f"PRAGMA table_info('{row['name']}')")}
        if {"start", "end"} <= columns:
            if "document_id" in columns:
                out.append((row["name"], "document_id"))
            elif "document" in columns:
                out.append((row["name"], "document"))
    return out


def _text_of(doc: dict[str, Any], matches: Sequence[tuple[int, int, str]]) -> str:
    parts, last = [], 0
    for s, e, placeholder in matches:
        parts.append(doc["text"][last:s])
        parts.append(placeholder)
        last = e
    parts.append(doc["text"][last:])
    return "".join(parts)


def _counts(matches: Sequence[tuple[int, int, str]]) -> dict[str, int]:
    return dict(Counter(p for _, _, p in matches))


def preview(store: Store, documents: Sequence[str]) -> list[DocumentChange]:
    """What :func:`apply` would change in each document: replacements per placeholder and codings
    that would move or be clipped. Changes nothing."""
    out = []
    for name in documents:
        doc = document_row(store, name)
        matches = _matches(store, doc["text"])
        offsets = _OffsetMap(matches)
        moved = clipped = 0
        for c in store.query('SELECT start, "end" FROM codings WHERE document_id = ?', (doc["id"],)):
            (s, cs), (e, ce) = offsets.map(c["start"], is_end=False), offsets.map(c["end"], is_end=True)
            moved += (s, e) != (c["start"], c["end"])
            clipped += cs or ce
        out.append(DocumentChange(doc["name"], _counts(matches), moved, clipped))
    return out


_FAR = 1 << 40  # moves spans out of the way while they are rewritten, so no UNIQUE index trips


def _apply_one(w: Writer, doc: dict[str, Any], tables: list[tuple[str, str]]) -> DocumentChange:
    store = w.store
    from toolkit.qca.texts import pseudonymise_written  # summaries written on this document

    matches = _matches(store, doc["text"])
    if not matches:
        pseudonymise_written(w, doc["id"], lambda t: pseudonymise_text(store, t))
        return DocumentChange(doc["name"], {}, 0, 0)
    offsets = _OffsetMap(matches)
    text = _text_of(doc, matches)
    w.execute("UPDATE documents SET text = ? WHERE id = ?", (text, doc["id"]))
    moved = clipped = 0
    for table, column in tables:
        key = doc["id"] if column == "document_id" else doc["name"]
        rows = store.query(f'SELECT rowid AS row_id_, * FROM "{table}" WHERE "{column}" = ?', (key,))
        w.execute(
            f'UPDATE "{table}" SET start = start + {_FAR}, "end" = "end" + {_FAR} WHERE "{column}" = ?',
            (key,),
        )
        for row in rows:
            start, cut_start = offsets.map(row["start"], is_end=False)
            end, cut_end = offsets.map(row["end"], is_end=True)
            if table == "codings":
                moved, clipped = _move_coding(w, row, text, start, end, cut_start or cut_end, moved, clipped)
                continue
            changed: dict[str, Any] = {"start": start, "end": end}
            if table == "consensus_decisions":
                changed["key"] = re.sub(r"\d+-\d+$", f"{start}-{end}", row["key"])
            sets = ", ".join(f'"{k}" = ?' for k in changed)
            try:
                w.execute(f'UPDATE "{table}" SET {sets} WHERE rowid = ?', (*changed.values(), row["row_id_"]))
            except sqlite3.IntegrityError:  # equal to another row once clipped to the placeholder
                w.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (row["row_id_"],))
    spans = store.query('SELECT start, "end" FROM turns WHERE document_id = ?', (doc["id"],))
    words = sum(count_words(text[t["start"] : t["end"]]) for t in spans)
    w.execute("UPDATE documents SET words = ? WHERE id = ?", (words, doc["id"]))
    for table, column in (("turns", "speaker"), ("speaker_attributes", "speaker")):
        for row in store.query(
            f"SELECT DISTINCT {column} AS v FROM {table} WHERE document_id = ?", (doc["id"],)
        ):
            new = pseudonymise_text(store, row["v"])
            if new != row["v"]:
                w.execute(
                    f"UPDATE {table} SET {column} = ? WHERE document_id = ? AND {column} = ?",
                    (new, doc["id"], row["v"]),
                )
    pseudonymise_written(w, doc["id"], lambda t: pseudonymise_text(store, t))
    change = DocumentChange(doc["name"], _counts(matches), moved, clipped)
    w.event(
        "pseudonymise",
        "document",
        doc["guid"],
        {
            "document": doc["name"],
            "replacements": change.replacements,
            "codings_moved": moved,
            "codings_clipped": clipped,
            "length": {"before": len(doc["text"]), "after": len(text)},
        },
    )
    return change


def _move_coding(
    w: Writer,
    row: dict[str, Any],
    text: str,
    start: int,
    end: int,
    clipped_now: bool,
    moved: int,
    clipped: int,
) -> tuple[int, int]:
    twin = w.store.one(
        "SELECT guid FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? "
        'AND start = ? AND "end" = ?',
        (row["document_id"], row["code_id"], row["coder_id"], start, end),
    )
    if twin:  # two codings differing only inside a name became one: keep the first
        w.execute("DELETE FROM codings WHERE id = ?", (row["id"],))
        w.event("pseudonymise", "coding", row["guid"], {"merged_into": twin["guid"]})
        return moved + 1, clipped + 1
    w.execute(
        'UPDATE codings SET start = ?, "end" = ?, text = ?, version = version + ?, updated_at = ? '
        "WHERE id = ?",
        (
            start,
            end,
            text[start:end],
            int((start, end) != (row["start"], row["end"]) or clipped_now),
            now(),
            row["id"],
        ),
    )
    if (start, end) == (row["start"], row["end"]) and not clipped_now:
        if text[start:end] != row["text"]:
            w.event("pseudonymise", "coding", row["guid"], {"text_replaced": True})
        return moved, clipped
    w.event(
        "pseudonymise",
        "coding",
        row["guid"],
        {"before": {"start": row["start"], "end": row["end"]}, "after": {"start": start, "end": end}},
    )
    return moved + 1, clipped + int(clipped_now)


def apply(store: Store, documents: Sequence[str], *, actor: str) -> list[DocumentChange]:
    """Replace every original of the table in ``documents`` in one transaction (all or nothing);
    leads only. Offsets of turns, codings and every other table pointing into the text move with
    it; codings that overlapped a name are clipped to its placeholder."""
    require_lead(store, actor, "pseudonymise documents")
    if not documents:
        raise InvalidValue("no documents given; name the documents to pseudonymise")
    docs = [document_row(store, name) for name in documents]
    tables = _offset_tables(store)
    with store.write(actor) as w:
        return [
            _apply_one(w, store.one("SELECT * FROM documents WHERE id = ?", (d["id"],)) or d, tables)
            for d in docs
        ]


def pseudonymise_parsed(store: Store, doc: ParsedDocument) -> ParsedDocument:
    """A parsed transcript with the table applied before it is ever stored: text, turn offsets,
    speaker labels and the document name. The SHA-256 stays that of the original file, so the same
    file imported again is still recognised."""
    matches = _matches(store, doc.text)
    offsets = _OffsetMap(matches)
    turns = tuple(
        Turn(
            pseudonymise_text(store, t.speaker),
            offsets.map(t.start, is_end=False)[0],
            offsets.map(t.end, is_end=True)[0] if t.end > t.start else offsets.map(t.start, is_end=False)[0],
            t.timestamp,
        )
        for t in doc.turns
    )
    text = _text_of({"text": doc.text}, matches)
    return replace(doc, name=pseudonymise_text(store, doc.name), text=text, turns=turns)


def import_pseudonymised(
    store: Store,
    paths: Sequence[str | Path],
    *,
    actor: str,
    language: str | None = None,
    attributes: Mapping[str, str] | None = None,
    speaker_pattern: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> list[ImportResult]:
    """Like :func:`toolkit.documents.import_files` (one transaction, all or nothing), but every
    document is pseudonymised with the table before it is stored: the originals never reach the
    project file. Leads only."""
    require_lead(store, actor, "import pseudonymised documents")
    parsed = [(str(p), parse_file(p, speaker_pattern=speaker_pattern, max_bytes=max_bytes)) for p in paths]
    with store.write(actor) as w:
        results = []
        for path, doc in parsed:
            clean = pseudonymise_parsed(store, doc)
            source = pseudonymise_text(store, path)
            result = import_parsed(w, clean, language=language, attributes=attributes, source_name=source)
            if result.imported:
                row = store.one("SELECT guid FROM documents WHERE name = ?", (result.document,)) or {}
                w.event(
                    "pseudonymise",
                    "document",
                    row.get("guid"),
                    {
                        "document": result.document,
                        "replacements": _counts(_matches(store, doc.text)),
                        "on_import": True,
                    },
                )
            results.append(result)
        return results


# -- candidates --------------------------------------------------------------------------------


class _Vocabulary:
    """Known words of a language from the lemma table of spacy-lookups-data: inflected forms (the
    table's keys) and their lemmas. German capitalises every noun; a capitalised word that is a known
    word, or a compound ending in one (``Sachbearbeitung``), is taken for a noun, not a name."""

    _NOUN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "tion", "ität", "ismus", "nis", "tum", "ment")

    def __init__(self, language: str) -> None:
        from spacy.lookups import load_lookups  # about 1 s: only when proposing

        self.language = language
        try:
            self.table: Any = load_lookups(lang=language, tables=["lemma_lookup"]).get_table("lemma_lookup")
            self.lemmas = frozenset(str(v) for v in self.table.values())
        except (ValueError, OSError):  # pragma: no cover - spacy-lookups-data is a dependency
            self.table, self.lemmas = {}, frozenset()

    def inflected(self, word: str) -> bool:
        """A form of another word (``Verwaltungen``): never a name."""
        return word in self.table and self.table[word] != word

    def common(self, word: str) -> bool:
        """Probably a noun or other word of the language rather than a name."""
        if self.inflected(word) or word in self.lemmas or word.lower() in self.lemmas:
            return True
        if self.language != "de":
            return False
        if word.lower().endswith(self._NOUN_ENDINGS) and len(word) > 6:
            return True
        return any(word[i:].capitalize() in self.lemmas for i in range(1, len(word) - 3))


@functools.lru_cache(maxsize=4)
def _vocabulary(language: str) -> _Vocabulary:
    return _Vocabulary(language)


@functools.lru_cache(maxsize=4)
def _tokenizer(language: str) -> Any:
    from toolkit.nlp import sentence_pipeline  # spaCy: only when proposing

    return sentence_pipeline(language)


def _stopwords(nlp: Any) -> frozenset[str]:
    return frozenset(w.lower() for w in nlp.Defaults.stop_words)


def _capitalised(token: Any) -> bool:
    text = str(token.text)
    return len(text) > 1 and text[0].isupper() and not text.isupper() and text.replace("-", "").isalpha()


def _name_like(token: Any, vocabulary: _Vocabulary, nouns: set[str]) -> bool:
    word = str(token.text)
    return (
        word not in nouns
        and word.lower() not in _RULE_WORDS
        and not vocabulary.inflected(word)
        and not (vocabulary.language == "de" and word.lower().endswith(_Vocabulary._NOUN_ENDINGS))
    )


_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines "
    "mein meine meinen meinem meiner unser unsere unseren unserem unserer dein deine deinen ihr ihre "
    "ihren ihrem ihrer sein seine seinen seinem seiner diese dieser diesen diesem dieses jede jeder "
    "jeden jedem jedes welche welcher welchen im am zum zur beim vom ins ans aufs "
    "the a an this that these those my our your their his its every each some any".split()
)
_PLACE_SUFFIXES = (
    "stadt", "dorf", "burg", "berg", "hausen", "heim", "feld", "bach", "furt", "hagen", "ingen",
    "kirchen", "rode", "au", "see", "brück", "brücken", "ow", "itz",
)  # fmt: skip


def _noun_evidence(tokens: Sequence[Any], stop: frozenset[str], language: str) -> set[str]:
    """Capitalised words that somewhere follow an article or determiner (``die Musik``, ``the Box``)
    or, in German, an inflected adjective (``großen Tagesgruppen``): nouns, not names."""
    out = set()
    for prev, tok in itertools.pairwise(tokens):
        if not _capitalised(tok):
            continue
        p = prev.lower_
        adjective = (
            language == "de"
            and prev.text.islower()
            and prev.text.isalpha()
            and p not in stop
            and p.endswith(("e", "en", "er", "es", "em"))
        )
        if p in _DETERMINERS or adjective:
            out.add(str(tok.text))
    return out


def _candidates_in(text: str, language: str) -> list[tuple[str, str, str]]:
    """``(original, kind, rule)`` for every occurrence found in ``text``."""
    nlp = _tokenizer(language)
    vocabulary = _vocabulary(language)
    stop = _stopwords(nlp)
    found: list[tuple[str, str, str]] = []
    doc = nlp(text)
    tokens = list(doc)
    nouns = _noun_evidence(tokens, stop, language)
    # a word that also occurs in lower case is a word of the language ("Finally", "Box Plot")
    lower = {str(u.text) for u in tokens if u.is_lower}
    nouns |= {str(t.text) for t in tokens if _capitalised(t) and t.lower_ in lower}
    claimed: set[int] = set()

    def name_run(i: int) -> tuple[int, str]:
        j = i
        while j < len(tokens) and _capitalised(tokens[j]) and tokens[j].lower_ not in _TITLES:
            j += 1
        return j, doc[i:j].text if j > i else ""

    def place_like(word: str) -> bool:
        if vocabulary.inflected(word) or word in nouns:
            return False
        if language != "de":
            return True
        low = word.lower()
        if low.endswith(_Vocabulary._NOUN_ENDINGS):
            return False
        compound = any(word[i:].capitalize() in vocabulary.lemmas for i in range(1, len(word) - 3))
        return not compound or low.endswith(_PLACE_SUFFIXES)

    for i, tok in enumerate(tokens):
        if i in claimed:
            continue
        low = tok.lower_
        nxt = i + 1
        if low in _TITLES:
            while nxt < len(tokens) and tokens[nxt].lower_ in _TITLES:
                nxt += 1
            j, name = name_run(nxt)
            if name and name.lower() not in stop:
                found.append((name, "person", "title"))
                claimed.update(range(nxt, j))
        elif low in _ORG_BEFORE or low in _PLACE_NOUNS or low in _PLACE_BEFORE:
            j, name = name_run(nxt)
            kind = "organisation" if low in _ORG_BEFORE else "place"
            check = (
                place_like if kind == "place" else (lambda w: w not in nouns and not vocabulary.inflected(w))
            )
            if name and name.lower() not in stop and all(check(str(t.text)) for t in tokens[nxt:j]):
                found.append((name, kind, kind))
                claimed.update(range(nxt, j))
        elif _capitalised(tok) and nxt < len(tokens) and tokens[nxt].lower_ in _ORG_AFTER:
            start = i
            while start > 0 and _capitalised(tokens[start - 1]) and start - 1 not in claimed:
                start -= 1
            found.append((doc[start : nxt + 1].text, "organisation", "organisation"))
            claimed.update(range(start, nxt + 1))
    for i, tok in enumerate(tokens):
        if i in claimed or not _capitalised(tok):
            continue
        prev = tokens[i - 1] if i > 0 else None
        at_start = tok.is_sent_start or prev is None or prev.text in {":", "\n", "\n\n"} or "\n" in prev.text
        if at_start or tok.lower_ in stop or tok.lower_ in _RULE_WORDS or vocabulary.inflected(tok.text):
            continue
        if tok.text in nouns:
            continue
        j = i + 1
        while j < len(tokens) and _capitalised(tokens[j]) and _name_like(tokens[j], vocabulary, nouns):
            j += 1
        if j > i + 1:  # "Anna Schmidt": a run of capitalised words, none of them a noun
            found.append((doc[i:j].text, "person", "name"))
            claimed.update(range(i, j))
        elif not vocabulary.common(tok.text):
            found.append((tok.text, "other", "capitalised"))
    return found


def _speaker_names(store: Store, doc_id: int) -> list[str]:
    out = []
    for r in store.query(
        "SELECT DISTINCT speaker FROM turns WHERE document_id = ? AND speaker <> ''", (doc_id,)
    ):
        label = str(r["speaker"]).strip()
        words = label.replace(".", " ").split()
        if len(label) < 3 or not words or not all(w[:1].isupper() for w in words):
            continue
        if (
            any(w.lower() in _SPEAKER_ROLES for w in words)
            or label.isupper()
            or any(ch.isdigit() for ch in label)
        ):
            continue
        out.append(
            " ".join(
                w for w in label.split() if w.lower().rstrip(".") not in {t.rstrip(".") for t in _TITLES}
            )
        )
    return [name for name in out if name]


def propose(store: Store, documents: Sequence[str] | None = None, *, limit: int = 100) -> list[Candidate]:
    """Candidates for the table from ``documents`` (default: all), not yet in it, most frequent
    and most certain first, each with a suggested kind and placeholder. Changes nothing."""
    if documents:
        rows = [document_row(store, name) for name in documents]
    else:
        rows = store.query("SELECT * FROM documents ORDER BY name")
    known = {p.original for p in _rows(store)}
    placeholders = {p.placeholder for p in _rows(store)}
    counts: Counter[str] = Counter()
    kinds: dict[str, Counter[tuple[str, str]]] = {}
    where: dict[str, set[str]] = {}
    from toolkit.qca.texts import written_texts  # summaries quote names too

    written: dict[int, list[str]] = {}
    for doc_id, body in written_texts(store, [int(d["id"]) for d in rows]):
        written.setdefault(doc_id, []).append(body)
    for doc in rows:
        text = str(doc["text"])
        found = _candidates_in(text, str(doc["language"]))
        for body in written.get(int(doc["id"]), []):
            found += _candidates_in(body, str(doc["language"]))
        for original, kind, rule in found:
            if original in known or original in placeholders or any(original in p for p in placeholders):
                continue
            counts[original] += 1
            kinds.setdefault(original, Counter())[(kind, rule)] += 1
            where.setdefault(original, set()).add(str(doc["name"]))
        for name in _speaker_names(store, int(doc["id"])):
            if name in known:
                continue
            n = len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text))
            counts[name] = max(counts[name], n, 1)
            kinds.setdefault(name, Counter())[("person", "speaker")] += 100
            where.setdefault(name, set()).add(str(doc["name"]))
    out = []
    for original, n in counts.items():
        (kind, rule), _ = max(kinds[original].items(), key=lambda kv: (_WEIGHT[kv[0][1]], kv[1]))
        out.append(Candidate(original, kind, n, sorted(where[original]), rule))
    # single words that are part of a longer candidate (e.g. "Berger" of "Anna Berger") are dropped
    longer = [c.original for c in out if " " in c.original]
    out = [c for c in out if c.rule != "capitalised" or not any(c.original in o.split() for o in longer)]
    out.sort(key=lambda c: (-c.count * _WEIGHT[c.rule], -_WEIGHT[c.rule], c.original))
    taken: list[str] = []
    for c in out[:limit]:
        c.placeholder = next_placeholder(store, c.kind, taken)
        taken.append(c.placeholder)
    return out[:limit]
