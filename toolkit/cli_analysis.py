"""Analysis commands: frequencies, matrices, co-occurrence, segments, the DOCX report and the
codebook as a coding guide. Each parses, calls the library and writes the file or stdout."""

from __future__ import annotations

import dataclasses
import io
import sys

import click
import pandas as pd

from toolkit import analysis, atomic
from toolkit.cli import _store, errors_as_messages
from toolkit.exports import (
    TABLE_FORMATS,
    build_report,
    table_bytes,
    write_report,
)
from toolkit.store import Store

_format = click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="csv", show_default=True)
_output = click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
_coder = click.option("--coder", help="Only this coder's codings (e.g. the consensus coder).")
_pseudonymise = click.option(
    "--pseudonymise", is_flag=True, help="Replace the pseudonym table's names in the exported text."
)


def _data(store: Store, coder: str | None) -> analysis.CodingData:
    return analysis.load_codings_cached(store, coder=coder)


def _write_table(
    frame: pd.DataFrame, fmt: str, output: str | None, name: str, data: analysis.CodingData
) -> None:
    if output is None:
        if fmt == "xlsx":
            raise click.UsageError("--format xlsx needs a file: add -o FILE.xlsx")
        sys.stdout.write(table_bytes(frame, fmt, bom=False).decode("utf-8"))
        return
    atomic.write_bytes(output, table_bytes(frame, fmt, name=name, filters=data.filters))
    click.echo(f"wrote {len(frame)} rows to {output}", err=True)


def frequencies_cmd() -> click.Command:
    @click.command("frequencies")
    @click.option(
        "--by",
        default="code",
        show_default=True,
        metavar="code|field|document|speaker|role|coder|attribute:NAME",
        help="How to group the codings.",
    )
    @_coder
    @_format
    @_output
    @click.pass_context
    @errors_as_messages
    def frequencies(ctx: click.Context, by: str, coder: str | None, fmt: str, output: str | None) -> None:
        """Code frequencies: codings, documents containing the code, coded words and shares.

        Example: coding-toolkit frequencies --by attribute:municipality_type --format xlsx -o f.xlsx
        """
        data = _data(_store(ctx), coder)
        _write_table(analysis.frequencies(data, by), fmt, output, f"Häufigkeiten {by}", data)

    return frequencies


def matrix_cmd() -> click.Command:
    @click.command("matrix")
    @click.option("--rows", type=click.Choice(["code", "field"]), default="code", show_default=True)
    @click.option(
        "--cols",
        default="document",
        show_default=True,
        metavar="document|coder|role|field|attribute:NAME",
        help="What the columns are.",
    )
    @click.option("--values", type=click.Choice(analysis.MATRIX_VALUES), default="count", show_default=True)
    @_coder
    @_format
    @_output
    @click.pass_context
    @errors_as_messages
    def matrix(
        ctx: click.Context, rows: str, cols: str, values: str, coder: str | None, fmt: str, output: str | None
    ) -> None:
        """A code x document (or attribute, coder, role) matrix of counts, presence or percentages.

        Example: coding-toolkit matrix --rows code --cols attribute:municipality_type --values row-percent
        """
        data = _data(_store(ctx), coder)
        table = analysis.matrix(data, cols, values=values, rows=rows)
        _write_table(table, fmt, output, f"Matrix {cols}", data)

    return matrix


def cooccurrence_cmd() -> click.Command:
    @click.command("cooccurrence")
    @click.option("--method", type=click.Choice(analysis.METHODS), default="overlap", show_default=True)
    @_coder
    @_format
    @_output
    @click.pass_context
    @errors_as_messages
    def cooccurrence(
        ctx: click.Context, method: str, coder: str | None, fmt: str, output: str | None
    ) -> None:
        """Pairs of codes that overlap or share a speaker turn or sentence, with counts and Jaccard.

        Example: coding-toolkit cooccurrence --method turn --coder anna --format csv
        """
        store = _store(ctx)
        data = _data(store, coder)
        pairs = analysis.cooccurrence(data, method, store=store)
        _write_table(pairs, fmt, output, f"Kookkurrenz {method}", data)

    return cooccurrence


def segments_cmd() -> click.Command:
    @click.command("segments")
    @click.option("--code", "codes", multiple=True, help="Code path (with subcodes); repeatable.")
    @click.option("--document", "documents", multiple=True, help="Only this document; repeatable.")
    @click.option("--speaker", "speakers", multiple=True, help="Only this speaker label; repeatable.")
    @click.option("--role", "roles", multiple=True, help="Only this speaker role; repeatable.")
    @click.option(
        "--attr", "attrs", multiple=True, metavar="KEY=VALUE", help="Document attribute; repeatable."
    )
    @click.option(
        "--context", default="200", show_default=True, help="Characters around the segment, or 'turn'."
    )
    @_coder
    @_format
    @_output
    @_pseudonymise
    @click.pass_context
    @errors_as_messages
    def segments_command(
        ctx: click.Context,
        codes: tuple[str, ...],
        documents: tuple[str, ...],
        speakers: tuple[str, ...],
        roles: tuple[str, ...],
        attrs: tuple[str, ...],
        context: str,
        coder: str | None,
        fmt: str,
        output: str | None,
        pseudonymise: bool,
    ) -> None:
        """Coded segments with context, document, speaker and time stamp.

        Example: coding-toolkit segments --code "Mensch/Treiber" --role CDO --context turn --format csv
        """
        store = _store(ctx)
        wanted: dict[str, list[str]] = {}
        for item in attrs:
            key, sep, value = item.partition("=")
            if not sep:
                raise click.UsageError(f"--attr {item!r} is not KEY=VALUE")
            wanted.setdefault(key.strip(), []).append(value.strip())
        data = analysis.select(
            _data(store, coder),
            codes=codes or None,
            documents=documents or None,
            speakers=speakers or None,
            roles=roles or None,
            attributes=wanted or None,
        )
        size: int | str = context if context == "turn" else _int(context)
        frame = analysis.segments(store, data, context=size)
        if pseudonymise:
            from toolkit.pseudonyms import pseudonymise_frame

            frame = pseudonymise_frame(store, frame)
        _write_table(frame, fmt, output, "Segmente", data)

    return segments_command


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise click.BadParameter(f"{text!r} is neither a number of characters nor 'turn'") from None


def report_cmd() -> click.Command:
    @click.command("report")
    @click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .docx file.")
    @click.option("--quotes-per-code", type=int, help="At most this many quotes per code (default: all).")
    @click.option("--title", default="Auswertung", show_default=True)
    @_coder
    @_pseudonymise
    @click.pass_context
    @errors_as_messages
    def report(
        ctx: click.Context,
        output: str,
        quotes_per_code: int | None,
        title: str,
        coder: str | None,
        pseudonymise: bool,
    ) -> None:
        """A Word report: frequency tables and charts per field of action, quotes per code.

        Example: coding-toolkit report -o results.docx --coder konsens
        """
        store = _store(ctx)
        built = build_report(store, _data(store, coder), title=title, quotes_per_code=quotes_per_code)
        if pseudonymise:
            from toolkit.pseudonyms import pseudonymise_frame

            built = dataclasses.replace(built, quotes=pseudonymise_frame(store, built.quotes))
        buffer = io.BytesIO()
        write_report(built, buffer)
        atomic.write_bytes(output, buffer.getvalue())
        click.echo(f"wrote {output}: {built.total_codings} codings, {len(built.quotes)} quotes")

    return report


def register(cli: click.Group) -> None:
    for make in (frequencies_cmd, matrix_cmd, cooccurrence_cmd, segments_cmd, report_cmd):
        cli.add_command(make())
