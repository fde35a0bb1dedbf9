"""The app in the inspected court's role: only the court's pages, its plan, progress and
evidence through the real window, and the leader's decision on the plan."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from inspector.services import records
from inspector.services.court_loop import pending_proposals, propose_plan
from inspector.services.packages import import_package
from inspector.ui import unsaved
from inspector.ui.court_window import CourtWindow
from inspector.ui.main_window import MainWindow
from inspector.ui.proposals_dialog import ProposalsDialog
from tests.sync.test_court_loop import COURT, Loop


@pytest.fixture
def loop(tmp_path):
    made = Loop(tmp_path)
    made.to_court()
    yield made
    made.close()


def court_window(qtbot, loop) -> CourtWindow:
    window = CourtWindow(loop.court)
    qtbot.addWidget(window)
    window.show()
    return window


def select(window: CourtWindow, kind: str, record_id: str) -> None:
    tree = window.items_page.tree
    for n in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(n)
        for row in (top, *(top.child(i) for i in range(top.childCount()))):
            if row.data(0, 0x0100) == (kind, record_id):
                tree.setCurrentItem(row)
                return
    raise AssertionError((kind, record_id))


def ok(dialog) -> None:
    box = next(b for b in dialog.findChildren(QDialogButtonBox))
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_court_sees_only_its_pages_and_its_records(qtbot, loop):
    window = court_window(qtbot, loop)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Rectification items", "Feedback", "Exchange with the team"]
    assert COURT in window.header.text()
    tree = window.items_page.tree
    assert tree.topLevelItemCount() == 1
    assert "终本案件未采取限制消费措施" in tree.topLevelItem(0).text(0)
    assert tree.topLevelItem(0).child(0).text(0) == "逐案补充限制消费措施"
    # nothing on the page closes, returns or reopens an item
    labels = {b.text() for b in window.findChildren(QPushButton)}
    assert not {t for t in labels if any(w in t for w in ("销号", "退回", "重新打开"))}
    window.tabs.setCurrentIndex(1)
    assert COURT in window.feedback_page.text.toPlainText()
    window.tabs.setCurrentIndex(2)
    assert f"Court: {COURT}" in window.exchange_page.status.text()


def test_the_court_proposes_its_plan_through_the_dialog(qtbot, loop):
    window = court_window(qtbot, loop)
    page = window.items_page
    select(window, "problem", loop.problem)
    assert page.propose.isEnabled()
    page.propose.click()
    dialog = page.dialog
    dialog.measure.setPlainText("建立终本案件限制消费措施核查台账")
    ok(dialog)  # no one responsible: refused, the text kept
    assert dialog.isVisible() and "责任" in dialog.error.text()
    assert dialog.measure.toPlainText() == "建立终本案件限制消费措施核查台账"
    dialog.unit.setText("执行指挥中心")
    ok(dialog)
    assert not dialog.isVisible()
    assert "leader's decision" in window.notice.text.text()
    proposals = records.find(loop.court, "plan_proposal")
    assert [p["measure"] for p in proposals] == ["建立终本案件限制消费措施核查台账"]
    assert proposals[0]["status"] == "待审定"
    top = page.tree.topLevelItem(0)
    assert any(top.child(i).text(1) == "待审定" for i in range(top.childCount()))


def test_typed_plan_text_is_not_lost_on_escape(qtbot, loop, monkeypatch):
    window = court_window(qtbot, loop)
    page = window.items_page
    select(window, "problem", loop.problem)
    page.propose.click()
    dialog = page.dialog
    dialog.measure.setPlainText("写了一半的措施")
    asked = []
    monkeypatch.setattr(unsaved, "ask_discard", lambda *a: asked.append(a) or False)
    dialog.reject()
    assert asked and dialog.isVisible()
    assert dialog.measure.toPlainText() == "写了一半的措施"


def test_the_court_reports_progress_with_evidence_and_submits(qtbot, loop, tmp_path):
    window = court_window(qtbot, loop)
    page = window.items_page
    select(window, "item", loop.item)
    assert page.start.isEnabled() and page.report.isEnabled()
    page.start.click()
    assert records.get(loop.court, "rectification_item", loop.item)["state"] == "整改中"
    select(window, "item", loop.item)
    page.report.click()
    dialog = page.dialog
    evidence = tmp_path / "限制消费决定书.pdf"
    evidence.write_bytes(b"%PDF-1.4 court evidence")
    dialog.note.setPlainText("已对40件终本案件逐案补充限制消费措施")
    dialog.add_file(evidence)
    dialog.submit.setChecked(True)
    ok(dialog)
    item = records.get(loop.court, "rectification_item", loop.item)
    assert item["state"] == "待核查" and item["evidence_count"] == 1
    select(window, "item", loop.item)
    assert not page.report.isEnabled() and "team's verification" in page.report.toolTip()
    # the team takes it in and the leader decides the court's plan in the proposals dialog
    propose_plan(
        loop.court,
        problem_id=loop.problem,
        measure="每月复查",
        responsible_unit="执行局",
        deadline=dt.date(2025, 11, 30),
    )
    import_package(loop.leader, path=loop.from_court())
    dialog = ProposalsDialog(loop.leader)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == COURT
    dialog.return_button.click()  # a return needs a note
    assert "退回意见" in dialog.error.text() and pending_proposals(loop.leader)
    dialog.note.setPlainText("请明确每月复查的责任人")
    dialog.return_button.click()
    assert dialog.table.rowCount() == 0 and not pending_proposals(loop.leader)
    assert records.get(loop.leader, "rectification_item", loop.item)["state"] == "待核查"


def test_opening_a_court_workspace_from_the_team_window_hands_over(qtbot, loop):
    window = MainWindow(loop.member)
    qtbot.addWidget(window)
    window.show()
    from inspector.services.session import open_session
    from inspector.ui import court_window as windows

    path = loop.court.workspace.path
    loop.court.close()
    loop.court = open_session(path)  # what 打开工作区 opens
    window.switch_to(loop.court)
    qtbot.waitUntil(window.isHidden, timeout=5000)
    opened = [w for w in windows.handed_over if isinstance(w, CourtWindow)]
    assert opened and opened[0].session is loop.court
    assert opened[0].items_page.tree.topLevelItemCount() == 1
    opened[0]._handed_over = True  # the fixture closes the session
    opened[0].close()


def test_the_leader_records_a_talk_from_the_item_and_it_shows_in_its_history(qtbot, loop):
    window = MainWindow(loop.leader)
    qtbot.addWidget(window)
    ledger = window.show_page("ledger")
    ledger.refresh()
    menu = ledger.actions_.menu_for(loop.item)
    action = next(a for a in menu.actions() if "accountability" in a.text())
    action.trigger()
    dialog = ledger.dialog
    dialog.set_value("kind", "约谈")
    dialog.set_value("target", "分管副院长")
    dialog.set_value("reason", "整改事项逾期未完成")
    dialog.set_value("follow_up", "已提交书面说明")
    dialog.accept()
    found = records.find(loop.leader, "accountability")
    assert [(r["kind"], r["item_ids"]) for r in found] == [("约谈", [loop.item])]
    from inspector.ui.pages.base import select_record

    select_record(ledger.ui.itemTable, ledger.model, loop.item)
    ledger._show()
    rows = [
        [ledger.events.index(r, c).data() for c in range(5)]
        for r in range(ledger.events.rowCount())
    ]
    assert any(r[2] == "约谈" and "分管副院长" in r[4] for r in rows), rows


def test_the_team_sees_each_courts_progress_over_time(qtbot, loop):
    from inspector.services.rectification import act
    from inspector.ui.court_progress_dialog import CourtProgressDialog

    act(loop.court, item_id=loop.item, action="start")
    import_package(loop.leader, path=loop.from_court())
    dialog = CourtProgressDialog(loop.leader)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.courts.rowCount() == 2, timeout=10000)
    rows = {
        dialog.courts.item(r, 0).text(): [dialog.courts.item(r, c).text() for c in range(1, 7)]
        for r in range(dialog.courts.rowCount())
    }
    assert rows[COURT] == ["0", "1", "0", "0", "1", "0"]  # in progress, past 2025-12-31
    dialog.courts.selectRow(list(rows).index(COURT))
    assert COURT in dialog.caption.text() and dialog.weeks.rowCount() >= 1


def test_the_courts_window_takes_the_days_backup(qtbot, loop, monkeypatch):
    from inspector.services.security import list_backups
    from inspector.ui import court_window as module

    monkeypatch.setattr(module, "BACKUP_DELAY_MS", 10)
    path = loop.court.workspace.path
    assert list_backups(path) == []
    court_window(qtbot, loop)
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=10000)


def test_what_the_court_does_reads_back_as_it_happened(qtbot, loop, tmp_path, messages):
    """The plan just proposed is selected; no deadline makes a standing measure; a submission
    says so and shows in the history; after an export nothing is left to send."""
    window = court_window(qtbot, loop)
    page = window.items_page
    select(window, "problem", loop.problem)
    page.propose.click()
    dialog = page.dialog
    assert dialog.kind.currentData() == "限期整改"
    dialog.no_deadline.setChecked(True)
    assert dialog.kind.currentData() == "长期坚持"
    dialog.measure.setPlainText("长期坚持终本案件逐案复查")
    dialog.unit.setText("执行局")
    dialog.phone.setText("abc")
    ok(dialog)
    assert "联系电话" in dialog.error.text()
    dialog.phone.setText("0871-63961234")
    ok(dialog)
    assert page.selected()[0] == "proposal"
    select(window, "item", loop.item)
    page.report.click()
    report = page.dialog
    evidence = tmp_path / "决定书.pdf"
    evidence.write_bytes(b"%PDF-1.4")
    report.note.setPlainText("已全部补充限制消费措施")
    report.add_file(evidence)
    report.submit.setChecked(True)
    ok(report)
    assert "Submitted for verification" in window.notice.text.text()
    select(window, "item", loop.item)
    history = page.detail.toPlainText()
    assert "已全部补充限制消费措施" in history and "提交核查" in history
    window.tabs.setCurrentIndex(2)
    assert "Changes not yet sent to the team: 0" not in window.exchange_page.status.text()
    window.export_for_team = None  # the file dialog: write straight to a path
    window.packages.export_to(tmp_path / "back.ledgerpkg")
    qtbot.waitUntil(
        lambda: "Changes not yet sent to the team: 0" in window.exchange_page.status.text(),
        timeout=10000,
    )
