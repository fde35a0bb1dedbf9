"""Run the app in English on a workspace whose own data is in English and list every piece
of the interface still in Chinese: labels, buttons, titles, tabs, headers, table cells,
combo items, placeholders, tooltips and menus of every page and the main dialogs.

    python -m tests.ui.english_probe OUT.json      (QT_QPA_PLATFORM=offscreen)

Run in a fresh process by ``tests/ui/test_english.py``: translators are application-wide.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

CJK = re.compile(r"[\u3400-\u9fff]")
#: Chinese that stays Chinese in English: the language's own name, example case numbers
ALLOWED = re.compile(
    r"简体中文|[\u4e00-\u9fff]+〔\d{4}〕\d+号|（\d{4}）[\u4e00-\u9fff]\d*[\u4e00-\u9fff]+\d+号|云\d{2,4}"
)


def chinese(text: str) -> bool:
    return bool(CJK.search(ALLOWED.sub("", text or "")))


def texts_of(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of what the widget shows."""
    out: list[tuple[str, str]] = []
    name = f"{type(widget).__name__} {widget.objectName()}".strip()
    if widget.isWindow():
        out.append((f"{name} title", widget.windowTitle()))
    if widget.toolTip():
        out.append((f"{name} tooltip", widget.toolTip()))
    if isinstance(widget, QLabel | QAbstractButton):
        out.append((name, widget.text()))
    elif isinstance(widget, QGroupBox):
        out.append((name, widget.title()))
    elif isinstance(widget, QTabWidget):
        out.extend((f"{name} tab", widget.tabText(i)) for i in range(widget.count()))
    elif isinstance(widget, QComboBox):
        out.extend((f"{name} item", widget.itemText(i)) for i in range(widget.count()))
    elif isinstance(widget, QLineEdit | QPlainTextEdit):
        out.append((f"{name} placeholder", widget.placeholderText()))
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        root = QModelIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list model
            columns = 1
        for c in range(columns):
            header = model.headerData(c, Qt.Orientation.Horizontal)
            out.append((f"{name} header", str(header or "")))
        for r in range(min(model.rowCount(root), 5)):
            for c in range(columns):
                out.append((f"{name} cell", str(model.index(r, c).data() or "")))
    return out


def scan(where: str, root: QWidget, found: dict[str, str]) -> None:
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        for place, text in texts_of(widget):
            if chinese(text):
                found.setdefault(f"{where}: {place}", text[:80])
    for menu in root.findChildren(QMenu):
        for action in menu.actions():
            if chinese(action.text()):
                found.setdefault(f"{where}: menu", action.text())


