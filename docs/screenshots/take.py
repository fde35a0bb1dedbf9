"""Take the README's screenshots of the app on the demo workspace.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take.py

Builds a fresh demo workspace (fixed seed and date, so pictures are stable) in a
temporary folder, shows each page at an inspector's laptop size (1366×768) and saves
``docs/screenshots/*.png``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parent.parent))


def main() -> int:
    os.environ.setdefault("INSPECTOR_DATA_DIR", tempfile.mkdtemp())
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from inspector.demo import build_demo
    from inspector.ui.i18n import current_language, install_translators
    from inspector.ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("inspector-ledger-screenshots")
    app = QApplication(sys.argv[:1])
    translators = install_translators(app, current_language(QSettings()))
    path = Path(os.environ["INSPECTOR_DATA_DIR"]) / "demo.ledger"
    session = build_demo(path, scale="small", seed=1, as_of=dt.date(2026, 11, 20))
    window = MainWindow(session)
    window.show()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    window.setGeometry(0, 0, 1366, 768)
    pages(app, window)
    report_page(session)
    court_pages(app, window, session, Path(os.environ["INSPECTOR_DATA_DIR"]))
    window.close()
    sync_pages(app, Path(os.environ["INSPECTOR_DATA_DIR"]))
    security_dialogs(app, Path(os.environ["INSPECTOR_DATA_DIR"]))
    del translators
    return 0


def pages(app, window) -> None:  # type: ignore[no-untyped-def]
    """Every page, each showing a typical record."""
    save(app, window, "main-window.png")
    reviews = window.show_page("reviews")
    failing = window.session.conn.execute(
        """SELECT r.case_id FROM reviews r JOIN review_answers a ON a.review_id = r.id
           WHERE a.result = '不符合' AND r.template_code = 'zhongben-2018' LIMIT 1"""
    ).fetchone()[0]
    reviews.open_record("case", failing)
    save(app, window, "page-reviews.png")
    for card in reviews.editor.cards:
        if card.answer_value() == "不符合":
            card.pick.setChecked(True)
    reviews.make_problems()
    dialog = reviews.problem_dialog
    save(app, dialog, "problem-dialog.png")
    dialog.done(0)
    interviews = window.show_page("interviews")
    with_photo = window.session.conn.execute(
        "SELECT owner_id FROM attachments WHERE owner_type = 'interview' LIMIT 1"
    ).fetchone()[0]
    interviews.open_record("interview", with_photo)
    save(app, window, "page-interviews.png")
    photo = window.session.conn.execute(
        "SELECT id FROM attachments WHERE owner_type = 'interview' AND mime LIKE 'image/%' LIMIT 1"
    ).fetchone()[0]
    from inspector.ui.viewer import show_attachment

    viewer = show_attachment(window.session, photo, window)
    viewer.resize(900, 640)
    viewer.fit()
    save(app, viewer, "viewer.png")
    viewer.close()
    problems = window.show_page("problems")
    problems.ui.problemTable.selectRow(0)
    save(app, window, "page-problems.png")
    ledger = window.show_page("ledger")
    ledger.ui.itemTable.selectRow(3)
    save(app, window, "page-ledger.png")
    leads = window.show_page("leads")
    leads.ui.leadTable.selectRow(6)
    save(app, window, "page-leads.png")
    window.show_page("team")
    save(app, window, "page-team.png")
    window.show_page("dashboard")
    window.ui.searchEdit.setText("终本")
    window.search()
    import time

    deadline = time.monotonic() + 30
    while window.search_dialog is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.search_dialog.resize(900, 540)
    save(app, window.search_dialog, "search.png")
    window.search_dialog.close()


def report_page(session) -> None:  # type: ignore[no-untyped-def]
    """Page 1 of each kind of document as a court's office sees it: the Word files as
    LibreOffice lays them out (and the Excel ledger as it prints), rendered by pdftoppm."""
    import shutil
    import subprocess

    from inspector.services.reports import Letterhead, write_reports

    pdftoppm = shutil.which("pdftoppm")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if pdftoppm is None:
        print("pdftoppm not found (apt-get install poppler-utils): report pages skipped")
        return
    folder = Path(tempfile.mkdtemp())
    court = session.conn.execute(
        "SELECT c.name FROM problems p JOIN courts c ON c.id = p.court_id "
        "GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    today = dt.date(2026, 11, 20)
    kinds = {
        "report-page-1": {"kind": "feedback"},
        "doc-court-feedback": {"kind": "feedback", "court": court},
        "doc-court-rectification": {"kind": "rectification", "court": court},
        "doc-topic": {
            "kind": "topic",
            "letterhead": Letterhead(
                issuer="云南省高级人民法院执行局", doc_number="云高法执〔2026〕7号", signer="张立"
            ),
        },
    }
    for name, kwargs in kinds.items():
        docx = folder / f"{name}.docx"
        pdf = folder / f"{name}.pdf"
        write_reports(session, docx=docx, pdf=pdf, today=today, **kwargs)
        if soffice:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                check=True,
                capture_output=True,
            )
        render(pdftoppm, pdf, name)
    xlsx = folder / "ledger.xlsx"
    write_reports(session, xlsx=xlsx, today=today)
    if soffice:
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)],
            check=True,
            capture_output=True,
        )
        render(pdftoppm, folder / "ledger.pdf", "doc-ledger", resolution=45)


def render(pdftoppm: str, pdf: Path, name: str, resolution: int = 70) -> None:
    import subprocess

    subprocess.run(
        [
            pdftoppm,
            *("-png", "-r", str(resolution), "-f", "1", "-l", "1", "-singlefile"),
            str(pdf),
            str(OUT / name),
        ],
        check=True,
    )
    print(f"saved {OUT / (name + '.png')}")


def court_pages(app, window, session, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The inspected court's window (its liaison's workspace beside the demo), and the leader
    deciding the courts' plans."""
    from inspector.demo.court import liaison_workspace
    from inspector.ui.court_window import CourtWindow
    from inspector.ui.proposals_dialog import ProposalsDialog

    court = liaison_workspace(
        session,
        folder / "court.ledger",
        measure="建立终本案件限制消费措施核查台账，每月逐案复查一次",
        send_back=True,
    )
    court_window = CourtWindow(court)
    court_window.show()
    court_window.setGeometry(0, 0, 1366, 768)
    tree = court_window.items_page.tree
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    save(app, court_window, "court-items.png")
    court_window.tabs.setCurrentIndex(1)
    save(app, court_window, "court-feedback.png")
    court_window.close()
    dialog = ProposalsDialog(session, window)
    dialog.show()
    save(app, dialog, "court-proposals.png")
    dialog.close()


