"""Case-list import wizard, sampling dialog and report export dialog.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import html
import random
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..domain.enums import ClosingMethod
from ..errors import UserError
from ..paths import documents_dir
from ..services.case_import import ParsedList, import_case_list, mappable_fields, preview_case_list
from ..services.sampling import STRATA, export_sampling, sample_cases
from ..services.session import Session
from ..services.team import courts, members
from . import ops
from .forms.ui_case_import_dialog import Ui_CaseImportDialog
from .forms.ui_report_dialog import Ui_ReportDialog
from .forms.ui_sampling_dialog import Ui_SamplingDialog
from .models.simple import ListTableModel
from .pages.base import setup_table
from .results import show_written
from .terms import term

Index = QModelIndex | QPersistentModelIndex
SKIP = "（不导入）"


class MappingModel(ListTableModel):
    """Each header of the file and the field it goes into (editable)."""

    HEADERS = ("表头", "导入为")

    def __init__(self) -> None:
        super().__init__()
        self.labels = mappable_fields()

    def cell(self, row: list[Any], column: int) -> Any:
        return row[0] if column == 0 else (self.labels.get(row[1], SKIP) if row[1] else SKIP)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        field = next((f for f, label in self.labels.items() if label == value), None)
        for row in self.rows:
            if field and row[1] == field:
                row[1] = None
        self.rows[index.row()][1] = field
        self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, 1))
        return True

    def mapping(self) -> dict[str, str]:
        """Every column: its field, or "" when it is left out."""
        return {h: f or "" for h, f in self.rows if h}


class FieldDelegate(QStyledItemDelegate):
    def __init__(self, choices: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.addItems([SKIP, *self.choices])
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data()))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class RowsModel(ListTableModel):
    HEADERS = ("行号", "案号", "承办人", "立案日期", "结案日期", "结案方式", "执行标的额")
    KEYS = (None, "case_number", "judge", "filing_date", "closing_date", "closing_method", "amount")

    def cell(self, row: tuple[int, dict[str, Any]], column: int) -> Any:
        number, values = row
        if column == 0:
            return str(number)
        value = values.get(self.KEYS[column] or "")
        return "" if value is None else str(value)


class CaseImportDialog(QDialog):
    """Pick the file, check the header row, the column mapping and every row; then import."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, court_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ui = Ui_CaseImportDialog()
        self.ui.setupUi(self)
        self.mapping = MappingModel()
        self.rows = RowsModel()
        setup_table(self.ui.mappingTable, self.mapping, stretch=1)
        setup_table(self.ui.previewTable, self.rows)
        self.ui.mappingTable.setSortingEnabled(False)
        self.ui.previewTable.setSortingEnabled(False)
        self.ui.mappingTable.setItemDelegateForColumn(
            1, FieldDelegate(list(self.mapping.labels.values()), self)
        )
        self.ui.courtCombo.addItem("", None)
        for c in courts(session):
            self.ui.courtCombo.addItem(c["name"], c["id"])
        self.ui.courtCombo.setCurrentIndex(max(0, self.ui.courtCombo.findData(court_id)))
        self.ui.browse.clicked.connect(self._browse)
        self.ui.refreshPreview.clicked.connect(lambda: self.check(use_mapping=True))
        self.ui.buttons.accepted.connect(self.start_import)
        self.ui.importSplitter.setSizes([300, 700])
        self.ok_button.setText(self.tr("Import"))
        self.ok_button.setEnabled(False)
        self.parsed: ParsedList | None = None
        self.result: Any = None
        self.checking: ops.Op[ParsedList] | None = None
        self._checks = 0

    @property
    def ok_button(self) -> Any:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", self.tr("Case lists (*.xlsx *.xls *.csv)")
        )
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        self.ui.filePath.setText(str(path))
        self.check(use_mapping=False)

    def check(self, *, use_mapping: bool) -> None:
        """Read the file on the runner (a province's list takes seconds); a result for a file
        or mapping the user has changed since is dropped."""
        path = Path(self.ui.filePath.text().strip())
        court = self.ui.courtCombo.currentData()
        mapping = self.mapping.mapping() if use_mapping else None
        self._checks += 1
        self.parsed = None
        self.ok_button.setEnabled(False)
        self.ui.headerInfo.setText(self.tr("Reading {0}…").format(path.name))
        ticket = self._checks
        self.checking = ops.Op(
            self,
            lambda s, _progress: preview_case_list(s, path=path, court=court, mapping=mapping),
            workspace=self.session,
            title=self.windowTitle(),
        ).bound_to(lambda: self._checks == ticket)
        self.checking.success(self._show_check).failure(self._check_failed).run()

    def _check_failed(self, error: BaseException) -> None:
        text = str(error) if isinstance(error, UserError) else ops.describe_failure(error)[1]
        self.ui.headerInfo.setText(f"<span style='color:#c62828'>{html.escape(text)}</span>")
        self.ok_button.setEnabled(False)

    def _show_check(self, parsed: ParsedList) -> None:
        self.parsed = parsed
        fields = parsed.mapping
        self.mapping.set_rows([[h, fields.get(i)] for i, h in enumerate(parsed.headers) if h])
        self.rows.set_rows(parsed.rows[:500])
        self.ui.rejectedList.clear()
        for r in parsed.rejected:
            self.ui.rejectedList.addItem(self.tr("Row {0}: {1}").format(r.row, r.reason))
        self.ui.headerInfo.setText(
            self.tr(
                "Header found in row {0}. {1} rows can be imported, {2} rejected, {3} blank or total rows skipped."
            ).format(parsed.header_row, len(parsed.rows), len(parsed.rejected), parsed.skipped)
        )
        self.ok_button.setEnabled(bool(parsed.rows))

    def start_import(self) -> None:
        if self.parsed is None:
            return
        path, court, mapping = (
            self.parsed.path,
            self.ui.courtCombo.currentData(),
            self.mapping.mapping(),
        )
        workspace = self.session.workspace.path
        assert workspace is not None

        def job(s: Session, progress: Any) -> Any:
            progress("revisions", 0)
            return import_case_list(s, path=path, court=court, mapping=mapping)

        def done(result: Any) -> None:
            self.result = result
            QMessageBox.information(self, self.windowTitle(), result.summary())
            self.accept()

        ops.Op(self, job, workspace=workspace, title=self.windowTitle()).with_progress(
            self.tr("Importing the case list")
        ).success(done).run()


