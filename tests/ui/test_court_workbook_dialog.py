"""The court fill-in workbook dialog: export for a chosen court, check a filled-in workbook
(the rejected rows with their reasons, nothing written), then import the valid rows."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from inspector.domain import court_workbook as layout
from inspector.domain.rectification import State
from inspector.services import records
from inspector.ui.court_workbook_dialog import CourtWorkbookDialog
from tests.sync.court_ledger import Ledger, clerk_fills, revisions


def test_the_dialog_exports_checks_and_imports_only_on_acceptance(
    qtbot, session, tmp_path, monkeypatch
):
    ledger = Ledger(session)
    dialog = CourtWorkbookDialog(session, court_id=ledger.court)
    qtbot.addWidget(dialog)
    assert dialog.court.currentData() == ledger.court
    out = tmp_path / "五华区.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=15000)
    assert out.exists() and (tmp_path / "五华区_佐证材料").is_dir()
    assert "五华区.xlsx" in dialog.written.text()

    at = clerk_fills(
        out,
        {
            ledger.started: {
                layout.PROGRESS: "已建立查控台账",
                layout.EVIDENCE: "台账.pdf",
                layout.SUBMIT: "是",
            },
            ledger.kinded: {layout.KIND: "尽快整改"},
        },
    )
    (tmp_path / "五华区_佐证材料" / "台账.pdf").write_bytes(b"%PDF ledger")

    before = revisions(session)
    dialog.set_file(out)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15000)
    assert dialog.refused_model.rowCount() == 1
    assert dialog.refused_model.index(0, 0).data() == str(at[ledger.kinded])
    assert dialog.refused_model.index(0, 1).data() == "1-2"  # 乱执行, its second item
    assert "整改类型“尽快整改”无效" in dialog.refused_model.index(0, 2).data()
    assert dialog.changes_model.rowCount() == 1
    assert "申请核查" in dialog.changes_model.index(0, 3).data()
    assert dialog.import_button.isEnabled()
    assert revisions(session) == before  # the check wrote nothing
    assert records.get(session, "rectification_item", ledger.started)["state"] == State.IN_PROGRESS

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=15000)
    item = records.get(session, "rectification_item", ledger.started)
    assert item["state"] == State.AWAITING_CHECK and item["last_progress"] == "已建立查控台账"
    assert records.get(session, "rectification_item", ledger.kinded)["kind"] == "限期整改"
    assert not dialog.import_button.isEnabled()


def test_the_dialog_explains_a_file_that_is_not_a_workbook(qtbot, session, tmp_path):
    Ledger(session)
    dialog = CourtWorkbookDialog(session)
    qtbot.addWidget(dialog)
    bad = tmp_path / "乱码.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    dialog.set_file(bad)
    qtbot.waitUntil(lambda: "已损坏" in dialog.summary.text(), timeout=15000)
    assert not dialog.import_button.isEnabled()
