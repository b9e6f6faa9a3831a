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
    return markdown_lines(source)[0]


def markdown_lines(source: str) -> tuple[str, int]:
    """Plain text of a Markdown transcript and the number of source lines removed above it (front
    matter, blank lines), so a line of the text can be named by its line in the file."""
    front = _FRONT_MATTER.match(source)
    removed = front.group().count("\n") if front else 0
    text = source[front.end() :] if front else source
    text = _IAL.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    # a pattern is tried only when the character every match needs is there: the same text, and a
    # long transcript without emphasis or hard breaks is not scanned position by position for them
    if "#" in text:
        text = _HEADING.sub(lambda m: m.group(1).rstrip(" \t#"), text)
    if ">" in text:
        text = _QUOTE.sub("", text)
    text = _RULE.sub("", text)
    text = _STRONG.sub(r"\2", text)
    if "*" in text or "_" in text:
        text = _EMPH.sub(lambda m: m.group(1) or m.group(2), text)
    text = _CODE.sub(r"\1", text)
    if "  \n" in text or text.endswith("  ") or "\\" in text:
        text = _HARD_BREAK.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = html.unescape(text)
    removed += len(text) - len(text.lstrip("\n"))
    return text.strip("\n") + "\n", removed


def read_markdown(data: bytes, path: str) -> str:
    """The stored text of a Markdown file."""
    return read_markdown_lines(data, path)[0]


def read_markdown_lines(data: bytes, path: str) -> tuple[str, int]:
    """The stored text of a Markdown file and the number of file lines above it."""
    text, removed = markdown_lines(normalize_text(decode(data, path)))
    return check_text(normalize_text(text), path), removed
