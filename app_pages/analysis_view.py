"""How Auswertung shows the library's frames: headings, values and numbers in the tab's language,
codes and fields of action by their names in that language, links into Kodieren, downloads. The
downloads keep the library's frames (codebook paths, plain numbers)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from app_pages.deeplinks import link_column, linker
from app_pages.lang import tr, ui_language
from toolkit import analysis
from toolkit.code_labels import field_names, path_names
from toolkit.exports import table_bytes
from toolkit.i18n import Language, label, number, percent, text
from toolkit.store import Store

HEADED = (  # library columns with a heading of the export catalog (col.*)
    "code",
    "field_of_action",
    "valence",
    "codings",
    "codes",
    "documents",
    "words",
    "document",
    "speaker",
    "speaker_role",
    "coder",
    "time",
    "page",
    "start",
    "end",
    "code_a",
    "code_b",
    "count",
    "n_a",
    "n_b",
    "share_pct",
    "documents_pct",
    "jaccard",
)
CODE_COLUMNS = ("code", "code_a", "code_b")
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass(frozen=True)
class Names:
    """How this tab names codes (path -> shown path) and fields of action."""

    lang: Language
    codes: Mapping[str, str]
    fields: Mapping[str, str]

    def code(self, path: object) -> str:
        return self.codes.get(str(path), str(path))

    def field(self, name: object) -> str:
        return self.fields.get(str(name), str(name))

    def row(self, rows: str, value: object) -> str:
        """A matrix row's name: a code or a field of action."""
        return self.code(value) if rows == "code" else self.field(value)


def names_of(store: Store) -> Names:
    lang = ui_language()
    return Names(lang, path_names(store, lang), field_names(store, lang))


def columns(lang: Language) -> dict[str, Any]:
    """The column config of the page's tables: headings in ``lang``, wide text columns, links."""
    config: dict[str, Any] = {c: text(f"col.{c}", lang) for c in HEADED}
    config.update(
        before=st.column_config.TextColumn(text("col.before", lang), width="medium"),
        text=st.column_config.TextColumn(text("col.text", lang), width="large"),
        after=st.column_config.TextColumn(text("col.after", lang), width="medium"),
        weight=text("col.weight", lang),
        _index=text("col.code", lang),
        link=link_column(),
    )
    return config


def num(value: float | int, decimals: int = 1) -> str:
    return number(value, ui_language(), decimals=decimals)


def pct(value: float) -> str:
    return percent(float(value), ui_language(), decimals=1)


def coder_names(value: object, lang: Language) -> str:
    return ", ".join(analysis.coder_label(x, lang) for x in str(value).split(", "))


def shown(frame: pd.DataFrame, names: Names) -> pd.DataFrame:
    """The table as shown: codes, fields, valences and coders named in the tab's language, per cent
    and decimals as the language writes them (``3,1 %`` / ``3.1%``), ``–`` for the library's
    "(none)" (a copy; the download keeps the library's values)."""
    lang = names.lang
    out = frame.copy()
    for column in CODE_COLUMNS:
        if column in out:
            out[column] = out[column].map(names.code)
    if "field_of_action" in out:
        out["field_of_action"] = out["field_of_action"].map(names.field)
    if "valence" in out:
        out["valence"] = out["valence"].map(lambda v: label("value", str(v), lang) if v in VALENCES else "–")
    if "coder" in out:
        out["coder"] = out["coder"].map(lambda c: coder_names(c, lang))
    if "page" in out:  # a PDF transcript's page; "–" for segments of other documents
        out["page"] = out["page"].map(lambda v: "–" if pd.isna(v) else str(int(v)))
    for column in out.columns:
        if out[column].dtype.kind not in "biufcmM":  # the library's "(none)": no speaker, no role
            out[column] = out[column].map(lambda v: "–" if v == analysis.NONE_LABEL else v)
        if str(column).endswith("_pct"):
            out[column] = out[column].map(pct)
        elif out[column].dtype.kind == "f":
            decimals = 3 if column == "jaccard" else 1
            out[column] = out[column].map(lambda v, d=decimals: num(float(v), d))
    return out


VALENCES = ("challenge", "driver")


def with_links(store: Store, frame: pd.DataFrame) -> pd.DataFrame:
    """The segments with a ``link`` to each span in Kodieren (a copy; downloads stay as they are)."""
    link = linker(store)
    return frame.assign(
        link=[link(d, s, e) for d, s, e in zip(frame["document"], frame["start"], frame["end"], strict=True)]
    )


def with_page(order: list[str], frame: pd.DataFrame) -> list[str]:
    """``order`` with the column ``page`` after ``time`` when the segments come from a PDF."""
    if "page" not in frame or "page" in order:
        return order
    at = order.index("time") + 1 if "time" in order else len(order)
    return [*order[:at], "page", *order[at:]]


def spans_of(frame: pd.DataFrame) -> list[tuple[str, int, int] | None]:
    """Each segment's place (document, start, end), row by row."""
    return [
        (str(d), int(s), int(e))
        for d, s, e in zip(frame["document"], frame["start"], frame["end"], strict=True)
    ]


def downloads(frame: pd.DataFrame, name: str, filters: list[tuple[str, str]], key: str, view: str) -> None:
    """CSV, Excel and JSON of ``frame`` (the library's table, headed in the tab's language in Excel)."""
    lang = ui_language()
    cols = st.columns(3)
    for col, fmt in zip(cols, ("csv", "xlsx", "json"), strict=True):
        col.download_button(
            tr("ui.analysis.download", format=fmt.upper()),
            functools.partial(
                table_bytes, frame, fmt, name=name, filters=filters, title=name, view=view, lang=lang
            ),
            file_name=f"{key}.{fmt}",
            mime=MIME[fmt],
            key=f"analysis_download_{key}_{fmt}",
            on_click="ignore",
        )
