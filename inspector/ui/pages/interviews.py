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
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QStyle

from ...domain.enums import InterviewMethod, SourceType
from ...services import records
from ...services.attachments import add_attachment_file, attachment_data
from ...services.editing import edit
from ...services.interviews import create_interview
from ...services.team import courts, member_names
from ..dialogs import ProblemDialog, from_qdate, to_qdate
from ..forms.ui_interviews_page import Ui_InterviewsPage
from ..models.record_list import RecordListModel
from ..record_actions import Extra, RecordActions
from ..terms import add_terms, choose, term
from .base import Page, guard_rows, select_record, setup_table


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
        # on a 512-pixel-high screen the record and its attachments keep a few lines each
        self.ui.recordText.setMinimumHeight(64)
        self.ui.attachmentList.setMinimumHeight(40)
        self.model = RecordListModel(self.session, "interviews")
        setup_table(self.ui.interviewTable, self.model, stretch=3)
        self.ui.methodFilter.addItem(self.tr("All"), None)
        for m in InterviewMethod:
            self.ui.methodFilter.addItem(term(m.value), m.value)
        add_terms(self.ui.methodCombo, InterviewMethod)
        self.ui.attachmentList.setIconSize(QSize(96, 72))
        self.ui.attachmentList.setAcceptDrops(True)
        self.ui.attachmentList.viewport().setAcceptDrops(True)
        self.ui.attachmentList.viewport().installEventFilter(self)
        self.ui.attachmentList.itemDoubleClicked.connect(self._view_attachment)
        self.ui.methodFilter.currentIndexChanged.connect(self.refresh)
        guard_rows(
            self, self.ui.interviewTable, self.model, lambda: self.interview_id, self._load_row
        )
        self.ui.newInterview.clicked.connect(self.new_record)
        self.ui.saveInterview.clicked.connect(self.save)
        self.ui.addAttachment.clicked.connect(self._choose_attachments)
        self.ui.makeProblem.clicked.connect(self._make_problem)
        self.ui.interviewSplitter.setSizes([520, 700])
        self.wrap_rows("interviewFilterRow", "interviewButtons")
        self.actions_ = RecordActions(
            self,
            self.ui.interviewTable,
            self.model,
            "interview",
            extras=(Extra(self.tr("Create problem from it…"), self._problem_from),),
        )
        self.interview_id: str | None = None
        self.problem_dialog: ProblemDialog | None = None
        self._baseline: object = None
        self._fill_courts()
        self._blank()

    def _fill_courts(self) -> None:
        """The courts to choose from, keeping the one chosen (a court added elsewhere appears
        without blanking the field)."""
        keep = self.ui.courtCombo.currentData()
        self.ui.courtCombo.blockSignals(True)
        self.ui.courtCombo.clear()
        self.ui.courtCombo.addItem("", None)
        for c in courts(self.session):
            self.ui.courtCombo.addItem(c["name"], c["id"])
        self.ui.courtCombo.setCurrentIndex(max(0, self.ui.courtCombo.findData(keep)))
        self.ui.courtCombo.blockSignals(False)

    def refresh(self) -> None:
        self.model.session = self.session
        self._fill_courts()
        selection = self.ui.interviewTable.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.reload(
                {"court_id": self.court_id, "method": self.ui.methodFilter.currentData()}
            )
            if self.interview_id:
                select_record(self.ui.interviewTable, self.model, self.interview_id)
        finally:
            selection.blockSignals(False)
        if self.interview_id and self.unsaved() is None:
            if records.exists(self.session, "interview", self.interview_id):
                self.load(self.interview_id)
            else:
                self._blank()

    def _load_row(self, interview_id: str | None) -> None:
        if interview_id is None:
            self._blank()
        else:
            self.load(interview_id)

    def load(self, interview_id: str) -> None:
        row = records.get(self.session, "interview", interview_id)
        self.interview_id = interview_id
        choose(self.ui.methodCombo, row["method"])
        self.ui.dateEdit.setDate(to_qdate(dt.date.fromisoformat(row["date"])))
        self.ui.courtCombo.setCurrentIndex(max(0, self.ui.courtCombo.findData(row["court_id"])))
        self.ui.placeEdit.setText(row["place"] or "")
        self.ui.peopleEdit.setText(format_people(row["interviewees"] or []))
        self.ui.recordText.setPlainText(row["text"] or "")
        self._load_attachments()
        self._baseline = self._values()

    def _blank(self) -> None:
        self.interview_id = None
        self.ui.interviewTable.clearSelection()
        self.ui.dateEdit.setDate(to_qdate(self.session.today()))
        self.ui.courtCombo.setCurrentIndex(max(0, self.ui.courtCombo.findData(self.court_id)))
        for w in (self.ui.placeEdit, self.ui.peopleEdit):
            w.clear()
        self.ui.recordText.clear()
        self.ui.attachmentList.clear()
        self._baseline = self._values()

    def new_record(self) -> None:
        if not self.confirm_leave():
            return
        self._blank()
        self.ui.recordText.setFocus()

    def _values(self) -> dict[str, Any]:
        return {
            "method": self.ui.methodCombo.currentData(),
            "date": from_qdate(self.ui.dateEdit.date()),
            "court_id": self.ui.courtCombo.currentData(),
            "place": self.ui.placeEdit.text().strip(),
            "interviewees": parse_people(self.ui.peopleEdit.text()),
            "text": self.ui.recordText.toPlainText().strip(),
        }

    def unsaved(self) -> str | None:
        values = self._values()
        if values == self._baseline:
            return None
        if self.interview_id is None:
            return self.tr("The new interview record")
        return self.tr("The interview record of {0}").format(values["date"].isoformat())

    def discard(self) -> None:
        if self.interview_id and records.exists(self.session, "interview", self.interview_id):
            self.load(self.interview_id)
        else:
            self._blank()

    def save(self) -> bool:
        values = self._values()
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
        elif (
            self.attempt(
                self.tr("Cannot save"),
                edit,
                self.session,
                "interview",
                self.interview_id,
                values,
                label=self.tr("Edit interview"),
            )
            is None
        ):
            return False
        self._baseline = self._values()
        self.changed.emit()
        self.refresh()
        return True

    # --- attachments ------------------------------------------------------------------
    def _load_attachments(self) -> None:
        self.ui.attachmentList.clear()
        if not self.interview_id:
            return
        names = member_names(self.session)
        for att in records.find(self.session, "attachment", "owner_id = ?", (self.interview_id,)):
            who = names.get(att["created_by"], "")
            item = QListWidgetItem(f"{att['filename']}\n{who}" if who else att["filename"])
            item.setData(Qt.ItemDataRole.UserRole, att["id"])
            item.setToolTip(
                self.tr("{0} — added by {1}; double-click to view").format(att["filename"], who)
            )
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            if (att["mime"] or "").startswith("image/"):
                pixmap = QPixmap()
                if pixmap.loadFromData(attachment_data(self.session, attachment_id=att["id"])):
                    icon = QIcon(pixmap.scaled(96, 72, Qt.AspectRatioMode.KeepAspectRatio))
            item.setIcon(icon)
            self.ui.attachmentList.addItem(item)

    def add_files(self, paths: list[Path]) -> None:
        if (self.interview_id is None or self.unsaved()) and not self.save():
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

    def _view_attachment(self, item: QListWidgetItem) -> None:
        from ..viewer import show_attachment

        self.viewer = show_attachment(self.session, item.data(Qt.ItemDataRole.UserRole), self)

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
        if (self.interview_id is None or self.unsaved()) and not self.save():
            return
        assert self.interview_id
        self._problem_from(self.interview_id)

    def _problem_from(self, interview_id: str) -> None:
        """The problem dialog for a problem found in an interview: at the interview's court."""
        row = records.get(self.session, "interview", interview_id)
        dialog = ProblemDialog(
            self.session,
            self,
            court_id=row["court_id"],
            source_type=SourceType.INTERVIEW,
            source_id=interview_id,
            campaign_id=row["campaign_id"] or self.campaign_id,
        )
        dialog.finished.connect(lambda _code: self._problem_made(dialog))
        self.problem_dialog = dialog
        dialog.open()

    def _problem_made(self, dialog: ProblemDialog) -> None:
        if dialog.problem_id:
            self.changed.emit()
            self.window_.open_record("problem", dialog.problem_id)

    def open_record(self, record_type: str, record_id: str) -> None:
        interview = record_id
        if record_type == "attachment":
            interview = records.get(self.session, "attachment", record_id)["owner_id"]
        if interview != self.interview_id and not self.confirm_leave():
            return
        self.ui.methodFilter.setCurrentIndex(0)
        if not select_record(self.ui.interviewTable, self.model, interview):
            self.window_.clear_court_filter()
            select_record(self.ui.interviewTable, self.model, interview)
        self.load(interview)
