"""Worker processes: forked when that is safe, started afresh when it is not; they end with us."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
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


def pool(
    workers: int,
    mp_context: BaseContext | None = None,
    initializer: Callable[[], object] | None = None,
) -> ProcessPoolExecutor:
    """A process pool whose workers end with this process and leave Ctrl-C to it."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=mp_context or context(),
        initializer=_worker_start,
        initargs=(os.getpid(), initializer),
    )


def stop(executor: ProcessPoolExecutor) -> None:
    """End a pool at once: queued work is dropped and running workers are killed.

    For an interrupted or failed run: a worker busy with a long conversion would otherwise go
    on after its result stopped mattering.
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


_PR_SET_PDEATHSIG = 1


def _worker_start(parent: int, initializer: Callable[[], object] | None) -> None:
    """In each worker, first: die with the parent, ignore Ctrl-C, no warnings noise."""
    if sys.platform == "linux":
        _die_with_parent(parent)
    # Ctrl-C reaches every process of the terminal's group: the parent decides what it means
    # and ends its workers. A handler (not SIG_IGN) is reset for the programs a worker starts
    # (pandoc), so they do end on Ctrl-C.
    signal.signal(signal.SIGINT, _ignore)
    warnings.simplefilter("ignore")
    if initializer is not None:
        initializer()


def _die_with_parent(parent: int) -> None:
    """Let the kernel kill this worker when its parent ends, even by SIGKILL."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return
    if os.getppid() != parent:  # the parent ended before the line above took effect
        os._exit(1)


def _ignore(signum: int, frame: object) -> None:  # noqa: ARG001
    """Ctrl-C in a worker: nothing; the parent ends the worker."""
