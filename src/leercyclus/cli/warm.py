"""A warm `check` (nothing changed since the last one), answered before typer is imported.

Most `check` runs find the repository as the last one left it (a pre-commit hook, an editor
saving, CI on a cached runner), and their answer is remembered (`commands.pipeline`). Starting
typer costs more than finding that answer: it imports pydantic to build its parameters. So
`run` hands a few plain spellings of `check` here first, and typer gets everything else: any
other option or spelling, `--help`, `--`, a repeated option, a value that looks like an option,
and every `check` whose answer is not remembered or whose repository or cycle is not found
(typer's path then says why, as it always did). What is printed, and the exit code, are the
same as typer's path gives: the same functions print them.
"""

from __future__ import annotations

import errno
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    from leercyclus.rules.summary import Summary

FORMATS = ("text", "json", "github", "gitlab")
"""`check --format`'s values (cli.check.CheckFormat)."""

_VALUED = ("--format", "--cycle", "--repo")
"""The options recognised here that take a value, as the next argument."""

_COMPLETE = "_LEERCYCLUS_COMPLETE"
"""Set, typer answers a shell's completion request instead of running the command."""


@dataclass(frozen=True, slots=True)
class Request:
    """A `check` as asked for: REPO, --repo, --strict, --format and --cycle."""

    repo: str | None = None
    repo_option: str | None = None
    strict: bool = False
    output: str = "text"
    cycle: str | None = None


def parse(argv: list[str]) -> Request | None:
    """`argv` as `check` takes it, if it is one of the spellings answered here; else None."""
    if not argv or argv[0] != "check":
        return None
    repo: str | None = None
    strict = False
    values: dict[str, str] = {}
    rest = iter(argv[1:])
    for word in rest:
        if word == "--strict" and not strict:
            strict = True
        elif word in _VALUED and word not in values:
            value = next(rest, None)
            if value is None or not _plain(value):
                return None
            values[word] = value
        elif repo is None and _plain(word):
            repo = word
        else:
            return None
    output = values.get("--format", "text")
    cycle = values.get("--cycle")
    if output not in FORMATS or (cycle is not None and not _name(cycle)):
        return None
    return Request(repo, values.get("--repo"), strict, output, cycle)


def _plain(value: str) -> bool:
    """A value taken as it is: not empty, not option-like, no NUL."""
    return bool(value) and not value.startswith("-") and "\0" not in value


def _name(cycle: str) -> bool:
    """A cycle's id as a single folder name."""
    separators = {"/", os.sep, os.altsep or "/"}
    return cycle not in (".", "..") and not any(s in cycle for s in separators)


def answer(argv: list[str]) -> int | None:
    """The exit code of the warm `check` that `argv` asks for, printed here; None when typer
    is to run the command (then nothing was printed)."""
    request = parse(argv)
    if request is None or os.environ.get(_COMPLETE):
        return None
    root = _root(request)
    if root is None:
        return None
    from leercyclus.commands.pipeline import remembered_summary
    from leercyclus.errors import UsageError

    global _ASKED
    _ASKED = True
    try:
        found = remembered_summary(root, strict_mode=request.strict, cycle=request.cycle)
    except UsageError:  # no such cycle, a name that is not UTF-8: typer's path says so
        return None
    if found is None:
        return None
    try:
        return show(found, root, request.output, request.strict)
    except OSError as exc:  # as typer does: the reader went away
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = cast(TextIO, _Pacified(sys.stdout))
        sys.stderr = cast(TextIO, _Pacified(sys.stderr))
        return 1


def _root(request: Request) -> Path | None:
    """The repository `request` names, found as typer's path finds it; None when typer's path
    would refuse a path (not readable) or find no repository."""
    from leercyclus.cli.network import repository
    from leercyclus.errors import UsageError

    argument = None if request.repo is None else Path(request.repo)
    option = None if request.repo_option is None else Path(request.repo_option)
    for given in (argument, option):
        if given is not None and given.exists() and not os.access(given, os.R_OK):
            return None
    try:
        return repository(argument, option, "check PATH")
    except UsageError:
        return None


def show(found: Summary, root: Path, output: str, strict: bool) -> int:
    """Print `check`'s answer in the `output` format; its exit code."""
    from leercyclus.cli import console

    if output == "json":
        console.findings_json(found.findings)
    elif output == "github":
        console.findings_github(found.findings, root)
    elif output == "gitlab":
        console.findings_gitlab(found.findings, root)
    else:
        console.findings_text(found.findings, found.files, strict)
    return 0 if found.ok else 1


_ASKED = False
"""Whether this run asked for a remembered answer (and may have left what it learned)."""


def forget() -> None:
    """Drop what a `check` not answered here learned for typer's path, once the run is over."""
    global _ASKED
    if _ASKED:
        from leercyclus.commands.pipeline import forget as forget_learned

        forget_learned()
        _ASKED = False


class _Pacified:
    """A standard stream whose flush ignores a reader that went away (click's wrapper)."""

    def __init__(self, wrapped: IO[Any]) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.wrapped, attr)
