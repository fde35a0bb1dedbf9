"""Import preview and the conflict page (leader).

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QWidget

from ..domain.records import RECORD_TYPES
from ..errors import UserError
from ..services.conflicts import ConflictView, list_conflicts, parse_value, resolve_conflict
from ..services.packages import ImportResult
from ..services.roster import RosterFile
from ..services.session import Session
from .formatting import short_time
from .forms.ui_conflicts import Ui_ConflictsDialog
from .forms.ui_import_preview import Ui_ImportPreviewDialog
from .models.simple import ListTableModel


def _counts(counts: dict[str, int]) -> str:
    return "，".join(f"{RECORD_TYPES[k].label} {v}" for k, v in sorted(counts.items())) or "—"


class PackageModel(ListTableModel):
    CONTEXT = "ImportPreviewDialog"
    HEADERS = (
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "Package"),
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "From"),
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "Exported"),
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "New records"),
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "Changed records"),
        QT_TRANSLATE_NOOP("ImportPreviewDialog", "New conflicts"),
    )

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths

    def cell(self, row: tuple[Path, ImportResult], column: int) -> Any:
        path, r = row
        if column == 3 and r.already_imported:
            return QCoreApplication.translate("ImportPreviewDialog", "imported before")
        return (
            path.name,
            r.sender,
            short_time(r.created_at),
            _counts(r.new_records),
            _counts(r.changed_records),
            str(r.new_conflicts),
        )[column]

    def style(self, row: tuple[Path, ImportResult], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row[1].new_conflicts:
            return QColor("#c62828")
        return None


class ImportPreviewDialog(QDialog):
    """What a batch of packages would change, package by package and in total, before
    anything is written; accepting it imports the batch (GUI thread)."""

    def __init__(
        self, paths: list[Path], results: list[ImportResult], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        self.results = results
        self.model = PackageModel(paths)
        self.model.set_rows(list(zip(paths, results, strict=True)))
        self.ui.packageTable.setModel(self.model)
        header = self.ui.packageTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.packageTable.verticalHeader().setVisible(False)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        fresh = [r for r in results if not r.already_imported]
        new_records: dict[str, int] = {}
        changed: dict[str, int] = {}
        for r in fresh:
            for k, v in r.new_records.items():
                new_records[k] = new_records.get(k, 0) + v
            for k, v in r.changed_records.items():
                changed[k] = changed.get(k, 0) + v
        conflicts = sum(r.new_conflicts for r in fresh)
        revisions = sum(r.new_revisions for r in fresh)
        self.ui.totals.setText(
            self.tr(
                "In total: {0} packages, {1} new changes; new: {2}; changed: {3}; "
                "new conflicts for the leader: {4}"
            ).format(len(results), revisions, _counts(new_records), _counts(changed), conflicts)
        )
        warnings = [w for r in results for w in r.warnings]
        self.ui.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.ui.warnings.setVisible(bool(warnings))
        self.ui.warnings.setStyleSheet("color: #b3261e;")
        if not revisions:
            ok.setEnabled(False)
            ok.setToolTip(self.tr("These packages bring nothing new"))
            self.ui.headline.setText(
                self.tr("These packages were imported before or bring nothing new.")
            )


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


class TrustDialog(QDialog):
    """Before a card or a roster is trusted: whose it is, its key fingerprint to compare with
    its owner's (read aloud, or on the other laptop's screen), and 一致 / 不一致. For a card,
    whom on the member list it belongs to, so that the team has one 李明, not two."""

    def __init__(self, preview: RosterFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout

        self.preview = preview
        ident = preview.identity
        card = preview.kind == "card"
        self.setWindowTitle(self.tr("Check the fingerprint"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Compare this fingerprint with the one on {0}'s laptop (Packages → Export "
                "identity card shows it), in person or by phone. Trust it only if every "
                "character matches."
            ).format(escape(ident.name))
            if card
            else self.tr(
                "This roster is signed by the leader {0}. Compare the leader's fingerprint with "
                "the one the leader reads to you. Trust it only if every character matches."
            ).format(escape(ident.name))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        who = f"{ident.name}（{ident.unit}）" if ident.unit else ident.name
        form.addRow(self.tr("Whose:"), QLabel(escape(who)))
        form.addRow(self.tr("Laptop:"), QLabel(ident.device_id[:8]))
        self.fingerprint = QLabel(f"<b style='font-size:16px'>{escape(ident.fingerprint)}</b>")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        if not card:
            form.addRow(
                self.tr("Roster:"),
                QLabel(
                    self.tr("version {0}, {1} laptops").format(
                        preview.version, len(preview.members)
                    )
                ),
            )
        self.member = QComboBox()
        self.court = QComboBox()
        if preview.liaison:
            for court_id, name in preview.courts:
                self.court.addItem(name, court_id)
            form.addRow(self.tr("Liaison of:"), self.court)
            note = QLabel(
                self.tr(
                    "An inspected court's liaison: trusted for this court only. Its laptop "
                    "receives only this court's rectification package."
                )
            )
            note.setWordWrap(True)
            form.addRow("", note)
        elif card:
            for m in preview.matches:
                text = f"{m.name}（{m.unit}）" if m.unit else m.name
                self.member.addItem(
                    self.tr("{0}, already on the member list").format(text), m.member_id
                )
            self.member.addItem(self.tr("A new member (not on the list yet)"), None)
            form.addRow(self.tr("This is:"), self.member)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.match = QPushButton(self.tr("一致 — trust it"))
        self.mismatch = QPushButton(self.tr("不一致 — trust nothing"))
        buttons.addButton(self.match, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.mismatch, QDialogButtonBox.ButtonRole.RejectRole)
        self.mismatch.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def court_id(self) -> str | None:
        """The court a liaison's card is bound to (None: not a liaison's card)."""
        if not self.preview.liaison:
            return None
        data = self.court.currentData()
        return str(data) if data else None

    def link_to(self) -> str | None:
        """The member on the list the card was said to be (None: a new member)."""
        if self.preview.kind != "card" or self.preview.liaison:
            return None
        data = self.member.currentData()
        return str(data) if data else None
