"""cycles/<cycle>/cycle.yaml: one year's cycle, its domains, theme, participants and milestones."""

from __future__ import annotations

from leercyclus.models.common import (
    CycleId,
    DomainId,
    InstitutionId,
    IsoDate,
    Strict,
    Text,
    doc,
)


class Theme(Strict):
    """The year's theme: a subject that does not (yet) fit in a standard."""

    title: Text = doc("The theme's title.", "Titel van het thema.")
    questions: list[Text] = doc(
        "Questions that start the conversation on the theme.",
        "Gespreksvragen bij het thema.",
        default_factory=list,
    )
    synthesis: Text | None = doc(
        "What the reflections on the theme have in common, written by the network for the"
        " national report (which quotes no reflection whole): what several institutions describe,"
        " with short examples that do not tell who wrote them.",
        "Wat de reflecties op het thema gemeen hebben, door het netwerk geschreven voor het"
        " landelijk rapport (dat geen reflectie heel citeert): wat meerdere instellingen"
        " beschrijven, met korte voorbeelden die niet verraden wie ze schreef.",
        default=None,
    )


class Domain(Strict):
    """A domain (section) of standards."""

    id: DomainId = doc("The domain's id, e.g. A.", "Code van het domein, bijv. A.")
    title: Text = doc("The domain's title.", "Titel van het domein.")
    description: Text | None = doc("What the domain is about.", "Toelichting.", default=None)


class Milestones(Strict):
    """The date by which each of the cycle's seven steps should be done; every one optional."""

    standards: IsoDate | None = doc(
        "Step 1: the standards are set.",
        "Stap 1: de standaarden staan vast.",
        default=None,
    )
    self_reviews: IsoDate | None = doc(
        "Step 2: every participant has completed its self-review.",
        "Stap 2: elke deelnemer heeft de zelfreview afgerond.",
        default=None,
    )
    review_days: IsoDate | None = doc(
        "Step 3: every participant's review day has been held.",
        "Stap 3: bij elke deelnemer is de reviewdag geweest.",
        default=None,
    )
    institution_reports: IsoDate | None = doc(
        "Step 4: every participant has its institution report.",
        "Stap 4: elke deelnemer heeft zijn instellingsrapport.",
        default=None,
    )
    national_report: IsoDate | None = doc(
        "Step 5: the national report is out.",
        "Stap 5: het landelijk rapport is uit.",
        default=None,
    )
    action_plans: IsoDate | None = doc(
        "Step 6: every participant has written its action plan.",
        "Stap 6: elke deelnemer heeft een actieplan geschreven.",
        default=None,
    )
    evaluation: IsoDate | None = doc(
        "Step 7: the cycle is evaluated (evaluation.yaml).",
        "Stap 7: de cyclus is geëvalueerd (evaluation.yaml).",
        default=None,
    )


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
    milestones: Milestones | None = doc(
        "When each step of the cycle should be done; `leercyclus status` shows what is late.",
        "Wanneer elke stap van de cyclus af moet zijn; `leercyclus status` toont wat te laat is.",
        default=None,
    )
    closed: bool = doc(
        "true once the cycle is over: its files no longer warn (a self-review left unfinished, "
        "an action plan gone overdue); errors are still reported.",
        "true zodra de cyclus voorbij is: de bestanden ervan geven geen waarschuwingen meer "
        "(een zelfreview die niet af is, acties over de datum); fouten blijven gemeld.",
        default=False,
    )
