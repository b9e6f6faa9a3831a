"""Rich Text transcripts (.rtf: f4transkript/f5, Word, LibreOffice): paragraphs, bold speaker labels
and tables of turns.

A small linear tokenizer of its own (see README "Dependencies and why"): one regular-expression
step per token, an explicit group stack, no recursion, so hostile nesting or long runs cost linear
time. Text comes from ``\\ansicpgN`` (Windows-1252 by default) for raw bytes and ``\\'xx`` escapes,
and from ``\\uN`` escapes (skipping the ``\\ucN`` fallback characters after them). Groups that are not
said text are skipped: font, colour and style tables, document info, pictures, objects, headers and
footers, field instructions and every ``{\\* ...}`` destination. ``\\bin N`` data is jumped over.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from toolkit.errors import ImportFailed
from toolkit.importers.docx import DocxText, bold_label, table_lines
from toolkit.importers.normalize import check_text, normalize_text

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with optional number
    rb"|\\'([0-9a-fA-F]{2})"  # \'xx byte in the code page
    rb"|\\([^a-zA-Z'])"  # control symbol: \{ \} \\ \~ \- \_ \* ...
    rb"|([{}])"
    rb"|([^\\{}\r\n]+)"  # raw text
    rb"|[\r\n]+"
    rb"|\\",  # a lone backslash at the end
)
_SKIP = {
    b"fonttbl",
    b"colortbl",
    b"stylesheet",
    b"info",
    b"pict",
    b"object",
    b"header",
    b"headerl",
    b"headerr",
    b"headerf",
    b"footer",
    b"footerl",
    b"footerr",
    b"footerf",
    b"fldinst",
    b"listtable",
    b"listoverridetable",
    b"revtbl",
    b"rsidtbl",
    b"xmlnstbl",
    b"themedata",
    b"colorschememapping",
    b"latentstyles",
    b"datastore",
    b"nonshppict",
    b"footnote",
    b"annotation",
    b"filetbl",
    b"pgdsctbl",
    b"generator",
}
_SYMBOLS = {
    b"emdash": "—",
    b"endash": "–",
    b"lquote": "‘",
    b"rquote": "’",
    b"ldblquote": "„",
    b"rdblquote": "“",
    b"bullet": "•",
    b"emspace": " ",
    b"enspace": " ",
    b"qmspace": " ",
}
_CONTROL_SYMBOLS = {b"~": "\xa0", b"-": "", b"_": "-", b"{": "{", b"}": "}", b"\\": "\\", b"|": "", b":": ""}


@dataclass
class _Group:
    skip: bool = False
    bold: bool = False
    uc: int = 1


@dataclass
class _Reader:
    codec: str = "cp1252"
    lines: list[str] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)
    runs: list[tuple[str, bool]] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    pending: bytearray = field(default_factory=bytearray)
    pending_bold: bool = False
    in_cell: bool = False  # after \intbl: a \par inside a table cell joins its paragraphs

    def flush(self) -> None:
        if self.pending:
            self.runs.append((bytes(self.pending).decode(self.codec, errors="replace"), self.pending_bold))
            self.pending.clear()

    def add_bytes(self, data: bytes, bold: bool) -> None:
        if self.pending and bold != self.pending_bold:
            self.flush()
        self.pending_bold = bold
        self.pending.extend(data)

    def add_text(self, text: str, bold: bool) -> None:
        self.flush()
        if text:
            self.runs.append((text, bold))

    def paragraph(self) -> None:
        self.flush()
        label = bold_label(self.runs)
        if label:
            self.labels.add(label)
        self.lines.append("".join(t for t, _ in self.runs))
        self.runs = []

    def cell(self) -> None:
        self.flush()
        self.cells.append(" ".join("".join(t for t, _ in self.runs).split()))
        self.runs = []

    def row(self) -> None:
        self.flush()
        if self.runs:
            self.cell()
        self.lines.extend(table_lines([self.cells]))
        self.cells = []
        self.in_cell = False


def _codec(number: int) -> str:
    name = f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


def _control(reader: _Reader, group: _Group, word: bytes, arg: int | None) -> int:
    """Apply one control word; returns the number of fallback characters to skip after it."""
    if word in (b"par", b"line") and reader.in_cell:
        reader.add_text(" ", group.bold)
    elif word in (b"par", b"sect", b"page", b"line"):
        reader.paragraph()
    elif word == b"intbl":
        reader.in_cell = True
    elif word == b"pard":
        reader.in_cell = False
    elif word == b"tab":
        reader.add_text("\t", group.bold)
    elif word == b"cell":
        reader.cell()
    elif word == b"row":
        reader.row()
    elif word == b"b":
        group.bold = arg is None or arg != 0
    elif word == b"plain":
        group.bold = False
    elif word == b"uc" and arg is not None:
        group.uc = max(0, min(arg, 10))
    elif word == b"u" and arg is not None:
        code = arg + 65536 if arg < 0 else arg
        reader.add_text(chr(code) if 0 < code < 0xD800 or 0xE000 <= code <= 0xFFFF else "\ufffd", group.bold)
        return group.uc
    elif word == b"ansicpg" and arg is not None:
        reader.codec = _codec(arg)
    elif word in _SYMBOLS:
        reader.add_text(_SYMBOLS[word], group.bold)
    elif word in _SKIP:
        group.skip = True
    return 0


def read_rtf(data: bytes, path: str) -> DocxText:
    """Stored text of an RTF file and the speaker labels set in bold."""
    if not data.lstrip()[:5] == b"{\\rtf":
        raise ImportFailed("import.rtf_not_rtf", file=path)
    reader = _Reader()
    stack = [_Group()]
    skip_chars = 0
    pos, end = 0, len(data)
    data = data.lstrip()
    end = len(data)
    while pos < end:
        m = _TOKEN.match(data, pos)
        if m is None:  # cannot happen: every byte starts some token
            break
        pos = m.end()
        group = stack[-1]
        word, hexbyte, symbol, brace, raw = m.group(1, 3, 4, 5, 6)
        if brace == b"{":
            stack.append(_Group(group.skip, group.bold, group.uc))
            skip_chars = 0
            continue
        if brace == b"}":
            if len(stack) == 1:
                break  # the end of the document; anything after it is not RTF
            stack.pop()
            skip_chars = 0
            continue
        if word == b"bin":
            pos += max(0, int(m.group(2) or 0))
            continue
        if group.skip:
            continue
        if word is not None:
            arg = int(m.group(2)) if m.group(2) else None
            skip_chars = _control(reader, group, word, arg)
        elif hexbyte is not None:
            if skip_chars:
                skip_chars -= 1
            else:
                reader.add_bytes(bytes([int(hexbyte, 16)]), group.bold)
        elif symbol is not None:
            if symbol == b"*":
                group.skip = True
            elif symbol in _CONTROL_SYMBOLS:
                reader.add_text(_CONTROL_SYMBOLS[symbol], group.bold)
        elif raw is not None:
            if skip_chars:
                dropped = min(skip_chars, len(raw))
                raw, skip_chars = raw[dropped:], skip_chars - dropped
            if raw:
                reader.add_bytes(raw, group.bold)
    else:
        if len(stack) > 1:
            raise ImportFailed("import.rtf_truncated", file=path)
    if reader.runs or reader.pending:
        reader.paragraph()
    text = normalize_text("\n".join(reader.lines)).strip("\n") + "\n"
    return DocxText(check_text(text, path), frozenset(reader.labels))
