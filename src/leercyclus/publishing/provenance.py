"""Which data a report shows: the leercyclus version and the git commit of the repository."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from leercyclus import __version__
from leercyclus.methods.peerreview.aggregate import Provenance


def provenance(root: Path, exclude: Path | None = None) -> Provenance:
    """The version, short commit id and commit date; commit None outside git or without git."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%h %cs"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return Provenance(__version__, None, None)
    fields = result.stdout.split()
    if result.returncode != 0 or len(fields) != 2:
        return Provenance(__version__, None, None)
    commit, date = fields
    if _dirty(root, exclude):
        commit += "+"
    return Provenance(__version__, commit, dt.date.fromisoformat(date))


def _dirty(root: Path, exclude: Path | None) -> bool:
    """Whether the repository's data has changes that are not committed (outputs aside)."""
    specs = [".", ":(exclude).leercyclus"]
    if exclude is not None and exclude.resolve().is_relative_to(root.resolve()):
        specs.append(f":(exclude){exclude.resolve().relative_to(root.resolve()).as_posix()}")
    result = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=normal", "--", *specs],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return bool(result.stdout.strip())
