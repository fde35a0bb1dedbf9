"""Case numbers (案号): parse, validate and normalise.

The 2016 format is ``（年度）法院代字 类型代字 序号 号``, e.g. ``（2017）云0102执123号``.
The court code is a province abbreviation alone (high court), plus two digits
(intermediate court), plus four digits (basic court); ``最高法`` is the Supreme
People's Court. A number may end in a document suffix: ``（2017）云0102执123号之一``.
Older numbers such as ``（2012）曲中法执字第66号`` or ``（2015）曲中法执字第12-1号`` are kept as
legacy (their type read from before 字 when it is one); a legacy form for a case of 2016 or
later, when the new form was in force, is flagged (:attr:`CaseNumber.warning`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

#: province-level abbreviations used in court codes (兵 = 兵团, 军 = military courts)
PROVINCE_CODES = frozenset("京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新兵军")

ENFORCEMENT_TYPES: dict[str, str] = {
    "执": "首次执行",
    "执恢": "恢复执行",
    "执保": "财产保全执行",
    "执异": "执行异议",
    "执复": "执行复议",
    "执监": "执行监督",
    "执协": "执行协调",
    "执他": "其他执行",
    "执请": "执行请示",
}

#: the first year the 2016 rules on case numbers (法〔2015〕137号) were in force
NEW_FORM_SINCE = 2016


class CourtLevel(StrEnum):
    SUPREME = "最高法"
    HIGH = "高院"
    INTERMEDIATE = "中院"
    BASIC = "基层"


class CaseNumberError(ValueError):
    """A string that is not a valid enforcement case number; the message is for users."""


@dataclass(frozen=True)
class CaseNumber:
    text: str  # normalised form
    year: int
    court_code: str | None
    court_level: CourtLevel | None
    type_code: str | None
    sequence: int
    legacy: bool = False
    #: a document suffix such as 之一 (the number of a second ruling in the same case)
    suffix: str = ""

    @property
    def type_name(self) -> str | None:
        return ENFORCEMENT_TYPES.get(self.type_code or "")

    @property
    def warning(self) -> str | None:
        """What to check about a number that parses: the old form for a case of 2016 or later."""
        if self.legacy and self.year >= NEW_FORM_SINCE:
            return (
                f"案号{self.text}为旧式写法，{NEW_FORM_SINCE}年起应为“（年度）法院代字+类型代字+序号+号”"
                "（如（2017）云0102执123号），请核对"
            )
        return None

    def __str__(self) -> str:
        return self.text


_TYPES_BY_LENGTH = sorted(ENFORCEMENT_TYPES, key=len, reverse=True)
_SUFFIX = r"(?P<suffix>之[一二三四五六七八九十]+)?"
_MODERN = re.compile(
    r"^\((?P<year>\d{4})\)(?P<court>最高法|[^\d()]\d*)(?P<type>[^\d()]+?)(?P<seq>\d+)号"
    + _SUFFIX
    + "$"
)
_LEGACY = re.compile(
    r"^\((?P<year>\d{4})\)(?P<body>[^\d()]+?)字第?(?P<seq>\d+)(?:-(?P<sub>\d+))?号" + _SUFFIX + "$"
)


def _canonical_chars(raw: str) -> str:
    s = unicodedata.normalize("NFKC", raw)
    s = s.replace("〔", "(").replace("〕", ")").replace("[", "(").replace("]", ")")
    s = s.replace("【", "(").replace("】", ")")
    return re.sub(r"\s+", "", s)


def court_level_of(code: str) -> CourtLevel:
    if code == "最高法":
        return CourtLevel.SUPREME
    digits = code[1:]
    return {
        0: CourtLevel.HIGH,
        2: CourtLevel.INTERMEDIATE,
        4: CourtLevel.BASIC,
    }[len(digits)]


#: no case number is longer (the longest legacy forms have about 30 characters)
MAX_LENGTH = 60


def parse_case_number(raw: str, *, min_year: int = 1949, max_year: int = 2100) -> CaseNumber:
    """Parse an enforcement case number; raise :class:`CaseNumberError` with the reason."""
    if raw is None or not str(raw).strip():
        raise CaseNumberError("案号为空")
    if len(str(raw)) > MAX_LENGTH:
        raise CaseNumberError(f"案号过长（{len(str(raw))}个字符），不是有效的案号")
    s = _canonical_chars(str(raw))
    if not re.search(r"号(之[一二三四五六七八九十]+)?$", s):
        raise CaseNumberError(f"案号“{raw}”应以“号”结尾")
    if not s.startswith("("):
        raise CaseNumberError(f"案号“{raw}”应以括号中的年度开头，如（2017）")
    legacy = _LEGACY.match(s)
    if legacy:
        year = int(legacy["year"])
        _check_year(raw, year, min_year, max_year)
        body, suffix = legacy["body"], legacy["suffix"] or ""
        sub = f"-{int(legacy['sub'])}" if legacy["sub"] else ""
        text = f"（{year}）{body}字第{int(legacy['seq'])}{sub}号{suffix}"
        kind = next((t for t in _TYPES_BY_LENGTH if body.endswith(t)), None)
        return CaseNumber(
            text, year, None, None, kind, int(legacy["seq"]), legacy=True, suffix=suffix
        )
    m = _MODERN.match(s)
    if not m:
        raise CaseNumberError(f"案号“{raw}”格式不符合“（年度）法院代字+类型代字+序号+号”")
    year = int(m["year"])
    _check_year(raw, year, min_year, max_year)
    court = m["court"]
    if court != "最高法":
        if court[0] not in PROVINCE_CODES:
            raise CaseNumberError(f"案号“{raw}”中的法院代字“{court}”不是有效的省级简称")
        if len(court) - 1 not in (0, 2, 4):
            raise CaseNumberError(f"案号“{raw}”中的法院代字“{court}”应为省级简称加0、2或4位数字")
    type_code = m["type"]
    if type_code not in ENFORCEMENT_TYPES:
        raise CaseNumberError(
            f"案号“{raw}”的类型代字“{type_code}”不是执行案件类型（{'、'.join(ENFORCEMENT_TYPES)}）"
        )
    seq = int(m["seq"])
    if seq <= 0:
        raise CaseNumberError(f"案号“{raw}”的序号应为正整数")
    suffix = m["suffix"] or ""
    text = f"（{year}）{court}{type_code}{seq}号{suffix}"
    return CaseNumber(text, year, court, court_level_of(court), type_code, seq, suffix=suffix)


def _check_year(raw: str, year: int, lo: int, hi: int) -> None:
    if not lo <= year <= hi:
        raise CaseNumberError(f"案号“{raw}”的年度{year}不在合理范围内")


def normalize_case_number(raw: str) -> str:
    """The canonical text of a case number (raises :class:`CaseNumberError`)."""
    return parse_case_number(raw).text


def is_case_number(raw: str) -> bool:
    try:
        parse_case_number(raw)
    except CaseNumberError:
        return False
    return True
