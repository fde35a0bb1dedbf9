"""The benchmark harness runs at small scale and reports every measure (no timing assertions)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bench_small_runs_and_reports_every_measure(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--scale", "small", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    names = [m["name"] for m in data["measures"]]
    assert len(names) == 16 and "GUI peak RSS" in names
    assert "system check of every case" in names
    assert "case list filter (未评查 …) (p95)" in names and "a page's first visit (p95)" in names
    assert data["machine"]["cores"] and data["packages"]["count"] >= 2
    assert not data["soak"]["crashed"] and data["soak"]["none_refs_lost"] < 50
    assert any(n.startswith("GUI soak") for n in names)
    assert data["case_list_import"]["imported"] == data["case_list_import"]["rows"]
    assert "| measure |" in result.stdout
