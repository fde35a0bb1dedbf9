"""Domain terms the services hand the UI in Chinese (list headers, states, stages, sources,
categories, light labels …), shown in the user's language: Simplified Chinese as stored, or
English from the ``Terms`` context of the English translation (``inspector_en.qm``, built
from :mod:`.terms_en` by ``installers/build_translations.py``).

Runs on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def term(value: Any) -> str:
    """The value in the user's language; values that are not terms (names, case numbers,
    free text) come back as they are."""
    if value is None:
        return ""
    text = str(value)
    return QCoreApplication.translate("Terms", text) if text else text
