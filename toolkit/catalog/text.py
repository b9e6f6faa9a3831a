"""One entry of the message catalog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["de", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "en")


@dataclass(frozen=True)
class Text:
    """One entry of the catalog: the German and the English wording."""

    de: str
    en: str

    def get(self, lang: Language) -> str:
        return self.de if lang == "de" else self.en
