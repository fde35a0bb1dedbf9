"""The app in the inspected court's role (被检查法院联络员): only the pages the court needs.

整改事项: its problems and items; it proposes its 整改方案, reports progress with evidence and
submits items for verification. 反馈意见: what the team sent it. 收发整改包: the kickoff (its
identity card, the leader's roster) and the exchange of packages with the team. It cannot
close, return or reopen items, edit problems or see anything of other courts.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6 import QtWidgets
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services import court_loop
from ..services.court_loop import CourtItem, CourtProblem, Proposal
from ..services.session import Session
from . import ops
from .court_dialogs import PlanDialog, ProgressDialog
from .formatting import short_time
from .notice import NoticeBar
from .screen import place_window
from .terms import term

#: the day's backup waits until the window has settled
BACKUP_DELAY_MS = 4000
#: what a row of the tree holds: (kind, id)
ROLE = Qt.ItemDataRole.UserRole


def _date(text: str | None) -> str:
    """A date or a moment as the app shows them (``2025-09-22``, ``2025-09-22 09:07``)."""
    if not text:
        return ""
    return short_time(text) if "T" in text else text[:10]


def _event_line(e: dict[str, Any]) -> str:
    """One event of an item's history: when, what happened, the note."""
    from ..domain.rectification import ACTION_ZH, Action

    action = e.get("action")
    try:
        what = term(ACTION_ZH[Action(action)]) if action else ""
    except (ValueError, KeyError):
        what = ""
    if not what:
        what = term(
            {"progress": "整改进展", "evidence": "佐证材料"}.get(e.get("event_kind") or "", "")
        )
    if e.get("to_state"):
        what += f"（{term(e['to_state'])}）"
    note = e.get("note") or ""
    return "　".join(x for x in (_date(e.get("at")), what, note) if x)


def _rows(rows: list[tuple[str, str]]) -> str:
    """Label and value pairs as a compact two-column table (the empty ones left out)."""
    cells = "".join(
        f"<tr><td style='padding:2px 10px 2px 0'><b>{escape(k)}</b></td>"
        f"<td style='padding:2px 0'>{escape(v)}</td></tr>"
        for k, v in rows
        if v
    )
    return f"<table cellspacing='0'>{cells}</table>"


