"""Speaker turns and timestamps as researchers and transcription tools write them."""

from __future__ import annotations

import pytest

from toolkit.errors import InvalidValue
from toolkit.importers.turns import detect_turns, parse_timestamp
from toolkit.model import Turn

Expected = list[tuple[str, float | None, str]]


def check_offsets(text: str, turns: list[Turn] | tuple[Turn, ...]) -> None:
    """Every turn lies inside the text; turns are in order and do not overlap."""
    previous_end = 0
    for turn in turns:
        assert 0 <= turn.start < turn.end <= len(text), turn
        assert turn.start >= previous_end, turn
        previous_end = turn.end


def turns_of(text: str, **options: object) -> Expected:
    turns = detect_turns(text, **options)  # type: ignore[arg-type]
    check_offsets(text, turns)
    return [(t.speaker, t.timestamp, text[t.start : t.end]) for t in turns]


CONVENTIONS = [
    pytest.param(
        "I: Wie lange arbeiten Sie schon im Bürgerbüro?\n"
        "B: Seit elf Jahren, im Sommer werden es zwölf.\n"
        "B1: Und ich bin seit zwei Jahren dabei.\n",
        [
            ("I", None, "Wie lange arbeiten Sie schon im Bürgerbüro?"),
            ("B", None, "Seit elf Jahren, im Sommer werden es zwölf."),
            ("B1", None, "Und ich bin seit zwei Jahren dabei."),
        ],
        id="inline-I-B-B1",
    ),
    pytest.param(
        "I: Und wie war das am Anfang?\n\n"
        "B: Schwierig. Wir hatten zwei Stellen unbesetzt.\n"
        "Und dann kam noch Corona dazu.\n\n"
        "I: Mhm.\n",
        [
            ("I", None, "Und wie war das am Anfang?"),
            ("B", None, "Schwierig. Wir hatten zwei Stellen unbesetzt.\nUnd dann kam noch Corona dazu."),
            ("I", None, "Mhm."),
        ],
        id="inline-multiline-turn",
    ),
    pytest.param(
        "Interviewer:\nHallo.\n\n"
        "Befragte:\nHallo, also ich fange erst mal bei mir an:\n"
        "Ich habe zehn Jahre beim Jugendamt in [große Mittelstadt] gearbeitet.\n\n"
        "Interviewer:\nIn so einer Gruppe ist das Alter durchmischt?\n",
        [
            ("Interviewer", None, "Hallo."),
            (
                "Befragte",
                None,
                "Hallo, also ich fange erst mal bei mir an:\n"
                "Ich habe zehn Jahre beim Jugendamt in [große Mittelstadt] gearbeitet.",
            ),
            ("Interviewer", None, "In so einer Gruppe ist das Alter durchmischt?"),
        ],
        id="label-on-own-line",
    ),
    pytest.param(
        "Dan: \n Okay. So my first question is if you use ICE plots in your work?\n"
        "Participant: \n Ah, yeah. Not all the time, but in our initial data explorations\n"
        "we tend to use them.\n"
        "Dan: \n And do you use both PDP and ICE plots?\n",
        [
            ("Dan", None, "Okay. So my first question is if you use ICE plots in your work?"),
            (
                "Participant",
                None,
                "Ah, yeah. Not all the time, but in our initial data explorations\nwe tend to use them.",
            ),
            ("Dan", None, "And do you use both PDP and ICE plots?"),
        ],
        id="english-label-then-indented-line",
    ),
    pytest.param(
        "**I [00:00:00]**\nGuten Tag, schön, dass es klappt.\n\n**B [00:00:04]**\nJa, gerne.\n",
        [("I", 0.0, "Guten Tag, schön, dass es klappt."), ("B", 4.0, "Ja, gerne.")],
        id="bold-label-with-time-own-line",
    ),
    pytest.param(
        "I: [00:01] Can you describe your role?\nB: [00:05] I lead the data team.\n",
        [("I", 1.0, "Can you describe your role?"), ("B", 5.0, "I lead the data team.")],
        id="label-then-time",
    ),
    pytest.param(
        "FRAGE [00:20:23]: Sind die Bedingungen für Sie gut zum Forschen oder eher nicht und wie\n"
        "sieht es für die Kollegen aus?\n"
        "ANTWORT [00:20:58]: Ja, also es gibt Boni, entweder monatliche Bezahlungen\n"
        "oder weniger Lehre. [00:22:08] Das finde ich wirklich attraktiv.\n"
        "FRAGE [00:22:43]: Gibt es von außen auch Druck?\n",
        [
            (
                "FRAGE",
                1223.0,
                "Sind die Bedingungen für Sie gut zum Forschen oder eher nicht und wie\n"
                "sieht es für die Kollegen aus?",
            ),
            (
                "ANTWORT",
                1258.0,
                "Ja, also es gibt Boni, entweder monatliche Bezahlungen\n"
                "oder weniger Lehre. [00:22:08] Das finde ich wirklich attraktiv.",
            ),
            ("FRAGE", 1363.0, "Gibt es von außen auch Druck?"),
        ],
        id="frage-antwort-hard-wrapped",
    ),
    pytest.param(
        "I: Wie sind Sie zu der Rolle als CDO gekommen? #00:01:23-4#\n\n"
        "B: Über einen IT-Dienstleister, ähm, vor drei Jahren. #00:02:08-3#\n\n"
        "I: Mhm. #00:02:10-0#\n",
        [
            ("I", 83.4, "Wie sind Sie zu der Rolle als CDO gekommen?"),
            ("B", 128.3, "Über einen IT-Dienstleister, ähm, vor drei Jahren."),
            ("I", 130.0, "Mhm."),
        ],
        id="f4-trailing-timestamp",
    ),
    pytest.param(
        "Interviewer  12:05\nUnd wie viele sind Sie im Team?\n\n"
        "Frau K.  12:11\nAuf dem Papier sechseinhalb Stellen.\nTatsächlich vier.\n",
        [
            ("Interviewer", 725.0, "Und wie viele sind Sie im Team?"),
            ("Frau K.", 731.0, "Auf dem Papier sechseinhalb Stellen.\nTatsächlich vier."),
        ],
        id="name-and-mm-ss-own-line",
    ),
    pytest.param(
        "Speaker 1  0:03\nSo, let's get started.\n\nSpeaker 2  0:07\nSure, go ahead.\n",
        [("Speaker 1", 3.0, "So, let's get started."), ("Speaker 2", 7.0, "Sure, go ahead.")],
        id="speaker-n-and-m-ss",
    ),
    pytest.param(
        "[00:01:02] Anna: Guten Morgen zusammen.\n[00:01:09] Ben: Morgen!\n",
        [("Anna", 62.0, "Guten Morgen zusammen."), ("Ben", 69.0, "Morgen!")],
        id="time-then-name",
    ),
    pytest.param(
        "I = Interviewerin\nB = Befragter (CDO)\n\nI: So, die Aufnahme läuft.\nB: Ja, sehr gern.\n",
        [("I", None, "So, die Aufnahme läuft."), ("B", None, "Ja, sehr gern.")],
        id="legend-lines-are-not-turns",
    ),
    pytest.param(
        "Datum: 3. Mai 2024\nOrt: Rathaus, Raum 2\n\nI: Danke, dass Sie Zeit haben.\nB: Gerne.\n",
        [("I", None, "Danke, dass Sie Zeit haben."), ("B", None, "Gerne.")],
        id="header-lines-are-not-turns",
    ),
    pytest.param(
        "Interview mit einer Sachbearbeiterin, Gemeinde C\n\nI: Fangen wir an.\nB: Gut.\n",
        [("I", None, "Fangen wir an."), ("B", None, "Gut.")],
        id="title-line-is-preamble",
    ),
    pytest.param(
        "I: Was hat sich geändert?\n"
        "B: Eines vorweg, damit das klar ist.\n"
        "Wichtig: wir haben die Abläufe komplett umgestellt.\n"
        "I: Danke.\n",
        [
            ("I", None, "Was hat sich geändert?"),
            (
                "B",
                None,
                "Eines vorweg, damit das klar ist.\nWichtig: wir haben die Abläufe komplett umgestellt.",
            ),
            ("I", None, "Danke."),
        ],
        id="word-with-colon-once-in-prose",
    ),
    pytest.param(
        "Anna Schmidt: Wer fängt an?\nJonas: Ich.\nAnna Schmidt: Gut.\nJonas: Also, bei uns ...\n",
        [
            ("Anna Schmidt", None, "Wer fängt an?"),
            ("Jonas", None, "Ich."),
            ("Anna Schmidt", None, "Gut."),
            ("Jonas", None, "Also, bei uns ..."),
        ],
        id="names-used-twice-are-labels",
    ),
    pytest.param(
        "Das ist der erste Absatz.\nEr hat zwei Zeilen.\n\n\nUnd hier der zweite Absatz.\n",
        [
            ("", None, "Das ist der erste Absatz.\nEr hat zwei Zeilen."),
            ("", None, "Und hier der zweite Absatz."),
        ],
        id="no-labels-one-turn-per-paragraph",
    ),
]


