"""The query workers' memory, as the server's memory: resident memory read from /proc, a budget
for all workers together, and when a worker has kept too much.

Each worker's address space is capped (`worker_memory_mb`, RLIMIT_AS), but two workers near
their caps next to the app would still make a server of 2 GB or more, and CPython keeps what a
large job allocated. So the pool (graph/workers.py) also watches the workers' resident memory
together: past `workers_memory_mb`, the largest busy worker is stopped (503
`query_too_large`), and a worker that kept more than its share of the budget once its job is
done is replaced, which gives that memory back to the system.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["WATCH_EVERY", "MemoryWatch", "rss_mb"]

WATCH_EVERY = 0.1  # seconds between two looks at the workers' memory
_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def rss_mb(pid: int) -> float:
    """The resident memory of process `pid` (MB); 0 when it is gone.

    >>> rss_mb(os.getpid()) > 1, rss_mb(2**22 + 1)
    (True, 0.0)
    """
    return _statm_mb(pid, 1)


def address_space_mb(pid: int) -> float:
    """The address space of process `pid` (MB, what RLIMIT_AS caps); 0 when it is gone.

    >>> address_space_mb(os.getpid()) >= rss_mb(os.getpid()) > 1
    True
    """
    return _statm_mb(pid, 0)


def _statm_mb(pid: int, field: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[field]) * _PAGE_MB
    except (OSError, ValueError, IndexError):
        return 0.0


class MemoryWatch:
    """A daemon thread that, every `WATCH_EVERY` s, sums the resident memory of `workers()`
    and calls `over(worker)` on the largest of `busy()` while the sum is over `budget_mb`."""

    def __init__(self, budget_mb: int, workers: Callable[[], Iterable[Any]],
                 busy: Callable[[], Iterable[Any]], over: Callable[[Any], None]) -> None:
        self.budget_mb = budget_mb
        self._workers, self._busy, self._over = workers, busy, over
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="vnkg-memory-watch", daemon=True)

    def start(self) -> None:
        if self.budget_mb > 0:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def check(self) -> Any | None:
        """Stop the largest busy worker when all of them use more than the budget and it holds
        more than its share (the budget over the workers); returns it. A busy worker within its
        share is left alone: the excess is then a worker starting or one that grew idle, which
        its next job's end replaces, and the request at hand did not cause it."""
        if self.budget_mb <= 0:  # no budget: nothing to watch
            return None
        sizes = {id(w): rss_mb(w.process.pid) for w in list(self._workers())}
        if sum(sizes.values()) <= self.budget_mb:
            return None
        busy = list(self._busy())
        if not busy:
            return None
        largest = max(busy, key=lambda w: sizes.get(id(w), 0.0))
        if sizes.get(id(largest), 0.0) <= self.budget_mb / max(1, len(sizes)):
            return None
        self._over(largest)
        return largest

    def _run(self) -> None:
        while not self._stop.wait(WATCH_EVERY):
            self.check()
