"""Findings: what `check` reports, each with its file, line, column and stable code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from leercyclus.yamlio import Path_, locate

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the data. Until `locate_all` runs, `path` may stand in for line and column."""

    severity: Severity
    file: str
    code: str
    message: str
    line: int = 0
    column: int = 0
    path: Path_ | None = None
    at_key: bool = False

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def as_json(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
        }


def error(file: str, code: str, message: str, path: Path_ = (), *, at_key: bool = False) -> Finding:
    """An error at `path` inside `file`, located later."""
    return Finding("error", file, code, message, path=path, at_key=at_key)


def warning(
    file: str, code: str, message: str, path: Path_ = (), *, at_key: bool = False
) -> Finding:
    """A warning at `path` inside `file`, located later."""
    return Finding("warning", file, code, message, path=path, at_key=at_key)


def locate_all(findings: Iterable[Finding], root: Path) -> list[Finding]:
    """Give every finding its line and column, reading each file it names once; sorted."""
    texts: dict[str, str | None] = {}
    located = []
    for finding in findings:
        if finding.line == 0:
            if finding.file not in texts:
                try:
                    raw = (root / finding.file).read_bytes()
                    texts[finding.file] = raw.decode("utf-8-sig", errors="replace")
                except OSError:
                    texts[finding.file] = None
            text = texts[finding.file]
            line, column = (1, 1)
            if text is not None and finding.path is not None:
                line, column = locate(text, finding.path, finding.at_key)
            finding = replace(finding, line=line, column=column)
        located.append(finding)
    return sorted(located, key=lambda f: f.sort_key)


def strict(findings: Iterable[Finding]) -> list[Finding]:
    """`--strict`: every warning becomes an error."""
    return [replace(f, severity="error") for f in findings]
