"""cycles/<cycle>/actions/<institution>.yaml: reflection, ambition and action plan."""

from __future__ import annotations

from typing import Literal

from leercyclus.models.common import ActionId, InstitutionId, IsoDate, StandardId, Strict, Text, doc
from leercyclus.models.refs import Reference

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
    themes: list[Text] = doc(
        "Themes the action belongs to (audit themes, the cycle's theme).",
        "Thema's waar de actie bij hoort (audit-thema's, het thema van de cyclus).",
        default_factory=list,
    )
    source: Reference | None = doc(
        "Where the action comes from, as a reference such as `oester:2026/de-linde/naasten-later`"
        " or `standard:2026/B2`.",
        "Waar de actie uit voortkomt, als verwijzing, bijvoorbeeld"
        " `oester:2026/de-linde/naasten-later`.",
        default=None,
    )


class ActionPlan(Strict):
    """An institution's ambition and action plan after the review."""

    institution: InstitutionId = doc("The institution.", "De instelling.")
    ambition: Text | None = doc(
        "Where our ambition lies for the coming period.",
        "Waar ligt onze ambitie voor de komende periode?",
        default=None,
    )
    actions: list[Action] = doc("The actions.", "De acties.", default_factory=list)