def save(app, widget, name: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        app.processEvents()
    target = OUT / name
    widget.grab().save(str(target))
    print(f"saved {target}")


def sync_pages(app, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The import preview and the conflict page, on a three-laptop team."""
    from inspector.services import records
    from inspector.services.packages import export_package, preview_import
    from inspector.services.problems import create_problem
    from inspector.ui.main_window import MainWindow
    from inspector.ui.sync_dialogs import ImportPreviewDialog
    from tests.sync.team import Team

    team = Team(folder / "team", members=2)
    leader, wang, zhao = team.laptops
    pid = create_problem(
        leader,
        court_id=team.court,
        category="消极执行",
        subtype="网上节点超期",
        description="网络查控发起超过5个工作日",
    )
    team.send(leader, wang)
    team.send(leader, zhao)
    records.update(
        wang,
        "problem",
        pid,
        {"description": "（2024）云0102执88号等3件案件网络查控发起超过5个工作日"},
    )
    records.update(zhao, "problem", pid, {"description": "网络查控发起普遍超期，最长达15个工作日"})
    records.update(zhao, "problem", pid, {"severity": "较重"})
    create_problem(
        zhao,
        court_id=team.court,
        category="作风不正",
        subtype="冷横硬推",
        description="执行窗口接待态度生硬",
    )
    team.send(wang, leader)
    pkg = export_package(zhao, path=team.file("zhao.ledgerpkg")).path
    preview = ImportPreviewDialog([pkg], [preview_import(leader, path=pkg)])
    preview.show()
    save(app, preview, "import-preview.png")
    preview.close()
    from inspector.services.packages import import_package

    import_package(leader, path=pkg)
    window = MainWindow(leader)
    window.show_conflicts()
    dialog = window.conflicts_dialog
    dialog.resize(1000, 560)
    save(app, dialog, "conflicts.png")
    dialog.close()
    window.close()
    team.close()


def security_dialogs(app, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Unlocking an encrypted workspace (after a wrong password) and the backups dialog."""
    from inspector.services.security import backup_now, daily_backup
    from inspector.services.session import open_session
    from inspector.services.workspaces import create_workspace
    from inspector.ui.security_dialogs import BackupsDialog, PasswordDialog

    path = folder / "王芳的台账.ledger"
    create_workspace(path, member_name="王芳", role="inspector", password="correct-horse").close()
    dialog = PasswordDialog(path)
    dialog.show()
    dialog.password.setText("wrong-password")
    dialog.accept()
    save(app, dialog, "unlock.png")
    dialog.close()
    session = open_session(path, password="correct-horse")
    start = dt.datetime(2026, 11, 16, 8, 30)
    for day in range(5):
        daily_backup(session, now=start + dt.timedelta(days=day))
    backup_now(session, now=dt.datetime(2026, 11, 20, 17, 45))
    backups = BackupsDialog(session)
    backups.show()
    backups.list.setCurrentRow(0)
    save(app, backups, "backups.png")
    backups.close()
    session.close()


if __name__ == "__main__":
    sys.exit(main())
