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
    found = git(root, "log", "-1", "--format=%h %H %cs", timeout=10)
    fields = (found or "").split()
    if len(fields) != 3:
        return Provenance(__version__, None, None)
    short, full, date = fields
    commit = readable_id(short, full)
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return Provenance(__version__, None, None)
    if _dirty(root, exclude):
        commit += "+"
    return Provenance(__version__, commit, day)


def readable_id(short: str, full: str) -> str:
    """The short commit id, longer where it is all digits (about one commit in thirty: "7245878"):
    a report would print it as a long number, which the leak guard reads as a phone or client
    number. A longer prefix of the same commit names it just as well."""
    length = len(short)
    while full[:length].isdigit() and length < len(full):
        length += 1
    return full[:length] if full.startswith(short) else short


def _dirty(root: Path, exclude: Path | None) -> bool:
    """Whether the repository's data has changes that are not committed (outputs aside)."""
    specs = [".", ":(exclude).leercyclus"]
    if exclude is not None and exclude.resolve().is_relative_to(root.resolve()):
        specs.append(f":(exclude){exclude.resolve().relative_to(root.resolve()).as_posix()}")
    status = git(
        root, "status", "--porcelain", "--untracked-files=normal", "--", *specs, timeout=10
    )
    return bool((status or "").strip())
