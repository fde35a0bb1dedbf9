"""Creating and opening workspaces, statistics and deadlines — the whole-workspace actions.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..domain.clock import Clock, system_clock
from ..domain.enums import Role
from ..domain.workdays import (
    DEFAULT_CALENDAR,
    Deadline,
    WorkCalendar,
    add_days,
    add_months,
    add_workdays,
)
from ..errors import UserError, WorkspaceError, rule_errors
from ..reports.statistics import LedgerStatistics, closure_trend, ledger_statistics
from ..storage import projection
from .session import Session, open_session, set_current_member, uuid_ids
from .team import add_member, seed_reference_data


def create_workspace(
    path: Path | str | None,
    *,
    member_name: str,
    unit: str = "",
    role: str = Role.LEADER,
    password: str | None = None,
    clock: Clock = system_clock,
    new_id: Callable[[], str] = uuid_ids,
) -> Session:
    """A new workspace with the reference data and this laptop's member (encrypted when a
    password is given)."""
    if path is not None and Path(path).exists():
        raise WorkspaceError(f"文件已存在：{path}")
    session = open_session(path, create=True, password=password, clock=clock, new_id=new_id)
    try:
        seed_reference_data(session)
        member = add_member(
            session, name=member_name, unit=unit, role=role, device_id=session.device_id
        )
        set_current_member(session, member_id=member)
        from .roster import my_identity

        my_identity(session)  # the laptop's keys, and with them its member, from the start
    except BaseException:
        session.close()
        raise
    return session


def statistics(session: Session, *, today: dt.date | None = None) -> LedgerStatistics:
    """The ledger's counts as of a day (today when not given)."""
    return ledger_statistics(
        session.conn, today=today or session.today(), calendar=session.calendar
    )


def load_holiday_file(path: Path, year: int | None = None) -> WorkCalendar:
    """A calendar with a user-supplied arrangement: a holiday list (lines: ``2027-01-01 休 元旦``)
    or the State Council's notice saved as text (``year`` when it does not name it)."""
    from .holidays import calendar_from_text, read_holiday_file

    text = read_holiday_file(path)
    try:
        return calendar_from_text(text, year)
    except UserError as e:
        raise UserError(f"节假日文件“{path.name}”：{e}") from e


def compute_deadline(
    calendar: WorkCalendar | None, *, start: dt.date, amount: int, unit: str = "workdays"
) -> Deadline:
    """The due date of a period, with the reasoning and the provisional flag."""
    cal = calendar or DEFAULT_CALENDAR
    fn = {"workdays": add_workdays, "days": add_days, "months": add_months}.get(unit)
    if fn is None:
        raise UserError(f"期间单位“{unit}”无效（workdays / days / months）")
    with rule_errors():
        return fn(start, amount, cal)


def rebuild_projections(session: Session) -> int:
    """Recompute every current-state table from the revisions (repair, verification)."""
    with session.transaction():
        return projection.rebuild(session.conn)


def closure_over_time(session: Session) -> list[tuple[str, float]]:
    """(date, closure rate) for the dashboard's trend chart."""
    return [
        (day, done / total if total else 0.0) for day, total, done in closure_trend(session.conn)
    ]
