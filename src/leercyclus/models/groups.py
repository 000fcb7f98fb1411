"""Intervision groups and learning networks: people.yaml, groups, rotation and stories."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from leercyclus.models.actions import Action
from leercyclus.models.common import (
    ActionId,
    CycleId,
    Flag,
    InstitutionId,
    IsoDate,
    Strict,
    Text,
    WholeNumber,
    doc,
)
from leercyclus.models.common import InstitutionId as GroupId
from leercyclus.models.common import InstitutionId as PersonId
from leercyclus.models.common import InstitutionId as StoryId
from leercyclus.models.refs import Reference

Role = Literal["professional", "client", "relative", "expert_by_experience", "network_staff"]
EXPERIENCE_ROLES = frozenset({"client", "relative", "expert_by_experience"})
"""Who brings experience of care from the other side: a group `with clients` needs one."""

_NUMBER = r"^[0-9]+([.,][0-9]+)?$"


def _number(value: object) -> object:
    """`2`, `1.5` or `1,5` as YAML text gives them; true and false are no numbers."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and re.fullmatch(_NUMBER, value.strip()):
        return float(value.strip().replace(",", "."))
    return value


Number = Annotated[
    float,
    BeforeValidator(_number),
    Field(strict=True),
    WithJsonSchema({"type": ["number", "string"], "pattern": _NUMBER}),
]
"""A positive number as YAML writes it (`2`, `1.5`; `1,5` too)."""

GroupKind = Literal["intervision", "learning_network", "working_group", "theme_meeting"]
MeetingMethod = Literal[
    "incidentmethode",
    "balint",
    "roddelmethode",
    "vijf-stappen",
    "dilemmamethode",
    "spiegelgesprek",
    "themabijeenkomst",
    "other",
]
ValueCycle = Literal["immediate", "potential", "applied", "realized", "reframing", "transformative"]


class Person(Strict):
    """One person who takes part in groups: by role, discipline and institution."""

    id: PersonId = doc(
        "Stable id, e.g. p01: lowercase letters, digits and hyphens.",
        "Vaste code, bijv. p01.",
    )
    name: Text | None = doc(
        "Optional; shown only to the person's own group, never in network or public outputs.",
        "Optioneel; alleen zichtbaar voor de eigen groep, nooit in netwerk- of openbare stukken.",
        default=None,
    )
    role: Role = doc(
        "professional | client | relative | expert_by_experience | network_staff.",
        "Rol: professional, cliënt, naaste, ervaringsdeskundige of netwerkmedewerker.",
    )
    discipline: Text | None = doc(
        "Discipline of a professional, e.g. verpleegkundige, psychiater.",
        "Discipline, bijv. verpleegkundige.",
        default=None,
    )
    institution: InstitutionId | None = doc(
        "Home institution (an id in institutions.yaml).",
        "Eigen instelling (een code uit institutions.yaml).",
        default=None,
    )
    mandate: Flag = doc(
        "Has a key function and a mandate, so that outcomes travel into the organisation.",
        "Heeft een sleutelfunctie en mandaat, zodat uitkomsten de organisatie in gaan.",
        default=False,
    )
    attributes: dict[str, Text] = doc(
        "Free keys that rotation rules can use, e.g. {lijn: eerste, regio: noord}.",
        "Vrije kenmerken voor de indeling, bijv. {lijn: eerste, regio: noord}.",
        default_factory=dict,
    )
    available: Flag = doc(
        "Takes part in the next composition of groups.",
        "Doet mee aan de volgende groepsindeling.",
        default=True,
    )
    avoid: list[PersonId] = doc(
        "People this person must not share a group with (a conflict, manager and employee).",
        "Mensen met wie deze persoon niet in een groep zit.",
        default_factory=list,
    )


class People(Strict):
    """Everyone who takes part in groups (people.yaml)."""

    people: list[Person] = doc("The people.", "De deelnemers.")


class Meeting(Strict):
    """One meeting of a group: who was there, the method, the case, what it brought."""

    date: IsoDate = doc("Date of the meeting.", "Datum.")
    hours: Number | None = doc(
        "Duration in hours (proof of participation for accreditation).",
        "Duur in uren (bewijs van deelname voor accreditatie).",
        default=None,
        gt=0,
        le=24,
    )
    present: list[PersonId] = doc(
        "Who was there (the attendance list).",
        "Wie er waren (presentielijst).",
        default_factory=list,
    )
    method: MeetingMethod | None = doc(
        "incidentmethode | balint | roddelmethode | vijf-stappen | dilemmamethode |"
        " spiegelgesprek | themabijeenkomst | other.",
        "De gebruikte intervisiemethode.",
        default=None,
    )
    case: Text | None = doc(
        "The case, in short and without anything that identifies a client.",
        "De casus, kort en zonder iets dat een cliënt herkenbaar maakt.",
        default=None,
    )
    insights: list[Text] = doc("Insights.", "Inzichten.", default_factory=list)
    agreements: list[Text] = doc("Agreements.", "Afspraken.", default_factory=list)
    actions: list[Action] = doc(
        "Action points (the shared action model).", "Actiepunten.", default_factory=list
    )
    reviewed: list[ActionId] = doc(
        "Action points of earlier meetings that this meeting came back to.",
        "Actiepunten van eerdere bijeenkomsten waar deze bijeenkomst op terugkwam.",
        default_factory=list,
    )
    shared: Flag = doc(
        "Its insights and agreements may leave the group (network report, national day).",
        "Inzichten en afspraken mogen buiten de groep gedeeld worden (netwerkverslag).",
        default=False,
    )


