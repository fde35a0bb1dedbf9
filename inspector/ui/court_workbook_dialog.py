"""法院填报表: for a court that does not run the app, export its fill-in workbook, and check
and import what the court filled in. The check lists every change and every rejected row with
its reason; nothing is written until the user imports the valid rows.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..paths import documents_dir
from ..services.court_workbook import (
    Preview,
    RejectedRow,
    RowChange,
    WorkbookExport,
    default_workbook_name,
    export_court_workbook,
    import_court_workbook,
    preview_court_workbook,
)
from ..services.session import Session
from ..services.team import courts
from . import ops
from .models.simple import ListTableModel
from .pages.base import fit_columns, setup_table
from .results import show_written
from .screen import fit_to_screen


class ChangesModel(ListTableModel):
    HEADERS = ("行号", "序号", "整改措施", "将要变更")

    def cell(self, row: RowChange, column: int) -> Any:
        return (str(row.row), row.number, row.measure, row.describe())[column]


class RejectedModel(ListTableModel):
    HEADERS = ("行号", "序号", "拒绝原因")

    def cell(self, row: RejectedRow, column: int) -> Any:
        return (str(row.row), row.number, row.reason)[column]


class CourtWorkbookDialog(QDialog):
    """Export for a chosen court; check a filled-in workbook; import its valid rows."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, court_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.preview: Preview | None = None
        self.imported: Preview | None = None
        self.exported: WorkbookExport | None = None
        self._checks = 0
        self.setWindowTitle(self.tr("Court fill-in workbook"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "For a court that does not run the app: export a workbook for its clerk to fill "
                "in (measures, owners, deadlines, progress, evidence file names), then check and "
                "import what comes back. Nothing is written until you import the valid rows."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._export_box(court_id))
        layout.addWidget(self._import_box(), 1)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import the valid rows"))
        self.import_button.setObjectName("importRows")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        fit_to_screen(self, 880, 640)

    def _export_box(self, court_id: str | None) -> QGroupBox:
        box = QGroupBox(self.tr("Export a workbook for a court"))
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("Court:")))
        self.court = QComboBox()
        self.court.setObjectName("workbookCourt")
        for c in courts(self.session):
            self.court.addItem(c["name"], c["id"])
        if court_id is not None:
            self.court.setCurrentIndex(max(0, self.court.findData(court_id)))
        row.addWidget(self.court, 1)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportWorkbook")
        self.export_button.setEnabled(self.court.count() > 0)
        self.export_button.clicked.connect(self.choose_export)
        row.addWidget(self.export_button)
        return box

    def _import_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Import a filled-in workbook"))
        column = QVBoxLayout(box)
        form = QFormLayout()
        self.file_path = QLineEdit()
        self.file_path.setObjectName("workbookPath")
        self.file_path.setPlaceholderText(self.tr("The workbook the court filled in (.xlsx)"))
        form.addRow(self.tr("Workbook:"), self._with_browse(self.file_path, self._browse_file))
        self.evidence_dir = QLineEdit()
        self.evidence_dir.setObjectName("evidenceDir")
        self.evidence_dir.setPlaceholderText(
            self.tr("Default: the evidence folder beside the workbook, else the workbook's folder")
        )
        form.addRow(
            self.tr("Evidence folder:"), self._with_browse(self.evidence_dir, self._browse_dir)
        )
        column.addLayout(form)
        check_row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("checkWorkbook")
        self.check_button.clicked.connect(self.check)
        check_row.addWidget(self.check_button)
        self.summary = QLabel()
        self.summary.setObjectName("workbookSummary")
        self.summary.setWordWrap(True)
        check_row.addWidget(self.summary, 1)
        column.addLayout(check_row)
        self.tabs = QTabWidget()
        self.changes_model = ChangesModel()
        self.changes_table = QTableView()
        setup_table(self.changes_table, self.changes_model, stretch=3)
        self.refused_model = RejectedModel()
        self.refused_table = QTableView()
        setup_table(self.refused_table, self.refused_model, stretch=2)
        self.tabs.addTab(self.changes_table, "")
        self.tabs.addTab(self.refused_table, "")
        self._name_tabs()
        column.addWidget(self.tabs, 1)
        return box

    def _with_browse(self, edit: QLineEdit, browse: Any) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(browse)
        row.addWidget(button)
        return holder

    def _name_tabs(self) -> None:
        self.tabs.setTabText(0, self.tr("Changes ({0})").format(len(self.changes_model.rows)))
        self.tabs.setTabText(1, self.tr("Rejected rows ({0})").format(len(self.refused_model.rows)))

    # --- export -------------------------------------------------------------------------
    def choose_export(self) -> None:
        name = self.court.currentText()
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the fill-in workbook"),
            str(documents_dir() / default_workbook_name(name)),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if target:
            path = Path(target)
            self.export_to(path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx"))

    def export_to(self, path: Path) -> None:
        court_id = self.court.currentData()

        def job(s: Session, _progress: Any) -> WorkbookExport:
            return export_court_workbook(s, court=court_id, path=path)

        def done(result: WorkbookExport) -> None:
            self.exported = result
            self.written = show_written(
                self, self.windowTitle(), result.summary(), result.path.parent
            )

        self.export_op = ops.Op(self, job, workspace=self.session, title=self.windowTitle())
        self.export_op.with_progress(self.tr("Writing the workbook")).success(done).run()

    # --- check and import -----------------------------------------------------------------
    def _browse_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", self.tr("Excel workbooks (*.xlsx)")
        )
        if chosen:
            self.set_file(Path(chosen))

    def _browse_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.windowTitle(), self._folder_hint())
        if chosen:
            self.evidence_dir.setText(chosen)
            self.check()

    def _folder_hint(self) -> str:
        text = self.file_path.text().strip()
        return str(Path(text).parent) if text else ""

    def set_file(self, path: Path, evidence_dir: Path | None = None) -> None:
        self.file_path.setText(str(path))
        self.evidence_dir.setText(str(evidence_dir) if evidence_dir else "")
        self.check()

    def _chosen(self) -> tuple[Path, Path | None]:
        folder = self.evidence_dir.text().strip()
        return Path(self.file_path.text().strip()), Path(folder) if folder else None

    def check(self) -> None:
        """Check every row on the runner; a result for a file the user has changed since is
        dropped."""
        path, folder = self._chosen()
        if not path.name:
            return
        self._checks += 1
        ticket = self._checks
        self.show_preview(None)
        self.summary.setText(self.tr("Checking {0}…").format(path.name))

        def job(s: Session, _progress: Any) -> Preview:
            return preview_court_workbook(s, path=path, evidence_dir=folder)

        self.check_op = ops.Op(self, job, workspace=self.session, title=self.windowTitle())
        self.check_op.bound_to(lambda: self._checks == ticket)
        self.check_op.success(self.show_preview).failure(self._check_failed).run()

    def _check_failed(self, error: BaseException) -> None:
        text = str(error) if isinstance(error, UserError) else ops.describe_failure(error)[1]
        self.summary.setText(f"<span style='color:#c62828'>{html.escape(text)}</span>")

    def show_preview(self, preview: Preview | None) -> None:
        self.preview = preview
        self.changes_model.set_rows(list(preview.accepted) if preview else [])
        self.refused_model.set_rows(list(preview.rejected) if preview else [])
        self._name_tabs()
        fit_columns(self.changes_table, 3)
        fit_columns(self.refused_table, 2)
        self.import_button.setEnabled(bool(preview and preview.accepted))
        if preview is None:
            self.summary.setText("")
            return
        self.summary.setText(
            self.tr(
                "{0}: {1} rows, {2} to change, {3} unchanged, {4} rejected. Evidence from {5}."
            ).format(
                preview.court_name,
                preview.rows,
                len(preview.accepted),
                preview.unchanged,
                len(preview.rejected),
                preview.evidence_dir,
            )
        )
        self.summary.setToolTip("\n".join(preview.notes))
        if not preview.accepted and preview.rejected:
            self.tabs.setCurrentIndex(1)

    def start_import(self) -> None:
        if self.preview is None or not self.preview.accepted:
            return
        path, folder = self._chosen()
        self.import_button.setEnabled(False)

        def job(s: Session, progress: Any) -> Preview:
            progress("revisions", 0)
            return import_court_workbook(s, path=path, evidence_dir=folder, accept=True)

        def done(result: Preview) -> None:
            self.imported = result
            window = self.parentWidget()
            notify = getattr(window, "notify", None)
            if notify is not None:
                notify(result.summary())
            self.show_preview(None)
            self.summary.setText(html.escape(result.summary()))

        def failed(error: BaseException) -> None:
            self.import_button.setEnabled(True)
            ops.show_failure(self, self.windowTitle(), error)

        self.import_op = ops.Op(self, job, workspace=self.session, title=self.windowTitle())
        self.import_op.with_progress(self.tr("Importing the valid rows"))
        self.import_op.success(done).failure(failed).run()
