"""Open every page and dialog of the app on a laptop's screen and report what does not fit.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=1.5 \\
        python -m tests.ui.layout_probe OUT.json

The screen is what the config file says (1366×768 for an inspector's laptop; 150 % makes it
911×512 logical pixels). Every window must lie inside the available screen, and every button
and input of it inside the window and the screen — or inside a scroll area that does — and
each checklist reason must be laid out at least 12 characters wide. Writes the problems found
(an empty list when everything fits) as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INPUTS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)
SLACK = 2  # pixels of rounding at fractional scales


def pump(app: QApplication, times: int = 6) -> None:
    for _ in range(times):
        app.processEvents()


def _in_scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return grand
        parent = grand
    return None


def _global(widget: QWidget) -> QRect:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return QRect(top_left, widget.size())


def _inside(inner: QRect, outer: QRect) -> bool:
    return (
        inner.left() >= outer.left() - SLACK
        and inner.top() >= outer.top() - SLACK
        and inner.right() <= outer.right() + SLACK
        and inner.bottom() <= outer.bottom() + SLACK
    )


def check_window(name: str, window: QWidget, problems: list[str]) -> None:
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not _inside(frame, screen):
        problems.append(f"{name}: window {frame.getRect()} outside the screen {screen.getRect()}")
    area = QRect(window.mapToGlobal(window.rect().topLeft()), window.size())
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(window):
            continue
        if widget.window() is not window or widget.width() <= 0:
            continue
        rect = _global(widget)
        holder = _in_scroll_area(widget)
        if holder is not None and holder.objectName() == "pageHolder":
            # a page must fit the room it has: the page-wide scroll bar is a last resort
            holder_rect = _global(holder.viewport())
            if not _inside(rect, holder_rect):
                problems.append(f"{name}: {_label(widget)} at {rect.getRect()} needs scrolling")
            continue
        if holder is not None:
            if holder.isVisibleTo(window) and not _inside(_global(holder), area):
                problems.append(f"{name}: the scroll area of {_label(widget)} is cut off")
            continue
        if not _inside(rect, area) or not _inside(rect, screen):
            problems.append(f"{name}: {_label(widget)} at {rect.getRect()} is off the window")


def _label(widget: QWidget) -> str:
    text = ""
    for attr in ("text", "placeholderText", "currentText"):
        get = getattr(widget, attr, None)
        if callable(get):
            try:
                text = str(get())
            except TypeError:
                continue
            if text:
                break
    return f"{type(widget).__name__} {widget.objectName() or ''} “{text[:20]}”".strip()


def main(out: Path) -> int:
    os.environ.setdefault("INSPECTOR_DATA_DIR", tempfile.mkdtemp())
    QCoreApplication.setOrganizationName("inspector-layout-probe")
    app = QApplication(sys.argv[:1])
    from inspector.demo import build_demo
    from inspector.ui.screen import install_screen_guard

    guard = install_screen_guard(app) if not os.environ.get("PROBE_NO_GUARD") else None
    from inspector.ui.i18n import install_translators

    translators = install_translators(app, os.environ.get("PROBE_LANGUAGE", "zh_CN"))
    folder = Path(tempfile.mkdtemp())
    session = build_demo(
        folder / "demo.ledger", scale="small", seed=1, as_of=dt.date(2026, 11, 20), follow_up=True
    )
    from inspector.ui.main_window import MainWindow

    problems: list[str] = []
    window = MainWindow(session)
    window.show()
    pump(app)
    screen = app.primaryScreen().availableGeometry()
    report: dict[str, Any] = {"screen": screen.getRect(), "problems": problems}
    for key in window.page_keys:
        page = window.show_page(key)
        if key == "reviews":
            case = session.conn.execute(
                "SELECT case_id FROM reviews WHERE template_code = 'zhongben-2018' LIMIT 1"
            ).fetchone()[0]
            page.open_record("case", case)
        pump(app)
        check_window(f"page {key}", window, problems)
        if key == "reviews":
            check_reviews(page, problems)
        if key == "ledger":
            check_follow_up_view(app, page, window, problems)
    check_dialogs(app, dialogs(window, session, folder), report, problems)
    from inspector.demo.court import liaison_workspace

    court = liaison_workspace(
        session,
        folder / "court.ledger",
        measure="建立问题清单、责任清单、整改清单，逐案整改并建立长效机制",
    )
    from inspector.ui.court_window import CourtWindow

    court_window = CourtWindow(court)
    court_window.show()
    for n in range(court_window.tabs.count()):
        court_window.tabs.setCurrentIndex(n)
        pump(app)
        check_window(f"court page {n}", court_window, problems)
    check_dialogs(app, court_dialogs(court_window, court, session), report, problems)
    court_window.close()
    window.confirm_leave_all = lambda: True  # type: ignore[method-assign]
    window.close()
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    del guard, translators
    return 0


def court_dialogs(window: Any, court: Any, leader: Any) -> list[tuple[str, QWidget]]:
    from inspector.services.roster import RosterFile, my_identity
    from inspector.ui.court_dialogs import PlanDialog, ProgressDialog
    from inspector.ui.court_progress_dialog import CourtProgressDialog
    from inspector.ui.proposals_dialog import ProposalsDialog
    from inspector.ui.sync_dialogs import TrustDialog

    liaison = my_identity(court)
    courts = tuple((r[0], r[1]) for r in leader.conn.execute("SELECT id, name FROM courts"))
    problem = "终本案件未采取限制消费措施，涉及案件12件，如（2024）云0102执23号"
    return [
        (
            "court plan",
            PlanDialog(
                "整改方案",
                f"问题：{problem}",
                lambda v: v,
                window,
                values={"measure": "逐案补充限制消费措施", "responsible_unit": "执行局"},
            ),
        ),
        ("court progress", ProgressDialog(f"整改事项：{problem}", lambda *a: a, window)),
        ("court proposals", ProposalsDialog(leader, window)),
        ("court progress", CourtProgressDialog(leader, window)),
        (
            "trust liaison card",
            TrustDialog(RosterFile("card", liaison, None, (liaison,), (), courts), window),
        ),
    ]


def check_dialogs(
    app: QApplication,
    found: list[tuple[str, QWidget]],
    report: dict[str, Any],
    problems: list[str],
) -> None:
    for name, dialog in found:
        dialog.show()
        pump(app)
        report.setdefault("dialogs", {})[name] = dialog.frameGeometry().getRect()
        check_window(f"dialog {name}", dialog, problems)
        dialog.done(0)
        dialog.deleteLater()
        pump(app)


def check_follow_up_view(app: QApplication, page: Any, window: Any, problems: list[str]) -> None:
    """The ledger page in a 回头看's view: its rates above the list, an item to re-check."""
    import time

    combo = page.follow_up.combo
    combo.setCurrentIndex(1)
    deadline = time.monotonic() + 30
    while not page.follow_up.rates.isVisible() and time.monotonic() < deadline:
        pump(app)
        time.sleep(0.01)
    if not page.follow_up.rates.isVisible():
        problems.append("ledger: the follow-up's rates did not show")
    for row in range(page.model.rowCount()):
        page.ui.itemTable.selectRow(row)
        if page.follow_up.button.isEnabled():
            break
    pump(app)
    check_window("page ledger (follow-up)", window, problems)
    combo.setCurrentIndex(0)
    pump(app)


