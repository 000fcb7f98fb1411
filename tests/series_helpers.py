"""An indicator definition for the tests of series reading and of the series cache."""

from __future__ import annotations

from typing import Any

from leercyclus.models.improvement import Indicator


def indicator(**changes: Any) -> Indicator:
    """A monthly proportion 'x' (higher is better), with `changes` to any field."""
    data: dict[str, Any] = {
        "id": "x",
        "title": "X",
        "kind": "proportion",
        "numerator": "Teller",
        "denominator": "Noemer",
        "direction": "higher_is_better",
        "period": "month",
    }
    data.update(changes)
    return Indicator.model_validate(data)
