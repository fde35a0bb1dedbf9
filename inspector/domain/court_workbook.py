"""The fill-in workbook (填报表) for an inspected court that does not run the app.

One row per rectification item. The team's columns (the item's hidden id, 序号, category,
description, the measure as the team holds it, its state and deadline) are locked; the court
fills in its own columns: measure, owner, kind, deadline, progress, the names of its evidence
files (the files themselves go in a folder beside the workbook) and whether it asks for the
item to be checked.

What was prefilled is kept in a hidden cell of each row, with a check sum over the team's
columns. So an import knows what the court changed (a cell that differs from what was
exported), what the team changed since (the ledger differs from what was exported), and whether
a team column was altered. This module is the layout both sides share, and its pure rules.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .rectification import State

#: the hidden cell A1 of a fill-in workbook: what it is, in which version of the layout
MARK = "巡查台账·法院填报表·1"
#: rows: the title, the instructions, the groups of columns, the headers; the items follow
TITLE_ROW, NOTE_ROW, GROUP_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_ROW = 5

ID = "事项编号"
BASE = "导出记录"
NUMBER = "序号"
CATEGORY = "问题类别"
DESCRIPTION = "问题描述"
ITEM = "整改事项"
STATE = "当前状态"
SET_DEADLINE = "现定时限"
MEASURE = "整改措施"
UNIT = "责任单位"
PERSON = "责任人"
KIND = "整改类型"
DEADLINE = "整改时限"
PROGRESS = "整改进展"
EVIDENCE = "佐证材料文件名"
SUBMIT = "申请核查"

#: hidden columns (the item's id and what was exported), then what the team wrote
HIDDEN_COLUMNS = (ID, BASE)
TEAM_COLUMNS = (NUMBER, CATEGORY, DESCRIPTION, ITEM, STATE, SET_DEADLINE)
COURT_COLUMNS = (MEASURE, UNIT, PERSON, KIND, DEADLINE, PROGRESS, EVIDENCE, SUBMIT)
COLUMNS = (*HIDDEN_COLUMNS, *TEAM_COLUMNS, *COURT_COLUMNS)

#: the court's columns and the item's fields they edit (progress, evidence and 申请核查 are
#: events, not fields)
FIELDS = {
    MEASURE: "measure",
    UNIT: "responsible_unit",
    PERSON: "responsible_person",
    KIND: "kind",
    DEADLINE: "deadline",
}

YES, NO = "是", "否"
#: evidence file names are separated by these (full-width or half-width semicolons, new lines)
_NAME_SEPARATORS = re.compile(r"[；;\r\n]+")


def evidence_folder_name(workbook_stem: str) -> str:
    """The folder the court puts its evidence files in, beside the workbook."""
    return f"{workbook_stem}_佐证材料"


def split_names(text: str) -> list[str]:
    """The evidence file names of a cell, each once, in the order written."""
    names = (n.strip() for n in _NAME_SEPARATORS.split(text or ""))
    return list(dict.fromkeys(n for n in names if n))


def join_names(names: Sequence[str]) -> str:
    return "；".join(names)


def cell_text(value: Any) -> str:
    """A cell as text: None is empty, whole numbers lose their ``.0``, line ends are ``\\n``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


#: characters a spreadsheet cell cannot hold (Word's line break \x0b among them)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: what one exported value may take of its row's hidden cell (a cell holds 32,767 characters)
MAX_EXPORTED = 8_000


def sheet_text(text: str | None, limit: int = MAX_EXPORTED) -> str:
    """Text as a cell can hold it and gives it back: line ends as ``\n``, no control
    characters, at most ``limit`` characters."""
    clean = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _CONTROL.sub("", clean).strip()[:limit]


def _plain(text: str) -> str:
    """Text as compared: the same characters, whatever spaces and line breaks a spreadsheet
    program put in (Excel and WPS rewrap and pad)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class Exported:
    """What one row held when it was exported: the court's columns as prefilled, and the
    item's state then."""

    measure: str = ""
    responsible_unit: str = ""
    responsible_person: str = ""
    kind: str = ""
    deadline: str = ""  # ISO date or ""
    progress: str = ""
    evidence: tuple[str, ...] = ()
    state: str = ""

    def value(self, column: str) -> str:
        return str(getattr(self, FIELDS[column]))

    @property
    def submitted(self) -> bool:
        return self.state == State.AWAITING_CHECK


@dataclass(frozen=True)
class Row:
    """One row of the workbook: the item, its team columns (in :data:`TEAM_COLUMNS` order)
    and what the court's columns were prefilled with."""

    item_id: str
    team: tuple[str, ...]
    exported: Exported

    def base_cell(self) -> str:
        """The hidden cell that records what was exported, with the check sum of the row."""
        base = exported_dict(self.exported)
        return json.dumps(
            {"base": base, "sum": check_sum(self.item_id, self.team, base)},
            ensure_ascii=False,
            sort_keys=True,
        )


def exported_dict(exported: Exported) -> dict[str, Any]:
    return {
        "measure": exported.measure,
        "responsible_unit": exported.responsible_unit,
        "responsible_person": exported.responsible_person,
        "kind": exported.kind,
        "deadline": exported.deadline,
        "progress": exported.progress,
        "evidence": list(exported.evidence),
        "state": exported.state,
    }


def check_sum(item_id: str, team: Sequence[str], base: dict[str, Any]) -> str:
    """A sum over the item's id, the team's columns and what was exported: it changes when any
    of them is altered."""
    text = json.dumps(
        [item_id, [_plain(t) for t in team], base], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def read_base_cell(item_id: str, team: Sequence[str], text: str) -> Exported | None:
    """What was exported, from the hidden cell; None when the cell or the team's columns were
    altered (the check sum no longer matches)."""
    try:
        data = json.loads(text)
        base = data["base"]
        if not isinstance(base, dict) or data["sum"] != check_sum(item_id, team, base):
            return None
        return Exported(
            measure=str(base["measure"]),
            responsible_unit=str(base["responsible_unit"]),
            responsible_person=str(base["responsible_person"]),
            kind=str(base["kind"]),
            deadline=str(base["deadline"]),
            progress=str(base["progress"]),
            evidence=tuple(str(n) for n in base["evidence"]),
            state=str(base["state"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def same_text(a: str, b: str) -> bool:
    """Whether two texts say the same (spaces and line breaks aside)."""
    return _plain(a) == _plain(b)
