"""cycles/<cycle>/self-reviews/<institution>.yaml: an institution's self-review."""

from __future__ import annotations

from leercyclus.models.common import InstitutionId, IsoDate, Outcome, StandardId, Strict, Text, doc


class SelfAssessment(Strict):
    """The self-review of one standard."""

    outcome: Outcome = doc(
        "met | partly_met | not_met | not_applicable (volledig | deels | niet | nvt).",
        "Uitkomst: volledig, deels, niet of nvt.",
    )
    explanation: str | None = doc(
        "How do we shape this? The heart of the self-review.",
        "Hoe geven wij dit vorm? De kern van de zelfreview.",
        default=None,
    )
    evidence: list[Text] = doc(
        "Documents or sources that support it.",
        "Onderbouwing (documenten, bronnen).",
        default_factory=list,
    )


class SelfReview(Strict):
    """An institution's self-review, written by staff together with clients."""

    institution: InstitutionId = doc(
        "The institution, equal to the file name.", "De instelling (gelijk aan de bestandsnaam)."
    )
    completed: IsoDate | None = doc(
        "The date it was completed; leave out while in progress.",
        "Datum van afronding; weglaten zolang de zelfreview loopt.",
        default=None,
    )
    participants: list[Text] = doc(
        "Who took part (roles, no names needed).",
        "Wie deden mee (rollen, geen namen nodig).",
        default_factory=list,
    )
    standards: dict[StandardId, SelfAssessment] = doc(
        "Per standard id: the outcome and explanation.",
        "Per standaard: uitkomst en toelichting.",
        default_factory=dict,
    )
    theme: Text | None = doc(
        "Reflection on the year's theme (confidential: the national report only counts it).",
        "Reflectie op het thema (vertrouwelijk: het landelijk rapport telt haar alleen).",
        default=None,
    )
    theme_quote: Text | None = doc(
        "A short passage on the theme that the institution agrees to have quoted in the"
        " national report. Write it so that it does not tell who wrote it: no own scores, no"
        " 'als enige', no 'nieuw in het netwerk', no kind of institution or place.",
        "Een korte passage over het thema die het landelijk rapport mag citeren. Schrijf haar"
        " zo dat niet te zien is wie haar schreef: geen eigen scores, geen 'als enige', geen"
        " 'nieuw in het netwerk', geen soort instelling of plaats.",
        default=None,
    )
