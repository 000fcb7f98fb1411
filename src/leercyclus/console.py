"""All terminal output: the only module that imports rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from leercyclus.build import Output
    from leercyclus.findings import Finding

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def error(message: str, hint: str | None = None) -> None:
    """An error the user can fix, on stderr."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    if hint:
        err.print(f"[dim]hint:[/] {escape(hint)}")


def bug(exc: BaseException) -> None:
    """An internal error: short, with how to get the details."""
    err.print(
        f"[bold red]internal error:[/] {escape(type(exc).__name__)}: {escape(str(exc))}\n"
        "This is a bug in leercyclus, not in your data. Run again with LEERCYCLUS_DEBUG=1 "
        "for the details, and report it with that output."
    )


def findings_text(findings: Sequence[Finding], files: int, strict: bool) -> None:
    """Findings grouped per file, then a summary line."""
    for file, group in groupby(findings, key=lambda f: f.file):
        out.print(f"[bold]{escape(file)}[/]")
        for f in group:
            colour = "red" if f.severity == "error" else "yellow"
            where = f"{f.line}:{f.column}"
            out.print(
                f"  [dim]{where:>7}[/]  [{colour}]{f.severity:<7}[/] [dim]{f.code}[/]  "
                f"{escape(f.message)}"
            )
        out.print()
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    bad_files = len({f.file for f in findings})
    if not findings:
        out.print(f"[green]✓[/] {files} files checked: no errors, no warnings")
        return
    mark = "[red]✗[/]" if errors else "[yellow]![/]"
    note = " (--strict: warnings count as errors)" if strict else ""
    out.print(
        f"{mark} {_count(errors, 'error')}, {_count(warnings, 'warning')} "
        f"in {bad_files} of {files} files{note}"
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def findings_json(findings: Sequence[Finding]) -> None:
    """One JSON array on stdout, one object per finding."""
    sys.stdout.write(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def findings_gitlab(findings: Sequence[Finding], root: Path) -> None:
    """A GitLab code-quality report: one JSON array; the fingerprint includes the location."""
    import hashlib

    prefix = _prefix(root)
    report = []
    for f in findings:
        identity = f"{prefix}{f.file}:{f.line}:{f.column}:{f.code}:{f.message}"
        report.append(
            {
                "description": f"{f.code}: {f.message}",
                "check_name": f.code,
                "fingerprint": hashlib.sha256(identity.encode()).hexdigest(),
                "severity": "major" if f.severity == "error" else "minor",
                "location": {"path": f"{prefix}{f.file}", "lines": {"begin": f.line}},
            }
        )
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def findings_github(findings: Sequence[Finding], root: Path) -> None:
    """GitHub Actions workflow commands; paths relative to the current folder (the workspace)."""
    prefix = _prefix(root)
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        message = _gh_escape(f"{f.message}")
        sys.stdout.write(
            f"::{level} file={prefix}{f.file},line={f.line},col={f.column},"
            f"title={f.code}::{message}\n"
        )


def _prefix(root: Path) -> str:
    try:
        rel = root.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel + "/"


def _gh_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


@contextmanager
def status(message: str) -> Iterator[None]:
    """A spinner on stderr while something takes a moment (nothing when not a terminal)."""
    if not err.is_terminal:
        yield
        return
    with err.status(message):
        yield


@contextmanager
def progress(message: str) -> Iterator[Callable[[str], None]]:
    """A live line on stderr that names each step as it finishes."""
    if not err.is_terminal:
        yield lambda _step: None
        return
    with err.status(message) as live:

        def step(name: str) -> None:
            live.update(f"{message}: {escape(name)}")

        yield step


def written(outputs: Sequence[Output], base: Path) -> None:
    """A summary table of what was written."""
    from rich.table import Table

    table = Table(title="Written", title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("report")
    table.add_column("scope")
    table.add_column("format")
    table.add_column("size", justify="right")
    table.add_column("file")
    rebuilt = [o for o in outputs if o.rebuilt]
    for o in rebuilt:
        try:
            shown = o.path.relative_to(base)
        except ValueError:
            shown = o.path
        name = o.institution or "national"
        size = f"{o.path.stat().st_size / 1024:.0f} KB"
        table.add_row(name, o.scope, o.format, size, str(shown))
    if rebuilt:
        out.print(table)
    same = len(outputs) - len(rebuilt)
    note = f"; {same} unchanged (use --force to rebuild them)" if same else ""
    out.print(f"[green]✓[/] {_count(len(rebuilt), 'file')} written{note}")
