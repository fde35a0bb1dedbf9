"""Take the README's screenshots of the app on the demo workspace.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take.py

Builds a fresh demo workspace (fixed seed and date, so pictures are stable) in a
temporary folder, shows each page and saves ``docs/screenshots/*.png``.
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
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from inspector.services.demo import build_demo
    from inspector.ui.i18n import current_language, install_translators
    from inspector.ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("inspector-ledger-screenshots")
    app = QApplication(sys.argv[:1])
    translators = install_translators(app, current_language(QSettings()))
    path = Path(os.environ["INSPECTOR_DATA_DIR"]) / "demo.ledger"
    session = build_demo(path, scale="small", seed=1, as_of=dt.date(2026, 11, 20))
    window = MainWindow(session)
    window.resize(1280, 760)
    window.show()
    for _ in range(5):
        app.processEvents()
    target = OUT / "main-window.png"
    window.grab().save(str(target))
    print(f"saved {target}")
    window.close()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