def pump(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def workspace(path: Path) -> Any:
    """A workspace whose own data (names, descriptions, measures) is English."""
    from inspector.services.follow_up import create_follow_up
    from inspector.services.interviews import create_interview
    from inspector.services.leads import create_lead
    from inspector.services.problems import create_problem
    from inspector.services.rectification import EvidenceFile, act, add_item
    from inspector.services.team import add_court, add_member, create_campaign
    from inspector.services.workspaces import create_workspace

    s = create_workspace(path, member_name="Li Jianguo", unit="High Court")
    court = add_court(s, name="Riverside Court", level="基层")
    add_member(s, name="Wang Fang", unit="Enforcement", role="verifier")
    campaign = create_campaign(s, name="Autumn inspection", target_courts=[court])
    problem = create_problem(
        s,
        court_id=court,
        category="消极执行",
        description="Assets found late in 3 cases",
        campaign_id=campaign,
    )
    add_item(
        s,
        problem_id=problem,
        measure="Check assets within 3 working days",
        kind="限期整改",
        deadline=dt.date.today() + dt.timedelta(days=20),
        responsible_unit="Enforcement office",
        responsible_person="Zhao",
    )
    create_lead(
        s,
        source="其他途径",
        received_date=dt.date.today(),
        summary="Applicant says nothing happened",
        court_id=court,
    )
    create_interview(s, method="座谈", date=dt.date.today(), court_id=court, text="Talk")
    closed = add_item(
        s, problem_id=problem, measure="List the assets of every case", kind="立行立改"
    )
    act(s, item_id=closed, action="start")
    proof = [EvidenceFile("proof.txt", b"done")]
    act(s, item_id=closed, action="submit", note="Done", evidence=proof)
    act(s, item_id=closed, action="close", note="Checked")
    create_follow_up(
        s,
        follows="Autumn inspection",
        name="Spring follow-up",
        start_date=dt.date.today() + dt.timedelta(days=1),
    )
    return s


def main(out: Path) -> int:
    os.environ.setdefault("INSPECTOR_DATA_DIR", tempfile.mkdtemp())
    QCoreApplication.setOrganizationName("inspector-english-probe")
    app = QApplication(sys.argv[:1])
    from inspector.ui.i18n import install_translators

    translators = install_translators(app, "en")
    folder = Path(tempfile.mkdtemp())
    session = workspace(folder / "en.ledger")
    from inspector.ui.main_window import MainWindow

    found: dict[str, str] = {}
    window = MainWindow(session)
    window.show()
    pump(app)
    for key in window.page_keys:
        page = window.show_page(key)
        for view in page.findChildren(QAbstractItemView):
            if (
                view.model() is not None
                and view.model().rowCount(QModelIndex())
                and view.isVisible()
            ):
                view.selectRow(0) if hasattr(view, "selectRow") else None
        pump(app)
        scan(f"page {key}", window, found)
    from inspector.services import records
    from inspector.services.search import global_search
    from inspector.ui.court_workbook_dialog import CourtWorkbookDialog
    from inspector.ui.dialogs import ItemDialog, ProblemDialog
    from inspector.ui.new_workspace_wizard import NewWorkspaceWizard
    from inspector.ui.report_dialogs import CaseImportDialog, ReportDialog, SamplingDialog
    from inspector.ui.search_dialog import SearchDialog
    from inspector.ui.security_dialogs import BackupsDialog
    from inspector.ui.sync_dialogs import ConflictsDialog
    from inspector.ui.system_check_dialog import SystemCheckDialog

    problem = records.find(session, "problem")[0]["id"]
    from inspector.services.follow_up import follow_ups, recheck_candidates
    from inspector.ui.follow_up import FollowUpDialog, RecheckDialog

    (follow_up,) = follow_ups(session)
    (recheck,) = recheck_candidates(session, campaign_id=follow_up.id)
    ledger = window.show_page("ledger")
    ledger.follow_up.combo.setCurrentIndex(ledger.follow_up.combo.findData(follow_up.id))
    ledger.open_record("rectification_item", recheck.item_id)
    pump(app)
    scan("page ledger, the follow-up's view", window, found)
    leads = window.show_page("leads")
    leads.ui.newLead.click()
    pump(app)
    for name, dialog in (
        ("problem", ProblemDialog(session, window)),
        ("item", ItemDialog(session, problem, window)),
        ("new workspace", NewWorkspaceWizard(folder, window)),
        ("new lead", leads.dialog),
        ("case import", CaseImportDialog(session, window)),
        ("sampling", SamplingDialog(session, window)),
        ("reports", ReportDialog(session, window)),
        ("conflicts", ConflictsDialog(session, window)),
        ("backups", BackupsDialog(session, window)),
        ("system check", SystemCheckDialog(session, window)),
        ("court workbook", CourtWorkbookDialog(session, window)),
        ("search", SearchDialog("Assets", global_search(session, query="Assets"), window)),
        ("new follow-up", FollowUpDialog(session, window)),
        ("re-check", RecheckDialog(session, follow_up, recheck, window)),
    ):
        dialog.show()
        pump(app)
        scan(f"dialog {name}", dialog, found)
        dialog.done(0)
    from inspector.demo.court import liaison_workspace
    from inspector.ui.court_dialogs import PlanDialog, ProgressDialog
    from inspector.ui.court_progress_dialog import CourtProgressDialog
    from inspector.ui.court_window import CourtWindow
    from inspector.ui.proposals_dialog import ProposalsDialog

    court = liaison_workspace(
        session,
        folder / "court.ledger",
        member="Zhang",
        unit="Riverside Court",
        measure="Weekly asset checks",
        send_back=True,
    )
    court_window = CourtWindow(court)
    court_window.show()
    for n in range(court_window.tabs.count()):
        court_window.tabs.setCurrentIndex(n)
        tree = court_window.items_page.tree
        if tree.topLevelItemCount():
            tree.setCurrentItem(tree.topLevelItem(0).child(0))
        pump(app)
        scan(f"court page {n}", court_window, found)
    for name, dialog in (
        ("court plan", PlanDialog("Plan", "Problem", lambda v: v, court_window)),
        ("court progress", ProgressDialog("Item", lambda *a: a, court_window)),
        ("court proposals", ProposalsDialog(session, window)),
        ("court progress", CourtProgressDialog(session, window)),
    ):
        dialog.show()
        pump(app)
        scan(f"dialog {name}", dialog, found)
        dialog.done(0)
    court_window.close()
    window.confirm_leave_all = lambda: True  # type: ignore[method-assign]
    window.close()
    out.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
