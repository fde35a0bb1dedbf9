"""The State Council's holiday notice, read from its text and loaded as a year's calendar."""

import datetime as dt
import json
from pathlib import Path

import chinese_calendar
import pytest

from inspector.cli import main
from inspector.domain.holiday_notice import parse_holiday_notice
from inspector.domain.workdays import WorkCalendar, add_workdays, parse_holiday_list
from inspector.errors import UserError
from inspector.services.holidays import load_holidays, preview_holidays
from inspector.services.session import holidays_text

D = dt.date
NOTICE_2025 = (Path(__file__).parent.parent / "data" / "holiday-notice-2025.txt").read_text(
    encoding="utf-8"
)
# a notice for a year the official calendar does not know yet (its days made up for the test)
NOTICE_2027 = """一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至12日（农历正月初八、周五）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。"""


def test_the_2025_notice_gives_the_official_calendar_of_2025():
    notice = parse_holiday_notice(NOTICE_2025)
    assert notice.year == 2025 and notice.warnings == ()
    days, names = parse_holiday_list(notice.list_lines())
    cal = WorkCalendar(days, names)
    d = D(2025, 1, 1)
    while d.year == 2025:
        assert cal.is_workday(d) == chinese_calendar.is_workday(d), d
        d += dt.timedelta(days=1)
    assert notice.preview()[1] == (
        "春节：2025-01-28（星期二）至2025-02-04（星期二）放假，共8天；"
        "2025-01-26（星期日）、2025-02-08（星期六）上班"
    )


def test_new_years_day_may_begin_in_the_december_before():
    notice = parse_holiday_notice(
        "一、元旦：12月30日（周六）至1月1日（周一）放假调休，共3天。", 2024
    )
    assert notice.holidays[0].off == (D(2023, 12, 30), D(2023, 12, 31), D(2024, 1, 1))
    written = parse_holiday_notice("一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。", 2023)
    assert written.holidays[0].off[0] == D(2022, 12, 31)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027年节假日安排\n一、元旦：1月1日至3日放假，共4天。", "共3天，与通知所写“共4天”不符"),
        ("一、元旦：1月1日放假。", "无法确定通知所属年度"),
        ("国务院办公厅关于2027年部分节假日安排的通知", "未能从通知中识别出节假日安排"),
        ("2027年节假日安排\n一、春节：2月30日放假。", "日期“2月30日”不存在"),
        ("2027年节假日安排\n一、春节：放假调休。", "没有可识别的放假日期"),
    ],
)
def test_a_notice_that_cannot_be_read_says_why(text, message):
    with pytest.raises(ValueError, match=message):
        parse_holiday_notice(text)


def test_a_make_up_day_on_a_weekday_is_flagged():
    notice = parse_holiday_notice(
        "一、春节：2月5日至11日放假调休，共7天。2月15日（周一）上班。", 2027
    )
    assert notice.warnings == ("春节的调休上班日2027-02-15（星期一）不是周末，请核对",)


def test_loading_a_notice_makes_the_year_no_longer_provisional(session):
    preview = preview_holidays(text=NOTICE_2027, year=2027)
    assert preview.years == (2027,) and preview.days_off == 11 and preview.workdays == 2
    assert preview.summary() == "2027年节假日安排：休息日11天，调休上班日2天"
    assert add_workdays(D(2027, 2, 3), 5, session.calendar).provisional
    load_holidays(session, text=NOTICE_2027, year=2027)
    d = add_workdays(D(2027, 2, 3), 5, session.calendar)
    assert not d.provisional
    # Feb 4 Thu; Feb 5–12 off; Sun Feb 14 a make-up day; Feb 15, 16, 17
    assert d.due == D(2027, 2, 17)
    # loading the year again replaces its days rather than adding to them
    load_holidays(
        session,
        text=NOTICE_2027.replace("12日（农历正月初八", "11日（农历正月初七").replace(
            "共8天", "共7天"
        ),
        year=2027,
    )
    assert holidays_text(session).count("2027-02-12") == 0
    with pytest.raises(UserError, match="无法确定通知所属年度"):
        preview_holidays(text=NOTICE_2027)
    with pytest.raises(UserError, match="请粘贴"):
        preview_holidays(text="  ")


def test_the_holidays_command_previews_and_loads(capsys, tmp_path, session):
    notice = tmp_path / "2027.txt"
    notice.write_text(
        "国务院办公厅关于2027年部分节假日安排的通知\n" + NOTICE_2027, encoding="utf-8"
    )
    path = str(session.workspace.path)
    session.close()
    assert main(["holidays", path, str(notice), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "春节：2027-02-05（星期五）至2027-02-12（星期五）放假，共8天" in out and "未导入" in out
    assert main(["holidays", path, str(notice), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["loaded"] is True
    assert (
        main(["deadline", "2027-02-03", "5", "--workdays", "--json", "--holidays", str(notice)])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["due"] == "2027-02-17" and data["provisional"] is False
