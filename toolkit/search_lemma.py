"""Lemma search: a word stands for every form of its lemma (Antrag finds Anträge, Anträgen;
"went" finds go, goes, going), in German and English, offline.

The forms come from spaCy's lookup tables (the ``spacy-lookups-data`` package): the table maps
each form to its lemma. Instead of loading the whole table (355,000 German forms, about a second),
the compressed table is read as text and searched for the query word's entries only, so that a
query costs a fraction of a second in a fresh process too.

Only single words are expanded; phrases, wildcards and ``NEAR/n`` terms are searched as typed.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources

from toolkit.search_query import And, Near, Node, Not, Or, Term

LANGUAGES = ("de", "en")


@functools.lru_cache(maxsize=2)
def _table_text(language: str) -> str:
    """The lookup table of ``language`` (form -> lemma) as JSON text in lower case ('' when the
    package is not installed, or when lower-casing would shift offsets)."""
    try:
        data = resources.files("spacy_lookups_data") / "data" / f"{language}_lemma_lookup.json.gz"
        text = gzip.decompress(data.read_bytes()).decode("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return ""
    low = text.lower()
    return low if len(low) == len(text) else ""


def _occurrences(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _string_at(text: str, start: int) -> str | None:
    """The JSON string that starts with the quote at ``start``."""
    end = text.find('"', start + 1)
    while end > 0 and text[end - 1] == "\\":
        end = text.find('"', end + 1)
    try:
        value = json.loads(text[start : end + 1])
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def lemmas_of(word: str, language: str) -> set[str]:
    """The lemmas ``word`` is a form of (lower case), or the word itself when it is none."""
    text, key = _table_text(language), json.dumps(word.lower(), ensure_ascii=False)
    found = set()
    for at in _occurrences(text, f"{key}: "):
        if at == 0 or text[at - 1] in "{ ,\n":
            value = _string_at(text, at + len(key) + 2)
            if value:
                found.add(value)
    return found or {word.lower()}


def forms_of(word: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """Every form of every lemma of ``word`` (lower case, sorted), the word and its lemmas included."""
    forms = {word.lower()}
    for language in languages:
        text = _table_text(language)
        for lemma in lemmas_of(word, language):
            forms.add(lemma)
            value = json.dumps(lemma, ensure_ascii=False)
            for at in _occurrences(text, f": {value}"):
                if text[at + 2 + len(value) : at + 3 + len(value)] not in (",", "}", "\n", " "):
                    continue
                start = text.rfind('"', 0, at - 1)
                while start > 0 and text[start - 1] == "\\":
                    start = text.rfind('"', 0, start - 1)
                form = _string_at(text, start)
                if form:
                    forms.add(form)
    return tuple(sorted(forms))


def expand(node: Node) -> Node:
    """``node`` with each single word replaced by the OR of its forms."""
    if isinstance(node, Term):
        if "*" in node.text or " " in node.text.strip():
            return node
        forms = forms_of(node.text)
        return node if len(forms) == 1 else Or(tuple(Term(f) for f in forms))
    if isinstance(node, Not):
        return Not(expand(node.item))
    if isinstance(node, And):
        return And(tuple(expand(i) for i in node.items))
    if isinstance(node, Or):
        return Or(tuple(expand(i) for i in node.items))
    assert isinstance(node, Near)
    return node
