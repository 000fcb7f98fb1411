"""institutions.yaml: the register of every institution, stable across cycles."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator

from leercyclus.models.common import InstitutionId, Strict, Text, doc


class Location(Strict):
    """A location of an institution (where a Samen-Audit observes)."""

    id: InstitutionId = doc("Stable id, e.g. de-horst.", "Vaste code, bijv. de-horst.")
    name: Text = doc("The location's name.", "Naam van de locatie.")
    units: list[InstitutionId] = doc(
        "Teams or wards observed separately, by id (e.g. huiskamer-1).",
        "Teams of afdelingen die apart worden geobserveerd (codes, bijv. huiskamer-1).",
        default_factory=list,
    )


def _named_only(value: object) -> object:
    """A location given by its name only (`Dommeldal`): its id is the name in lowercase."""
    if isinstance(value, str) and value.strip():
        return {"id": re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-") or "x", "name": value}
    return value


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
    locations: list[Annotated[Location, BeforeValidator(_named_only)]] = doc(
        "Its own locations, buildings, wards and teams: a name (e.g. Dommeldal, Villa Zon), or"
        " for the Samen-Audit an id, a name and its units. Like the institution's names, never"
        " printed in the national report.",
        "Eigen locaties, gebouwen, afdelingen en teams: een naam (bijv. Dommeldal, Villa Zon), of"
        " voor de Samen-Audit een code, een naam en de units. Net als de naam nooit in het"
        " landelijk rapport.",
        default_factory=list,
    )


class InstitutionRegister(Strict):
    """The register of institutions (institutions.yaml)."""

    institutions: list[Institution] = doc(
        "Every institution that takes or took part in a cycle.",
        "Alle instellingen die aan een cyclus deelnemen of deelnamen.",
    )
