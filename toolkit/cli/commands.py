"""The command table: every top-level command, the module and object that define it, and its short
help. The root group imports a command's module only when that command runs (or its own ``--help``
is asked for); ``coding-toolkit --help`` prints the short help kept here and imports nothing.

To add a command: define it at module level in the module of its concern with ``@click.command("name")``
(or ``@click.group("name")``), and add a line here. ``tests/test_cli_package.py`` checks that each
line names the command and repeats the first sentence of its help.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    """Where a top-level command is defined (``module:object``) and its short help."""

    target: str
    help: str


COMMANDS: dict[str, Entry] = {
    # creating projects
    "init": Entry(
        "toolkit.cli.create:init",
        "Create a new project database with a codebook; it becomes the current project.",
    ),
    "demo": Entry(
        "toolkit.cli.create:demo",
        "Create the demo project from codebook/ and transcripts/ unless it exists.",
    ),
    "projects": Entry(
        "toolkit.cli.projects:projects",
        "List the projects opened before; the first is the current project.",
    ),
    "settings": Entry(
        "toolkit.cli.settings:settings",
        "Show and set the project's defaults and each person's own choices (the UI language).",
    ),
    # documents
    "import": Entry(
        "toolkit.cli.documents:import_cmd",
        "Import transcripts (.docx, .odt, .rtf, .pdf, .txt, .md, .srt, .vtt) as one transaction.",
    ),
    "documents": Entry(
        "toolkit.cli.documents:documents",
        "List documents with words, turns, speakers and time range.",
    ),
    "turns": Entry(
        "toolkit.cli.documents:turns",
        "List the speaker turns of a document (offsets into the stored text).",
    ),
    "attributes": Entry("toolkit.cli.documents:attributes", "Case attributes of documents and speakers."),
    "sets": Entry(
        "toolkit.cli.sets:sets",
        'Document sets: named groups of documents (e.g. "Großstädte") for filters.',
    ),
    "media": Entry(
        "toolkit.cli.media:media",
        "Recordings of documents: attach, detach, list, time stamps.",
    ),
    # codes and codings
    "codebook": Entry("toolkit.cli.codebook:codebook", "Load, show, export and edit the project's codebook."),
    "code": Entry(
        "toolkit.cli.codings:code",
        "Code the text from START to END (character offsets) of DOCUMENT with CODE_PATH.",
    ),
    "codings": Entry("toolkit.cli.codings:codings", "Import and export codings."),
    "done": Entry(
        "toolkit.cli.progress:done_cmd",
        "Mark DOCUMENT as coded by CODER, also without any coding in it, so that agreement compares it "
        "(agreement compares only documents every compared coder has coded).",
    ),
    "search": Entry(
        "toolkit.cli.search:search_cmd",
        'Find words, phrases ("…"), wildcards (*), AND / OR / NOT and NEAR/n in all transcripts.',
    ),
    # suggestions
    "suggest": Entry(
        "toolkit.cli.suggest:suggest_command",
        "Suggest codes for each sentence and speaker turn from the codebook's keywords and, once "
        "`coding-toolkit train` has stored a model, from the model (calibrated scores).",
    ),
    "suggestion": Entry(
        "toolkit.cli.feedback:suggestion", "Accept or reject code suggestions, as in the workbench."
    ),
    "train": Entry(
        "toolkit.cli.suggest:train_command",
        "Train the suggestion model on a coder's codings and store it in the project.",
    ),
    "evaluate-suggestions": Entry(
        "toolkit.cli.suggest:evaluate_command",
        "Measure suggestions against a coder's codings: train on some documents, test on others.",
    ),
    # agreement and analysis
    "agreement": Entry(
        "toolkit.cli.agreement:agreement_cmd",
        "Intercoder agreement of coders per code, field of action and overall.",
    ),
    "frequencies": Entry(
        "toolkit.cli.analysis:frequencies",
        "Code frequencies: codings, documents containing the code, coded words and shares.",
    ),
    "matrix": Entry(
        "toolkit.cli.analysis:matrix",
        "A code x document (or attribute, coder, role) matrix of counts, presence or percentages.",
    ),
    "cooccurrence": Entry(
        "toolkit.cli.analysis:cooccurrence",
        "Pairs of codes that overlap or share a speaker turn or sentence, with counts and Jaccard.",
    ),
    "segments": Entry(
        "toolkit.cli.analysis:segments_command",
        "Coded segments with context, document, speaker and time stamp.",
    ),
    "report": Entry(
        "toolkit.cli.analysis:report",
        "A Word report: frequency tables and charts per field of action, quotes per code, of the "
        "consensus coder (or the coders chosen; several are pooled, each segment quoted once).",
    ),
    "summary": Entry(
        "toolkit.cli.qca:summary",
        "Thematic summaries: one text per document and code (and coder).",
    ),
    "memo": Entry(
        "toolkit.cli.qca:memo",
        "Memos on codes: what a code means in this project, decisions, open questions.",
    ),
    "paraphrase": Entry(
        "toolkit.cli.paraphrases:paraphrase",
        "Paraphrases of segments, grouped and turned into categories (codes).",
    ),
    "memos": Entry(
        "toolkit.cli.qca:memos_cmd",
        "List every memo (document, code, coding memos and summaries), newest first, or export them.",
    ),
    "compare": Entry(
        "toolkit.cli.qca:compare_cmd",
        "Compare groups of documents: a code's segments side by side per value of a variable, with counts.",
    ),
    # exchange
    "project": Entry(
        "toolkit.cli.exchange:project",
        "Exchange whole projects with other tools as REFI-QDA .qdpx files.",
    ),
    # team
    "user": Entry(
        "toolkit.cli.accounts:user",
        "Accounts of the project (team mode): add, passwords, roles, disable.",
    ),
    "team": Entry(
        "toolkit.cli.accounts:team",
        "Team mode: logins and roles in the app, role checks everywhere.",
    ),
    # maintenance
    "backup": Entry(
        "toolkit.cli.maintenance:backup",
        "Copy the project to a new file with SQLite's online backup (safe while the app runs).",
    ),
    "restore": Entry(
        "toolkit.cli.maintenance:restore",
        "Replace the project with a checked backup; the replaced state is kept beside it.",
    ),
    "snapshot": Entry(
        "toolkit.cli.maintenance:snapshot",
        "Take a timestamped snapshot now and delete the oldest beyond --keep.",
    ),
    "history": Entry(
        "toolkit.cli.maintenance:history",
        "Who changed what and when, from the append-only event log (newest first).",
    ),
    "pseudonyms": Entry(
        "toolkit.cli.maintenance:pseudonyms",
        "Pseudonymise names, places and organisations (the table is for leads only).",
    ),
}
