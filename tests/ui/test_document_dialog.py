"""The team edits a court's feedback draft: the edit is a revision, the export writes it, and
drafting it again from the ledger asks before it overwrites the edit."""

from __future__ import annotations

import docx
from PySide6.QtWidgets import QMessageBox

from inspector.services import records
from inspector.services.reports import write_reports
from inspector.ui import unsaved
from inspector.ui.document_dialog import DocumentDialog
from tests.sync.test_court_loop import COURT, Loop


def _row(dialog, startswith: str) -> int:
    return next(i for i, b in enumerate(dialog.blocks) if b.text.startswith(startswith))


def test_the_team_edits_the_feedback_and_the_export_writes_the_edit(qtbot, tmp_path, monkeypatch):
    loop = Loop(tmp_path)
    try:
        dialog = DocumentDialog(loop.leader, loop.court_id)
        qtbot.addWidget(dialog)
        assert dialog.blocks[0].kind == "title"
        row = _row(dialog, "根据")
        dialog.list.setCurrentRow(row)
        dialog.text.setPlainText("根据工作部署，巡查组对你院执行工作开展了为期五天的巡查。")
        dialog._insert()
        dialog.text.setPlainText("一、主要成效：你院执行指挥中心实体化运行效果明显。")
        # closing with unsaved edits asks first, and keeps them when the user stays
        asked = []
        monkeypatch.setattr(unsaved, "ask_discard", lambda *a: asked.append(a) or False)
        dialog.reject()
        assert asked
        dialog.save()
        draft = records.get(loop.leader, "document", dialog.document_id)
        texts = [b["text"] for b in draft["blocks"]]
        assert "一、主要成效：你院执行指挥中心实体化运行效果明显。" in texts
        assert draft["blocks"] != draft["generated"]
        # the draft's history shows the edit
        revisions = loop.leader.conn.execute(
            "SELECT COUNT(*) FROM revisions WHERE record_id = ?", (dialog.document_id,)
        ).fetchone()[0]
        assert revisions == 2
        out = tmp_path / "反馈意见.docx"
        write_reports(loop.leader, docx=out, kind="feedback", court=COURT)
        written = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "为期五天的巡查" in written and "实体化运行效果明显" in written
        # drafting again asks first: answered No, the edit stays
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
        dialog.draft_again()
        assert any("实体化运行" in b.text for b in dialog.blocks)
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        dialog.draft_again()
        assert not any("实体化运行" in b.text for b in dialog.blocks)
        draft = records.get(loop.leader, "document", dialog.document_id)
        assert draft["blocks"] == draft["generated"]
        dialog.done(0)
    finally:
        loop.close()


def test_the_combined_feedback_is_a_draft_too_and_has_no_chart(qtbot, tmp_path):
    loop = Loop(tmp_path)
    try:
        dialog = DocumentDialog(loop.leader, None)
        qtbot.addWidget(dialog)
        assert dialog.blocks[0].kind == "title" and "反馈意见" in dialog.blocks[0].text
        assert not any(b.kind == "image" for b in dialog.blocks)
        dialog.list.setCurrentRow(len(dialog.blocks) - 1)
        dialog._insert()
        dialog.text.setPlainText("请各被检查法院认真对照反馈意见抓好整改。")
        dialog.save()
        out = tmp_path / "综合反馈意见.docx"
        write_reports(loop.leader, docx=out, kind="feedback")
        document = docx.Document(str(out))
        assert "请各被检查法院认真对照反馈意见抓好整改。" in [p.text for p in document.paragraphs]
        assert not document.inline_shapes  # no chart in a feedback
        # the court's own draft is another record, and never the combined one
        assert records.find(loop.leader, "document", "court_id IS NULL")
        dialog.done(0)
    finally:
        loop.close()


def test_the_paragraph_left_for_the_team_is_marked_until_it_is_written(qtbot, tmp_path):
    """主要成效 is the team's to write: the draft marks its paragraph in the list and says so
    above it; once the team writes its own text, the mark and the warning go."""
    loop = Loop(tmp_path)
    try:
        dialog = DocumentDialog(loop.leader, loop.court_id)
        qtbot.addWidget(dialog)
        dialog.show()
        row = _row(dialog, "【待巡查组填写")
        assert not dialog.list.item(row).icon().isNull()
        assert dialog.todo.isVisible() and "主要成效" in dialog.todo.text()
        assert dialog.list.item(row - 1).icon().isNull()
        dialog.list.setCurrentRow(row)
        dialog.text.setPlainText("你院执行指挥中心实体化运行，终本案件管理规范。")
        assert dialog.list.item(row).icon().isNull()
        assert not dialog.todo.isVisible()
        dialog.save()
        out = tmp_path / "反馈意见.docx"
        result = write_reports(loop.leader, docx=out, kind="feedback", court=COURT)
        assert "尚待" not in result.summary()
        dialog.done(0)
    finally:
        loop.close()


