"""The desktop flows of packages: export, import with preview and progress, conflicts."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from inspector.services import records
from inspector.services.conflicts import list_conflicts
from inspector.services.packages import export_package
from inspector.services.problems import create_problem
from inspector.ui.main_window import MainWindow
from tests.sync.team import Team

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def team(tmp_path):
    t = Team(tmp_path, members=2)
    yield t
    t.close()


def test_export_writes_a_verified_package_without_blocking(qtbot, team, tmp_path):
    window = MainWindow(team.leader)
    qtbot.addWidget(window)
    target = tmp_path / "out" / "李建国.ledgerpkg"
    window.export_to(target)
    qtbot.waitUntil(lambda: "已校验无误" in window.notice.text.text(), timeout=10000)
    assert target.exists()
    assert not window.notice.isHidden() and window.notice.folder == target.parent
    assert not window.notice.open_folder.isHidden()  # 打开文件夹


def test_import_shows_a_preview_then_merges(qtbot, team):
    leader, wang, _ = team.laptops
    team.send(leader, wang)
    create_problem(wang, court_id=team.court, category="消极执行", description="王芳发现的问题")
    pkg = export_package(wang, path=team.file("w.ledgerpkg")).path
    window = MainWindow(leader)
    qtbot.addWidget(window)
    assert window.tiles["problem"].value.text() == "0"
    window.import_packages([pkg])
    qtbot.waitUntil(lambda: window.preview_dialog is not None, timeout=10000)
    dialog = window.preview_dialog
    model = dialog.model
    assert model.index(0, 1).data() == "王芳"
    assert "问题 1" in model.index(0, 3).data()
    assert model.index(0, 5).data() == "0"
    assert "问题 1" in dialog.ui.totals.text()
    assert window.tiles["problem"].value.text() == "0"  # nothing written by the preview
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "已导入王芳的台账包" in window.notice.text.text(), timeout=10000)
    window.show_page("dashboard")
    assert window.tiles["problem"].value.text() == "1"


def test_a_bad_package_is_reported_and_changes_nothing(
    qtbot, team, tmp_path, monkeypatch, messages
):

    bad = tmp_path / "bad.ledgerpkg"
    bad.write_bytes(b"garbage")
    shown = messages.warning
    window = MainWindow(team.leader)
    qtbot.addWidget(window)
    window.import_packages([bad])
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "不是台账包" in shown[0]


def test_the_leader_resolves_a_conflict_on_the_conflict_page(qtbot, team):
    leader, wang, zhao = team.laptops
    pid = create_problem(leader, court_id=team.court, category="消极执行", description="原描述")
    team.send(leader, wang)
    team.send(leader, zhao)
    records.update(wang, "problem", pid, {"description": "王芳的描述"})
    records.update(zhao, "problem", pid, {"description": "赵敏的描述"})
    team.send(wang, leader)
    team.send(zhao, leader)
    window = MainWindow(leader)
    qtbot.addWidget(window)
    assert window.tiles["conflicts"].value.text() == "1"
    window.show_conflicts()
    dialog = window.conflicts_dialog
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 2).data() == "问题描述"
    values = {
        dialog.candidates.index(r, 0).data(): dialog.candidates.index(r, 1).data() for r in range(2)
    }
    assert values == {"王芳的描述": "王芳", "赵敏的描述": "赵敏"}
    row = [dialog.candidates.index(r, 0).data() for r in range(2)].index("赵敏的描述")
    dialog.ui.candidateTable.selectRow(row)
    dialog.ui.useSelected.click()
    assert dialog.model.rowCount() == 0
    assert list_conflicts(leader) == []
    assert records.get(leader, "problem", pid)["description"] == "赵敏的描述"
    dialog.close()
    assert window.tiles["conflicts"].value.text() == "0"


def test_a_typed_value_must_fit_the_field(qtbot, team, monkeypatch, messages):

    leader, wang, zhao = team.laptops
    pid = create_problem(leader, court_id=team.court, category="消极执行", description="x")
    team.send(leader, wang)
    team.send(leader, zhao)
    records.update(wang, "problem", pid, {"found_date": "2025-09-23"})
    records.update(zhao, "problem", pid, {"found_date": "2025-09-24"})
    team.send(wang, leader)
    team.send(zhao, leader)
    shown = messages.warning
    window = MainWindow(leader)
    qtbot.addWidget(window)
    window.show_conflicts()
    dialog = window.conflicts_dialog
    dialog.ui.customValue.setText("九月")
    dialog.ui.useCustom.click()
    assert shown and "不是有效的发现日期" in shown[0]
    dialog.ui.customValue.setText("2025-09-25")
    dialog.ui.useCustom.click()
    assert records.get(leader, "problem", pid)["found_date"] == "2025-09-25"
