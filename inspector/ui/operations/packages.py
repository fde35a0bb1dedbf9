"""Ledger packages: export, the batch preview, the batch import, the integrity check.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...services import packages, security
from ...services.packages import ExportResult, ImportResult
from ...services.search import refresh_index
from ...services.session import Session
from ..ops import Op


def export_package(
    parent: QWidget, session: Session, *, path: Path, recipient: str | None
) -> Op[ExportResult]:
    return Op(
        parent,
        lambda s, progress: packages.export_package(
            s, path=path, since_last_to=recipient, progress=progress
        ),
        workspace=session,
        title=QCoreApplication.translate("Operations", "Export ledger package"),
    ).with_progress(QCoreApplication.translate("Operations", "Exporting ledger package"))


def export_court_package(
    parent: QWidget, session: Session, *, court: str, path: Path
) -> Op[ExportResult]:
    from ...services import court_loop

    return Op(
        parent,
        lambda s, progress: court_loop.export_court_package(
            s, court=court, path=path, progress=progress
        ),
        workspace=session,
        title=QCoreApplication.translate("Operations", "Rectification package for a court"),
    ).with_progress(QCoreApplication.translate("Operations", "Writing rectification package"))


def preview_packages(
    parent: QWidget, session: Session, *, paths: list[Path]
) -> Op[list[ImportResult]]:
    """What a batch would change, read and checked in full, nothing written."""
    return Op(
        parent,
        lambda s, progress: packages.import_packages(
            s, paths=paths, dry_run=True, progress=progress
        ),
        workspace=session,
        title=QCoreApplication.translate("Operations", "Import ledger packages"),
    ).with_progress(QCoreApplication.translate("Operations", "Checking the packages"))


def import_packages(
    parent: QWidget, session: Session, *, paths: list[Path]
) -> Op[list[ImportResult]]:
    """The batch merged in one transaction (each laptop's packages in sequence order, whatever
    order they were picked in), then the search index brought up to date."""

    def work(s: Session, progress: packages.Progress) -> list[ImportResult]:
        results = packages.import_packages(s, paths=paths, progress=progress)
        refresh_index(s)
        return results

    return Op(
        parent,
        work,
        workspace=session,
        title=QCoreApplication.translate("Operations", "Import ledger packages"),
    ).with_progress(QCoreApplication.translate("Operations", "Importing ledger packages"))


def verify_workspace(parent: QWidget, session: Session) -> Op[security.IntegrityReport]:
    return Op(
        parent,
        lambda s, _progress: security.verify_workspace(s),
        workspace=session,
        title=QCoreApplication.translate("Operations", "Check workspace"),
    ).with_progress(
        QCoreApplication.translate(
            "Operations", "Checking every page, the structure and the change history"
        )
    )
