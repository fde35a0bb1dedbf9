"""Ledger packages and the roster, from the main window's menus (GUI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication

from ...errors import UserError
from . import Window

if TYPE_CHECKING:
    from ...services.packages import ImportResult


class PackageActions:
    """Export, the batch import with its preview, conflicts, cards and the roster."""

    def __init__(self, window: Window) -> None:
        #: the window (also a QWidget: the parent of the dialogs the actions open)
        self.window: Any = window
        self.preview_dialog: QtWidgets.QDialog | None = None

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("PackageActions", text)

    # --- export ---------------------------------------------------------------------------
    def choose_export(self) -> None:
        """Ask what to put in the package and where, then export it."""
        from ...services.packages import default_package_name
        from ...services.roster import trusted_identities

        w = self.window
        people = [
            i
            for i in trusted_identities(w.session).values()
            if i.device_id != w.session.device_id and not i.revoked
        ]
        names = [self.tr("Everything (full package)")]
        names += [self.tr("Only what {0} has not seen").format(i.name) for i in people]
        choice, ok = QtWidgets.QInputDialog.getItem(
            w, self.tr("Export ledger package"), self.tr("Contents:"), names, 0, False
        )
        if not ok:
            return
        index = names.index(choice)
        recipient = people[index - 1].member_id if index > 0 else None
        start = str(w.default_folder() / default_package_name(w.session))
        target, _ = QtWidgets.QFileDialog.getSaveFileName(
            w, self.tr("Export ledger package"), start, self.tr("Ledger packages (*.ledgerpkg)")
        )
        if target:
            self.export_to(Path(target), recipient)

    def export_to(self, target: Path, recipient: str | None = None) -> None:
        from ..operations import packages as ops

        w = self.window
        ops.export_package(w, w.session, path=target, recipient=recipient).success(
            lambda result: w.notify(result.summary(), folder=result.path.parent)
        ).run()

    # --- import ---------------------------------------------------------------------------
    def choose_import(self) -> None:
        w = self.window
        chosen, _ = QtWidgets.QFileDialog.getOpenFileNames(
            w,
            self.tr("Import ledger packages"),
            str(w.default_folder()),
            self.tr("Ledger packages (*.ledgerpkg);;All files (*)"),
        )
        if chosen:
            self.import_packages([Path(p) for p in chosen])

    def import_packages(self, paths: list[Path]) -> None:
        """Preview the batch (read and checked in full, nothing written), then, when the user
        accepts, merge it as one batch: each laptop's packages in sequence order whatever order
        they were picked in, all or nothing."""
        from ..operations import packages as ops

        w = self.window
        ops.preview_packages(w, w.session, paths=paths).success(
            lambda results: self._confirm(paths, results)
        ).run()

    def _confirm(self, paths: list[Path], preview: list[ImportResult]) -> None:
        from ..operations import packages as ops
        from ..sync_dialogs import ImportPreviewDialog

        w = self.window
        dialog = ImportPreviewDialog(paths, preview, w)
        self.preview_dialog = dialog

        def decided(code: int) -> None:
            if code == QtWidgets.QDialog.DialogCode.Accepted:
                ops.import_packages(w, w.session, paths=paths).success(self._imported).run()

        dialog.finished.connect(decided)
        dialog.open()

    def _imported(self, results: list[ImportResult]) -> None:
        fresh = [r for r in results if not r.already_imported]
        conflicts = sum(r.new_conflicts for r in fresh)
        text = "；".join(r.summary() for r in fresh) or self.tr("Nothing new was imported.")
        self.window.notify(text, kind="warning" if conflicts else "info")

    def show_conflicts(self) -> None:
        from ..sync_dialogs import ConflictsDialog

        w = self.window
        dialog = ConflictsDialog(w.session, w)
        w.conflicts_dialog = dialog
        dialog.finished.connect(lambda _code: w.refresh())
        dialog.open()

    # --- cards and the roster -------------------------------------------------------------
    def choose_roster_export(self) -> None:
        from ...services.roster import export_identity_card, export_roster, my_identity

        w = self.window
        me = my_identity(w.session)
        leader = me.role == "leader"
        title = self.tr("Sign the team roster") if leader else self.tr("Export my identity card")
        suffix = "roster" if leader else "card"
        start = str(w.default_folder() / f"{me.name}.{suffix}")
        target, _ = QtWidgets.QFileDialog.getSaveFileName(w, title, start)
        if not target:
            return
        try:
            if leader:
                roster = export_roster(w.session, path=Path(target))
                text = self.tr("Roster version {0} signed. Leader key fingerprint:\n{1}").format(
                    roster.version, roster.leader.fingerprint
                )
            else:
                ident = export_identity_card(w.session, path=Path(target))
                text = self.tr(
                    "Identity card saved. Read this fingerprint to the leader:\n{0}"
                ).format(ident.fingerprint)
        except UserError as e:
            QtWidgets.QMessageBox.warning(w, title, str(e))
            return
        QtWidgets.QMessageBox.information(w, title, text)

    def choose_roster_import(self) -> None:
        from ...services.roster import import_roster_file

        w = self.window
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            w, self.tr("Import roster or identity card"), str(w.default_folder())
        )
        if not chosen:
            return
        try:
            result = import_roster_file(w.session, path=Path(chosen))
        except UserError as e:
            QtWidgets.QMessageBox.warning(w, self.tr("Cannot import"), str(e))
            return
        if result.kind == "card":
            ident = result.identities[0]
            text = self.tr("{0}'s laptop is now trusted. Fingerprint:\n{1}").format(
                ident.name, ident.fingerprint
            )
        else:
            assert result.leader is not None
            text = self.tr(
                "Roster version {0} imported. Check the leader's fingerprint:\n{1}"
            ).format(result.version, result.leader.fingerprint)
        QtWidgets.QMessageBox.information(w, self.tr("Roster"), text)
        w.refresh()
