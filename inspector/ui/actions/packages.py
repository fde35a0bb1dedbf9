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
        from ...services.rectification import unauthorized_actions
        from ...services.roster import trusted_identities

        w = self.window
        if unauthorized_actions(w.session) and not self.take_back_unauthorized():
            return
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
        decide = getattr(self.window, "show_proposals", None)
        waiting = 0
        if decide is not None and fresh:
            from ...services.court_loop import pending_proposals

            waiting = len(pending_proposals(self.window.session))
        if waiting:
            text += self.tr(" {0} plan(s) of inspected courts wait for your decision.").format(
                waiting
            )
            self.window.notify(text, kind="warning", action=(self.tr("Decide…"), decide))
            return
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
        from ..results import show_written

        show_written(
            w if isinstance(w, QtWidgets.QWidget) else None, title, text, Path(target).parent
        )

    def choose_roster_import(self) -> None:
        w = self.window
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            w, self.tr("Import roster or identity card"), str(w.default_folder())
        )
        if chosen:
            self.open_roster_file(Path(chosen))

    def open_roster_file(self, path: Path) -> None:
        """Read the card or roster, show its key fingerprint to compare with its owner's
        (一致 / 不一致) and, for a card, whom on the member list it belongs to; trust it only
        after 一致."""
        from ...services.roster import read_roster_file
        from ..sync_dialogs import TrustDialog

        w = self.window
        try:
            preview = read_roster_file(w.session, path=path)
        except UserError as e:
            QtWidgets.QMessageBox.warning(w, self.tr("Cannot import"), str(e))
            return
        dialog = TrustDialog(preview, w)
        self.trust_dialog = dialog
        dialog.finished.connect(lambda code: self._trusted(path, preview, dialog, code))
        dialog.open()

    def _trusted(self, path: Path, preview: Any, dialog: Any, code: int) -> None:
        from ...services.roster import import_roster_file

        w = self.window
        if code != QtWidgets.QDialog.DialogCode.Accepted:
            w.notify(
                self.tr("Nothing was trusted: the fingerprints did not match."), kind="warning"
            )
            return
        try:
            result = import_roster_file(
                w.session,
                path=path,
                link_to=dialog.link_to(),
                fingerprint=preview.fingerprint,
                court=dialog.court_id(),
            )
        except UserError as e:
            QtWidgets.QMessageBox.warning(w, self.tr("Cannot import"), str(e))
            return
        if result.kind == "card":
            text = self.tr(
                "{0}'s laptop is now on the roster. Sign the roster again and send it to the team."
            ).format(result.identities[0].name)
        else:
            text = self.tr("Roster version {0} imported.").format(result.version)
        w.notify(text)
        w.refresh()
        self.check_unauthorized()

    # --- actions the roster did not allow --------------------------------------------------
    def check_unauthorized(self) -> None:
        """This laptop's 销号 / 退回 / 重开 taken without the role for them: say so, with the
        button that takes them back (the leader refuses packages that hold them)."""
        from ...services.rectification import unauthorized_actions

        w = self.window
        try:
            found = unauthorized_actions(w.session)
        except UserError:
            return
        if found:
            w.notify(
                self.tr(
                    "{0} item action(s) here (销号, 退回 or 重开) were taken when the roster did not "
                    "give this laptop the leader's or a verifier's role: the leader refuses every "
                    "package that holds them. Take them back, then export again."
                ).format(len(found)),
                kind="warning",
                action=(self.tr("Take them back…"), self.take_back_unauthorized),
            )

    def take_back_unauthorized(self) -> bool:
        from ...services.rectification import take_back_unauthorized, unauthorized_actions

        w = self.window
        found = unauthorized_actions(w.session)
        if not found:
            return True
        listing = "\n".join(f"· {a.action}：{a.measure}（{a.at[:16]}）" for a in found[:12])
        answer = QtWidgets.QMessageBox.question(
            w,
            self.tr("Take back"),
            self.tr(
                "Take back these actions? Each item returns to the state it had before; the "
                "change is recorded and travels with your next package.\n{0}"
            ).format(listing),
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return False
        try:
            taken = take_back_unauthorized(w.session)
        except UserError as e:
            QtWidgets.QMessageBox.warning(w, self.tr("Take back"), str(e))
            return False
        w.notify(self.tr("{0} action(s) taken back. Export the package again.").format(len(taken)))
        w.refresh()
        return True
