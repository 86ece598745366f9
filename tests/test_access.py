"""Who may do what (perfboard/accounts.py, app.py's page registry): readers need no login by default, every
change needs an editor; passwords are argon2 hashes; failed logins are slowed, then locked; sessions time out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from perfboard import accounts
from perfboard.cli import main
from perfboard.database import DEFAULT_DATA_DIR, load

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PASSWORD = "correct horse"


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    """A loaded store and an accounts file with one editor and one viewer; the app pointed at both."""
    db, accounts_file = tmp_path / "perfboard.duckdb", tmp_path / "accounts.json"
    load(DEFAULT_DATA_DIR, db)
    accounts.add_user(accounts_file, "编辑甲", accounts.EDITOR, PASSWORD, "测试")
    accounts.add_user(accounts_file, "viewer1", accounts.VIEWER, PASSWORD, "测试")
    monkeypatch.setenv("PERFBOARD_DB", str(db))
    monkeypatch.setenv("PERFBOARD_ACCOUNTS", str(accounts_file))
    return accounts_file


def opened() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at


def log_in(at: AppTest, name: str, password: str) -> AppTest:
    at.session_state["login_open"] = True  # as a click on 登录 does: the form is drawn only when open
    at.run()
    at.sidebar.text_input(key="login_name").input(name)
    at.sidebar.text_input(key="login_password").input(password)
    next(b for b in at.sidebar.button if b.label == "登录").click().run()
    return at


def offers_desk(at: AppTest) -> bool:
    """Whether the navigation registered the 数据管理 page for this session."""
    try:
        at.switch_page("screens/desk_page.py").run()
    except Exception:  # noqa: BLE001 - AppTest refuses a page the navigation does not hold
        return False
    return [t.value for t in at.title] == ["数据管理"]


def test_an_anonymous_visitor_reads_without_login_and_is_offered_no_edit_page(site):
    at = opened()
    assert not at.exception and [t.value for t in at.title][0].endswith("总览")
    assert not offers_desk(at)
    assert not [b for b in at.button if "发布" in b.label] and not at.get("file_uploader")


def test_a_viewer_is_never_offered_the_edit_page(site):
    at = log_in(opened(), "viewer1", PASSWORD)
    assert any("viewer1" in c.value for c in at.sidebar.caption)
    assert not offers_desk(at)


def test_an_editor_gets_the_desk(site):
    at = log_in(opened(), "编辑甲", PASSWORD)
    assert offers_desk(at)
    assert [t.label for t in at.get("tab")] == ["上传与发布", "导入报告", "在线修改", "历史版本", "下载模板"]
    assert not at.exception


def test_the_desk_page_checks_the_role_itself(site, monkeypatch):
    """Even run directly (as a stale navigation could), the page stops anyone but an editor."""
    at = AppTest.from_file(str(Path(APP).parent / "screens" / "desk_page.py"), default_timeout=60)
    at.run()
    assert [e.value for e in at.error] == ["只有编辑账号可以修改数据。请在左侧栏登录编辑账号。"]
    assert not at.get("file_uploader") and not at.get("tab")


def test_a_wrong_password_is_refused(site):
    at = log_in(opened(), "编辑甲", "wrong password")
    assert [w.value for w in at.sidebar.warning] == ["用户名或密码不正确。"]
    assert not offers_desk(at)


def test_repeated_failures_lock_the_account_even_for_the_right_password(site, monkeypatch):
    monkeypatch.setattr(accounts.time, "sleep", lambda seconds: None)
    for _ in range(accounts.FAILURES_BEFORE_LOCK):
        result = accounts.authenticate(site, "编辑甲", "guess")
    assert "锁定" in result.message
    at = log_in(opened(), "编辑甲", PASSWORD)
    assert "锁定" in at.sidebar.warning[0].value and not offers_desk(at)
    log = [json.loads(line) for line in site.with_name("changes.log").read_text(encoding="utf-8").splitlines()]
    assert {"user": "编辑甲", "action": "login locked"}.items() <= log[-1].items()


def test_failures_are_slowed_more_with_each_one(site):
    pauses: list[float] = []
    for _ in range(3):
        accounts.authenticate(site, "编辑甲", "guess", sleep=pauses.append)
    assert pauses == [0.5, 1.0, 1.5]  # SLOWDOWN_SECONDS × failures in a row


def test_an_idle_session_times_out(site, monkeypatch):
    at = log_in(opened(), "编辑甲", PASSWORD)
    name, last_seen = at.session_state["account"]
    at.session_state["account"] = (name, last_seen - accounts.SESSION_TIMEOUT_SECONDS - 1)
    at.run()
    assert "account" not in at.session_state
    assert not offers_desk(at)


@pytest.mark.parametrize("required", [False, True])
def test_the_login_form_is_drawn_only_when_asked_for_or_required(site, monkeypatch, required):
    """Closed, the 登录 expander draws no fields (every visitor's page would load them); when a login is
    required it opens by itself."""
    if required:
        monkeypatch.setenv("PERFBOARD_REQUIRE_LOGIN", "1")
    at = opened()
    assert [t.key for t in at.sidebar.text_input] == (["login_name", "login_password"] if required else [])
    at.session_state["login_open"] = True
    at.run()
    assert [t.key for t in at.sidebar.text_input] == ["login_name", "login_password"]


def test_a_setting_can_require_a_login_to_read(site, monkeypatch):
    monkeypatch.setenv("PERFBOARD_REQUIRE_LOGIN", "1")
    at = opened()
    assert [i.value for i in at.info] == ["本看板需要登录后查看。"] and not at.get("plotly_chart")
    log_in(at, "viewer1", PASSWORD)
    assert [t.value for t in at.title][0].endswith("总览")


def test_passwords_are_salted_argon2_hashes_read_from_stdin_never_an_argument(tmp_path, monkeypatch, capsys):
    accounts_file = tmp_path / "accounts.json"
    for name in ("甲", "乙"):
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        assert main(["user", "add", name, "--role", "editor", "--accounts", str(accounts_file)]) == 0
    stored = json.loads(accounts_file.read_text(encoding="utf-8"))
    hashes = [row["password_hash"] for row in stored]
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes) and hashes[0] != hashes[1]
    assert accounts_file.stat().st_mode & 0o077 == 0  # owner only
    with pytest.raises(SystemExit):
        main(["user", "add", "丙", "--password", PASSWORD, "--accounts", str(accounts_file)])
    monkeypatch.setattr("sys.stdin", io.StringIO("new password\n"))
    assert main(["user", "passwd", "甲", "--accounts", str(accounts_file)]) == 0
    assert accounts.authenticate(accounts_file, "甲", "new password").account is not None
    assert main(["user", "remove", "乙", "--accounts", str(accounts_file)]) == 0
    capsys.readouterr()
    assert main(["user", "list", "--accounts", str(accounts_file)]) == 0
    listed = capsys.readouterr().out
    assert "甲" in listed and "乙" not in listed
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["user", "add", "丁", "--role", "viewer", "--accounts", str(accounts_file)]) == 1