class ItemsPage(QWidget):
    """The court's problems, its items and its proposals, and what it may do on each."""

    def __init__(self, window: CourtWindow) -> None:
        super().__init__()
        self.window_ = window
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("courtSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setObjectName("courtTree")
        self.tree.setHeaderLabels(
            [self.tr("Problem / item"), self.tr("State"), self.tr("Deadline")]
        )
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setColumnWidth(0, 330)
        self.tree.setColumnWidth(1, 80)
        self.tree.currentItemChanged.connect(lambda *_: self._show())
        split.addWidget(self.tree)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setObjectName("courtDetail")
        self.detail.setOpenLinks(False)
        side.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        self.propose = QPushButton(self.tr("Propose plan…"))
        self.propose.setObjectName("proposePlan")
        self.propose.clicked.connect(self.propose_plan)
        self.start = QPushButton(self.tr("Start rectification"))
        self.start.setObjectName("startItem")
        self.start.clicked.connect(self.start_item)
        self.report = QPushButton(self.tr("Report progress…"))
        self.report.setObjectName("reportProgress")
        self.report.clicked.connect(self.report_progress)
        self.revise = QPushButton(self.tr("Revise plan…"))
        self.revise.setObjectName("revisePlan")
        self.revise.clicked.connect(self.revise_plan)
        self.withdraw = QPushButton(self.tr("Withdraw plan"))
        self.withdraw.setObjectName("withdrawPlan")
        self.withdraw.clicked.connect(self.withdraw_plan)
        # two rows: the item's actions, the plan's — the tree keeps the width on a small screen
        for b in (self.start, self.report):
            buttons.addWidget(b)
        buttons.addStretch(1)
        plans = QHBoxLayout()
        for b in (self.propose, self.revise, self.withdraw):
            plans.addWidget(b)
        plans.addStretch(1)
        side.addLayout(buttons)
        side.addLayout(plans)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([720, 480])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        layout.addWidget(split, 1)
        self.problems: list[CourtProblem] = []
        self.dialog: QtWidgets.QDialog | None = None
        #: the record to select once the page shows what was just written
        self.select_after: tuple[str, str] | None = None

    @property
    def session(self) -> Session:
        return self.window_.session

    # --- filling --------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.selected()
        self.problems = court_loop.court_problems(self.session)
        status = court_loop.court_status(self.session)
        if not status.court_id:
            self.summary.setText(
                self.tr(
                    "This laptop is not bound to a court yet: import the roster the team "
                    "leader signed, then the rectification package (see Exchange)."
                )
            )
        elif not self.problems:
            self.summary.setText(
                self.tr("No problems yet: import the rectification package the leader sent.")
            )
        else:
            s = status.by_state
            self.summary.setText(
                self.tr(
                    "{0}: {1} problems, {2} items — {3} pending, {4} in progress, {5} "
                    "submitted, {6} closed. Plans awaiting the leader: {7}; returned: {8}."
                ).format(
                    status.court,
                    status.problems,
                    status.items,
                    s.get("待整改", 0),
                    s.get("整改中", 0),
                    s.get("待核查", 0),
                    s.get("已销号", 0),
                    status.proposals_waiting,
                    status.proposals_returned,
                )
            )
        self.tree.clear()
        keep: QTreeWidgetItem | None = None
        for n, p in enumerate(self.problems, 1):
            top = QTreeWidgetItem([f"{n}. {p.description}", "", ""])
            top.setData(0, ROLE, ("problem", p.id))
            top.setToolTip(0, p.description)
            today = self.session.today().isoformat()
            for i in p.items:
                late = i.state != "已销号" and bool(i.deadline) and str(i.deadline) < today
                state = term(i.state) + (self.tr(" (overdue)") if late else "")
                row = QTreeWidgetItem([i.measure, state, i.deadline or ""])
                if late:
                    row.setForeground(1, QBrush(QColor("#b3261e")))
                row.setData(0, ROLE, ("item", i.id))
                row.setToolTip(0, i.measure)
                top.addChild(row)
                keep = row if chosen == ("item", i.id) else keep
            for pp in p.proposals:
                if pp.status == "已采纳" and chosen != ("proposal", pp.id):
                    continue  # it is an item now
                label = self.tr("Plan: {0}").format(pp.measure)
                row = QTreeWidgetItem([label, term(pp.status), pp.deadline or ""])
                row.setData(0, ROLE, ("proposal", pp.id))
                row.setToolTip(0, pp.measure)
                top.addChild(row)
                keep = row if chosen == ("proposal", pp.id) else keep
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
            keep = top if chosen == ("problem", p.id) else keep
        if keep is None and self.tree.topLevelItemCount():
            keep = self.tree.topLevelItem(0)
        if keep is not None:
            self.tree.setCurrentItem(keep)
        self._show()

    def selected(self) -> tuple[str, str] | None:
        current = self.tree.currentItem()
        data = current.data(0, ROLE) if current is not None else None
        return (str(data[0]), str(data[1])) if data else None

    def _find(self) -> tuple[CourtProblem | None, CourtItem | None, Proposal | None]:
        chosen = self.selected()
        if chosen is None:
            return None, None, None
        kind, rid = chosen
        for p in self.problems:
            if kind == "problem" and p.id == rid:
                return p, None, None
            for i in p.items:
                if kind == "item" and i.id == rid:
                    return p, i, None
            for pp in p.proposals:
                if kind == "proposal" and pp.id == rid:
                    return p, None, pp
        return None, None, None

    def _show(self) -> None:
        problem, item, proposal = self._find()
        html: list[str] = []
        if problem is not None:
            html.append(f"<h3>{escape(problem.description)}</h3>")
            category = term(problem.category) + (
                f"（{term(problem.subtype)}）" if problem.subtype else ""
            )
            html.append(
                _rows(
                    [
                        (self.tr("Category:"), category),
                        (self.tr("Example cases:"), "、".join(problem.examples)),
                    ]
                )
            )
        if item is not None:
            html.append(f"<h4>{escape(item.measure)}</h4>")
            rows = [
                (self.tr("State:"), term(item.state)),
                (self.tr("Kind:"), term(item.kind)),
                (self.tr("Deadline:"), _date(item.deadline) or self.tr("none")),
                (
                    self.tr("Responsible:"),
                    "，".join(x for x in (item.responsible_unit, item.responsible_person) if x),
                ),
                (self.tr("Goal:"), item.goal),
                (self.tr("Latest progress:"), item.last_progress),
                (self.tr("Evidence:"), str(item.evidence_count)),
            ]
            html.append(_rows(rows))
            from ..services.rectification import item_events

            events = item_events(self.session, item_id=item.id)
            if events:
                heading = self.tr("History:")
                html.append(f"<p><b>{escape(heading)}</b></p><ul>")
                for e in events[-12:]:
                    html.append(f"<li>{escape(_event_line(e))}</li>")
                html.append("</ul>")
        if proposal is not None:
            heading = self.tr("Plan proposed by the court")
            html.append(f"<h4>{escape(heading)}</h4>")
            rows = [
                (self.tr("Measure:"), proposal.measure),
                (self.tr("Decision:"), term(proposal.status)),
                (self.tr("Leader's note:"), proposal.decision_note),
                (self.tr("Kind:"), term(proposal.kind)),
                (self.tr("Deadline:"), _date(proposal.deadline)),
                (
                    self.tr("Responsible:"),
                    "，".join(
                        x for x in (proposal.responsible_unit, proposal.responsible_person) if x
                    ),
                ),
                (self.tr("Goal:"), proposal.goal),
                (self.tr("Phone:"), proposal.phone),
                (self.tr("Note:"), proposal.note),
            ]
            html.append(_rows(rows))
        self.detail.setHtml("".join(html))
        self._enable(problem, item, proposal)

    def _enable(
        self, problem: CourtProblem | None, item: CourtItem | None, proposal: Proposal | None
    ) -> None:
        closed = item is not None and item.state == "已销号"
        self.propose.setEnabled(problem is not None and proposal is None and not closed)
        self.propose.setText(
            self.tr("Propose a change…") if item is not None else self.tr("Propose plan…")
        )
        self.start.setEnabled(item is not None and item.state == "待整改")
        self.report.setEnabled(item is not None and item.state in ("整改中", "待整改"))
        editable = proposal is not None and proposal.mine and proposal.status != "已采纳"
        self.revise.setEnabled(editable)
        self.withdraw.setEnabled(editable)
        nothing = self.tr("Choose a problem or an item first.")
        item_only = self.tr("Choose an item (a row under a problem).")
        plan_only = self.tr("Choose a plan the court proposed (and the leader has not accepted).")
        if item is not None and item.state == "待核查":
            state = self.tr("Submitted: waiting for the team's verification.")
        elif closed:
            state = self.tr("Closed by the team.")
        elif item is not None and item.state != "待整改":
            state = self.tr("Already started.")
        else:
            state = item_only
        reasons = {
            self.propose: (
                nothing
                if problem is None
                else self.tr("A plan is selected: revise it instead.")
                if proposal is not None
                else state
            ),
            self.start: nothing if problem is None else state,
            self.report: nothing if problem is None else state,
            self.revise: plan_only,
            self.withdraw: plan_only,
        }
        for button, why in reasons.items():
            button.setToolTip("" if button.isEnabled() else why)

    # --- actions --------------------------------------------------------------------------
    def _changed(self, text: str) -> None:
        self.window_.notify(text)  # and the window refreshes the page
        if self.select_after is not None:
            self._select(self.select_after)
            self.select_after = None

    def _select(self, wanted: tuple[str, str]) -> None:
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            if top is None:
                continue
            for row in (top, *(top.child(i) for i in range(top.childCount()))):
                data = row.data(0, ROLE) if row is not None else None
                if row is not None and data and tuple(data) == wanted:
                    self.tree.setCurrentItem(row)
                    return

    def propose_plan(self) -> None:
        problem, item, _ = self._find()
        if problem is None:
            return
        subject = self.tr("Problem: {0}").format(problem.description)
        values: dict[str, Any] | None = None
        if item is not None:
            subject += "\n" + self.tr("Item to change: {0}").format(item.measure)
            values = {
                "measure": item.measure,
                "goal": item.goal,
                "responsible_unit": item.responsible_unit,
                "responsible_person": item.responsible_person,
                "kind": item.kind,
                "deadline": item.deadline,
            }
        item_id = item.id if item is not None else None

        def write(v: dict[str, Any]) -> None:
            made = court_loop.propose_plan(
                self.session, problem_id=problem.id, item_id=item_id, **v
            )
            self.select_after = ("proposal", made)

        self._open(
            PlanDialog(self.tr("Rectification plan"), subject, write, self, values=values),
            self.tr("Plan proposed: it waits for the team leader's decision."),
        )

    def revise_plan(self) -> None:
        problem, _item, proposal = self._find()
        if problem is None or proposal is None:
            return

        def write(v: dict[str, Any]) -> None:
            court_loop.revise_proposal(self.session, proposal_id=proposal.id, **v)

        values = {
            "measure": proposal.measure,
            "goal": proposal.goal,
            "responsible_unit": proposal.responsible_unit,
            "responsible_person": proposal.responsible_person,
            "phone": proposal.phone,
            "kind": proposal.kind,
            "deadline": proposal.deadline,
            "note": proposal.note,
        }
        subject = self.tr("Problem: {0}").format(problem.description)
        if proposal.decision_note:
            subject += "\n" + self.tr("Leader's note: {0}").format(proposal.decision_note)
        self._open(
            PlanDialog(self.tr("Revise plan"), subject, write, self, values=values),
            self.tr("Plan revised: it waits for the team leader's decision again."),
        )

    def withdraw_plan(self) -> None:
        _p, _i, proposal = self._find()
        if proposal is None:
            return
        answer = QtWidgets.QMessageBox.question(
            self, self.tr("Withdraw plan"), self.tr("Withdraw this plan?")
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        self._run(
            lambda: court_loop.withdraw_proposal(self.session, proposal_id=proposal.id),
            self.tr("Plan withdrawn."),
        )

    def start_item(self) -> None:
        _p, item, _ = self._find()
        if item is None:
            return
        from ..services.rectification import act

        self._run(
            lambda: act(self.session, item_id=item.id, action="start"),
            self.tr("Rectification started."),
        )

    def report_progress(self) -> None:
        _p, item, _ = self._find()
        if item is None:
            return
        from ..services.rectification import EvidenceFile, act, add_evidence, add_progress

        sent = {"submit": False}

        def write(note: str, paths: list[Path], submit: bool) -> None:
            files = [EvidenceFile.from_path(p) for p in paths]
            with self.session.transaction():
                if item.state == "待整改":
                    act(self.session, item_id=item.id, action="start")
                if note:
                    add_progress(self.session, item_id=item.id, note=note)
                if submit:
                    act(
                        self.session,
                        item_id=item.id,
                        action="submit",
                        # the ledger's own words, whatever the interface's language
                        note="整改完成，申请核查销号。",
                        evidence=files,
                    )
                elif files:
                    add_evidence(self.session, item_id=item.id, files=files)
            sent["submit"] = submit

        dialog = ProgressDialog(self.tr("Item: {0}").format(item.measure), write, self)
        self.dialog = dialog
        dialog.accepted.connect(
            lambda: self._changed(
                self.tr(
                    "Submitted for verification: the item waits for the team. Send it "
                    "with Exchange → Export."
                )
                if sent["submit"]
                else self.tr("Progress recorded. Send it to the team with Exchange → Export.")
            )
        )
        dialog.open()

    def _run(self, work: Callable[[], object], done: str) -> None:
        try:
            work()
        except UserError as e:
            QtWidgets.QMessageBox.warning(self, self.tr("Not done"), str(e))
            return
        self._changed(done)

    def _open(self, dialog: QtWidgets.QDialog, done: str) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._changed(done))
        dialog.open()


class FeedbackPage(QWidget):
    """The feedback (反馈意见) the team sent the court, as it reads."""

    def __init__(self, window: CourtWindow) -> None:
        super().__init__()
        self.window_ = window
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName("feedbackText")
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save = QPushButton(
            QtWidgets.QApplication.translate("CourtFeedbackPage", "Save as Word…")
        )
        self.save.setObjectName("saveFeedback")
        self.save.clicked.connect(self.save_docx)
        row.addWidget(self.save)
        layout.addLayout(row)

    def refresh(self) -> None:
        blocks = court_loop.court_feedback(self.window_.session)
        self.save.setEnabled(bool(blocks))
        if not blocks:
            self.text.setHtml(
                "<p>"
                + escape(
                    QtWidgets.QApplication.translate(
                        "CourtFeedbackPage",
                        "No feedback yet: it comes with the leader's rectification package.",
                    )
                )
                + "</p>"
            )
            return
        html = []
        for b in blocks:
            text = escape(b.text).replace("\n", "<br>")
            if b.kind == "title":
                html.append(f"<h2 align='center'>{text}</h2>")
            elif b.kind == "h1":
                html.append(f"<h3>{text}</h3>")
            elif b.kind == "attachment":  # 附件 and its title, as the Word file has them
                html.append(f"<hr><p><b>附件</b></p><h3 align='center'>{text}</h3>")
            elif b.kind == "h2":
                html.append(f"<p><b>{text}</b></p>")
            elif b.kind == "signature":
                html.append(f"<p align='right'>{text}</p>")
            elif b.kind == "table":
                rows = "".join(
                    "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in b.rows
                )
                html.append(f"<table border='1' cellspacing='0' cellpadding='3'>{rows}</table>")
            else:
                html.append(f"<p>{text}</p>")
        self.text.setHtml("".join(html))

    def save_docx(self) -> None:
        w = self.window_
        status = court_loop.court_status(w.session)
        start = str(w.default_folder() / f"{status.court or '反馈意见'}-反馈意见.docx")
        title = QtWidgets.QApplication.translate("CourtFeedbackPage", "Save feedback")
        target, _ = QtWidgets.QFileDialog.getSaveFileName(self, title, start, "Word (*.docx)")
        if not target:
            return
        path = Path(target)
        ops.Op(
            w,
            lambda s, _p: court_loop.write_feedback(s, path=path),
            workspace=w.session,
            title=title,
        ).success(
            lambda written: w.notify(
                QtWidgets.QApplication.translate("CourtFeedbackPage", "Saved {0}.").format(
                    written.name
                ),
                folder=written.parent,
            )
        ).run()


class ExchangePage(QWidget):
    """The court's side of the kickoff and of the exchange with the team, step by step."""

    def __init__(self, window: CourtWindow) -> None:
        super().__init__()
        self.window_ = window
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("exchangeStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        steps = [
            (
                self.tr(
                    "1. Give the team leader this laptop's identity card, and read its fingerprint "
                    "to the leader."
                ),
                self.tr("Export identity card…"),
                window.packages.choose_roster_export,
                "exportCard",
            ),
            (
                self.tr(
                    "2. Import the roster the leader signed (compare the leader's fingerprint)."
                ),
                self.tr("Import roster…"),
                window.packages.choose_roster_import,
                "importRoster",
            ),
            (
                self.tr("3. Import the rectification package the leader sent this court."),
                self.tr("Import rectification package…"),
                window.packages.choose_import,
                "importPackage",
            ),
            (
                self.tr("4. Send the court's plans, progress and evidence back to the team."),
                self.tr("Export package for the team…"),
                window.export_for_team,
                "exportPackage",
            ),
        ]
        for text, button, slot, name in steps:
            row = QHBoxLayout()
            label = QLabel(text)
            label.setWordWrap(True)
            row.addWidget(label, 1)
            b = QPushButton(button)
            b.setObjectName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
            layout.addLayout(row)
        layout.addStretch(1)

    def refresh(self) -> None:
        s = court_loop.court_status(self.window_.session)
        parts = [
            self.tr("Court: {0}").format(s.court)
            if s.court
            else self.tr("Not bound to a court yet (import the leader's roster)."),
            self.tr("Team leader: {0}").format(s.leader)
            if s.leader
            else self.tr("No roster imported yet."),
            self.tr("Last rectification package imported: {0}").format(_date(s.last_package))
            if s.last_package
            else self.tr("No rectification package imported yet."),
            self.tr("Changes not yet sent to the team: {0}").format(s.unsent),
        ]
        self.status.setText("\n".join(parts))


#: windows opened for a workspace of the other kind (a court's, the team's), kept until closed
handed_over: list[QMainWindow] = []


def hand_over(old: Any, new: QMainWindow) -> None:
    """Show ``new`` in place of ``old``, whose session ``new`` took over (``old`` closes
    without closing it)."""
    handed_over.append(new)
    new.destroyed.connect(lambda *_: handed_over.remove(new) if new in handed_over else None)
    new.show()
    old._handed_over = True
    old.close()


class CourtWindow(QMainWindow):
    """The court liaison's window; owns the session it shows. ``team_window`` makes the
    team's window for a team workspace opened from here."""

    _closed = False
    _handed_over = False

    def __init__(
        self, session: Session, *, team_window: Callable[[Session], QMainWindow] | None = None
    ) -> None:
        super().__init__()
        self.team_window = team_window
        from .actions.packages import PackageActions
        from .actions.workspaces import WorkspaceActions

        self.session = session
        self.settings = QSettings()
        self.conflicts_dialog: Any = None
        self.packages = PackageActions(self)
        self.workspaces = WorkspaceActions(self)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.header = QLabel()
        self.header.setObjectName("courtHeader")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.notice = NoticeBar(self)
        layout.addWidget(self.notice)
        self.tabs = QTabWidget()
        self.items_page = ItemsPage(self)
        self.feedback_page = FeedbackPage(self)
        self.exchange_page = ExchangePage(self)
        self.tabs.addTab(self.items_page, self.tr("Rectification items"))
        self.tabs.addTab(self.feedback_page, self.tr("Feedback"))
        self.tabs.addTab(self.exchange_page, self.tr("Exchange with the team"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._menus()
        ops.add_listener(self._changes, owner=self)
        place_window(self, self.settings.value("geometry"))
        self.refresh()
        # the day's backup, as the team's window takes it: the court's work is kept too
        from PySide6.QtCore import QTimer

        QTimer.singleShot(BACKUP_DELAY_MS, self, self._daily_backup)

    def _daily_backup(self) -> None:
        from ..services.security import daily_backup

        if self.session.workspace.path is not None and not self._closed:
            ops.Op(self, lambda s, _progress: daily_backup(s), workspace=self.session).failure(
                lambda e: self.notify(ops.describe_failure(e)[1], kind="warning")
            ).run()

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        for text, slot in (
            (self.tr("&New workspace…"), self.workspaces.new_workspace),
            (self.tr("&Open workspace…"), self.workspaces.choose_workspace),
            (self.tr("&Quit"), self.close),
        ):
            file.addAction(text).triggered.connect(slot)
        exchange = bar.addMenu(self.tr("&Exchange"))
        for text, slot in (
            (self.tr("Import rectification package…"), self.packages.choose_import),
            (self.tr("Export package for the team…"), self.export_for_team),
            (self.tr("Export identity card…"), self.packages.choose_roster_export),
            (self.tr("Import roster…"), self.packages.choose_roster_import),
        ):
            exchange.addAction(text).triggered.connect(slot)

    # --- what the actions ask of a window (see actions/__init__.py) ------------------------
    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def workspace_path(self) -> Path:
        path = self.session.workspace.path
        assert path is not None, "the desktop app always works on a file"
        return path

    def notify(
        self,
        text: str,
        *,
        folder: Path | None = None,
        kind: str = "info",
        action: tuple[str, Callable[[], object]] | None = None,
    ) -> None:
        self.notice.show_notice(text, folder=folder, kind=kind, action=action)
        self.statusBar().showMessage(text, 30_000)
        self.refresh()  # an export, say, changes what is left to send

    def default_folder(self) -> Path:
        from ..paths import documents_dir

        return documents_dir()

    def refresh(self) -> None:
        if self._closed:
            return
        status = court_loop.court_status(self.session)
        me = self.session.member()
        self.header.setText(
            self.tr("{0} — liaison of {1}").format(
                me["name"] if me else "", status.court or self.tr("(court not bound yet)")
            )
        )
        self.setWindowTitle(self.tr("Inspection Ledger — inspected court"))
        page = self.tabs.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()

    def _changes(self, changes: ops.Changes) -> None:
        if changes:
            self.refresh()

    def export_for_team(self) -> None:
        from ..services.packages import default_package_name

        start = str(self.default_folder() / default_package_name(self.session))
        target, _ = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Export package for the team"),
            start,
            self.tr("Ledger packages (*.ledgerpkg)"),
        )
        if target:
            self.packages.export_to(Path(target))

    def release_workspace(self) -> None:
        ops.cancel_all()
        self.session.close()

    def confirm_leave_all(self) -> bool:
        return True  # nothing is edited in place: dialogs ask for themselves

    def reopen(self, path: Path, key: bytes | None) -> None:
        from ..services.session import open_session

        self.switch_to(open_session(path, key=key))

    def switch_to(self, session: Session) -> None:
        if not self._closed:
            self.release_workspace()
        self.session = session
        if session.court_id() is not None:
            self.refresh()
        elif self.team_window is not None:
            hand_over(self, self.team_window(session))
        else:  # pragma: no cover - the app always gives the factory
            raise UserError("这是巡查组的工作区，请重新启动软件后打开")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.settings.setValue("geometry", self.saveGeometry())
        ops.remove_listener(self._changes)
        if not self._handed_over:
            ops.cancel_all()
            self.session.close()
        super().closeEvent(event)
