"""The Samen-Audit: its framework per cycle, an audit of one location, a reflection conversation.

cycles/<cycle>/audit/framework.yaml                                 Framework
cycles/<cycle>/audit/<institution>/<location>.yaml                  AuditRecord
cycles/<cycle>/audit/<institution>/conversations/<conversation>.yaml Conversation

The institution is the folder an audit or conversation lies in, so the files do not repeat it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from leercyclus.models.actions import Action
from leercyclus.models.common import (
    ActionId,
    InstitutionId,
    IsoDate,
    StandardId,
    Strict,
    Text,
    WholeNumber,
    doc,
)

NOT_OBSERVED = "not_observed"
"""The score an observer gives a theme they did not see (when the scale allows it)."""

Perspective = Literal["staff", "client", "family", "management", "external"]
BasicSafety = Literal["decubitus", "medicatieveiligheid", "acp", "vrijheidsbeperking"]


class Level(Strict):
    """One level of the scale."""

    id: StandardId = doc(
        "The level's id, as scores write it (e.g. 1, 2, 3, 4).",
        "Code van het niveau, zoals scores het schrijven (bijv. 1, 2, 3, 4).",
    )
    label: Text = doc("What the level is called.", "Naam van het niveau.")


class Scale(Strict):
    """The scale every theme is scored on."""

    levels: list[Level] = doc(
        "The levels, ordered from low to high (the order is what the scores mean).",
        "De niveaus, van laag naar hoog (de volgorde is de betekenis van de scores).",
        min_length=2,
    )
    not_observed: bool = doc(
        "Whether an observer may score `not_observed` (niet gezien) for a theme they did not see.",
        "Of een observator `not_observed` (niet gezien) mag geven voor een thema dat hij niet zag.",
        default=True,
    )


class Theme(Strict):
    """A theme observers score: hard (safety) or soft (quality of life)."""

    id: StandardId = doc("The theme's id, e.g. zinvolle-dag.", "Code van het thema.")
    kind: Literal["hard", "soft"] = doc(
        "hard (safety: medication, pressure ulcers, ...) or soft (attention, a meaningful day).",
        "hard (veiligheid) of soft (aandacht, zinvolle dag, sfeer).",
    )
    title: Text = doc("The theme's title.", "Titel van het thema.")
    basic_safety: BasicSafety | None = doc(
        "The basic-safety indicator theme it stands in for, if any: decubitus, "
        "medicatieveiligheid, acp or vrijheidsbeperking.",
        "Het thema van de indicatoren basisveiligheid waar het voor in de plaats komt.",
        default=None,
    )
    look_fors: list[Text] = doc(
        "What observers look for.", "Waar observatoren op letten.", default_factory=list
    )
    questions: list[Text] = doc(
        "Starter questions for the conversation about the theme.",
        "Startvragen voor het gesprek over het thema.",
        default_factory=list,
    )


class ConversationLevel(Strict):
    """A level of the organisation where the scores are discussed."""

    id: StandardId = doc("The level's id, e.g. team.", "Code van het niveau, bijv. team.")
    title: Text = doc("What the level is called.", "Naam van het overleg.")


class Framework(Strict):
    """The Samen-Audit of a cycle: themes, scale, conversation levels (audit/framework.yaml)."""

    scale: Scale = Field(
        description="The scale every theme is scored on.",
        json_schema_extra={"x-description-nl": "De schaal waarop elk thema wordt gescoord."},
    )
    themes: list[Theme] = doc(
        "The themes observers score, hard and soft.",
        "De thema's die observatoren scoren, hard en zacht.",
        min_length=1,
    )
    levels: list[ConversationLevel] = doc(
        "The organisation's conversation levels, in escalation order (team first); "
        "the first is the team level that must discuss its results in time.",
        "De overlegniveaus van de organisatie, in volgorde van opschalen (team eerst).",
        min_length=1,
    )
    discuss_within_days: WholeNumber = doc(
        "Days after an audit's last date within which the first level (the team) must discuss "
        "its results; also how long a level has to take up an escalation.",
        "Binnen hoeveel dagen na de audit het team de uitkomsten bespreekt; ook de termijn "
        "waarbinnen een niveau een opgeschaald punt oppakt.",
        default=42,
        ge=1,
    )


class Observer(Strict):
    """An observer, by role and perspective: never by name."""

    id: StandardId = doc("Short id within the audit, e.g. o1.", "Korte code binnen de audit.")
    role: Text = doc(
        "The observer's role, e.g. lid centrale cliëntenraad (never a name).",
        "Rol van de observator, bijv. lid centrale cliëntenraad (nooit een naam).",
    )
    perspective: Perspective = doc(
        "staff | client | family | management | external.",
        "Perspectief: staff, client, family, management of external.",
    )


class Score(Strict):
    """One observer's score of one theme, with the observations behind it."""

    observer: StandardId = doc("The observer's id.", "Code van de observator.")
    unit: StandardId | None = doc(
        "The unit observed, one of the location's units in institutions.yaml.",
        "De waargenomen unit (huiskamer, afdeling) uit institutions.yaml.",
        default=None,
    )
    score: StandardId = doc(
        "A level id of the scale, or not_observed.",
        "Een niveau van de schaal, of not_observed (niet gezien).",
    )
    observations: list[Text] = doc(
        "What the observer saw: the story behind the number (no names of residents).",
        "Wat de observator zag: het verhaal achter het getal (geen namen van bewoners).",
        default_factory=list,
    )


