"""Candidates for the pseudonym table, found by rules on a blank spaCy pipeline (nothing downloaded): a
title before a name (``Frau Berger``, ``Dr. Yilmaz``, ``Bürgermeisterin Kranz``), a place after
``in``/``aus``/``nach`` or ``Stadt``/``Gemeinde``, an organisation before ``GmbH``/``AG``/``e.V.`` or
after ``Firma``/``Stadtwerke``, speaker labels that are names, and other capitalised words that are not
at a sentence start and not a known word of the language (German capitalises all nouns: the lemma
tables of spacy-lookups-data tell nouns from names). Ranked by frequency and rule."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from toolkit.documents import document_row
from toolkit.pseudonyms.table import next_placeholder, table_rows
from toolkit.qca.texts import written_texts
from toolkit.store import Store

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


@dataclass(frozen=True, order=True)
class Source:
    """A text on no document where a candidate was found: a code memo (``code_memo``, ``where`` is
    the code's path) or a paraphrase group's name (``paraphrase_group``, ``where`` is the name)."""

    kind: str
    where: str


@dataclass
class Candidate:
    """A proposed original with how often and where it occurs (``documents``, and ``elsewhere`` the
    texts on no document), the rule that found it, and a suggested kind and placeholder."""

    original: str
    kind: str
    count: int
    documents: list[str] = field(default_factory=list)
    rule: str = "capitalised"
    placeholder: str = ""
    elsewhere: list[Source] = field(default_factory=list)


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
    """Candidates for the table from ``documents`` (default: all) and what coders wrote on them
    (summaries, paraphrases, memos) or on no document (code memos, paraphrase group names), not yet
    in it, most frequent and most certain first, each with a suggested kind and placeholder.
    Changes nothing."""
    if documents:
        rows = [document_row(store, name) for name in documents]
    else:
        rows = store.query("SELECT * FROM documents ORDER BY name")
    known = {p.original for p in table_rows(store)}
    placeholders = {p.placeholder for p in table_rows(store)}
    counts: Counter[str] = Counter()
    kinds: dict[str, Counter[tuple[str, str]]] = {}
    where: dict[str, set[str]] = {}
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
    from toolkit.qca.texts import unattached_texts  # code memos and group names: on no document

    languages = Counter(str(d["language"]) for d in rows)
    language = languages.most_common(1)[0][0] if languages else "de"
    elsewhere: dict[str, set[Source]] = {}
    for source, place, body in unattached_texts(store):
        for original, kind, rule in _candidates_in(body, language):
            if original in known or original in placeholders or any(original in p for p in placeholders):
                continue
            counts[original] += 1
            kinds.setdefault(original, Counter())[(kind, rule)] += 1
            where.setdefault(original, set())
            elsewhere.setdefault(original, set()).add(Source(source, place))
    out = []
    for original, n in counts.items():
        (kind, rule), _ = max(kinds[original].items(), key=lambda kv: (_WEIGHT[kv[0][1]], kv[1]))
        others = sorted(elsewhere.get(original, ()))
        out.append(Candidate(original, kind, n, sorted(where[original]), rule, elsewhere=others))
    # single words that are part of a longer candidate (e.g. "Berger" of "Anna Berger") are dropped
    longer = [c.original for c in out if " " in c.original]
    out = [c for c in out if c.rule != "capitalised" or not any(c.original in o.split() for o in longer)]
    out.sort(key=lambda c: (-c.count * _WEIGHT[c.rule], -_WEIGHT[c.rule], c.original))
    taken: list[str] = []
    for c in out[:limit]:
        c.placeholder = next_placeholder(store, c.kind, taken)
        taken.append(c.placeholder)
    return out[:limit]
