"""回头看 (follow-up inspection) in the app: the leader's dialog that makes one, the re-check
dialog, the ledger page's follow-up view (a filter, the re-check button, the rates) and the
table of recurrence rates.

Runs on the GUI thread; the rates are counted on the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import Role
from ..domain.follow_up import recheck_refusal
from ..domain.rectification import Action, State
from ..errors import PermissionDenied, UserError
from ..services.follow_up import (
    EarlierItem,
    FollowUpCampaign,
    FollowUpStatistics,
    create_follow_up,
    follow_up_rates,
    follow_ups,
    recheck_subject,
    record_recheck,
)
from ..services.session import Session
from ..services.team import campaigns
from . import ops
from .dialogs import GuardedDialog, from_qdate, to_qdate
from .formatting import short_time
from .models.simple import ListTableModel
from .screen import fit_to_screen
from .terms import term
from .widgets import error_label, ok_cancel


def _role(session: Session) -> Role | None:
    try:
        return session.role()
    except PermissionDenied:
        return None


def _scrolled(content: QWidget) -> QScrollArea:
    """The dialog's fields scroll on a low screen; its buttons stay in view below."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class FollowUpDialog(GuardedDialog):
    """The leader's new 回头看: the earlier campaign it follows up, its name and dates."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, follows: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.created: str | None = None
        self.setWindowTitle(self.tr("New follow-up inspection"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A follow-up inspection re-checks the items an earlier campaign closed and "
                "follows up the ones it left open. Its courts are the earlier campaign's."
            )
        )
        intro.setWordWrap(True)
        fields = QWidget()
        form = QFormLayout(fields)
        self.earlier = QComboBox()
        self.earlier.setObjectName("followsCombo")
        self._campaigns = {c["id"]: c for c in campaigns(session)}
        for c in self._campaigns.values():
            self.earlier.addItem(c["name"], c["id"])
        if follows is not None:
            self.earlier.setCurrentIndex(max(0, self.earlier.findData(follows)))
        self.name = QLineEdit()
        self.name.setObjectName("followUpName")
        self.start = QDateEdit()
        self.end = QDateEdit()
        for date in (self.start, self.end):
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy-MM-dd")
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("e.g. 云高法〔2026〕12号 (optional)"))
        form.addRow(self.tr("Follows up:"), self.earlier)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Start:"), self.start)
        form.addRow(self.tr("End:"), self.end)
        form.addRow(self.tr("Document number:"), self.doc_number)
        self.error = error_label()
        layout.addWidget(intro)
        layout.addWidget(_scrolled(fields), 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.earlier.currentIndexChanged.connect(self._prefill)
        self._prefill()
        fit_to_screen(self, 560, 340)
        self.mark_clean()

    def _prefill(self) -> None:
        """The name and dates a follow-up of the chosen campaign would have."""
        earlier = self._campaigns.get(self.earlier.currentData())
        if earlier is None:
            return
        self.name.setText(self.tr("{0} follow-up").format(earlier["name"]))
        last = earlier["end_date"] or earlier["start_date"]
        start = self.session.today()
        if last and dt.date.fromisoformat(last) >= start:
            start = dt.date.fromisoformat(last) + dt.timedelta(days=1)
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(start + dt.timedelta(days=4)))

    def snapshot(self) -> object:
        return (
            self.earlier.currentData(),
            self.name.text(),
            self.start.date(),
            self.end.date(),
            self.doc_number.text(),
        )

    def accept(self) -> None:
        if self.earlier.currentData() is None:
            self._refuse(self.tr("There is no campaign to follow up yet."))
            return
        try:
            self.created = create_follow_up(
                self.session,
                follows=self.earlier.currentData(),
                name=self.name.text(),
                start_date=from_qdate(self.start.date()),
                end_date=from_qdate(self.end.date()),
                doc_number=self.doc_number.text(),
            )
        except UserError as e:
            self._refuse(str(e))
            return
        super().accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        QMessageBox.warning(self, self.windowTitle(), text)


class RecheckDialog(GuardedDialog):
    """A 回头看's re-check of an item the earlier campaign closed: it held, or it recurred — the
    item reopened, or a new problem of the follow-up recording it."""

    def __init__(
        self,
        session: Session,
        follow_up: FollowUpCampaign,
        item: EarlierItem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.follow_up = follow_up
        self.item = item
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Follow-up re-check"))
        layout = QVBoxLayout(self)
        fields = QWidget()
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        self.subject = subject = QLabel(
            f"<b>{escape(item.measure)}</b><br>"
            f"{escape(item.court)}　{escape(term(item.category))}　{escape(item.description)}<br>"
            + escape(
                self.tr("Closed on {0}; re-checked in {1}").format(
                    short_time(item.since), follow_up.name
                )
            )
        )
        subject.setWordWrap(True)
        subject.setTextFormat(Qt.TextFormat.RichText)
        inner.addWidget(subject)
        self.held = QRadioButton(self.tr("Held: no recurrence found"))
        self.reopen = QRadioButton(self.tr("Recurred: reopen the item for rectification"))
        self.new_problem = QRadioButton(
            self.tr("Recurred: record a new problem of this follow-up, linked to this one")
        )
        self.choice = QButtonGroup(self)
        for n, button in enumerate((self.held, self.reopen, self.new_problem)):
            self.choice.addButton(button, n)
            inner.addWidget(button)
        if recheck_refusal(Action(item.recheck) if item.recheck else None, held=True):
            self.held.setEnabled(False)
            self.held.setToolTip(self.tr("It was re-checked as held already in this follow-up."))
            self.reopen.setChecked(True)
        else:
            self.held.setChecked(True)
        if _role(session) not in (Role.LEADER, Role.VERIFIER):
            self.reopen.setEnabled(False)
            self.reopen.setToolTip(self.tr("Only the team leader or a verifier may reopen."))
            if self.reopen.isChecked():
                self.new_problem.setChecked(True)
        inner.addWidget(QLabel(self.tr("What the re-check found:")))
        self.note = QPlainTextEdit()
        self.note.setObjectName("recheckNote")
        inner.addWidget(self.note, 1)
        self.description_label = QLabel(self.tr("The problem found again:"))
        self.description = QPlainTextEdit(item.description)
        self.description.setObjectName("recurrenceDescription")
        self.description.setMaximumHeight(96)
        inner.addWidget(self.description_label)
        inner.addWidget(self.description)
        self.error = error_label()
        layout.addWidget(_scrolled(fields), 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.choice.idToggled.connect(lambda *_: self._chosen())
        self._chosen()
        fit_to_screen(self, 600, 480)
        self.mark_clean()

    def _chosen(self) -> None:
        """The new problem's description, shown only for one."""
        on = self.new_problem.isChecked()
        self.description.setVisible(on)
        self.description_label.setVisible(on)

    def snapshot(self) -> object:
        return (self.choice.checkedId(), self.description.toPlainText(), self.note.toPlainText())

    def accept(self) -> None:
        try:
            self.result_value = record_recheck(
                self.session,
                item_id=self.item.item_id,
                campaign_id=self.follow_up.id,
                held=self.held.isChecked(),
                note=self.note.toPlainText(),
                new_problem=self.new_problem.isChecked(),
                description=self.description.toPlainText(),
            )
        except UserError as e:
            # what was written stays: the user corrects it and tries again
            self.error.setText(str(e))
            self.error.show()
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        super().accept()


