"""Sampling the case list: reproducible, optionally stratified, shared among reviewers.

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.enums import closing_method_from
from ..domain.sampling import Candidate, StratumCount, assign_evenly, draw_sample, stratum_counts
from ..errors import UserError, rule_errors
from ..reports.csv_writer import SafeWriter
from . import records
from .session import Session
from .team import member_names
from .team import members as team_members

#: what a sample can be stratified by, and the case column that gives the stratum
STRATA = {
    "承办人": "judge",
    "结案方式": "closing_method",
    "案件类型": "case_type",
    "法院": "court_id",
}


@dataclass(frozen=True)
class SamplingResult:
    sampling_id: str
    population: int
    sample: int
    assignments: dict[str, str]
    #: population and draw per stratum (one unnamed stratum when not stratified)
    strata: tuple[StratumCount, ...] = ()

    def summary(self) -> str:
        reviewers = len(set(self.assignments.values()))
        text = f"从{self.population}件案件中抽取{self.sample}件，已分配给{reviewers}名评查人"
        if len(self.strata) > 1:
            text += "；各层：" + "，".join(
                f"{s.stratum} {s.drawn}/{s.population}" for s in self.strata
            )
        return text


def sample_cases(
    session: Session,
    *,
    seed: int,
    ratio: float | None = None,
    count: int | None = None,
    by: str | None = None,
    court_id: str | None = None,
    closing_method: str | None = None,
    exclude_reviewed: bool = True,
    reviewers: list[str] | None = None,
    campaign_id: str | None = None,
    note: str = "",
) -> SamplingResult:
    """Draw a sample of the case list and record it (who, when, seed, population, ratio).

    ``reviewers`` are member ids or names; by default every inspector of the team.
    """
    if by is not None and by not in STRATA:
        raise UserError(f"分层依据应为：{'、'.join(STRATA)}")
    where, params = ["1"], []
    if court_id:
        where.append("court_id = ?")
        params.append(court_id)
    if closing_method:
        with rule_errors():
            closing_method = str(closing_method_from(closing_method))
        where.append("closing_method = ?")
        params.append(closing_method)
    if exclude_reviewed:
        where.append(
            "NOT EXISTS (SELECT 1 FROM reviews r WHERE r.case_id = cases.id AND r.deleted = 0)"
        )
    column = STRATA[by] if by else None
    population = [
        Candidate(c["id"], c["case_number"], str(c[column] or "（空）") if column else "")
        for c in records.find(session, "case", " AND ".join(where), tuple(params))
    ]
    if not population:
        raise UserError("没有符合条件的案件可供抽样")
    with rule_errors():
        sample = draw_sample(population, seed=seed, ratio=ratio, count=count)
    team = _reviewers(session, reviewers)
    assignments = assign_evenly(sample, team)
    strata = tuple(stratum_counts(population, sample))
    names = _stratum_names(session, by)
    sid = records.create(
        session,
        "sampling",
        {
            "campaign_id": campaign_id,
            "seed": seed,
            "ratio": ratio,
            "count": count,
            "stratify_by": by,
            "filters": {
                "court_id": court_id,
                "closing_method": closing_method,
                "exclude_reviewed": exclude_reviewed,
            },
            "population_size": len(population),
            "sample_size": len(sample),
            "strata": [
                {"stratum": names(c.stratum), "population": c.population, "drawn": c.drawn}
                for c in strata
            ],
            "cases": [c.case_id for c in sample],
            "assignments": assignments,
            "note": note,
        },
    )
    shown = tuple(StratumCount(names(c.stratum), c.population, c.drawn) for c in strata)
    return SamplingResult(sid, len(population), len(sample), assignments, shown)


def _stratum_names(session: Session, by: str | None) -> Any:
    """How a stratum is shown: a court by its name, the rest as they are."""
    if by != "法院":
        return lambda s: s
    courts = {c["id"]: c["name"] for c in records.find(session, "court")}
    return lambda s: courts.get(s, s)


def _reviewers(session: Session, given: list[str] | None) -> list[str]:
    members = team_members(session)
    if given:
        out = []
        for who in given:
            match = [m["id"] for m in members if who in (m["id"], m["name"])]
            if not match:
                raise UserError(f"没有组员“{who}”")
            out.append(match[0])
        return out
    inspectors = sorted((m for m in members if m["role"] == "inspector"), key=lambda m: m["name"])
    return [m["id"] for m in inspectors] or [m["id"] for m in members]


def samplings(session: Session) -> list[dict[str, Any]]:
    return sorted(records.find(session, "sampling"), key=lambda r: r["created_at"] or "")


def export_sampling(session: Session, *, sampling_id: str, path: Path) -> int:
    """The sample as a CSV (UTF-8 with BOM, opens in Excel): who drew it, when, with which seed."""
    s = records.get(session, "sampling", sampling_id)
    names = member_names(session)
    courts = {c["id"]: c["name"] for c in records.find(session, "court")}
    cases = {c["id"]: c for c in records.find(session, "case")}
    how = f"比例{s['ratio']:.0%}" if s["ratio"] else f"数量{s['count']}"
    try:
        with Path(path).open("w", encoding="utf-8-sig", newline="") as f:
            w = SafeWriter(f)
            w.writerow(["抽样人", names.get(s["created_by"], ""), "抽样时间", s["created_at"]])
            w.writerow(
                ["随机种子", s["seed"], "抽样方式", how, "分层依据", s["stratify_by"] or "不分层"]
            )
            w.writerow(["总体数量", s["population_size"], "样本数量", s["sample_size"]])
            if s.get("strata") and s["stratify_by"]:
                w.writerow([s["stratify_by"], "总体数量", "样本数量"])
                for st in s["strata"]:
                    w.writerow([st["stratum"], st["population"], st["drawn"]])
            w.writerow([])
            w.writerow(["序号", "案号", "法院", "承办人", "结案方式", "结案日期", "评查人"])
            for i, case_id in enumerate(s["cases"], start=1):
                c = cases.get(case_id, {})
                w.writerow(
                    [
                        i,
                        c.get("case_number", ""),
                        courts.get(c.get("court_id") or "", ""),
                        c.get("judge") or "",
                        c.get("closing_method") or "",
                        c.get("closing_date") or "",
                        names.get(s["assignments"].get(case_id, ""), ""),
                    ]
                )
    except OSError as e:
        raise UserError(f"无法写入“{path}”：{e.strerror}") from e
    return len(s["cases"])
