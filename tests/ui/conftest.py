"""Fixtures of the UI tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox


@dataclass
class Messages:
    """The message boxes the app showed, by kind (each the text shown), in order."""

    information: list[str] = field(default_factory=list)
    warning: list[str] = field(default_factory=list)
    critical: list[str] = field(default_factory=list)
    question: list[str] = field(default_factory=list)
    #: every box as (kind, title, text)
    all: list[tuple[str, str, str]] = field(default_factory=list)
    #: what question() answers
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """QMessageBox's static dialogs answered at once and recorded, instead of blocking."""
    shown = Messages()

    def recorder(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *rest: Any, **kw: Any) -> Any:
            getattr(shown, kind).append(text)
            shown.all.append((kind, title, text))
            if kind == "question":
                return shown.answer
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return shown
