"""The fill-in workbook (填报表) for an inspected court that does not run the app: exported for
one court, filled in by its clerk in Excel or WPS, read back row by row.

Export: one row per rectification item of the court's problems; the team's columns locked, the
court's columns prefilled with the ledger's values and checked by data validation. Beside the
workbook an empty folder ``<workbook name>_佐证材料`` is made for the evidence files.

Import: every row is checked first (:func:`preview_court_workbook`, nothing written) and comes
back accepted — with what it will change: the item's measure, owner, kind or deadline, a
progress note, evidence files, a request for checking (提交核查) — or rejected with its row
number and the reason. :func:`import_court_workbook` then applies the accepted rows only, in one
transaction, through the rectification services, and only when the user has accepted them.

What the court changed is what differs from what was exported (kept in a hidden cell of the
row). A field the team changed since the export, and the court changed too, is refused rather
than overwritten. A value already in the ledger, a progress note already recorded and a file
already attached (same sha256) change nothing, so importing the same workbook twice changes
nothing the second time.

Evidence files are looked up in ``evidence_dir``, by default the folder
``<workbook name>_佐证材料`` beside the workbook, or — when there is no such folder — the
workbook's own folder.

Every function here runs on the thread that owns the session it is given: the GUI thread for
quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import court_workbook as layout
from ..domain.records import record_type
from ..domain.rectification import Action, Kind, State, validate_item
from ..domain.values import InvalidValue, normalized
from ..errors import NotFound, UserError, describe_os_error
from ..importers.court_workbook import FilledRow, read_court_workbook
from ..reports.court_workbook import WorkbookText, court_workbook_bytes
from ..storage.keyfile import write_atomic
from . import records
from .attachments import clean_filename, read_attachment_file
from .rectification import EvidenceFile, act, add_evidence, add_progress, update_item
from .session import Session
from .team import find_court

#: field → how a change of it is told
_FIELD_LABELS = {f: c for c, f in layout.FIELDS.items()}


@dataclass(frozen=True)
class WorkbookExport:
    path: Path
    court_name: str
    rows: int
    evidence_dir: Path

    def summary(self) -> str:
        return (
            f"已导出{self.court_name}整改情况填报表“{self.path.name}”（{self.rows}项整改事项）；"
            f"请连同旁边的“{self.evidence_dir.name}”文件夹一并发给法院"
        )


@dataclass(frozen=True)
class EvidencePlan:
    """A file of the evidence folder that the row attaches."""

    filename: str
    path: Path
    size: int
    sha256: str


@dataclass(frozen=True)
class RowChange:
    """What an accepted row changes on its item."""

    row: int
    item_id: str
    number: str
    measure: str
    #: item field → its new value (``deadline`` as a date or None)
    updates: dict[str, Any]
    progress: str | None
    evidence: tuple[EvidencePlan, ...]
    #: the item is still 待整改: 开始整改 before 提交核查
    start: bool
    submit: bool

    def describe(self) -> str:
        parts = []
        for name, value in self.updates.items():
            label = _FIELD_LABELS[name]
            if value is None or value == "":
                parts.append(f"清空{label}")
            elif isinstance(value, dt.date):
                parts.append(f"{label}改为{value.isoformat()}")
            else:
                parts.append(f"{label}改为“{_short(str(value))}”")
        if self.progress:
            parts.append(f"新增整改进展“{_short(self.progress)}”")
        if self.evidence:
            names = "、".join(e.filename for e in self.evidence)
            parts.append(f"新增佐证材料{len(self.evidence)}份（{names}）")
        if self.submit:
            parts.append("开始整改并申请核查" if self.start else "申请核查")
        return "；".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "item_id": self.item_id,
            "number": self.number,
            "measure": self.measure,
            "updates": {
                k: v.isoformat() if isinstance(v, dt.date) else v for k, v in self.updates.items()
            },
            "progress": self.progress,
            "evidence": [
                {"filename": e.filename, "size": e.size, "sha256": e.sha256} for e in self.evidence
            ],
            "submit": self.submit,
            "changes": self.describe(),
        }


@dataclass(frozen=True)
class RejectedRow:
    row: int
    item_id: str
    reason: str
    #: the row's 序号, as the court sees it (empty when the row has none)
    number: str = ""


@dataclass
class Preview:
    """Every row of a filled-in workbook: accepted (with what it changes), unchanged, or
    rejected with its reason. ``applied``: written to the ledger (by the import)."""

    path: str
    court_id: str
    court_name: str
    evidence_dir: str
    rows: int = 0
    accepted: list[RowChange] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    applied: bool = False

    def summary(self) -> str:
        verb = "已导入" if self.applied else "检查"
        done = "已更新" if self.applied else "将更新"
        text = (
            f"{verb}{self.court_name}填报表“{Path(self.path).name}”：共{self.rows}行，"
            f"{done}{len(self.accepted)}项，无变化{self.unchanged}项，拒绝{len(self.rejected)}行"
        )
        if self.rejected:
            shown = "；".join(f"第{r.row}行：{r.reason}" for r in self.rejected[:3])
            text += f"（{shown}{'……' if len(self.rejected) > 3 else ''}）"
        for note in self.notes[:2]:
            text += f"。注意：{note}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "court_id": self.court_id,
            "court": self.court_name,
            "evidence_dir": self.evidence_dir,
            "rows": self.rows,
            "accepted": [c.as_dict() for c in self.accepted],
            "unchanged": self.unchanged,
            "rejected": [
                {"row": r.row, "item_id": r.item_id, "reason": r.reason} for r in self.rejected
            ],
            "notes": self.notes,
            "applied": self.applied,
            "summary": self.summary(),
        }


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


# --- export ---------------------------------------------------------------------------------


def default_workbook_name(court_name: str) -> str:
    return f"{court_name}整改情况填报表.xlsx"


def export_court_workbook(
    session: Session, *, court: str, path: Path, today: dt.date | None = None
) -> WorkbookExport:
    """Write the fill-in workbook of one court (by name, 代字 or id) and make the empty
    evidence folder beside it. Only that court's items are in it."""
    found = find_court(session, court)
    court_id, court_name = str(found["id"]), str(found["name"])
    rows = court_rows(session, court_id)
    if not rows:
        raise UserError(f"{court_name}还没有整改事项，无需导出填报表")
    path = Path(path)
    folder = path.with_name(layout.evidence_folder_name(path.stem))
    me = session.member()
    text = WorkbookText(
        court_id=court_id,
        court_name=court_name,
        campaign=_campaigns(session, court_id),
        team=(me or {}).get("unit") or "巡查组",
        exported_on=today or session.today(),
        evidence_folder=folder.name,
    )
    data = court_workbook_bytes(text, rows)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(exist_ok=True)
    except OSError as e:
        raise UserError(f"无法写入“{path.parent}”：{describe_os_error(e)}") from e
    write_atomic(path, data)
    _readable_by_others(path)
    return WorkbookExport(path, court_name, len(rows), folder)


