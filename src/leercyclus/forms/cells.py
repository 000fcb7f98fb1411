"""Cell values as the forms read them, and the view of a file or form used to spot changes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from leercyclus.forms.kinds import Answer, FormKind
from leercyclus.models.common import OUTCOME_ALIASES, OUTCOMES


def fingerprint(value: object) -> str:
    """A short hash of a value as the model reads it: did the YAML change since the export?"""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def view(spec: FormKind, model: BaseModel | None, order: Sequence[str]) -> dict[str, object]:
    """What a form shows of a file, per key ('standards/<id>', the general rows), normalised."""
    answers: dict[str, Any] = getattr(model, "standards", {})
    values: dict[str, object] = {}
    for sid in order:
        a = answers.get(sid)
        values[f"standards/{sid}"] = a and [
            a.outcome,
            cell_text(getattr(a, spec.text)),
            lines_of("\n".join(getattr(a, "evidence", []))),
        ]
    if spec.kind == "self-review":
        completed = getattr(model, "completed", None)
        values["completed"] = completed.isoformat() if completed else None
        values["participants"] = lines_of("\n".join(getattr(model, "participants", [])))
        values["theme"] = cell_text(getattr(model, "theme", None))
    return values


def form_view(
    spec: FormKind, answers: dict[str, Answer], general: dict[str, Any]
) -> dict[str, object]:
    """The same view of a filled-in form's answers."""
    values: dict[str, object] = {
        f"standards/{sid}": a.outcome and [a.outcome, a.text, a.evidence]
        for sid, a in answers.items()
    }
    if spec.kind == "self-review":
        completed = general["completed"]
        values["completed"] = completed.isoformat() if completed else None
        values["participants"] = general["participants"]
        values["theme"] = general["theme"]
    return values


def lines_of(text: str | None) -> list[str]:
    """The non-empty lines of a cell, stripped: list items (evidence, participants)."""
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def outcome_of(value: object) -> str | None:
    """A cell's outcome as the model's English value; None when empty; ValueError when unknown."""
    text = cell_text(value)
    if text is None:
        return None
    word = text.lower()
    if word in OUTCOMES:
        return word
    if word in OUTCOME_ALIASES:
        return OUTCOME_ALIASES[word]
    raise ValueError(text)


def cell_text(value: object) -> str | None:
    """A cell's text with line ends normalised and outer blanks removed; None when empty."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return text or None
