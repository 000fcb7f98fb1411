"""`report`: choose what to build, render it, convert it, guard it, then write it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from leercyclus.errors import DataError, UsageError
from leercyclus.loading.method import Fact
from leercyclus.loading.network import CycleData, Network, require_participant
from leercyclus.methods.peerreview.aggregate import Meta
from leercyclus.repository.findings import suggest


class Progress(Protocol):
    """How `report` tells the user where it is; the CLI shows a bar, tests pass None."""

    def start(self, total: int) -> None:
        """The number of steps to come."""

    def advance(self, name: str) -> None:
        """One step done."""

    def note(self, text: str) -> None:
        """A message worth a line of its own (a wait the user should know about)."""


class Silent:
    """A Progress that shows nothing."""

    def start(self, total: int) -> None:
        """Nothing to show."""

    def advance(self, name: str) -> None:
        """Nothing to show."""

    def note(self, text: str) -> None:
        """Nothing to show."""


@dataclass(frozen=True)
class ReportRequest:
    """What the user asked for; None means the default of the contract."""

    cycle: str | None = None
    institutions: tuple[str, ...] = ()
    national: bool = True
    formats: tuple[str, ...] | None = None
    out: Path | None = None
    language: str | None = None


@dataclass
class Plan:
    """The resolved request: which cycle, institutions, formats, where."""

    data: CycleData
    institutions: list[str]
    national: bool
    formats: list[str]
    out: Path
    language: str
    meta: Meta
    facts: dict[str, list[Fact]] = field(default_factory=dict)
    """Per institution, what the network's other methods know that its report shows."""


def plan(
    net: Network, request: ReportRequest, meta_for: Callable[[CycleData, str, Path], Meta]
) -> Plan:
    """Resolve the request against the network, or raise a UsageError saying what is wrong."""
    assert net.settings is not None
    settings = net.settings.model
    order = [c for c in net.cycle_order() if net.cycles[c].cycle is not None]
    if not order:
        raise UsageError("the repository has no cycle yet: add cycles/<id>/cycle.yaml")
    cycle_id = request.cycle or order[-1]
    if cycle_id not in net.cycles:
        hint = suggest(cycle_id, order)
        raise UsageError(
            f"there is no cycle '{cycle_id}'" + (f": did you mean '{hint}'?" if hint else ""),
            f"the cycles are: {', '.join(order)}",
        )
    data = net.cycles[cycle_id]
    assert data.cycle is not None
    participants = list(data.cycle.model.participants)
    chosen = list(dict.fromkeys(request.institutions)) or participants
    for inst in chosen:
        require_participant(net, data, inst)
    formats = list(request.formats or settings.formats)
    language = request.language or settings.language
    out = request.out or net.root / "build"
    return Plan(
        data=data,
        institutions=chosen,
        national=request.national,
        formats=formats,
        out=out,
        language=language,
        meta=meta_for(data, language, out),
    )


def parse_formats(value: str | None) -> tuple[str, ...] | None:
    """`--format md,html` → ('md', 'html'), in the canonical order, checked."""
    from leercyclus.publishing.convert import FORMATS

    if value is None:
        return None
    wanted = [v.strip().lower() for v in value.split(",") if v.strip()]
    for item in wanted:
        if item not in FORMATS:
            hint = suggest(item, list(FORMATS))
            raise UsageError(
                f"unknown format '{item}'" + (f": did you mean '{hint}'?" if hint else ""),
                f"use a comma-separated list of {', '.join(FORMATS)}",
            )
    if not wanted:
        raise UsageError("--format is empty", f"use a comma-separated list of {', '.join(FORMATS)}")
    return tuple(f for f in FORMATS if f in wanted)


def epoch(meta: Meta) -> int | None:
    """The commit's date as a Unix time, for reproducible DOCX and PDF files."""
    date = meta.provenance.date
    if date is None:
        return None
    return int(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp())


def volatile(meta: Meta) -> tuple[str, ...]:
    """The provenance texts that change with every commit, whatever the report shows."""
    from leercyclus.publishing.texts import long_date

    found = meta.provenance
    if found.commit is None or found.date is None:
        return ()
    return (found.commit, long_date(found.date, meta.language))


def refuse(errors: int) -> DataError:
    """The error `report` raises when the data has errors."""
    return DataError(
        f"the data has {errors} error{'s' if errors != 1 else ''}: no report was written",
        "run `leercyclus check` to see them, fix them, and build again",
    )
