"""The ``project`` commands: REFI-QDA ``.qdpx`` projects in and out (MAXQDA, ATLAS.ti, NVivo, qc)."""

from __future__ import annotations

import click

from toolkit.atomic import write_bytes
from toolkit.cli.common import actor_name, emit, errors_as_messages, json_option, project_store
from toolkit.exchange.refi import ImportReport, export_project, import_project


def print_report(report: ImportReport) -> None:
    """The import report as a few lines: counts, then what was skipped, missing or odd."""
    if report.dry_run:
        click.echo("dry run: nothing was stored; an import would bring")
    click.echo(
        f"{report.documents_imported} documents, {report.codings_imported} codings, "
        f"{report.codes_added} codes added ({report.codes_updated} updated), "
        f"{report.coders_added} coders, {report.memos_imported} memos, "
        f"{report.attributes_set} attribute values"
    )
    if report.sets_created or report.set_members_added:
        click.echo(f"document sets: {report.sets_created} new, {report.set_members_added} memberships added")
    if report.media_attached:
        click.echo(
            f"{report.media_attached} recordings attached, {report.time_stamps_synced} time stamps "
            "from their sync points"
        )
    if report.documents_present or report.codings_present:
        click.echo(
            f"already in the project: {report.documents_present} documents, {report.codings_present} codings"
        )
    for label, items in (
        ("skipped", report.skipped_sources),
        ("missing", report.missing_sources),
        ("warning", report.warnings),
    ):
        for item in items:
            click.echo(f"{label}: {item}")


@click.group("project")
def project() -> None:
    """Exchange whole projects with other tools as REFI-QDA .qdpx files.

    Example: coding-toolkit project export -o study.qdpx
    """


@project.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Report what the import would do, and store nothing.")
@json_option
@click.pass_context
@errors_as_messages
def project_import(ctx: click.Context, file: str, dry_run: bool, as_json: bool) -> None:
    """Import a REFI-QDA project (.qdpx from MAXQDA, ATLAS.ti, NVivo, qc, QualCoder) in one
    transaction: codes, coders, text documents, codings, memos, variables and sets.

    Example: coding-toolkit project import study.qdpx --dry-run
    """
    report = import_project(project_store(ctx), file, actor=actor_name(), dry_run=dry_run)
    if as_json:
        emit(report)
        return
    print_report(report)


@project.command("export")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), required=True, help="The .qdpx file to write."
)
@click.option(
    "--unique-names",
    is_flag=True,
    help='Make every code name unique ("Treiber (Mensch)") for tools that need it, e.g. QualCoder.',
)
@click.option(
    "--case-segments",
    is_flag=True,
    help="Every speaker a case with its turns as segments, as QualCoder reads them (other tools "
    "show them as extra codes).",
)
@click.pass_context
@errors_as_messages
def project_export(ctx: click.Context, output: str, unique_names: bool, case_segments: bool) -> None:
    """Export the project as a REFI-QDA .qdpx (project.qde + sources/) for other QDA tools.

    Example: coding-toolkit project export -o study.qdpx

    Example: coding-toolkit project export --unique-names --case-segments -o for-qualcoder.qdpx
    """
    data = export_project(
        project_store(ctx), actor=actor_name(), unique_names=unique_names, case_segments=case_segments
    )
    write_bytes(output, data)
    click.echo(f"wrote {output} ({len(data):,} bytes)")
