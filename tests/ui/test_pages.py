"""The inspector's and the leader's flows, driven through the real pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from inspector.domain.rectification import Light
from inspector.services import records
from inspector.services.cases import add_case
from inspector.services.problems import create_problem
from inspector.services.rectification import add_item
from inspector.services.team import add_court, add_member, create_campaign
from inspector.services.workspaces import create_workspace
from inspector.ui.main_window import MainWindow


@pytest.fixture
def workspace(tmp_path):
    s = create_workspace(tmp_path / "ws.ledger", member_name="李建国", role="leader")
    create_campaign(s, name="2025年专项巡查", doc_number="云高法〔2025〕9号")
    court = add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
    add_case(
        s,
        case_number="（2025）云0102执100号",
        court_id=court,
        cause="民间借贷纠纷",
        judge="赵敏",
        filing_date=dt.date(2025, 3, 3),
        closing_date=dt.date(2025, 5, 6),  # under three months: 不符合
        closing_method="终结本次执行程序",
        traditional_investigation_date="2025-03-20",
        restriction_date="2025-03-10",
        last_network_query_date="2025-04-20",
        zhongben_talk_date="2025-05-01",
        ruling_served_date="2025-05-08",
    )
    inspector = add_member(s, name="王芳", role="inspector")
    s.ids = {"court": court, "inspector": inspector, "leader": s.member_id}  # type: ignore[attr-defined]
    yield s
    s.close()


@pytest.fixture
def window(qtbot, workspace):
    w = MainWindow(workspace)
    qtbot.addWidget(w)
    w.show()
    return w


def when_modal(callback):
    """Act on the next modal dialog as soon as it opens."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
        else:
            callback(dialog)

    QTimer.singleShot(0, poll)


def test_review_to_problem_to_item_to_closing(window, workspace, monkeypatch, tmp_path, messages):
    ids = workspace.ids
    closed_before = window.tiles["closed"].value.text()

    # review a case: the automatic check marks ZB1 不符合 and the reviewer agrees
    reviews = window.show_page("reviews")
    reviews.ui.caseTable.selectRow(0)
    editor = reviews.editor
    card = editor.card("ZB1")
    assert card.answer_value() == "不符合"
    assert "未满3个月" in card.reason.text()
    card.pick.setChecked(True)
    reviews.ui.makeProblem.click()  # saves the review, then opens the problem dialog prefilled
    dialog = reviews.problem_dialog
    assert dialog is not None and dialog.isVisible()
    assert "（2025）云0102执100号" in dialog.ui.examples.text()
    dialog.accept()
    assert dialog.made

    problems = window.show_page("problems")
    assert problems.model.rowCount() == 1
    pid = problems.model.record_id(0)
    problem = records.get(workspace, "problem", pid)
    assert problem["category"] == "乱执行" and problem["example_cases"] == ["（2025）云0102执100号"]

    # a rectification item for it
    problems.ui.problemTable.selectRow(0)
    problems.ui.addItem.click()
    item_dialog = problems.dialog
    item_dialog.ui.measure.setPlainText("对不满三个月终本的案件恢复执行")
    item_dialog.ui.workdays.setValue(10)
    item_dialog.ui.applyWorkdays.click()
    item_dialog.accept()
    ledger = window.pages["ledger"]
    assert window.current_page() is ledger
    item_id = ledger.selected()
    assert records.get(workspace, "rectification_item", item_id)["deadline"]

    # the inspector starts it and submits evidence
    workspace.act_as(ids["inspector"])  # the inspector's view, simulated on one laptop
    window.refresh()
    ledger.open_record("rectification_item", item_id)
    ledger.ui.startButton.click()
    evidence = tmp_path / "恢复执行裁定.pdf"
    evidence.write_bytes(b"%PDF-1.4 ruling")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(evidence)], ""))
    ledger.ui.submitButton.click()
    note = ledger.dialog
    assert "对不满三个月终本的案件恢复执行" in note.subject.text()  # the item acted on
    note.text.setPlainText("已恢复执行并补充查控")
    note.accept()
    assert records.get(workspace, "rectification_item", item_id)["state"] == "待核查"

    # ...but cannot close it, and the button says why
    assert not ledger.ui.closeButton.isEnabled()
    assert "组长" in ledger.ui.closeButton.toolTip() or "leader" in ledger.ui.closeButton.toolTip()
    from inspector.domain.rectification import Action

    ledger.take(Action.CLOSE)
    refused = ledger.dialog
    refused.text.setPlainText("越权销号")
    refused.accept()
    assert messages.warning and "只有组长或核查人" in messages.warning[0]
    assert refused.isVisible() and refused.text.toPlainText() == "越权销号"  # the text stays
    refused.text.clear()
    refused.reject()
    assert records.get(workspace, "rectification_item", item_id)["state"] == "待核查"

    # the leader closes it, and the dashboard counts change
    workspace.act_as(ids["leader"])
    window.refresh()
    ledger.open_record("rectification_item", item_id)
    assert ledger.ui.closeButton.isEnabled()
    ledger.ui.closeButton.click()
    ledger.dialog.text.setPlainText("核查属实，予以销号")
    ledger.dialog.accept()
    row = records.get(workspace, "rectification_item", item_id)
    assert row["state"] == "已销号" and row["closed_by"] == ids["leader"]
    assert ledger.events.rowCount() == 3
    window.show_page("dashboard")
    assert window.tiles["closed"].value.text() == str(int(closed_before) + 1)
    assert window.tiles["closure_rate"].value.text() == "100.0%"


