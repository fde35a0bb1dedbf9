"""A year's official holiday arrangement, loaded by the user: the State Council's notice as
published (pasted or saved as a text file) or a holiday list (``2027-01-01 休 元旦``). It is
previewed first, then stored on this laptop; that year's deadlines are then no longer
provisional.

Every function here runs on the thread that owns the session it is given (quick: the GUI
thread); the ones without a session run anywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.holiday_notice import looks_like_notice, parse_holiday_notice
from ..domain.workdays import WEEKDAYS_ZH, WorkCalendar, parse_holiday_list
from ..errors import UserError
from .session import Session, holidays_text, save_holidays


@dataclass(frozen=True)
class HolidayPreview:
    """What loading a text would do, for the user to check before it is stored."""

    #: the years the text arranges (what was loaded for them before is replaced)
    years: tuple[int, ...]
    #: one line per holiday (a notice) or per day (a list), in Chinese
    lines: tuple[str, ...]
    #: the arrangement in the holiday-list format, as it is stored
    list_text: str
    #: things to check by eye before loading
    warnings: tuple[str, ...]
    days_off: int
    workdays: int

    def summary(self) -> str:
        years = "、".join(f"{y}年" for y in self.years)
        return f"{years}节假日安排：休息日{self.days_off}天，调休上班日{self.workdays}天"


def preview_holidays(*, text: str, year: int | None = None) -> HolidayPreview:
    """Read a notice's text or a holiday list without storing it.
    ``year``: the notice's year when the pasted text does not name it."""
    if not text.strip():
        raise UserError("请粘贴国务院办公厅节假日安排通知的内容，或选择节假日清单文件")
    if looks_like_notice(text):
        try:
            notice = parse_holiday_notice(text, year)
        except ValueError as e:
            raise UserError(f"节假日安排通知：{e}") from e
        list_text = "\n".join(notice.list_lines())
        lines = tuple(notice.preview())
        warnings = notice.warnings
        years: tuple[int, ...] = (notice.year,)
    else:
        list_text = text.strip()
        lines, warnings, years = (), (), ()
    try:
        days, names = parse_holiday_list(list_text.splitlines())
    except ValueError as e:
        raise UserError(f"节假日清单{e}") from e
    if not days:
        raise UserError("节假日清单中没有日期")
    if not lines:
        lines = tuple(
            f"{d.isoformat()}（{WEEKDAYS_ZH[d.weekday()]}）"
            f"{'上班' if work else '休息'}{(' ' + names[d]) if d in names else ''}"
            for d, work in sorted(days.items())
        )
    # a notice arranges its own year (元旦 may start in the December before)
    years = years or tuple(sorted({d.year for d in days}))
    return HolidayPreview(
        years=years,
        lines=lines,
        list_text=list_text,
        warnings=tuple(warnings),
        days_off=sum(1 for w in days.values() if not w),
        workdays=sum(1 for w in days.values() if w),
    )


def load_holidays(session: Session, *, text: str, year: int | None = None) -> HolidayPreview:
    """Store a year's arrangement on this laptop (what :func:`preview_holidays` showed),
    replacing what was loaded before for the same years; that year's deadlines are no longer
    provisional. Returns the preview of what was stored."""
    preview = preview_holidays(text=text, year=year)
    kept = [
        line
        for line in holidays_text(session).splitlines()
        if line.strip() and _line_year(line) not in preview.years
    ]
    save_holidays(session, text="\n".join([*kept, preview.list_text]))
    return preview


def _line_year(line: str) -> int | None:
    head = line.split("#", 1)[0].strip()[:4]
    return int(head) if head.isdigit() else None


def read_holiday_file(path: Path) -> str:
    """The text of a holiday file (a notice saved as text, or a holiday list)."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as e:
        raise UserError(f"无法读取节假日文件“{Path(path).name}”：{e.strerror}") from e
    except UnicodeDecodeError:
        raise UserError(f"节假日文件“{Path(path).name}”不是 UTF-8 文本") from None


def calendar_from_text(text: str, year: int | None = None) -> WorkCalendar:
    """A calendar with an arrangement that is not stored (the ``deadline`` command's file)."""
    days, names = parse_holiday_list(preview_holidays(text=text, year=year).list_text.splitlines())
    return WorkCalendar(days, names)


def is_provisional(session: Session, day: dt.date) -> bool:
    """Whether deadlines in ``day``'s year are still provisional on this laptop."""
    return not session.calendar.is_announced(day.year)
