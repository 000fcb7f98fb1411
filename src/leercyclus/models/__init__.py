"""Pydantic models of every file kind of a network repository (models/kinds.py lists the kinds).

The models are imported on first use, not with this package: listing the files (models/kinds.py)
and starting the parse workers must not wait for pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from leercyclus.models.actions import ActionPlan
    from leercyclus.models.cycle import Cycle
    from leercyclus.models.evaluation import Evaluation
    from leercyclus.models.institutions import InstitutionRegister
    from leercyclus.models.self_review import SelfReview
    from leercyclus.models.settings import Settings
    from leercyclus.models.standard import Standard
    from leercyclus.models.visit import Visit

    MODELS: dict[str, type[BaseModel]]
    """Every YAML file kind and its model, in the contract's order."""

_HOMES = {
    "ActionPlan": "actions",
    "Cycle": "cycle",
    "Evaluation": "evaluation",
    "InstitutionRegister": "institutions",
    "SelfReview": "self_review",
    "Settings": "settings",
    "Standard": "standard",
    "Visit": "visit",
}

__all__ = [
    "MODELS",
    "ActionPlan",
    "Cycle",
    "Evaluation",
    "InstitutionRegister",
    "SelfReview",
    "Settings",
    "Standard",
    "Visit",
]


def __getattr__(name: str) -> Any:
    if name == "MODELS":
        from leercyclus.models.kinds import file_kinds

        return {k.name: k.load_model() for k in file_kinds().values() if not k.csv}
    if name in _HOMES:  # kept as the package's own name, so the next use costs nothing
        model = globals()[name] = getattr(
            importlib.import_module(f"leercyclus.models.{_HOMES[name]}"), name
        )
        return model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
