import datetime as dt

import pytest

from inspector.domain.workdays import (
    WorkCalendar,
    add_days,
    add_months,
    add_workdays,
    format_date,
    parse_holiday_list,
    workdays_between,
)

D = dt.date


def test_national_day_2025_skips_the_holiday_and_counts_the_makeup_saturday():
    d = add_workdays(D(2025, 9, 30), 5)
    # Oct 1–8 off (National Day + Mid-autumn); Sat Oct 11 is a make-up working day
    assert d.due == D(2025, 10, 14)
    assert not d.provisional
    text = "\n".join(d.steps)
    assert "国庆节" in text
    assert "2025-10-11（星期六）为调休上班日" in text


def test_makeup_sunday_before_national_day_2025_is_a_working_day():
    # Fri Sep 26 + 1 working day = Sun Sep 28 (调休)
    assert add_workdays(D(2025, 9, 26), 1).due == D(2025, 9, 28)


def test_spring_festival_2025():
    # Jan 28 – Feb 4 off; Sun Jan 26 and Sat Feb 8 are make-up working days
    assert add_workdays(D(2025, 1, 24), 1).due == D(2025, 1, 26)
    assert add_workdays(D(2025, 1, 27), 1).due == D(2025, 2, 5)
    assert add_workdays(D(2025, 2, 7), 1).due == D(2025, 2, 8)


def test_spring_festival_2026_makeup_saturdays():
    cal = WorkCalendar()
    assert cal.is_workday(D(2026, 2, 14))  # Saturday, 调休
    assert not cal.is_workday(D(2026, 2, 17))  # 春节
    assert cal.is_workday(D(2026, 2, 28))  # Saturday, 调休


def test_start_day_is_not_counted():
    # Mon + 1 working day = Tue
    assert add_workdays(D(2025, 11, 17), 1).due == D(2025, 11, 18)
    assert add_workdays(D(2025, 11, 17), 0).due == D(2025, 11, 17)


def test_unknown_year_falls_back_to_monday_to_friday_and_is_provisional():
    d = add_workdays(D(2099, 3, 6), 1)  # Friday
    assert d.due == D(2099, 3, 9)
    assert d.provisional
    assert "暂定" in d.summary()
    assert any("2099年节假日安排尚未公布" in s for s in d.steps)


def test_period_crossing_into_unknown_year_is_provisional():
    last_known = max(y for y in range(2020, 2100) if WorkCalendar().is_announced(y))
    d = add_workdays(D(last_known, 12, 28), 10)
    assert d.provisional


def test_user_loaded_holidays_override_and_make_a_year_announced():
    days, names = parse_holiday_list(
        [
            "# 2099 holidays",
            "2099-01-01 休 元旦",
            "2099-01-02..2099-01-04 休 元旦",
            "2099-01-10 班 调休",
        ]
    )
    cal = WorkCalendar(days, names)
    assert cal.is_announced(2099)
    d = add_workdays(D(2098, 12, 31), 1, cal)  # 2098 unknown → provisional for that day only
    assert d.due == D(2099, 1, 5)
    d2 = add_workdays(D(2099, 1, 9), 1, cal)  # Friday → Saturday make-up day
    assert d2.due == D(2099, 1, 10)
    assert not d2.provisional
    assert any("元旦" in s for s in d.steps)


def test_user_list_overrides_the_official_calendar():
    cal = WorkCalendar({D(2025, 11, 18): False})
    assert add_workdays(D(2025, 11, 17), 1, cal).due == D(2025, 11, 19)


@pytest.mark.parametrize(
    "line",
    ["2099-01-01", "2099-13-01 休", "2099-01-01 放假", "2099-01-05..2099-01-01 休"],
)
def test_bad_holiday_lines_name_the_line(line):
    with pytest.raises(ValueError, match="第2行"):
        parse_holiday_list(["", line])


def test_calendar_days_period_ending_on_a_holiday_runs_to_next_working_day():
    d = add_days(D(2025, 9, 1), 30)  # nominal Oct 1, National Day
    assert d.due == D(2025, 10, 9)
    assert any("顺延至2025-10-09" in s for s in d.steps)


