"""The ``inspector`` command: headless use of the services, everything a leader may script.

Each command sits next to its parser in the module of its area. Exit code 0 on success; on any
failure, non-zero with one clear line on stderr (a bug's traceback goes to the log file).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import UserError
from . import (
    accountability,
    cases,
    check,
    court,
    follow_up,
    reports,
    security,
    sync,
    team,
    workbook,
    workspace,
)

AREAS = (
    workspace,
    team,
    follow_up,
    sync,
    court,
    accountability,
    cases,
    check,
    reports,
    workbook,
    security,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector", description="巡查台账：执行巡查工作台账命令行工具"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for area in AREAS:
        area.register(sub)
    return parser


def _commands() -> frozenset[str]:
    parser = build_parser()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        return frozenset(getattr(action, "choices", {}) or {})
    return frozenset()


COMMANDS = _commands()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except UserError as e:
        print(f"错误：{one_line(str(e))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (``inspector stats | head``): nothing more to say to it
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as e:
        from ..errors import describe_os_error

        name = f"“{e.filename}”：" if getattr(e, "filename", None) else ""
        print(f"错误：{name}{describe_os_error(e)}", file=sys.stderr)
        return 1
    except Exception as e:  # a bug: the traceback goes to the log, the user gets one line
        from ..logs import internal_error

        print(f"错误：{internal_error(e, f'running {args.command}')}", file=sys.stderr)
        return 2


def one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
