"""Links into a transcript: what the Kodieren page reads back."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from toolkit.errors import InvalidValue
from toolkit.links import transcript_link


def test_a_link_names_document_and_span() -> None:
    assert transcript_link("interview_cdo", 22420, 22434, coder="anna") == (
        "/?doc=interview_cdo&start=22420&end=22434&coder=anna"
    )
    assert transcript_link("x", 0, 0) == "/?doc=x&start=0&end=0"


def test_names_with_spaces_umlauts_and_ampersands_come_back_unchanged() -> None:
    link = transcript_link("Gespräch 3 & 4", 5, 9, coder="Jörg B.", project="/home/a b/studie#1.db")
    parts = urlsplit(link)
    assert parts.path == "/" and parts.fragment == ""
    assert parse_qs(parts.query) == {
        "doc": ["Gespräch 3 & 4"],
        "start": ["5"],
        "end": ["9"],
        "coder": ["Jörg B."],
        "project": ["/home/a b/studie#1.db"],
    }


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4)])
def test_a_span_backwards_or_before_the_text_is_refused(start: int, end: int) -> None:
    with pytest.raises(InvalidValue, match="span"):
        transcript_link("x", start, end)
