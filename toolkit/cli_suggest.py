"""The ``suggest`` command: codes suggested by the codebook's keywords for a document's units."""

from __future__ import annotations

import click

from toolkit.cli import _emit, _store, errors_as_messages, json_option
from toolkit.suggest import UNITS, suggest


def suggest_cmd() -> click.Command:
    @click.command("suggest")
    @click.argument("document")
    @click.option("--coder", help="Leave out codes this coder already gave to an overlapping span.")
    @click.option("--unit", type=click.Choice(UNITS), help="Only sentences or only turns (default: both).")
    @json_option
    @click.pass_context
    @errors_as_messages
    def suggest_command(
        ctx: click.Context, document: str, coder: str | None, unit: str | None, as_json: bool
    ) -> None:
        """Suggest codes for each sentence and speaker turn from the codebook's keywords.

        Nothing is coded: the list is for a coder to review.

        Example: coding-toolkit suggest interview_cdo --unit sentence --coder anna --json
        """
        items = suggest(_store(ctx), document, coder=coder, units=(unit,) if unit else UNITS)
        if as_json:
            _emit(
                [
                    {
                        "start": s.start,
                        "end": s.end,
                        "code_path": s.code_path,
                        "score": s.score,
                        "source": s.source,
                        "evidence": list(s.evidence),
                        "unit": s.unit,
                    }
                    for s in items
                ]
            )
            return
        for s in items:
            click.echo(f"{s.start}-{s.end}\t{s.unit}\t{s.score:.3f}\t{s.code_path}\t{', '.join(s.evidence)}")

    return suggest_command


def register(cli: click.Group) -> None:
    cli.add_command(suggest_cmd())
