"""Run a probe of the app (``python -m tests.ui.<probe> OUT.json``) in a fresh process and
read its report: what Qt fixes when it starts (the scale factor, the translators) differs
from the test process's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_probe(module: str, out: Path, env: dict[str, str]) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", module, str(out)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))
