"""The smoke test of the frozen build, when a bundle has been built (installers/build-linux.sh)."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dist" / "inspector-ledger" / "inspector-ledger"


@pytest.mark.skipif(not APP.exists(), reason="no frozen build (run installers/build-linux.sh)")
def test_frozen_build_smoke():
    result = subprocess.run(
        ["bash", str(ROOT / "installers" / "smoke-test.sh"), str(APP)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test passed" in result.stdout
