"""座谈走访: the interview log and its editor, with attachments by drag-and-drop or file dialog.

Runs on the GUI thread; long work goes through the operation runner (``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox, QStyle

from ...domain.enums import InterviewMethod, SourceType
from ...errors import UserError
from ...services import records
from ...services.attachments import add_attachment_file, attachment_data
from ...services.interviews import create_interview, update_interview
from ...services.team import courts
from ..dialogs import ProblemDialog, from_qdate, to_qdate
from ..forms.ui_interviews_page import Ui_InterviewsPage
from ..models.record_list import RecordListModel
from .base import Page, select_record, setup_table


def parse_people(text: str) -> list[dict[str, str]]:
    """``王芳（执行法官）；李强`` → names with roles."""
    people = []
    for part in re.split(r"[；;\n]+", text):
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^(.+?)[（(](.*?)[）)]$", part)
        people.append(
            {"name": m[1].strip(), "role": m[2].strip()} if m else {"name": part, "role": ""}
        )
    return people


def format_people(people: list[dict[str, str]]) -> str:
    return "；".join(f"{p['name']}（{p['role']}）" if p.get("role") else p["name"] for p in people)


class InterviewsPage(Page):
    #: the record types the page shows: it refreshes when an op changes one
    SHOWS: frozenset[str] | None = frozenset({"interview", "attachment", "court"})

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.ui = Ui_InterviewsPage()
        self.ui.setupUi(self)
        self.model = RecordListModel(self.session, "interviews")
        setup_table(self.ui.interviewTable, self.model, stretch=3)
        self.ui.methodFilter.addItem(self.tr("All"), None)
        for m in InterviewMethod:
            self.ui.methodFilter.addItem(m.value, m.value)
            self.ui.methodCombo.addItem(m.value)
        self.ui.attachmentList.setIconSize(QSize(96, 72))
        self.ui.attachmentList.setAcceptDrops(True)
        self.ui.attachmentList.viewport().setAcceptDrops(True)
        self.ui.attachmentList.viewport().installEventFilter(self)
        self.ui.attachmentList.itemDoubleClicked.connect(self._save_attachment_as)
        self.ui.methodFilter.currentIndexChanged.connect(self.refresh)
        self.ui.interviewTable.selectionModel().currentRowChanged.connect(self._selected)
        self.ui.newInterview.clicked.connect(self.new_record)
        self.ui.saveInterview.clicked.connect(self.save)
        self.ui.addAttachment.clicked.connect(self._choose_attachments)
        self.ui.makeProblem.clicked.connect(self._make_problem)
        self.ui.interviewSplitter.setSizes([520, 700])
        self.interview_id: str | None = None
        self._fill_courts()
        self.new_record()

    def _fill_courts(self) -> None:
        self.ui.courtCombo.clear()
        self.ui.courtCombo.addItem("", None)
        for c in courts(self.session):
            self.ui.courtCombo.addItem(c["name"], c["id"])

    def refresh(self) -> None:
        self.model.session = self.session
        self._fill_courts()
        self.model.reload({"court_id": self.court_id, "method": self.ui.methodFilter.currentData()})
        if self.interview_id:
            select_record(self.ui.interviewTable, self.model, self.interview_id)

    def _selected(self, index: Any) -> None:
        rid = self.model.record_id(index.row()) if index.isValid() else None
        if rid and rid != self.interview_id:
            self.load(rid)

    def load(self, interview_id: str) -> None:
        row = records.get(self.session, "interview", interview_id)
        self.interview_id = interview_id
        self.ui.methodCombo.setCurrentText(row["method"])
        self.ui.dateEdit.setDate(to_qdate(dt.date.fromisoformat(row["date"])))
        self.ui.courtCombo.setCurrentIndex(max(0, self.ui.courtCombo.findData(row["court_id"])))
        self.ui.placeEdit.setText(row["place"] or "")
        self.ui.peopleEdit.setText(format_people(row["interviewees"] or []))
        self.ui.recordText.setPlainText(row["text"] or "")
        self._load_attachments()

    def new_record(self) -> None:
        self.interview_id = None
        self.ui.interviewTable.clearSelection()
        self.ui.dateEdit.setDate(to_qdate(self.session.today()))
        self.ui.courtCombo.setCurrentIndex(max(0, self.ui.courtCombo.findData(self.court_id)))
        for w in (self.ui.placeEdit, self.ui.peopleEdit):
            w.clear()
        self.ui.recordText.clear()
        self.ui.attachmentList.clear()
        self.ui.recordText.setFocus()

    def save(self) -> bool:
        values = {
            "method": self.ui.methodCombo.currentText(),
            "date": from_qdate(self.ui.dateEdit.date()),
            "court_id": self.ui.courtCombo.currentData(),
            "place": self.ui.placeEdit.text(),
            "interviewees": parse_people(self.ui.peopleEdit.text()),
            "text": self.ui.recordText.toPlainText(),
        }
        if self.interview_id is None:
            rid = self.attempt(
                self.tr("Cannot save"),
                create_interview,
                self.session,
                campaign_id=self.campaign_id,
                **values,
            )
            if rid is None:
                return False
            self.interview_id = rid
        else:
            try:
                update_interview(self.session, interview_id=self.interview_id, **values)
            except UserError as e:
                QMessageBox.warning(self, self.tr("Cannot save"), str(e))
                return False
        self.changed.emit()
        self.refresh()
        return True

    # --- attachments ------------------------------------------------------------------
    def _load_attachments(self) -> None:
        self.ui.attachmentList.clear()
        if not self.interview_id:
            return
        for att in records.find(self.session, "attachment", "owner_id = ?", (self.interview_id,)):
            item = QListWidgetItem(att["filename"])
            item.setData(Qt.ItemDataRole.UserRole, att["id"])
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            if (att["mime"] or "").startswith("image/"):
                pixmap = QPixmap()
                if pixmap.loadFromData(attachment_data(self.session, attachment_id=att["id"])):
                    icon = QIcon(pixmap.scaled(96, 72, Qt.AspectRatioMode.KeepAspectRatio))
            item.setIcon(icon)
            self.ui.attachmentList.addItem(item)

    def add_files(self, paths: list[Path]) -> None:
        if self.interview_id is None and not self.save():
            return
        assert self.interview_id
        for path in paths:
            if (
                self.attempt(
                    self.tr("Cannot attach"),
                    add_attachment_file,
                    self.session,
                    owner_type="interview",
                    owner_id=self.interview_id,
                    path=path,
                )
                is None
            ):
                break
        self._load_attachments()
        self.changed.emit()

    def _choose_attachments(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Add attachments"))
        if chosen:
            self.add_files([Path(p) for p in chosen])

    def _save_attachment_as(self, item: QListWidgetItem) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), item.text())
        if target:
            Path(target).write_bytes(
                attachment_data(self.session, attachment_id=item.data(Qt.ItemDataRole.UserRole))
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent)
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
        if event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            self.add_files([p for p in paths if p.is_file()])
            event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)

    def _make_problem(self) -> None:
        if self.interview_id is None and not self.save():
            return
        dialog = ProblemDialog(
            self.session,
            self,
            court_id=self.ui.courtCombo.currentData(),
            source_type=SourceType.INTERVIEW,
            source_id=self.interview_id,
            campaign_id=self.campaign_id,
        )
        if dialog.exec() and dialog.problem_id:
            self.changed.emit()
            self.window_.open_record("problem", dialog.problem_id)

    def open_record(self, record_type: str, record_id: str) -> None:
        interview = record_id
        if record_type == "attachment":
            interview = records.get(self.session, "attachment", record_id)["owner_id"]
        self.ui.methodFilter.setCurrentIndex(0)
        if not select_record(self.ui.interviewTable, self.model, interview):
            self.window_.clear_court_filter()
            select_record(self.ui.interviewTable, self.model, interview)
        self.load(interview)