@pytest.mark.parametrize("text,expected", CONVENTIONS)
def test_detect_turns(text: str, expected: Expected) -> None:
    assert turns_of(text) == expected


def test_turn_text_is_the_slice_of_the_text() -> None:
    text = "Datum: 3. Mai 2024\n\nI: Hallo. #00:00:02-0#\nB: Tag. #00:00:03-5#\n"
    turns = detect_turns(text)
    assert [text[t.start : t.end] for t in turns] == ["Hallo.", "Tag."]
    assert [t.timestamp for t in turns] == [2.0, 3.5]


@pytest.mark.parametrize(
    "text,pattern,expected",
    [
        pytest.param(
            "INT> Hallo, schön dass Sie da sind.\nBEF> Gerne.\nDas freut mich.\n",
            r"^(?P<speaker>[A-Z]{2,3})> ",
            [("INT", None, "Hallo, schön dass Sie da sind."), ("BEF", None, "Gerne.\nDas freut mich.")],
            id="speaker-only",
        ),
        pytest.param(
            "<00:01> INT> Hallo.\n<00:04> BEF> Tag.\n",
            r"^<(?P<time>[\d:]+)> (?P<speaker>[A-Z]{2,3})> ",
            [("INT", 1.0, "Hallo."), ("BEF", 4.0, "Tag.")],
            id="speaker-and-time",
        ),
        pytest.param(
            # With an override, the usual labels are plain text.
            "INT> Frage?\nB: das hier ist keine Sprecherin\n",
            r"^(?P<speaker>[A-Z]{2,3})> ",
            [("INT", None, "Frage?\nB: das hier ist keine Sprecherin")],
            id="override-replaces-detection",
        ),
    ],
)
def test_speaker_pattern_override(text: str, pattern: str, expected: Expected) -> None:
    assert turns_of(text, speaker_pattern=pattern) == expected


