"""cycles/<cycle>/visits/<institution>.yaml: the review day and the team's findings."""

from __future__ import annotations

from typing import Literal

from leercyclus.models.common import (
    Flag,
    InstitutionId,
    IsoDate,
    Outcome,
    StandardId,
    Strict,
    Text,
    doc,
)

Role = Literal[
    "chair", "professional", "client", "expert_by_experience", "network_staff", "observer"
]


class TeamMember(Strict):
    """A member of the review team."""

    name: Text = doc("Full name.", "Naam.")
    role: Role = doc(
        "chair | professional | client | expert_by_experience | network_staff | observer.",
        "Rol in het reviewteam.",
    )
    discipline: Text | None = doc("Discipline, e.g. psychiater.", "Discipline.", default=None)
    institution: InstitutionId | None = doc(
        "Home institution; never the visited one (network_staff may omit it).",
        "Eigen instelling; nooit de bezochte (netwerkmedewerkers mogen dit weglaten).",
        default=None,
    )


class Judgement(Strict):
    """The team's judgement of one standard."""

    outcome: Outcome = doc("The team's outcome.", "Het oordeel van het team.")
    note: Text | None = doc("The team's remark.", "Toelichting van het team.", default=None)


class Contact(Strict):
    """Who to contact about a parel."""

    name: Text = doc("Contact person.", "Contactpersoon.")
    email: Text | None = doc("E-mail address.", "E-mailadres.", default=None)
    phone: Text | None = doc("Phone number.", "Telefoonnummer.", default=None)


class Parel(Strict):
    """Something the institution does exceptionally well."""

    title: Text = doc("Short title.", "Korte titel.")
    text: Text = doc("What it is and why it works.", "Wat het is en waarom het werkt.")
    standards: list[StandardId] = doc(
        "Related standards.", "Bijbehorende standaarden.", default_factory=list
    )
    share: Flag = doc(
        "May appear, with its contact, in the national report.",
        "Mag met contactgegevens in het landelijk rapport.",
        default=False,
    )
    contact: Contact | None = doc("Who to contact.", "Contactpersoon.", default=None)


class Oester(Strict):
    """Where the institution can grow."""

    title: Text = doc("Short title.", "Korte titel.")
    text: Text = doc("What the team saw.", "Wat het team zag.")
    standards: list[StandardId] = doc(
        "Related standards.", "Bijbehorende standaarden.", default_factory=list
    )
    suggestion: Text | None = doc("A suggestion.", "Een tip.", default=None)


class Session(Strict):
    """One conversation of the review day's programme."""

    time: Text | None = doc(
        "When, as the programme says it, e.g. 10.00-11.00.",
        "Wanneer, zoals in het programma, bijv. 10.00-11.00.",
        default=None,
    )
    who: Text = doc(
        "Whom the team spoke with, by role or group (e.g. cliëntenraad, teamleiders); no names.",
        "Met wie het team sprak, als rol of groep (bijv. cliëntenraad, teamleiders); geen namen.",
    )
    topic: Text | None = doc(
        "What the conversation was about (optional).",
        "Waar het gesprek over ging (optioneel).",
        default=None,
    )


class Visit(Strict):
    """The review day at one institution."""

    institution: InstitutionId = doc("The visited institution.", "De bezochte instelling.")
    date: IsoDate = doc("The review day.", "Datum van de reviewdag.")
    team: list[TeamMember] = doc("The review team.", "Het reviewteam.", min_length=1)
    programme: list[Session] = doc(
        "The review day's programme: whom the team spoke with, in order (optional). Shown in the "
        "institution report only.",
        "Het programma van de reviewdag: met wie het team sprak, op volgorde (optioneel). Staat "
        "alleen in het instellingsrapport.",
        default_factory=list,
    )
    standards: dict[StandardId, Judgement] = doc(
        "The team's judgement per standard.",
        "Oordeel van het team per standaard.",
        default_factory=dict,
    )
    parels: list[Parel] = doc("What it does exceptionally well.", "Parels.", default_factory=list)
    oesters: list[Oester] = doc("Where it can grow.", "Oesters.", default_factory=list)
