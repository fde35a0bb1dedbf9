"""Values that would block a laptop's sync forever are refused where they enter."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from inspector.domain.records import record_type
from inspector.domain.values import LONG_TEXT, InvalidValue, check_field, check_fields
from inspector.errors import UserError
from inspector.services import records
from inspector.services.attachments import clean_filename
from inspector.services.cases import add_case
from inspector.services.interviews import create_interview
from inspector.services.team import add_court


@pytest.mark.parametrize(
    "amount", [math.nan, math.inf, -math.inf, float("1e309"), 10**400, 1e14, int("9" * 30)]
)
def test_non_finite_and_absurd_amounts_are_refused_with_a_chinese_message(session, amount):
    court = add_court(session, name="五华区法院", level="基层", code="云0102")
    before = session.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]
    with pytest.raises(UserError, match="执行标的额") as err:
        add_case(session, case_number="（2024）云0102执1号", court_id=court, amount=amount)
    assert "nan" not in str(err.value).lower() or "不是有效的数字" in str(err.value)
    assert session.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0] == before


def test_ordinary_amounts_are_kept(session):
    court = add_court(session, name="五华区法院", level="基层", code="云0102")
    cid = add_case(session, case_number="（2024）云0102执2号", court_id=court, amount=123456789.5)
    assert records.get(session, "case", cid)["amount"] == 123456789.5


def test_a_ten_megabyte_interview_is_refused_and_nothing_is_written(session):
    before = session.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0]
    with pytest.raises(UserError, match="过长"):
        create_interview(session, method="座谈", date=dt.date(2025, 9, 22), text="记" * 10_000_000)
    assert session.conn.execute("SELECT COUNT(*) FROM revisions").fetchone()[0] == before
    create_interview(session, method="座谈", date=dt.date(2025, 9, 22), text="记" * LONG_TEXT)


def test_updates_are_checked_too(session):
    court = add_court(session, name="五华区法院", level="基层", code="云0102")
    cid = add_case(session, case_number="（2024）云0102执3号", court_id=court)
    with pytest.raises(UserError, match="到位金额"):
        records.update(session, "case", cid, {"paid_amount": math.nan})


def test_the_revision_log_refuses_what_no_reader_accepts(session):
    with pytest.raises(InvalidValue), session.transaction():
        session.log.write("case", "x", "create", {"amount": math.inf})
    with pytest.raises(InvalidValue), session.transaction():
        session.log.write("sampling", "y", "create", {"cases": ["a" * 40] * 30_000})


def test_nested_numbers_in_lists_are_checked():
    rt = record_type("sampling")
    with pytest.raises(InvalidValue):
        check_fields(rt, {"filters": {"ratio": math.nan}})
    check_field(rt.field("ratio"), 0.3)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("报告\u202efdp.exe", "报告fdp.exe"),
        ("a\x00b\x1fc.txt", "abc.txt"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\照片.jpg", "照片.jpg"),
        ('名称<>:"|?*.docx', "名称_______.docx"),
        ("\u2066\u2067", "附件"),
        ("长" * 300 + ".pdf", "长" * 116 + ".pdf"),
    ],
)
def test_attachment_names_are_cleaned(raw, clean):
    assert clean_filename(raw) == clean


def test_a_huge_attachment_is_refused_before_it_is_read(session, tmp_path, monkeypatch):
    from pathlib import Path

    from inspector.services import attachments

    big = tmp_path / "录像.mp4"
    with big.open("wb") as f:
        f.truncate(attachments.MAX_ATTACHMENT_BYTES + 1)  # sparse: no real bytes
    reads = []
    real_open = Path.open
    monkeypatch.setattr(
        Path, "open", lambda self, *a, **k: reads.append(self) or real_open(self, *a, **k)
    )
    court = add_court(session, name="五华区法院", level="基层", code="云0102")
    iid = create_interview(session, method="座谈", date=dt.date(2025, 9, 22), court_id=court)
    with pytest.raises(UserError, match="超过 200 MB"):
        attachments.add_attachment_file(session, owner_type="interview", owner_id=iid, path=big)
    assert big not in reads
