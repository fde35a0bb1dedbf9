"""Encrypted workspaces in the desktop app: unlock, create, change password, backups, check."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from inspector.services import records
from inspector.services.problems import create_problem
from inspector.services.security import list_backups
from inspector.services.session import open_session
from inspector.services.team import add_court
from inspector.services.workspaces import create_workspace
from inspector.ui import ops, security_dialogs
from inspector.ui.main_window import MainWindow
from inspector.ui.new_workspace_wizard import NewWorkspaceWizard
from inspector.ui.security_dialogs import BackupsDialog, PasswordDialog

PASSWORD = "巡查password"


def _encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "加密.ledger"
    s = create_workspace(path, member_name="李建国", role="leader", password=PASSWORD)
    add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
    s.close()
    return path


def test_the_password_dialog_says_a_wrong_password_and_stays_open(qtbot, tmp_path):
    path = _encrypted(tmp_path)
    dialog = PasswordDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("wrong-password")
    dialog.accept()
    assert "正在" in dialog.error.text() or "Checking" in dialog.error.text()  # not frozen
    qtbot.waitUntil(lambda: dialog.unlocking is None, timeout=10000)
    assert dialog.isVisible() and dialog.key is None
    assert "密码错误" in dialog.error.text() and not dialog.error.isHidden()
    dialog.password.setText(PASSWORD)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.unlocking is None, timeout=10000)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.key is not None
    open_session(path, key=dialog.key).close()


def test_opening_an_encrypted_workspace_asks_for_the_password(
    qtbot, tmp_path, session, monkeypatch
):
    path = _encrypted(tmp_path)
    window = MainWindow(session)
    qtbot.addWidget(window)

    def typed(self: PasswordDialog) -> int:
        self.password.setText(PASSWORD)
        self.accept()
        qtbot.waitUntil(lambda: self.unlocking is None, timeout=10000)
        return int(self.result())

    monkeypatch.setattr(PasswordDialog, "exec", typed)
    assert window.open_workspace(path)
    assert window.session.workspace.encrypted
    assert window.password_action.isEnabled()
    monkeypatch.setattr(PasswordDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    assert not window.open_workspace(path)  # cancelled: the open workspace stays
    assert window.session.workspace.path == path
    window.close()


def test_a_new_workspace_is_encrypted_by_default(qtbot, tmp_path, messages):
    wizard = NewWorkspaceWizard(tmp_path)
    qtbot.addWidget(wizard)
    page = wizard.workspace
    assert page.ui.encrypt.isChecked()
    page.ui.memberName.setText("王芳")
    page.ui.password.setText("abc")
    page.ui.confirm.setText("abc")
    warnings = messages.warning
    assert not page.validatePage()
    page.ui.password.setText("abcdef1")
    page.ui.confirm.setText("abcdef2")
    assert not page.validatePage()
    assert len(warnings) == 2
    page.ui.confirm.setText("abcdef1")
    assert page.validatePage()
    v = page.values()
    s = create_workspace(v["path"], member_name=v["member_name"], password=v["password"])
    s.close()
    assert not v["path"].read_bytes().startswith(b"SQLite format 3")
    page.ui.encrypt.setChecked(False)
    assert page.values()["password"] is None and not page.ui.password.isEnabled()


def test_backups_dialog_backs_up_and_the_window_restores(qtbot, tmp_path, monkeypatch, messages):
    path = _encrypted(tmp_path)
    window = MainWindow(open_session(path, password=PASSWORD))
    qtbot.addWidget(window)
    window._daily_backup()  # (the window takes it a few seconds after opening)
    qtbot.waitUntil(ops.idle, timeout=10000)
    assert [b.label for b in list_backups(path)] == ["daily"]
    dialog = BackupsDialog(window.session, window)
    qtbot.addWidget(dialog)
    before = dialog.list.count()
    dialog.back_up()
    qtbot.waitUntil(lambda: dialog.list.count() == before + 1, timeout=10000)
    court = records.find(window.session, "court")[0]["id"]
    create_problem(window.session, court_id=court, category="消极执行", description="备份后")

    class Choose(BackupsDialog):
        def exec(self) -> int:
            manual = [i for i, b in enumerate(self.backups) if b.label == "manual"]
            self.list.setCurrentRow(manual[0])
            self.restore_from = self.backups[manual[0]]
            return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr("inspector.ui.security_dialogs.BackupsDialog", Choose)
    shown = messages.information
    window.show_backups()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "restore.ledger" in shown[-1]  # names the safety backup
    assert not records.find(window.session, "problem", "description = ?", ("备份后",))
    assert any(b.label == "restore" for b in list_backups(path))
    window.close()


def test_check_workspace_reports_an_intact_workspace(qtbot, tmp_path, monkeypatch, messages):
    path = _encrypted(tmp_path)
    window = MainWindow(open_session(path, password=PASSWORD))
    qtbot.addWidget(window)
    shown = messages.information
    window.check_workspace()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "intact" in shown[0] or "完好" in shown[0]
    window.close()


def test_open_interactively_opens_plain_workspaces_without_asking(tmp_path, session):
    path = session.workspace.path
    session.close()
    s = security_dialogs.open_interactively(path)
    assert s is not None and not s.workspace.encrypted
    s.close()


def test_an_escaped_storage_failure_is_explained_not_swallowed(
    qtbot, monkeypatch, capsys, messages
):
    from inspector.storage import sqlite
    from inspector.ui.app import _unhandled

    shown = messages.all
    for error in (
        sqlite.OperationalError("database or disk is full"),
        OSError(30, "Read-only file system"),
        KeyError("bug"),
    ):
        _unhandled(type(error), error, None)
    assert shown[0][::2] == (
        "warning",
        "磁盘空间不足，本次操作已撤销，工作区未改动；请腾出空间后重试",
    )
    assert shown[1][0] == "warning" and "只读" in shown[1][2]
    assert shown[2][0] == "critical" and "KeyError" in shown[2][2]
    assert "KeyError" in capsys.readouterr().err  # still logged


def test_the_wizard_walks_a_leader_to_a_workspace_with_campaign_courts_and_team(
    qtbot, tmp_path, monkeypatch
):
    from PySide6.QtCore import Qt

    from inspector.services.team import courts, members
    from inspector.ui.main_window import MainWindow

    window = MainWindow(create_workspace(tmp_path / "first.ledger", member_name="李建国"))
    qtbot.addWidget(window)
    exported = []
    monkeypatch.setattr(window.packages, "choose_roster_export", lambda: exported.append(True))

    def walk(wizard):
        wizard.restart()  # what showing it does
        page = wizard.workspace
        page.ui.path.setText(str(tmp_path / "new.ledger"))
        page.ui.memberName.setText("赵组长")
        page.ui.encrypt.setChecked(False)
        page.ui.roleCombo.setCurrentIndex(page.ui.roleCombo.findData("leader"))
        wizard.next()
        assert wizard.currentPage() is wizard.campaign
        wizard.campaign.name.setText("2026年昆明地区执行巡查")
        wizard.next()
        wizard.courts.filter.setText("五华")
        shown = [
            wizard.courts.list.item(r)
            for r in range(wizard.courts.list.count())
            if not wizard.courts.list.item(r).isHidden()
        ]
        assert len(shown) == 1
        shown[0].setCheckState(Qt.CheckState.Checked)
        wizard.courts.typed.setPlainText("某某县人民法院")
        wizard.next()
        table = wizard.members.table
        table.item(0, 0).setText("王芳")
        table.item(1, 0).setText("钱进")
        wizard.next()
        assert wizard.currentPage() is wizard.cards
        assert wizard.cards.export.isChecked()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(NewWorkspaceWizard, "exec", walk)
    window.new_workspace()
    qtbot.waitUntil(lambda: window.session.workspace.path == tmp_path / "new.ledger", timeout=20000)
    s = window.session
    names = {c["name"] for c in courts(s)}
    assert {"昆明市五华区人民法院", "昆明市中级人民法院", "某某县人民法院"} <= names
    assert {"赵组长", "王芳", "钱进"} <= {m["name"] for m in members(s)}
    campaign = records.find(s, "campaign")[0]
    assert campaign["name"] == "2026年昆明地区执行巡查" and len(campaign["target_courts"]) == 2
    assert exported == [True]
    window.close()
