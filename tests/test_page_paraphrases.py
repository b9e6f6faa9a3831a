"""Paraphrases on the pages through AppTest: Kodieren's switch (the side column, the chosen coding's
paraphrase, its weight) and the section of Zusammenfassungen (list, grouping, Kategorie bilden,
undo)."""

from __future__ import annotations

from pathlib import Path

from _factories import LUECKEN, ROOT, run_page, two_coder_project
from streamlit.testing.v1 import AppTest

from toolkit.codes import code_tree
from toolkit.codings import get_coding, list_codings
from toolkit.qca.paraphrases import add_paraphrase, group_paraphrases, list_groups, list_paraphrases
from toolkit.store import Store

CODE_PAGE = str(ROOT / "app_pages" / "code.py")
SUMMARIES_PAGE = str(ROOT / "app_pages" / "summaries.py")


def kodieren(store: Store, **state: object) -> AppTest:
    guid = list_codings(store, code=LUECKEN, coder="anna")[0].guid
    at: AppTest = run_page(CODE_PAGE, store, app_coder="anna", code_doc="t", code_sel=guid, **state)
    assert not at.exception, at.exception
    return at


def test_kodieren_writes_the_paraphrase_of_the_chosen_coding_and_shows_it_beside_the_text(
    tmp_path: Path,
) -> None:
    store = two_coder_project(tmp_path)
    at = kodieren(store)
    assert not [t for t in at.text_area if t.label == "Paraphrase dieser Codierung"]  # switch off
    at.toggle(key="code_para_on").set_value(True).run()
    box = next(t for t in at.text_area if t.label == "Paraphrase dieser Codierung")
    box.input("Zählt bis drei.")
    next(b for b in at.button if b.label == "Paraphrase speichern").click().run()
    assert not at.exception, at.exception
    assert [(p.start, p.end, p.text) for p in list_paraphrases(store, viewer="anna")] == [
        (3, 18, "Zählt bis drei.")
    ]
    assert "Paraphrase gespeichert." in [t.value for t in at.toast]
    assert r"Zählt bis drei\." in [m.value for m in at.markdown]  # in the side column


def test_kodieren_sets_the_weight_of_the_chosen_coding_at_once(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    at = kodieren(store)
    guid = list_codings(store, code=LUECKEN, coder="anna")[0].guid
    weight = next(n for n in at.number_input if n.label == "Gewicht (0 = keins)")
    weight.set_value(80).run()
    assert not at.exception, at.exception
    assert get_coding(store, guid).weight == 80
    assert "Gewicht 80 gespeichert." in [t.value for t in at.toast]


def grouped_project(tmp_path: Path) -> Store:
    store = two_coder_project(tmp_path)
    a = add_paraphrase(store, "t", 3, 18, "Zählt bis drei.", coder="anna")
    b = add_paraphrase(store, "t", 40, 57, "Zählt weiter.", coder="anna")
    group_paraphrases(store, [a.id, b.id], "Zählen", actor="anna")
    return store


def summaries(store: Store) -> AppTest:
    at: AppTest = run_page(SUMMARIES_PAGE, store, app_coder="anna", summaries_code="Information")
    assert not at.exception, at.exception
    at.toggle(key="paraphrases_on").set_value(True).run()
    assert not at.exception, at.exception
    return at


def test_summaries_lists_paraphrases_and_builds_a_category_undoably(tmp_path: Path) -> None:
    store = grouped_project(tmp_path)
    at = summaries(store)
    assert "2 Paraphrasen" in [c.value for c in at.caption]
    assert "Zählen: 2 Paraphrasen" in [c.value for c in at.caption]
    at.selectbox(key="paraphrases_parent").set_value("Information/Treiber")
    next(b for b in at.button if b.label == "Kategorie bilden").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Code „Information/Treiber/Zählen“ angelegt; 2 Segmente damit codiert."
    assert [(c.start, c.end) for c in list_codings(store, code="Information/Treiber/Zählen")] == [
        (3, 18),
        (40, 57),
    ]
    at.button(key="paraphrases_undo").click().run()
    assert not at.exception, at.exception
    assert "Zurückgenommen" in at.success[0].value
    assert "Information/Treiber/Zählen" not in {c.path for c in code_tree(store)}


def test_summaries_groups_the_chosen_rows(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    add_paraphrase(store, "t", 3, 18, "Zählt bis drei.", coder="anna")
    add_paraphrase(store, "t", 40, 57, "Zählt weiter.", coder="anna")
    at = summaries(store)
    at.session_state["paraphrases_table_t"] = {"selection": {"rows": [0, 1], "columns": []}}
    at.run()
    assert "2 gewählt" in [c.value for c in at.caption], [c.value for c in at.caption]
    at.text_input(key="paraphrases_group_name").input("Zählen")
    next(b for b in at.button if b.label == "In Gruppe legen").click().run()
    assert not at.exception, at.exception
    assert {p.group for p in list_paraphrases(store, viewer="anna")} == {"Zählen"}


def test_summaries_renames_and_deletes_a_group_keeping_its_paraphrases(tmp_path: Path) -> None:
    store = grouped_project(tmp_path)
    group_paraphrases(store, [list_paraphrases(store, viewer="anna")[1].id], "Rechnen", actor="anna")
    at = summaries(store)
    at.selectbox(key="paraphrases_edit").set_value("Zählen")
    at.text_input(key="paraphrases_new_name").input("Rechnen")  # taken: one line, nothing changed
    next(b for b in at.button if b.label == "Umbenennen").click().run()
    assert not at.exception, at.exception
    assert [e.value.replace("\\", "") for e in at.error] == [  # as shown (Markdown escapes)
        "anna hat schon eine Gruppe „Rechnen“; bitte einen anderen Namen wählen."
    ]
    assert {g.name for g in list_groups(store, viewer="anna")} == {"Rechnen", "Zählen"}
    at.text_input(key="paraphrases_new_name").input("Zählen lernen")
    next(b for b in at.button if b.label == "Umbenennen").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Gruppe „Zählen“ heißt jetzt „Zählen lernen“."
    assert "Zählen lernen: 1 Paraphrase" in [c.value for c in at.caption]
    at.selectbox(key="paraphrases_edit").set_value("Rechnen")
    next(b for b in at.button if b.label == "Gruppe löschen").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Gruppe „Rechnen“ gelöscht; ihre 1 Paraphrase ist in keiner Gruppe mehr."
    assert [(p.text, p.group) for p in list_paraphrases(store, viewer="anna")] == [
        ("Zählt bis drei.", "Zählen lernen"),
        ("Zählt weiter.", ""),
    ]
    at.button(key="paraphrases_undo").click().run()
    assert at.success[0].value == "Zurückgenommen: Löschen der Gruppe „Rechnen“."
    assert {g.name for g in list_groups(store, viewer="anna")} == {"Rechnen", "Zählen lernen"}
