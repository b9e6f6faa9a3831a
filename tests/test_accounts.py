"""Accounts and team mode: password hashes, logins slowed down after failures, sessions that expire,
disabled accounts, and the roles the library itself enforces on every kind of write."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests._factories import AGREEMENT_TEXT, LUECKEN, TRANSPARENZ, add_text, mini_codebook, two_coder_project
from toolkit import accounts
from toolkit.accounts import (
    add_user,
    authenticate,
    disable,
    hash_password,
    list_users,
    login_wait,
    logout,
    session_user,
    set_disabled,
    set_password,
    set_role,
    set_team_mode,
    verify_password,
)
from toolkit.agreement.consensus import adopt_agreements, decide, disagreements
from toolkit.blind import blind_coding, set_blind_coding, visible_codings
from toolkit.coders import CONSENSUS_CODER
from toolkit.codes_edit import add_code, delete_code, merge_codes, move_code, rename_code, update_code
from toolkit.codes_merge import load_codebook_into
from toolkit.codings import add_coder, add_coding, coding_version, delete_coding, list_codings, update_coding
from toolkit.documents import import_files, import_upload, set_attributes
from toolkit.errors import Conflict, InvalidValue, PermissionDenied
from toolkit.history import undo
from toolkit.memos import set_document_memo
from toolkit.model import Coding
from toolkit.permissions import team_mode
from toolkit.store import Store, events, open_store

PASSWORD = "korrekt-pferd-9"
T0 = 1_800_000_000.0


@pytest.fixture()
def team(tmp_path: Path) -> Store:
    """The two-coder project with accounts lena (lead), anna and ben (coders), in team mode."""
    store = two_coder_project(tmp_path)
    add_user(store, "lena", role="lead", actor="setup", password=PASSWORD)
    add_user(store, "anna", role="coder", actor="setup", password=PASSWORD)
    add_user(store, "ben", role="coder", actor="setup", password=PASSWORD)
    add_coding(store, "t", 3, 18, LUECKEN, coder=CONSENSUS_CODER)
    set_team_mode(store, True, actor="setup")
    return store


def coding_of(store: Store, coder: str) -> Coding:
    return next(c for c in list_codings(store) if c.coder == coder)


# -- passwords ------------------------------------------------------------------------------------


def test_hash_is_salted_scrypt_with_its_parameters() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("scrypt$n=16384,r=8,p=1$")
    assert first != second  # a fresh salt each time
    assert verify_password(PASSWORD, first) and verify_password(PASSWORD, second)
    assert not verify_password("korrekt-pferd-8", first)
    assert not verify_password(PASSWORD, "md5$x$y")
    assert not verify_password(PASSWORD, "not a hash")


def test_old_parameters_still_verify() -> None:
    stored = hash_password(PASSWORD).replace("n=16384", "n=1024")
    assert not verify_password(PASSWORD, stored)  # the parameters are part of the hash
    salt = bytes(16)
    digest = accounts._scrypt(PASSWORD, salt, 1024, 8, 1)
    cheap = f"scrypt$n=1024,r=8,p=1${accounts._b64(salt)}${accounts._b64(digest)}"
    assert verify_password(PASSWORD, cheap)


def test_password_never_stored_or_logged(team: Store) -> None:
    set_password(team, "anna", "ein-neues-passwort", actor="lena")
    raw = Path(team.path).read_bytes() + Path(team.path + "-wal").read_bytes()
    assert PASSWORD.encode() not in raw and b"ein-neues-passwort" not in raw
    hashes = [r["password_hash"] for r in team.query("SELECT password_hash FROM users")]
    log = json.dumps([e["payload"] for e in events(team)])
    assert all(h.split("$")[-1] not in log for h in hashes)
    assert "passwort" not in log and "pferd" not in log


def test_short_password_and_reserved_or_duplicate_names_are_refused(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    with pytest.raises(InvalidValue, match="at least 8"):
        add_user(store, "kim", role="coder", actor="x", password="kurz")
    with pytest.raises(InvalidValue, match="reserved"):
        add_user(store, "Consensus", role="lead", actor="x", password=PASSWORD)
    with pytest.raises(InvalidValue, match="role 'admin'"):
        add_user(store, "kim", role="admin", actor="x")
    add_user(store, "kim", role="coder", actor="x")
    with pytest.raises(Conflict, match="exists already"):
        add_user(store, "kim", role="lead", actor="x")
    assert [(u.name, u.role, u.has_password) for u in list_users(store)] == [("kim", "coder", False)]


# -- team mode ------------------------------------------------------------------------------------


def test_team_mode_needs_a_lead_with_a_password(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    add_user(store, "lena", role="lead", actor="x")
    add_user(store, "anna", role="coder", actor="x", password=PASSWORD)
    with pytest.raises(Conflict, match="at least one enabled lead with a password"):
        set_team_mode(store, True, actor="x")
    assert not team_mode(store)
    set_password(store, "lena", PASSWORD, actor="x")
    set_team_mode(store, True, actor="x")
    assert team_mode(store)
    with pytest.raises(PermissionDenied, match="only a lead"):
        set_team_mode(store, False, actor="anna")
    set_team_mode(store, False, actor="lena")
    assert not team_mode(store)


def test_the_last_lead_cannot_be_demoted_or_disabled(team: Store) -> None:
    with pytest.raises(Conflict, match="last lead"):
        set_role(team, "lena", "coder", actor="lena")
    with pytest.raises(Conflict, match="last lead"):
        disable(team, "lena", actor="lena")
    set_role(team, "anna", "lead", actor="lena")
    assert set_role(team, "lena", "coder", actor="anna").role == "coder"


def test_only_leads_manage_accounts(team: Store) -> None:
    with pytest.raises(PermissionDenied):
        add_user(team, "kim", role="lead", actor="anna")
    with pytest.raises(PermissionDenied):
        set_role(team, "anna", "lead", actor="anna")
    with pytest.raises(PermissionDenied):
        set_password(team, "ben", "ein-neues-passwort", actor="anna")
    with pytest.raises(PermissionDenied):
        disable(team, "ben", actor="anna")
    set_password(team, "anna", "ein-neues-passwort", actor="anna")  # one's own password
    authenticate(team, "anna", "ein-neues-passwort")


# -- logins ---------------------------------------------------------------------------------------


def test_login_gives_a_session_token_of_the_user(team: Store) -> None:
    token = authenticate(team, "anna", PASSWORD, at=T0)
    user = session_user(team, token, at=T0 + 1)
    assert user is not None and (user.name, user.role) == ("anna", "coder")
    stored = team.query("SELECT token_hash FROM sessions")
    assert token not in json.dumps(stored)
    assert session_user(team, token + "x", at=T0) is None
    logout(team, token)
    assert session_user(team, token, at=T0 + 2) is None


def test_wrong_password_and_unknown_name_fail_alike(team: Store) -> None:
    with pytest.raises(PermissionDenied) as wrong:
        authenticate(team, "anna", "falsch-falsch", at=T0)
    with pytest.raises(PermissionDenied) as unknown:
        authenticate(team, "niemand", "falsch-falsch", at=T0)
    assert (
        str(wrong.value) == str(unknown.value) == "wrong user name or password (or the account is disabled)"
    )
    # failures stay out of the append-only log (a typed name may be a password); the next login counts them
    assert [e for e in events(team) if "login" in e["action"]] == []
    authenticate(team, "anna", PASSWORD, at=T0 + 1)
    assert [e["payload"] for e in events(team) if e["action"] == "login"] == [
        {"name": "anna", "failed_before": 1}
    ]


def test_repeated_failures_slow_down_logins_across_processes(team: Store) -> None:
    for i in range(accounts.FREE_FAILURES):
        assert login_wait(team, "anna", at=T0 + i) == 0
        with pytest.raises(PermissionDenied, match="wrong"):
            authenticate(team, "anna", "falsch-falsch", at=T0 + i)
    last = T0 + accounts.FREE_FAILURES - 1
    other = open_store(team.path)  # another process sees the same failures
    assert login_wait(other, "anna", at=last) == 1.0
    with pytest.raises(PermissionDenied, match="too many failed logins for 'anna'"):
        authenticate(other, "anna", PASSWORD, at=last + 0.5)  # even the right password waits
    with pytest.raises(PermissionDenied, match="wrong"):
        authenticate(other, "anna", "falsch-falsch", at=last + 1)
    assert login_wait(team, "anna", at=last + 1) == 2.0  # the wait doubles
    assert login_wait(team, "ben", at=last + 1) == 0  # per user name
    token = authenticate(team, "anna", PASSWORD, at=last + 3)
    assert session_user(team, token, at=last + 3) is not None
    assert login_wait(team, "anna", at=last + 3) == 0  # a success forgets the failures
    other.close()


def test_sessions_expire_when_idle_and_use_extends_them(team: Store) -> None:
    token = authenticate(team, "anna", PASSWORD, at=T0)
    hours = 3600.0
    assert session_user(team, token, at=T0 + 7 * hours) is not None  # used: extended to 15 h
    assert session_user(team, token, at=T0 + 14 * hours) is not None
    assert session_user(team, token, at=T0 + 14 * hours + 8 * hours + 1) is None


def test_session_expiry_is_a_project_setting(team: Store) -> None:
    with team.write("lena") as w:
        w.set_setting("session_idle_hours", "0.5")
    token = authenticate(team, "ben", PASSWORD, at=T0)
    assert session_user(team, token, at=T0 + 1700) is not None
    assert session_user(team, token, at=T0 + 1700 + 1801) is None


def test_disabled_account_cannot_log_in_and_loses_its_sessions(team: Store) -> None:
    token = authenticate(team, "ben", PASSWORD, at=T0)
    disable(team, "ben", actor="lena")
    assert session_user(team, token, at=T0 + 1) is None
    with pytest.raises(PermissionDenied, match="wrong user name or password"):
        authenticate(team, "ben", PASSWORD, at=T0 + 2)
    with pytest.raises(PermissionDenied):
        add_coding(team, "t", 0, 2, LUECKEN, coder="ben")
    set_disabled(team, "ben", False, actor="lena")
    assert session_user(team, authenticate(team, "ben", PASSWORD, at=T0 + 3), at=T0 + 4) is not None


def test_new_password_ends_sessions(team: Store) -> None:
    token = authenticate(team, "anna", PASSWORD, at=T0)
    set_password(team, "anna", "ein-neues-passwort", actor="lena")
    assert session_user(team, token, at=T0 + 1) is None
    with pytest.raises(PermissionDenied):
        authenticate(team, "anna", PASSWORD, at=T0 + 2)


def test_no_login_outside_team_mode(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    add_user(store, "lena", role="lead", actor="x", password=PASSWORD)
    with pytest.raises(PermissionDenied, match="not in team mode"):
        authenticate(store, "lena", PASSWORD)


# -- what the library enforces --------------------------------------------------------------------


def _decide(s: Store, actor: str) -> object:
    return decide(s, disagreements(s, "anna", "ben")[0], "take_a", actor=actor)


LEAD_ONLY: dict[str, Callable[[Store, str], object]] = {
    "add code": lambda s, a: add_code(s, "Neu", actor=a),
    "update code": lambda s, a: update_code(s, LUECKEN, actor=a, definition="x"),
    "rename code": lambda s, a: rename_code(s, LUECKEN, "Lücke", actor=a),
    "move code": lambda s, a: move_code(s, LUECKEN, None, actor=a),
    "merge codes": lambda s, a: merge_codes(s, LUECKEN, TRANSPARENZ, actor=a),
    "delete code": lambda s, a: delete_code(s, LUECKEN, actor=a, move_codings_to=TRANSPARENZ),
    "load codebook": lambda s, a: load_codebook_into(s, mini_codebook(), actor=a),
    "import upload": lambda s, a: import_upload(s, b"I: Neu hier.\n", "neu.txt", actor=a),
    "import files": lambda s, a: import_files(s, [], actor=a),
    "set attributes": lambda s, a: set_attributes(s, "t", {"municipality_type": "Die Optimierer"}, actor=a),
    "blind coding": lambda s, a: set_blind_coding(s, True, actor=a),
    "decide": _decide,
    "adopt agreements": lambda s, a: adopt_agreements(s, "anna", "ben", actor=a),
}


@pytest.mark.parametrize("write", LEAD_ONLY, ids=list(LEAD_ONLY))
def test_lead_only_writes_refuse_coders_and_change_nothing(team: Store, write: str) -> None:
    before = len(events(team))
    with pytest.raises(PermissionDenied, match=r"'anna' may not .*only a lead may"):
        LEAD_ONLY[write](team, "anna")
    assert len(events(team)) == before
    LEAD_ONLY[write](team, "lena")  # the lead may


def test_coders_change_only_their_own_codings(team: Store) -> None:
    bens = coding_of(team, "ben")
    with pytest.raises(PermissionDenied, match="'anna' may not change codings of 'ben'"):
        update_coding(
            team, bens.guid, actor="anna", expected_version=coding_version(team, bens.guid), memo="meins"
        )
    with pytest.raises(PermissionDenied, match="'anna' may not delete codings of 'ben'"):
        delete_coding(team, bens.guid, actor="anna")
    with pytest.raises(PermissionDenied, match="'lena' may not delete codings of 'ben'"):
        delete_coding(team, bens.guid, actor="lena")  # a lead neither
    annas = coding_of(team, "anna")
    update_coding(
        team, annas.guid, actor="anna", expected_version=coding_version(team, annas.guid), memo="meins"
    )
    delete_coding(team, annas.guid, actor="anna")
    assert add_coding(team, "t", 0, 2, LUECKEN, coder="anna").coder == "anna"
    assert coding_of(team, "ben").memo == bens.memo


def test_consensus_codings_are_changed_by_leads_only(team: Store) -> None:
    consensus = coding_of(team, CONSENSUS_CODER)
    with pytest.raises(PermissionDenied, match="only a lead"):
        delete_coding(team, consensus.guid, actor="anna")
    with pytest.raises(PermissionDenied, match="only a lead"):
        add_coding(team, "t", 0, 2, LUECKEN, coder=CONSENSUS_CODER)
    delete_coding(team, consensus.guid, actor="lena")
    assert [c for c in list_codings(team) if c.coder == CONSENSUS_CODER] == []


def test_names_without_an_account_write_nothing(team: Store) -> None:
    with pytest.raises(PermissionDenied, match="no enabled account"):
        add_coding(team, "t", 0, 2, LUECKEN, coder="mallory")
    with pytest.raises(PermissionDenied, match="no enabled account"):
        set_document_memo(team, "t", "mallory", "Notiz")
    with pytest.raises(PermissionDenied, match="no enabled account"):
        add_coder(team, "mallory")
    with pytest.raises(PermissionDenied, match="no enabled account"):
        undo(team, "mallory")
    set_document_memo(team, "t", "anna", "Notiz")


def test_undo_reverses_only_ones_own_codings(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    bens = coding_of(store, "ben")
    delete_coding(store, bens.guid, actor="anna")  # allowed before team mode
    add_user(store, "lena", role="lead", actor="x", password=PASSWORD)
    add_user(store, "anna", role="coder", actor="x", password=PASSWORD)
    set_team_mode(store, True, actor="x")
    with pytest.raises(PermissionDenied, match="'anna' may not undo changes of 'ben'"):
        undo(store, "anna")  # would bring back ben's coding
    assert bens.guid not in {c.guid for c in list_codings(store)}
    mine = add_coding(store, "t", 0, 2, LUECKEN, coder="anna")
    step = undo(store, "anna")
    assert step is not None and step.guid == mine.guid
    assert mine.guid not in {c.guid for c in list_codings(store)}


def test_blind_reads_show_an_unknown_name_only_the_consensus(team: Store) -> None:
    set_blind_coding(team, True, actor="lena")
    assert blind_coding(team)
    assert {c.coder for c in visible_codings(team, "anna")} == {"anna", CONSENSUS_CODER}
    assert {c.coder for c in visible_codings(team, "mallory")} == {CONSENSUS_CODER}
    disable(team, "anna", actor="lena")
    assert {c.coder for c in visible_codings(team, "anna")} == {CONSENSUS_CODER}


def test_single_user_mode_is_unaffected(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    add_user(store, "lena", role="lead", actor="x", password=PASSWORD)  # accounts exist, mode is off
    assert not team_mode(store)
    add_code(store, "Neu", actor="whoever")
    doc = add_text(store, AGREEMENT_TEXT + "Mehr.\n", "u.txt")
    added = add_coding(store, doc, 0, 2, "Neu", coder="someone")
    bens = coding_of(store, "ben")
    delete_coding(store, bens.guid, actor="anna")  # no owners outside team mode
    set_blind_coding(store, True, actor="nobody")
    assert {c.coder for c in visible_codings(store, "someone")} == {"someone"}
    assert added.coder == "someone"


# -- logins under attack (issue 16, items 6 and 12) -------------------------------------------------


def test_parallel_attempts_cannot_all_pass_the_wait_check(team: Store) -> None:
    """16 attempts at the same instant, each through its own connection: the wait check and the
    record of the attempt are one transaction, so only the free attempts reach the password."""
    import threading

    barrier = threading.Barrier(16)
    outcomes: list[str] = []

    def attempt() -> None:
        with open_store(team.path) as store:
            barrier.wait()
            try:
                authenticate(store, "anna", "falsch-falsch", at=T0)
            except PermissionDenied as exc:
                outcomes.append("waits" if "too many" in str(exc) else "wrong")

    threads = [threading.Thread(target=attempt) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["waits"] * (16 - accounts.FREE_FAILURES) + ["wrong"] * accounts.FREE_FAILURES


def test_guessing_with_new_names_slows_down_per_source(team: Store) -> None:
    source = "203.0.113.7"
    for i in range(accounts.SOURCE_FREE_FAILURES):
        with pytest.raises(PermissionDenied, match="wrong"):
            authenticate(team, f"name-{i}", "falsch-falsch", source=source, at=T0 + i)
    last = T0 + accounts.SOURCE_FREE_FAILURES - 1
    with pytest.raises(PermissionDenied, match="too many failed logins from this address"):
        authenticate(team, "yet-another", "falsch-falsch", source=source, at=last + 0.5)
    # another address and the library without a source are not slowed down by it
    assert login_wait(team, "anna", source="198.51.100.1", at=last + 0.5) == 0
    assert authenticate(team, "anna", PASSWORD, source="198.51.100.1", at=last + 0.5)


@pytest.mark.slow
def test_failed_logins_do_not_grow_the_event_log(team: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "MAX_STORED_FAILURES", 50)
    before = team.one("SELECT count(*) AS n FROM events")
    for i in range(120):  # new names and addresses each time, as a guessing script would
        with pytest.raises(PermissionDenied):
            authenticate(team, f"gast-{i}", "x", source=f"10.0.{i}.1", at=T0 + i)
    assert team.one("SELECT count(*) AS n FROM events") == before
    assert team.one("SELECT count(*) AS n FROM login_failures") == {"n": 50}


@pytest.mark.parametrize(
    ("peer", "forwarded", "source"),
    [
        ("203.0.113.7", None, "203.0.113.7"),
        ("203.0.113.7", "10.0.0.1", "203.0.113.7"),  # a client's own header proves nothing
        ("127.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the local proxy's last entry
        ("::1", None, "::1"),
        (None, None, ""),
    ],
)
def test_client_source_trusts_only_a_local_proxy(
    peer: str | None, forwarded: str | None, source: str
) -> None:
    assert accounts.client_source(peer, forwarded) == source
