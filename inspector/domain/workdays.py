"""Deadlines in working days, calendar days and months, following Chinese court rules.

* "N working days" skip weekends and public holidays and count make-up working days
  (调休). The start day is not counted.
* A period in days or months whose last day is a holiday or weekend runs to the
  next working day (民事诉讼法 第八十五条).
* The official calendar comes from ``chinese_calendar`` for the years it knows. A
  user-loaded list (or the State Council's notice, see ``holiday_notice``) overrides it
  and teaches it a new year. For a year nobody has announced yet, the holidays the law
  fixes are skipped (全国年节及纪念日放假办法 as revised in 2024), with their lunar dates
  and 清明 from ``lunar_python``; the result is still provisional, because the year's
  make-up working days (调休) and 补假 are not known until the notice.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

import chinese_calendar
from lunar_python import Lunar

WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

_HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


def _known_years() -> frozenset[int]:
    years = {d.year for d in chinese_calendar.holidays} | {
        d.year for d in chinese_calendar.workdays
    }
    return frozenset(years)


OFFICIAL_YEARS: frozenset[int] = _known_years()


@cache
def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The days off the law fixes for every year (全国年节及纪念日放假办法, revised 2024, in
    force 2025): 元旦 1 day; 春节 4 days, 除夕 to 初三; 清明 1; 劳动节 5/1–5/2; 端午 1;
    中秋 1; 国庆 10/1–10/3. The lunar dates and 清明 (a solar term) are computed."""
    days: dict[dt.date, str] = {dt.date(year, 1, 1): "元旦"}

    def solar(lunar: Lunar) -> dt.date:
        s = lunar.getSolar()
        return dt.date(s.getYear(), s.getMonth(), s.getDay())

    new_year = Lunar.fromYmd(year, 1, 1)
    for offset in range(-1, 3):  # 除夕 (the day before 正月初一) to 初三
        days[solar(new_year.next(offset))] = "春节"
    qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    days[dt.date(qingming.getYear(), qingming.getMonth(), qingming.getDay())] = "清明节"
    for day in (1, 2):
        days[dt.date(year, 5, day)] = "劳动节"
    days[solar(Lunar.fromYmd(year, 5, 5))] = "端午节"
    days[solar(Lunar.fromYmd(year, 8, 15))] = "中秋节"
    for day in (1, 2, 3):
        days[dt.date(year, 10, day)] = "国庆节"
    return days


@cache
def _official_day(d: dt.date) -> tuple[bool, str | None]:
    """(is a working day, holiday name in Chinese) from the official calendar."""
    on_holiday, name = chinese_calendar.get_holiday_detail(d)
    return not on_holiday, (_HOLIDAY_NAMES_ZH.get(name, name) if name and on_holiday else None)


