"""Lint, format and type checks run with the suite, so main stays clean."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["inspector", "tests", "installers", "docs", "main.py"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint_and_format():
    lint = run("ruff", "check", *PATHS)
    assert lint.returncode == 0, lint.stdout
    fmt = run("ruff", "format", "--check", *PATHS)
    assert fmt.returncode == 0, fmt.stdout


@pytest.mark.slow
def test_mypy():
    result = run("mypy")
    assert result.returncode == 0, result.stdout