def _readable_by_others(path: Path) -> None:
    """A file to hand over gets the permissions the user's umask gives new files (the atomic
    write makes it owner-only)."""
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~umask)


def _campaigns(session: Session, court_id: str) -> str:
    names = session.conn.execute(
        """SELECT DISTINCT c.name FROM campaigns c JOIN problems p ON p.campaign_id = c.id
           WHERE p.court_id = ? AND p.deleted = 0 AND c.deleted = 0 ORDER BY c.name""",
        (court_id,),
    ).fetchall()
    return "、".join(n[0] for n in names if n[0])


def court_rows(session: Session, court_id: str) -> list[layout.Row]:
    """The workbook's rows: the court's items, problem by problem in the ledger's order."""
    problems = records.find(session, "problem", "court_id = ?", (court_id,))
    problems.sort(
        key=lambda p: (p["category"] or "", p["found_date"] or "", p["created_at"], p["id"])
    )
    items = records.find(
        session,
        "rectification_item",
        "problem_id IN (SELECT id FROM problems WHERE court_id = ? AND deleted = 0)",
        (court_id,),
    )
    by_problem: dict[str, list[dict[str, Any]]] = {}
    for item in sorted(items, key=lambda i: (i["deadline"] or "9999", i["created_at"], i["id"])):
        by_problem.setdefault(item["problem_id"], []).append(item)
    names = _evidence_names(session, court_id)
    rows = []
    number = 0
    for problem in problems:
        own = by_problem.get(problem["id"], [])
        if own:
            number += 1
        for k, item in enumerate(own, start=1):
            label = str(number) if len(own) == 1 else f"{number}-{k}"
            rows.append(_row(problem, item, label, tuple(names.get(item["id"], ()))))
    return rows


def _evidence_names(session: Session, court_id: str) -> dict[str, list[str]]:
    found = records.find(
        session,
        "attachment",
        """owner_type = 'rectification_item' AND owner_id IN (
               SELECT i.id FROM rectification_items i JOIN problems p ON p.id = i.problem_id
               WHERE p.court_id = ?)""",
        (court_id,),
    )
    out: dict[str, list[str]] = {}
    for a in sorted(found, key=lambda a: (a["created_at"] or "", a["id"])):
        names = out.setdefault(a["owner_id"], [])
        if a["filename"] not in names:
            names.append(a["filename"])
    return out


