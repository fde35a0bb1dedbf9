"""The checklist of a review as a column of item cards, each readable on a small laptop.

Each card shows the item, the automatic verdict with its whole reason (wrapped, never cut),
the reviewer's conclusion (符合 / 不符合 / 不适用 / 待核实) and a note; a tick marks the 不符合
items to turn into problems. The cards scroll; nothing needs sideways scrolling.

Runs on the GUI thread.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.checklists import Answer, ItemCheck, Verdict
from .terms import term

VERDICT_COLORS = {
    Verdict.PASS: "#2e7d32",
    Verdict.FAIL: "#c62828",
    Verdict.UNKNOWN: "#8d6e00",
    Verdict.NOT_DUE: "#1565c0",
}
ANSWER_COLORS = {
    Answer.PASS: "#2e7d32",
    Answer.FAIL: "#c62828",
    Answer.TO_VERIFY: "#8d6e00",
    Answer.NOT_APPLICABLE: "#616161",
    Answer.NOT_DUE: "#1565c0",
}
VERDICT_MARKS = {Verdict.PASS: "✔", Verdict.FAIL: "✘", Verdict.UNKNOWN: "？", Verdict.NOT_DUE: "…"}


class WrapLabel(QLabel):
    """Rich text wrapped to the width it is given, as tall as that takes (a plain QLabel's size
    hint guesses a width of its own, and the cards came out far too tall or too short)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _width(self) -> int:
        return self.width() if self.width() > 1 else self.fontMetrics().horizontalAdvance("中") * 24

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("中") * 24, self.heightForWidth(self._width())
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("中") * MIN_CHARS,
            self.heightForWidth(self._width()),
        )


#: the narrowest a reason is laid out, in characters
MIN_CHARS = 12


class ItemCard(QFrame):
    """One checklist item: text, verdict and reason, conclusion, note, problem tick."""

    edited = Signal()

    def __init__(self, check: ItemCheck, answer: str, note: str) -> None:
        super().__init__()
        self.check = check
        self.code = check.item.code
        self.setObjectName("itemCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.pick = QCheckBox()
        self.pick.setToolTip(self.tr("Tick 不符合 items to turn them into a problem"))
        self.pick.toggled.connect(lambda _on: self.edited.emit())
        self.title = WrapLabel(f"<b>{escape(self.code)}</b>　{escape(check.item.text)}")
        self.reason = WrapLabel(self._verdict_html())
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer = QComboBox()
        for a in Answer:
            self.answer.addItem(term(a.value), a.value)
        self.answer.setCurrentIndex(max(0, self.answer.findData(answer)))
        self.answer.setToolTip(self.tr("Your conclusion on this item"))
        self.answer.currentIndexChanged.connect(self._answer_changed)
        self.note = QLineEdit(note)
        self.note.setPlaceholderText(self.tr("Note on this item"))
        self.note.textEdited.connect(lambda _t: self.edited.emit())
        self.answer.setFixedWidth(self.fontMetrics().horizontalAdvance("中") * 6 + 36)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.title)
        texts.addWidget(self.reason)
        texts.addWidget(self.note)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(8)
        row.addWidget(self.pick, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        row.addWidget(self.answer, 0, Qt.AlignmentFlag.AlignTop)
        self._answer_changed()

    def _verdict_html(self) -> str:
        result = self.check.result
        if result is None:
            return f"<span style='color:#616161'>{escape(self.tr('Judged by the reviewer'))}</span>"
        color = VERDICT_COLORS.get(result.verdict, "#000000")
        mark = VERDICT_MARKS.get(result.verdict, "")
        return (
            f"<span style='color:{color}'><b>{mark} {escape(term(str(result.verdict)))}</b></span>"
            f"　{escape(result.reason)}"
        )

    def _answer_changed(self) -> None:
        value = self.answer_value()
        color = ANSWER_COLORS.get(Answer(value), "#000000")
        self.answer.setStyleSheet(f"QComboBox {{ color: {color}; font-weight: bold; }}")
        failed = value == Answer.FAIL
        self.pick.setEnabled(failed)
        if not failed:
            self.pick.setChecked(False)
        self.edited.emit()

    def answer_value(self) -> str:
        return str(self.answer.currentData())

    def set_answer(self, value: str) -> None:
        self.answer.setCurrentIndex(self.answer.findData(value))

    def note_text(self) -> str:
        return self.note.text()


class ChecklistEditor(QScrollArea):
    """The cards of one review; ``edited`` whenever the reviewer changes anything."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.cards: list[ItemCard] = []
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 4, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.setWidget(self._body)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The cards as tall as their wrapped text needs at the width they have (a wrapped
        label's own size hint guesses another width), so none is stretched or clipped."""
        width = self.viewport().width()
        height = self._layout.totalHeightForWidth(width)
        if height > 0:
            self._body.setMinimumHeight(height)

    def set_footer(self, widget: QWidget) -> None:
        """A widget under the cards that scrolls with them (the reviewer's opinion)."""
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self._footer = widget

    def load(self, checks: list[ItemCheck], answers: dict[str, str], notes: dict[str, str]) -> None:
        self.clear()
        for check in checks:
            code = check.item.code
            card = ItemCard(
                check, answers.get(code, str(Answer.TO_VERIFY)), notes.get(code, "") or ""
            )
            card.edited.connect(self.edited)
            footer = getattr(self, "_footer", None)
            at = self._layout.indexOf(footer) if footer is not None else self._layout.count() - 1
            self._layout.insertWidget(at, card)
            self.cards.append(card)
        self._fit()
        self.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []

    def card(self, code: str) -> ItemCard:
        return next(c for c in self.cards if c.code == code)

    def answers(self) -> dict[str, str]:
        return {c.code: c.answer_value() for c in self.cards}

    def notes(self) -> dict[str, str]:
        return {c.code: c.note_text().strip() for c in self.cards}

    def picked(self) -> list[str]:
        """The ticked 不符合 items, in checklist order."""
        return [c.code for c in self.cards if c.pick.isChecked() and c.pick.isEnabled()]

    def failed(self) -> list[str]:
        return [c.code for c in self.cards if c.answer_value() == Answer.FAIL]
