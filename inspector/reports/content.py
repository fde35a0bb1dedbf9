"""What a written report says, independent of Word or PDF: blocks in reading order."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.enums import SourceType
from ..domain.report_periods import report_periods
from ..domain.workdays import add_days, add_months, format_date, prose_dates
from ..reference import checklists
from .ledger import problems_by_category
from .statistics import ledger_statistics

KINDS = {"feedback": "巡查反馈意见", "rectification": "整改情况报告", "topic": "专题报告"}
NUMERALS = "一二三四五六七八九十"


@dataclass
class Block:
    #: title | addressee (主送机关) | h1 | h2 | p | table | image | signature | attachment (its title)
    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    image: Path | None = None


def _methods(reviews: int, talks: int, problems: int, *, yours: bool) -> str:
    """How the team worked and what it counted, naming only the methods it used:
    "通过听取汇报、调卷评查、系统检查、座谈走访等方式，评查你院案卷12件，开展座谈走访2次，
    发现问题5个" (to one court; "共评查案卷…" across courts)."""
    ways = ["听取汇报", *(["调卷评查"] if reviews else []), "系统检查"]
    ways += ["座谈走访"] if talks else []
    counts = [f"评查你院案卷{reviews}件" if yours else f"共评查案卷{reviews}件"] if reviews else []
    counts += [f"开展座谈走访{talks}次"] if talks else []
    counts.append(f"发现问题{problems}个")
    return f"通过{'、'.join(ways)}等方式，" + "，".join(counts)


#: a draft's paragraph the team still has to write; the export says so while one is left
TO_WRITE = "【待巡查组填写"
ACHIEVEMENTS_TO_WRITE = f"{TO_WRITE}：你院执行工作的主要成效和经验做法。】"


def unwritten(blocks: list[Block]) -> list[str]:
    """The headings of the sections whose text the team has still to write."""
    heading, out = "", []
    for b in blocks:
        if TO_WRITE in b.text:  # in whatever a user made of it, a heading too
            if heading not in out:
                out.append(heading)
        elif b.kind in ("h1", "h2"):
            heading = b.text
    return [h.split("、", 1)[-1] or "正文" for h in out]


@dataclass
class ReviewFinding:
    """What the dossier reviews found against one checklist, as the problems the team raised
    from them: "评查终本案件40件，其中12件未采取限制消费措施，如（2024）云0102执23号等；…" and the
    problems that sentence states."""

    category: str
    text: str
    problems: set[str]


