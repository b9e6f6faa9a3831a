"""The catalog of exported words and the locale formats: German numbers with a decimal comma and
a space before %, German dates with the month's name; English alike; missing keys fail loudly."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from toolkit.errors import InvalidValue
from toolkit.i18n import CATALOG, label, language, long_date, number, percent, text


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "shown"),
    [
        (3.1104, "de", 2, "3,11"),
        (3.1104, "en", 2, "3.11"),
        (12345.678, "de", 1, "12.345,7"),
        (12345.678, "en", 1, "12,345.7"),
        (1234, "de", 2, "1.234"),
        (-0.5, "de", 2, "−0,50"),
        (-0.0001, "de", 3, "0,000"),
        (float("nan"), "de", 2, "n. b."),
        (None, "en", 2, "n/a"),
    ],
)
def test_numbers(value: float | None, lang: str, decimals: int, shown: str) -> None:
    assert number(value, language(lang), decimals=decimals) == shown


def test_percent_and_dates() -> None:
    assert percent(3.114) == "3,11\u00a0%" and percent(3.114, "en") == "3.11%"
    assert long_date(date(2026, 12, 1)) == "1. Dezember 2026"
    assert long_date(datetime(2026, 3, 9, 18, 53), "en") == "9 March 2026"


def test_texts_labels_and_errors() -> None:
    assert text("report.summary", "de", codings=3, documents=1) == "3 Codierungen in 1 Dokumenten"
    assert text("col.share_pct", "en") == "Share %"
    assert label("col", "municipality_type") == "municipality_type"  # a name from the data
    assert label("value", "challenge") == "Herausforderung"
    with pytest.raises(KeyError, match="add it to the module of its area"):
        text("col.nothing")
    with pytest.raises(InvalidValue, match="use one of de, en"):
        language("fr")
    assert all(entry.de and entry.en for entry in CATALOG.values())


def test_a_key_defined_in_two_areas_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import toolkit.catalog as catalog
    from toolkit.catalog.exports import TEXTS

    monkeypatch.setattr(catalog, "_AREAS", ("exports", "exports"))
    with pytest.raises(RuntimeError, match=r"toolkit.catalog.exports defines '.+' a second time"):
        catalog._build()
    assert TEXTS["col.code"].en == "Code"


def test_plural_picks_the_form_of_the_count() -> None:
    from toolkit.i18n import plural

    assert plural("ui.analysis.in_documents", 1, "de") == "1 Dokument"
    assert plural("ui.analysis.in_documents", 3, "de") == "3 Dokumenten"
    assert plural("ui.analysis.n_codings", 1, "en") == "1 coding"
    assert plural("ui.analysis.n_codings", 0, "en") == "0 codings"
    assert plural("ui.analysis.n_codings", 12345, "de") == "12.345 Codierungen"


def test_every_plural_has_both_forms_in_both_languages() -> None:
    """A key ending in ``.one`` has its ``.other``, both counting ``{n}`` in German and English."""
    stems = {k.rsplit(".", 1)[0] for k in CATALOG if k.endswith(".one")}
    assert len(stems) >= 5
    for stem in stems:
        for form in ("one", "other"):
            entry = CATALOG[f"{stem}.{form}"]
            assert "{n}" in entry.de and "{n}" in entry.en, stem
