"""Links into a transcript: the Kodieren page (the app's default page) opens the document ``doc``
scrolled to the span ``start``-``end`` and outlines it; ``coder`` picks who codes (single-user
mode) and ``project`` the project file to switch to first (only one on the recent-projects list)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from toolkit.errors import InvalidValue


def transcript_link(
    document: str, start: int, end: int, coder: str | None = None, project: str | Path | None = None
) -> str:
    """``/?doc=interview_cdo&start=22420&end=22434&coder=anna``: the app-relative address of a span."""
    if start < 0 or end < start:
        raise InvalidValue("span.negative", start=start, end=end)
    params = {"doc": document, "start": str(int(start)), "end": str(int(end))}
    if coder:
        params["coder"] = coder
    if project:
        params["project"] = str(project)
    return "/?" + urlencode(params)
