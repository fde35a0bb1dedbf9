"""A team of laptops for sync tests: each a real workspace with its own key pair."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from inspector.services.packages import export_package, import_package
from inspector.services.roster import export_identity_card, export_roster, import_roster_file
from inspector.services.session import Session
from inspector.services.team import add_court
from inspector.services.workspaces import create_workspace
from inspector.storage import projection

TZ = dt.timezone(dt.timedelta(hours=8))


class TickClock:
    """Each laptop's clock; laptops can be skewed against each other."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


class Team:
    """A leader and members who exchanged identity cards and the roster at kickoff."""

    def __init__(
        self,
        folder: Path,
        members: int = 2,
        *,
        on_disk: bool = True,
        roles: list[str] | None = None,
    ) -> None:
        self.folder = folder
        self.counter = itertools.count(1)
        start = dt.datetime(2025, 9, 22, 9, 0, tzinfo=TZ)
        names = ["李建国", "王芳", "赵敏", "陈杰", "刘洋", "周静"]
        roles = roles or ["leader"] + ["inspector"] * members
        self.laptops: list[Session] = []
        for i, (name, role) in enumerate(zip(names, roles, strict=False)):
            path = folder / f"laptop{i}.ledger" if on_disk else None
            clock = TickClock(start + dt.timedelta(minutes=7 * i))
            self.laptops.append(create_workspace(path, member_name=name, role=role, clock=clock))
        leader = self.laptops[0]
        for member, role in zip(self.laptops[1:], roles[1:], strict=False):
            card = self.file("card.json")
            export_identity_card(member, path=card)
            # the role is the leader's to give, never the card's
            import_roster_file(leader, path=card, role=role)
        roster = self.file("roster.json")
        export_roster(leader, path=roster)
        for member in self.laptops[1:]:
            import_roster_file(member, path=roster)
        self.court = add_court(leader, name="昆明市五华区人民法院", level="基层", code="云0102")

    def file(self, name: str) -> Path:
        return self.folder / f"{next(self.counter)}-{name}"

    @property
    def leader(self) -> Session:
        return self.laptops[0]

    def send(self, src: Session, dst: Session, *, delta_to: str | None = None):
        to = None if delta_to else [dst.member_id]
        pkg = export_package(src, path=self.file("p.ledgerpkg"), since_last_to=delta_to, to=to)
        return import_package(dst, path=pkg.path)

    def exchange_all(self) -> None:
        """Everyone to the leader, then the leader's consolidated ledger to everyone."""
        for m in self.laptops[1:]:
            self.send(m, self.leader)
        for m in self.laptops[1:]:
            self.send(self.leader, m)

    def close(self) -> None:
        for s in self.laptops:
            s.close()


def ledger(session: Session) -> dict:
    return projection.snapshot(session.conn)


def revision_ids(session: Session) -> set[str]:
    return {r[0] for r in session.conn.execute("SELECT id FROM revisions")}
