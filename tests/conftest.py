from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings

from inspector.demo import build_demo
from inspector.services.session import Session
from inspector.services.workspaces import create_workspace

# property tests: a quick look while developing, a thorough one in CI (the test command)
settings.register_profile("dev", max_examples=50)
settings.register_profile("ci", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

AS_OF = dt.date(2025, 11, 20)
TZ = dt.timezone(dt.timedelta(hours=8))


class FakeClock:
    """A settable clock so tests control 'now' (and therefore overdue and HLC)."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("INSPECTOR_DOCUMENTS_DIR", str(tmp_path_factory.mktemp("documents")))


@pytest.fixture(autouse=True)
def _quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at a test-sized cost (the real cost is what the app uses and the CLI shows)."""
    from inspector.storage import keyfile

    monkeypatch.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(1, 8 * 1024, 1))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2025, 9, 22, 9, 0, tzinfo=TZ))


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Iterator[Session]:
    """A new on-disk workspace whose current member is the team leader."""
    s = create_workspace(
        tmp_path / "ws.ledger", member_name="李建国", unit="云南高院执行局", clock=clock
    )
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo workspace built once; tests copy it before changing anything."""
    path = tmp_path_factory.mktemp("demo") / "demo.ledger"
    build_demo(path, scale="small", seed=7, as_of=AS_OF).close()
    return path


@pytest.fixture
def demo_on(demo_file: Path, tmp_path: Path) -> Iterator[Callable[[dt.date], Session]]:
    """Open a copy of the demo as its leader, with the clock at 9:00 on the day given."""
    from inspector.services.session import open_session

    opened: list[Session] = []

    def open_on(day: dt.date) -> Session:
        path = tmp_path / f"demo-{len(opened)}.ledger"
        shutil.copy(demo_file, path)
        s = open_session(path)
        s.use_clock(FakeClock(dt.datetime.combine(day, dt.time(9), tzinfo=TZ)))
        opened.append(s)
        return s

    yield open_on
    for s in opened:
        s.close()