def test_a_two_character_search_finds_and_opens_the_record(window, workspace, qtbot):
    pid = create_problem(
        workspace,
        court_id=workspace.ids["court"],
        category="乱执行",
        description="部分终本案件未约谈申请执行人",
    )
    window.ui.searchEdit.setText("终本")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_dialog is not None, timeout=10000)  # on the runner
    dialog = window.search_dialog
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert any(g.startswith("问题") for g in groups)
    problem_group = next(
        dialog.tree.topLevelItem(i) for i in range(len(groups)) if groups[i].startswith("问题")
    )
    dialog.tree.setCurrentItem(problem_group.child(0))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    problems = window.pages["problems"]
    assert window.current_page() is problems
    assert problems.model.record_id(problems.ui.problemTable.currentIndex().row()) == pid


def test_an_overdue_item_shows_red(window, workspace):
    pid = create_problem(
        workspace, court_id=workspace.ids["court"], category="消极执行", description="超期"
    )
    overdue = add_item(workspace, problem_id=pid, measure="逾期事项", deadline=dt.date(2020, 1, 2))
    later = add_item(workspace, problem_id=pid, measure="远期事项", deadline=dt.date(2099, 1, 2))
    ledger = window.show_page("ledger")
    model = ledger.model
    light = {
        model.record_id(r): model.index(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(model.rowCount())
    }
    assert light[overdue] == Light.RED and light[later] == Light.GREEN
    assert model.index(model.row_of(overdue), 0).data() == "逾期"
    assert model.index(model.row_of(overdue), 0).data(Qt.ItemDataRole.DecorationRole) is not None
    ledger.ui.dueFilter.setCurrentIndex(ledger.ui.dueFilter.findData("overdue"))
    assert [model.record_id(r) for r in range(model.rowCount())] == [overdue]


def test_interview_with_an_image_attachment(window, workspace, tmp_path):
    from inspector.demo.build import tiny_png

    page = window.show_page("interviews")
    page.new_record()
    page.ui.methodCombo.setCurrentText("走访")
    page.ui.placeEdit.setText("执行指挥中心")
    page.ui.peopleEdit.setText("赵敏（执行法官）；李强")
    page.ui.recordText.setPlainText("查看执行案款系统")
    photo = tmp_path / "现场.png"
    photo.write_bytes(tiny_png((200, 30, 30)))
    page.add_files([photo])  # saves the new record first
    assert page.interview_id
    row = records.get(workspace, "interview", page.interview_id)
    assert row["interviewees"] == [
        {"name": "赵敏", "role": "执行法官"},
        {"name": "李强", "role": ""},
    ]
    assert page.ui.attachmentList.count() == 1
    assert not page.ui.attachmentList.item(0).icon().isNull()
    assert page.model.rowCount() == 1


def test_new_problem_with_ctrl_n_and_bad_input_is_refused(
    window, workspace, qtbot, monkeypatch, messages
):
    window.show_page("problems")
    warnings = messages.warning

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    problems = window.pages["problems"]
    dialog = problems.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.examples.setText("不是案号")
    dialog.ui.description.setPlainText("案款发放不及时")
    dialog.accept()  # refused: bad example case number; the dialog keeps what was typed
    assert warnings and "例证案号" in warnings[-1]
    assert dialog.isVisible() and dialog.ui.description.toPlainText() == "案款发放不及时"
    dialog.ui.examples.setText("(2025)云0102执100号")
    dialog.accept()
    assert problems.model.rowCount() == 1
    pid = problems.model.record_id(0)
    assert records.get(workspace, "problem", pid)["example_cases"] == ["（2025）云0102执100号"]


def test_team_page_holidays_and_campaign(window, workspace, monkeypatch, messages):
    team = window.show_page("team")
    warnings = messages.warning
    team.ui.holidayText.setPlainText("2099-01-01 放假")
    team.ui.saveHolidays.click()
    assert warnings and "第1行" in warnings[0]
    team.ui.holidayText.setPlainText("2099-01-01..2099-01-03 休 元旦\n2099-01-04 班 调休")
    team.ui.saveHolidays.click()
    assert "2099" in team.ui.holidayStatus.text()
    assert workspace.calendar.is_announced(2099)
    team.ui.docNumber.setText("云高法(2025)10号")
    team.ui.saveCampaign.click()
    assert records.find(workspace, "campaign")[0]["doc_number"] == "云高法〔2025〕10号"
    # what the campaign's feedback asks of the courts: 30 days and 3 months unless set
    assert (team.plan_days.value(), team.report_months.value()) == (30, 3)
    team.plan_days.setValue(15)
    team.report_months.setValue(2)
    assert team.campaign_unsaved()
    team.ui.saveCampaign.click()
    campaign = records.find(workspace, "campaign")[0]
    assert (campaign["plan_days"], campaign["report_months"]) == (15, 2)
    assert not team.campaign_unsaved()
    window.show_page("ledger")
    team = window.show_page("team")
    assert (team.plan_days.value(), team.report_months.value()) == (15, 2)


def test_shortcuts_and_remembered_geometry(window, workspace, qtbot, tmp_path):
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.pages["problems"]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.searchEdit.hasFocus() or QApplication.focusWidget() is window.ui.searchEdit
    window.resize(900, 640)
    expected = window.size()
    path = Path(str(workspace.workspace.path))
    window.close()
    assert str(path) in QSettings().value("recent_workspaces")
    from inspector.services.session import open_session

    again = MainWindow(open_session(path))
    qtbot.addWidget(again)
    # the offscreen screen is 800 px wide, so only the height can show the restore
    assert again.size().height() == expected.height() == 640
    assert str(path) in [a.text() for a in again.recent_menu.actions()]


def test_the_state_councils_notice_is_previewed_then_loaded(qtbot, tmp_path, monkeypatch):
    """Pasted as published, checked day by day, loaded: the year is no longer provisional."""
    import datetime as dt
    from pathlib import Path

    from inspector.services.holidays import is_provisional
    from inspector.services.workspaces import create_workspace
    from inspector.ui.main_window import MainWindow

    window = MainWindow(create_workspace(tmp_path / "ws.ledger", member_name="李建国"))
    qtbot.addWidget(window)
    team = window.show_page("team")
    team.load_notice.click()
    dialog = team.notice_dialog
    notice = (Path(__file__).parents[1] / "data" / "holiday-notice-2025.txt").read_text(
        encoding="utf-8"
    )
    dialog.text.setPlainText(notice)
    assert not dialog.load_button.isEnabled()  # previewed first
    dialog.preview_button.click()
    assert dialog.days.count() > 0 and "2025年" in dialog.summary.text()
    assert dialog.load_button.isEnabled()
    dialog.load_button.click()
    assert dialog.loaded is not None and 2025 in dialog.loaded.years
    assert not is_provisional(window.session, dt.date(2025, 10, 1))
    assert "2025" in team.ui.holidayText.toPlainText()
    assert "2025" in team.ui.holidayStatus.text()
