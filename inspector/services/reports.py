"""Reports for the higher court: the Excel ledger, the Word report, its PDF, CSV of every table.

Everything is computed from the workspace at one moment, so the totals in every file
agree with ``inspector stats``. Runs on the thread that owns the session.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.workdays import format_date
from ..errors import UserError, describe_os_error
from ..reports.chart import category_chart
from ..reports.content import KINDS, build_report, court_report, topic_report
from ..reports.csv_writer import SafeWriter, safe_frame
from ..reports.docx_writer import write_docx
from ..reports.ledger import (
    LEAD_COLUMNS,
    LEDGER_COLUMNS,
    LEDGER_PROBLEM_COLUMNS,
    PROBLEM_COLUMNS,
    iter_lead_rows,
    iter_ledger_rows,
    iter_problem_rows,
)
from ..reports.pdf_writer import write_pdf
from ..reports.statistics import ledger_statistics, report_tables
from ..reports.xlsx_writer import LedgerWorkbook
from .bulk import paused_gc
from .drafts import blocks_from_json, draft_of, unwritten_note
from .session import Session
from .team import find_court

Progress = Callable[[str, int], None]


@dataclass
class ReportResult:
    files: list[Path] = field(default_factory=list)
    ledger_rows: int = 0
    problem_rows: int = 0
    #: what the reader should still see to (a feedback section not yet written)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            "已生成："
            + "、".join(p.name for p in self.files)
            + "".join(f"。注意：{n}" for n in self.notes)
        )


def _atomic(target: Path, write: Callable[[Path], Any]) -> Path:
    """Write to a temporary file beside the target, then rename: no half-written report."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
        )
        os.close(fd)
    except OSError as e:
        raise UserError(f"无法写入“{target.parent}”：{describe_os_error(e)}") from e
    try:
        write(Path(tmp))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        # writers may wrap the OS error (xlsxwriter's FileCreateError)
        cause = (
            e
            if isinstance(e, OSError)
            else next((a for a in getattr(e, "args", ()) if isinstance(a, OSError)), None)
        )
        if cause is not None:
            raise UserError(
                f"写入“{target.name}”失败（{describe_os_error(cause)}），未生成文件"
            ) from e
        raise
    return target


def _unit(session: Session, unit: str | None) -> str:
    if unit:
        return unit
    m = session.member()
    return (m.get("unit") if m else None) or "巡查组"


def write_reports(
    session: Session,
    *,
    xlsx: Path | None = None,
    docx: Path | None = None,
    pdf: Path | None = None,
    csv_dir: Path | None = None,
    kind: str = "rectification",
    unit: str | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    court: str | None = None,
    letterhead: Letterhead | None = None,
) -> ReportResult:
    """The Excel ledger, the written report (Word, PDF) and CSV tables. ``court`` (a name,
    代字 or id): the written report is that court's own — the team's feedback to it, or its
    整改情况报告 to the team — instead of the combined one; ``kind`` topic is the 专题报告 to
    the higher court, across every court. ``letterhead``: the Word document's 发文机关标志,
    发文字号, 签发人, 主送机关 and 版记. Runs on a worker in the app."""
    if kind not in KINDS:
        raise UserError(f"报告类型应为：{'、'.join(KINDS)}")
    if not any((xlsx, docx, pdf, csv_dir)):
        raise UserError("请指定至少一种输出（--xlsx / --docx / --pdf / --csv）")
    if kind == "topic" and court:
        raise UserError("专题报告写全部被检查法院的情况，不按单个法院生成")
    court_id = find_court(session, court)["id"] if court else None
    with paused_gc():
        return _write_reports(
            session,
            xlsx,
            docx,
            pdf,
            csv_dir,
            kind,
            unit,
            today,
            progress,
            court_id,
            letterhead or Letterhead(),
        )


@dataclass(frozen=True)
class Letterhead:
    """What a Word document carries beside its text (GB/T 9704), each left out when empty."""

    #: 发文机关标志, e.g. 云南省高级人民法院文件
    issuer: str = ""
    #: 发文字号, e.g. 云高法〔2026〕12号
    doc_number: str = ""
    #: 签发人 of an upward document (the 专题报告)
    signer: str = ""
    #: 主送机关 of the 专题报告 (by default the court that issued the campaign)
    recipient: str = ""
    #: 版记: 抄送, 印发机关, 印发日期
    copy_to: str = ""
    printed_by: str = ""
    printed_on: dt.date | None = None