def review_findings(
    conn: sqlite3.Connection, court_id: str | None, groups: dict[str, list[dict[str, Any]]]
) -> list[ReviewFinding]:
    """The problems of ``groups`` (category → problems) the team raised from a failed checklist
    item of a review, counted per category and checklist against the reviews of that checklist
    (at the court, or across courts when ``court_id`` is None, naming the courts). A problem
    states the items of its review whose finding its description names; one that names none
    (rewritten by hand) stays a point of its own. Items failed in the same cases are stated
    together ("1件A、B，如…")."""
    where, args = ("AND c.court_id = ?", (court_id,)) if court_id else ("", ())
    reviewed = dict(
        conn.execute(
            f"""SELECT r.template_code, COUNT(*) FROM reviews r JOIN cases c ON c.id = r.case_id
                WHERE r.deleted = 0 {where} GROUP BY r.template_code ORDER BY MIN(r.review_date)""",
            args,
        ).fetchall()
    )
    sources = [
        p["source_id"]
        for problems in groups.values()
        for p in problems
        if p["source_type"] == SourceType.REVIEW.value and p["source_id"]
    ]
    info: dict[str, tuple[str, str, str, tuple[Any, ...], set[str]]] = {}
    for review, template, number, court, order in conn.execute(
        """SELECT r.id, r.template_code, COALESCE(c.case_number, ''), COALESCE(ct.name, ''),
                  json_array(COALESCE(ct.code, ''), COALESCE(c.case_year, 0),
                             COALESCE(c.case_number_legacy, 0), COALESCE(c.case_number, ''))
           FROM reviews r JOIN cases c ON c.id = r.case_id LEFT JOIN courts ct ON ct.id = c.court_id
           WHERE r.deleted = 0 AND r.id IN (SELECT value FROM json_each(?))""",
        (json.dumps(sources),),
    ):
        info[review] = (template, number, court, tuple(json.loads(order)), set())
    for review, code in conn.execute(
        """SELECT review_id, item_code FROM review_answers
           WHERE deleted = 0 AND result = '不符合' AND review_id IN (SELECT value FROM json_each(?))""",
        (json.dumps(sources),),
    ):
        if review in info:
            info[review][4].add(code)
    lists = checklists()
    subjects = [lists[t].counted_as for t in reviewed if t in lists]
    out: list[ReviewFinding] = []
    for category, problems in groups.items():
        # (template, item code) → the reviews failing it that a problem states
        stated: dict[tuple[str, str], set[str]] = {}
        covered: dict[str, set[str]] = {}
        for p in problems:
            found = (
                info.get(p["source_id"] or "")
                if p["source_type"] == SourceType.REVIEW.value
                else None
            )
            if found is None or found[0] not in lists:
                continue
            template, failed = found[0], found[4]
            checklist = lists[template]
            text = p["description"] or ""
            named = [
                item.code
                for item in checklist.items
                if item.code in failed
                and (item.failed_as_prose() in text or item.text.split("（")[0] in text)
            ]
            for code in named:
                stated.setdefault((template, code), set()).add(p["source_id"])
            if named:
                covered.setdefault(template, set()).add(p["id"])
        for template, total in reviewed.items():
            if template not in covered:
                continue
            checklist = lists[template]
            # items failed in the same reviews go together, in the checklist's order
            together: dict[tuple[str, ...], list[str]] = {}
            for item in checklist.items:
                cases = stated.get((template, item.code))
                if cases:
                    key = tuple(sorted(cases, key=lambda r: info[r][3]))
                    together.setdefault(key, []).append(item.failed_as_prose())
            parts = []
            for reviews_of, findings in together.items():
                rows = [info[r][1:4] for r in reviews_of]
                part = f"{len(reviews_of)}件{'、'.join(findings)}"
                if court_id is None:
                    courts = list(dict.fromkeys(c for _, c, _ in rows if c))
                    part += f"，涉及{'、'.join(courts[:3])}"
                    part += f"等{len(courts)}家法院" if len(courts) > 3 else ""
                numbers = list(dict.fromkeys(n for n, _, _ in rows if n))
                if numbers:
                    part += f"，如{'、'.join(numbers[:3])}{'等' if len(numbers) > 3 else ''}"
                parts.append(part)
            subject = checklist.counted_as
            lead = f"对照{checklist.name}，" if subjects.count(subject) > 1 else ""
            text = f"{lead}评查{subject}{total}件，其中" + "；".join(parts) + "。"
            out.append(ReviewFinding(category, text, covered[template]))
    return out


def _problem_points(
    category: str,
    problems: list[dict[str, Any]],
    findings: list[ReviewFinding],
    *,
    name_courts: bool,
) -> list[str]:
    """A category's points: what the reviews found, then one point per kind of the other
    problems (a problem made from a review the first points state is not repeated)."""
    stated = [f for f in findings if f.category == category]
    covered = set().union(*(f.problems for f in stated)) if stated else set()
    points = [f"{n}. {f.text}" for n, f in enumerate(stated, start=1)]
    kinds: dict[str, list[dict[str, Any]]] = {}
    for p in problems:
        if p["id"] in covered:
            continue
        kinds.setdefault(p["subtype"] or category, []).append(p)
    for kind_name, found in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        point = _kind_point(len(points) + 1, kind_name, found, name_courts=name_courts)
        points.append(prose_dates(point))
    return points


def _category_heading(n: int, category: str, problems: list[dict[str, Any]]) -> str:
    count = f"（{len(problems)}个）" if problems else ""
    return f"（{_cn(n)}）{category}问题{count}"


