"""Kill -9 harness: interrupt edits, imports and exports at random moments, then check.

Each run copies a prepared encrypted leader workspace, starts a worker process that
loops over operations (an edit of one problem with three rectification items in
one transaction; importing a member's package; exporting a package), kills it
with SIGKILL after a random delay, and checks the workspace:

* ``PRAGMA integrity_check`` and SQLCipher's page check pass, every chain is intact;
* every operation is all or nothing: each problem has its three items, each
  imported package's revisions are all there and none without its record;
* every operation the worker reported done (after its commit) is present;
* every exported package under its final name opens and verifies.

    python -m bench.crash [--runs 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ITEMS_PER_PROBLEM = 3


@dataclass
class Prepared:
    folder: Path
    workspace: Path
    key: bytes
    packages: list[Path]


@dataclass
class RunResult:
    run: int
    killed_after: float
    interrupted: str
    done: int
    problems: list[str] = field(default_factory=list)


def prepare(folder: Path, *, members: int = 4, problems_each: int = 400) -> Prepared:
    """A leader's encrypted workspace and one package from each member, sealed to it."""
    from inspector.services.packages import export_package
    from inspector.services.problems import create_problem
    from inspector.services.rectification import add_item
    from inspector.services.roster import export_identity_card, export_roster, import_roster_file
    from inspector.services.team import add_court
    from inspector.services.workspaces import create_workspace
    from inspector.storage import keyfile

    keyfile.DEFAULT_KDF = keyfile.KdfParams(1, 8 * 1024, 1)  # the harness is about crashes
    folder.mkdir(parents=True, exist_ok=True)
    leader_path = folder / "leader.ledger"
    leader = create_workspace(
        leader_path, member_name="李建国", role="leader", password="harness-pw"
    )
    names = ["王芳", "赵敏", "陈杰", "刘洋", "周静"]
    laptops = [
        create_workspace(folder / f"m{i}.ledger", member_name=names[i], role="inspector")
        for i in range(members)
    ]
    for m in laptops:
        card = folder / "card.json"
        export_identity_card(m, path=card)
        import_roster_file(leader, path=card)
    export_roster(leader, path=folder / "roster.json")
    for m in laptops:
        import_roster_file(m, path=folder / "roster.json")
    court = add_court(leader, name="昆明市五华区人民法院", level="基层", code="云0102")
    export_package(leader, path=folder / "base.ledgerpkg")
    packages = []
    for i, m in enumerate(laptops):
        import_roster_file(m, path=folder / "roster.json")
        from inspector.services.packages import import_package

        import_package(m, path=folder / "base.ledgerpkg")
        with m.transaction():
            for n in range(problems_each):
                pid = create_problem(
                    m, court_id=court, category="消极执行", description=f"pkg{i}-{n}"
                )
                for k in range(ITEMS_PER_PROBLEM):
                    add_item(m, problem_id=pid, measure=f"pkg{i}-{n}-{k}", kind="立行立改")
        packages.append(export_package(m, path=folder / f"member{i}.ledgerpkg").path)
        m.close()
    key = leader.workspace.key
    assert key is not None
    leader.workspace.checkpoint()
    leader.close()
    return Prepared(folder, leader_path, key, packages)


# --- the worker (a separate process) --------------------------------------------------------


def worker(workspace: Path, key_hex: str, packages: list[Path], out: Path, seed: int) -> None:
    from inspector.services import records
    from inspector.services.packages import export_package, import_package
    from inspector.services.problems import create_problem
    from inspector.services.rectification import add_item
    from inspector.services.session import open_session

    rng = random.Random(seed)
    s = open_session(workspace, key=bytes.fromhex(key_hex))
    court = records.find(s, "court")[0]["id"]
    pending = list(packages)
    rng.shuffle(pending)
    n = 0

    def say(*parts: object) -> None:
        sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
        sys.stdout.flush()

    # each run leans on one kind of operation, so that kills land in all three
    mode = rng.choice(("edit", "import", "export"))
    while True:
        n += 1
        choice = rng.random()
        if pending and (mode == "import" or choice < 0.05):
            pkg = pending.pop()
            say("begin", "import", pkg.name)
            import_package(s, path=pkg)
            say("done", "import", pkg.name)
        elif (mode == "export" and choice < 0.5) or n % 200 == 0:
            name = f"out{n}.ledgerpkg"
            say("begin", "export", name)
            export_package(s, path=out / name)
            say("done", "export", name)
        else:
            op = f"op-{seed}-{n}"
            say("begin", "edit", op)
            with s.transaction():
                pid = create_problem(s, court_id=court, category="消极执行", description=op)
                for k in range(ITEMS_PER_PROBLEM):
                    add_item(s, problem_id=pid, measure=f"{op}-{k}", kind="立行立改")
            say("done", "edit", op)


# --- checking ---------------------------------------------------------------------------------


