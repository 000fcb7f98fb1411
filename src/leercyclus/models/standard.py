"""cycles/<cycle>/standards/**/<id>.yaml: one standard of the cycle."""

from __future__ import annotations

from leercyclus.models.common import DomainId, StandardId, StandardType, Strict, Text, doc


class Standard(Strict):
    """One standard: ambitious, a reason for a conversation, not a minimum requirement."""

    id: StandardId = doc("The standard's id, equal to its file name.", "Code van de standaard.")
    domain: DomainId = doc("A domain of cycle.yaml.", "Een domein uit cycle.yaml.")
    title: Text = doc("Short title.", "Korte titel.")
    text: Text = doc("The standard itself.", "De tekst van de standaard.")
    guidance: Text | None = doc("Guidance (toelichting).", "Toelichting.", default=None)
    type: StandardType | None = doc(
        "1 essential, 2 expected, 3 desirable.",
        "1 essentieel, 2 verwacht, 3 wenselijk.",
        default=None,
    )
    continues: StandardId | None = doc(
        "The id of this standard in the previous cycle.",
        "Code van deze standaard in de vorige cyclus.",
        default=None,
    )
