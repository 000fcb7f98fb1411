"""cycles/<cycle>/evaluation.yaml: the evaluation of the cycle, input for the next standards."""

from __future__ import annotations

from typing import Literal

from leercyclus.models.common import StandardId, Strict, Text, doc


class Verdict(Strict):
    """The evaluation's verdict on one standard."""

    verdict: Literal["keep", "adjust", "drop"] = doc(
        "keep | adjust | drop.", "Behouden, aanpassen of schrappen."
    )
    note: Text | None = doc("Why.", "Waarom.", default=None)


class Evaluation(Strict):
    """The evaluation of a cycle."""

    standards: dict[StandardId, Verdict] = doc(
        "Verdict per standard.", "Oordeel per standaard.", default_factory=dict
    )
    process: Text | None = doc("Feedback on the process.", "Terugblik op het proces.", default=None)