def _achievements(conn: sqlite3.Connection, court_id: str | None, today: dt.date) -> list[Block]:
    """二、主要成效: for the team to write; the draft opens with what the ledger shows (reviews
    graded 合格, problems already put right and closed) and a paragraph marked for the team."""
    where, args = ("AND c.court_id = ?", (court_id,)) if court_id else ("", ())
    reviewed, passed = conn.execute(
        f"""SELECT COUNT(*), COALESCE(SUM(r.grade = '合格'), 0) FROM reviews r
            JOIN cases c ON c.id = r.case_id WHERE r.deleted = 0 {where}""",
        args,
    ).fetchone()
    closed = conn.execute(
        f"""SELECT COUNT(*) FROM rectification_items i JOIN problems c ON c.id = i.problem_id
            WHERE i.deleted = 0 AND c.deleted = 0 AND i.state = '已销号'
              AND substr(COALESCE(i.closed_at, ''), 1, 10) <= ? {where}""",
        (today.isoformat(), *args),
    ).fetchone()[0]
    facts = []
    if reviewed and passed * 2 >= reviewed:  # an achievement only when most passed
        facts.append(f"调卷评查的{reviewed}件案卷中，{passed}件评查合格")
    if closed:
        whose = "你院" if court_id else "各被检查法院"
        facts.append(f"对巡查发现的问题，{whose}已完成整改并销号{closed}项")
    blocks = [Block("h1", "二、主要成效")]
    if facts:
        blocks.append(Block("p", "；".join(facts) + "。"))
    text = (
        ACHIEVEMENTS_TO_WRITE if court_id else ACHIEVEMENTS_TO_WRITE.replace("你院", "各被检查法院")
    )
    blocks.append(Block("p", text))
    return blocks


def _periods(campaign: Any, plan_days: int | None, report_months: int | None) -> tuple[int, int]:
    """The days for the 整改方案 and the months for the 整改情况报告: as given, else as the
    campaign set them, else the usual 30 and 3."""
    return report_periods(
        plan_days if plan_days is not None else (campaign[5] if campaign else None),
        report_months if report_months is not None else (campaign[6] if campaign else None),
    )


def _cn(n: int) -> str:
    return NUMERALS[n - 1] if n <= 10 else str(n)


def _cell(column: str, value: Any) -> str:
    if column.endswith("率"):  # a ratio, written as a percentage
        return "—" if value is None or value != value else f"{float(value):.1%}"
    return prose_dates(str(value))


def _kind_point(
    number: int, kind: str, found: list[dict[str, Any]], *, name_courts: bool = True
) -> str:
    """One point of the feedback: a kind of problem, how many and (across courts) at which
    courts, what the first one found says, and up to three example 案号."""
    courts = list(dict.fromkeys(p["court"] for p in found if p["court"] and name_courts))
    where = (
        f"涉及{'、'.join(courts[:3])}{'等' + _count(len(courts)) + '家法院' if len(courts) > 3 else ''}"
        if courts
        else ""
    )
    examples = [e for p in found for e in _split(p["examples"])]
    shown = list(dict.fromkeys(examples))[:3]
    first = found[0]["description"].rstrip("。；;")
    text = f"{number}. {kind}问题{_count(len(found))}个"
    text += f"，{where}。" if where else "。"
    if len(found) == 1 or re.search(r"如[（(：:]", first):  # one giving its own example
        text += f"{first}。"
    else:
        text += f"如：{first}。"
    if shown and not all(e in found[0]["description"] for e in shown):
        text += f"例证案号：{'、'.join(shown)}{'等' if len(set(examples)) > len(shown) else ''}。"
    return text


def _split(examples: Any) -> list[str]:
    if not examples:
        return []
    if isinstance(examples, list | tuple):
        return [str(e) for e in examples]
    return [e for e in str(examples).replace("，", "、").replace(",", "、").split("、") if e]


def _count(n: int) -> str:
    """Counts as official documents write them: in Arabic digits (the structure's numbers,
    一、（一）, are words)."""
    return str(n)


def _table(frame: Any) -> list[list[str]]:
    columns = [str(c) for c in frame.columns]
    return [columns] + [
        [_cell(c, v) for c, v in zip(columns, row, strict=True)]
        for row in frame.itertuples(index=False)
    ]