@pytest.mark.parametrize(
    "pattern,message",
    [
        pytest.param(r"^(?P<speaker>[A-Z]{2,3}> ", "is not a regex", id="invalid-regex"),
        pytest.param(r"^([A-Z]{2,3})> ", "needs a named group (?P<speaker>...)", id="missing-speaker-group"),
    ],
)
def test_speaker_pattern_errors(pattern: str, message: str) -> None:
    with pytest.raises(InvalidValue) as info:
        detect_turns("INT> Hallo\n", speaker_pattern=pattern)
    assert message in str(info.value)
    assert pattern in str(info.value)


def test_known_labels_accept_names_that_occur_once() -> None:
    text = "Herr Weber: Danke für die Einladung.\nFrau Schulz: Sehr gern.\n"
    assert turns_of(text, known_labels={"Herr Weber", "Frau Schulz"}) == [
        ("Herr Weber", None, "Danke für die Einladung."),
        ("Frau Schulz", None, "Sehr gern."),
    ]
    # Without them, a name followed by a colon once is prose: one paragraph, no speaker.
    assert turns_of(text) == [("", None, text.strip())]


@pytest.mark.parametrize(
    "value,seconds",
    [
        pytest.param("48:39", 2919.0, id="mm:ss"),
        pytest.param("0:03", 3.0, id="m:ss"),
        pytest.param("01:02:03", 3723.0, id="hh:mm:ss"),
        pytest.param("00:01:23-4", 83.4, id="f4-tenths"),
        pytest.param("00:00:01,500", 1.5, id="srt-milliseconds"),
        pytest.param("00:00:01.250", 1.25, id="vtt-milliseconds"),
        pytest.param("1:00:00", 3600.0, id="one-hour"),
    ],
)
def test_parse_timestamp(value: str, seconds: float) -> None:
    assert parse_timestamp(value) == pytest.approx(seconds)


def test_parse_timestamp_rejects_four_parts() -> None:
    with pytest.raises(InvalidValue, match="'1:02:03:04' is not hh:mm:ss or mm:ss"):
        parse_timestamp("1:02:03:04")