def _write_reports(
    session: Session,
    xlsx: Path | None,
    docx: Path | None,
    pdf: Path | None,
    csv_dir: Path | None,
    kind: str,
    unit: str | None,
    today: dt.date | None,
    progress: Progress | None,
    court_id: str | None = None,
    letterhead: Letterhead | None = None,
) -> ReportResult:
    head = letterhead or Letterhead()
    today = today or session.today()
    conn = session.conn
    result = ReportResult()
    who = session.member()
    tables = report_tables(conn, today=today)
    unit_name = _unit(session, unit)
    if xlsx:
        if progress:
            progress("xlsx", 0)

        def excel(tmp: Path) -> None:
            book = LedgerWorkbook(tmp)
            filled_by = who["name"] if who else ""
            meta = [
                f"填报单位：{unit_name}",
                f"填报人：{filled_by}",
                f"截至日期：{today.year}年{today.month}月{today.day}日",
            ]
            # signed and sealed on paper: who filled it in, who checked it, the unit's seal
            sign = [f"填报人：{filled_by}", "审核人：", "填报单位（盖章）："]
            result.ledger_rows = book.sheet(
                "整改台账",
                title="执行工作巡查问题整改台账",
                meta=meta,
                columns=LEDGER_COLUMNS,
                rows=iter_ledger_rows(conn, today=today),
                progress=(lambda n: progress("xlsx", n)) if progress else None,
                merge_columns=LEDGER_PROBLEM_COLUMNS,
                sign=sign,
            )
            result.problem_rows = book.sheet(
                "问题清单",
                title="执行工作巡查问题清单",
                meta=meta,
                columns=PROBLEM_COLUMNS,
                rows=iter_problem_rows(conn),
                sign=sign,
            )
            book.sheet(
                "一案双查台账",
                title="执行工作“一案双查”台账",
                meta=meta,
                columns=LEAD_COLUMNS,
                rows=iter_lead_rows(conn, today=today),
                sign=sign,
            )
            book.tables("统计", tables)
            book.close()

        result.files.append(_atomic(xlsx, excel))
    if docx or pdf:
        stats = ledger_statistics(conn, today=today)
        with tempfile.TemporaryDirectory() as tmpdir:
            chart = category_chart(
                Path(tmpdir) / "chart.png", stats.problems_by_category, stats.items_by_state
            )
            found = _draft(session, court_id, kind) if kind != "topic" else None
            draft = blocks_from_json(found["blocks"]) if found else None
            drafted = str(found["generated_at"] or "")[:10] if found else ""
            if draft and drafted and drafted != today.isoformat():
                result.notes.append(
                    f"反馈意见按{format_date(dt.date.fromisoformat(drafted))}的台账起草，"
                    "其中的日期和报送期限如需更新，请在反馈意见草稿中修改或按台账重新生成"
                )
            blocks = (
                topic_report(
                    conn,
                    today=today,
                    unit=unit_name,
                    tables=tables,
                    recipient=head.recipient or None,
                )
                if kind == "topic"
                else draft
                if draft
                else court_report(conn, court_id=court_id, kind=kind, today=today, team=unit_name)
                if court_id
                else build_report(
                    conn,
                    kind=kind,
                    today=today,
                    unit=unit_name,
                    tables=tables,
                    chart=chart if kind != "feedback" else None,  # a feedback has no chart
                )
            )
            note = unwritten_note(blocks) if kind == "feedback" else None
            if note:
                result.notes.append(note)
            if docx:
                if progress:
                    progress("docx", 0)
                result.files.append(
                    _atomic(
                        docx,
                        lambda tmp: write_docx(
                            tmp,
                            blocks,
                            issuer=head.issuer or None,
                            doc_number=head.doc_number or None,
                            signer=head.signer or None,
                            copy_to=head.copy_to or None,
                            printed_by=head.printed_by or None,
                            printed_on=head.printed_on,
                        ),
                    )
                )
            if pdf:
                if progress:
                    progress("pdf", 0)
                result.files.append(_atomic(pdf, lambda tmp: write_pdf(tmp, blocks)))
    if csv_dir:
        result.files.extend(write_csv(session, folder=Path(csv_dir), today=today, tables=tables))
    return result


def _draft(session: Session, court_id: str | None, kind: str) -> dict[str, Any] | None:
    """The team's draft of the court's document, when there is one: what is exported."""
    return draft_of(session, court_id=court_id, kind=kind)


def write_csv(
    session: Session, *, folder: Path, today: dt.date, tables: dict[str, Any] | None = None
) -> list[Path]:
    """Every table as CSV (UTF-8 with BOM so that Excel reads the Chinese)."""
    tables = tables if tables is not None else report_tables(session.conn, today=today)
    out = []

    def rows_file(name: str, columns: tuple[str, ...], rows: Any) -> None:
        def write(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8-sig", newline="") as f:
                w = SafeWriter(f)
                w.writerow(columns)
                w.writerows(rows)

        out.append(_atomic(folder / name, write))

    rows_file("整改台账.csv", LEDGER_COLUMNS, iter_ledger_rows(session.conn, today=today))
    rows_file("问题清单.csv", PROBLEM_COLUMNS, iter_problem_rows(session.conn))
    rows_file("一案双查台账.csv", LEAD_COLUMNS, iter_lead_rows(session.conn, today=today))
    for title, frame in tables.items():

        def table_file(tmp: Path, fr: Any = frame) -> None:
            safe_frame(fr).to_csv(tmp, index=False, encoding="utf-8-sig")

        out.append(_atomic(folder / f"{title}.csv", table_file))
    return out
