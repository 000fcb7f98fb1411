"""Findings: what `check` reports, each with its file, line, column and stable code."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # yamlread imports libyaml: only locating findings needs it
    from leercyclus.repository.yamlread import Path_

Severity = Literal["error", "warning"]

CODES: dict[str, tuple[Severity, str]] = {
    "LC001": ("error", "The file cannot be read, or is not UTF-8 text."),
    "LC002": ("error", "YAML syntax error (an unclosed quote, a missing ':', a tab as indent)."),
    "LC003": ("error", "The file is empty (or holds only comments)."),
    "LC004": ("error", "A key appears twice in one mapping."),
    "LC005": ("error", "The file nests too deep, or anchors and aliases expand it too far."),
    "LC006": ("error", "A YAML tag (`!!python/...`, `!!binary`, ...) is used; tags are refused."),
    "LC010": ("error", "The file holds a list or a single value where a mapping of keys belongs."),
    "LC020": ("warning", "A YAML file in a cycle folder where leercyclus expects none; ignored."),
    "LC021": ("error", "A required file is missing: institutions.yaml, or a cycle's cycle.yaml."),
    "LC101": ("error", "Unknown key (with a 'did you mean' hint where one is close)."),
    "LC102": ("error", "A required key is missing."),
    "LC103": (
        "error",
        "A value of the wrong kind: text, list, mapping, number, empty or too small.",
    ),
    "LC104": (
        "error",
        "A value that is not one of the allowed values (outcome, role, status, ...).",
    ),
    "LC105": ("error", "An id written with characters an id of its kind may not have."),
    "LC106": ("error", "A date that is not YYYY-MM-DD, or does not exist."),
    "LC107": ("error", "The file's (or cycle folder's) name differs from the id it holds."),
    "LC201": ("error", "A standard names a domain that its cycle.yaml does not have."),
    "LC202": ("error", "A standard is named that the cycle does not have."),
    "LC203": ("error", "An institution is named that institutions.yaml does not have."),
    "LC204": ("error", "`previous` names a cycle that does not exist, or the cycle itself."),
    "LC205": ("error", "`continues` names a standard the previous cycle does not have."),
    "LC206": ("error", "A self-review, visit or action plan of an institution not taking part."),
    "LC207": ("warning", "A self-review leaves out standards of its cycle."),
    "LC208": ("warning", "A self-review answer has no explanation (outcome not not_applicable)."),
    "LC209": ("error", "The review team has no client or expert by experience."),
    "LC210": ("error", "A team member comes from the visited institution itself."),
    "LC211": ("warning", "The review day is dated before the self-review was completed."),
    "LC212": ("warning", "An action is overdue and neither done nor dropped."),
    "LC213": ("error", "An id is used twice (institution, domain, participant, standard, action)."),
    "LC214": ("error", "A team member has no home institution (only network_staff may omit it)."),
    "LC216": ("error", "A standard `continues` another, but its cycle has no `previous`."),
    "LC217": (
        "warning",
        "A standard's text changed (in git) after a self-review answered it: review the answer.",
    ),
}
"""Every finding code `check` can report: its severity and what it means, in one line."""


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
    from leercyclus.repository.yamlread import locate

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


def suggest(word: str, options: Iterator[str] | list[str] | set[str]) -> str | None:
    """The closest option to a misspelled word, if one is close enough."""
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    if not matches:
        lowered = {o.lower(): o for o in options}
        return lowered.get(str(word).lower())
    return matches[0]
