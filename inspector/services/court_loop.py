"""The inspected court in the loop (解决一个、销号一个 with the court itself).

The leader sends a court its rectification package (整改包): its feedback, problems and items
and nothing of any other court, sealed to the court liaison's laptop. On that laptop the same
app, in the court role, proposes the court's 整改方案 per problem, reports progress with
evidence and submits items for verification, and sends its own signed package back. The
team accepts from it only that (``domain.court_scope``); the leader decides on each proposal.

Every function here runs on the thread that owns the session it is given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.court_scope import PLAN_FIELDS, ProposalStatus
from ..domain.enums import Role
from ..domain.rectification import Kind, State, validate_item
from ..errors import PermissionDenied, UserError, rule_errors
from ..reports.content import Block
from ..sync import roster as roster_mod
from ..sync.court import court_records, court_revisions
from ..sync.package import COURT_KIND, SUFFIX
from ..sync.roster import Identity
from . import records
from .drafts import blocks_from_json, draft_of, ensure_feedback, unwritten_note
from .packages import ExportResult, Progress, write_verified
from .roster import my_identity
from .session import Session
from .team import find_court

# --- the leader's side: liaisons, drafts, packages -----------------------------------------


def court_liaisons(session: Session, *, court_id: str) -> list[Identity]:
    """The liaisons' laptops the roster binds to the court."""
    return sorted(
        (
            i
            for i in roster_mod.trusted(session.conn).values()
            if i.role == roster_mod.COURT_ROLE and i.court_id == court_id and not i.revoked
        ),
        key=lambda i: (i.name, i.device_id),
    )


