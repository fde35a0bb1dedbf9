"""Reports: the Excel ledger, the written report and CSV tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import date_arg, workspace


def cmd_report(args: argparse.Namespace) -> int:
    from ..services.reports import write_reports

    with workspace(args.workspace) as session:
        result = write_reports(
            session,
            xlsx=Path(args.xlsx) if args.xlsx else None,
            docx=Path(args.docx) if args.docx else None,
            pdf=Path(args.pdf) if args.pdf else None,
            csv_dir=Path(args.csv) if args.csv else None,
            kind=args.kind,
            unit=args.unit,
            today=args.today,
            court=args.court,
        )
    print(result.summary())
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="生成台账（xlsx）、报告（docx / pdf）和统计表（csv）")
    p.add_argument("workspace")
    p.add_argument("--xlsx")
    p.add_argument("--docx")
    p.add_argument("--pdf")
    p.add_argument("--csv", metavar="DIR")
    p.add_argument(
        "--kind",
        choices=("feedback", "rectification"),
        default="rectification",
        help="巡查反馈意见或整改情况报告",
    )
    p.add_argument("--unit", help="填报单位（默认本机使用者的单位）")
    p.add_argument(
        "--court",
        help="只写该法院的报告：反馈意见发给该院，整改情况报告由该院报送（名称、代字或编号）",
    )
    p.add_argument("--today", type=date_arg, default=None, help="截至日期（默认今天）")
    p.set_defaults(func=cmd_report)
