"""Qualitative content analysis after Kuckartz and Mayring (issue 20): thematic summaries per
document and code, their tables, and the undo of a coder's own QCA texts."""

from __future__ import annotations


def stamp(iso: str, lang: str = "de", *, time: bool = False) -> str:
    """A stored UTC time (ISO 8601) as the reader writes a date: ``02.12.2026`` (German) or
    ``2026-12-02``; with ``time`` also hours and minutes (UTC)."""
    day, _, clock = iso.partition("T")
    y, m, d = day.split("-") if day.count("-") == 2 else ("", "", "")
    shown = f"{d}.{m}.{y}" if lang == "de" and y else day
    return f"{shown} {clock[:5]}" if time and clock else shown
