"""The two spreadsheet forms, what a form records, and the cycle and file a form belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from leercyclus.errors import DataError
from leercyclus.forms.wording import WORDING, Wording
from leercyclus.loading.network import (
    CycleData,
    Network,
    choose_cycle,
    natural_key,
    require_participant,
)

META_SHEET = "leercyclus"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the form: `key` names what it shows; an editable one is read back into it."""

    key: str
    heading: str
    width: int
    editable: bool


@dataclass(frozen=True, slots=True)
class FormKind:
    """One kind of form in one language: its YAML folder, its sheet, its columns, its texts."""

    kind: str
    folder: str
    sheet: str
    text: str
    columns: tuple[Column, ...]
    words: Wording

    def column(self, key: str) -> Column:
        """The column of `key` (a YAML key, or what a locked column shows: 'id', 'title', …)."""
        return next(c for c in self.columns if c.key == key)


_STANDARD = (("id", 9, False), ("domain", 16, False), ("title", 24, False), ("text", 50, False))
_LAYOUT = {
    "self-review": ("self-reviews", "explanation",
                    (*_STANDARD, ("outcome", 12, True), ("explanation", 70, True),
                     ("evidence", 36, True))),
    "visit": ("visits", "note",
              (*_STANDARD, ("self_outcome", 12, False), ("self_explanation", 50, False),
               ("outcome", 14, True), ("note", 70, True))),
}  # fmt: skip
"""Per kind: its folder, its free-text key, and its columns (key, width, editable)."""
KINDS = tuple(_LAYOUT)
"""The two forms: a self-review for the institution's team, a review day for the review team."""


def _form(kind: str, words: Wording) -> FormKind:
    folder, text, layout = _LAYOUT[kind]
    headings = words.headings[kind]
    columns = tuple(Column(key, headings[key], width, edit) for key, width, edit in layout)
    return FormKind(kind, folder, words.sheets[kind], text, columns, words)


_FORMS = {
    (kind, language): _form(kind, words) for kind in KINDS for language, words in WORDING.items()
}


def form_kind(kind: str, language: str) -> FormKind:
    """The form of `kind` ('self-review' or 'visit') with its texts in `language` (nl, en)."""
    return _FORMS[kind, language]


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
    require_participant(net, data, institution)
    return data


def loaded_model(data: CycleData, kind: str, institution: str) -> BaseModel | None:
    """The institution's valid file of `kind`, None if there is none; an error if it is broken."""
    if institution in data.failed.get(kind, set()):
        folder = _LAYOUT[kind][0]
        raise DataError(
            f"cycles/{data.id}/{folder}/{institution}.yaml has errors",
            "run `leercyclus check` and fix them first",
        )
    found = data.self_reviews.get(institution) if kind == "self-review" else None
    visit = data.visits.get(institution) if kind == "visit" else None
    return found.model if found else visit.model if visit else None
