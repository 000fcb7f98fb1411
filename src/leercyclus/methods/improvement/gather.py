"""Everything of the improvement method in a loaded network, read once: definitions, series,
projects, questionnaires, answers and registers, with the findings reading them gave."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from leercyclus.errors import DataError
from leercyclus.methods.improvement import (
    documents,
    pdsa,
    registers,
    series,
    seriescache,
    tables,
)
from leercyclus.repository.findings import Finding, error

if TYPE_CHECKING:
    from leercyclus.loading.network import Network
    from leercyclus.models.improvement import Analysis, Indicator, Instrument, Project
    from leercyclus.repository.listing import SourceFile


@dataclass(frozen=True, slots=True)
class Defined:
    """A YAML file of the method: where it is and its model."""

    rel: str
    key: str
    model: Any


@dataclass(slots=True)
class Improvement:
    """The method's data in one network."""

    indicators: dict[str, Defined] = field(default_factory=dict)
    series: dict[str, list[tables.Measurement]] = field(default_factory=dict)
    """Indicator id -> its rows (every institution)."""
    series_files: dict[str, str] = field(default_factory=dict)
    projects: dict[str, Defined] = field(default_factory=dict)
    """`institution/project` -> the project."""
    instruments: dict[str, Defined] = field(default_factory=dict)
    analyses: dict[str, Defined] = field(default_factory=dict)
    """`institution/analysis` -> the incident analysis."""
    documents: dict[str, Defined] = field(default_factory=dict)
    """Institution -> its register of controlled documents."""
    answers: dict[str, list[registers.Answer]] = field(default_factory=dict)
    """`instrument/period` -> the counted answers."""
    complaints: dict[str, list[registers.Complaint]] = field(default_factory=dict)
    """`institution/year` -> the register's rows."""
    findings: list[Finding] = field(default_factory=list)

    def indicator(self, ind: str) -> Indicator | None:
        found = self.indicators.get(ind)
        return None if found is None else found.model

    def instrument(self, inst: str) -> Instrument | None:
        found = self.instruments.get(inst)
        return None if found is None else found.model

    def projects_of(self, institution: str) -> list[tuple[str, Project]]:
        return [
            (d.rel, d.model)
            for key, d in sorted(self.projects.items())
            if key.split("/")[0] == institution
        ]


def gather(net: Network, today: dt.date) -> Improvement:
    """Read the method's files of `net` (once per network and day)."""
    memo: dict[object, Improvement] = vars(net).setdefault("_improvement_memo", {})
    if today in memo:
        return memo[today]
    data = Improvement()
    registered = net.institution_ids()
    known: Collection[str] = _Anyone() if registered is None else registered
    for kind, into in (
        ("indicator", data.indicators),
        ("project", data.projects),
        ("instrument", data.instruments),
        ("analysis", data.analyses),
        ("documents", data.documents),
    ):
        for key, loaded in sorted(net.files.get(kind, {}).items()):
            into[key] = Defined(loaded.rel, key, loaded.model)
    for key, source in sorted(net.tables.get("indicator-data", {}).items()):
        ind = data.indicator(key)
        try:
            kept_as = seriescache.key_of(source, ind, registered)
        except OSError:
            kept_as = None  # unreadable: _text says so
        answer = seriescache.load(net.root, source.rel, kept_as) if kept_as else None
        if answer is None:
            text = _text(source, data.findings)
            if text is None:
                continue
            answer = tables.read_indicator(source.rel, text, ind, known)
            if kept_as:
                seriescache.store(net.root, source.rel, kept_as, answer)
        if ind is None and key not in net.failed.get("indicator", set()):
            data.findings.append(
                Finding(
                    "error", source.rel, "LC510", f"no indicators/{key}.yaml defines this series", 1
                )
            )
        rows, found = answer
        data.series[key], data.series_files[key] = rows, source.rel
        data.findings += found
    for key, source in sorted(net.tables.get("experience", {}).items()):
        text = _text(source, data.findings)
        if text is None:
            continue
        instrument, period = key.split("/")
        answers, found = registers.read_experience(
            source.rel, text, data.instrument(instrument), period, known
        )
        data.answers[key] = answers
        data.findings += found
    for key, source in sorted(net.tables.get("complaints", {}).items()):
        text = _text(source, data.findings)
        if text is None:
            continue
        if key.split("/")[0] not in known:
            data.findings.append(
                Finding(
                    "error",
                    source.rel,
                    "LC510",
                    f"'{key.split('/')[0]}' is not in institutions.yaml",
                    1,
                )
            )
        complaints, found = registers.read_complaints(source.rel, text, today)
        data.complaints[key] = complaints
        data.findings += found
    data.findings = [replace(f, column=f.column or 1) for f in data.findings]  # a CSV cell
    memo[today] = data
    return data


def check(net: Network, today: dt.date) -> list[Finding]:
    """Every rule of the method beyond each file's own model."""
    data = gather(net, today)
    findings = list(data.findings)
    for key, defined in data.indicators.items():
        findings += series.check_definition(defined.rel, defined.model, data.series.get(key, []))
    for key, defined in data.projects.items():
        findings += pdsa.check_project(defined.rel, defined.model, key.split("/")[0], today)
    registered = net.institution_ids()
    for key, defined in data.analyses.items():
        findings += _check_analysis(defined.rel, defined.model, key.split("/")[0], registered)
    for defined in data.documents.values():
        findings += documents.check_register(defined.rel, defined.model, today)
    return findings


def _check_analysis(
    rel: str, analysis: Analysis, folder: str, registered: set[str] | None
) -> Iterator[Finding]:
    if analysis.institution != folder:
        yield error(
            rel,
            "LC510",
            f"the analysis is of '{analysis.institution}' but lies in the folder of '{folder}'",
            ("institution",),
        )
    for k, org in enumerate(analysis.organisations):
        if registered is not None and org not in registered:
            yield error(rel, "LC510", f"'{org}' is not in institutions.yaml", ("organisations", k))


def _text(source: SourceFile, findings: list[Finding]) -> str | None:
    try:
        return source.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else "cannot be read"
        findings.append(Finding("error", source.rel, "LC509", f"the file {reason}", 1))
        return None


def registered_institutions(net: Network, what: str) -> set[str]:
    """The ids of institutions.yaml; a DataError when it cannot be read, for a command (`what`:
    `the import`) that must check the institutions a series names (`check` reads a series
    without them, and says why)."""
    ids = net.institution_ids()
    if ids is None:
        raise DataError(
            f"institutions.yaml cannot be read, so {what} cannot check the institutions",
            "run `leercyclus check` and fix institutions.yaml first",
        )
    return ids


class _Anyone(frozenset[str]):
    """Every institution, when institutions.yaml could not be read (its own finding says so)."""

    def __contains__(self, item: object) -> bool:
        return True
