"""The two spreadsheet forms, what a form records, and the cycle and file a form belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from leercyclus.errors import DataError, UsageError
from leercyclus.models.common import OUTCOME_ALIASES
from leercyclus.network import CycleData, Network, natural_key
from leercyclus.status import choose_cycle
from leercyclus.yamlio import suggest

DUTCH = {english: dutch for dutch, english in OUTCOME_ALIASES.items()}
"""met → volledig, …: the form shows the Dutch words in its drop-down."""
META_SHEET = "leercyclus"
GENERAL_SHEET = "Algemeen"
GENERAL_ROWS = {"Afgerond op": "completed", "Deelnemers": "participants",
                "Reflectie op het thema": "theme"}  # fmt: skip
"""The rows of the self-review's sheet 'Algemeen', by their label in column A."""


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the form; `field` is the YAML key an editable column is read back into."""

    heading: str
    width: int
    field: str | None = None
    shown: str | None = None


@dataclass(frozen=True, slots=True)
class FormKind:
    """One kind of form: the YAML folder it belongs to, its sheet and its columns."""

    kind: str
    folder: str
    sheet: str
    text: str
    columns: tuple[Column, ...]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)


_STANDARD = (Column("Code", 9, shown="id"), Column("Domein", 16, shown="domain"),
             Column("Titel", 24, shown="title"), Column("Standaard", 50, shown="text"))  # fmt: skip
KINDS = {
    "self-review": FormKind(
        "self-review", "self-reviews", "Zelfreview", "explanation",
        (*_STANDARD, Column("Uitkomst", 12, "outcome"), Column("Toelichting", 70, "explanation"),
         Column("Onderbouwing", 36, "evidence")),
    ),
    "visit": FormKind(
        "visit", "visits", "Reviewdag", "note",
        (*_STANDARD, Column("Zelfreview", 12, shown="self_outcome"),
         Column("Toelichting zelfreview", 50, shown="self_explanation"),
         Column("Oordeel team", 14, "outcome"), Column("Toelichting team", 70, "note")),
    ),
}  # fmt: skip
"""The two forms: a self-review for the institution's team, a review day for the review team."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One row of a filled-in form, read and checked."""

    row: int
    outcome: str | None
    text: str | None
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Exported:
    """A written form: where, how many standards, how many already answered."""

    path: Path
    rows: int
    prefilled: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `import` did: the YAML file, the changes (subject, what), notes, whether it wrote."""

    form: Path
    target: str
    created: bool
    changes: list[tuple[str, str]]
    notes: list[str]
    written: bool


def standard_order(data: CycleData) -> list[str]:
    """The cycle's standard ids in report order: by domain, then by id (numbers as numbers)."""
    domains = {d.id: n for n, d in enumerate(data.cycle.model.domains)} if data.cycle else {}
    return sorted(
        data.standards,
        key=lambda s: (domains.get(data.standards[s].model.domain, len(domains)), natural_key(s)),
    )


def target_of(root: Path, spec: FormKind, cycle: str, institution: str) -> tuple[Path, str]:
    """The YAML file a form belongs to, absolute and relative to the repository."""
    rel = f"cycles/{cycle}/{spec.folder}/{institution}.yaml"
    return root / rel, rel


def usable_cycle(net: Network, cycle: str | None, institution: str) -> CycleData:
    """The cycle of a form: its cycle.yaml and standards valid, `institution` taking part."""
    data = choose_cycle(net, cycle)
    if data.cycle is None:
        raise DataError(
            f"cycles/{data.id}/cycle.yaml is missing or has errors",
            "run `leercyclus check` and fix it first",
        )
    broken = sorted(data.failed.get("standard", set()))
    if broken:
        raise DataError(
            f"cycle {data.id} has standards with errors ({', '.join(broken)}): "
            "a form would miss their rows",
            "run `leercyclus check` and fix them first",
        )
    participants = data.cycle.model.participants
    if institution not in participants:
        hint = suggest(institution, participants)
        raise UsageError(
            f"'{institution}' is not a participant of cycle {data.id}"
            + (f": did you mean '{hint}'?" if hint else ""),
            f"the participants are: {', '.join(participants)}",
        )
    return data


def loaded_model(data: CycleData, kind: str, institution: str) -> BaseModel | None:
    """The institution's valid file of `kind`, None if there is none; an error if it is broken."""
    if institution in data.failed.get(kind, set()):
        folder = KINDS[kind].folder
        raise DataError(
            f"cycles/{data.id}/{folder}/{institution}.yaml has errors",
            "run `leercyclus check` and fix them first",
        )
    found = data.self_reviews.get(institution) if kind == "self-review" else None
    visit = data.visits.get(institution) if kind == "visit" else None
    return found.model if found else visit.model if visit else None
