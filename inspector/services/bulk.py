"""Helpers for the long bulk operations (batch imports, report exports).

Every function here runs on the thread that owns the session it is given: the GUI
thread for quick edits, an operation's thread for long work (see ``ui/ops.py``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration.

    Bulk operations make millions of short-lived, acyclic objects (rows, cells, revisions);
    reference counting frees them, and collecting cycles among them only costs time — a
    tenth of a batch import — the more so the larger the heap already is.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