def format_date(d: dt.date) -> str:
    """2017年10月15日 — the date form of Chinese official documents."""
    return f"{d.year}年{d.month}月{d.day}日"


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def prose_dates(text: str) -> str:
    """Every ISO date in a text (the rules' reasons write them so) in the documents' form:
    2025-11-24 → 2025年11月24日; anything that is not a real date is left as it is."""

    def one(m: re.Match[str]) -> str:
        try:
            return format_date(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m[0]

    return _ISO_DATE.sub(one, text)


def describe(d: dt.date) -> str:
    return f"{d.isoformat()}（{WEEKDAYS_ZH[d.weekday()]}）"


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    is_workday: bool
    provisional: bool  # the year's official calendar is unknown
    holiday_name: str | None = None  # set for a holiday that falls on a weekday
    makeup: bool = False  # a weekend day that is a working day (调休)


@dataclass
class WorkCalendar:
    """A working-day calendar: the official one plus user overrides.

    ``overrides`` maps a date to True (working day) or False (day off). Any year
    that appears in ``overrides`` counts as announced, so a user who loads next
    year's holiday list gets non-provisional deadlines for it.
    """

    overrides: Mapping[dt.date, bool] = field(default_factory=dict)
    override_names: Mapping[dt.date, str] = field(default_factory=dict)

    @property
    def override_years(self) -> frozenset[int]:
        return frozenset(d.year for d in self.overrides)

    def is_announced(self, year: int) -> bool:
        return year in OFFICIAL_YEARS or year in self.override_years

    def day(self, d: dt.date) -> DayInfo:
        weekend = d.weekday() >= 5
        if d in self.overrides:
            work = self.overrides[d]
            name = self.override_names.get(d) if not work else None
            return DayInfo(d, work, False, name, makeup=work and weekend)
        if d.year in OFFICIAL_YEARS:
            work, zh = _official_day(d)
            return DayInfo(d, work, False, zh, makeup=work and weekend)
        if d.year in self.override_years:
            # the user's list for that year names the exceptions; the rest follow the week
            return DayInfo(d, not weekend, False)
        fixed = statutory_holidays(d.year).get(d)
        if fixed is not None:
            return DayInfo(d, False, True, fixed)
        return DayInfo(d, not weekend, True)

    def is_workday(self, d: dt.date) -> bool:
        return self.day(d).is_workday


DEFAULT_CALENDAR = WorkCalendar()


@dataclass(frozen=True)
class Deadline:
    """A computed due date and the reasoning an inspector can read."""

    start: dt.date
    amount: int
    unit: str  # "workdays" | "days" | "months"
    due: dt.date
    provisional: bool
    steps: tuple[str, ...]

    @property
    def unit_zh(self) -> str:
        return {"workdays": "个工作日", "days": "日", "months": "个月"}[self.unit]

    def summary(self) -> str:
        text = (
            f"自{describe(self.start)}起{self.amount}{self.unit_zh}，截止日期为{describe(self.due)}"
        )
        if self.provisional:
            text += "（暂定：该年度节假日安排尚未公布，已按法定节假日计算，调休安排未知）"
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "amount": self.amount,
            "unit": self.unit,
            "due": self.due.isoformat(),
            "due_zh": format_date(self.due),
            "weekday": WEEKDAYS_ZH[self.due.weekday()],
            "provisional": self.provisional,
            "summary": self.summary(),
            "steps": list(self.steps),
        }


def day_off_reason(info: DayInfo) -> str:
    """Why a day is off, in Chinese: the holiday's name, 周末 or 休息日."""
    if info.holiday_name:
        return f"{info.holiday_name}假期"
    return "周末" if info.date.weekday() >= 5 else "休息日"


def _group_skipped(skipped: list[DayInfo]) -> list[str]:
    """Fold consecutive skipped days with the same reason into one line."""
    lines: list[str] = []
    run: list[DayInfo] = []

    def flush() -> None:
        if not run:
            return
        reason = day_off_reason(run[0])
        if len(run) == 1:
            lines.append(f"跳过{describe(run[0].date)}：{reason}")
        else:
            lines.append(
                f"跳过{describe(run[0].date)}至{describe(run[-1].date)}共{len(run)}天：{reason}"
            )
        run.clear()

    for info in skipped:
        if run and (
            info.date - run[-1].date != dt.timedelta(days=1)
            or day_off_reason(info) != day_off_reason(run[0])
        ):
            flush()
        run.append(info)
    flush()
    return lines


def add_workdays(start: dt.date, n: int, calendar: WorkCalendar = DEFAULT_CALENDAR) -> Deadline:
    """The date N working days after ``start`` (the start day itself is not counted)."""
    if n < 0:
        raise ValueError("工作日数不能为负数")
    steps = [f"起算日{describe(start)}不计入"]
    provisional = False
    skipped: list[DayInfo] = []
    makeups: list[DayInfo] = []
    d = start
    counted = 0
    while counted < n:
        d += dt.timedelta(days=1)
        info = calendar.day(d)
        provisional |= info.provisional
        if info.is_workday:
            counted += 1
            if info.makeup:
                makeups.append(info)
        else:
            skipped.append(info)
    steps.extend(_group_skipped(skipped))
    steps.extend(f"{describe(m.date)}为调休上班日，计为工作日" for m in makeups)
    steps.append(f"第{n}个工作日为{describe(d)}")
    if provisional:
        years = sorted({i.year for i in _span(start, d) if not calendar.is_announced(i.year)})
        steps.append(
            f"{'、'.join(map(str, years))}年节假日安排尚未公布，已跳过法定节假日，"
            "调休上班日未知，暂定；可导入国务院办公厅当年节假日安排通知"
        )
    return Deadline(start, n, "workdays", d, provisional, tuple(steps))


def _span(a: dt.date, b: dt.date) -> Iterable[dt.date]:
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