def test_the_mark_left_anywhere_still_counts_and_typing_replaces_it(qtbot, tmp_path):
    """Typing on the marked paragraph replaces the mark (its text is selected); a mark left
    behind text typed before it, or in a block made a heading, still warns and still makes
    the export say so. The window names the court; saving keeps the place in the list."""
    from inspector.services.drafts import Block, is_to_write, unwritten_note

    loop = Loop(tmp_path)
    try:
        dialog = DocumentDialog(loop.leader, loop.court_id)
        qtbot.addWidget(dialog)
        dialog.show()
        assert COURT in dialog.windowTitle()
        row = _row(dialog, "【待巡查组填写")
        dialog.list.setCurrentRow(row)
        cursor = dialog.text.textCursor()
        assert cursor.selectedText() == dialog.blocks[row].text
        # typed in front of the mark (the selection dropped first)
        cursor.clearSelection()
        cursor.movePosition(cursor.MoveOperation.Start)
        dialog.text.setTextCursor(cursor)
        dialog.text.insertPlainText("你院重视整改。")
        assert dialog.blocks[row].text.startswith("你院重视整改。【待巡查组填写")
        assert dialog.todo.isVisible() and not dialog.list.item(row).icon().isNull()
        dialog.kind.setCurrentIndex(dialog.kind.findData("h2"))
        assert dialog.todo.isVisible()
        dialog.save()
        assert dialog.list.currentRow() == row  # saving keeps the place
        out = tmp_path / "反馈意见.docx"
        result = write_reports(loop.leader, docx=out, kind="feedback", court=COURT)
        assert "尚待巡查组" in result.summary()
        assert is_to_write(Block("p", "  【待巡查组填写：…】"))
        assert unwritten_note([Block("h1", "二、主要成效"), Block("p", "x【待巡查组填写】")])
        dialog.done(0)
    finally:
        loop.close()


def test_a_draft_made_on_an_earlier_day_says_so_when_it_is_exported(tmp_path):
    """Its dates and deadlines are those of the day it was drafted: the export says so."""
    import datetime as dt

    from inspector.services import drafts

    loop = Loop(tmp_path)
    try:
        with loop.leader.transaction():
            drafts.ensure_feedback(loop.leader, court_id=loop.court_id)
        out = tmp_path / "反馈意见.docx"
        same_day = write_reports(loop.leader, docx=out, kind="feedback", court=COURT)
        assert "的台账起草" not in same_day.summary()
        later = loop.leader.today() + dt.timedelta(days=20)
        result = write_reports(loop.leader, docx=out, kind="feedback", court=COURT, today=later)
        assert "的台账起草，其中的日期和报送期限如需更新" in result.summary()
    finally:
        loop.close()


def test_the_drafts_history_says_what_was_rewritten_in_words(qtbot, tmp_path):
    from inspector.services.editing import changes_by_revision
    from inspector.ui.record_actions import HistoryDialog

    loop = Loop(tmp_path)
    try:
        dialog = DocumentDialog(loop.leader, loop.court_id)
        qtbot.addWidget(dialog)
        row = _row(dialog, "【待巡查组填写")
        dialog.list.setCurrentRow(row)
        dialog.text.setPlainText("你院执行指挥中心实体化运行。")
        dialog.save()
        changes = changes_by_revision(loop.leader, dialog.document_id)
        (edit,) = [
            c for cs in changes.values() for c in cs if c.field == "blocks" and "实体化" in c.new
        ]
        assert edit.old.startswith("【待巡查组填写") and edit.new == "你院执行指挥中心实体化运行。"
        history = HistoryDialog(loop.leader, dialog.document_id, dialog)
        qtbot.addWidget(history)
        shown = [history.table.item(r, 3).text() for r in range(history.table.rowCount())]
        assert any("实体化运行" in t for t in shown) and not any("{'kind'" in t for t in shown)
        dialog.done(0)
    finally:
        loop.close()