def test_calendar_days_period_ending_on_a_working_day_is_not_moved():
    assert add_days(D(2025, 11, 3), 10).due == D(2025, 11, 13)


def test_calendar_days_period_ending_on_a_makeup_saturday_is_not_moved():
    # Sep 11 + 30 days = Sat Oct 11 2025, a make-up working day
    assert add_days(D(2025, 9, 11), 30).due == D(2025, 10, 11)


def test_month_period_uses_the_last_day_of_a_shorter_month():
    # Nov 30 + 3 months → Feb 28 2026 (a make-up Saturday: stays)
    assert add_months(D(2025, 11, 30), 3).due == D(2026, 2, 28)
    # Jan 31 + 1 month → Feb 28 2025 (Friday)
    assert add_months(D(2025, 1, 31), 1).due == D(2025, 2, 28)


def test_month_period_ending_in_spring_festival_rolls_forward():
    # Dec 17 2025 + 2 months = Feb 17 2026 (春节) → Feb 24
    assert add_months(D(2025, 12, 17), 2).due == D(2026, 2, 24)


def test_negative_amounts_are_rejected():
    for fn in (add_workdays, add_days, add_months):
        with pytest.raises(ValueError):
            fn(D(2025, 1, 1), -1)


def test_workdays_between_counts_the_end_and_not_the_start():
    assert workdays_between(D(2025, 9, 26), D(2025, 10, 13)) == (7, False)
    assert workdays_between(D(2025, 10, 13), D(2025, 9, 26)) == (-7, False)
    assert workdays_between(D(2025, 11, 17), D(2025, 11, 17)) == (0, False)


def test_dates_in_official_form():
    assert format_date(D(2017, 10, 15)) == "2017年10月15日"


def test_an_unannounced_year_still_skips_new_years_day():
    # chinese-calendar knows 2026, not 2027: 2027-01-01 (Friday) is 元旦 all the same
    d = add_workdays(D(2026, 12, 28), 5)
    assert d.due == D(2027, 1, 5)
    assert d.provisional and "调休安排未知" in d.summary()
    assert any("元旦" in s for s in d.steps)


def test_an_unannounced_year_skips_the_spring_festival_from_new_years_eve():
    # 2027: 除夕 Fri Feb 5, 初一 to 初三 Feb 6–8
    d = add_workdays(D(2027, 2, 3), 5)
    assert d.due == D(2027, 2, 12)
    assert any("春节" in s for s in d.steps)


def test_the_holidays_the_law_fixes():
    from inspector.domain.workdays import statutory_holidays

    days = statutory_holidays(2027)
    assert sorted(d for d, name in days.items() if name == "春节") == [
        D(2027, 2, 5),
        D(2027, 2, 6),
        D(2027, 2, 7),
        D(2027, 2, 8),
    ]
    assert days[D(2027, 4, 5)] == "清明节"
    assert days[D(2027, 6, 9)] == "端午节" and days[D(2027, 9, 15)] == "中秋节"
    assert [d for d, n in days.items() if n == "劳动节"] == [D(2027, 5, 1), D(2027, 5, 2)]
    assert [d for d, n in days.items() if n == "国庆节"] == [D(2027, 10, d) for d in (1, 2, 3)]
    assert len(days) == 13
    # the lunar dates agree with the official calendar of a year it knows
    known = statutory_holidays(2025)
    assert {d for d, n in known.items() if n in ("春节", "端午节", "中秋节", "清明节")} == {
        D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31),
        D(2025, 4, 4), D(2025, 5, 31), D(2025, 10, 6),
    }  # fmt: skip
    assert not WorkCalendar().day(D(2027, 10, 2)).is_workday
    assert WorkCalendar().day(D(2027, 10, 2)).provisional


def test_iso_dates_in_prose_read_as_documents_write_them():
    from inspector.domain.workdays import prose_dates

    assert (
        prose_dates("立案2024-09-09，结案2025-02-01，间隔145日（期限于2025-11-24届满）")
        == "立案2024年9月9日，结案2025年2月1日，间隔145日（期限于2025年11月24日届满）"
    )
    assert (
        prose_dates("编号2024-13-45与（2024）云0102执23号")
        == "编号2024-13-45与（2024）云0102执23号"
    )