def check(prep: Prepared, workspace: Path, out: Path, log: str) -> list[str]:
    from inspector.services.packages import verify_package
    from inspector.services.security import verify_workspace
    from inspector.services.session import open_session
    from inspector.sync.merge import local_vector

    problems: list[str] = []
    done = {tuple(line.split()[1:3]) for line in log.splitlines() if line.startswith("done")}
    from inspector.services.session import own_devices

    s = open_session(workspace, key=prep.key)
    try:
        conn = s.conn
        if [r[0] for r in conn.execute("PRAGMA integrity_check")] != ["ok"]:
            problems.append("integrity_check failed")
        report = verify_workspace(s)
        problems += report.problems
        rows = conn.execute(
            """SELECT p.description, COUNT(i.id) FROM problems p
               LEFT JOIN rectification_items i ON i.problem_id = p.id AND i.deleted = 0
               WHERE p.description LIKE 'op-%' OR p.description LIKE 'pkg%'
               GROUP BY p.id"""
        ).fetchall()
        present = {d for d, _ in rows}
        problems += [f"{d}: {n} items" for d, n in rows if n != ITEMS_PER_PROBLEM]
        for kind, name in done:
            if kind == "edit" and name not in present:
                problems.append(f"edit {name} reported done but missing")
        imported = {
            r[0]: json.loads(r[1])
            for r in conn.execute("SELECT sender_device, vector FROM imported_packages")
        }
        vector = local_vector(conn)
        mine = set(own_devices(s))
        for device, top in vector.items():
            if device == "reference" or device in mine:
                continue
            if device not in imported:
                problems.append(f"revisions of {device[:8]} without their package")
            elif imported[device].get(device) != top:
                problems.append(f"package of {device[:8]} only partly merged")
        imported_names = sum(1 for k, _ in done if k == "import")
        if len(imported) < imported_names:
            problems.append("an import reported done is missing")
        for pkg in sorted(out.glob("*.ledgerpkg")):
            try:
                verify_package(s, path=pkg)
            except Exception as e:
                problems.append(f"exported {pkg.name} broken: {e}")
        for kind, name in done:
            if kind == "export" and not (out / name).exists():
                problems.append(f"export {name} reported done but missing")
    finally:
        s.close()
    return problems


def run_once(prep: Prepared, n: int, rng: random.Random, *, max_delay: float) -> RunResult:
    run_dir = prep.folder / f"run{n:03d}"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    run_dir.mkdir()
    ws = run_dir / prep.workspace.name
    for suffix in ("", ".key"):
        shutil.copyfile(str(prep.workspace) + suffix, str(ws) + suffix)
    out = run_dir / "out"
    out.mkdir()
    args = [
        sys.executable,
        "-m",
        "bench.crash",
        "--worker",
        str(ws),
        prep.key.hex(),
        str(out),
        str(rng.randrange(1 << 30)),
        *map(str, prep.packages),
    ]
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    with tempfile.TemporaryFile() as log_file:
        proc = subprocess.Popen(args, stdout=log_file, stderr=subprocess.DEVNULL, cwd=root, env=env)
        delay = rng.uniform(0.6, max_delay)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        log_file.seek(0)
        log = log_file.read().decode("utf-8", "replace")
    begun = [line.split()[1] for line in log.splitlines() if line.startswith("begin")]
    finished = [line for line in log.splitlines() if line.startswith("done")]
    interrupted = begun[-1] if len(begun) > len(finished) else "start-up"
    problems = check(prep, ws, out, log)
    shutil.rmtree(run_dir, ignore_errors=True)
    return RunResult(n, delay, interrupted, len(finished), problems)


def harness(folder: Path, *, runs: int, seed: int = 1, max_delay: float = 2.0) -> list[RunResult]:
    prep = prepare(folder)
    rng = random.Random(seed)
    return [run_once(prep, n, rng, max_delay=max_delay) for n in range(1, runs + 1)]


def summary(results: list[RunResult]) -> dict[str, Any]:
    by_kind: dict[str, int] = {}
    for r in results:
        by_kind[r.interrupted] = by_kind.get(r.interrupted, 0) + 1
    return {
        "runs": len(results),
        "failed": sum(1 for r in results if r.problems),
        "interrupted": by_kind,
        "operations_done": sum(r.done for r in results),
        "problems": [f"run {r.run}: {p}" for r in results for p in r.problems][:50],
    }


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--worker":
        ws, key, out, seed, *pkgs = argv[1:]
        worker(Path(ws), key, [Path(p) for p in pkgs], Path(out), int(seed))
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.crash")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crash-") as tmp:
        start = time.perf_counter()
        results = harness(Path(tmp), runs=args.runs, seed=args.seed)
        elapsed = time.perf_counter() - start
    report = {**summary(results), "seconds": round(elapsed, 1)}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if report["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