def build_report(
    conn: sqlite3.Connection,
    *,
    kind: str,
    today: dt.date,
    unit: str,
    tables: dict[str, Any],
    chart: Path | None,
    plan_days: int | None = None,
    report_months: int | None = None,
) -> list[Block]:
    """The feedback to inspected courts (巡查反馈意见) or the rectification report (整改情况报告).
    The feedback asks for the 整改方案 within ``plan_days`` days and the 整改情况报告 within
    ``report_months`` months of its date — by default what the campaign set, else 30 days and 3
    months (a later deadline the campaign set is kept)."""
    if kind not in KINDS:
        raise ValueError(kind)
    stats = ledger_statistics(conn, today=today)
    campaign = conn.execute(
        "SELECT name, doc_number, start_date, end_date, report_deadline, plan_days, report_months "
        "FROM campaigns "
        "WHERE deleted = 0 ORDER BY start_date LIMIT 1"
    ).fetchone()
    name = campaign[0] if campaign else "执行工作巡查"
    counts, items = stats.counts, stats.items
    courts = len(stats.problems_by_court)
    label = KINDS[kind]
    if name.endswith("巡查") and label.startswith("巡查"):
        label = label.removeprefix("巡查")  # …专项巡查 + 反馈意见, not 巡查巡查
    blocks = [Block("title", f"{name}{label}")]
    when = ""
    if campaign and campaign[2]:
        start, end = (
            dt.date.fromisoformat(campaign[2]),
            dt.date.fromisoformat(campaign[3] or campaign[2]),
        )
        when = f"于{format_date(start)}至{format_date(end)}"
    if kind == "feedback":
        blocks.append(Block("addressee", "各被检查法院："))
        blocks.append(
            Block(
                "p",
                f"根据{campaign[1] + '的' if campaign and campaign[1] else ''}工作部署，巡查组{when}对{courts}家法院"
                "执行工作开展了巡查。现将巡查情况反馈如下。",
            )
        )
        blocks.append(Block("h1", "一、总体情况"))
        blocks.append(
            Block(
                "p",
                f"巡查组{_methods(counts['review'], counts['interview'], counts['problem'], yours=False)}。",
            )
        )
        blocks += _achievements(conn, None, today)
        blocks.append(Block("h1", "三、发现的主要问题"))
        groups = problems_by_category(conn)
        findings = review_findings(conn, None, groups)
        for n, (category, problems) in enumerate(groups.items(), start=1):
            blocks.append(Block("h2", _category_heading(n, category, problems)))
            # one point per checklist and per kind of problem, with how many, where, and
            # examples — not one point per failed checklist item of every case
            for point in _problem_points(category, problems, findings, name_courts=True):
                blocks.append(Block("p", point))
        blocks.append(Block("h1", "四、问题分布"))
        blocks.append(Block("table", rows=_table(tables["问题分布（法院×类别）"])))
        if chart:
            blocks.append(Block("image", image=chart))
        # counted from the document's own date: a deadline the campaign set that has passed
        # by then would ask the courts for what they can no longer do
        days, months = _periods(campaign, plan_days, report_months)
        plan_due = add_days(today, days).due
        report_due = add_months(today, months).due
        if campaign and campaign[4] and dt.date.fromisoformat(campaign[4]) > report_due:
            report_due = dt.date.fromisoformat(campaign[4])
        blocks.append(Block("h1", "五、整改要求"))
        blocks.append(
            Block(
                "p",
                "各被检查法院要按照“解决一个、销号一个”的要求，逐项制定整改措施，明确责任单位、责任人和整改时限，"
                f"于{format_date(plan_due)}前报送整改方案；立行立改的问题立即整改，限期整改的问题按时限完成，"
                f"并于{format_date(report_due)}前报送整改情况报告及佐证材料。",
            )
        )
    else:
        blocks.append(
            Block(
                "p",
                f"巡查反馈问题{counts['problem']}个，制定整改事项{items.total}项。截至{format_date(today)}，"
                f"已销号{items.closed}项，销号率{stats.closure_rate:.1%}；"
                f"正在整改{items.open}项，其中逾期{items.overdue}项、3个工作日内到期{items.due_soon}项"
                + (
                    f"、时限已过但已在时限内提交佐证材料待核查{items.overdue_awaiting_verification}项。"
                    if items.overdue_awaiting_verification
                    else "。"
                ),
            )
        )
        blocks.append(Block("h1", "一、整改工作总体情况"))
        blocks.append(Block("table", rows=_table(tables["整改状态"])))
        if chart:
            blocks.append(Block("image", image=chart))
        blocks.append(Block("h1", "二、各法院整改进度"))
        blocks.append(Block("h2", "（一）销号情况"))
        blocks.append(Block("table", rows=_table(tables["各法院销号率"])))
        blocks.append(Block("h2", "（二）逾期事项"))
        blocks.append(Block("table", rows=_table(tables["逾期时长"])))
        blocks.append(Block("h1", "三、下一步工作"))
        blocks.append(
            Block(
                "p",
                "对逾期未完成的事项逐项督办，对已销号事项开展“回头看”，防止问题反弹；"
                "举一反三，建立健全长效机制，确保整改取得实效。",
            )
        )
        blocks.append(Block("p", "特此报告。"))
    blocks.append(Block("signature", f"{unit}\n{format_date(today)}"))
    return blocks


