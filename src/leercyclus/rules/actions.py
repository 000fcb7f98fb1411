"""One action model for every learning method: the rules that hold for all actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from leercyclus.models.actions import Action
from leercyclus.repository.findings import Finding, warning
from leercyclus.repository.yamlread import Path_


@dataclass(frozen=True, slots=True)
class TrackedAction:
    """An action and where it is kept: the file (relative) and its path inside that file."""

    file: str
    path: Path_
    action: Action
    institution: str | None = None


def overdue(actions: Iterable[TrackedAction], today: dt.date) -> list[Finding]:
    """LC212 for each action past its date and neither done nor dropped."""
    return [
        warning(
            item.file,
            "LC212",
            f"action '{item.action.id}' was due on {item.action.due} and is "
            f"{item.action.status}: update its status, or set a new date",
            (*item.path, "due"),
        )
        for item in actions
        if item.action.due < today and item.action.status not in ("done", "dropped")
    ]