def _roll_to_workday(
    nominal: dt.date, calendar: WorkCalendar, steps: list[str]
) -> tuple[dt.date, bool]:
    d = nominal
    provisional = calendar.day(d).provisional
    skipped = []
    while not (info := calendar.day(d)).is_workday:
        skipped.append(info)
        provisional |= info.provisional
        d += dt.timedelta(days=1)
    if skipped:
        steps.append(
            f"期间届满日{describe(nominal)}为{day_off_reason(skipped[0])}，顺延至{describe(d)}"
        )
    return d, provisional


def add_days(start: dt.date, n: int, calendar: WorkCalendar = DEFAULT_CALENDAR) -> Deadline:
    """N calendar days after ``start``; ending on a day off, it runs to the next working day."""
    if n < 0:
        raise ValueError("天数不能为负数")
    nominal = start + dt.timedelta(days=n)
    steps = [f"起算日{describe(start)}不计入", f"第{n}日为{describe(nominal)}"]
    due, provisional = _roll_to_workday(nominal, calendar, steps)
    return Deadline(start, n, "days", due, provisional, tuple(steps))


def add_months_nominal(start: dt.date, n: int) -> dt.date:
    """The same day N months later; the month's last day when that day does not exist."""
    month0 = start.month - 1 + n
    year = start.year + month0 // 12
    month = month0 % 12 + 1
    day = min(start.day, _cal.monthrange(year, month)[1])
    return dt.date(year, month, day)


def add_months(start: dt.date, n: int, calendar: WorkCalendar = DEFAULT_CALENDAR) -> Deadline:
    """A period of N months: ends on the corresponding day, rolled past days off."""
    if n < 0:
        raise ValueError("月数不能为负数")
    nominal = add_months_nominal(start, n)
    steps = [f"自{describe(start)}起{n}个月，期间届满日为{describe(nominal)}"]
    due, provisional = _roll_to_workday(nominal, calendar, steps)
    return Deadline(start, n, "months", due, provisional, tuple(steps))


def workdays_between(
    start: dt.date, end: dt.date, calendar: WorkCalendar = DEFAULT_CALENDAR
) -> tuple[int, bool]:
    """How many working days after ``start`` ``end`` falls (start excluded, end included).

    ``end`` on a day off counts as the next working day's ordinal would not: it is
    the number of working days in (start, end]. Returns (count, provisional).
    A negative count means ``end`` precedes ``start``.
    """
    if end < start:
        count, prov = workdays_between(end, start, calendar)
        return -count, prov
    count = 0
    provisional = False
    d = start
    while d < end:
        d += dt.timedelta(days=1)
        info = calendar.day(d)
        provisional |= info.provisional
        if info.is_workday:
            count += 1
    return count, provisional


def parse_holiday_list(lines: Iterable[str]) -> tuple[dict[dt.date, bool], dict[dt.date, str]]:
    """Read a user-supplied holiday list, one day or range a line.

    Accepted lines (``#`` starts a comment)::

        2027-01-01 休 元旦
        2027-02-06..2027-02-13 休 春节
        2027-02-14 班 春节调休

    ``休`` (or ``off``) marks days off, ``班`` (or ``work``) make-up working days.
    Raises ``ValueError`` naming the line number of the first bad line.
    """
    days: dict[dt.date, bool] = {}
    names: dict[dt.date, str] = {}
    for no, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) < 2:
            raise ValueError(f"第{no}行格式有误：应为“日期 休/班 [名称]”")
        span, kind = parts[0], parts[1]
        name = " ".join(parts[2:])
        if kind in ("休", "off", "holiday"):
            work = False
        elif kind in ("班", "work", "workday"):
            work = True
        else:
            raise ValueError(f"第{no}行：无法识别“{kind}”，应为“休”或“班”")
        try:
            if ".." in span:
                a_s, b_s = span.split("..", 1)
                a, b = dt.date.fromisoformat(a_s), dt.date.fromisoformat(b_s)
            else:
                a = b = dt.date.fromisoformat(span)
        except ValueError:
            raise ValueError(f"第{no}行：日期“{span}”无效，应为 2027-01-01 格式") from None
        if b < a:
            raise ValueError(f"第{no}行：结束日期早于开始日期")
        for d in _span(a, b):
            days[d] = work
            if name:
                names[d] = name
    return days, names
