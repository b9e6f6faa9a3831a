"""Whose codings an analysis or report shows: the consensus coder when there is one, otherwise the
coders asked for; several coders make a pooled view, which every output says it is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.analysis.data import CodingData, select
from toolkit.coders import CONSENSUS_CODER
from toolkit.errors import InvalidValue, NotFound
from toolkit.i18n import Language, label, text


@dataclass(frozen=True)
class CoderView:
    """The coders whose codings are shown; ``pooled`` when there are several."""

    coders: tuple[str, ...]

    @property
    def pooled(self) -> bool:
        return len(self.coders) > 1

    def describe(self, lang: Language = "de") -> str:
        """``Codierungen von Konsens`` or ``gepoolt: Codierungen von anna, ben zusammen …``."""
        names = ", ".join(coder_label(c, lang) for c in self.coders)
        if self.pooled:
            return text("view.pooled", lang, coders=names)
        return text("view.single", lang, coder=names or "–")


def coder_label(name: str, lang: Language = "de") -> str:
    """A coder as shown in outputs: the consensus coder as ``Konsens``, anyone else by name."""
    return label("coder", name, lang)


def coded_by(data: CodingData) -> list[str]:
    """The coders with at least one coding in ``data``, by name."""
    return sorted(str(c) for c in data.codings["coder"].unique())


def choose_coders(data: CodingData, wanted: Sequence[str] = (), *, all_coders: bool = False) -> CoderView:
    """Who is reported: the ``wanted`` coders; all coders with ``all_coders``; otherwise the
    consensus coder when it has codings, or the only coder. Several coders and no consensus, with
    nothing chosen: an error that says how to choose."""
    available = coded_by(data)
    if wanted and all_coders:
        raise InvalidValue("analysis.coders_or_all")
    if wanted:
        for name in wanted:
            if name not in data.coders:
                raise NotFound("coder.not_found", name=name, coders=data.coders)
        return CoderView(tuple(dict.fromkeys(wanted)))
    if all_coders or len(available) <= 1:
        return CoderView(tuple(available))
    if CONSENSUS_CODER in available:
        return CoderView((CONSENSUS_CODER,))
    raise InvalidValue("analysis.choose_coders", count=len(available), coders=available)


def default_view(data: CodingData) -> CoderView:
    """The view shown before anyone chooses: the consensus coder, the only coder, else nobody."""
    try:
        return choose_coders(data)
    except InvalidValue:
        return CoderView(())


def view_of(data: CodingData, view: CoderView) -> CodingData:
    """``data`` narrowed to the view's coders (unchanged when they are all the coders in it)."""
    if set(view.coders) >= set(coded_by(data)):
        return data
    return select(data, coders=list(view.coders))
