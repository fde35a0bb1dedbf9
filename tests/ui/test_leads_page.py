"""The 一案双查 page: a lead walked from receipt to a conclusion that lands in the ledger."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from inspector.domain.rectification import Light
from inspector.services import records
from inspector.services.leads import assign_lead, create_lead, record_meeting
from inspector.services.team import add_court
from inspector.services.workspaces import create_workspace
from inspector.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    s = create_workspace(tmp_path / "ws.ledger", member_name="李建国")
    s.court = add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")  # type: ignore[attr-defined]
    w = MainWindow(s)
    qtbot.addWidget(w)
    w.show()
    return w


def step(page, button, values):
    getattr(page.ui, button).click()
    dialog = page.dialog
    for key, value in values.items():
        dialog.set_value(key, value)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, button


def test_a_lead_from_receipt_to_a_conclusion_in_the_ledger(window):
    s = window.session
    page = window.show_page("leads")
    page.ui.newLead.click()
    page.dialog.set_value("summary", "申请执行人反映案件长期未执行")
    page.dialog.set_value("cases", "(2024)云0102执88号")
    page.dialog.set_value("court", s.court)
    page.dialog.set_value("alleges", ["执行行为违法或不规范"])
    page.dialog.accept()
    assert page.model.rowCount() == 1
    assert records.find(s, "lead")[0]["alleges"] == ["执行行为违法或不规范"]
    page.ui.leadTable.selectRow(0)
    assert "执行行为违法或不规范" in page.ui.leadDetail.text()
    assert page.ui.meetingButton.isEnabled() and not page.ui.concludeButton.isEnabled()
    # a step the stage does not allow says why it is greyed out
    assert "待研判" in page.ui.concludeButton.toolTip()
    assert "待结论" in page.ui.concludeButton.toolTip()
    assert page.ui.meetingButton.toolTip() == ""
    step(page, "meetingButton", {"reason": "线索具体", "start": True})
    step(
        page,
        "assignButton",
        {"court": s.court, "deadline": dt.date.today() + dt.timedelta(days=20)},
    )
    from inspector.services.interviews import create_interview

    talk = create_interview(
        s, method="内部谈话", date=dt.date.today(), court_id=s.court, text="约谈承办人"
    )
    step(page, "investigationButton", {"methods": ["调卷审查", "内部谈话"], "linked": [talk]})
    lead = records.find(s, "lead")[0]
    assert lead["linked_records"] == [{"type": "interview", "id": talk}]
    step(
        page,
        "reportButton",
        {"process": "调卷", "facts": "查控超期", "analysis": "消极执行", "opinion": "督促"},
    )
    stage_column = [c.key for c in page.model.spec.columns].index("stage")
    assert page.model.index(0, stage_column).data() == "待结论"
    step(
        page,
        "concludeButton",
        {"conclusions": ["督促限期办理"], "note": "会商一致", "measure": "30日内完成财产处置"},
    )
    items = records.find(s, "rectification_item")
    assert len(items) == 1 and items[0]["measure"] == "30日内完成财产处置"
    ledger = window.show_page("ledger")
    assert ledger.model.rowCount() == 1
    page = window.show_page("leads")
    page.ui.leadTable.selectRow(0)
    page.ui.feedbackButton.click()
    # the complaint alleged irregular enforcement: the enforcement division leads (Art. 10)
    assert page.dialog.values()["by"] == "执行机构"
    page.dialog.done(0)
    step(page, "feedbackButton", {"note": "已反馈信访人"})
    assert page.model.index(0, stage_column).data() == "已办结"


def test_a_conclusion_files_its_item_under_the_category_chosen(window):
    s = window.session
    lid = create_lead(
        s, source="其他途径", received_date=dt.date.today(), summary="拖延", court_id=s.court
    )
    record_meeting(
        s, lead_id=lid, date=dt.date.today(), participants="执行局", start=True, reason="具体"
    )
    assign_lead(
        s,
        lead_id=lid,
        date=dt.date.today(),
        court_id=s.court,
        deadline=dt.date.today() + dt.timedelta(days=20),
    )
    from inspector.services.leads import record_investigation, submit_report

    record_investigation(s, lead_id=lid, methods=["调卷审查"])
    submit_report(
        s,
        lead_id=lid,
        date=dt.date.today(),
        process="调卷",
        facts="查控超期",
        analysis="未发现",
        opinion="督促",
    )
    page = window.show_page("leads")
    page.ui.leadTable.selectRow(0)
    step(
        page,
        "concludeButton",
        {
            "conclusions": ["督促限期办理"],
            "note": "会商",
            "measure": "限期处置",
            "category": "乱执行",
        },
    )
    problem = records.find(s, "problem")[0]
    assert problem["category"] == "乱执行"


def test_a_refused_step_keeps_the_dialog_open(window, monkeypatch, messages):
    warnings = messages.warning
    page = window.show_page("leads")
    page.ui.newLead.click()
    page.dialog.set_value("summary", "")
    page.dialog.accept()
    assert warnings and "线索摘要" in warnings[0]
    assert page.dialog.isVisible()


def test_an_investigation_past_its_deadline_is_red(window):
    s = window.session
    lid = create_lead(
        s,
        source="检察机关检察建议",
        received_date=dt.date(2025, 1, 2),
        summary="终本不规范",
        court_id=s.court,
    )
    record_meeting(
        s,
        lead_id=lid,
        date=dt.date(2025, 1, 3),
        participants=["执行局"],
        start=True,
        reason="需核查",
    )
    assign_lead(
        s, lead_id=lid, date=dt.date(2025, 1, 6), court_id=s.court, deadline=dt.date(2025, 2, 6)
    )
    page = window.show_page("leads")
    assert page.model.index(0, 0).data(Qt.ItemDataRole.UserRole) == Light.RED
    assert page.model.index(0, 0).data() == "逾期"


def test_the_lead_detail_shows_markup_as_typed(window):
    """A summary with angle brackets is text, not markup."""
    s = window.session
    create_lead(
        s,
        source="其他途径",
        received_date=dt.date.today(),
        summary="<b>未执行</b> & 拖延",
        court_id=s.court,
    )
    page = window.show_page("leads")
    page.ui.leadTable.selectRow(0)
    assert "&lt;b&gt;未执行&lt;/b&gt; &amp; 拖延" in page.ui.leadDetail.text()
