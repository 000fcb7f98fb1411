"""cycles/<cycle>/cycle.yaml: one year's cycle, its domains, theme and participants."""

from __future__ import annotations

from leercyclus.models.common import CycleId, DomainId, InstitutionId, Strict, Text, doc


class Theme(Strict):
    """The year's theme: a subject that does not (yet) fit in a standard."""

    title: Text = doc("The theme's title.", "Titel van het thema.")
    questions: list[Text] = doc(
        "Questions that start the conversation on the theme.",
        "Gespreksvragen bij het thema.",
        default_factory=list,
    )


class Domain(Strict):
    """A domain (section) of standards."""

    id: DomainId = doc("The domain's id, e.g. A.", "Code van het domein, bijv. A.")
    title: Text = doc("The domain's title.", "Titel van het domein.")
    description: Text | None = doc("What the domain is about.", "Toelichting.", default=None)


class Cycle(Strict):
    """One cycle of the network (cycle.yaml)."""

    id: CycleId = doc(
        'The cycle\'s id, equal to its folder name, e.g. "2025".', "Code van de cyclus."
    )
    title: Text = doc("The cycle's title, as on the reports.", "Titel van de cyclus.")
    previous: CycleId | None = doc(
        "The cycle to compare with.", "De cyclus om mee te vergelijken.", default=None
    )
    theme: Theme | None = doc("The year's theme.", "Het jaarthema.", default=None)
    domains: list[Domain] = doc(
        "The domains, in the order of the reports.",
        "De domeinen, in de volgorde van de rapporten.",
        min_length=1,
    )
    participants: list[InstitutionId] = doc(
        "The institutions taking part; each is in institutions.yaml.",
        "De deelnemende instellingen; elk staat in institutions.yaml.",
        default_factory=list,
    )
