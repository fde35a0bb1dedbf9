"""Property tests: laptops making random edits and exchanging packages in random order.

Shows idempotence, order-independence, convergence after a full exchange, and that
every revision reaches every laptop.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from inspector.domain.rectification import Action
from inspector.errors import UserError
from inspector.services import records
from inspector.services.conflicts import list_conflicts, resolve_conflict
from inspector.services.packages import export_package, import_package
from inspector.services.problems import create_problem
from inspector.services.rectification import EvidenceFile, act, add_item
from inspector.services.session import Session
from inspector.storage.workspace import open_workspace

from .team import Team, ledger, revision_ids

DESCRIPTIONS = ("节点超期", "终本不规范", "案款发放不及时")
SEVERITIES = ("一般", "较重", "严重")
ACTIONS = (Action.START, Action.SUBMIT, Action.RETURN, Action.CLOSE, Action.CLOSE, Action.REOPEN)


def clone(session: Session) -> Session:
    """A second copy of a laptop's workspace (same device), for order-independence checks."""
    ws = open_workspace(None)
    session.conn.backup(ws.conn)
    return Session(ws, session.device_id, session.member_id, clock=session.clock)


class Laptops(RuleBasedStateMachine):
    packages = Bundle("packages")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="merge-props-"))
        self.team: Team | None = None
        self.problems: list[str] = []
        self.items: list[str] = []

    @initialize(n=st.integers(min_value=3, max_value=5))
    def kickoff(self, n: int) -> None:
        roles = ["leader", "verifier"] + ["inspector"] * n
        self.team = Team(self.folder, members=n - 1, on_disk=False, roles=roles[:n])
        leader = self.team.leader
        # records every laptop holds from the start, so that edits can be concurrent
        for text in DESCRIPTIONS[:2]:
            self.problems.append(
                create_problem(
                    leader, court_id=self.team.court, category="消极执行", description=text
                )
            )
        item = add_item(leader, problem_id=self.problems[0], measure="整改", kind="长期坚持")
        act(leader, item_id=item, action=Action.START)
        act(leader, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("a.txt", b"a")])
        self.items.append(item)
        for m in self.team.laptops[1:]:
            self.team.send(leader, m)

    def laptop(self, i: int) -> Session:
        assert self.team is not None
        return self.team.laptops[i % len(self.team.laptops)]

    @rule(i=st.integers(0, 4), text=st.sampled_from(DESCRIPTIONS))
    def new_problem(self, i: int, text: str) -> None:
        s = self.laptop(i)
        self.problems.append(
            create_problem(s, court_id=self.team.court, category="消极执行", description=text)
        )

    @precondition(lambda self: self.problems)
    @rule(
        i=st.integers(0, 4),
        p=st.integers(0, 50),
        field=st.sampled_from(("description", "severity")),
        v=st.integers(0, 2),
    )
    def edit_problem(self, i: int, p: int, field: str, v: int) -> None:
        s = self.laptop(i)
        pid = self.problems[p % len(self.problems)]
        value = (DESCRIPTIONS if field == "description" else SEVERITIES)[v]
        with contextlib.suppress(UserError):  # not on this laptop yet, or deleted here
            records.update(s, "problem", pid, {field: value})

    @precondition(lambda self: self.problems)
    @rule(i=st.integers(0, 4), p=st.integers(0, 50))
    def delete_problem(self, i: int, p: int) -> None:
        with contextlib.suppress(UserError):
            records.delete(self.laptop(i), "problem", self.problems[p % len(self.problems)])

    @precondition(lambda self: self.problems)
    @rule(i=st.integers(0, 4), p=st.integers(0, 50))
    def new_item(self, i: int, p: int) -> None:
        with contextlib.suppress(UserError):
            self.items.append(
                add_item(
                    self.laptop(i),
                    problem_id=self.problems[p % len(self.problems)],
                    measure="整改",
                    kind="长期坚持",
                )
            )

    @precondition(lambda self: self.items)
    @rule(i=st.integers(0, 4), k=st.integers(0, 50), action=st.sampled_from(ACTIONS))
    def act_on_item(self, i: int, k: int, action: Action) -> None:
        with contextlib.suppress(UserError):
            act(
                self.laptop(i),
                item_id=self.items[k % len(self.items)],
                action=action,
                note="说明",
                evidence=[EvidenceFile("证明.txt", f"{i}-{k}".encode())],
            )

    @precondition(lambda self: self.problems)
    @rule(
        a=st.integers(0, 4),
        b=st.integers(0, 4),
        p=st.integers(0, 50),
        field=st.sampled_from(("description", "severity")),
    )
    def concurrent_edits(self, a: int, b: int, p: int, field: str) -> None:
        """Two laptops change the same field before they exchange anything."""
        pid = self.problems[p % len(self.problems)]
        values = DESCRIPTIONS if field == "description" else SEVERITIES
        for k, i in enumerate((a, b)):
            with contextlib.suppress(UserError):
                records.update(self.laptop(i), "problem", pid, {field: values[k]})

    @rule(close_first=st.booleans())
    def leader_and_verifier_disagree(self, close_first: bool) -> None:
        """The leader closes the kickoff item while the verifier returns it, or the reverse."""
        leader, verifier = self.laptop(0), self.laptop(1)
        item = self.items[0]
        for s, action in ((leader, Action.CLOSE), (verifier, Action.RETURN))[
            :: 1 if close_first else -1
        ]:
            with contextlib.suppress(UserError):
                act(s, item_id=item, action=action, note="核查意见")

    @rule(pick=st.integers(0, 1))
    def leader_resolves_conflicts(self, pick: int) -> None:
        leader = self.laptop(0)
        for c in list_conflicts(leader):
            value = c.candidates[pick % len(c.candidates)]["value"]
            resolve_conflict(
                leader,
                record_type_name=c.record_type,
                record_id=c.record_id,
                field=c.field,
                value=value,
            )
        assert list_conflicts(leader) == []

    @rule(target=packages, i=st.integers(0, 4), delta=st.booleans(), to=st.integers(0, 4))
    def export(self, i: int, delta: bool, to: int):
        src = self.laptop(i)
        recipient = self.laptop(to)
        if recipient is src:
            delta = False
        pkg = export_package(
            src,
            path=self.team.file("p.ledgerpkg"),
            since_last_to=recipient.member_id if delta else None,
            to=[s.member_id for s in self.team.laptops],  # any laptop may try any package
        )
        return (pkg.path, src.device_id)

    @rule(pkg=packages, j=st.integers(0, 4))
    def import_(self, pkg, j: int) -> None:
        path, sender = pkg
        dst = self.laptop(j)
        if dst.device_id == sender:
            return
        try:
            first = import_package(dst, path=path)
        except UserError as e:
            assert "请先导入更早" in str(e) or "防止重放" in str(e), str(e)
            return
        before = ledger(dst)
        again = import_package(dst, path=path)
        assert again.already_imported and again.new_revisions == 0
        assert ledger(dst) == before
        assert first.new_revisions >= 0

    @invariant()
    def conflicts_are_listed_with_all_candidates(self) -> None:
        if self.team is None:
            return
        for s in self.team.laptops:
            for c in list_conflicts(s):
                assert len(c.candidates) >= 2

    def teardown(self) -> None:
        try:
            if self.team is None:
                return
            self.full_exchange_converges()
        finally:
            if self.team is not None:
                self.team.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def full_exchange_converges(self) -> None:
        team = self.team
        leader = team.leader
        members = team.laptops[1:]
        sent = [export_package(m, path=team.file("final.ledgerpkg")).path for m in members]
        # (a member's package goes to the leader: encrypted to the leader's laptop)
        twin = clone(leader)
        try:
            for path in sent:
                import_package(leader, path=path)
            for path in reversed(sent):
                import_package(twin, path=path)
            assert ledger(twin) == ledger(leader), "import order changed the ledger"
        finally:
            twin.close()
        consolidated = export_package(leader, path=team.file("all.ledgerpkg")).path
        for m in members:
            import_package(m, path=consolidated)
        expected = ledger(leader)
        every = revision_ids(leader)
        for m in members:
            assert revision_ids(m) == every, "a revision is missing on a laptop"
            assert ledger(m) == expected, "laptops did not converge"


Laptops.TestCase.settings = settings(
    max_examples=500,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestLaptops = pytest.mark.slow(Laptops.TestCase)