def _row(
    problem: dict[str, Any], item: dict[str, Any], number: str, evidence: tuple[str, ...]
) -> layout.Row:
    text = layout.sheet_text
    category = problem["category"] or ""
    if problem["subtype"]:
        category += f"／{problem['subtype']}"
    description = problem["description"] or ""
    if problem["example_cases"]:
        description += "\n例证：" + "、".join(problem["example_cases"])
    team = (
        number,
        text(category),
        text(description, 30_000),
        text(item["measure"]),
        item["state"] or "",
        item["deadline"] or "—",
    )
    exported = layout.Exported(
        measure=text(item["measure"]),
        responsible_unit=text(item["responsible_unit"]),
        responsible_person=text(item["responsible_person"]),
        kind=item["kind"] or "",
        deadline=item["deadline"] or "",
        progress=text(item["last_progress"]),
        evidence=tuple(text(n) for n in evidence),
        state=item["state"] or "",
    )
    return layout.Row(item["id"], team, exported)


# --- preview and import -----------------------------------------------------------------------


def default_evidence_dir(workbook: Path) -> Path:
    """``<workbook name>_佐证材料`` beside the workbook when it is there, else the workbook's
    own folder."""
    named = workbook.with_name(layout.evidence_folder_name(workbook.stem))
    return named if named.is_dir() else workbook.parent


