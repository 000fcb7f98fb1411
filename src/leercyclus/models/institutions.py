"""institutions.yaml: the register of every institution, stable across cycles."""

from __future__ import annotations

from leercyclus.models.common import InstitutionId, Strict, Text, doc


class Institution(Strict):
    """One institution of the network."""

    id: InstitutionId = doc(
        "Stable id: lowercase letters, digits and hyphens, e.g. de-linde.",
        "Vaste code: kleine letters, cijfers en streepjes, bijv. de-linde.",
    )
    name: Text = doc("The institution's full name.", "Volledige naam van de instelling.")
    aliases: list[Text] = doc(
        "Other names used for it in free text (kept out of the national report).",
        "Andere namen waarmee de instelling in teksten wordt genoemd.",
        default_factory=list,
    )
    city: Text | None = doc("Where it is located.", "Vestigingsplaats.", default=None)
    locations: list[Text] = doc(
        "Names of its own locations, buildings, wards and teams (e.g. Dommeldal, Villa Zon):"
        " like its names, never printed in the national report.",
        "Namen van eigen locaties, gebouwen, afdelingen en teams (bijv. Dommeldal, Villa Zon):"
        " net als de naam nooit in het landelijk rapport.",
        default_factory=list,
    )


class InstitutionRegister(Strict):
    """The register of institutions (institutions.yaml)."""

    institutions: list[Institution] = doc(
        "Every institution that takes or took part in a cycle.",
        "Alle instellingen die aan een cyclus deelnemen of deelnamen.",
    )
