"""An institution's overview across its locations, and the public accountability summary."""

from __future__ import annotations

from dataclasses import dataclass

from leercyclus.methods.audit.aggregate import LocationReport


@dataclass(frozen=True)
class LocationRow:
    location: str
    name: str
    dates: str
    scores: list[tuple[str, str, int | None]]
    """Per theme of the framework: (score id or "—", label, change since the previous audit)."""
    team: str
    """When the team discussed it, or "—"."""
    conversations: int
    open_agreements: int


@dataclass(frozen=True)
class InstitutionOverview:
    cycle: str
    institution: str
    institution_name: str
    themes: list[tuple[str, str, str]]
    """(id, title, kind), hard themes first."""
    scale: list[tuple[str, str]]
    rows: list[LocationRow]
    levels: list[tuple[str, int]]
    """Per conversation level (title), how many conversations were held this cycle."""


def institution_overview(
    reports: list[LocationReport], levels: list[tuple[str, str]], held: list[str]
) -> InstitutionOverview:
    """The overview of one institution's location reports (sorted by name, never by score:
    the audit compares a location with its own previous audit, not with its neighbours)."""
    first = reports[0]
    rows = []
    for r in sorted(reports, key=lambda r: r.location_name.casefold()):
        rows.append(
            LocationRow(
                r.location,
                r.location_name,
                ", ".join(d.isoformat() for d in r.dates),
                [(t.score or "—", t.label, t.change) for t in r.themes],
                r.discussed_by_team.isoformat() if r.discussed_by_team else "—",
                len(r.conversations),
                len(r.open_agreements),
            )
        )
    return InstitutionOverview(
        first.cycle,
        first.institution,
        first.institution_name,
        [(t.id, t.title, t.kind) for t in first.themes],
        first.scale,
        rows,
        [(title, held.count(level)) for level, title in levels],
    )


@dataclass(frozen=True)
class ThemeDistribution:
    title: str
    kind: str
    counts: list[int] | None
    """Per scale level, how many locations' score it was; None when fewer than min_group."""
    locations: int


@dataclass(frozen=True)
class PublicSummary:
    cycle: str
    min_group: int
    locations: int
    enough: bool
    scale: list[str]
    themes: list[ThemeDistribution]
    levels: list[tuple[str, int]]
    agreements: int
    agreements_done: int


def public_summary(
    cycle: str,
    reports: list[LocationReport],
    levels: list[tuple[str, str]],
    held: list[str],
    agreements: tuple[int, int],
    min_group: int,
) -> PublicSummary:
    """The network's figures for anyone: per theme the distribution of scores over all audited
    locations, shown only when at least `min_group` locations stand behind it; never per
    location, unit or team, and no free text."""
    enough = len(reports) >= min_group
    scale = [label for _, label in reports[0].scale] if reports else []
    themes: list[ThemeDistribution] = []
    if reports:
        for n, theme in enumerate(reports[0].themes):
            scores = [r.themes[n].score for r in reports if len(r.themes) > n]
            given = [s for s in scores if s is not None]
            ids = [level for level, _ in reports[0].scale]
            counts = [given.count(level) for level in ids]
            shown = enough and len(given) >= min_group
            themes.append(
                ThemeDistribution(theme.title, theme.kind, counts if shown else None, len(given))
            )
    return PublicSummary(
        cycle,
        min_group,
        len(reports),
        enough,
        scale,
        themes if enough else [],
        [(title, held.count(level)) for level, title in levels] if enough else [],
        agreements[0] if enough else 0,
        agreements[1] if enough else 0,
    )