def check_reviews(page: Any, problems: list[str]) -> None:
    """Every item of the checklist with its verdict and whole reason, each reason at least 12
    characters wide; the case list shows 评查状态 and 抽样 without sideways scrolling."""
    cards = page.editor.cards
    if len(cards) != 5:
        problems.append(f"reviews: {len(cards)} checklist items shown, not 5")
    for card in cards:
        chars = card.reason.width() / card.reason.fontMetrics().horizontalAdvance("中")
        if chars < 12:
            problems.append(f"reviews: the reason of {card.code} is {chars:.1f} characters wide")
        if card.reason.height() < card.reason.heightForWidth(card.reason.width()) - SLACK:
            problems.append(f"reviews: the reason of {card.code} is cut")
    table = page.ui.caseTable
    header = table.horizontalHeader()
    view = table.viewport().width()
    for key in ("case_number", "review", "sampled"):
        column = page.cases.column_of(key)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        if right > view + SLACK:
            problems.append(f"reviews: the {key} column ends at {right}, the list is {view} wide")


def dialogs(window: Any, session: Any, folder: Path) -> list[tuple[str, QWidget]]:
    from inspector.domain.checklists import ItemCheck
    from inspector.services import records
    from inspector.services.follow_up import follow_ups, recheck_candidates
    from inspector.services.packages import ImportResult
    from inspector.services.roster import MemberMatch, RosterFile, my_identity
    from inspector.ui.court_workbook_dialog import CourtWorkbookDialog
    from inspector.ui.dialogs import ItemDialog, ProblemDialog
    from inspector.ui.document_dialog import DocumentDialog
    from inspector.ui.follow_up import FollowUpDialog, RecheckDialog
    from inspector.ui.new_workspace_wizard import NewWorkspaceWizard
    from inspector.ui.note_dialog import NoteDialog
    from inspector.ui.record_actions import HistoryDialog
    from inspector.ui.report_dialogs import CaseImportDialog, ReportDialog, SamplingDialog
    from inspector.ui.search_dialog import SearchDialog
    from inspector.ui.security_dialogs import BackupsDialog, ChangePasswordDialog, PasswordDialog
    from inspector.ui.step_dialog import Spec, StepDialog
    from inspector.ui.sync_dialogs import ConflictsDialog, ImportPreviewDialog, TrustDialog
    from inspector.ui.system_check_dialog import SystemCheckDialog
    from inspector.ui.viewer import AttachmentViewer

    _ = ItemCheck
    problem = records.find(session, "problem")[0]["id"]
    item = records.find(session, "rectification_item")[0]["id"]
    me = my_identity(session)
    result = ImportResult(
        "pkg",
        "王芳",
        "device",
        "2026-11-20T09:00:00+08:00",
        False,
        1200,
        0,
        {"problem": 12, "rectification_item": 30},
        {"case": 4},
        0,
        2,
    )
    leads = window.pages["leads"]
    (follow_up,) = follow_ups(session)
    recheck = next(
        i for i in recheck_candidates(session, campaign_id=follow_up.id) if i.state == "已销号"
    )
    specs = [
        Spec(
            "conclusions",
            "检查结论",
            "checks",
            [
                ("执行监督纠正", "a"),
                ("督促限期办理", "b"),
                ("违纪行为处分", "c"),
                ("通报约谈及纳入考评", "d"),
            ],
        ),
        Spec("date", "结论日期", "date", default=dt.date(2026, 11, 20)),
        Spec("note", "结论说明", "text"),
        Spec("deadline", "限期办理期限", "date", default=dt.date(2026, 12, 20)),
        Spec("measure", "督办意见（整改措施）", "line"),
        Spec("referral", "移送处理情况", "line"),
    ]
    from inspector.services.search import global_search

    return [
        ("problem", ProblemDialog(session, window)),
        ("item", ItemDialog(session, problem, window)),
        (
            "lead step",
            StepDialog(
                "检查结论", "联席会议会商形成检查结论（第九条）。", specs, lambda v: v, leads
            ),
        ),
        ("new workspace", NewWorkspaceWizard(folder, window)),
        ("case import", CaseImportDialog(session, window)),
        ("sampling", SamplingDialog(session, window)),
        ("reports", ReportDialog(session, window)),
        ("import preview", ImportPreviewDialog([folder / "王芳.ledgerpkg"], [result], window)),
        ("conflicts", ConflictsDialog(session, window)),
        ("backups", BackupsDialog(session, window)),
        ("password", PasswordDialog(folder / "demo.ledger", window)),
        ("change password", ChangePasswordDialog(window)),
        ("history", HistoryDialog(session, problem, window)),
        ("note", NoteDialog("销号", "<b>整改措施</b><br>问题", lambda n: True, window)),
        (
            "trust",
            TrustDialog(
                RosterFile(
                    "card",
                    me,
                    None,
                    (me,),
                    (MemberMatch("m", "王芳", "审管办", "inspector", True),),
                ),
                window,
            ),
        ),
        (
            "viewer",
            AttachmentViewer("说明.txt", "整改情况说明\n".encode() * 200, "text/plain", window),
        ),
        ("search", SearchDialog("终本", global_search(session, query="终本"), window)),
        ("item edit", ItemDialog(session, problem, window, item_id=item)),
        ("system check", SystemCheckDialog(session, window)),
        ("court workbook", CourtWorkbookDialog(session, window)),
        (
            "feedback draft",
            DocumentDialog(session, records.find(session, "court")[1]["id"], window),
        ),
        ("new follow-up", FollowUpDialog(session, window)),
        ("re-check", RecheckDialog(session, follow_up, recheck, window)),
    ]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
