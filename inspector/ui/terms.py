"""Domain terms the services hand the UI in Chinese (list headers, states, stages, sources,
categories, light labels …), shown in the user's language: Simplified Chinese as stored, or
English from the ``Terms`` context of the English translation (``inspector_en.qm``, built
from :mod:`.terms_en` by ``installers/build_translations.py``).

Runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox


def term(value: Any) -> str:
    """The value in the user's language; values that are not terms (names, case numbers,
    free text) come back as they are."""
    if value is None:
        return ""
    text = str(value)
    return QCoreApplication.translate("Terms", text) if text else text


def add_terms(combo: QComboBox, values: Iterable[Any]) -> None:
    """Add domain values to a combo box: shown in the user's language, kept as stored (read
    them back with ``currentData()``, choose with :func:`choose`)."""
    for value in values:
        text = str(value)
        combo.addItem(term(text), text)


def choose(combo: QComboBox, value: Any) -> None:
    """Select the entry holding ``value`` (left as it is when there is none)."""
    index = combo.findData(str(value)) if value is not None else -1
    if index >= 0:
        combo.setCurrentIndex(index)
