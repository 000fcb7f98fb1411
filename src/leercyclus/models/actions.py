"""cycles/<cycle>/actions/<institution>.yaml: reflection, ambition and action plan."""

from __future__ import annotations

from typing import Literal

from leercyclus.models.common import ActionId, InstitutionId, IsoDate, StandardId, Strict, Text, doc

Status = Literal["open", "in_progress", "done", "dropped"]


class Progress(Strict):
    """A dated progress note."""

    date: IsoDate = doc("Date of the note.", "Datum.")
    note: Text = doc("What happened.", "Wat er gebeurde.")


class Action(Strict):
    """One action: who does what, when."""

    id: ActionId = doc("Unique within the file.", "Uniek binnen het bestand.")
    what: Text = doc("What will be done.", "Wat er gebeurt.")
    owner: Text = doc("Who is responsible (role or name).", "Wie is verantwoordelijk.")
    due: IsoDate = doc("When it is due.", "Wanneer het klaar is.")
    status: Status = doc("open | in_progress | done | dropped.", "Status.", default="open")
    standards: list[StandardId] = doc(
        "Related standards.", "Bijbehorende standaarden.", default_factory=list
    )
    progress: list[Progress] = doc("Progress notes.", "Voortgang.", default_factory=list)


class ActionPlan(Strict):
    """An institution's ambition and action plan after the review."""

    institution: InstitutionId = doc("The institution.", "De instelling.")
    ambition: Text | None = doc(
        "Where our ambition lies for the coming period.",
        "Waar ligt onze ambitie voor de komende periode?",
        default=None,
    )
    actions: list[Action] = doc("The actions.", "De acties.", default_factory=list)