def export_court_package(
    session: Session,
    *,
    court: str,
    path: Path,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """The leader's rectification package for one court, sealed to its liaison's laptop."""
    me = my_identity(session)
    if me.role != "leader":
        raise PermissionDenied("只有组长可以向被检查法院发送整改包")
    target = find_court(session, court)
    readers = court_liaisons(session, court_id=target["id"])
    if not readers:
        raise UserError(
            f"名册中还没有{target['name']}的联络员：请先导入其联络员的身份卡（指定所属法院），"
            "再签发名册给对方"
        )
    path = Path(path)
    if path.suffix != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    with session.transaction():
        ensure_feedback(session, court_id=target["id"], today=today)
    scope = court_records(session.conn, target["id"])
    conn = session.conn
    vector: dict[str, int] = {}
    for device, seq in conn.execute(
        """SELECT device_id, MAX(seq) FROM revisions
           WHERE record_id IN (SELECT value FROM json_each(?)) GROUP BY device_id""",
        (json.dumps([rid for ids in scope.values() for rid in ids]),),
    ):
        vector[str(device)] = int(seq)
    own = next(iter(readers))
    header = {
        "kind": COURT_KIND,
        "heads": {},
        "court": {"id": target["id"], "name": target["name"]},
        "recipient": {"member_id": own.member_id, "name": own.name},
        "known": {},
    }
    me_too = roster_mod.trusted(conn).get(session.device_id)
    draft = draft_of(session, court_id=target["id"])
    note = unwritten_note(blocks_from_json(draft["blocks"])) if draft else None
    result = write_verified(
        session,
        path=path,
        header=header,
        revisions=lambda: court_revisions(conn, scope),
        readers=[*([me_too] if me_too else []), *readers],
        vector=vector,
        recipient_member=own.member_id,
        # not the team's roster: it names the other courts' liaisons
        roster_doc=None,
        progress=progress,
    )
    return dataclasses.replace(result, notes=(note,)) if note else result


# --- the court's side ---------------------------------------------------------------------


@dataclass(frozen=True)
class CourtItem:
    id: str
    measure: str
    goal: str
    responsible_unit: str
    responsible_person: str
    kind: str
    deadline: str | None
    state: str
    last_progress: str
    evidence_count: int


@dataclass(frozen=True)
class Proposal:
    id: str
    problem_id: str
    item_id: str | None
    measure: str
    goal: str
    responsible_unit: str
    responsible_person: str
    phone: str
    kind: str
    deadline: str | None
    note: str
    status: str
    decision_note: str
    proposed_at: str
    #: made on this laptop (the court's own, which it may revise or withdraw)
    mine: bool


@dataclass(frozen=True)
class CourtProblem:
    id: str
    category: str
    subtype: str
    description: str
    examples: tuple[str, ...]
    items: tuple[CourtItem, ...]
    proposals: tuple[Proposal, ...]
    #: the earlier problem this one recurs (回头看), when it is a recurrence
    recurrence_of: str | None = None


def _proposal(row: dict[str, Any], device: str) -> Proposal:
    return Proposal(
        id=row["id"],
        problem_id=row["problem_id"],
        item_id=row["item_id"],
        measure=row["measure"] or "",
        goal=row["goal"] or "",
        responsible_unit=row["responsible_unit"] or "",
        responsible_person=row["responsible_person"] or "",
        phone=row["phone"] or "",
        kind=row["kind"] or str(Kind.BY_DEADLINE),
        deadline=row["deadline"],
        note=row["note"] or "",
        status=row["status"] or ProposalStatus.PENDING,
        decision_note=row["decision_note"] or "",
        proposed_at=row["proposed_at"] or "",
        mine=row["created_device"] == device,
    )


def court_problems(session: Session, *, court_id: str | None = None) -> list[CourtProblem]:
    """A court's problems with their items and the court's proposals: on the court's laptop
    its own court's, on the leader's the court asked for."""
    court = court_id if court_id is not None else session.court_id()
    if not court:
        return []
    problems = records.find(
        session, "problem", "court_id = ? AND COALESCE(in_feedback, 1) != 0", (court,)
    )
    problems.sort(key=lambda p: (p["found_date"] or "", p["id"]))
    out = []
    for p in problems:
        items = records.find(session, "rectification_item", "problem_id = ?", (p["id"],))
        items.sort(key=lambda i: (i["deadline"] or "9999", i["created_at"] or "", i["id"]))
        proposals = records.find(session, "plan_proposal", "problem_id = ?", (p["id"],))
        proposals.sort(key=lambda r: (r["proposed_at"] or "", r["id"]))
        out.append(
            CourtProblem(
                id=p["id"],
                category=p["category"] or "",
                subtype=p["subtype"] or "",
                description=p["description"] or "",
                examples=tuple(p["example_cases"] or ()),
                items=tuple(
                    CourtItem(
                        id=i["id"],
                        measure=i["measure"] or "",
                        goal=i["goal"] or "",
                        responsible_unit=i["responsible_unit"] or "",
                        responsible_person=i["responsible_person"] or "",
                        kind=i["kind"] or "",
                        deadline=i["deadline"],
                        state=i["state"] or str(State.PENDING),
                        last_progress=i["last_progress"] or "",
                        evidence_count=int(i["evidence_count"] or 0),
                    )
                    for i in items
                ),
                proposals=tuple(_proposal(r, session.device_id) for r in proposals),
                recurrence_of=p.get("recurrence_of"),
            )
        )
    return out


def court_feedback(session: Session) -> list[Block]:
    """The feedback the team sent this court (on the court's laptop)."""
    court = session.court_id()
    if not court:
        return []
    found = draft_of(session, court_id=court)
    return blocks_from_json(found["blocks"]) if found else []


def _plan_fields(
    *,
    measure: str,
    kind: str,
    deadline: dt.date | str | None,
    goal: str,
    responsible_unit: str,
    responsible_person: str,
    phone: str,
    note: str,
) -> dict[str, Any]:
    if not measure.strip():
        raise UserError("请填写整改措施")
    if not (responsible_unit.strip() or responsible_person.strip()):
        raise UserError("请填写责任单位或责任人")
    if phone.strip() and not re.fullmatch(r"[0-9０-９+()（）\-－ 转,，;；/]{3,40}", phone.strip()):
        raise UserError("联系电话格式不正确（只能是号码，如 0871-63961234 或 13800000000）")
    day = dt.date.fromisoformat(deadline) if isinstance(deadline, str) and deadline else deadline
    with rule_errors():
        k = Kind(kind)
        validate_item(k, day if isinstance(day, dt.date) else None)
    return {
        "measure": measure,
        "goal": goal,
        "responsible_unit": responsible_unit,
        "responsible_person": responsible_person,
        "phone": phone,
        "kind": str(k),
        "deadline": day.isoformat() if isinstance(day, dt.date) else None,
        "note": note,
    }


def propose_plan(
    session: Session,
    *,
    problem_id: str,
    measure: str,
    kind: str = Kind.BY_DEADLINE,
    deadline: dt.date | str | None = None,
    item_id: str | None = None,
    goal: str = "",
    responsible_unit: str = "",
    responsible_person: str = "",
    phone: str = "",
    note: str = "",
) -> str:
    """The court's 整改方案 for a problem: a new item (``item_id`` None) or a change to one of
    its items, for the leader to accept or return."""
    problem = records.get(session, "problem", problem_id)
    court = session.court_id()
    if court and problem["court_id"] != court:
        raise PermissionDenied("只能对本院的问题提出整改方案")
    if item_id is not None:
        item = records.get(session, "rectification_item", item_id)
        if item["problem_id"] != problem_id:
            raise UserError("该整改事项不属于这个问题")
        if item["state"] == State.CLOSED:
            raise UserError("该整改事项已销号，不能再修改方案")
    fields = _plan_fields(
        measure=measure,
        kind=kind,
        deadline=deadline,
        goal=goal,
        responsible_unit=responsible_unit,
        responsible_person=responsible_person,
        phone=phone,
        note=note,
    )
    return records.create(
        session,
        "plan_proposal",
        {
            "problem_id": problem_id,
            "item_id": item_id,
            **fields,
            "proposed_by": session.member_id,
            "proposed_at": session.clock().isoformat(timespec="seconds"),
            "status": ProposalStatus.PENDING,
        },
    )


def revise_proposal(session: Session, *, proposal_id: str, **changes: Any) -> None:
    """The court corrects its proposal (one waiting, or one the leader returned): it waits for
    the leader's decision again."""
    row = records.get(session, "plan_proposal", proposal_id)
    if row["created_device"] != session.device_id:
        raise PermissionDenied("只能修改本机提出的整改方案")
    if row["status"] == ProposalStatus.ACCEPTED:
        raise UserError("该整改方案已被采纳，如需调整请另提方案")
    merged = {k: changes.get(k, row[k]) for k in (*PLAN_FIELDS, "note")}
    fields = _plan_fields(**{k: v or "" if k != "deadline" else v for k, v in merged.items()})
    records.update(
        session,
        "plan_proposal",
        proposal_id,
        {
            **fields,
            "proposed_at": session.clock().isoformat(timespec="seconds"),
            "status": ProposalStatus.PENDING,
        },
    )


def withdraw_proposal(session: Session, *, proposal_id: str) -> None:
    row = records.get(session, "plan_proposal", proposal_id)
    if row["created_device"] != session.device_id:
        raise PermissionDenied("只能撤回本机提出的整改方案")
    if row["status"] == ProposalStatus.ACCEPTED:
        raise UserError("该整改方案已被采纳，不能撤回")
    records.delete(session, "plan_proposal", proposal_id)


# --- the leader decides -------------------------------------------------------------------


@dataclass(frozen=True)
class PendingProposal:
    proposal: Proposal
    court: str
    problem: str
    #: the item it would change (None: it adds one)
    item_measure: str | None
    proposed_by: str


def pending_proposals(session: Session) -> list[PendingProposal]:
    """The courts' proposals that wait for the leader's decision, oldest first."""
    rows = session.conn.execute(
        """SELECT pp.id, c.name, p.description, i.measure, m.name
           FROM plan_proposals pp
           JOIN problems p ON p.id = pp.problem_id
           LEFT JOIN courts c ON c.id = p.court_id
           LEFT JOIN rectification_items i ON i.id = pp.item_id
           LEFT JOIN members m ON m.id = pp.proposed_by
           WHERE pp.deleted = 0 AND COALESCE(pp.status, ?) = ?
           ORDER BY pp.proposed_at, pp.id""",
        (ProposalStatus.PENDING, ProposalStatus.PENDING),
    ).fetchall()
    out = []
    for pid, court, problem, measure, who in rows:
        row = records.get(session, "plan_proposal", pid)
        out.append(
            PendingProposal(
                _proposal(row, session.device_id),
                court or "",
                problem or "",
                measure,
                who or "",
            )
        )
    return out


def decide_proposal(
    session: Session, *, proposal_id: str, accept: bool, note: str = ""
) -> str | None:
    """The leader accepts a court's proposal (the item is added or changed as proposed) or
    returns it with a note. The decision is a revision of the proposal. Returns the item."""
    if session.role() not in (Role.LEADER, Role.VERIFIER):
        raise PermissionDenied("只有组长或核查人可以审定被检查法院的整改方案")
    row = records.get(session, "plan_proposal", proposal_id)
    if (row["status"] or ProposalStatus.PENDING) != ProposalStatus.PENDING:
        raise UserError(f"该整改方案已{row['status']}，无需再审定")
    if not accept and not note.strip():
        raise UserError("退回整改方案需要填写退回意见")
    plan = {k: row[k] for k in PLAN_FIELDS}
    from .rectification import add_item, update_item

    item_id = row["item_id"]
    with session.transaction():
        if accept:
            deadline = dt.date.fromisoformat(plan["deadline"]) if plan["deadline"] else None
            if item_id is None:
                item_id = add_item(
                    session,
                    problem_id=row["problem_id"],
                    measure=plan["measure"] or "",
                    kind=plan["kind"] or Kind.BY_DEADLINE,
                    deadline=deadline,
                    responsible_unit=plan["responsible_unit"] or "",
                    responsible_person=plan["responsible_person"] or "",
                    goal=plan["goal"] or "",
                    phone=plan["phone"] or "",
                )
            else:
                update_item(session, item_id=item_id, **{**plan, "deadline": deadline})
        records.update(
            session,
            "plan_proposal",
            proposal_id,
            {
                "status": ProposalStatus.ACCEPTED if accept else ProposalStatus.RETURNED,
                "decision_note": note,
                "decided_by": session.member_id,
                "decided_at": session.clock().isoformat(timespec="seconds"),
                **({"item_id": item_id} if accept else {}),
            },
        )
    return item_id if accept else None


# --- progress per court -------------------------------------------------------------------


@dataclass(frozen=True)
class CourtProgress:
    court_id: str
    court: str
    #: as of each day: (day, planned, in progress, submitted, closed, overdue)
    points: list[tuple[dt.date, int, int, int, int, int]] = field(default_factory=list)
    proposals_waiting: int = 0

    @property
    def latest(self) -> tuple[dt.date, int, int, int, int, int] | None:
        return self.points[-1] if self.points else None


def court_progress(
    session: Session, *, today: dt.date | None = None, every_days: int = 7
) -> list[CourtProgress]:
    """Each inspected court's items over time: how many were planned (待整改), in progress,
    submitted (待核查), closed and overdue, as of each week since its first item, and today."""
    from ..reports.statistics import court_progress_series

    day = today or session.today()
    out = []
    for court_id, name, points in court_progress_series(
        session.conn, today=day, every_days=every_days
    ):
        waiting = session.conn.execute(
            """SELECT COUNT(*) FROM plan_proposals pp JOIN problems p ON p.id = pp.problem_id
               WHERE pp.deleted = 0 AND p.court_id = ? AND COALESCE(pp.status, ?) = ?""",
            (court_id, ProposalStatus.PENDING, ProposalStatus.PENDING),
        ).fetchone()[0]
        out.append(CourtProgress(court_id, name, points, int(waiting)))
    return out


# --- what the court's app shows ---------------------------------------------------------


@dataclass(frozen=True)
class CourtStatus:
    """Where the liaison's laptop stands in the exchange with the team."""

    #: the court the roster binds this laptop to ("" before the roster arrives)
    court_id: str
    court: str
    leader: str
    #: when the last rectification package from the leader was imported ("" never)
    last_package: str
    #: this laptop's changes not yet in a package sent to the team
    unsent: int
    problems: int
    items: int
    by_state: dict[str, int]
    proposals_waiting: int
    proposals_returned: int


def court_status(session: Session) -> CourtStatus:
    conn = session.conn
    court_id = session.court_id() or ""
    court = ""
    if court_id:
        row = conn.execute("SELECT name FROM courts WHERE id = ?", (court_id,)).fetchone()
        court = str(row[0]) if row else ""
    pinned = roster_mod.pinned(conn)
    leader = ""
    if pinned is not None:
        ident = roster_mod.trusted(conn).get(pinned[1])
        leader = ident.name if ident else ""
    last = conn.execute("SELECT MAX(imported_at) FROM imported_packages").fetchone()[0] or ""
    sent = 0
    for (vector,) in conn.execute("SELECT vector FROM exported_packages"):
        sent = max(sent, int(json.loads(vector).get(session.device_id, 0)))
    top = conn.execute(
        "SELECT COALESCE(MAX(seq), 0) FROM revisions WHERE device_id = ?", (session.device_id,)
    ).fetchone()[0]
    problems = court_problems(session)
    by_state = {str(s): 0 for s in State}
    for p in problems:
        for i in p.items:
            by_state[i.state] = by_state.get(i.state, 0) + 1
    proposals = [pp for p in problems for pp in p.proposals]
    return CourtStatus(
        court_id=court_id,
        court=court,
        leader=leader,
        last_package=str(last),
        unsent=max(0, int(top) - sent),
        problems=len(problems),
        items=sum(by_state.values()),
        by_state=by_state,
        proposals_waiting=sum(1 for pp in proposals if pp.status == ProposalStatus.PENDING),
        proposals_returned=sum(1 for pp in proposals if pp.status == ProposalStatus.RETURNED),
    )


def write_feedback(session: Session, *, path: Path) -> Path:
    """The feedback the team sent, as a Word document (to print or pass on at the court)."""
    from ..reports.docx_writer import write_docx
    from .reports import _atomic

    blocks = court_feedback(session)
    if not blocks:
        raise UserError("尚未收到巡查组的反馈意见，请先导入组长签发的整改包")
    return _atomic(Path(path), lambda tmp: write_docx(tmp, blocks))
