"""Which data a report shows: the leercyclus version and the git commit of the repository."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from leercyclus import __version__
from leercyclus.repository.git import git


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which data a report shows: tool version, commit and the commit's date."""

    version: str
    commit: str | None
    date: dt.date | None


def provenance(root: Path, exclude: Path | None = None) -> Provenance:
    """The version, short commit id and commit date; commit None outside git or without git."""
    found = git(root, "log", "-1", "--format=%h %cs", timeout=10)
    fields = (found or "").split()
    if len(fields) != 2:
        return Provenance(__version__, None, None)
    commit, date = fields
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return Provenance(__version__, None, None)
    if _dirty(root, exclude):
        commit += "+"
    return Provenance(__version__, commit, day)


def _dirty(root: Path, exclude: Path | None) -> bool:
    """Whether the repository's data has changes that are not committed (outputs aside)."""
    specs = [".", ":(exclude).leercyclus"]
    if exclude is not None and exclude.resolve().is_relative_to(root.resolve()):
        specs.append(f":(exclude){exclude.resolve().relative_to(root.resolve()).as_posix()}")
    status = git(
        root, "status", "--porcelain", "--untracked-files=normal", "--", *specs, timeout=10
    )
    return bool((status or "").strip())
