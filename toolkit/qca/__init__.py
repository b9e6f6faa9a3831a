"""Qualitative content analysis after Kuckartz and Mayring (issue 20): thematic summaries per
document and code, their tables, and the undo of a coder's own QCA texts."""
