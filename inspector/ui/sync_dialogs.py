"""Import preview and the conflict page (leader)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QWidget

from ..domain.records import RECORD_TYPES
from ..errors import UserError
from ..services.conflicts import ConflictView, list_conflicts, parse_value, resolve_conflict
from ..services.packages import ImportResult
from ..services.session import Session
from .formatting import short_time
from .forms.ui_conflicts import Ui_ConflictsDialog
from .forms.ui_import_preview import Ui_ImportPreviewDialog
from .models.simple import ListTableModel


def _counts(counts: dict[str, int]) -> str:
    return "，".join(f"{RECORD_TYPES[k].label} {v}" for k, v in sorted(counts.items())) or "—"


class ImportPreviewDialog(QDialog):
    """Shows what a package would change; accepting it imports."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        self.ui.senderValue.setText(result.sender)
        self.ui.createdValue.setText(short_time(result.created_at))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.ui.newValue.setText(_counts(result.new_records))
        self.ui.changedValue.setText(_counts(result.changed_records))
        self.ui.revisionsValue.setText(
            self.tr("{0} new, {1} already here").format(
                result.new_revisions, result.known_revisions
            )
        )
        self.ui.conflictsValue.setText(str(result.new_conflicts))
        if result.new_conflicts:
            self.ui.conflictsValue.setStyleSheet("color: #c62828; font-weight: bold;")
        if result.already_imported:
            self.ui.headline.setText(
                self.tr("This package was imported before; importing it again changes nothing.")
            )
        elif result.new_revisions == 0:
            self.ui.headline.setText(self.tr("This package brings nothing new."))


class ConflictModel(ListTableModel):
    CONTEXT = "ConflictsDialog"
    HEADERS = (
        QT_TRANSLATE_NOOP("ConflictsDialog", "Record type"),
        QT_TRANSLATE_NOOP("ConflictsDialog", "Record"),
        QT_TRANSLATE_NOOP("ConflictsDialog", "Field"),
        QT_TRANSLATE_NOOP("ConflictsDialog", "Values"),
    )

    def cell(self, c: ConflictView, column: int) -> Any:
        values = " ／ ".join(x["display"] for x in c.candidates)
        return (c.record_label, c.summary, c.field_label, values)[column]


class CandidateModel(ListTableModel):
    CONTEXT = "ConflictsDialog"
    HEADERS = (
        QT_TRANSLATE_NOOP("ConflictsDialog", "Value"),
        QT_TRANSLATE_NOOP("ConflictsDialog", "Set by"),
        QT_TRANSLATE_NOOP("ConflictsDialog", "Laptop"),
        QT_TRANSLATE_NOOP("ConflictsDialog", "When"),
    )

    def cell(self, c: dict[str, Any], column: int) -> Any:
        return (c["display"], c["member"], c["device"], short_time(c.get("at")))[column]


class ConflictsDialog(QDialog):
    """Both values side by side, who set them on which laptop and when; the leader decides."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ui = Ui_ConflictsDialog()
        self.ui.setupUi(self)
        self.model = ConflictModel()
        self.candidates = CandidateModel()
        self.ui.conflictTable.setModel(self.model)
        self.ui.candidateTable.setModel(self.candidates)
        for table in (self.ui.conflictTable, self.ui.candidateTable):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().setVisible(False)
        self.ui.conflictTable.selectionModel().currentRowChanged.connect(self._show_candidates)
        self.ui.useSelected.clicked.connect(self.use_selected)
        self.ui.useCustom.clicked.connect(self.use_custom)
        self.changed = False
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(list_conflicts(self.session))
        if self.model.rows:
            self.ui.conflictTable.selectRow(0)
            self._show_candidates(self.model.index(0, 0))
        else:
            self.candidates.set_rows([])
        self.ui.decisionBox.setEnabled(bool(self.model.rows))
        self.ui.intro.setVisible(True)
        self.setWindowTitle(self.tr("Conflicts ({0})").format(len(self.model.rows)))

    def current(self) -> ConflictView | None:
        row = self.ui.conflictTable.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _show_candidates(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() < len(self.model.rows):
            conflict = self.model.rows[index.row()]
            self.candidates.set_rows(conflict.candidates)
            self.ui.candidateTable.selectRow(0)
            self.ui.customValue.setEnabled(conflict.field != "__deleted__")
            self.ui.useCustom.setEnabled(conflict.field != "__deleted__")

    def _resolve(self, value: Any) -> None:
        conflict = self.current()
        if conflict is None:
            return
        try:
            resolve_conflict(
                self.session,
                record_type_name=conflict.record_type,
                record_id=conflict.record_id,
                field=conflict.field,
                value=value,
            )
        except UserError as e:
            QMessageBox.warning(self, self.tr("Cannot resolve"), str(e))
            return
        self.changed = True
        self.ui.customValue.clear()
        self.reload()

    def use_selected(self) -> None:
        row = self.ui.candidateTable.currentIndex().row()
        if 0 <= row < len(self.candidates.rows):
            self._resolve(self.candidates.rows[row]["value"])

    def use_custom(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        try:
            value = parse_value(conflict.record_type, conflict.field, self.ui.customValue.text())
        except UserError as e:
            QMessageBox.warning(self, self.tr("Cannot resolve"), str(e))
            return
        self._resolve(value)
