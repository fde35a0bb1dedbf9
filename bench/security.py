"""What encryption costs: unlocking, a refused password, and SQLCipher against plain SQLite.

    python -m bench.security [--scale small|province] [--json OUT]

Builds the demo twice (plain and encrypted, same seed), then times opening with the
right and a wrong password (Argon2id at the app's cost), computing the statistics
and exporting a package on each, and checking the encrypted workspace end to end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .harness import machine

AS_OF = dt.date(2025, 11, 20)
PASSWORD = "bench-password"


def _timed(fn: Any, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(scale: str, folder: Path) -> dict[str, Any]:
    from inspector.demo import build_demo
    from inspector.errors import UserError
    from inspector.services.packages import export_package
    from inspector.services.security import verify_workspace
    from inspector.services.session import open_session, unlock_key
    from inspector.services.workspaces import statistics as stats

    plain, sealed = folder / "plain.ledger", folder / "encrypted.ledger"
    build_demo(plain, scale=scale, seed=1, as_of=AS_OF).close()
    build_demo(sealed, scale=scale, seed=1, as_of=AS_OF, password=PASSWORD).close()
    out: dict[str, Any] = {"scale": scale, "machine": machine()}
    out["unlock_s"] = _timed(lambda: unlock_key(sealed, PASSWORD))

    def refused() -> None:
        try:
            unlock_key(sealed, "not-the-password")
        except UserError:
            return
        raise AssertionError("a wrong password was accepted")

    out["wrong_password_s"] = _timed(refused)
    key = unlock_key(sealed, PASSWORD)
    for label, path, kwargs in (("plain", plain, {}), ("encrypted", sealed, {"key": key})):
        s = open_session(path, **kwargs)
        try:
            out[f"{label}_stats_s"] = _timed(lambda s=s: stats(s, today=AS_OF))
            target = folder / f"{label}.ledgerpkg"
            out[f"{label}_export_s"] = _timed(
                lambda s=s, target=target: export_package(s, path=target), repeat=1
            )
            out[f"{label}_size_mb"] = round(path.stat().st_size / 1024 / 1024, 1)
            if label == "encrypted":
                start = time.perf_counter()
                report = verify_workspace(s)
                out["verify_s"] = time.perf_counter() - start
                out["verify_ok"] = report.ok
                out["revisions"] = report.revisions
        finally:
            s.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.security")
    parser.add_argument("--scale", choices=("small", "province"), default="small")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-security-") as tmp:
        result = run(args.scale, Path(tmp))
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
