"""The national day's file kind (no pydantic here: listing reads this before any model)."""

from __future__ import annotations

from leercyclus.models.kinds import FileKind

KINDS = (
    FileKind(
        "national-day",
        "cycles/<cycle>/national-day.yaml",
        "leercyclus.models.nationalday:NationalDay",
        "nationalday",
    ),
)
"""cycles/<cycle>/national-day.yaml: the day that closes a cycle, and what was agreed there."""
