"""Markdown transcripts (.md): front matter and markup removed, the words kept.

Handles what transcripts published as Markdown use: YAML front matter, headings, ``**bold**`` and
``*italic*``, kramdown attribute lists (``{: .text-yellow-000}``), links and images, inline code,
HTML tags, block quotes, hard line breaks (two trailing blanks or a backslash) and escapes.
Square-bracket placeholders such as ``[große Mittelstadt]`` stay as they are.
"""

from __future__ import annotations

import html
import re

from toolkit.importers.normalize import check_text, decode, normalize_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Each pattern's repeated part cannot run past the character that starts another match, so a line
# of 100,000 "[" or "{:" is read in linear time (tests/test_fuzz_budget.py, issue 16).
_IAL = re.compile(r"\{:[^{}\n]*\}")
_URL = r"\((?:[^()\[\]\n]|\([^()\[\]\n]*\))*\)"  # one level of parentheses inside, as in wiki links
_IMAGE = re.compile(rf"!\[([^\[\]\n]*)\]{_URL}")
_LINK = re.compile(rf"\[([^\[\]\n]+)\]{_URL}")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.M)  # closing #s stripped in Python
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")  # bounded: no scan to the line end
_EMPH = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_CODE = re.compile(r"`([^`\n]+)`")
_HARD_BREAK = re.compile(r"(?<! ) {2,}$|\\$", re.M)  # a run of blanks is tried once, at its start
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def strip_markdown(source: str) -> str:
    """Plain text of a Markdown transcript; line structure is kept so turns can be found."""
    text = _FRONT_MATTER.sub("", source, count=1)
    text = _IAL.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _HEADING.sub(lambda m: m.group(1).rstrip(" \t#"), text)
    text = _QUOTE.sub("", text)
    text = _RULE.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPH.sub(lambda m: m.group(1) or m.group(2), text)
    text = _CODE.sub(r"\1", text)
    text = _HARD_BREAK.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = html.unescape(text)
    return text.strip("\n") + "\n"


def read_markdown(data: bytes, path: str) -> str:
    """The stored text of a Markdown file."""
    return check_text(normalize_text(strip_markdown(normalize_text(decode(data, path)))), path)
