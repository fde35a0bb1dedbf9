"""Importing a court's case list: preview, column mapping remembered per court, one transaction.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.case_numbers import parse_case_number
from ..errors import UserError
from ..importers.case_list import ALIASES, FIELD_LABELS, Rejected, parse_case_list
from ..importers.case_list import ParsedList as ParsedList
from . import records
from .session import Session

MAPPING_KEY = "case_list_mapping:{court}"
#: new cases written together (in the import's one transaction)
WRITE_BATCH = 5_000


@dataclass
class CaseImportResult:
    path: str
    header_row: int
    total: int
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped: int = 0
    dry_run: bool = False
    mapping: dict[str, str] = field(default_factory=dict)
    #: what the user should check: rows whose court code matches no court, files read as
    #: another format than their name says, rows continuing the case above
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        verb = "将导入" if self.dry_run else "已导入"
        text = (
            f"{verb}{Path(self.path).name}：新增{self.new}件，更新{self.updated}件，"
            f"未变{self.unchanged}件，拒绝{len(self.rejected)}行"
        )
        if self.rejected:
            shown = "；".join(f"第{r.row}行：{r.reason}" for r in self.rejected[:5])
            text += f"（{shown}{'……' if len(self.rejected) > 5 else ''}）"
        for w in self.warnings[:3]:
            text += f"。注意：{w}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "header_row": self.header_row,
            "rows": self.total,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
            "mapping": self.mapping,
            "dry_run": self.dry_run,
            "warnings": self.warnings,
            "summary": self.summary(),
        }


def remembered_mapping(session: Session, court_id: str | None) -> dict[str, str]:
    text = (
        session.workspace.get_local(MAPPING_KEY.format(court=court_id or "")) if court_id else None
    )
    return json.loads(text) if text else {}


def _court_for(session: Session, court: str | None) -> str | None:
    if not court:
        return None
    found = records.find(session, "court", "id = ? OR name = ? OR code = ?", (court, court, court))
    if not found:
        raise UserError(f"没有法院“{court}”")
    return str(found[0]["id"])


def preview_case_list(
    session: Session, *, path: Path, court: str | None = None, mapping: dict[str, str] | None = None
) -> ParsedList:
    """The header row found, the column mapping and every row's outcome — nothing written."""
    court_id = _court_for(session, court)
    return parse_case_list(Path(path), mapping or remembered_mapping(session, court_id))


def import_case_list(
    session: Session,
    *,
    path: Path,
    court: str | None = None,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
) -> CaseImportResult:
    """Valid rows import in one transaction; a case already on the list is updated, not doubled.

    A row's court comes from its case number's court code when that court is known,
    otherwise from ``court``.
    """
    court_id = _court_for(session, court)
    parsed = parse_case_list(Path(path), mapping or remembered_mapping(session, court_id))
    by_code = {c["code"]: c["id"] for c in records.find(session, "court") if c["code"]}
    existing = {c["case_number"]: c for c in records.find(session, "case")}
    result = CaseImportResult(
        str(path),
        parsed.header_row,
        len(parsed.rows) + len(parsed.rejected),
        rejected=list(parsed.rejected),
        skipped=parsed.skipped,
        dry_run=dry_run,
        mapping=parsed.mapped_labels,
        warnings=list(parsed.notes),
    )
    if parsed.continued:
        result.warnings.append(
            f"{parsed.continued}行是上一行案件的续行（案号单元格合并），已并入该案件"
        )
    if parsed.node_rows:
        result.warnings.append(
            f"{parsed.node_rows}行是前面已有案件的其他节点（同一案号），其日期已并入该案件"
        )
    unknown_codes: dict[str, list[int]] = {}
    old_form: list[int] = []  # numbers of 2016 or later written in the legacy form
    if not parsed.rows and not dry_run:
        raise UserError(f"“{Path(path).name}”中没有可导入的案件（拒绝{len(parsed.rejected)}行）")
    new: list[dict[str, Any]] = []  # the parsed rows themselves, completed: no copies
    updates: list[tuple[str, dict[str, Any]]] = []
    for row_number, fields in parsed.rows:
        cn = parse_case_number(fields["case_number"])
        fields.update(
            case_number_legacy=1 if cn.legacy else 0, case_year=cn.year, case_type=cn.type_code
        )
        if cn.warning:
            old_form.append(row_number)
        fields["court_id"] = by_code.get(cn.court_code or "") or court_id
        if cn.court_code and cn.court_code not in by_code:
            unknown_codes.setdefault(cn.court_code, []).append(row_number)
        current = existing.get(fields["case_number"])
        if current is not None and fields.get("network_query_dates"):
            # a later list or node export adds queries; it does not forget the earlier ones
            dates = sorted(
                {*(current.get("network_query_dates") or []), *fields["network_query_dates"]}
            )
            fields["network_query_dates"] = dates
            fields["network_query_date"] = dates[0]
            if len(dates) > 1:
                fields["last_network_query_date"] = dates[-1]
        if current is None:
            new.append(fields)
            result.new += 1
        else:
            changes = {k: v for k, v in fields.items() if v is not None and current.get(k) != v}
            if changes:
                updates.append((current["id"], changes))
                result.updated += 1
            else:
                result.unchanged += 1
    del existing
    for code, rows in sorted(unknown_codes.items()):
        where = "、".join(f"第{r}行" for r in rows[:3]) + ("等" if len(rows) > 3 else "")
        target = "记入所选法院" if court_id else "暂不关联法院"
        result.warnings.append(
            f"{len(rows)}件案件的法院代字“{code}”不是本工作区的法院（{where}），已{target}；"
            "请先在“团队与设置”中添加该法院，或核对案号"
        )
    if old_form:
        where = "、".join(f"第{r}行" for r in old_form[:3]) + ("等" if len(old_form) > 3 else "")
        result.warnings.append(
            f"{len(old_form)}件案件的案号为旧式写法（{where}），"
            "2016年起应为“（年度）法院代字+类型代字+序号+号”，请核对"
        )
    if dry_run:
        return result
    with session.transaction(), session.workspace.busy("导入案件清单"):
        for start in range(0, len(new), WRITE_BATCH):  # memory for one batch at a time
            batch = new[start : start + WRITE_BATCH]
            records.create_many(session, "case", batch)
            for fields in batch:
                fields.clear()
        for case_id, changes in updates:
            records.update(session, "case", case_id, changes)
        if court_id and mapping:
            session.conn.execute(
                "INSERT INTO local_state (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (MAPPING_KEY.format(court=court_id), json.dumps(mapping, ensure_ascii=False)),
            )
    return result


def mappable_fields() -> dict[str, str]:
    """Field → its usual header, for the mapping dialog."""
    return {f: FIELD_LABELS.get(f, aliases[0]) for f, aliases in ALIASES.items()}
