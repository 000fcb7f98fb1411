"""Pydantic models of every file kind of a network repository."""

from __future__ import annotations

from pydantic import BaseModel

from leercyclus.models.actions import ActionPlan
from leercyclus.models.cycle import Cycle
from leercyclus.models.evaluation import Evaluation
from leercyclus.models.institutions import InstitutionRegister
from leercyclus.models.self_review import SelfReview
from leercyclus.models.settings import Settings
from leercyclus.models.standard import Standard
from leercyclus.models.visit import Visit

MODELS: dict[str, type[BaseModel]] = {
    "settings": Settings,
    "institutions": InstitutionRegister,
    "cycle": Cycle,
    "standard": Standard,
    "self-review": SelfReview,
    "visit": Visit,
    "actions": ActionPlan,
    "evaluation": Evaluation,
}
"""Every file kind and its model, in the order the contract lists them."""

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
