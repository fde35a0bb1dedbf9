"""The fill-in workbook (填报表) of a court that does not run the app: export it, check what
the court filled in, import the valid rows."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import print_json, workspace


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.court_workbook import export_court_workbook

    with workspace(args.workspace) as session:
        result = export_court_workbook(session, court=args.court, path=Path(args.out))
    print(result.summary())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.court_workbook import import_court_workbook

    evidence = Path(args.evidence) if args.evidence else None
    with workspace(args.workspace) as session:
        result = import_court_workbook(
            session, path=Path(args.file), evidence_dir=evidence, accept=not args.dry_run
        )
    if args.json:
        print_json(result.as_dict())
        return 0
    print(result.summary() + ("（预览，未导入）" if args.dry_run else ""))
    print(f"佐证材料文件夹：{result.evidence_dir}")
    for change in result.accepted:
        print(f"  {_where(change.row, change.number)}：{change.describe()}")
    for rejected in result.rejected:
        print(f"  {_where(rejected.row, rejected.number)}：拒绝，{rejected.reason}")
    return 0


def _where(row: int, number: str) -> str:
    return f"第{row}行（序号{number}）" if number else f"第{row}行"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "court-workbook", help="法院填报表：为不使用本软件的法院导出填报表，导入其填报内容"
    )
    what = p.add_subparsers(dest="what", required=True)
    export = what.add_parser("export", help="导出一个法院的整改情况填报表（xlsx）")
    export.add_argument("workspace")
    export.add_argument("--court", required=True, help="法院（名称、代字或编号）")
    export.add_argument("--out", required=True, help="填报表文件（.xlsx）")
    export.set_defaults(func=cmd_export)
    imp = what.add_parser("import", help="检查并导入法院填好的填报表（只导入有效行）")
    imp.add_argument("workspace")
    imp.add_argument("file", help="填好的填报表（.xlsx）")
    imp.add_argument(
        "--evidence",
        metavar="DIR",
        help="佐证材料文件夹（默认：填报表旁的“填报表名_佐证材料”文件夹，没有时为填报表所在文件夹）",
    )
    imp.add_argument("--dry-run", action="store_true", help="只检查，列出将要变更和被拒绝的行")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=cmd_import)
