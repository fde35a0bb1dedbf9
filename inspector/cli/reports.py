"""Reports: the Excel ledger, the written report and CSV tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import date_arg, workspace


def cmd_report(args: argparse.Namespace) -> int:
    from ..services.reports import Letterhead, write_reports

    head = Letterhead(
        issuer=args.issuer or "",
        doc_number=args.doc_number or "",
        signer=args.signer or "",
        recipient=args.recipient or "",
        copy_to=args.copy_to or "",
        printed_by=args.printed_by or "",
        printed_on=args.printed_on,
    )
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
            letterhead=head,
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
        choices=("feedback", "rectification", "topic"),
        default="rectification",
        help="巡查反馈意见、整改情况报告，或报送上级法院的专题报告（topic）",
    )
    p.add_argument("--unit", help="填报单位（默认本机使用者的单位）")
    p.add_argument(
        "--court",
        help="只写该法院的报告：反馈意见发给该院，整改情况报告由该院报送（名称、代字或编号）",
    )
    p.add_argument("--today", type=date_arg, default=None, help="截至日期（默认今天）")
    head = p.add_argument_group("公文格式（Word）")
    head.add_argument("--issuer", help="发文机关标志，如“云南省高级人民法院文件”")
    head.add_argument("--doc-number", help="发文字号，如“云高法〔2026〕12号”")
    head.add_argument("--signer", help="签发人（上行文，如专题报告）")
    head.add_argument("--recipient", help="专题报告的主送机关（默认为发文法院）")
    head.add_argument("--copy-to", help="版记：抄送机关")
    head.add_argument("--printed-by", help="版记：印发机关")
    head.add_argument("--printed-on", type=date_arg, help="版记：印发日期")
    p.set_defaults(func=cmd_report)
