"""Nothing an inspector types is lost, everything they make can be corrected, and a laptop acts
only as its own member — driven through the real window."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QColor, QImage

from inspector.domain.enums import SourceType
from inspector.errors import PermissionDenied, UserError
from inspector.services import editing, records
from inspector.services.attachments import add_attachment
from inspector.services.cases import add_case
from inspector.services.interviews import create_interview
from inspector.services.problems import create_problem
from inspector.services.rectification import add_item
from inspector.services.session import set_current_member
from inspector.services.team import add_court, add_member, create_campaign
from inspector.services.workspaces import create_workspace
from inspector.storage import keyfile
from inspector.ui import unsaved
from inspector.ui.main_window import MainWindow

from ..security.conftest import CANARY, occurrences


class Prompts:
    """Answers 保存 / 不保存 / 取消 and records what was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = unsaved.Choice.CANCEL
        self.discards: list[str] = []
        self.let_go = False

    def ask(self, _parent: object, what: str) -> unsaved.Choice:
        self.asked.append(what)
        return self.answer

    def ask_discard(self, _parent: object, what: str) -> bool:
        self.discards.append(what)
        return self.let_go


@pytest.fixture
def prompts(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    p = Prompts()
    monkeypatch.setattr(unsaved, "ask", p.ask)
    monkeypatch.setattr(unsaved, "ask_discard", p.ask_discard)
    return p


def _case(s, number: str, court: str, **extra):
    return add_case(
        s,
        case_number=number,
        court_id=court,
        cause="民间借贷纠纷",
        judge="赵敏",
        filing_date=dt.date(2025, 3, 3),
        closing_date=dt.date(2025, 5, 6),  # under three months: ZB1 不符合
        closing_method="终结本次执行程序",
        traditional_investigation_date="2025-03-20",
        last_network_query_date="2025-04-20",
        zhongben_talk_date="2025-05-01",
        ruling_served_date="2025-05-08",
        **extra,
    )


@pytest.fixture
def workspace(tmp_path):
    s = create_workspace(tmp_path / "ws.ledger", member_name="李建国", role="leader")
    create_campaign(s, name="2025年专项巡查", doc_number="云高法〔2025〕9号")
    court = add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
    other = add_court(s, name="昆明市盘龙区人民法院", level="基层", code="云0103")
    # no restriction recorded either: ZB3 不符合 too
    _case(s, "（2025）云0102执100号", court)
    _case(s, "（2025）云0102执101号", court, restriction_date="2025-03-10")
    s.ids = {"court": court, "other": other}  # type: ignore[attr-defined]
    yield s
    s.close()


@pytest.fixture
def window(qtbot, workspace):
    w = MainWindow(workspace)
    w.show()
    yield w
    # what a test left unsaved is thrown away when the test's window closes
    w.confirm_leave_all = lambda: True  # type: ignore[method-assign]
    w.close()
    w.deleteLater()


def _review_page(window):
    reviews = window.show_page("reviews")
    reviews.ui.reviewedFilter.setCurrentIndex(0)
    return reviews


# --- never lose what was typed -------------------------------------------------------


def test_review_opinion_typed_then_another_case_clicked_asks_first(window, prompts, qtbot):
    reviews = _review_page(window)
    reviews.ui.caseTable.selectRow(0)
    first = reviews.case_id
    reviews.ui.reviewNote.setPlainText("卷宗材料不齐全，查控记录缺失")
    reviews.editor.card("ZB2").note.setText("传统查控仅一次")
    reviews.editor.card("ZB2").note.textEdited.emit("传统查控仅一次")
    assert reviews.unsaved() is not None

    # 取消: the review stays on show with everything typed, its row selected again
    reviews.ui.caseTable.selectRow(1)
    assert prompts.asked and "（2025）云0102执100号" in prompts.asked[-1]
    assert reviews.case_id == first
    qtbot.waitUntil(lambda: reviews.selected_case() == first, timeout=2000)
    assert reviews.ui.reviewNote.toPlainText() == "卷宗材料不齐全，查控记录缺失"
    assert reviews.editor.card("ZB2").note.text() == "传统查控仅一次"

    # 保存: saved, then the other case opens
    prompts.answer = unsaved.Choice.SAVE
    reviews.ui.caseTable.selectRow(1)
    assert reviews.case_id != first
    saved = records.find(window.session, "review", "case_id = ?", (first,))
    assert saved and saved[0]["note"] == "卷宗材料不齐全，查控记录缺失"
    answer = records.find(
        window.session, "review_answer", "review_id = ? AND item_code = 'ZB2'", (saved[0]["id"],)
    )
    assert answer[0]["note"] == "传统查控仅一次"


def test_discarding_shows_the_saved_review_again(window, prompts, qtbot):
    reviews = _review_page(window)
    reviews.ui.caseTable.selectRow(0)
    reviews.save()
    reviews.ui.reviewNote.setPlainText("写了一半")
    prompts.answer = unsaved.Choice.DISCARD
    reviews.ui.caseTable.selectRow(1)
    assert prompts.asked
    reviews.ui.caseTable.selectRow(0)
    assert reviews.ui.reviewNote.toPlainText() == ""


def test_looking_at_a_case_is_not_an_edit(window, prompts):
    reviews = _review_page(window)
    reviews.ui.caseTable.selectRow(0)
    reviews.ui.caseTable.selectRow(1)
    reviews.ui.caseTable.selectRow(0)
    assert prompts.asked == []


def test_the_answer_changed_then_the_page_left_asks_and_cancel_stays(window, prompts):
    reviews = _review_page(window)
    reviews.ui.caseTable.selectRow(0)
    reviews.editor.card("ZB2").set_answer("不适用")
    window.ui.navigation.setCurrentRow(window.page_keys.index("problems"))
    assert prompts.asked
    assert window.current_page() is reviews
    assert reviews.editor.card("ZB2").answer_value() == "不适用"


def test_changing_the_court_filter_asks_first(window, prompts, workspace):
    reviews = _review_page(window)
    reviews.ui.caseTable.selectRow(0)
    reviews.ui.reviewNote.setPlainText("意见")
    combo = window.ui.courtCombo
    before = combo.currentIndex()
    combo.setCurrentIndex(combo.findData(workspace.ids["other"]))
    assert prompts.asked
    assert combo.currentIndex() == before
    assert reviews.ui.reviewNote.toPlainText() == "意见"


def test_closing_the_window_with_unsaved_text_asks_and_cancel_keeps_it_open(window, prompts):
    interviews = window.show_page("interviews")
    interviews.ui.recordText.setPlainText("座谈中，执行干警反映案件量大")
    window.close()
    assert prompts.asked and window.isVisible()
    assert interviews.ui.recordText.toPlainText() == "座谈中，执行干警反映案件量大"
    prompts.answer = unsaved.Choice.SAVE
    window.close()
    assert not window.isVisible()


def test_a_court_being_added_on_the_team_page_is_not_lost(window, prompts):
    team = window.show_page("team")
    team.ui.courtName.setText("昆明市官渡区人民法院")
    window.ui.navigation.setCurrentRow(window.page_keys.index("problems"))
    assert prompts.asked and window.current_page() is team
    assert team.ui.courtName.text() == "昆明市官渡区人民法院"
    prompts.answer = unsaved.Choice.SAVE  # 保存 adds it
    window.ui.navigation.setCurrentRow(window.page_keys.index("problems"))
    assert window.current_page() is window.pages["problems"]
    assert records.find(window.session, "court", "name = '昆明市官渡区人民法院'")


def test_interview_typed_then_another_selected_asks(window, prompts, workspace, qtbot):
    court = workspace.ids["court"]
    first = create_interview(
        workspace,
        method="座谈",
        date=dt.date(2025, 9, 1),
        court_id=court,
        text="第一次座谈",
    )
    create_interview(
        workspace, method="走访", date=dt.date(2025, 9, 2), court_id=court, text="第二次走访"
    )
    interviews = window.show_page("interviews")
    interviews.open_record("interview", first)
    interviews.ui.recordText.setPlainText("第一次座谈，补充：当事人反映执行款未到账")
    other_row = 1 - interviews.model.row_of(first)
    interviews.ui.interviewTable.selectRow(other_row)
    assert prompts.asked
    assert interviews.interview_id == first
    assert "补充" in interviews.ui.recordText.toPlainText()
    qtbot.waitUntil(
        lambda: interviews.ui.interviewTable.currentIndex().row() == interviews.model.row_of(first),
        timeout=2000,
    )


def test_interview_court_is_kept_after_save_and_after_an_attachment(
    window, workspace, tmp_path, prompts
):
    interviews = window.show_page("interviews")
    interviews.new_record()
    combo = interviews.ui.courtCombo
    combo.setCurrentIndex(combo.findData(workspace.ids["other"]))
    interviews.ui.recordText.setPlainText("走访盘龙区法院执行局")
    assert interviews.save()
    assert combo.currentData() == workspace.ids["other"]
    photo = tmp_path / "现场.txt"
    photo.write_text("现场记录", encoding="utf-8")
    interviews.add_files([photo])
    assert combo.currentData() == workspace.ids["other"]
    interviews.save()
    row = records.get(workspace, "interview", interviews.interview_id)
    assert row["court_id"] == workspace.ids["other"]

    # a problem made from it is at its court, not the first court in the list
    interviews._make_problem()
    dialog = interviews.problem_dialog
    assert dialog.ui.courtCombo.currentData() == workspace.ids["other"]
    assert dialog.source[0] == SourceType.INTERVIEW
    dialog.ui.description.setPlainText("执行款发放不及时")
    dialog.accept()
    problem = records.get(workspace, "problem", dialog.problem_id)
    assert problem["court_id"] == workspace.ids["other"]


def test_a_dialog_closed_with_typed_text_asks_first(window, prompts):
    problems = window.show_page("problems")
    problems.new_record()
    dialog = problems.dialog
    dialog.ui.description.setPlainText("部分案件未按期发放案款")
    dialog.reject()
    assert prompts.discards and dialog.isVisible()
    prompts.let_go = True
    dialog.reject()
    assert not dialog.isVisible()


# --- everything can be corrected -----------------------------------------------------


def test_edit_delete_and_undo_a_problem_and_an_item_with_history(window, workspace, messages):
    court = workspace.ids["court"]
    pid = create_problem(workspace, court_id=court, category="消极执行", description="查控不及时")
    iid = add_item(workspace, problem_id=pid, measure="建立查控督办机制", kind="立行立改")
    problems = window.show_page("problems")
    problems.refresh()

    # edit the problem through its dialog
    problems.edit_problem(pid)
    dialog = problems.dialog
    assert dialog.ui.description.toPlainText() == "查控不及时"
    dialog.ui.description.setPlainText("网络查控发起不及时")
    dialog.accept()
    assert records.get(workspace, "problem", pid)["description"] == "网络查控发起不及时"
    window._update_undo()
    assert "修改问题" in window.undo_action.text() and window.undo_action.isEnabled()

    # its history shows the change, old → new
    from inspector.ui.record_actions import HistoryDialog

    history = HistoryDialog(workspace, pid, window)
    cells = [history.table.item(0, c).text() for c in range(4)]
    assert cells[2] == "修改" and "查控不及时 → 网络查控发起不及时" in cells[3]

    # undo (Ctrl+Z): a new revision sets it back
    window.undo()
    assert records.get(workspace, "problem", pid)["description"] == "查控不及时"

    # edit the item's measure (its state is not a field the dialog offers)
    ledger = window.show_page("ledger")
    ledger.open_record("rectification_item", iid)
    ledger.edit_item(iid)
    ledger.dialog.ui.measure.setPlainText("建立网络查控督办机制")
    ledger.dialog.accept()
    assert records.get(workspace, "rectification_item", iid)["measure"] == "建立网络查控督办机制"

    # delete the problem (asked first); its item goes with it, undo brings both back
    problems = window.show_page("problems")
    assert problems.actions_.delete(pid)
    assert "1项整改事项" in messages.question[-1]
    assert not records.exists(workspace, "problem", pid)
    assert not records.exists(workspace, "rectification_item", iid)
    assert problems.model.row_of(pid) < 0
    window.undo()
    assert records.exists(workspace, "problem", pid)
    assert records.exists(workspace, "rectification_item", iid)
    assert records.get(workspace, "rectification_item", iid)["measure"] == "建立网络查控督办机制"


def test_the_context_menu_offers_the_records_actions(window, workspace):
    pid = create_problem(
        workspace, court_id=workspace.ids["court"], category="消极执行", description="x"
    )
    problems = window.show_page("problems")
    problems.refresh()
    menu = problems.actions_.menu_for(pid)
    texts = [a.text() for a in menu.actions() if a.text()]

    def tr(context: str, text: str) -> str:
        return QCoreApplication.translate(context, text)

    assert texts[0] == tr("RecordActions", "Edit…")
    assert tr("RecordActions", "History…") in texts
    assert tr("RecordActions", "Delete…") in texts
    assert tr("ProblemsPage", "Add rectification item…") in texts


def test_problem_dialog_prefilled_from_two_failed_items(window, workspace, prompts, monkeypatch):
    from inspector.ui.pages import reviews as reviews_module

    reviews = _review_page(window)
    reviews.open_record(
        "case", records.find(workspace, "case", "case_number LIKE '%100号'")[0]["id"]
    )
    editor = reviews.editor
    assert editor.card("ZB1").answer_value() == "不符合"
    assert editor.card("ZB3").answer_value() == "不符合"
    editor.card("ZB1").pick.setChecked(True)
    editor.card("ZB3").pick.setChecked(True)
    assert not editor.card("ZB2").pick.isEnabled()  # 符合 items cannot be ticked

    # one problem of both
    monkeypatch.setattr(reviews_module, "ask_together", lambda _p, n: True)
    reviews.make_problems()
    dialog = reviews.problem_dialog
    text = dialog.ui.description.toPlainText()
    assert "未满3个月" in text and "限制消费" in text
    assert dialog.ui.courtCombo.currentData() == workspace.ids["court"]
    assert "（2025）云0102执100号" in dialog.ui.examples.text()
    dialog.ui.description.setPlainText(text + "（经核实）")  # edited before it is saved
    dialog.accept()
    assert len(dialog.made) == 1
    assert records.get(workspace, "problem", dialog.made[0])["description"].endswith("（经核实）")

    # one problem each: the dialog goes through both
    editor.card("ZB1").pick.setChecked(True)
    editor.card("ZB3").pick.setChecked(True)
    monkeypatch.setattr(reviews_module, "ask_together", lambda _p, n: False)
    reviews.make_problems()
    dialog = reviews.problem_dialog
    assert "1" in dialog.windowTitle() and "2" in dialog.windowTitle()
    first = dialog.ui.description.toPlainText()
    dialog.accept()
    assert dialog.isVisible() and dialog.ui.description.toPlainText() != first
    dialog.accept()
    assert len(dialog.made) == 2 and not dialog.isVisible()
    assert {records.get(workspace, "problem", p)["category"] for p in dialog.made}


def test_an_undecidable_item_is_prefilled_to_verify_not_not_applicable(window, workspace):
    case = add_case(
        workspace,
        case_number="（2025）云0102执200号",
        court_id=workspace.ids["court"],
        filing_date=dt.date(2025, 1, 3),
        closing_date=dt.date(2025, 5, 6),
        closing_method="终结本次执行程序",
    )
    reviews = _review_page(window)
    reviews.open_record("case", case)
    answers = reviews.editor.answers()
    assert "不适用" not in answers.values()
    card = reviews.editor.card("ZB5")
    assert card.answer.findData("待核实") >= 0
    reviews.save()
    review = records.find(workspace, "review", "case_id = ?", (case,))[0]
    if "待核实" in answers.values():
        assert review["grade"] == "待核实"


def test_team_page_shows_a_court_and_a_member_at_once(window, workspace):
    team = window.show_page("team")
    assert team.ui.courtLevel.currentText() == "基层"
    parent = team.ui.courtParent
    parent.setCurrentIndex(parent.findData(workspace.ids["court"]))
    team.ui.courtName.setText("昆明市官渡区人民法院")
    team.ui.courtCode.setText("云0111")
    before = team.courts.rowCount()
    team._add_court()
    assert team.courts.rowCount() == before + 1
    assert parent.count() > 2 and parent.currentData() == workspace.ids["court"]
    added = records.find(workspace, "court", "name = '昆明市官渡区人民法院'")[0]
    assert added["parent_id"] == workspace.ids["court"]

    team.ui.memberName.setText("王芳")
    team.ui.memberUnit.setText("省高院执行局")
    team.ui.memberPhone.setText("0871-12345678")
    members = team.members.rowCount()
    team._add_member()
    assert team.members.rowCount() == members + 1
    assert records.find(workspace, "member", "name = '王芳'")[0]["phone"] == "0871-12345678"


def test_a_member_cannot_act_as_the_leader(window, workspace):
    inspector = add_member(workspace, name="王芳", role="inspector")
    team = window.show_page("team")
    # nothing on the page picks another member for this laptop
    assert not hasattr(team.ui, "setCurrent")
    assert "李建国" in team.ui.currentMember.text()
    with pytest.raises(PermissionDenied):
        set_current_member(workspace, member_id=inspector)
    assert workspace.member_id != inspector


# --- evidence can be looked at -------------------------------------------------------


def _png_with(text: str) -> bytes:
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    image.setText("Comment", text)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def _pdf_with(text: str, pages: int = 2) -> bytes:
    """A small valid PDF with ``pages`` empty pages and ``text`` in a comment."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>")
    for _ in range(pages):
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>")
    out = bytearray(b"%PDF-1.4\n%" + text.encode("utf-8") + b"\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def test_the_viewer_shows_an_image_and_a_pdf_with_no_plaintext_on_disk(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(1, 8 * 1024, 1))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    folder = tmp_path / "ws"
    folder.mkdir()
    s = create_workspace(
        folder / "台账.ledger", member_name="李建国", role="leader", password="pw-123456"
    )
    court = add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
    iid = create_interview(s, method="座谈", date=dt.date(2025, 9, 1), court_id=court, text="x")
    photo = add_attachment(
        s, owner_type="interview", owner_id=iid, filename="现场照片.png", data=_png_with(CANARY)
    )
    pdf = add_attachment(
        s, owner_type="interview", owner_id=iid, filename="裁定书.pdf", data=_pdf_with(CANARY)
    )
    window = MainWindow(s)
    qtbot.addWidget(window)
    window.show()
    started = time.time()
    before = set(Path(tempfile.gettempdir()).iterdir())
    interviews = window.show_page("interviews")
    interviews.open_record("interview", iid)
    names = [
        interviews.ui.attachmentList.item(i).text()
        for i in range(interviews.ui.attachmentList.count())
    ]
    assert any("现场照片.png" in n and "李建国" in n for n in names)  # names and who, not "1 份"

    row = next(i for i, n in enumerate(names) if "现场照片.png" in n)
    interviews._view_attachment(interviews.ui.attachmentList.item(row))
    viewer = interviews.viewer
    assert viewer.kind == "image" and viewer.label.pixmap().width() > 0
    width = viewer.label.pixmap().width()
    viewer.set_zoom(2.0)
    assert viewer.label.pixmap().width() > width
    viewer.rotate()
    assert viewer.label.pixmap().height() > viewer.label.pixmap().width()  # 120×80 turned
    viewer.close()

    row = next(i for i, n in enumerate(names) if "裁定书.pdf" in n)
    interviews._view_attachment(interviews.ui.attachmentList.item(row))
    viewer = interviews.viewer
    assert viewer.kind == "pdf" and viewer.pdf.pageCount() == 2
    viewer.go_to(1)
    assert "2" in viewer.page_label.text()
    viewer.close()
    window.close()

    assert occurrences(folder, scratch) == {}
    new = [p for p in Path(tempfile.gettempdir()).iterdir() if p not in before]
    assert occurrences(*[p for p in new if p.is_dir()]) == {}
    for p in new:
        if p.is_file() and p.stat().st_mtime >= started:
            assert CANARY.encode() not in p.read_bytes()
    _ = (photo, pdf)


def test_saving_a_copy_warns_that_it_is_not_encrypted(qtbot, tmp_path, monkeypatch, messages):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from inspector.ui.viewer import AttachmentViewer

    viewer = AttachmentViewer("台账.xlsx", b"PK\x03\x04 data", None)
    qtbot.addWidget(viewer)
    assert viewer.kind == "other"
    target = tmp_path / "copy.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    messages.answer = QMessageBox.StandardButton.No
    viewer.save_as()
    assert "不加密" in messages.question[-1] or "NOT encrypted" in messages.question[-1]
    assert not target.exists()
    messages.answer = QMessageBox.StandardButton.Yes
    viewer.save_as()
    assert target.read_bytes() == b"PK\x03\x04 data"


def test_editing_refuses_what_its_rules_refuse(workspace):
    pid = create_problem(
        workspace, court_id=workspace.ids["court"], category="消极执行", description="x"
    )
    with pytest.raises(UserError):
        editing.edit(workspace, "problem", pid, {"description": "  "})
    with pytest.raises(UserError):
        editing.edit(workspace, "problem", pid, {"category": "没有的类别"})
    with pytest.raises(UserError):
        editing.plan_delete(workspace, "court", workspace.ids["court"])  # it has cases
    assert editing.undo_label(workspace) is None


# --- a laptop acts only as its own member ----------------------------------------------


def test_a_card_is_trusted_only_after_the_fingerprint_is_confirmed_and_linked(
    window, workspace, tmp_path, monkeypatch
):
    from inspector.services.roster import export_identity_card
    from inspector.sync import roster as roster_mod

    listed = add_member(workspace, name="王芳", unit="审管办", role="verifier")
    other = create_workspace(
        tmp_path / "wang.ledger", member_name="王芳", unit="审管办", role="inspector"
    )
    card = tmp_path / "wang.card"
    ident = export_identity_card(other, path=card)
    other.close()
    before = set(roster_mod.trusted(workspace.conn))

    # 不一致: nothing is trusted
    window.packages.open_roster_file(card)
    dialog = window.packages.trust_dialog
    assert ident.fingerprint in dialog.fingerprint.text()
    assert dialog.member.currentData() == listed  # the member already on the list, first
    dialog.mismatch.click()
    assert set(roster_mod.trusted(workspace.conn)) == before

    # 一致: trusted, and linked to the listed 王芳 (one 王芳, with the leader's role for her)
    window.packages.open_roster_file(card)
    dialog = window.packages.trust_dialog
    dialog.match.click()
    trusted = roster_mod.trusted(workspace.conn)[ident.device_id]
    assert trusted.member_id == listed and trusted.role == "verifier"
    assert records.get(workspace, "member", listed)["device_id"] == ident.device_id
    from inspector.services.team import members

    assert [m["name"] for m in members(workspace)].count("王芳") == 1


def test_refused_actions_are_shown_and_taken_back_then_exported_again(qtbot, tmp_path, messages):
    from PySide6.QtWidgets import QMessageBox

    from inspector.domain.rectification import Action
    from inspector.services.rectification import (
        EvidenceFile,
        act,
        unauthorized_actions,
    )
    from inspector.services.team import set_member_role

    from ..sync.team import Team

    team = Team(tmp_path, members=1, roles=["leader", "verifier"])
    leader, verifier = team.laptops
    try:
        team.send(leader, verifier)
        pid = create_problem(verifier, court_id=team.court, category="消极执行", description="超期")
        item = add_item(verifier, problem_id=pid, measure="逐案清理", kind="长期坚持")
        act(verifier, item_id=item, action=Action.START)
        act(verifier, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("r.txt", b"r")])
        team.send(verifier, leader)
        member = next(
            m for m in records.find(leader, "member") if m.get("device_id") == verifier.device_id
        )
        set_member_role(leader, member_id=member["id"], role="inspector")
        act(verifier, item_id=item, action=Action.CLOSE, note="已核实")  # not heard of it yet
        team.send(leader, verifier)  # the new roster arrives
        assert unauthorized_actions(verifier)

        window = MainWindow(verifier)
        qtbot.addWidget(window)
        window.show()
        notice = window.notice
        assert notice.isVisible() and notice.action.isVisible()
        messages.answer = QMessageBox.StandardButton.Yes
        notice.action.click()
        assert unauthorized_actions(verifier) == []
        assert records.get(verifier, "rectification_item", item)["state"] == "待核查"
        team.send(verifier, leader)  # accepted
        assert records.get(leader, "rectification_item", item)["state"] == "待核查"
        window.close()
    finally:
        team.close()


def test_a_node_not_yet_due_shows_on_its_card(qtbot):
    """未到期 is a verdict of its own: the card shows it (and its answer) instead of failing."""
    from inspector.domain.checklists import Answer, ItemCheck, RuleResult, Verdict
    from inspector.reference import checklist
    from inspector.ui.checklist_editor import ItemCard

    item = checklist("nodes-2021").items[0]
    check = ItemCheck(item, RuleResult(Verdict.NOT_DUE, "截至2025年12月1日尚未届满5个工作日"))
    card = ItemCard(check, str(Answer.NOT_DUE), "")
    qtbot.addWidget(card)
    assert "未到期" in card.reason.text() and "尚未届满" in card.reason.text()
    assert card.answer_value() == Answer.NOT_DUE


def test_an_item_records_its_goal_and_contact_phone(qtbot, session):
    """整改目标 and 联系电话 are typed in the item dialog, kept, and corrected like the rest."""
    from inspector.services import records
    from inspector.services.problems import create_problem
    from inspector.services.team import add_court
    from inspector.ui.dialogs import ItemDialog

    court = add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")
    problem = create_problem(session, court_id=court, category="消极执行", description="超期")
    dialog = ItemDialog(session, problem)
    qtbot.addWidget(dialog)
    dialog.ui.measure.setPlainText("逐案清理超期节点")
    dialog.goal.setText("节点超期案件清零")
    dialog.phone.setText("0871-63960000")
    dialog.accept()
    item = records.get(session, "rectification_item", dialog.item_id)
    assert (item["goal"], item["phone"]) == ("节点超期案件清零", "0871-63960000")
    again = ItemDialog(session, problem, item_id=dialog.item_id)
    qtbot.addWidget(again)
    assert again.goal.text() == "节点超期案件清零"
    again.phone.setText("0871-63960001")
    again.accept()
    assert records.get(session, "rectification_item", dialog.item_id)["phone"] == "0871-63960001"


def test_an_example_case_of_another_court_is_asked_about(qtbot, session, messages):
    """A 案号 of another court than the problem's is a slip more often than not: the dialog
    says so and keeps the text unless the user saves all the same."""
    from PySide6.QtWidgets import QMessageBox

    from inspector.services import records
    from inspector.services.team import add_court
    from inspector.ui.dialogs import ProblemDialog

    add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")
    dialog = ProblemDialog(session)
    qtbot.addWidget(dialog)
    dialog.ui.courtCombo.setCurrentIndex(dialog.ui.courtCombo.findText("昆明市五华区人民法院"))
    dialog.ui.description.setPlainText("终本前未约谈申请人")
    dialog.ui.examples.setText("（2024）云0303执9号")
    messages.answer = QMessageBox.StandardButton.No
    dialog.accept()
    assert "云0303" in messages.question[0]
    assert records.find(session, "problem") == []
    assert dialog.ui.description.toPlainText() == "终本前未约谈申请人"
    messages.answer = QMessageBox.StandardButton.Yes
    dialog.accept()
    assert len(records.find(session, "problem")) == 1
