"""An inspected court's liaison's workspace beside a leader's (the demo's, or any): to try the
court's side of the loop. The liaison's card is taken by the leader for the court, the roster
signed and imported, and the court's rectification package taken in — the kickoff and the
first exchange, as the two laptops would do them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..services.court_loop import export_court_package, propose_plan
from ..services.packages import export_package, import_package
from ..services.roster import export_identity_card, export_roster, import_roster_file
from ..services.session import Session
from ..services.workspaces import create_workspace


def busiest_court(leader: Session) -> tuple[str, str]:
    """(id, name) of the court with the most problems."""
    row = leader.conn.execute(
        """SELECT p.court_id, c.name FROM problems p JOIN courts c ON c.id = p.court_id
           WHERE p.deleted = 0 GROUP BY 1, 2 ORDER BY COUNT(*) DESC, 2 LIMIT 1"""
    ).fetchone()
    if row is None:
        raise ValueError("the leader's ledger has no problems")
    return str(row[0]), str(row[1])


def liaison_workspace(
    leader: Session,
    path: Path,
    *,
    court_id: str | None = None,
    member: str = "张联络",
    unit: str | None = None,
    measure: str | None = None,
    send_back: bool = False,
    password: str | None = None,
) -> Session:
    """The liaison's workspace at ``path`` (files beside it for the exchange); with
    ``measure`` the court has proposed a plan for its first problem, and with ``send_back``
    the leader has taken the court's package in."""
    path = Path(path)
    folder = path.parent
    if court_id is None:
        court_id, name = busiest_court(leader)
    else:
        name = str(
            leader.conn.execute("SELECT name FROM courts WHERE id = ?", (court_id,)).fetchone()[0]
        )
    court = create_workspace(
        path, member_name=member, unit=unit or name, role="court", password=password
    )
    stem = path.stem
    export_identity_card(court, path=folder / f"{stem}.card")
    import_roster_file(leader, path=folder / f"{stem}.card", court=court_id)
    export_roster(leader, path=folder / f"{stem}-roster.json")
    import_roster_file(court, path=folder / f"{stem}-roster.json")
    export_court_package(leader, court=court_id, path=folder / f"{stem}-整改包.ledgerpkg")
    import_package(court, path=folder / f"{stem}-整改包.ledgerpkg")
    if measure:
        problem = court.conn.execute("SELECT id FROM problems ORDER BY found_date, id").fetchone()[
            0
        ]
        propose_plan(
            court,
            problem_id=problem,
            measure=measure,
            responsible_unit=unit or f"{name}执行局",
            deadline=court.today() + dt.timedelta(days=30),
        )
    if send_back:
        back = export_package(court, path=folder / f"{stem}-报送.ledgerpkg")
        import_package(leader, path=back.path)
    return court
