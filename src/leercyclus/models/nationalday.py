"""cycles/<cycle>/national-day.yaml: the national day (landelijke dag) that closes a cycle.

Its date and place, the programme, which shared parels are shown, which shared oesters get a
table, who comes (spread over the tables by leercyclus), and afterwards the ambitions and
agreements made there, as the shared action model.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints, WithJsonSchema

from leercyclus.models.actions import Action
from leercyclus.models.common import (
    STANDARD_ID,
    InstitutionId,
    IsoDate,
    Strict,
    Text,
    WholeNumber,
    doc,
)
from leercyclus.models.refs import Reference

CLOCK = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"

Clock = Annotated[
    str, StringConstraints(pattern=CLOCK), WithJsonSchema({"type": "string", "pattern": CLOCK})
]
"""A time of day as 24-hour HH:MM, e.g. "10:30" (quoted in YAML)."""

ItemId = Annotated[
    str,
    StringConstraints(pattern=STANDARD_ID),
    WithJsonSchema({"type": "string", "pattern": STANDARD_ID}),
]

BlockKind = Literal["plenary", "parels", "tables", "ambitions", "break", "other"]
WorkForm = Literal["w3", "1-2-4-all", "carrousel", "parelmarkt", "open-space", "other"]


class Block(Strict):
    """One block of the programme."""

    start: Clock = doc('When it starts, "HH:MM".', 'Begintijd, "UU:MM".')
    minutes: WholeNumber = doc("How long it lasts, in minutes.", "Duur in minuten.", gt=0)
    title: Text = doc("What it is called on the programme.", "Titel op het programma.")
    kind: BlockKind = doc(
        "plenary | parels | tables | ambitions | break | other.",
        "plenair | parels | tafels | ambities | pauze | anders.",
        default="plenary",
    )
    room: Text | None = doc("The room.", "De zaal.", default=None)
    form: WorkForm | None = doc(
        "The work form: w3 (What, So what, Now what), 1-2-4-all, carrousel, parelmarkt, ...",
        "De werkvorm: w3 (Wat, En dan, Wat nu), 1-2-4-all, carrousel, parelmarkt, ...",
        default=None,
    )
    note: Text | None = doc("A line under the title.", "Toelichting.", default=None)


class Table(Strict):
    """A table on a shared oester: one standard many institutions find hard."""

    id: ItemId = doc("The table's id, unique in the file.", "Code van de tafel.")
    standard: Reference = doc(
        "The standard it is about, e.g. `standard:2026/B2`.",
        "De standaard waar de tafel over gaat, bijv. `standard:2026/B2`.",
    )
    title: Text | None = doc(
        "Its title; the standard's title when left out.",
        "Titel; anders die van de standaard.",
        default=None,
    )
    seats: WholeNumber = doc("How many can sit at it.", "Aantal plaatsen.", default=8, gt=0)
    room: Text | None = doc("Where it is.", "Waar de tafel staat.", default=None)
    facilitator: Text | None = doc(
        "Who leads the conversation at the table (named on its handout and the programme).",
        "Wie het gesprek aan de tafel leidt (staat op de tafelkaart en het programma).",
        default=None,
    )


class Participant(Strict):
    """Someone who comes to the day (only the network office sees the list)."""

    name: Text = doc("Name.", "Naam.")
    institution: InstitutionId | None = doc(
        "Home institution (network staff may leave it out).",
        "Eigen instelling (netwerkmedewerkers mogen dit weglaten).",
        default=None,
    )
    discipline: Text | None = doc(
        "Discipline or role (client, naaste, psychiater, ...).", "Discipline of rol.", default=None
    )


class NationalDay(Strict):
    """The national day of a cycle."""

    title: Text = doc("The day's title.", "Titel van de dag.")
    date: IsoDate = doc("The day.", "De datum.")
    place: Text = doc(
        "Where it is held (venue and town; printed on the programme and the invitation).",
        "Waar de dag is (locatie en plaats; staat op het programma en in de uitnodiging).",
    )
    address: Text | None = doc("The venue's address.", "Adres van de locatie.", default=None)
    organiser: Text | None = doc(
        "Who invites (the network office), as on the invitation.",
        "Wie uitnodigt (het netwerkbureau).",
        default=None,
    )
    email: Text | None = doc(
        "The organiser's e-mail address for the invitation.",
        "E-mailadres van de organisator.",
        default=None,
    )
    programme: list[Block] = doc(
        "The programme, in order.", "Het programma, op volgorde.", min_length=1
    )
    parels: list[Reference] = doc(
        "The parels shown, e.g. `parel:2026/de-linde/herstelwerkplaats` (only `share: true`).",
        "De parels die te zien zijn (alleen met `share: true`).",
        default_factory=list,
    )
    tables: list[Table] = doc(
        "The tables on shared oesters.", "De tafels over gedeelde oesters.", default_factory=list
    )
    participants: list[Participant] = doc(
        "Who comes; leercyclus spreads them over the tables.",
        "Wie er komen; leercyclus verdeelt hen over de tafels.",
        default_factory=list,
    )
    ambitions: list[Text] = doc(
        "Afterwards: the ambitions named on the day (anonymous). An action takes one up with"
        " `source: ambition:<cycle>/<its text as a slug>`; `status` lists those no action has.",
        "Achteraf: de ambities die op de dag zijn genoemd (anoniem). Een actie neemt er een op"
        " met `source: ambition:<cyclus>/<de tekst als slug>`; `status` noemt die zonder actie.",
        default_factory=list,
    )
    agreements: list[Action] = doc(
        "Afterwards: what the network agreed to do; followed up like every action.",
        "Achteraf: de afspraken van het netwerk; gevolgd als elke actie.",
        default_factory=list,
    )
