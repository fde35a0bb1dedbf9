import pytest

from inspector.domain.case_numbers import (
    CaseNumberError,
    CourtLevel,
    is_case_number,
    normalize_case_number,
    parse_case_number,
)


@pytest.mark.parametrize(
    ("raw", "text", "court", "level", "type_code", "seq"),
    [
        ("（2017）云0102执123号", "（2017）云0102执123号", "云0102", CourtLevel.BASIC, "执", 123),
        ("(2017)云0102执123号", "（2017）云0102执123号", "云0102", CourtLevel.BASIC, "执", 123),
        (
            " （２０１７） 云01 执保 ３号 ",
            "（2017）云01执保3号",
            "云01",
            CourtLevel.INTERMEDIATE,
            "执保",
            3,
        ),
        ("（2020）云执复9号", "（2020）云执复9号", "云", CourtLevel.HIGH, "执复", 9),
        (
            "〔2019〕最高法执监45号",
            "（2019）最高法执监45号",
            "最高法",
            CourtLevel.SUPREME,
            "执监",
            45,
        ),
        ("（2018）京0105执恢1号", "（2018）京0105执恢1号", "京0105", CourtLevel.BASIC, "执恢", 1),
        (
            "（2021）粤03执异0012号",
            "（2021）粤03执异12号",
            "粤03",
            CourtLevel.INTERMEDIATE,
            "执异",
            12,
        ),
        ("（2022）沪执协7号", "（2022）沪执协7号", "沪", CourtLevel.HIGH, "执协", 7),
        ("（2023）兵0101执他2号", "（2023）兵0101执他2号", "兵0101", CourtLevel.BASIC, "执他", 2),
    ],
)
def test_accepted_forms_are_normalised(raw, text, court, level, type_code, seq):
    cn = parse_case_number(raw)
    assert cn.text == text
    assert cn.court_code == court
    assert cn.court_level == level
    assert cn.type_code == type_code
    assert cn.sequence == seq
    assert not cn.legacy
    assert normalize_case_number(raw) == text


def test_every_enforcement_type_code_parses():
    for code in ("执", "执恢", "执保", "执异", "执复", "执监", "执协", "执他"):
        assert parse_case_number(f"（2020）云0102{code}5号").type_code == code


def test_legacy_numbers_are_kept_and_flagged():
    cn = parse_case_number("（2012）曲中法执字第66号")
    assert cn.legacy
    assert cn.text == "（2012）曲中法执字第66号"
    assert cn.year == 2012 and cn.sequence == 66
    assert parse_case_number("(2014)五法执字第０１２号").text == "（2014）五法执字第12号"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "为空"),
        ("   ", "为空"),
        ("2017云0102执1号", "年度开头"),
        ("（2017）云0102执1", "以“号”结尾"),
        ("（2017）云0102民初123号", "不是执行案件类型"),
        ("（2017）XY执1号", "省级简称"),
        ("（2017）云010执1号", "0、2或4位数字"),
        ("（2017）云0102执0号", "正整数"),
        ("（1900）云0102执1号", "年度"),
        ("（17）云0102执1号", "格式"),
        ("云0102执1号（2017）", "结尾"),
    ],
)
def test_invalid_numbers_say_why(raw, reason):
    with pytest.raises(CaseNumberError, match=reason):
        parse_case_number(raw)
    assert not is_case_number(raw)


def test_execution_requests_document_suffixes_and_legacy_sub_numbers():
    assert parse_case_number("（2018）云01执请3号").type_name == "执行请示"
    second = parse_case_number("(2017)云0102执123号之一")
    assert second.text == "（2017）云0102执123号之一" and second.suffix == "之一"
    assert second.sequence == 123 and second.type_code == "执"
    sub = parse_case_number("（2015）曲中法执字第12－1号")
    assert sub.legacy and sub.text == "（2015）曲中法执字第12-1号" and sub.sequence == 12
    assert parse_case_number("（2012）曲中法执恢字第3号").type_code == "执恢"
    assert parse_case_number("（2013）五法执字123号").text == "（2013）五法执字第123号"


def test_the_old_form_for_a_case_of_2016_or_later_is_flagged():
    assert parse_case_number("（2015）曲中法执字第12-1号").warning is None
    late = parse_case_number("（2017）昆执字第5号")
    assert late.legacy and late.warning and "旧式写法" in late.warning
    assert parse_case_number("（2017）云0102执5号").warning is None
