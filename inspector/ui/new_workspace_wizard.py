"""新建巡查工作区, step by step: the workspace file and who uses this laptop; for a leader
the campaign, the courts to inspect and the team's members; then what to do about identity
cards and the roster. Everything is written at once when the wizard finishes (on the
runner, see ``ui/operations/security.py``).

Runs on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..domain.enums import CampaignKind, Role
from ..errors import UserError
from ..paths import WORKSPACE_SUFFIX
from ..services.setup import (
    CampaignChoice,
    CourtChoice,
    MemberChoice,
    TeamSetup,
    parse_court_lines,
    province_courts,
)
from .forms.ui_new_workspace_dialog import Ui_NewWorkspaceDialog
from .terms import term

WORKSPACE, CAMPAIGN, COURTS, MEMBERS, CARDS = range(5)


class WorkspacePage(QWizardPage):
    """Where the workspace goes, who uses this laptop, the password."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("The workspace and you"))
        self.ui = Ui_NewWorkspaceDialog()
        self.ui.setupUi(self)  # type: ignore[arg-type]  # a page hosts the dialog's form
        self.ui.buttons.hide()
        self.ui.path.setText(str(folder / f"巡查台账{WORKSPACE_SUFFIX}"))
        for role in Role:
            self.ui.roleCombo.addItem(term(role.zh), role.value)
        self.ui.browse.clicked.connect(self._browse)
        self.ui.encrypt.toggled.connect(self._encrypt_toggled)

    # the form was drawn for a dialog: its buttons are the wizard's here
    def accept(self) -> None: ...

    def reject(self) -> None: ...

    def _encrypt_toggled(self, on: bool) -> None:
        for w in (self.ui.password, self.ui.confirm, self.ui.passwordLabel, self.ui.confirmLabel):
            w.setEnabled(on)

    def _browse(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.title(), self.ui.path.text(), f"*{WORKSPACE_SUFFIX}"
        )
        if target:
            self.ui.path.setText(
                target if target.endswith(WORKSPACE_SUFFIX) else target + WORKSPACE_SUFFIX
            )

    def values(self) -> dict[str, Any]:
        return {
            "path": Path(self.ui.path.text().strip()),
            "member_name": self.ui.memberName.text().strip(),
            "unit": self.ui.memberUnit.text().strip(),
            "role": self.ui.roleCombo.currentData(),
            "password": self.ui.password.text() if self.ui.encrypt.isChecked() else None,
        }

    def problem(self) -> str | None:
        v = self.values()
        if not v["member_name"]:
            return self.tr("Please enter your name.")
        if v["path"].exists():
            return self.tr("That file exists already.")
        if v["password"] is not None:
            if len(v["password"]) < 6:
                return self.tr("The password needs at least 6 characters.")
            if v["password"] != self.ui.confirm.text():
                return self.tr("The passwords differ.")
        return None

    def validatePage(self) -> bool:
        problem = self.problem()
        if problem:
            QMessageBox.warning(self, self.title(), problem)
        return problem is None

    def nextId(self) -> int:
        return CAMPAIGN if self.ui.roleCombo.currentData() == Role.LEADER else CARDS


class CampaignPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The campaign"))
        self.setSubTitle(self.tr("What the team inspects, and when (it can be changed later)."))
        form = QFormLayout(self)
        today = dt.date.today()
        self.name = QLineEdit(self.tr("{0} enforcement inspection").format(today.year))
        self.name.setObjectName("campaignName")
        self.kind = QComboBox()
        for kind in CampaignKind:
            self.kind.addItem(term(kind.value), kind.value)
        self.issuer = QLineEdit()
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.end = QDateEdit(QDate(today.year, today.month, today.day).addDays(4))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Issued by:"), self.issuer)
        form.addRow(self.tr("From:"), self.start)
        form.addRow(self.tr("To:"), self.end)

    def choice(self) -> CampaignChoice:
        return CampaignChoice(
            self.name.text().strip(),
            self.kind.currentData(),
            self.issuer.text().strip(),
            self.start.date().toPython(),  # type: ignore[arg-type]
            self.end.date().toPython(),  # type: ignore[arg-type]
        )

    def validatePage(self) -> bool:
        c = self.choice()
        problem = None
        if not c.name:
            problem = self.tr("Please name the campaign.")
        elif c.end_date is not None and c.start_date is not None and c.end_date < c.start_date:
            problem = self.tr("The campaign cannot end before it starts.")
        if problem:
            QMessageBox.warning(self, self.title(), problem)
        return problem is None


