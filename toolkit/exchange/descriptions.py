"""A code's definition, anchor example and coding rule as one free-text description, as REFI-QDA
(``Description``) and Taguette (``description``) carry it: the definition, then the anchor example
and the coding rule as paragraphs starting with a label::

    Was Informationen erschwert.

    Ankerbeispiel: "Das erfährt man nur über Flurfunk."

    Kodierregel: Nur wenn ...

Labels are German (``Ankerbeispiel:``, ``Kodierregel:``) for a German codebook and English
(``Anchor example:``, ``Coding rule:``) otherwise; both are recognised on import. A description
without labels (every other tool) is the definition.
"""

from __future__ import annotations

import re

LABELS = {
    "de": ("Ankerbeispiel:", "Kodierregel:"),
    "en": ("Anchor example:", "Coding rule:"),
}
_SECTION = re.compile(r"(?:^|\n\n)(Ankerbeispiel|Anchor example|Kodierregel|Coding rule):[ \t]?")


def compose_description(definition: str, anchor_example: str, coding_rule: str, language: str = "de") -> str:
    """One REFI-QDA description from the three fields (see the module docstring)."""
    anchor_label, rule_label = LABELS.get(language, LABELS["en"])
    parts = [definition] if definition else []
    if anchor_example:
        parts.append(f"{anchor_label} {anchor_example}")
    if coding_rule:
        parts.append(f"{rule_label} {coding_rule}")
    return "\n\n".join(parts)


def parse_description(text: str) -> tuple[str, str, str]:
    """``(definition, anchor_example, coding_rule)`` of a description; the inverse of
    :func:`compose_description`."""
    found = list(_SECTION.finditer(text))
    if not found:
        return text, "", ""
    fields = {"anchor": "", "rule": ""}
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        key = "anchor" if m.group(1) in ("Ankerbeispiel", "Anchor example") else "rule"
        body = text[m.end() : nxt.start() if nxt else len(text)]
        fields[key] = f"{fields[key]}\n\n{body}" if fields[key] else body
    return text[: found[0].start()], fields["anchor"], fields["rule"]
