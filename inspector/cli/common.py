"""What the commands share: opening a workspace (asking for its password), JSON output,
dates as arguments."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError

if TYPE_CHECKING:
    from ..services.session import Session

PASSWORD_ENV = "INSPECTOR_PASSWORD"


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”无效，应为 2025-09-30 格式") from None


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def password(prompt: str = "工作区密码：", *, confirm: bool = False) -> str:
    """From ``INSPECTOR_PASSWORD`` (scripts), else asked on the terminal without echo."""
    import getpass
    import os

    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        if not given:
            raise UserError(f"环境变量 {PASSWORD_ENV} 为空，请设置密码或删除该变量")
        return given
    if not sys.stdin.isatty():
        raise UserError(f"工作区已加密：请在终端中运行以输入密码，或设置环境变量 {PASSWORD_ENV}")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再次输入：") != first:
        raise UserError("两次输入的密码不一致")
    return first


@contextlib.contextmanager
def workspace(path: str | Path) -> Iterator[Session]:
    """An open workspace for one command (asking for its password when it is encrypted),
    closed however the command ends."""
    from ..services.security import needs_password
    from ..services.session import open_session

    secret = password() if needs_password(Path(path)) else None
    session = open_session(path, password=secret)
    try:
        yield session
    finally:
        session.close()
