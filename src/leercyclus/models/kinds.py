"""Every file kind of a network repository: where its files are, and which model checks them.

Listing, loading, validation, the JSON schemas and docs/format.md all read this one table. It
imports no pydantic (listing runs before any model is imported); a model is named as
`module:Class` and imported when a file of its kind is validated.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True, slots=True)
class FileKind:
    """One kind of file: its name, its place, its model and the learning method it belongs to.

    `place` is a path pattern relative to the repository root: `<x>` stands for one folder or,
    last, the file's name without its suffix (and without a fixed start, as in
    `complaints-<year>.csv`); `**` for any number of folders. The values of the
    placeholders other than `<cycle>`, joined by `/`, are a file's key (`de-linde/de-horst`).
    """

    name: str
    place: str
    model: str
    """`module:Class` of the model, or "" for a CSV kind (read by its method, not the loader)."""
    method: str
    """The learning method the kind belongs to, or `network` for the files every method uses."""
    id_field: str | None = None
    """The field whose value must equal the file's name (cycle.yaml: its folder's name)."""

    @property
    def csv(self) -> bool:
        return self.place.endswith(".csv")

    @property
    def in_cycle(self) -> bool:
        return self.place.startswith("cycles/<cycle>/")

    @property
    def parts(self) -> tuple[str, ...]:
        """The pattern's parts below its cycle folder (or the root)."""
        parts = tuple(self.place.split("/"))
        return parts[2:] if self.in_cycle else parts

    def match(self, parts: tuple[str, ...]) -> str | None:
        """The key of a file at `parts` (below its cycle folder, or the root), None if not this
        kind's place."""
        values = _match(self.parts, parts)
        return None if values is None else "/".join(values)

    def load_model(self) -> type[BaseModel]:
        return _model(self.model)


def _match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> list[str] | None:
    if not pattern:
        return [] if not parts else None
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        for skip in range(len(parts)):
            found = _match(rest, parts[skip:])
            if found is not None:
                return found
        return None
    if not parts:
        return None
    part = parts[0]
    if not rest:  # the file name: `<x>.yaml`, `complaints-<x>.csv`, or a literal name
        if len(parts) > 1:  # a folder named as the file: not the file
            return None
        prefix, opened, tail = head.partition("<")
        _, closed, suffix = tail.partition(">")
        if opened and closed:
            fits = suffix and part.startswith(prefix) and part.endswith(suffix)
            value = part[len(prefix) : -len(suffix)] if fits else None
            return [value] if value and not part.startswith(".") else None
        return [] if part == head else None
    if head.startswith("<") and head.endswith(">"):
        found = _match(rest, parts[1:])
        return None if found is None or part.startswith(".") else [part, *found]
    return _match(rest, parts[1:]) if part == head else None


@cache
def _model(path: str) -> type[BaseModel]:
    module, _, name = path.partition(":")
    model: type[BaseModel] = getattr(importlib.import_module(module), name)
    return model


NETWORK_KINDS = (
    FileKind("settings", "leercyclus.yaml", "leercyclus.models.settings:Settings", "network"),
    FileKind(
        "institutions",
        "institutions.yaml",
        "leercyclus.models.institutions:InstitutionRegister",
        "network",
    ),
    FileKind(
        "cycle", "cycles/<cycle>/cycle.yaml", "leercyclus.models.cycle:Cycle", "network", "id"
    ),
)
"""The files every learning method uses: settings, the institutions, each cycle's cycle.yaml."""

PEERREVIEW_KINDS = (
    FileKind(
        "standard",
        "cycles/<cycle>/standards/**/<standard-id>.yaml",
        "leercyclus.models.standard:Standard",
        "peerreview",
        "id",
    ),
    FileKind(
        "self-review",
        "cycles/<cycle>/self-reviews/<institution-id>.yaml",
        "leercyclus.models.self_review:SelfReview",
        "peerreview",
        "institution",
    ),
    FileKind(
        "visit",
        "cycles/<cycle>/visits/<institution-id>.yaml",
        "leercyclus.models.visit:Visit",
        "peerreview",
        "institution",
    ),
    FileKind(
        "actions",
        "cycles/<cycle>/actions/<institution-id>.yaml",
        "leercyclus.models.actions:ActionPlan",
        "peerreview",
        "institution",
    ),
    FileKind(
        "evaluation",
        "cycles/<cycle>/evaluation.yaml",
        "leercyclus.models.evaluation:Evaluation",
        "peerreview",
    ),
)
"""The peer-review cycle's files."""

_BY_METHOD: tuple[str, ...] = (
    "leercyclus.models.improvement_kinds",
    "leercyclus.models.audit_kinds",
    "leercyclus.models.groupkinds",
    "leercyclus.models.nationalday_kinds",
)
"""Modules (without pydantic) whose `KINDS` tuple a learning method adds, one line each."""


@cache
def file_kinds() -> dict[str, FileKind]:
    """Every file kind by name, in the contract's order."""
    kinds = [*NETWORK_KINDS, *PEERREVIEW_KINDS]
    for module in _BY_METHOD:
        kinds += importlib.import_module(module).KINDS
    return {kind.name: kind for kind in kinds}
