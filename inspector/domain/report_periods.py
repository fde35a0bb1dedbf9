"""What a feedback asks of an inspected court, counted from the feedback's own date: its
整改方案 within so many days and its 整改情况报告 within so many months. A campaign may set
its own; 30 days and 3 months otherwise."""

from __future__ import annotations

PLAN_DAYS = 30
REPORT_MONTHS = 3
#: the periods a campaign may set
PLAN_DAYS_RANGE = (1, 180)
REPORT_MONTHS_RANGE = (1, 24)


def report_periods(plan_days: object, report_months: object) -> tuple[int, int]:
    """The campaign's periods, or the usual ones where it set none."""
    days = plan_days if isinstance(plan_days, int) and plan_days > 0 else PLAN_DAYS
    months = report_months if isinstance(report_months, int) and report_months > 0 else None
    return days, months or REPORT_MONTHS


def period_errors(plan_days: int | None, report_months: int | None) -> list[str]:
    """What is wrong with the periods a user gave (None: not given)."""
    errors = []
    low, high = PLAN_DAYS_RANGE
    if plan_days is not None and not low <= plan_days <= high:
        errors.append(f"整改方案报送期限应为{low}至{high}天")
    low, high = REPORT_MONTHS_RANGE
    if report_months is not None and not low <= report_months <= high:
        errors.append(f"整改情况报告报送期限应为{low}至{high}个月")
    return errors
