"""Reading a batch of packages ahead of the merge: in a second process for a large batch, so
that reading and verifying runs beside the merge on the other core.

The merge goes package by package (each laptop's packages in sequence order); while one is
merged, the next ones are read and verified. A package that fails reading fails the batch with
its name; whatever was read ahead and is no longer wanted is closed.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from ..errors import UserError
from .package import Detached, Manifest, Package, Reader, attach

#: packages read and verified ahead of the one being merged: at most this many, and no more
#: than about this many bytes of them (the first always)
READ_AHEAD = 8
READ_AHEAD_BYTES = 48 * 1024 * 1024
#: batches bringing at least this many bytes of packages are read in a second process, so that
#: reading and verifying runs beside the merge on another core
PROCESS_READ_BYTES = 8 * 1024 * 1024


def _reading_pool(paths: list[Path]) -> Executor:
    size = 0
    for path in paths:
        with suppress(OSError):
            size += path.stat().st_size
    if len(paths) > 1 and size >= PROCESS_READ_BYTES:
        try:
            # the reader process only makes short-lived, acyclic objects (see paused_gc)
            return ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=gc.disable,
            )
        except (OSError, ValueError, NotImplementedError):
            pass
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="package-reader")


@dataclass(frozen=True)
class Waiting:
    """A package of a batch still to merge."""

    position: int  # in the batch as given
    path: Path
    manifest: Manifest
    size: int  # bytes of the file


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def bytes_ahead(ahead: deque[tuple[Waiting, Any]]) -> int:
    return sum(w.size for w, _ in ahead)


def merge_order(waiting: list[Waiting]) -> list[Waiting]:
    """The order to merge a batch in: as given, except that each laptop's packages go by their
    sequence numbers (an earlier one first, whatever order they were picked in), and that the
    largest package that is its laptop's earliest goes first: it is read here while the reader
    process starts and reads the next ones, which then wait ready while it is merged."""
    by_sender: dict[str, list[Waiting]] = {}
    for w in waiting:
        by_sender.setdefault(w.manifest.sender_device, []).append(w)
    for packages in by_sender.values():
        packages.sort(key=lambda w: w.manifest.sequence)
    turns = {sender: iter(packages) for sender, packages in by_sender.items()}
    ordered = [next(turns[w.manifest.sender_device]) for w in waiting]
    if ordered:
        head = max((packages[0] for packages in by_sender.values()), key=lambda w: w.size)
        ordered.remove(head)
        ordered.insert(0, head)
    return ordered


def _named(name: str, e: UserError) -> UserError:
    return type(e)(f"{name}：{e}")


class ReadAhead:
    """The batch's packages in merge order, each read and verified, the next ones read ahead
    (use as a context manager, then iterate). ``read(path, progress)`` reads one here;
    ``detached(path)`` reads one in a reader process (see ``package.read_detached``)."""

    def __init__(
        self,
        waiting: list[Waiting],
        read: Callable[..., Any],
        detached: Callable[..., Any],
        key: Reader,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.waiting = list(waiting)
        self.read = read
        self.detached = detached
        self.key = key
        self.progress = progress
        self.ahead: deque[tuple[Waiting, Future[Any] | None]] = deque()
        self.pool: Executor | None = None

    def __enter__(self) -> ReadAhead:
        self.pool = _reading_pool([w.path for w in self.waiting])
        self.in_process = isinstance(self.pool, ProcessPoolExecutor)
        # while the reader process starts, the first package is read here (and a package
        # that comes alone is read here: there is nothing to read beside it)
        self.here_first = self.in_process or len(self.waiting) == 1
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for _w, future in self.ahead:
            if future is not None:
                future.cancel()
        for _w, future in self.ahead:
            if future is not None and not future.cancelled() and future.exception() is None:
                got = future.result()
                if isinstance(got, Package):
                    got.close()
        assert self.pool is not None
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _fill(self) -> None:
        assert self.pool is not None
        while (
            self.waiting
            and len(self.ahead) < READ_AHEAD
            and (
                not self.ahead or bytes_ahead(self.ahead) + self.waiting[0].size <= READ_AHEAD_BYTES
            )
        ):
            w = self.waiting.pop(0)
            future: Future[Any] | None = None  # None: read it here when its turn comes
            if self.here_first:
                self.here_first = False
            else:
                with suppress(BrokenProcessPool):
                    future = self.pool.submit(
                        self.detached if self.in_process else self.read, w.path
                    )
            self.ahead.append((w, future))

    def _received(self, path: Path, future: Future[Any] | None) -> Package:
        if future is None:
            return cast(Package, self.read(path, self.progress))
        try:
            got = future.result()
        except BrokenProcessPool:
            # the reader process died (out of memory?): read it here
            return cast(Package, self.read(path, self.progress))
        if isinstance(got, Detached):
            return attach(got, reader=self.key)
        return cast(Package, got)

    def __iter__(self) -> Iterator[tuple[Waiting, Package]]:
        self._fill()
        while self.ahead:
            w, future = self.ahead.popleft()
            try:
                pkg = self._received(w.path, future)
            except UserError as e:
                raise _named(w.path.name, e) from e
            self._fill()
            yield w, pkg
