"""Words of paraphrases and category building (issue 20, Mayring): the paraphrase section of
Zusammenfassungen and the paraphrase switch of Kodieren (``ui.paraphrases.``). Their errors
(``error.paraphrase.``) are in :mod:`toolkit.catalog.errors` with the others."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {}
