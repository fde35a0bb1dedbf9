"""Ledger packages: export, import (merge), verification, conflicts and history."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError
from .common import print_json, workspace


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.packages import export_package

    with workspace(args.workspace) as session:
        result = export_package(
            session, path=Path(args.out), since_last_to=args.since_last_to, to=args.to
        )
    print(result.summary())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.packages import batch_warnings, import_packages

    with workspace(args.workspace) as session:
        paths = [Path(p) for p in args.packages]
        if not args.dry_run and not args.yes:
            warned = batch_warnings(session, paths=paths)
            if warned:
                raise UserError("；".join(warned) + "。确认无误请加 --yes 重新导入")
        results = import_packages(
            session, paths=[Path(p) for p in args.packages], dry_run=args.dry_run
        )
    if args.json:
        print_json([r.as_dict() for r in results])
    else:
        for r in results:
            print(r.summary())
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from ..services.packages import verify_package

    with workspace(args.workspace) as session:
        report = verify_package(session, path=Path(args.package))
    if args.json:
        print_json(report.as_dict())
    else:
        print(
            f"台账包有效：{report.sender}于{report.created_at}导出，修改记录{report.revisions}条，"
            f"附件{report.blobs}个，签名与名册一致"
        )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    """List the conflicts (each with a key and its numbered values), or, with --decide KEY,
    decide one: --take N keeps the N-th value, --value a new one."""
    from ..services.conflicts import decide_conflict, list_conflicts

    with workspace(args.workspace) as session:
        if args.decide:
            if (args.take is None) == (args.value is None):
                raise UserError("请用 --take N 选第 N 个值，或用 --value 给出新值（二者选一）")
            chosen = decide_conflict(
                session, key=args.decide, take=args.take, value=args.value, note=args.note or ""
            )
            print(f"已处理冲突：{chosen}")
            return 0
        conflicts = list_conflicts(session)
    if args.json:
        print_json([c.as_dict() for c in conflicts])
        return 0
    if not conflicts:
        print("没有待处理的冲突")
    for c in conflicts:
        print(f"{c.key}  {c.record_label}“{c.summary}”的{c.field_label}：")
        for n, x in enumerate(c.candidates, start=1):
            print(f"  {n}. {x['display']}  —— {x['member']}（{x['device']}，{x['at']}）")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from ..services.conflicts import record_provenance

    with workspace(args.workspace) as session:
        p = record_provenance(session, record_id=args.record_id)
    if args.json:
        print_json(p.as_dict())
        return 0
    print(f"创建：{p.created_by}，{p.created_on}，{p.created_at}")
    print(f"最后修改：{p.updated_by}，{p.updated_on}，{p.updated_at}")
    ops = {"create": "创建", "update": "修改", "delete": "删除"}
    for h in p.history:
        fields = "、".join(h["fields"])
        print(f"  {h['at']}  {h['by']}（{h['laptop']}）{ops[h['op']]} {fields}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="导出台账包（默认全量）")
    p.add_argument("workspace")
    p.add_argument("out")
    p.add_argument("--since-last-to", metavar="MEMBER", help="只导出该组员尚未收到的内容")
    p.add_argument(
        "--to",
        metavar="MEMBER",
        action="append",
        help="加密发给谁（可重复；默认：组员发给组长，组长发给全组）",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="导入（合并）台账包")
    p.add_argument("workspace")
    p.add_argument("packages", nargs="+")
    p.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    p.add_argument(
        "--yes", action="store_true", help="台账包属于本工作区没有的巡查活动时，仍然导入"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("verify", help="核验台账包的完整性和签名")
    p.add_argument("package")
    p.add_argument("--workspace", required=True, help="用其中的名册核验签名")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("conflicts", help="列出待组长处理的冲突，或处理其中一个")
    p.add_argument("workspace")
    p.add_argument("--decide", metavar="KEY", help="要处理的冲突（列表中每个冲突前的编号）")
    p.add_argument("--take", type=int, metavar="N", help="采用第 N 个值")
    p.add_argument("--value", help="采用这个新值")
    p.add_argument("--note", help="处理说明")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)

    p = sub.add_parser("history", help="记录的来源：谁在哪台电脑上何时创建和修改")
    p.add_argument("workspace")
    p.add_argument("record_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)
