"""What each workspace was showing: the pages' filters (``…Filter``, ``…Only``) and the
search text, kept per workspace so that opening another one does not show it through the
last one's filters (待核查 / 共0项). Kept in the settings, by the workspace's path.

Runs on the GUI thread.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

State = dict[str, Any]


def _filters(page: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QComboBox, QCheckBox, QLineEdit):
        for widget in page.findChildren(kind):
            if widget.objectName().endswith(("Filter", "Only")):
                found.append(widget)
    return found


def capture(page: QWidget) -> State:
    """The page's filters as they are set."""
    state: State = {}
    for widget in _filters(page):
        name = widget.objectName()
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            ok = data is None or isinstance(data, str | int | float | bool)
            state[name] = {"data": data if ok else None, "text": widget.currentText()}
        elif isinstance(widget, QCheckBox):
            state[name] = widget.isChecked()
        elif isinstance(widget, QLineEdit):
            state[name] = widget.text()
    return state


def apply(page: QWidget, state: State) -> None:
    """Set the page's filters (without their signals: the caller refreshes the page)."""
    for widget in _filters(page):
        name = widget.objectName()
        if name not in state:
            continue
        value = state[name]
        widget.blockSignals(True)
        try:
            if isinstance(widget, QComboBox) and isinstance(value, dict):
                index = widget.findData(value.get("data")) if value.get("data") is not None else -1
                if index < 0:
                    index = widget.findText(str(value.get("text", "")))
                widget.setCurrentIndex(max(index, 0))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
        finally:
            widget.blockSignals(False)


def _key(path: Path | None) -> str:
    text = str(path.resolve()) if path is not None else ""
    return "views/" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class ViewStates:
    """The window's pages' filters per workspace: saved when a workspace is let go, set again
    when it is opened; a page built later gets its workspace's filters when it is built."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings
        self.defaults: dict[str, State] = {}
        self.pending: dict[str, State] = {}
        self.search = ""

    def built(self, key: str, page: QWidget) -> None:
        self.defaults[key] = capture(page)
        if key in self.pending:
            apply(page, self.pending.pop(key))

    def save(self, path: Path | None, pages: dict[str, QWidget], search: str) -> None:
        states = {**self.pending, **{key: capture(page) for key, page in pages.items()}}
        self.settings.setValue(
            _key(path), json.dumps({"pages": states, "search": search}, ensure_ascii=False)
        )

    def load(self, path: Path | None, pages: dict[str, QWidget]) -> str:
        """Set the built pages' filters to the workspace's (or the defaults); returns the
        workspace's search text."""
        try:
            saved = json.loads(str(self.settings.value(_key(path), "") or "{}"))
        except ValueError:
            saved = {}
        states: dict[str, State] = saved.get("pages", {}) if isinstance(saved, dict) else {}
        self.pending = {k: v for k, v in states.items() if k not in pages}
        for key, page in pages.items():
            apply(page, {**self.defaults.get(key, {}), **states.get(key, {})})
        search = saved.get("search", "") if isinstance(saved, dict) else ""
        return search if isinstance(search, str) else ""
