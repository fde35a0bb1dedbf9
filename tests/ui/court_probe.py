"""For the probes: an inspected court's liaison's workspace that took in the leader's
rectification package for one court, with a plan proposed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any


def court_workspace(
    leader: Any,
    folder: Path,
    *,
    court_id: str,
    member: str,
    unit: str,
    measure: str,
    send_back: bool = False,
) -> Any:
    from inspector.services.court_loop import export_court_package, propose_plan
    from inspector.services.packages import export_package, import_package
    from inspector.services.roster import export_identity_card, export_roster, import_roster_file
    from inspector.services.workspaces import create_workspace

    court = create_workspace(folder / "court.ledger", member_name=member, unit=unit, role="court")
    export_identity_card(court, path=folder / "court.card")
    import_roster_file(leader, path=folder / "court.card", court=court_id)
    export_roster(leader, path=folder / "roster.json")
    import_roster_file(court, path=folder / "roster.json")
    export_court_package(leader, court=court_id, path=folder / "court.ledgerpkg")
    import_package(court, path=folder / "court.ledgerpkg")
    problem = court.conn.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    propose_plan(
        court,
        problem_id=problem,
        measure=measure,
        responsible_unit=unit,
        deadline=dt.date.today() + dt.timedelta(days=30),
    )
    if send_back:
        import_package(leader, path=export_package(court, path=folder / "back.ledgerpkg").path)
    return court