def court_report(
    conn: sqlite3.Connection,
    *,
    court_id: str,
    kind: str,
    today: dt.date,
    team: str,
    plan_days: int | None = None,
    report_months: int | None = None,
) -> list[Block]:
    """One inspected court's document. The feedback (巡查反馈意见) goes from the team to the
    court, about its own problems only; the 整改情况报告 goes from the court to the team: item
    by item what was done and what it achieved, what is closed, what is still open and why."""
    if kind not in KINDS:
        raise ValueError(kind)
    row = conn.execute("SELECT name FROM courts WHERE id = ?", (court_id,)).fetchone()
    if row is None:
        raise ValueError(court_id)
    court = str(row[0])
    campaign = conn.execute(
        "SELECT name, doc_number, start_date, end_date, report_deadline, plan_days, report_months "
        "FROM campaigns "
        "WHERE deleted = 0 ORDER BY start_date LIMIT 1"
    ).fetchone()
    name = campaign[0] if campaign else "执行工作巡查"
    items = conn.execute(
        """SELECT p.description, i.measure, i.state, i.deadline, i.last_progress, i.closed_at,
                  p.id, i.id, i.responsible_unit, i.responsible_person
           FROM rectification_items i JOIN problems p ON p.id = i.problem_id
           WHERE i.deleted = 0 AND p.deleted = 0 AND p.court_id = ?
           ORDER BY p.found_date, p.id, i.deadline, i.id""",
        (court_id,),
    ).fetchall()
    if kind == "feedback":
        return _court_feedback(
            conn, court_id, court, campaign, name, today, team, plan_days, report_months
        )
    closed = sum(1 for r in items if r[2] == "已销号")
    overdue = sum(1 for r in items if r[2] != "已销号" and r[3] and r[3] < today.isoformat())
    problems = len({r[6] for r in items})
    blocks = [
        Block("title", f"{court}关于{name}反馈问题整改情况的报告"),
        Block("addressee", f"{team}："),
        Block(
            "p",
            f"{name}反馈我院问题{problems}个，我院对照问题逐项制定整改事项{len(items)}项。"
            f"截至{format_date(today)}，已完成整改并销号{closed}项"
            + (f"，销号率{closed / len(items):.1%}" if items else "")
            + f"；正在整改{len(items) - closed}项"
            + (f"，其中逾期{overdue}项" if overdue else "")
            + "。现将整改情况报告如下。",
        ),
        Block("h1", "一、逐项整改情况"),
    ]
    current = None
    n = 0
    for description, measure, state, deadline, progress, closed_at, pid, iid, unit, person in items:
        if pid != current:
            current, n = pid, n + 1
            blocks.append(Block("h2", f"（{_cn(n)}）{prose_dates(description.rstrip('。'))}"))
        done = (
            f"已于{format_date(dt.date.fromisoformat(closed_at[:10]))}销号"
            if state == "已销号" and closed_at
            else f"{state}，整改时限{prose_dates(deadline) if deadline else '未定'}"
        )
        who = "，".join(
            x for x in (f"责任单位{unit}" if unit else "", f"责任人{person}" if person else "") if x
        )
        evidence = _evidence_names(conn, iid)
        blocks.append(
            Block(
                "p",
                prose_dates(
                    f"整改措施：{measure.rstrip('。')}"
                    + (f"（{who}）" if who else "")
                    + f"。整改成效：{(progress or '尚未报告整改进展').rstrip('。')}。"
                    + (f"佐证材料：{'、'.join(evidence)}。" if evidence else "")
                    + f"目前状态：{done}。"
                ),
            )
        )
    still = [r[:7] for r in items if r[2] != "已销号"]
    blocks.append(Block("h1", "二、尚未完成的事项及下一步措施"))
    if still:
        numbers = {pid: n for n, pid in enumerate(dict.fromkeys(r[6] for r in items), start=1)}
        for i, (_d, measure, state, deadline, progress, _c, pid) in enumerate(still, 1):
            late = "，已逾期" if deadline and deadline < today.isoformat() else ""
            when = f"整改时限{deadline}" if deadline else "长期坚持"
            blocks.append(
                Block(
                    "p",
                    prose_dates(
                        f"{i}. {measure.rstrip('。')}（第{_cn(numbers[pid])}项问题）。"
                        f"目前{state}，{when}{late}；"
                        f"{(progress or '尚未报告整改进展').rstrip('。')}。"
                    ),
                )
            )
        blocks.append(Block("p", "对上述事项，我院将加快推进，按期完成后报请巡查组核查销号。"))
    else:
        blocks.append(
            Block("p", "反馈问题已全部完成整改并销号，我院将持续开展“回头看”，防止问题反弹。")
        )
    blocks.append(Block("p", "特此报告。"))
    blocks.append(Block("signature", f"{court}\n{format_date(today)}"))
    return blocks


