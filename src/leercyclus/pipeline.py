"""The stages composed: check() and, later, build_reports()."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from leercyclus.findings import Finding, locate_all, strict
from leercyclus.network import Network, load_network


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `check` found, located and sorted, and how many files it read."""

    network: Network
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def check(root: Path, *, strict_mode: bool = False, today: dt.date | None = None) -> CheckResult:
    """Load and validate the repository at `root` and apply every cross-file rule."""
    from leercyclus.crossref import cross_check

    network = load_network(root)
    findings = [*network.findings, *cross_check(network, today or dt.date.today())]
    located = locate_all(findings, root)
    return CheckResult(network, strict(located) if strict_mode else located)