class SamplingDialog(QDialog):
    def __init__(
        self, session: Session, parent: QWidget | None = None, *, campaign_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.campaign_id = campaign_id
        self.ui = Ui_SamplingDialog()
        self.ui.setupUi(self)
        self.ui.ratio.setRange(1, 100)
        self.ui.ratio.setValue(30)
        self.ui.count.setRange(1, 100000)
        self.ui.count.setValue(50)
        self.ui.seed.setValue(random.randrange(1, 999999))
        self.ui.strataCombo.addItem(self.tr("(no strata)"), None)
        for name in STRATA:
            self.ui.strataCombo.addItem(term(name), name)
        self.ui.strataCombo.setCurrentIndex(self.ui.strataCombo.findData("承办人"))
        self.ui.methodCombo.addItem(self.tr("All closing methods"), None)
        for method in ClosingMethod:
            self.ui.methodCombo.addItem(term(method.value), method.value)
        self.ui.methodCombo.setCurrentIndex(self.ui.methodCombo.findData(ClosingMethod.ZHONGBEN))
        for person in members(session):
            item = QListWidgetItem(f"{person['name']}（{person['unit'] or ''}）")
            item.setData(Qt.ItemDataRole.UserRole, person["id"])
            checked = person["role"] == "inspector"
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.ui.reviewerList.addItem(item)
        self.ui.newSeed.clicked.connect(lambda: self.ui.seed.setValue(random.randrange(1, 999999)))
        self.ui.draw.clicked.connect(self.draw)
        self.ui.exportSample.clicked.connect(self.export)
        self.ui.exportSample.setEnabled(False)
        self.sampling_id: str | None = None

    def reviewers(self) -> list[str]:
        items = [self.ui.reviewerList.item(i) for i in range(self.ui.reviewerList.count())]
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def draw(self) -> None:
        by_ratio = self.ui.byRatio.isChecked()
        try:
            result = sample_cases(
                self.session,
                seed=self.ui.seed.value(),
                ratio=self.ui.ratio.value() / 100 if by_ratio else None,
                count=None if by_ratio else self.ui.count.value(),
                by=self.ui.strataCombo.currentData(),
                closing_method=self.ui.methodCombo.currentData(),
                exclude_reviewed=self.ui.excludeReviewed.isChecked(),
                reviewers=self.reviewers() or None,
                campaign_id=self.campaign_id,
            )
        except UserError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        self.sampling_id = result.sampling_id
        self.ui.samplingResult.setText(
            result.summary() + self.tr(" (seed {0})").format(self.ui.seed.value())
        )
        self.ui.exportSample.setEnabled(True)

    def export(self) -> None:
        if not self.sampling_id:
            return
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export sample list"),
            str(documents_dir() / "抽样清单.csv"),
            "CSV (*.csv)",
        )
        if target:
            try:
                export_sampling(self.session, sampling_id=self.sampling_id, path=Path(target))
            except UserError as e:
                QMessageBox.warning(self, self.windowTitle(), str(e))
                return
            show_written(
                self,
                self.tr("Export sample list"),
                self.tr("The sample list was saved as {0}.").format(Path(target).name),
                Path(target).parent,
            )


