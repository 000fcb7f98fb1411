"""The Samen-Audit's observation form: what it is about (a location's audit in a cycle), what a
filled-in form holds, and the form as an .xlsx workbook for observers on location."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from leercyclus.errors import DataError, UsageError
from leercyclus.forms.audit_words import AUDIT_WORDING, NOT_OBSERVED_WORDS, AuditWording
from leercyclus.forms.kinds import META_SHEET
from leercyclus.loading.network import Network, choose_cycle, load_network
from leercyclus.models.audit import NOT_OBSERVED, AuditRecord, Framework
from leercyclus.models.institutions import Location
from leercyclus.repository.findings import suggest

AUDIT_KIND = "audit"
"""The form kind in the hidden sheet of an exported audit form."""
EMPTY_OBSERVERS = 4
"""How many observer slots a form for a location not yet audited has (o1 to o4)."""


@dataclass(frozen=True, slots=True)
class AuditTarget:
    """A location's audit in a cycle: the framework it is scored on, and its file (if any)."""

    cycle: str
    institution: str
    institution_name: str
    location: Location
    framework: Framework
    record: AuditRecord | None
    rel: str

    @property
    def themes(self) -> list[str]:
        return [t.id for t in self.framework.themes]


ScoreCell = tuple[str, str | None, list[str]]
"""One observer's score of a theme: (score, unit, observations)."""


@dataclass(slots=True)
class Filled:
    """What a filled-in form (or a tablet's submissions) says about an audit."""

    dates: list[dt.date] = field(default_factory=list)
    observers: list[tuple[str, str, str]] = field(default_factory=list)
    """(id, role, perspective), in the form's order."""
    scores: dict[str, dict[str, ScoreCell]] = field(default_factory=dict)
    """Per theme, per observer id."""
    agreed: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    """Per theme, (score, note)."""


def audit_to_export(
    root: Path, cycle: str | None, institution: str, location: str
) -> tuple[AuditTarget, AuditWording]:
    """The audit a form is made for (xlsx or XLSForm), and the wording of the network's language."""
    net = load_network(root)
    if net.settings is None:
        raise DataError(
            "leercyclus.yaml is missing or has errors: a form needs the network's language",
            "run `leercyclus check` and fix it first",
        )
    return audit_target(net, cycle, institution, location), AUDIT_WORDING[
        net.settings.model.language
    ]


def audit_target(net: Network, cycle: str | None, institution: str, location: str) -> AuditTarget:
    """The audit of `location` of `institution` in `cycle` (default: the latest), checked."""
    data = choose_cycle(net, cycle)
    frameworks = data.files.get("audit-framework", {})
    framework = next(iter(frameworks.values()), None)
    rel_fw = f"cycles/{data.id}/audit/framework.yaml"
    if framework is None:
        broken = bool(data.failed.get("audit-framework"))
        raise DataError(
            f"{rel_fw} {'has errors' if broken else 'is missing'}: an audit form lists its themes",
            "run `leercyclus check` and fix it first"
            if broken
            else f"write {rel_fw} first (docs/audit.md says how)",
        )
    if net.register is None:
        raise DataError(
            "institutions.yaml is missing or has errors: a form names the location",
            "run `leercyclus check` and fix it first",
        )
    found = {i.id: i for i in net.register.model.institutions}
    if institution not in found:
        hint = suggest(institution, list(found))
        raise UsageError(
            f"there is no institution '{institution}' in institutions.yaml"
            + (f": did you mean '{hint}'?" if hint else ""),
            f"the institutions are: {', '.join(found)}",
        )
    places = {loc.id: loc for loc in found[institution].locations}
    if location not in places:
        hint = suggest(location, list(places))
        raise UsageError(
            f"'{institution}' has no location '{location}' in institutions.yaml"
            + (f": did you mean '{hint}'?" if hint else ""),
            f"its locations are: {', '.join(places) or '(none)'}; add it under `locations`",
        )
    rel = f"cycles/{data.id}/audit/{institution}/{location}.yaml"
    key = f"{institution}/{location}"
    if key in data.failed.get(AUDIT_KIND, set()):
        raise DataError(f"{rel} has errors", "run `leercyclus check` and fix them first")
    loaded = data.files.get(AUDIT_KIND, {}).get(key)
    return AuditTarget(
        data.id, institution, found[institution].name, places[location], framework.model,
        loaded.model if loaded is not None else None, rel,
    )  # fmt: skip


# What a form holds, and the view of it that spots changes ----------------------------------------


def level_choices(fw: Framework, words: AuditWording, *, agreed: bool = False) -> list[str]:
    """The drop-down's words: each level as 'id label' (low to high), then 'not observed'."""
    found = [lv.id if lv.label == lv.id else f"{lv.id} {lv.label}" for lv in fw.scale.levels]
    return found + ([words.not_observed] if fw.scale.not_observed and not agreed else [])


def score_of(text: str, fw: Framework, *, agreed: bool = False) -> str:
    """A cell's score as a level id (or not_observed); ValueError with the choices if unknown."""
    word = " ".join(text.split()).lower()
    for lv in fw.scale.levels:
        if word in (lv.id.lower(), lv.label.lower(), f"{lv.id} {lv.label}".lower()):
            return str(lv.id)
    if word in NOT_OBSERVED_WORDS and fw.scale.not_observed and not agreed:
        return NOT_OBSERVED
    raise ValueError(text)


def score_word(fw: Framework, words: AuditWording, score: str) -> str:
    """A level id as the drop-down shows it."""
    if score == NOT_OBSERVED:
        return words.not_observed
    for lv in fw.scale.levels:
        if lv.id == score:
            return lv.id if lv.label == lv.id else f"{lv.id} {lv.label}"
    return score


def record_filled(record: AuditRecord | None) -> Filled:
    """What a form of the audit shows of its file; a DataError when the form cannot hold it."""
    if record is None:
        return Filled()
    filled = Filled(
        sorted(record.dates),
        [(o.id, o.role, o.perspective) for o in record.observers],
    )
    for theme, scores in record.scores.items():
        cells: dict[str, ScoreCell] = {}
        for s in scores:
            if s.observer in cells:
                raise DataError(
                    f"observer {s.observer} scores theme {theme} twice in this audit: a form "
                    "holds one score per observer and theme",
                    "keep one of the two in the YAML file (or record the second unit as a "
                    "separate observer), then export the form again",
                )
            cells[s.observer] = (s.score, s.unit, list(s.observations))
        filled.scores[theme] = cells
    filled.agreed = {t: (a.score, a.note) for t, a in record.agreed.items()}
    return filled


def view(filled: Filled, themes: list[str]) -> dict[str, object]:
    """A filled form per key ('dates', 'observers', 'scores/<theme>', 'agreed/<theme>')."""
    values: dict[str, object] = {
        "dates": [d.isoformat() for d in sorted(filled.dates)],
        "observers": [list(o) for o in filled.observers],
    }
    for theme in themes:
        cells = filled.scores.get(theme, {})
        values[f"scores/{theme}"] = {o: list(c) for o, c in sorted(cells.items())}
        agreed = filled.agreed.get(theme)
        values[f"agreed/{theme}"] = list(agreed) if agreed else None
    return values


def meta_location(meta: dict[str, str], form: Path) -> str:
    """The location an audit form is about (from its hidden sheet)."""
    location = meta.get("location")
    if not location:
        raise DataError(
            f"{form.name} is not a leercyclus form: its hidden sheet '{META_SHEET}' is changed",
            "export a fresh form with `leercyclus export audit INSTITUTION LOCATION`",
        )
    return location
