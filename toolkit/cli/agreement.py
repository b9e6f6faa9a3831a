"""``coding-toolkit agreement``: compare coders with one method and print or export the tables."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import click

from toolkit import atomic
from toolkit.agreement.formatting import format_number
from toolkit.agreement.methods import METHODS, agreement
from toolkit.agreement.report import report_data
from toolkit.agreement.selection import parse_coders
from toolkit.cli.common import emit, errors_as_messages, json_option, project_store
from toolkit.errors import InvalidValue
from toolkit.exports.agreement import write_csv, write_docx, write_xlsx
from toolkit.units import UNIT_KINDS


def _plain(value: Any) -> Any:
    """NaN becomes null in JSON."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _export(data: dict[str, Any], output: str, lang: str = "de") -> None:
    suffix = Path(output).suffix.lower()
    if suffix == ".csv":
        buffer = io.StringIO()
        write_csv(data, buffer)
        atomic.write_text(output, buffer.getvalue(), encoding="utf-8")
    elif suffix in (".xlsx", ".docx"):
        binary = io.BytesIO()
        (write_xlsx if suffix == ".xlsx" else write_docx)(data, binary, lang=lang)
        atomic.write_bytes(output, binary.getvalue())
    else:
        raise InvalidValue("agreement.output_type", path=output, suffix=suffix or "(none)")


@click.command("agreement")
@click.option("--coders", required=True, metavar="A,B[,C]", help="Coders to compare, comma-separated.")
@click.option("--method", type=click.Choice(METHODS), default="unit", show_default=True)
@click.option(
    "--unit",
    type=click.Choice(UNIT_KINDS),
    default="sentence",
    show_default=True,
    help="Units of the unit method.",
)
@click.option(
    "--threshold",
    type=float,
    metavar="P",
    help="Percent: unit coverage (unit, default 0 = any character) or segment overlap (segment, default 90).",
)
@click.option("--code", "code_path", metavar="PATH", help="Only this code and its subcodes.")
@click.option("--document", help="Only this document.")
@click.option(
    "--draws",
    type=int,
    default=1000,
    show_default=True,
    help="Bootstrap draws for the interval of alpha (0: none).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write FILE.csv, .xlsx or .docx.")
@click.option(
    "--lang",
    "--language",
    "lang",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Language of the methods paragraph and of the XLSX/DOCX file's headers.",
)
@json_option
@click.pass_context
@errors_as_messages
def agreement_cmd(
    ctx: click.Context,
    coders: str,
    method: str,
    unit: str,
    threshold: float | None,
    code_path: str | None,
    document: str | None,
    draws: int,
    seed: int,
    output: str | None,
    lang: str,
    as_json: bool,
) -> None:
    """Intercoder agreement of coders per code, field of action and overall.

    Example: coding-toolkit agreement --coders anna,ben --method segment --threshold 90 -o agreement.xlsx
    """
    result = agreement(
        project_store(ctx),
        parse_coders(coders),
        method=method,
        unit=unit,
        threshold=threshold,
        code=code_path,
        document=document,
        draws=draws,
        seed=seed,
    )
    data = report_data(result)
    if output:
        _export(data, output, lang)
    if as_json:
        emit(_plain(data))
        return
    overall = [r for r in data["tables"]["agreement"] if r.get("scope") in ("overall", "field")]
    for row in overall:
        values = {k: v for k, v in row.items() if isinstance(v, float)}
        label = row.get("field") or "overall"
        pair = f" [{row['pair']}]" if "pair" in row else ""
        click.echo(
            f"{label}{pair}: " + ", ".join(f"{k}={format_number(v, 'en', k)}" for k, v in values.items())
        )
    click.echo("")
    click.echo(f"compared {len(data['documents'])} documents: {', '.join(data['documents']) or '(none)'}")
    for e in data["excluded_documents"]:
        click.echo(f"excluded {e['document']}: {e['reason']}")
    click.echo("")
    click.echo(data["paragraph_de" if lang == "de" else "paragraph_en"])
    if output:
        click.echo(f"Wrote {output}")
