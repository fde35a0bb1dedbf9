"""English, when chosen, is complete: on a workspace whose own data is English, no label,
button, title, tab, header, cell, combo item, placeholder, tooltip or menu of the pages
and the main dialogs is left in Chinese (``tests/ui/english_probe.py``, in a fresh
process: translators are application-wide). The language applies on a restart the app
offers at once."""

from __future__ import annotations

from PySide6.QtCore import QProcess, QSettings
from PySide6.QtWidgets import QMessageBox

from inspector.services.workspaces import create_workspace
from inspector.ui.main_window import MainWindow
from tests.ui.probes import run_probe


def test_no_chinese_is_left_in_the_english_interface(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "INSPECTOR_DATA_DIR": str(tmp_path)}
    assert run_probe("tests.ui.english_probe", tmp_path / "chinese.json", env) == {}


def test_choosing_a_language_offers_to_restart_in_it(qtbot, tmp_path, monkeypatch):
    window = MainWindow(create_workspace(tmp_path / "ws.ledger", member_name="李建国"))
    qtbot.addWidget(window)
    window.show()
    started = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QProcess, "startDetached", lambda program, args: started.append(args))
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.quit", lambda *a: None)
    team = window.show_page("team")
    before = QSettings().value("language")
    try:
        team.ui.languageCombo.setCurrentIndex(team.ui.languageCombo.findData("en"))
        team.ui.saveLanguage.click()
        assert QSettings().value("language") == "en"
        assert started and started[0][-1] == str(tmp_path / "ws.ledger")
        assert window.closed
    finally:
        QSettings().setValue("language", before or "zh_CN")


def test_every_domain_term_of_the_reference_data_has_its_english():
    """Checklists, categories and subtypes, list headers: a term added to the reference data
    without its English fails here, not in front of a user."""
    from inspector.reference import checklists, seed_categories
    from inspector.services.lists import SPECS
    from inspector.ui.terms_en import TERMS

    names = {cl.name for cl in checklists().values()}
    for category in seed_categories():
        names.add(category.name)
        names.update(category.subtypes)
    names.update(c.label for spec in SPECS.values() for c in spec.columns if c.label)
    assert sorted(n for n in names if n not in TERMS) == []
