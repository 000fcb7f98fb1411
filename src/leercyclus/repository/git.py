"""git, run so that nothing in a repository can make it start a program: the one way we run it.

A repository is someone else's work, its `.git/config` included (a repository copied whole, or
a folder inside another checkout). Settings there can name programs that git starts on its
own during `status` and `log`: an fsmonitor, hooks, clean filters, a signature checker. Every
run here switches those off on the command line, which outranks every config file, skips the
machine's system-wide config, and never prompts.
"""

from __future__ import annotations

import os

# git only, with a fixed argument list and no shell:
import subprocess  # nosec B404
from functools import cache
from pathlib import Path

SAFE = (
    *("-c", "core.fsmonitor=false"),
    *("-c", f"core.hooksPath={os.devnull}"),
    *("-c", "log.showSignature=false"),
    *("-c", "diff.external="),
    *("-c", "core.pager=cat"),
    *("-c", "status.submoduleSummary=false"),
    *("-c", "diff.ignoreSubmodules=all"),
)
"""Settings that outrank the repository's own: no program of the repository's choosing runs."""

TIMEOUT = 60
"""Seconds one git command may take."""


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_OPTIONAL_LOCKS": "0",  # status only reads: no index written, no index hook
        "GIT_PAGER": "cat",
    }


def git(root: Path, *args: str, timeout: float = TIMEOUT) -> str | None:
    """git's standard output (UTF-8, damaged bytes replaced), or None when git is missing,
    fails, or takes longer than `timeout` seconds."""
    raw = _run(root, (*_no_filters(str(root)), *args), timeout)
    return None if raw is None else raw.decode("utf-8", errors="replace")


def _run(root: Path, args: tuple[str, ...], timeout: float) -> bytes | None:
    command = ["git", "--no-pager", *SAFE, "-C", str(root), *args]
    try:
        # git as the user finds it on PATH, arguments as a list, no shell:
        result = subprocess.run(  # nosec B603
            command,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=_environment(),
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


@cache
def _no_filters(root: str) -> tuple[str, ...]:
    """Settings that empty every clean/smudge filter the config names (git runs a clean filter
    on files it must hash again during `status`, as `.gitattributes` asks). Empty means: none."""
    listed = _run(Path(root), ("config", "--name-only", "--get-regexp", r"^filter\."), TIMEOUT)
    names = set()
    for line in (listed or b"").decode("utf-8", errors="replace").splitlines():
        name, _, field = line[len("filter.") :].rpartition(".")
        if name and field in ("clean", "smudge", "process", "required"):
            names.add(name)
    return tuple(
        setting
        for name in sorted(names)
        for field, value in (("clean", ""), ("smudge", ""), ("process", ""), ("required", "false"))
        for setting in ("-c", f"filter.{name}.{field}={value}")
    )


def git_state(root: Path) -> str:
    """What answers drawn from history depend on: the commit, and what is not committed under
    cycles/ ("no git" outside git)."""
    head = git(root, "rev-parse", "HEAD")
    if head is None:
        return "no git"
    status = git(root, "status", "--porcelain", "--untracked-files=all", "--", "cycles") or ""
    return head.strip() + "\n" + status