class LedgerFollowUp(QObject):
    """The ledger page's 回头看: a filter showing a follow-up's items and its earlier campaign's
    (marked in the 回头看 column), the 回头看复查 button, and the follow-up's rates."""

    def __init__(self, page: Any) -> None:
        """``page``: the ledger page (its form's rows, its model, its session)."""
        super().__init__(page)
        self.page = page
        self._generation = 0
        self.label = QLabel(self.tr("Follow-up:"))
        self.combo = QComboBox()
        self.combo.setObjectName("followUpFilter")
        self.combo.addItem(self.tr("All items"), None)
        self.combo.currentIndexChanged.connect(page.refresh)
        row = page.ui.ledgerFilterRow
        row.insertWidget(4, self.label)
        row.insertWidget(5, self.combo)
        self.button = QPushButton(self.tr("Re-check…"))
        self.button.setObjectName("recheckButton")
        self.button.clicked.connect(self.recheck)
        page.ui.actionRow.insertWidget(7, self.button)
        self.rates = QLabel()
        self.rates.setObjectName("followUpRates")
        self.rates.setWordWrap(True)
        self.rates.hide()
        page.ui.ledgerLayout.insertWidget(1, self.rates)
        self.subject: tuple[FollowUpCampaign, EarlierItem] | None = None
        self.dialog: RecheckDialog | None = None

    @property
    def session(self) -> Session:
        return self.page.session

    def chosen(self) -> str | None:
        return self.combo.currentData()

    def refresh(self) -> None:
        """The follow-ups to choose from, the 回头看 column shown when there is one, and the
        chosen one's rates (counted on the runner)."""
        found = follow_ups(self.session)
        keep = self.chosen()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("All items"), None)
        for f in found:
            self.combo.addItem(f.name, f.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(keep)))
        self.combo.blockSignals(False)
        for widget in (self.label, self.combo, self.button):
            widget.setVisible(bool(found))
        column = self.page.model.column_of("follow_up")
        table = self.page.ui.itemTable
        table.setColumnHidden(column, not found)
        chosen = self.chosen()
        # in a follow-up's view its marks come first, after the light
        header = table.horizontalHeader()
        header.moveSection(header.visualIndex(column), 1 if chosen else column)
        self._generation += 1
        if chosen is None:
            self.rates.hide()
            return
        if self.session.workspace.path is None:
            self._show_rates(follow_up_rates(self.session, campaign_id=chosen))
            return
        op = ops.Op(
            self.page,
            lambda s, _progress: follow_up_rates(s, campaign_id=chosen),
            workspace=self.session,
        )
        op.bound_to(lambda: self._generation).success(self._show_rates).run()

    def _show_rates(self, found: list[FollowUpStatistics]) -> None:
        if not found or self.page.window_.closed:
            self.rates.hide()
            return
        f = found[0]
        rate = f"{f.recurrence.rate:.1%}" if f.recurrence.rate is not None else "—"
        self.rates.setText(
            self.tr(
                "Re-checked {0} of {1}: {2} held, {3} recurred (recurrence rate {4}); "
                "{5} carried over ({6} closed since); {7} closed since the last visit"
            ).format(
                f.rechecked,
                f.candidates,
                f.held,
                f.recurred,
                rate,
                f.carried_over,
                f.carried_closed,
                f.closed_since_last_visit,
            )
        )
        by = [
            f"{escape(k)}：{v.recurred}/{v.rechecked}"
            for k, v in [*f.by_court.items(), *((term(k), v) for k, v in f.by_category.items())]
        ]
        self.rates.setToolTip(
            self.tr("Recurred / re-checked problems by court and category:")
            + "<br>"
            + "<br>".join(by)
        )
        self.rates.show()

    def update_button(self, item: dict[str, Any] | None) -> None:
        """Enabled for an item the earlier campaign had closed when its follow-up started, and
        saying why not otherwise."""
        self.subject = None
        if item is None:
            self._disable(self.tr("Select an item first."))
            return
        if _role(self.session) in (None, Role.COURT):
            self._disable(self.tr("Re-checks are the inspection team's."))
            return
        subject = recheck_subject(self.session, item_id=item["id"])
        if subject is None:
            self._disable(self.tr("The item's campaign has no follow-up."))
            return
        follow_up, seen = subject
        if not seen.candidate:
            self._disable(
                self.tr("Still open when {0} started: carried over, no re-check needed.").format(
                    follow_up.name
                )
            )
            return
        if seen.state != State.CLOSED:
            self._disable(self.tr("Only a closed item can be re-checked."))
            return
        if recheck_refusal(Action(seen.recheck) if seen.recheck else None, held=False):
            self._disable(self.tr("Recorded as recurred in {0}.").format(follow_up.name))
            return
        self.subject = subject
        self.button.setEnabled(True)
        self.button.setToolTip(self.tr("Re-check it in {0}.").format(follow_up.name))

    def _disable(self, why: str) -> None:
        self.button.setEnabled(False)
        self.button.setToolTip(why)

    def recheck(self) -> None:
        if self.subject is None:
            return
        follow_up, seen = self.subject
        dialog = RecheckDialog(self.session, follow_up, seen, self.page)

        def done(code: int) -> None:
            if code and dialog.result_value is not None:
                self.page.changed.emit()
                self.page.refresh()

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()


class RatesModel(ListTableModel):
    """Each follow-up's recurrence rates: overall (the row naming it), by court and by
    category."""

    HEADERS = ("分类", "名称", "复发率", "复发问题数", "复查问题数")

    def load(self, found: list[FollowUpStatistics]) -> None:
        rows = []
        for f in found:
            rows.append(("回头看", f.campaign, f.recurrence))
            rows += [("法院", k, v) for k, v in f.by_court.items()]
            rows += [("问题类别", k, v) for k, v in f.by_category.items()]
        self.set_rows(rows)

    def cell(self, row: tuple[str, str, Any], column: int) -> Any:
        scope, name, rate = row
        if column < 2:
            return term((scope, name)[column])
        if column == 2:
            return f"{rate.rate:.1%}" if rate.rate is not None else "—"
        return str(rate.recurred if column == 3 else rate.rechecked)
