"""Case lists: importing a court's list and drawing a sample."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError
from .common import print_json, workspace


def cmd_import_cases(args: argparse.Namespace) -> int:
    from ..services.case_import import import_case_list

    mapping = None
    if args.mapping:
        pairs = [p.split("=", 1) for p in args.mapping.split(",") if p.strip()]
        if any(len(p) != 2 for p in pairs):
            raise UserError("列映射格式应为“表头=字段,表头=字段”，如 案件编号=case_number")
        mapping = {k.strip(): v.strip() for k, v in pairs}
    with workspace(args.workspace) as session:
        result = import_case_list(
            session, path=Path(args.file), court=args.court, mapping=mapping, dry_run=args.dry_run
        )
    if args.json:
        print_json(result.as_dict())
    else:
        print(result.summary())
        for r in result.rejected:
            print(f"  第{r.row}行：{r.reason}")
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from ..services.sampling import export_sampling, sample_cases

    with workspace(args.workspace) as session:
        result = sample_cases(
            session,
            seed=args.seed,
            ratio=args.ratio,
            count=args.count,
            by=args.by,
            closing_method=args.closing_method,
            exclude_reviewed=not args.include_reviewed,
            reviewers=args.reviewer or None,
        )
        if args.out:
            export_sampling(session, sampling_id=result.sampling_id, path=Path(args.out))
    print(result.summary() + (f"；样本清单：{args.out}" if args.out else ""))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import-cases", help="导入法院案件清单（xlsx / xls / csv）")
    p.add_argument("workspace")
    p.add_argument("file")
    p.add_argument("--court", help="案号无法对应法院时使用的法院（名称、代字或编号）")
    p.add_argument("--mapping", help="列映射：表头=字段,…（字段如 case_number、judge、amount）")
    p.add_argument("--dry-run", action="store_true", help="只检查，不导入")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_cases)

    p = sub.add_parser("sample", help="随机抽取待评查案件")
    p.add_argument("workspace")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--ratio", type=float, help="抽样比例，如 0.3")
    how.add_argument("--count", type=int, help="抽样数量")
    p.add_argument("--seed", type=int, required=True, help="随机种子（相同种子抽出相同样本）")
    p.add_argument("--by", choices=("承办人", "结案方式", "案件类型", "法院"), help="分层抽样依据")
    p.add_argument("--closing-method", help="只在该结案方式的案件中抽样，如 终结本次执行程序")
    p.add_argument("--include-reviewed", action="store_true", help="已评查的案件也参与抽样")
    p.add_argument("--reviewer", action="append", help="评查人（可多次指定；默认全部检查人员）")
    p.add_argument("--out", help="把样本清单写入 CSV 文件")
    p.set_defaults(func=cmd_sample)