class CourtsPage(QWizardPage):
    """Tick the courts from the province's list, or type others one per line."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The courts to inspect"))
        self.setSubTitle(
            self.tr("Tick them in the province's list; type courts it lacks, one per line.")
        )
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a court (name or code)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setObjectName("courtChoices")
        for court in province_courts():
            item = QListWidgetItem(f"{court.name}　{court.code}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, court)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(self.tr("Other courts (name and code, one per line):")))
        self.typed = QPlainTextEdit()
        self.typed.setObjectName("typedCourts")
        self.typed.setPlaceholderText("××县人民法院 云0000")
        self.typed.setMaximumHeight(72)
        layout.addWidget(self.typed)

    def _filter(self, text: str) -> None:
        needle = text.strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text())

    def choices(self) -> list[CourtChoice]:
        ticked = [
            self.list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        ]
        return [*ticked, *parse_court_lines(self.typed.toPlainText())]

    def validatePage(self) -> bool:
        try:
            self.choices()
        except UserError as e:
            QMessageBox.warning(self, self.title(), str(e))
            return False
        return True


class MembersPage(QWizardPage):
    """The team's other members: name, unit, role (their cards link to these later)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The team"))
        self.setSubTitle(
            self.tr("The other members of the team; each then sends you an identity card.")
        )
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("memberRows")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Unit"), self.tr("Role")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add a member"))
        add.setObjectName("addMemberRow")
        add.clicked.connect(self.add_row)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        for _ in range(3):
            self.add_row()

    def add_row(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(""))
        self.table.setItem(row, 1, QTableWidgetItem(""))
        role = QComboBox()
        for r in (Role.INSPECTOR, Role.VERIFIER):
            role.addItem(term(r.zh), r.value)
        self.table.setCellWidget(row, 2, role)

    def choices(self) -> list[MemberChoice]:
        out = []
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, 0) or QTableWidgetItem()).text().strip()
            unit = (self.table.item(row, 1) or QTableWidgetItem()).text().strip()
            role = self.table.cellWidget(row, 2)
            if name:
                out.append(
                    MemberChoice(
                        name,
                        unit,
                        role.currentData() if isinstance(role, QComboBox) else "inspector",
                    )
                )
        return out

    def validatePage(self) -> bool:
        names = [m.name for m in self.choices()]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            QMessageBox.warning(
                self, self.title(), self.tr("Names entered twice: {0}").format("、".join(twice))
            )
        return not twice


class CardsPage(QWizardPage):
    """What comes next: identity cards and the roster."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Identity cards and the roster"))
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.export = QCheckBox()
        self.export.setObjectName("exportCardAfter")
        self.export.setChecked(True)
        layout.addWidget(self.export)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        leader = isinstance(wizard, NewWorkspaceWizard) and wizard.is_leader()
        if leader:
            self.text.setText(
                self.tr(
                    "Each member creates a workspace on their laptop and sends you their "
                    "identity card (Packages → Export my identity card). Import the cards "
                    "(Packages → Import roster or identity card), check each fingerprint with "
                    "its member by phone or in person, then sign the roster and give it to "
                    "everyone: from then on every laptop accepts only the team's packages."
                )
            )
            self.export.setText(self.tr("Sign the roster when the workspace is made"))
        else:
            self.text.setText(
                self.tr(
                    "Send your identity card to the team leader and read its fingerprint to "
                    "them; import the roster the leader signs (Packages → Import roster or "
                    "identity card). The leader's consolidated ledger brings the campaign, "
                    "the courts and the team."
                )
            )
            self.export.setText(self.tr("Export my identity card when the workspace is made"))


class NewWorkspaceWizard(QWizard):
    """Runs on the GUI thread; :meth:`values` is what the runner makes the workspace from."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New inspection workspace"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.workspace = WorkspacePage(folder)
        self.campaign = CampaignPage()
        self.courts = CourtsPage()
        self.members = MembersPage()
        self.cards = CardsPage()
        for key, page in (
            (WORKSPACE, self.workspace),
            (CAMPAIGN, self.campaign),
            (COURTS, self.courts),
            (MEMBERS, self.members),
            (CARDS, self.cards),
        ):
            self.setPage(key, page)
        self.resize(640, 480)

    def is_leader(self) -> bool:
        return bool(self.workspace.ui.roleCombo.currentData() == Role.LEADER)

    def values(self) -> dict[str, Any]:
        """The workspace's fields for ``create_workspace`` and, for a leader, ``setup``."""
        v = self.workspace.values()
        if self.is_leader():
            v["setup"] = TeamSetup(
                campaign=self.campaign.choice(),
                courts=self.courts.choices(),
                members=self.members.choices(),
            )
        v["export_card"] = self.cards.export.isChecked()
        return v