def _evidence_names(conn: sqlite3.Connection, item_id: str) -> list[str]:
    """The names of an item's evidence (佐证材料), in the order they came."""
    return [
        str(r[0])
        for r in conn.execute(
            """SELECT filename FROM attachments WHERE deleted = 0 AND filename IS NOT NULL
               AND (owner_id = ? OR owner_id IN (SELECT id FROM item_events WHERE item_id = ?))
               ORDER BY created_at, id""",
            (item_id, item_id),
        )
    ]


def _court_feedback(
    conn: sqlite3.Connection,
    court_id: str,
    court: str,
    campaign: Any,
    name: str,
    today: dt.date,
    team: str,
    plan_days: int | None,
    report_months: int | None,
) -> list[Block]:
    reviews = conn.execute(
        """SELECT COUNT(*) FROM reviews r JOIN cases c ON c.id = r.case_id
           WHERE r.deleted = 0 AND c.court_id = ?""",
        (court_id,),
    ).fetchone()[0]
    talks = conn.execute(
        "SELECT COUNT(*) FROM interviews WHERE deleted = 0 AND court_id = ?", (court_id,)
    ).fetchone()[0]
    groups = {
        category: [p for p in problems if p["court"] == court]
        for category, problems in problems_by_category(conn).items()
    }
    groups = {k: v for k, v in groups.items() if v}
    total = sum(len(v) for v in groups.values())
    when = ""
    if campaign and campaign[2]:
        start = dt.date.fromisoformat(campaign[2])
        end = dt.date.fromisoformat(campaign[3] or campaign[2])
        when = f"于{format_date(start)}至{format_date(end)}"
    label = "反馈意见" if name.endswith("巡查") else "巡查反馈意见"
    blocks = [
        Block("title", f"{name}{label}"),
        Block("addressee", f"{court}："),
        Block(
            "p",
            f"根据{campaign[1] + '的' if campaign and campaign[1] else ''}工作部署，巡查组{when}对你院执行工作"
            "开展了巡查。现将巡查情况反馈如下。",
        ),
        Block("h1", "一、总体情况"),
        Block("p", f"巡查组{_methods(reviews, talks, total, yours=True)}。"),
        *_achievements(conn, court_id, today),
        Block("h1", "三、存在的主要问题"),
    ]
    findings = review_findings(conn, court_id, groups)
    for n, (category, problems) in enumerate(groups.items(), start=1):
        blocks.append(Block("h2", _category_heading(n, category, problems)))
        for point in _problem_points(category, problems, findings, name_courts=False):
            blocks.append(Block("p", point))
    days, months = _periods(campaign, plan_days, report_months)
    plan_due = add_days(today, days).due
    report_due = add_months(today, months).due
    if campaign and campaign[4] and dt.date.fromisoformat(campaign[4]) > report_due:
        report_due = dt.date.fromisoformat(campaign[4])
    blocks.append(Block("h1", "四、整改要求"))
    blocks.append(
        Block(
            "p",
            "你院要按照“解决一个、销号一个”的要求，逐项制定整改措施，明确责任单位、责任人和整改时限，"
            f"于{format_date(plan_due)}前报送整改方案；立行立改的问题立即整改，限期整改的问题按时限完成，"
            f"并于{format_date(report_due)}前报送整改情况报告及佐证材料。",
        )
    )
    listed = [p for problems in groups.values() for p in problems]
    if listed:
        blocks.append(Block("p", "附件：问题清单"))
    blocks.append(Block("signature", f"{team}\n{format_date(today)}"))
    if listed:
        blocks.append(Block("attachment", "问题清单"))
        rows = [["序号", "问题类别", "问题描述", "例证案号"]]
        for category, problems in groups.items():
            for p in problems:
                rows.append(
                    [
                        str(len(rows)),
                        p["subtype"] or category,
                        prose_dates(p["description"]),
                        "、".join(_split(p["examples"])),
                    ]
                )
        blocks.append(Block("table", rows=rows))
    return blocks


