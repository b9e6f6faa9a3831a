"""Words of the page Übereinstimmung (intercoder agreement: settings, tables, methods paragraph)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.agreement.title": Text("Übereinstimmung", "Agreement"),
    "ui.agreement.method.unit": Text(
        "Einheiten (Sätze, Beiträge, Absätze)", "Units (sentences, turns, paragraphs)"
    ),
    "ui.agreement.method.segment": Text("Segmente (wie MAXQDA)", "Segments (as MAXQDA)"),
    "ui.agreement.method.character": Text("Zeichen (wie NVivo)", "Characters (as NVivo)"),
    "ui.agreement.method.unitized": Text(
        "Krippendorffs uα (Zeichenkontinuum)", "Krippendorff's uα (continuum)"
    ),
    "ui.agreement.method.document": Text("Vorkommen je Dokument", "Presence per document"),
    "ui.agreement.unit.sentence": Text("Sätze", "Sentences"),
    "ui.agreement.unit.turn": Text("Redebeiträge", "Turns"),
    "ui.agreement.unit.paragraph": Text("Absätze", "Paragraphs"),
    "ui.agreement.all": Text("(alle)", "(all)"),
    "ui.agreement.col.scope": Text("Ebene", "Level"),
    "ui.agreement.col.pair": Text("Paar", "Pair"),
    "ui.agreement.col.code": Text("Code", "Code"),
    "ui.agreement.col.field": Text("Handlungsfeld", "Field of action"),
    "ui.agreement.col.document": Text("Dokument", "Document"),
    "ui.agreement.col.units": Text("Einheiten", "Units"),
    "ui.agreement.col.segments_a": Text("Segmente A", "Segments A"),
    "ui.agreement.col.segments_b": Text("Segmente B", "Segments B"),
    "ui.agreement.col.agreements": Text("übereinstimmend", "agreeing"),
    "ui.agreement.col.disagreements": Text("abweichend", "differing"),
    "ui.agreement.col.codes": Text("Codes", "Codes"),
    "ui.agreement.col.both": Text("Zeichen beide", "Characters both"),
    "ui.agreement.col.only_a": Text("nur A", "only A"),
    "ui.agreement.col.only_b": Text("nur B", "only B"),
    "ui.agreement.col.neither": Text("keiner", "neither"),
    "ui.agreement.col.notes": Text("Hinweise", "Notes"),
    "ui.agreement.coef.percent_agreement": Text("Übereinstimmung", "Agreement"),
    "ui.agreement.coef.cohen_kappa": Text("Cohens κ", "Cohen's κ"),
    "ui.agreement.coef.scott_pi": Text("Scotts π", "Scott's π"),
    "ui.agreement.coef.fleiss_kappa": Text("Fleiss' κ", "Fleiss' κ"),
    "ui.agreement.coef.conger_kappa": Text("Congers κ", "Conger's κ"),
    "ui.agreement.coef.krippendorff_alpha": Text("Krippendorffs α", "Krippendorff's α"),
    "ui.agreement.coef.gwet_ac1": Text("Gwets AC1", "Gwet's AC1"),
    "ui.agreement.coef.brennan_prediger": Text("Brennan-Prediger", "Brennan-Prediger"),
    "ui.agreement.coef.alpha_ci_low": Text("α KI unten", "α CI low"),
    "ui.agreement.coef.alpha_ci_high": Text("α KI oben", "α CI high"),
    "ui.agreement.coef.kappa": Text("κ", "κ"),
    "ui.agreement.coef.observed": Text("beobachtet", "observed"),
    "ui.agreement.coef.expected": Text("erwartet", "expected"),
    "ui.agreement.coef.u_alpha": Text("uα", "uα"),
    "ui.agreement.blind": Text(
        "Blindkodierung ist aktiv: Codierungen anderer bleiben verborgen, daher gibt es noch keinen "
        "Vergleich. Nach der blinden Phase auf der Seite Konsens ausschalten.",
        "Blind coding is on: other people's codings stay hidden, so there is no comparison yet. "
        "Turn it off on the page Consensus after the blind phase.",
    ),
    "ui.agreement.two_coders": Text(
        "Für einen Vergleich braucht es Codierungen von mindestens zwei Personen.",
        "A comparison needs codings of at least two people.",
    ),
    "ui.agreement.coders": Text("Codierende", "Coders"),
    "ui.agreement.pick_coders": Text("Codierende wählen …", "Choose coders …"),
    "ui.agreement.method": Text("Methode", "Method"),
    "ui.agreement.unit": Text("Einheit", "Unit"),
    "ui.agreement.unit_threshold": Text(
        "Mindestabdeckung der Einheit (%)", "Minimum coverage of the unit (%)"
    ),
    "ui.agreement.overlap": Text("Mindestüberlappung (%)", "Minimum overlap (%)"),
    "ui.agreement.code": Text("Code", "Code"),
    "ui.agreement.document": Text("Dokument", "Document"),
    "ui.agreement.field": Text("Handlungsfeld (Anzeige)", "Field of action (display)"),
    "ui.agreement.choose_two": Text(
        "Bitte mindestens zwei Codierende wählen.", "Please choose at least two coders."
    ),
    "ui.agreement.documents_one": Text("{n} Dokument", "{n} document"),
    "ui.agreement.documents_many": Text("{n} Dokumente", "{n} documents"),
    "ui.agreement.compared": Text(
        "Verglichen: {documents}, die alle gewählten Personen kodiert haben (mindestens eine Codierung "
        "oder „fertig kodiert“).",
        "Compared: {documents} that all chosen people coded (at least one coding or “done coding”).",
    ),
    "ui.agreement.excluded": Text(
        "Nicht verglichen: {documents}, die nicht alle gewählten Personen kodiert haben. Wer ein Dokument "
        "ohne Codierung fertig gelesen hat, markiert es auf der Seite Dokumente als „fertig kodiert“.",
        "Not compared: {documents} that not all chosen people coded. Whoever read a document to the "
        "end without coding marks it as “done coding” on the page Documents.",
    ),
    "ui.agreement.col.not_coded_by": Text("nicht kodiert von", "not coded by"),
    "ui.agreement.nothing": Text(
        "Kein Dokument haben alle gewählten Personen kodiert; es gibt nichts zu vergleichen.",
        "No document was coded by all chosen people; there is nothing to compare.",
    ),
    "ui.agreement.run": Text("Berechnen", "Compute"),
    "ui.agreement.cancel": Text("Abbrechen", "Cancel"),
    "ui.agreement.cancelled": Text(
        "Berechnung abgebrochen. „Berechnen“ startet sie neu.",
        "Computation cancelled. “Compute” starts it again.",
    ),
    "ui.agreement.starting": Text("Berechnung startet …", "Computation starting …"),
    "ui.agreement.tick": Text(
        "{method}: Dokument {done} von {total}", "{method}: document {done} of {total}"
    ),
    "ui.agreement.finished": Text("Fertig: {n} Dokumente verglichen", "Done: {n} documents compared"),
    "ui.agreement.large": Text(
        "{n} Dokumente zu vergleichen: die Berechnung dauert eine Weile. „Berechnen“ startet sie mit "
        "Fortschrittsanzeige, „Abbrechen“ hält sie an.",
        "{n} documents to compare: the computation takes a while. “Compute” starts it with a progress "
        "bar, “Cancel” stops it.",
    ),
    "ui.agreement.paragraph": Text("Methodenabsatz", "Methods paragraph"),
    "ui.agreement.paragraph_other": Text("Methodenabsatz auf Englisch", "Methods paragraph in German"),
    "ui.agreement.table.agreement": Text("Übereinstimmung", "Agreement"),
    "ui.agreement.table.documents": Text("Je Dokument", "Per document"),
    "ui.agreement.all_codes": Text("alle Codes", "all codes"),
    "ui.agreement.all_codes_in": Text("alle Codes in {field}", "all codes in {field}"),
    "ui.agreement.csv": Text("CSV herunterladen", "Download CSV"),
    "ui.agreement.xlsx": Text("Excel herunterladen", "Download Excel"),
    "ui.agreement.docx": Text("Word herunterladen", "Download Word"),
    "ui.agreement.file": Text("uebereinstimmung", "agreement"),
}
