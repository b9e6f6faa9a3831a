"""Team: accounts of the project (add, reset passwords, change roles, disable) and the switch of team
mode. Leads only in team mode; the library checks every change again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.lang import tr
from app_pages.ui import error, md, store
from toolkit.accounts import (
    add_user,
    list_users,
    session_idle_hours,
    set_disabled,
    set_password,
    set_role,
    set_team_mode,
)
from toolkit.errors import ToolkitError
from toolkit.permissions import CODER, LEAD, team_mode

ROLE_LABELS = {CODER: tr("ui.team.role.coder"), LEAD: tr("ui.team.role.lead")}  # the first is the default

project = store()
actor = st.session_state.get("app_coder") or "app"
users = list_users(project)
names = [u.name for u in users]
on = team_mode(project)

st.title(tr("ui.team.title"))


def done(message: str) -> None:
    st.session_state["team_done"] = message
    st.rerun()


if "team_done" in st.session_state:
    st.success(md(st.session_state.pop("team_done")))

with st.container(border=True):
    if on:
        st.markdown(tr("ui.team.on", hours=f"{session_idle_hours(project):g}"))
    else:
        st.markdown(tr("ui.team.off"))
    if st.button(tr("ui.team.switch_off" if on else "ui.team.switch_on"), key="team_switch"):
        try:
            set_team_mode(project, not on, actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(tr("ui.team.switched_off" if on else "ui.team.switched_on"))

if users:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("ui.team.col.name"): u.name,
                    tr("ui.team.col.role"): ROLE_LABELS[u.role],
                    tr("ui.team.col.password"): tr(
                        "ui.team.password_set" if u.has_password else "ui.team.password_missing"
                    ),
                    tr("ui.team.col.status"): tr("ui.team.disabled" if u.disabled else "ui.team.active"),
                    tr("ui.team.col.created"): u.created_at[:16].replace("T", " "),
                }
                for u in users
            ]
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.info(tr("ui.team.no_accounts"))

add, password, role, status = st.tabs(
    [tr(f"ui.team.tab.{t}") for t in ("add", "password", "role", "disable")]
)

with add, st.form("team_add", clear_on_submit=True):
    new_name = st.text_input(tr("ui.team.new_name"))
    new_role = st.radio(
        tr("ui.team.role"), list(ROLE_LABELS), format_func=ROLE_LABELS.__getitem__, horizontal=True
    )
    first = st.text_input(tr("ui.team.password"), type="password")
    second = st.text_input(tr("ui.team.password_again"), type="password")
    if st.form_submit_button(tr("ui.team.create"), type="primary"):
        if first != second:
            st.error(tr("ui.team.mismatch"))
        else:
            try:
                added = add_user(project, new_name, role=new_role, actor=actor, password=first)
            except ToolkitError as exc:
                error(exc)
            else:
                done(tr("ui.team.added", name=added.name, role=ROLE_LABELS[added.role]))

with password, st.form("team_password", clear_on_submit=True):
    who = st.selectbox(tr("ui.team.account"), names, index=None, placeholder=tr("ui.team.pick_account"))
    first = st.text_input(tr("ui.team.new_password"), type="password")
    second = st.text_input(tr("ui.team.new_password_again"), type="password")
    if st.form_submit_button(tr("ui.team.set_password")) and who:
        if first != second:
            st.error(tr("ui.team.mismatch"))
        else:
            try:
                set_password(project, who, first, actor=actor)
            except ToolkitError as exc:
                error(exc)
            else:
                done(tr("ui.team.password_done", name=who))

with role, st.form("team_role"):
    who = st.selectbox(
        tr("ui.team.account"), names, index=None, placeholder=tr("ui.team.pick_account"), key="team_role_user"
    )
    target = st.radio(
        tr("ui.team.new_role"), list(ROLE_LABELS), format_func=ROLE_LABELS.__getitem__, horizontal=True
    )
    if st.form_submit_button(tr("ui.team.change_role")) and who:
        try:
            changed = set_role(project, who, target, actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(tr("ui.team.role_done", name=changed.name, role=ROLE_LABELS[changed.role]))

with status, st.form("team_status"):
    who = st.selectbox(
        tr("ui.team.account"),
        names,
        index=None,
        placeholder=tr("ui.team.pick_account"),
        key="team_status_user",
    )
    disable = st.radio(
        tr("ui.team.action"),
        ["disable", "enable"],
        format_func=lambda a: tr(f"ui.team.{a}"),
        horizontal=True,
        label_visibility="collapsed",
    )
    if st.form_submit_button(tr("ui.team.apply")) and who:
        try:
            changed = set_disabled(project, who, disable == "disable", actor=actor)
        except ToolkitError as exc:
            error(exc)
        else:
            done(
                tr(
                    "ui.team.status_done",
                    name=changed.name,
                    status=tr("ui.team.disabled" if changed.disabled else "ui.team.active"),
                )
            )