class _Folder:
    """The evidence folder's files by name (as written, or differing only in case and
    Unicode form, as on Windows)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.exact: dict[str, Path] = {}
        self.loose: dict[str, list[Path]] = {}
        try:
            entries = list(folder.iterdir())
        except OSError as e:
            raise UserError(f"无法读取佐证材料文件夹“{folder}”：{describe_os_error(e)}") from e
        for p in entries:
            self.exact[p.name] = p
            self.loose.setdefault(_loose(p.name), []).append(p)

    def find(self, name: str) -> Path | None:
        if name in self.exact:
            return self.exact[name]
        matches = self.loose.get(_loose(name), [])
        return matches[0] if len(matches) == 1 else None


def _loose(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


@dataclass
class _Context:
    session: Session
    court_id: str
    court_name: str
    folder: _Folder
    seen: dict[str, int] = field(default_factory=dict)


def preview_court_workbook(
    session: Session, *, path: Path, evidence_dir: Path | None = None
) -> Preview:
    """Check every row of the filled-in workbook against the ledger and the evidence folder;
    nothing is written. A file that is not a fill-in workbook, or cannot be read, raises a
    :class:`UserError` saying so."""
    path = Path(path)
    filled = read_court_workbook(path)
    try:
        court = records.get(session, "court", filled.court_id)
    except NotFound:
        raise UserError(
            f"“{path.name}”所属的法院不在本工作区（可能是其他巡查组导出的填报表）"
        ) from None
    notes = list(filled.notes)
    if evidence_dir is None:
        folder = default_evidence_dir(path)
        if folder == path.parent:
            notes.append(
                f"没有“{layout.evidence_folder_name(path.stem)}”文件夹，"
                f"佐证材料从填报表所在的文件夹“{folder}”中查找"
            )
    else:
        folder = Path(evidence_dir)
        if not folder.is_dir():
            raise UserError(f"佐证材料文件夹“{folder}”不存在")
    ctx = _Context(session, court["id"], court["name"], _Folder(folder))
    preview = Preview(str(path), court["id"], court["name"], str(folder), notes=notes)
    for row in filled.rows:
        preview.rows += 1
        outcome = _plan(ctx, row)
        if outcome is None:
            preview.unchanged += 1
        elif isinstance(outcome, RejectedRow):
            preview.rejected.append(outcome)
        else:
            preview.accepted.append(outcome)
    return preview


def import_court_workbook(
    session: Session, *, path: Path, evidence_dir: Path | None = None, accept: bool = True
) -> Preview:
    """Check the workbook as :func:`preview_court_workbook` does and, with the user's
    acceptance (``accept``), apply the accepted rows — only those — in one transaction."""
    preview = preview_court_workbook(session, path=path, evidence_dir=evidence_dir)
    if not accept or not preview.accepted:
        return preview
    with session.transaction(), session.workspace.busy("导入法院填报表"):
        for change in preview.accepted:
            _apply(session, change, preview.court_name)
    preview.applied = True
    return preview


def _apply(session: Session, change: RowChange, court_name: str) -> None:
    if change.updates:
        update_item(session, item_id=change.item_id, **change.updates)
    if change.progress:
        add_progress(session, item_id=change.item_id, note=change.progress)
    if change.evidence:
        files = []
        for plan in change.evidence:
            _name, data = read_attachment_file(plan.path)
            if hashlib.sha256(data).hexdigest() != plan.sha256:
                raise UserError(
                    f"佐证材料“{plan.filename}”在检查之后被改动了，请重新检查填报表后再导入"
                )
            files.append(EvidenceFile(plan.filename, data))
        add_evidence(session, item_id=change.item_id, files=files, note=f"{court_name}填报表报送")
    if change.start:
        act(session, item_id=change.item_id, action=Action.START)
    if change.submit:
        act(
            session,
            item_id=change.item_id,
            action=Action.SUBMIT,
            note=f"{court_name}通过填报表申请核查",
        )


class _Refused(Exception):
    """A row that cannot be imported; ``str()`` is the reason."""


def _plan(ctx: _Context, row: FilledRow) -> RowChange | RejectedRow | None:
    """What the row changes (None: nothing), or why it is refused."""
    try:
        return _changes(ctx, row)
    except _Refused as e:
        return RejectedRow(row.row, row.item_id, str(e), row.team[0])


def _item_of_court(ctx: _Context, row: FilledRow) -> dict[str, Any]:
    if not row.item_id:
        raise _Refused(
            "缺少事项编号（隐藏列被清除，或是新增的行）：填报表只能填报巡查组导出的事项，"
            "新增整改事项请与巡查组联系"
        )
    try:
        item = records.get(ctx.session, "rectification_item", row.item_id, deleted=True)
        problem = records.get(ctx.session, "problem", item["problem_id"], deleted=True)
    except NotFound:
        raise _Refused(
            f"事项编号“{_short(row.item_id)}”不是本工作区的整改事项（可能来自其他填报表）"
        ) from None
    if problem["court_id"] != ctx.court_id:
        other = records.find(ctx.session, "court", "id = ?", (problem["court_id"],))
        whose = other[0]["name"] if other else "其他法院"
        raise _Refused(f"该事项是{whose}的整改事项，不属于{ctx.court_name}，不能在本表中填报")
    if item["deleted"] or problem["deleted"]:
        raise _Refused("该整改事项已被巡查组删除，无需再填报")
    if row.item_id in ctx.seen:
        raise _Refused(f"与第{ctx.seen[row.item_id]}行是同一整改事项，同一事项只能填一行")
    ctx.seen[row.item_id] = row.row
    return item


def _changes(ctx: _Context, row: FilledRow) -> RowChange | None:
    item = _item_of_court(ctx, row)
    base = layout.read_base_cell(row.item_id, row.team, row.base_cell)
    if base is None:
        raise _Refused(
            "巡查组填写的灰色列（" + "、".join(layout.TEAM_COLUMNS) + "）被改动，该行未导入："
            "请在导出的原表中填写，不要修改灰色列"
        )
    updates = _field_updates(row, base, item)
    progress = _progress(ctx, row, base, item)
    evidence = _evidence(ctx, row, base, item)
    state = State(item["state"])
    submit = _submit(row, base, state)
    if not (updates or progress or evidence or submit):
        return None
    if state == State.CLOSED:
        raise _Refused("该事项已销号，不能再修改或报送；如问题反弹，请与巡查组联系重新打开")
    if submit:
        if len(item["state_leaves"] or []) > 1:
            raise _Refused("该事项的状态在不同电脑上被同时修改，须由组长先处理冲突，暂不能申请核查")
        if int(item["evidence_count"] or 0) + len(evidence) < 1:
            raise _Refused(
                "申请核查需要至少一份佐证材料：请在“佐证材料文件名”列写明文件名，"
                f"并把文件放进“{ctx.folder.folder.name}”文件夹"
            )
    return RowChange(
        row=row.row,
        item_id=row.item_id,
        number=row.team[0],
        measure=str(updates.get("measure") or item["measure"] or ""),
        updates=updates,
        progress=progress,
        evidence=evidence,
        start=submit and state == State.PENDING,
        submit=submit,
    )


def _field_updates(row: FilledRow, base: layout.Exported, item: dict[str, Any]) -> dict[str, Any]:
    """The fields the court changed (what it wrote differs from what was exported) and the
    ledger does not hold yet. One the team changed too since the export is refused."""
    text = row.text
    kind = text[layout.KIND]
    if kind not in {k.value for k in Kind}:
        raise _Refused(
            f"整改类型“{_short(kind)}”无效，应为" + "、".join(Kind)
            if kind
            else "请选择整改类型（" + "、".join(Kind) + "）"
        )
    if not text[layout.MEASURE]:
        raise _Refused("整改措施不能为空")
    if row.deadline_error:
        raise _Refused(f"整改时限{row.deadline_error}，应为日期，如2025-12-31")
    written = {c: text[c] for c in layout.FIELDS if c != layout.DEADLINE}
    written[layout.DEADLINE] = row.deadline.isoformat() if row.deadline else ""
    updates: dict[str, Any] = {}
    for column, name in layout.FIELDS.items():
        cell, exported, current = written[column], base.value(column), item[name] or ""
        if layout.same_text(cell, exported) or layout.same_text(cell, current):
            continue
        if not layout.same_text(current, exported):
            raise _Refused(
                f"{column}在导出后已被巡查组改为“{_short(current) or '（空）'}”，"
                f"与本表填写的“{_short(cell)}”不同：请核对后重新导出填报表填写"
            )
        updates[name] = cell or None
    if updates.get("deadline"):
        updates["deadline"] = dt.date.fromisoformat(updates["deadline"])
    kind_now = Kind(updates.get("kind", item["kind"]))
    deadline = updates.get("deadline", item["deadline"])
    try:
        validate_item(
            kind_now, dt.date.fromisoformat(deadline) if isinstance(deadline, str) else deadline
        )
        normalized(
            record_type("rectification_item"),
            {k: v for k, v in updates.items() if k != "deadline"},
        )
    except ValueError as e:  # InvalidValue too
        raise _Refused(str(e)) from None
    return updates


def _progress(
    ctx: _Context, row: FilledRow, base: layout.Exported, item: dict[str, Any]
) -> str | None:
    """A progress note to add: written, not what was exported, not already recorded."""
    text = row.text[layout.PROGRESS]
    if not text or layout.same_text(text, base.progress):
        return None
    notes = records.find(
        ctx.session, "item_event", "item_id = ? AND event_kind = 'progress'", (item["id"],)
    )
    if any(layout.same_text(text, n["note"] or "") for n in notes):
        return None
    try:
        normalized(record_type("item_event"), {"note": text})
    except InvalidValue as e:
        raise _Refused(str(e)) from None
    return text


def _evidence(
    ctx: _Context, row: FilledRow, base: layout.Exported, item: dict[str, Any]
) -> tuple[EvidencePlan, ...]:
    """The files of the folder named in the row and not attached to the item yet. A name
    already in the ledger (or exported) needs no file; any other name must be in the folder."""
    attached = records.find(
        ctx.session,
        "attachment",
        "owner_type = 'rectification_item' AND owner_id = ?",
        (item["id"],),
    )
    known_names = {a["filename"] for a in attached} | set(base.evidence)
    hashes = {a["sha256"] for a in attached}
    plans: list[EvidencePlan] = []
    for name in layout.split_names(row.text[layout.EVIDENCE]):
        if "/" in name or "\\" in name:
            raise _Refused(
                f"佐证材料文件名“{_short(name)}”含有文件夹：请只写文件名，"
                f"并把文件直接放进“{ctx.folder.folder.name}”文件夹"
            )
        path = ctx.folder.find(name)
        if path is None:
            if clean_filename(name) in known_names or name in known_names:
                continue
            raise _Refused(
                f"佐证材料“{_short(name)}”不在文件夹“{ctx.folder.folder.name}”中："
                "请把文件放进该文件夹，或核对文件名（含扩展名）"
            )
        try:
            filename, data = read_attachment_file(path)
        except UserError as e:
            raise _Refused(str(e)) from None
        digest = hashlib.sha256(data).hexdigest()
        if digest in hashes:
            continue
        hashes.add(digest)
        plans.append(EvidencePlan(filename, path, len(data), digest))
    return tuple(plans)


def _submit(row: FilledRow, base: layout.Exported, state: State) -> bool:
    """Whether the row asks for checking now: 是 where the export said 否, on an item not
    already 待核查. Taking back a request (是 → 否) is not the court's to do."""
    answer = row.text[layout.SUBMIT]
    if answer not in ("", layout.YES, layout.NO):
        raise _Refused(f"申请核查应填“是”或“否”，不是“{_short(answer)}”")
    asked = answer == layout.YES
    if not asked and base.submitted and state == State.AWAITING_CHECK:
        raise _Refused("已申请核查的事项不能在填报表中撤回；如需撤回，请与巡查组联系")
    return asked and not base.submitted and state != State.AWAITING_CHECK
