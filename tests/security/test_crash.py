"""Nothing readable on disk, and nothing half-done, whether the app closes or is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bench.crash import harness, summary
from inspector.services import records
from inspector.services.security import list_backups, verify_workspace
from inspector.services.session import open_session

from .conftest import CANARY, occurrences

ROOT = Path(__file__).resolve().parents[2]


def _start(folder: Path, mode: str) -> tuple[subprocess.Popen[str], Path]:
    tmp = folder / "tmp"
    tmp.mkdir(parents=True)
    (folder / "out").mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.security.canary_worker", str(folder), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    return proc, tmp


@pytest.mark.parametrize("mode", ["close", "kill"])
def test_the_canary_never_reaches_the_disk_in_plain_text(tmp_path, mode):
    proc, tmp = _start(tmp_path, mode)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == ("closed" if mode == "close" else "ready")
    if mode == "kill":
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()
    ws = tmp_path / "台账.ledger"
    files = {p.name for p in tmp_path.iterdir()}
    assert "台账.ledger" in files and "台账.ledger.key" in files
    if mode == "kill":
        assert Path(str(ws) + "-wal").exists()  # the write-ahead log was in use
    assert list_backups(ws) and list((tmp_path / "out").glob("*.ledgerpkg"))
    # the workspace, its -wal/-shm, the key file, backups, packages and the temp folder
    assert occurrences(tmp_path, tmp) == {}
    s = open_session(ws, password="canary-pw")
    try:
        assert len(records.find(s, "problem", "description = ?", (CANARY,))) == 1
        assert not records.find(s, "problem", "description = ?", (CANARY * 50,))
        assert verify_workspace(s).ok
    finally:
        s.close()


@pytest.mark.slow
def test_kill_9_at_random_moments_leaves_every_operation_whole(tmp_path):
    results = harness(tmp_path / "crash", runs=50, seed=7, max_delay=1.6)
    report = summary(results)
    assert report["failed"] == 0, report["problems"]
    assert report["operations_done"] > 0
    assert set(report["interrupted"]) >= {"edit", "import"}, report["interrupted"]
