"""Worker processes: forked when that is safe, started afresh when it is not."""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.context import BaseContext


def cores() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking copies only the calling thread: with other threads alive (a test runner's, say)
    a lock one of them holds stays locked in the child forever. So fork only when alone."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def context() -> BaseContext:
    """Fork (fast, inherits loaded modules) when safe, else spawn fresh interpreters."""
    return multiprocessing.get_context("fork" if can_fork() else "spawn")
