"""Team: accounts of the project (add, reset passwords, change roles, disable) and the switch of team
mode. Leads only in team mode; the library checks every change again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.ui import error, md, store
from toolkit.accounts import (
    CODER,
    LEAD,
    add_user,
    list_users,
    session_idle_hours,
    set_disabled,
    set_password,
    set_role,
    set_team_mode,
    team_mode,
)
from toolkit.errors import ToolkitError

ROLE_LABELS = {CODER: "Kodierer:in", LEAD: "Leitung"}  # the first is the default

project = store()
actor = st.session_state.get("app_coder") or "app"
users = list_users(project)
names = [u.name for u in users]
on = team_mode(project)

st.title("Team")


def done(message: str) -> None:
    st.session_state["team_done"] = message
    st.rerun()


if "team_done" in st.session_state:
    st.success(md(st.session_state.pop("team_done")))

with st.container(border=True):
    if on:
        st.markdown(
            f"**Teammodus ist an**: Anmeldung nötig, Sitzungen enden nach {session_idle_hours(project):g} h."
        )
    else:
        st.markdown("**Einzelplatzmodus**: keine Anmeldung, alle dürfen alles ändern.")
    if st.button("Teammodus ausschalten" if on else "Teammodus einschalten", key="team_switch"):
        try:
            set_team_mode(project, not on, actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done("Teammodus ausgeschaltet" if on else "Teammodus eingeschaltet: bitte anmelden")

if users:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Name": u.name,
                    "Rolle": ROLE_LABELS[u.role],
                    "Passwort": "gesetzt" if u.has_password else "fehlt",
                    "Status": "deaktiviert" if u.disabled else "aktiv",
                    "Angelegt": u.created_at[:16].replace("T", " "),
                }
                for u in users
            ]
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.info("Noch keine Konten. Für den Teammodus braucht es mindestens eine Leitung mit Passwort.")

add, password, role, status = st.tabs(["Konto anlegen", "Passwort setzen", "Rolle ändern", "Deaktivieren"])

with add, st.form("team_add", clear_on_submit=True):
    new_name = st.text_input("Name (zugleich Name als Kodierer:in)")
    new_role = st.radio("Rolle", list(ROLE_LABELS), format_func=ROLE_LABELS.__getitem__, horizontal=True)
    first = st.text_input("Passwort (mindestens 8 Zeichen)", type="password")
    second = st.text_input("Passwort wiederholen", type="password")
    if st.form_submit_button("Anlegen", type="primary"):
        if first != second:
            st.error("Die Passwörter stimmen nicht überein.")
        else:
            try:
                added = add_user(project, new_name, role=new_role, actor=actor, password=first)
            except ToolkitError as exc:
                error(exc)
            else:
                done(f"{added.name} angelegt ({ROLE_LABELS[added.role]})")

with password, st.form("team_password", clear_on_submit=True):
    who = st.selectbox("Konto", names, index=None, placeholder="Konto wählen …")
    first = st.text_input("Neues Passwort", type="password")
    second = st.text_input("Neues Passwort wiederholen", type="password")
    if st.form_submit_button("Passwort setzen") and who:
        if first != second:
            st.error("Die Passwörter stimmen nicht überein.")
        else:
            try:
                set_password(project, who, first, actor=actor)
            except ToolkitError as exc:
                error(exc)
            else:
                done(f"Passwort von {who} gesetzt; offene Sitzungen sind beendet")

with role, st.form("team_role"):
    who = st.selectbox("Konto", names, index=None, placeholder="Konto wählen …", key="team_role_user")
    target = st.radio("Neue Rolle", list(ROLE_LABELS), format_func=ROLE_LABELS.__getitem__, horizontal=True)
    if st.form_submit_button("Rolle ändern") and who:
        try:
            changed = set_role(project, who, target, actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(f"{changed.name} ist jetzt {ROLE_LABELS[changed.role]}")

with status, st.form("team_status"):
    who = st.selectbox("Konto", names, index=None, placeholder="Konto wählen …", key="team_status_user")
    disable = st.radio(
        "Aktion", ["deaktivieren", "wieder aktivieren"], horizontal=True, label_visibility="collapsed"
    )
    if st.form_submit_button("Übernehmen") and who:
        try:
            changed = set_disabled(project, who, disable == "deaktivieren", actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(f"{changed.name} ist {'deaktiviert' if changed.disabled else 'aktiv'}")
