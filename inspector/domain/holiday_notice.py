"""The State Council's yearly holiday notice (国务院办公厅关于××年部分节假日安排的通知), read
from its text as published or pasted:

    一、元旦：1月1日（周三）放假1天，不调休。
    二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
    1月26日（周日）、2月8日（周六）上班。

Each numbered item gives a holiday's days off (a day or a range, "至6日" keeping the month)
and the make-up working days it names before "上班". Dates of 元旦 in December belong to the
year before. The result is the holiday list the working-day calendar loads, after which the
year's deadlines are no longer provisional.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .workdays import WEEKDAYS_ZH

_ITEM = re.compile(r"(?:^|\n|。)\s*([一二三四五六七八九十]+)、([^:\n。]{1,20}?):")
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日")
_ASIDE = re.compile(r"\([^)]*\)")
_COUNT = re.compile(r"(?:共|放假)(\d+)天")
_YEAR = re.compile(r"(\d{4})年(?:部分)?节假日")


@dataclass(frozen=True)
class NoticeHoliday:
    name: str
    off: tuple[dt.date, ...]
    work: tuple[dt.date, ...]


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    holidays: tuple[NoticeHoliday, ...]
    #: things to check by eye (a make-up working day that is not a weekend day…)
    warnings: tuple[str, ...] = ()

    def list_lines(self) -> list[str]:
        """The arrangement in the holiday-list format (``2025-01-01 休 元旦``), a line a day."""
        lines = []
        for h in self.holidays:
            lines += [f"{d.isoformat()} 休 {h.name}" for d in h.off]
            lines += [f"{d.isoformat()} 班 {h.name}调休" for d in h.work]
        return lines

    def preview(self) -> list[str]:
        """One line per holiday for the user to check before loading."""
        out = []
        for h in self.holidays:
            text = f"{h.name}：{_day(h.off[0])}"
            if len(h.off) > 1:
                text += f"至{_day(h.off[-1])}"
            text += f"放假，共{len(h.off)}天"
            if h.work:
                text += "；" + "、".join(_day(d) for d in h.work) + "上班"
            out.append(text)
        return out


def _day(d: dt.date) -> str:
    return f"{d.isoformat()}（{WEEKDAYS_ZH[d.weekday()]}）"


def looks_like_notice(text: str) -> bool:
    """A notice (numbered items "一、元旦：…", or its title), not a holiday list."""
    clean = unicodedata.normalize("NFKC", text)
    return _ITEM.search(clean) is not None or _YEAR.search(clean) is not None


def parse_holiday_notice(text: str, year: int | None = None) -> HolidayNotice:
    """Read a notice's text; ``year`` when the text does not say it (a pasted excerpt).
    Raises ``ValueError`` with a message for users."""
    clean = unicodedata.normalize("NFKC", text).replace("\r", "")
    if year is None:
        found = _YEAR.search(clean)
        if found is None:
            raise ValueError("无法确定通知所属年度：请一并粘贴通知标题，或指定年度")
        year = int(found.group(1))
    if not 2000 <= year <= 2200:
        raise ValueError(f"年度“{year}”无效")
    starts = list(_ITEM.finditer(clean))
    holidays = []
    warnings: list[str] = []
    for i, m in enumerate(starts):
        name = m.group(2).strip()
        body = clean[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(clean)]
        if "放假" not in body:
            continue
        holidays.append(_holiday(name, body, year, warnings))
    if not holidays:
        raise ValueError(
            "未能从通知中识别出节假日安排（应为“一、元旦：1月1日（周三）放假1天……”的格式）"
        )
    seen: dict[dt.date, str] = {}
    for h in holidays:
        for d in (*h.off, *h.work):
            if d in seen:
                raise ValueError(f"{d.isoformat()}在“{seen[d]}”和“{h.name}”中重复出现，请核对")
            seen[d] = h.name
    return HolidayNotice(year, tuple(holidays), tuple(warnings))


def _holiday(name: str, body: str, year: int, warnings: list[str]) -> NoticeHoliday:
    plain = _ASIDE.sub("", body)
    sentences = [s for s in re.split(r"[。;；]", plain) if s.strip()]
    off_sentence = next(s for s in sentences if "放假" in s)
    before = off_sentence.split("放假", 1)[0]
    dates = _dates(before, name, year)
    if not dates:
        raise ValueError(f"“{name}”一项没有可识别的放假日期")
    if len(dates) > 2 or (len(dates) == 2 and "至" not in before):
        raise ValueError(f"“{name}”的放假日期应为一天或“某日至某日”")
    first, last = dates[0], dates[-1]
    if last < first:
        raise ValueError(f"“{name}”的放假结束日期早于开始日期")
    off = tuple(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    count = _COUNT.search(off_sentence)
    if count and int(count.group(1)) != len(off):
        raise ValueError(
            f"“{name}”：{first.isoformat()}至{last.isoformat()}共{len(off)}天，"
            f"与通知所写“{count.group(0)}”不符，请核对"
        )
    work: list[dt.date] = []
    for s in sentences:
        if "上班" in s and "放假" not in s:
            work += _dates(s.split("上班")[0] if s.count("上班") == 1 else s, name, year)
    for d in work:
        if d.weekday() < 5:
            warnings.append(f"{name}的调休上班日{_day(d)}不是周末，请核对")
    return NoticeHoliday(name, off, tuple(sorted(set(work))))


def _dates(text: str, name: str, year: int) -> list[dt.date]:
    """The dates written in a piece of text, a missing month taken from the date before (至6日)
    and December dates of 元旦 in the year before."""
    out: list[dt.date] = []
    month: int | None = None
    for m in _DATE.finditer(text):
        y_text, m_text, d_text = m.groups()
        if m_text:
            month = int(m_text)
        if month is None:
            raise ValueError(f"“{name}”中的“{m.group(0)}”缺少月份")
        y = int(y_text) if y_text else year - 1 if month == 12 and "元旦" in name else year
        if out and not y_text and (month, int(d_text)) < (out[-1].month, out[-1].day):
            y = out[-1].year + 1  # a range across the new year: 12月31日至1月1日
        try:
            out.append(dt.date(y, month, int(d_text)))
        except ValueError:
            raise ValueError(f"“{name}”中的日期“{m.group(0)}”不存在") from None
    return out
