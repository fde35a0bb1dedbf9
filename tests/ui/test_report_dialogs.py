"""The case-list import wizard, the sampling dialog and the report export, driven in the UI."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from inspector.services import records
from inspector.services.session import open_session
from inspector.services.team import add_court
from inspector.services.workspaces import create_workspace
from inspector.ui.main_window import MainWindow
from inspector.ui.report_dialogs import CaseImportDialog, ReportDialog, SamplingDialog
from tests.data import messy_lists


@pytest.fixture
def demo_copy(demo_file, tmp_path):
    """A session on a copy of the demo workspace."""
    copy = tmp_path / "demo.ledger"
    shutil.copy(demo_file, copy)
    return open_session(copy)


@pytest.fixture
def session(tmp_path):
    s = create_workspace(tmp_path / "ws.ledger", member_name="李建国", unit="云南高院执行局")
    add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
    yield s
    s.close()


def test_import_wizard_previews_maps_and_imports(qtbot, session, tmp_path, monkeypatch, messages):
    shown = messages.information
    dialog = CaseImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.set_file(messy_lists.write_xlsx(tmp_path / "list.xlsx"))
    qtbot.waitUntil(lambda: dialog.parsed is not None, timeout=10000)  # read on the runner
    assert "第4行" in dialog.ui.headerInfo.text() or "row 4" in dialog.ui.headerInfo.text()
    assert dialog.rows.rowCount() == messy_lists.VALID
    assert dialog.ui.rejectedList.count() == len(messy_lists.REJECTED)
    mapped = {
        dialog.mapping.index(r, 0).data(): dialog.mapping.index(r, 1).data()
        for r in range(dialog.mapping.rowCount())
    }
    assert (
        mapped["案号"] == "案号"
        and mapped["执行标的（元）"] == "执行标的额"
        and mapped["序号"] == "（不导入）"
    )
    # the user maps 序号 nowhere and 被执行人 away: the preview follows
    row = [dialog.mapping.index(r, 0).data() for r in range(dialog.mapping.rowCount())].index(
        "被执行人"
    )
    dialog.mapping.setData(dialog.mapping.index(row, 1), "（不导入）")
    dialog.ui.refreshPreview.click()
    qtbot.waitUntil(lambda: dialog.parsed is not None, timeout=10000)
    assert dialog.mapping.mapping()["被执行人"] == ""
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=15000):
        dialog.ok_button.click()
    assert shown and "新增5件" in shown[0]
    cases = records.find(session, "case")
    assert len(cases) == messy_lists.VALID and all(c["respondent"] is None for c in cases)


def test_import_wizard_explains_a_bad_file(qtbot, session, tmp_path):
    dialog = CaseImportDialog(session)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.csv"
    bad.write_text("no,header,here\n1,2,3\n", encoding="utf-8")
    dialog.set_file(bad)
    qtbot.waitUntil(lambda: "找不到表头行" in dialog.ui.headerInfo.text(), timeout=10000)
    assert not dialog.ok_button.isEnabled()


def test_sampling_dialog_draws_and_exports(qtbot, demo_copy, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    s = demo_copy
    try:
        dialog = SamplingDialog(s)
        qtbot.addWidget(dialog)
        dialog.ui.seed.setValue(42)
        dialog.ui.excludeReviewed.setChecked(False)
        before = len(records.find(s, "sampling"))
        dialog.ui.draw.click()
        assert "抽取" in dialog.ui.samplingResult.text() and "42" in dialog.ui.samplingResult.text()
        assert len(records.find(s, "sampling")) == before + 1
        out = tmp_path / "sample.csv"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
        dialog.ui.exportSample.click()
        assert out.exists() and "随机种子,42" in out.read_text(encoding="utf-8-sig")
        window = MainWindow(s)
        qtbot.addWidget(window)
        reviews = window.show_page("reviews")
        reviews.ui.reviewedFilter.setCurrentIndex(3)  # sampled
        assert reviews.cases.rowCount() > 0
        column = [c.key for c in reviews.cases.spec.columns].index("sampled")
        assert reviews.cases.index(0, column).data().startswith("✓")
    finally:
        s.close()


def test_report_dialog_writes_files_on_a_worker(qtbot, demo_copy, tmp_path, monkeypatch, messages):
    s = demo_copy
    try:
        dialog = ReportDialog(s)
        qtbot.addWidget(dialog)
        dialog.ui.folderEdit.setText(str(tmp_path / "out"))
        dialog.ui.csvBox.setChecked(True)
        with qtbot.waitSignal(dialog.finished, timeout=60000):
            dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        names = {p.name for p in (tmp_path / "out").iterdir()}
        assert {"整改台账.xlsx", "整改情况报告.docx", "整改情况报告.pdf", "统计表"} <= names
        written = dialog.written  # a message naming what was written, with 打开文件夹
        assert "整改台账.xlsx" in written.text()
        assert str(tmp_path / "out") in written.informativeText()
        opener = written.findChild(QPushButton, "openFolderButton")
        opened = []
        monkeypatch.setattr("inspector.ui.results.open_folder", opened.append)
        opener.click()
        assert opened == [tmp_path / "out"]
    finally:
        s.close()


def test_reports_go_to_a_folder_the_user_sees(qtbot, demo_copy):
    """Not the hidden data folder the demo workspace lives in: Documents/巡查台账."""
    import os

    s = demo_copy
    try:
        dialog = ReportDialog(s)
        qtbot.addWidget(dialog)
        folder = Path(dialog.ui.folderEdit.text())
        assert folder.parent == Path(os.environ["INSPECTOR_DOCUMENTS_DIR"])
        window = MainWindow(s)
        qtbot.addWidget(window)
        assert window.default_folder() == Path(os.environ["INSPECTOR_DOCUMENTS_DIR"])
    finally:
        s.close()


def test_a_courts_own_feedback_from_the_dialog(qtbot, demo_copy, tmp_path):
    from docx import Document

    dialog = ReportDialog(demo_copy)
    qtbot.addWidget(dialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("feedback"))
    court = demo_copy.conn.execute(
        "SELECT c.name FROM problems p JOIN courts c ON c.id = p.court_id LIMIT 1"
    ).fetchone()[0]
    dialog.court.setCurrentIndex(dialog.court.findText(court))
    dialog.ui.folderEdit.setText(str(tmp_path / "out"))
    dialog.ui.xlsxBox.setChecked(False)
    dialog.ui.pdfBox.setChecked(False)
    with qtbot.waitSignal(dialog.finished, timeout=60000):
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    written = next((tmp_path / "out").glob(f"{court}*.docx"))
    texts = [p.text for p in Document(str(written)).paragraphs if p.text.strip()]
    assert texts[1] == f"{court}："
