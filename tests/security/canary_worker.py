"""A process that writes the canary into a record and an attachment, backs up and exports,
then either closes cleanly or waits mid-transaction to be killed.

    python -m tests.security.canary_worker FOLDER close|kill
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from inspector.domain.rectification import Action
from inspector.services.packages import export_package
from inspector.services.problems import create_problem
from inspector.services.rectification import EvidenceFile, act, add_item
from inspector.services.security import backup_now
from inspector.services.team import add_court
from inspector.services.workspaces import create_workspace
from inspector.storage import keyfile

from .conftest import CANARY


def main(folder: Path, mode: str) -> None:
    keyfile.DEFAULT_KDF = keyfile.KdfParams(1, 8 * 1024, 1)
    s = create_workspace(
        folder / "台账.ledger", member_name="李建国", role="leader", password="canary-pw"
    )
    court = add_court(s, name="昆明市五华区人民法院", level="基层", code="云0102")
    pid = create_problem(s, court_id=court, category="消极执行", description=CANARY)
    item = add_item(s, problem_id=pid, measure=f"整改：{CANARY}", kind="立行立改")
    act(s, item_id=item, action=Action.START)
    evidence = (f"证明材料 {CANARY} " * 200).encode("utf-8")
    act(s, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("证明.txt", evidence)])
    backup_now(s)
    export_package(s, path=folder / "out" / "台账.ledgerpkg")
    if mode == "close":
        s.close()
        print("closed", flush=True)
        return
    # killed in the middle of writing more of the same
    with s.transaction():
        create_problem(s, court_id=court, category="消极执行", description=CANARY * 50)
        print("ready", flush=True)
        time.sleep(60)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
