"""The improvement method's file kinds (no pydantic here: listing reads this before any model)."""

from __future__ import annotations

from leercyclus.models.kinds import FileKind

_MODELS = "leercyclus.models.improvement"

KINDS = (
    FileKind(
        "indicator", "indicators/<indicator>.yaml", f"{_MODELS}:Indicator", "improvement", "id"
    ),
    FileKind("indicator-data", "indicators/data/<indicator>.csv", "", "improvement"),
    FileKind(
        "project",
        "improvement/<institution>/<project>.yaml",
        f"{_MODELS}:Project",
        "improvement",
        "id",
    ),
    FileKind(
        "instrument", "instruments/<instrument>.yaml", f"{_MODELS}:Instrument", "improvement", "id"
    ),
    FileKind("experience", "experience/<instrument>/<period>.csv", "", "improvement"),
    FileKind("complaints", "safety/<institution>/complaints-<year>.csv", "", "improvement"),
    FileKind(
        "analysis",
        "safety/<institution>/analyses/<analysis>.yaml",
        f"{_MODELS}:Analysis",
        "improvement",
        "id",
    ),
    FileKind(
        "documents",
        "documents/<institution>.yaml",
        f"{_MODELS}:DocumentRegister",
        "improvement",
        "institution",
    ),
)
"""Indicators and their series, improvement projects, questionnaires with aggregated answers,
coded complaint registers, incident analyses and registers of controlled documents."""