# --- 专题报告: to the higher court, across courts and campaigns -----------------------------


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _names(courts: list[str]) -> str:
    """Up to three names, "A、B、C等5家法院" beyond."""
    if len(courts) <= 3:
        return "、".join(courts)
    return f"{'、'.join(courts[:3])}等{len(courts)}家法院"


def _ranked(frame: Any, column: str, *, ascending: bool = False) -> list[tuple[str, Any]]:
    """(法院, value) of the frame's rows with a value, best first (or worst first)."""
    if frame is None or frame.empty or column not in frame.columns:
        return []
    rows = [(str(r["法院"]), r[column]) for _, r in frame.iterrows() if r[column] == r[column]]
    rows = [r for r in rows if r[1] is not None]
    return sorted(rows, key=lambda r: r[1], reverse=not ascending)


def topic_report(
    conn: sqlite3.Connection,
    *,
    today: dt.date,
    unit: str,
    tables: dict[str, Any],
    recipient: str | None = None,
) -> list[Block]:
    """The 专题报告 to the higher court: what the inspections found and how rectification
    stands, across every court and campaign of the ledger — the figures as tables, each with a
    written summary; the talks, notices and accountability they led to; what comes next."""
    stats = ledger_statistics(conn, today=today)
    campaigns = conn.execute(
        "SELECT name, doc_number, start_date, end_date, issuing_court FROM campaigns "
        "WHERE deleted = 0 ORDER BY start_date, name"
    ).fetchall()
    names = [c[0] for c in campaigns] or ["执行工作巡查"]
    title_names = (
        names[0] if len(names) == 1 else "、".join(names[:3]) + ("等" if len(names) > 3 else "")
    )
    to = recipient or next((c[4] for c in campaigns if c[4]), "") or "上级人民法院"
    counts, items, fig = stats.counts, stats.items, stats.figures.overall
    courts = len(stats.problems_by_court)
    blocks = [
        Block("title", f"关于{title_names}情况的专题报告"),
        Block("addressee", f"{to}："),
    ]
    dates = [(c[2], c[3] or c[2]) for c in campaigns if c[2]]
    when = ""
    if dates:
        start = dt.date.fromisoformat(min(d[0] for d in dates))
        end = dt.date.fromisoformat(max(d[1] for d in dates))
        when = f"于{format_date(start)}至{format_date(end)}"
    basis = "、".join(c[1] for c in campaigns if c[1])
    blocks.append(
        Block(
            "p",
            (f"按照{basis}的部署，" if basis else "")
            + f"{unit}{when}对{courts}家法院执行工作开展"
            + (f"{len(campaigns)}次巡查" if len(campaigns) > 1 else "巡查")
            + "。现将巡查发现的问题、整改进展和下一步工作报告如下。",
        )
    )
    blocks.append(Block("h1", "一、基本情况"))
    blocks.append(
        Block(
            "p",
            f"巡查共评查案卷{counts['review']}件，开展座谈走访{counts['interview']}次，"
            f"发现问题{counts['problem']}个，督促制定整改事项{items.total}项。"
            f"截至{format_date(today)}，已销号{items.closed}项，销号率{_pct(stats.closure_rate)}；"
            f"正在整改{items.open}项，其中逾期{items.overdue}项"
            + (
                f"，时限已过但已在时限内提交佐证材料待核查{items.overdue_awaiting_verification}项"
                if items.overdue_awaiting_verification
                else ""
            )
            + f"。终本案件{fig.zhongben_cases}件，抽查{fig.zhongben_sampled}件，"
            f"抽查比例{_pct(fig.sampling_ratio)}"
            + ("，达到不低于30%的要求" if fig.meets_sampling_floor else "，未达到30%的要求")
            + f"；终本合格率{_pct(stats.zhongben_pass_rate.overall.pass_rate)}，"
            f"按期整改率{_pct(fig.on_time_rate)}。",
        )
    )
    blocks.append(Block("h1", "二、发现的主要问题"))
    found = sorted(
        ((c, n) for c, n in stats.problems_by_category.items() if n), key=lambda kv: -kv[1]
    )
    total = sum(n for _c, n in found)
    if found:
        parts = [f"{c}问题{n}个，占{n / total:.1%}" for c, n in found[:3]]
        blocks.append(
            Block(
                "p",
                "从问题类别看，"
                + "；".join(parts)
                + (
                    "，以上三类合计占" + f"{sum(n for _c, n in found[:3]) / total:.1%}"
                    if len(found) > 3
                    else ""
                )
                + "。各法院问题分布见下表。",
            )
        )
    else:
        blocks.append(Block("p", "巡查未发现问题。"))
    blocks.append(Block("table", rows=_table(tables["问题分布（法院×类别）"])))
    blocks.append(Block("h1", "三、各法院整改情况"))
    closure = tables["各法院销号率"]
    best = _ranked(closure, "销号率")
    summary = []
    if best:
        top = [c for c, v in best if v == best[0][1]]
        summary.append(f"销号率最高的是{_names(top)}（{_pct(best[0][1])}）")
        low = [c for c, v in best if v == best[-1][1]]
        if best[-1][1] != best[0][1]:
            summary.append(f"最低的是{_names(low)}（{_pct(best[-1][1])}）")
    late = sorted(stats.overdue_by_court.items(), key=lambda kv: -kv[1])
    late = [(c, n) for c, n in late if n]
    if late:
        # the courts with the most, and any tied with the third
        cut = late[min(2, len(late) - 1)][1]
        most = [(c, n) for c, n in late if n >= cut]
        if len(most) > 5:
            first = [c for c, n in late if n == late[0][1]]
            summary.append(
                f"{len(late)}家法院有逾期事项，最多的是{_names(first)}（{late[0][1]}项）"
            )
        else:
            summary.append("逾期事项较多的是" + "、".join(f"{c}（{n}项）" for c, n in most))
    blocks.append(
        Block("p", ("；".join(summary) + "。") if summary else "各法院尚未制定整改事项。")
    )
    blocks.append(Block("h2", "（一）销号情况"))
    blocks.append(Block("table", rows=_table(closure)))
    blocks.append(Block("h2", "（二）执行工作指标"))
    blocks.append(Block("table", rows=_table(tables["各法院执行指标"])))
    blocks.append(Block("h1", "四、约谈、通报、问责情况"))
    measures = stats.accountability
    if sum(measures.values()):
        where = "、".join(sorted(stats.accountability_by_court))
        blocks.append(
            Block(
                "p",
                f"对整改不力、逾期未完成的问题，共约谈{measures.get('约谈', 0)}次、"
                f"通报{measures.get('通报', 0)}次、问责{measures.get('问责', 0)}次，涉及{where}。",
            )
        )
        blocks.append(Block("table", rows=_table(tables["约谈通报问责"])))
    else:
        blocks.append(Block("p", "巡查期间未开展约谈、通报、问责。"))
    follow_ups = stats.follow_ups
    if follow_ups:
        blocks.append(Block("h1", "五、“回头看”情况"))
        for f in follow_ups:
            worst = sorted(
                ((c, r) for c, r in f.by_court.items() if r.recurred),
                key=lambda kv: -(kv[1].rate or 0),
            )
            blocks.append(
                Block(
                    "p",
                    f"{f.campaign}对{f.follows}已销号的{f.candidates}项整改事项开展复查，"
                    f"已复查{f.rechecked}项，整改成效巩固{f.held}项，问题反弹{f.recurred}项"
                    f"（重新整改{f.reopened}项，另立问题{f.new_problems}个），"
                    f"问题复发率{_pct(f.recurrence.rate)}"
                    + (
                        "，复发率较高的是"
                        + "、".join(f"{c}（{_pct(r.rate)}）" for c, r in worst[:3])
                        if worst
                        else ""
                    )
                    + f"。上次巡查时尚未完成、延续整改的事项{f.carried_over}项，已完成{f.carried_closed}项；"
                    f"上次巡查结束至本次“回头看”期间销号{f.closed_since_last_visit}项。",
                )
            )
        for name in ("回头看", "回头看复发率"):
            if name in tables and not tables[name].empty:
                blocks.append(Block("table", rows=_table(tables[name])))
    blocks.append(Block("h1", "六、下一步工作" if follow_ups else "五、下一步工作"))
    blocks.append(
        Block(
            "p",
            "一是对逾期未完成的整改事项逐项督办，对整改不力的法院约谈相关负责人；"
            "二是对已销号事项适时开展“回头看”，防止问题反弹；"
            "三是对巡查发现的共性问题举一反三，完善执行工作长效机制。",
        )
    )
    blocks.append(Block("p", "特此报告。"))
    blocks.append(Block("signature", f"{unit}\n{format_date(today)}"))
    return blocks