class GroupEvaluation(Strict):
    """The group's evaluation of its own process, in the questions of the SWING toolkit."""

    date: IsoDate = doc("Date.", "Datum.")
    goal_vs_practice: Text | None = doc(
        "Goal versus practice.", "Doel tegenover de praktijk.", default=None
    )
    actions_progress: Text | None = doc(
        "Do the actions get done?", "Worden de acties uitgevoerd?", default=None
    )
    helps: list[Text] = doc("What helps.", "Wat helpt.", default_factory=list)
    hinders: list[Text] = doc("What blocks.", "Wat belemmert.", default_factory=list)
    needed: list[Text] = doc("What or who is needed.", "Wat of wie is nodig.", default_factory=list)
    next: list[Action] = doc("Who does what, when.", "Wie doet wat, wanneer.", default_factory=list)
    shared: Flag = doc(
        "What helps and blocks may appear in the network report.",
        "Wat helpt en belemmert mag in het netwerkverslag.",
        default=False,
    )


class Group(Strict):
    """One group of a cycle: an intervision group, learning network, working group."""

    id: GroupId = doc("Equal to the file's name.", "Gelijk aan de bestandsnaam.")
    kind: GroupKind = doc(
        "intervision | learning_network | working_group | theme_meeting.", "Soort groep."
    )
    title: Text = doc("The group's name.", "Naam van de groep.")
    goal: Text | None = doc("What the group is for.", "Doel van de groep.", default=None)
    facilitator: PersonId | None = doc(
        "Who chairs or facilitates (a person id).", "Gespreksleider of begeleider.", default=None
    )
    members: list[PersonId] = doc("The members.", "De leden.", min_length=1)
    planned_meetings: WholeNumber | None = doc(
        "Meetings planned this cycle (the SWING toolkit: 4 to 6 before rotating).",
        "Geplande bijeenkomsten deze cyclus (4 tot 6 voor het rouleren).",
        default=None,
        ge=1,
    )
    accreditation: Literal["knov-mio"] | None = doc(
        "The accreditation whose criteria `check` applies (knov-mio: methodical peer"
        " consultation).",
        "De accreditatie waarvan `check` de eisen toetst (knov-mio: methodisch intercollegiaal"
        " overleg).",
        default=None,
    )
    theme_angle: Text | None = doc(
        "The angle from which the group takes up the cycle's theme (e.g. casuïstiek, cijfers).",
        "De invalshoek waarmee de groep het jaarthema oppakt (bijv. casuïstiek, cijfers).",
        default=None,
    )
    allow_multiple: Flag = doc(
        "Members may also sit in another group of the same kind this cycle.",
        "Leden mogen deze cyclus ook in een andere groep van dezelfde soort zitten.",
        default=False,
    )
    meetings: list[Meeting] = doc(
        "The meetings, by date.", "De bijeenkomsten.", default_factory=list
    )
    evaluations: list[GroupEvaluation] = doc(
        "Evaluations of the process.", "Procesevaluaties.", default_factory=list
    )


class Size(Strict):
    """Bounds on a group's size."""

    min: WholeNumber = doc("Least members.", "Minimaal aantal leden.", ge=1)
    max: WholeNumber = doc("Most members.", "Maximaal aantal leden.", ge=1)


