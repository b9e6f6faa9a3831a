"""Charts of the results as Altair (Vega-Lite) specifications, shared by the Auswertung page and
the DOCX report, and drawn to PNG for the report with ``vl-convert`` (Vega-Lite rendered on the
machine itself: no browser, no network). Titles and valences come from :mod:`toolkit.i18n`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.i18n import Language, text

COUNT_AXIS = alt.Axis(format="d", tickMinStep=1)  # counts: no ticks at 0.5
COLOURS = ["#D62728", "#2CA02C", "#999999"]
VALENCE_KEYS = ("challenge", "driver", "(none)")


def valences(lang: Language = "de") -> dict[str, str]:
    """Valence keys as shown in a chart's legend."""
    return {
        "challenge": text("value.challenge", lang),
        "driver": text("value.driver", lang),
        "(none)": text("chart.no_valence", lang),
    }


def _colours(lang: Language) -> alt.Scale:
    return alt.Scale(domain=list(valences(lang).values()), range=COLOURS)


def _tooltips(fields: tuple[str, ...], lang: Language) -> list[alt.Tooltip]:
    """A chart's tooltip lines headed like the tables' columns (``Codierungen``, not ``codings``)."""
    return [alt.Tooltip(f, title=text(f"col.{f}", lang)) for f in fields]


def field_valence_bars(by_field: pd.DataFrame, lang: Language = "de") -> alt.Chart:
    """Stacked bars: codings per field of action, split into challenges and drivers
    (``by_field`` is ``frequencies(data, "field")``)."""
    data = by_field.assign(valence=by_field["valence"].map(valences(lang)))
    chart: alt.Chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "field_of_action:N",
                title=text("col.field_of_action", lang),
                sort=None,
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y("codings:Q", title=text("col.codings", lang), axis=COUNT_AXIS),
            color=alt.Color("valence:N", title=text("col.valence", lang), scale=_colours(lang)),
            tooltip=_tooltips(("field_of_action", "valence", "codings", "documents", "words"), lang),
        )
    )
    return chart


def code_bars(by_code: pd.DataFrame, *, title: str = "", lang: Language = "de") -> alt.Chart:
    """Horizontal bars: codings per code in codebook order, coloured by valence (``by_code`` is
    ``frequencies(data, "code")``; codes without codings are left out)."""
    used = by_code[by_code["codings"] > 0].assign(valence=lambda f: f["valence"].map(valences(lang)))
    chart: alt.Chart = (
        alt.Chart(used)
        .mark_bar()
        .encode(
            y=alt.Y("code:N", title=None, sort=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("codings:Q", title=text("col.codings", lang), axis=COUNT_AXIS),
            color=alt.Color("valence:N", title=text("col.valence", lang), scale=_colours(lang)),
            tooltip=_tooltips(("code", "codings", "documents", "words", "share_pct"), lang),
        )
    )
    if title:
        chart = chart.properties(title=title)
    return chart


def png(chart: alt.Chart, *, width: int = 480) -> bytes | None:
    """The chart as a PNG at twice the resolution, or None when vl-convert is not installed."""
    try:
        import vl_convert
    except ImportError:
        return None
    spec = chart.properties(width=width).to_json()
    data: bytes = vl_convert.vegalite_to_png(spec, scale=2)
    return data