#: the documents' names (and their files'): Chinese, whatever the interface's language
REPORT_NAMES = {"rectification": "整改情况报告", "feedback": "巡查反馈意见", "topic": "专题报告"}


class ReportDialog(QDialog):
    """Which reports, where; written on a worker behind a progress dialog."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)
        self.ui.kindCombo.addItem(self.tr("Rectification report"), "rectification")
        self.ui.kindCombo.addItem(self.tr("Inspection feedback"), "feedback")
        self.ui.kindCombo.addItem(self.tr("Report to the higher court"), "topic")
        me = session.member()
        self.ui.unitEdit.setText((me or {}).get("unit") or "")
        # one court's own document (the feedback to it, or its report to the team), or all
        self.court = QComboBox()
        self.court.setObjectName("reportCourt")
        self.court.addItem(self.tr("All courts, combined"), None)
        for c in courts(session):
            self.court.addItem(c["name"], c["id"])
        self.ui.reportForm.insertRow(1, self.tr("Court:"), self.court)
        # the Word document's letterhead: 发文字号, and the 签发人 of an upward document
        self.doc_number = QLineEdit()
        self.doc_number.setObjectName("reportDocNumber")
        self.doc_number.setPlaceholderText(self.tr("Optional: the document's number"))
        self.ui.reportForm.insertRow(2, self.tr("Document number:"), self.doc_number)
        self.signer = QLineEdit()
        self.signer.setObjectName("reportSigner")
        self.signer.setPlaceholderText(self.tr("Who signs a report to the higher court"))
        self.ui.reportForm.insertRow(3, self.tr("Signed by:"), self.signer)
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.ui.folderEdit.setText(str(documents_dir() / "报表"))
        self.ui.browse.clicked.connect(self._browse)
        self.ui.buttons.accepted.connect(self.start)
        self.result: Any = None

    def _kind_changed(self) -> None:
        """The 专题报告 covers every court and goes upward (it has a 签发人)."""
        topic = self.ui.kindCombo.currentData() == "topic"
        if topic:
            self.court.setCurrentIndex(0)
        self.court.setEnabled(not topic)
        self.court.setToolTip(
            self.tr("The report to the higher court covers every court.") if topic else ""
        )
        self.signer.setEnabled(topic)
        self.signer.setToolTip("" if topic else self.tr("Only a report to the higher court."))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.windowTitle(), self.ui.folderEdit.text()
        )
        if chosen:
            self.ui.folderEdit.setText(chosen)

    def start(self) -> None:
        folder = Path(self.ui.folderEdit.text().strip())
        kind = self.ui.kindCombo.currentData()
        name = REPORT_NAMES[kind]  # the documents are Chinese, their files too
        unit = self.ui.unitEdit.text().strip() or None
        court_id = self.court.currentData()
        if court_id:  # the court's own document: its name in the file's
            name = f"{self.court.currentText()}{name}"
        xlsx = folder / "整改台账.xlsx" if self.ui.xlsxBox.isChecked() else None
        docx = folder / f"{name}.docx" if self.ui.docxBox.isChecked() else None
        pdf = folder / f"{name}.pdf" if self.ui.pdfBox.isChecked() else None
        csv_dir = folder / "统计表" if self.ui.csvBox.isChecked() else None
        workspace = self.session.workspace.path
        assert workspace is not None
        doc_number = self.doc_number.text().strip()
        signer = self.signer.text().strip() if kind == "topic" else ""

        def job(s: Session, progress: Any) -> Any:
            # pandas, reportlab: only when needed
            from ..services.reports import Letterhead, write_reports

            return write_reports(
                s,
                kind=kind,
                unit=unit,
                progress=progress,
                xlsx=xlsx,
                docx=docx,
                pdf=pdf,
                csv_dir=csv_dir,
                court=court_id,
                letterhead=Letterhead(doc_number=doc_number, signer=signer),
            )

        def done(result: Any) -> None:
            self.result = result
            window = self.parentWidget()
            notify = getattr(window, "notify", None)
            if notify is not None:  # the main window: the notice bar, 打开文件夹
                notify(result.summary(), folder=folder)
            self.written = show_written(window, title, result.summary(), folder)
            self.accept()

        title = self.windowTitle()

        ops.Op(self, job, workspace=workspace, title=self.windowTitle()).with_progress(
            self.tr("Writing reports")
        ).success(done).run()