def test_wrapped_line_with_a_time_of_day_is_not_a_speaker() -> None:
    text = (
        "FRAGE [00:01:00]: Wann trifft sich das Team?\n"
        "ANTWORT [00:01:05]: Das Team trifft sich jeden\n"
        "Montag 9:00\n"
        "im großen Saal.\n"
        "FRAGE [00:01:30]: Und wer leitet das?\n"
    )
    assert turns_of(text) == [
        ("FRAGE", 60.0, "Wann trifft sich das Team?"),
        ("ANTWORT", 65.0, "Das Team trifft sich jeden\nMontag 9:00\nim großen Saal."),
        ("FRAGE", 90.0, "Und wer leitet das?"),
    ]


def _bold_time_transcript(deviant_at: int, deviant: str) -> str:
    """60 turns in the ``**I [00:00:00]** text`` style; one label written ``deviant``."""
    lines = []
    for i in range(60):
        speaker = "I" if i % 2 == 0 else "B"
        label = f"**{speaker} [00:{i:02d}:07]**" if i != deviant_at else deviant
        lines.append(f"{label} Beitrag Nummer {i} über die Bürgersprechstunde.\n")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "deviant",
    ["**B: [00:31:07]**", "B:[00:31:07]", "**B :[00:31:07]**", "**B**: [00:31:07]", "B [00:31:07]:"],
)
def test_one_deviant_label_does_not_outvote_fifty_nine(deviant: str) -> None:
    from toolkit.importers import parse_bytes

    doc = parse_bytes(_bold_time_transcript(31, deviant).encode(), "gruppe.md")
    turns = [(t.speaker, t.timestamp, doc.text[t.start : t.end]) for t in doc.turns]
    assert len(turns) == 60
    assert [s for s, _, _ in turns] == ["I", "B"] * 30
    assert turns[31] == ("B", 31 * 60 + 7.0, "Beitrag Nummer 31 über die Bürgersprechstunde.")
    assert all(text.startswith("Beitrag Nummer") for _, _, text in turns)
    assert doc.skipped_labels == ()


def test_front_matter_title_legend_rule_and_note_keep_speakers_and_times() -> None:
    from toolkit.importers import parse_bytes

    source = (
        "---\nlayout: default\ntitle: Interview Stadtwerke\n---\n\n"
        "# Interview mit der Leitung der Stadtwerke\n\n"
        "I = Interviewerin  \nB = Befragter\n\n---\n\n"
        "**I [00:00:03]** Danke, dass Sie Zeit haben.\n\n"
        "**B [00:00:09]** Gern. Wir fangen mit der Ablage an.\n\n"
        "[Ende des Transkripts von Teil 1; Anfang des Transkripts von Teil 2]\n\n"
        "**I [00:14:40]** Und die Akten?\n\n"
        "**B [00:14:52]** Liegen noch im Keller.\n"
    )
    doc = parse_bytes(source.encode(), "stadtwerke.md")
    turns = [(t.speaker, t.timestamp, doc.text[t.start : t.end]) for t in doc.turns]
    assert turns == [
        ("I", 3.0, "Danke, dass Sie Zeit haben."),
        ("B", 9.0, "Gern. Wir fangen mit der Ablage an."),
        ("I", 880.0, "Und die Akten?"),
        ("B", 892.0, "Liegen noch im Keller."),
    ]


def test_label_like_lines_not_taken_are_reported_with_their_file_line() -> None:
    from toolkit.importers import parse_bytes

    source = (
        "---\ntitle: Test\n---\n\n"  # lines 1-4
        "**I [00:00:03]** Wie fing es an?\n\n"  # 5
        "**B [00:00:09]** Mit einem Aushang.\n\n"  # 7
        "Der Aushang: hing im Flur.\n\n"  # 9
        "**I [00:01:00]** Und dann?\n"  # 11
    )
    doc = parse_bytes(source.encode(), "aushang.md")
    assert [t.speaker for t in doc.turns] == ["I", "B", "I"]
    assert [(s.line, s.text) for s in doc.skipped_labels] == [(9, "Der Aushang: hing im Flur.")]
    assert source.split("\n")[8] == "Der Aushang: hing im Flur."


def test_inline_time_without_colon_needs_a_usual_or_recurring_label() -> None:
    text = "Am Montag (9:00) ging ich zum Amt.\nEs war voll.\n"
    assert turns_of(text) == [("", None, text.strip())]
