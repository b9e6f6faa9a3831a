"""Selection positions of other tools map onto the stored text: code points or UTF-16 units, through
line-end, NFC and control-character normalisation."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

from toolkit.exchange.refi import PositionMap, position_unit
from toolkit.exchange.refi.positions import CODEPOINTS, UTF16

# Each atom starts with a character that does not combine with what precedes it.
ATOMS = ["a", "B", " ", "é", "e\u0301", "A\u030a\u0301", "\r\n", "\n", "\u2028", "😀", "ß", "\x01", "Ω"]


def _stored(text: str) -> str:
    text = re.sub(r"\r\n|\r|\u2028", "\n", text).replace("\x01", "")
    return unicodedata.normalize("NFC", text)


def _units(text: str, unit: str) -> int:
    return len(text.encode("utf-16-le")) // 2 if unit == UTF16 else len(text)


@given(
    atoms=st.lists(st.sampled_from(ATOMS), min_size=1, max_size=40),
    bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)),
    unit=st.sampled_from([CODEPOINTS, UTF16]),
)
def test_a_selection_covers_exactly_the_characters_the_other_tool_showed(
    atoms: list[str], bounds: tuple[int, int], unit: str
) -> None:
    raw = "".join(atoms)
    assume(raw.strip() and atoms.count("\x01") <= 3)
    i, j = sorted(min(b, len(atoms)) for b in bounds)
    pmap = PositionMap(raw, unit)
    assert pmap.text == _stored(raw)
    start = _units("".join(atoms[:i]), unit)
    end = _units("".join(atoms[:j]), unit)
    expected = _stored("".join(atoms[i:j]))
    span = pmap.span(start, end)
    if not expected:
        assert span is None
    else:
        assert span is not None
        assert pmap.text[span[0] : span[1]] == expected


def test_the_origin_decides_the_unit() -> None:
    assert position_unit("NVivo 14.23.0 (Windows)") == UTF16
    assert position_unit("NVivo for Mac 14") == CODEPOINTS
    assert position_unit("MAXQDA 24 (Release 24.7.0)") == CODEPOINTS
    assert position_unit("") == CODEPOINTS


def test_positions_outside_the_source_are_refused() -> None:
    pmap = PositionMap("abc", CODEPOINTS)
    assert pmap.span(0, 4) is None and pmap.span(2, 2) is None and pmap.span(-1, 2) is None
    assert pmap.span(0, 3) == (0, 3)


def test_a_bom_is_not_counted() -> None:
    pmap = PositionMap("\ufeffHallo Welt", UTF16)
    assert pmap.span(6, 10) == (6, 10) and pmap.text[6:10] == "Welt"
