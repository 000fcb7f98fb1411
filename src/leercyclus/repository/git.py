"""The one way leercyclus runs git: read-only questions; nothing in the repository can run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# A repository's own git config is untrusted: a hook or core.fsmonitor there would run a program of
# the contributor's choice. These settings win over the repository's config (command line first).
_SAFE = (
    "-c", "core.fsmonitor=false",
    "-c", "core.hooksPath=" + os.devnull,
    "-c", "core.untrackedCache=false",
    "-c", "protocol.allow=never",
    "-c", "diff.external=",
    "--no-pager",
)  # fmt: skip


def git(root: Path, *args: str, timeout: float = 60) -> str | None:
    """git's standard output for a read-only command in root; None when git fails or is absent."""
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    try:
        result = subprocess.run(  # noqa: S603 (fixed program, arguments are no shell)
            ["git", *_SAFE, "-C", str(root), *args],  # noqa: S607 (git from PATH, as the user's)
            capture_output=True,
            timeout=timeout,
            check=False,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.decode("utf-8", errors="replace") if result.returncode == 0 else None


def git_state(root: Path) -> str:
    """What the review flags depend on: the commit and the uncommitted changes under cycles/."""
    head = git(root, "rev-parse", "HEAD")
    if head is None:
        return "no git"
    status = git(root, "status", "--porcelain", "--untracked-files=all", "--", "cycles") or ""
    return head.strip() + "\n" + status
