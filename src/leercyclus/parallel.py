"""Worker processes: forked when that is safe, started afresh when it is not."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from multiprocessing.context import BaseContext


def cores() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


NATIVE_THREADS = ("typst",)
"""Modules whose native code keeps a thread pool once used: a forked child inherits the pool's
state but not its threads, and waits for them forever (seen: typst.compile in a forked worker)."""


def can_fork() -> bool:
    """Forking copies only the calling thread: with other threads alive (a test runner's, a
    native library's) a lock one of them holds stays locked in the child. So fork only when
    alone, and before any module with a native thread pool has been loaded."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and not any(name in sys.modules for name in NATIVE_THREADS)
    )


def context() -> BaseContext:
    """Fork (fast, inherits loaded modules) when safe, else spawn fresh interpreters."""
    return multiprocessing.get_context("fork" if can_fork() else "spawn")