class Agreed(Strict):
    """The observers' agreed score of a theme, after their debrief."""

    score: StandardId = doc("A level id of the scale.", "Een niveau van de schaal.")
    note: Text | None = doc(
        "Why they agreed on it.", "Waarom de observatoren dit afspraken.", default=None
    )


class AuditRecord(Strict):
    """An audit of one location (audit/<institution>/<location>.yaml)."""

    location: InstitutionId = doc(
        "The location, one of the institution's locations in institutions.yaml.",
        "De locatie, uit de locaties van de instelling in institutions.yaml.",
    )
    dates: list[IsoDate] = doc(
        "The days of observation.", "De dagen waarop werd geobserveerd.", min_length=1
    )
    observers: list[Observer] = doc(
        "The observers, by role and perspective.",
        "De observatoren, met rol en perspectief.",
        min_length=1,
    )
    scores: dict[StandardId, list[Score]] = doc(
        "Per theme id, each observer's score with observations.",
        "Per thema de score van elke observator, met observaties.",
        default_factory=dict,
    )
    agreed: dict[StandardId, Agreed] = doc(
        "Per theme id, the agreed score after the observers' debrief (optional).",
        "Per thema de score waarover de observatoren het na hun nabespreking eens werden.",
        default_factory=dict,
    )


class QuizResult(Strict):
    """The answers to one quiz question, as the polling tool counted them."""

    theme: StandardId = doc("The theme the question was about.", "Het thema van de vraag.")
    question: Text | None = doc(
        "The question as asked (default: the deck's predict-first question).",
        "De vraag zoals gesteld (standaard: de voorspelvraag uit de presentatie).",
        default=None,
    )
    answers: dict[StandardId, WholeNumber] = doc(
        "Per scale level id, how many chose it.",
        "Per niveau van de schaal hoeveel deelnemers het kozen.",
        default_factory=dict,
    )


class Meaning(Strict):
    """What a theme's score meant to the people in the conversation."""

    theme: StandardId = doc("The theme.", "Het thema.")
    text: Text = doc("What the score meant to us.", "Wat de score voor ons betekende.")


class Conversation(Strict):
    """A reflection conversation about the audit's scores (audit/<institution>/conversations/)."""

    id: ActionId = doc("Equals the file's name.", "Gelijk aan de bestandsnaam.")
    level: StandardId = doc("A conversation level of the framework.", "Een overlegniveau.")
    date: IsoDate = doc("When it was held.", "Wanneer het gesprek was.")
    locations: list[InstitutionId] = doc(
        "The audited locations it discussed (empty: all of the institution's).",
        "De besproken locaties (leeg: alle geauditeerde locaties van de instelling).",
        default_factory=list,
    )
    participants: list[Text] = doc(
        "Who took part, as roles or counts (never names).",
        "Wie meededen, als rollen of aantallen (nooit namen).",
        default_factory=list,
    )
    quiz: list[QuizResult] = doc(
        "The quiz results that started the conversation (conversation input, never a "
        "measurement: they are not added up across teams).",
        "De uitslagen van de quiz (gespreksinput, geen meting).",
        default_factory=list,
    )
    meanings: list[Meaning] = doc(
        "What the scores meant to us.", "Wat de scores voor ons betekenden.", default_factory=list
    )
    unexpected: list[Text] = doc(
        "What nobody expected beforehand.", "Wat we vooraf niet hadden verwacht.",
        default_factory=list,
    )  # fmt: skip
    agreements: list[Action] = doc(
        "The agreements, as actions (the shared action model).",
        "De afspraken, als acties (hetzelfde model als elk actieplan).",
        default_factory=list,
    )
    escalate_to: list[StandardId] = doc(
        "Levels that must take something up, each by a later conversation at that level.",
        "Niveaus die iets moeten oppakken, elk in een later gesprek op dat niveau.",
        default_factory=list,
    )