class Requirement(Strict):
    """What every new group must have: people of some roles, an attribute's values, or a
    number of different disciplines or institutions."""

    role: list[Role] | None = doc(
        "At least `min` people of these roles.",
        "Minstens `min` mensen met deze rollen.",
        default=None,
    )
    attribute: Text | None = doc(
        "An attribute of people.yaml (with `each_of`).",
        "Een kenmerk uit people.yaml.",
        default=None,
    )
    each_of: list[Text] = doc(
        "At least `min` people with each of these values of `attribute`.",
        "Minstens `min` mensen met elk van deze waarden van `attribute`.",
        default_factory=list,
    )
    distinct: Literal["discipline", "institution"] | None = doc(
        "At least `min` different disciplines or institutions.",
        "Minstens `min` verschillende disciplines of instellingen.",
        default=None,
    )
    min: WholeNumber = doc("How many.", "Hoeveel.", default=1, ge=1)

    @model_validator(mode="after")
    def _one_kind(self) -> Requirement:
        given = [k for k in ("role", "attribute", "distinct") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("a requirement names exactly one of role, attribute or distinct")
        if self.attribute and not self.each_of:
            raise ValueError("a requirement on an attribute lists its values under each_of")
        return self


class Rotation(Strict):
    """How this cycle's groups of one kind are composed from everyone's history
    (cycles/<cycle>/groups/rotation.yaml)."""

    kind: GroupKind = doc("The kind of group to compose.", "De soort groep.", default="intervision")
    groups: WholeNumber | None = doc(
        "How many groups (else as many as `size` allows).", "Hoeveel groepen.", default=None, ge=1
    )
    size: Size = doc("Bounds on each group's size.", "Grootte van elke groep.")
    people: list[PersonId] | None = doc(
        "Who to place (default: everyone available in people.yaml but network staff).",
        "Wie ingedeeld wordt (standaard: iedereen beschikbaar behalve netwerkmedewerkers).",
        default=None,
    )
    require: list[Requirement] | None = doc(
        "What every group must have (default: a client, relative or expert by experience,"
        " and two disciplines).",
        "Wat elke groep moet hebben (standaard: een ervaringsstem en twee disciplines).",
        default=None,
    )
    keep_apart: list[list[PersonId]] = doc(
        "Pairs who must not share a group (besides each person's `avoid`).",
        "Paren die niet samen in een groep mogen.",
        default_factory=list,
    )
    keep_together: list[list[PersonId]] = doc(
        "People who must share a group (e.g. two co-facilitators).",
        "Mensen die samen in een groep moeten.",
        default_factory=list,
    )
    history: Literal["all"] | list[CycleId] = doc(
        "Whose groups count as `met before`: all earlier cycles, or these cycles.",
        "Welke eerdere groepen meetellen als `al samen gezeten`.",
        default="all",
    )
    last_cycle_weight: WholeNumber = doc(
        "How many times more a pair from the last cycle counts (older pairs count less by the"
        " network's groups.half_life).",
        "Hoeveel keer zwaarder een paar uit de vorige cyclus telt (oudere paren tellen minder,"
        " volgens groups.half_life van het netwerk).",
        default=1,
        ge=1,
    )
    seed: WholeNumber = doc(
        "Seed of the search (the same seed gives the same proposal).",
        "Startgetal van de zoektocht (hetzelfde getal geeft dezelfde indeling).",
        default=0,
    )
    effort: Number = doc(
        "How long the solver may search, in deterministic seconds.",
        "Hoe lang de solver mag zoeken (deterministische seconden).",
        default=10.0,
        gt=0,
    )


class Story(Strict):
    """A value-creation story (cycles/<cycle>/stories/<story>.yaml)."""

    id: StoryId = doc("Equal to the file's name.", "Gelijk aan de bestandsnaam.")
    title: Text = doc("A short title.", "Korte titel.")
    teller: Text = doc("The teller's role, never a name.", "Rol van de verteller, nooit een naam.")
    groups: list[Reference] = doc(
        "The groups it comes from, e.g. group:2026/ln-herstel.",
        "De groepen waar het verhaal uit komt.",
        default_factory=list,
    )
    cycles_of_value: list[ValueCycle] = doc(
        "immediate | potential | applied | realized | reframing | transformative.",
        "Soorten waarde: direct, potentieel, toegepast, gerealiseerd, herdefinitie,"
        " transformatief.",
        min_length=1,
    )
    story: Text = doc("The story.", "Het verhaal.")
    evidence: list[Reference] = doc(
        "What shows it: indicators, actions, groups.", "Wat het laat zien.", default_factory=list
    )
    share: Literal["private", "network"] = doc(
        "private | network (every participant may read it).",
        "private of network (alle deelnemers mogen het lezen).",
        default="private",
    )


class GroupSettings(Strict):
    """The network's rules for groups (the `groups` block of leercyclus.yaml)."""

    meetings_before_rotation: WholeNumber = doc(
        "Meetings a group holds before it is shuffled (the SWING toolkit: 4 to 6).",
        "Bijeenkomsten voordat een groep opnieuw wordt ingedeeld.",
        default=4,
        ge=1,
    )
    rotate_after_cycles: WholeNumber = doc(
        "Cycles a composition may stay unchanged.",
        "Cycli dat een samenstelling gelijk mag blijven.",
        default=1,
        ge=1,
    )
    rotating: list[GroupKind] = doc(
        "Kinds of group that rotate.",
        "Soorten groep die rouleren.",
        default_factory=lambda: ["intervision"],
    )
    with_clients: list[GroupKind] = doc(
        "Kinds of group that need a client, relative or expert by experience.",
        "Soorten groep met minstens één cliënt, naaste of ervaringsdeskundige.",
        default_factory=lambda: ["intervision", "learning_network"],
    )
    min_disciplines: WholeNumber = doc(
        "Disciplines a group of a rotating kind has at least (multidisciplinary).",
        "Minimaal aantal disciplines per groep (multidisciplinair).",
        default=2,
        ge=1,
    )
    half_life: Number = doc(
        "Cycles after which a pair that sat together counts half as much in a rotation: a pair"
        " from the last cycle counts 1, from the cycle before 2^(-1/half_life), and so on.",
        "Na hoeveel cycli een paar dat samen zat bij het rouleren half zo zwaar telt: een paar"
        " uit de vorige cyclus telt 1, uit de cyclus daarvoor 2^(-1/half_life), enzovoort.",
        default=2,
        gt=0,
    )
