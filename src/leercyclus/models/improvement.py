"""Indicators, improvement projects with PDSA cycles, and experience questionnaires.

indicators/<indicator>.yaml (definition), indicators/data/<indicator>.csv (the series),
improvement/<institution>/<project>.yaml (a project and its plan-do-study-act cycles),
instruments/<instrument>.yaml (a PREM or PROM), experience/<instrument>/<period>.csv (aggregated
answers), safety/<institution>/complaints-<year>.csv (a coded register) and
documents/<institution>.yaml (the register of controlled documents).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, StringConstraints, WithJsonSchema, model_validator

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

PERIOD_PATTERNS = {
    "month": r"^\d{4}-(0[1-9]|1[0-2])$",
    "quarter": r"^\d{4}-Q[1-4]$",
    "year": r"^\d{4}$",
}
"""How a period is written, per indicator period: 2025-03, 2025-Q1, 2025."""
ANY_PERIOD = r"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$"

Period = Annotated[
    str,
    StringConstraints(pattern=ANY_PERIOD),
    WithJsonSchema({"type": "string", "pattern": ANY_PERIOD}),
]
ItemId = Annotated[
    str,
    StringConstraints(pattern=STANDARD_ID),
    WithJsonSchema({"type": ["string", "number"], "pattern": STANDARD_ID}),
]

NUMBER_TEXT = r"^[-+]?[0-9]+([.,][0-9]+)?$"


def _figure(value: object) -> object:
    if isinstance(value, bool):  # `true` is no number, whatever Python says
        return str(value).lower()
    if isinstance(value, str) and re.fullmatch(NUMBER_TEXT, value.strip()):
        return float(value.strip().replace(",", "."))
    return value


Figure = Annotated[
    float,
    BeforeValidator(_figure),
    WithJsonSchema({"type": ["number", "string"], "pattern": NUMBER_TEXT}),
]
"""A number as YAML writes it (`60`, `12.5`; a Dutch `12,5` too)."""

IndicatorKind = Literal["proportion", "rate", "count", "mean", "cases_between", "time_between"]
EVENT_KINDS = ("cases_between", "time_between")
"""Indicators of rare events: one row per event (its month), not one per period."""
WITHOUT_DENOMINATOR = ("count", *EVENT_KINDS)
Direction = Literal["higher_is_better", "lower_is_better", "neutral"]
ChartChoice = Literal["auto", "run", "p", "pp", "u", "up", "c", "i", "g", "t"]
CHARTS_OF_KIND: dict[str, tuple[str, ...]] = {
    "proportion": ("run", "p", "pp", "i"),
    "rate": ("run", "u", "up", "c", "i"),
    "count": ("run", "c", "i"),
    "mean": ("run", "i"),
    "cases_between": ("run", "g", "i"),
    "time_between": ("run", "t", "i"),
}
"""The charts that fit each kind of indicator (besides auto)."""
SourceKind = Literal[
    "perined", "perinatal_audit", "national_set", "rom", "prem", "prom", "vim", "complaints", "own"
]


class Span(Strict):
    """A stretch of periods, both ends included."""

    from_: Period = doc("First period (2024-01, 2024-Q1 or 2024).", "Eerste periode.", alias="from")
    to: Period = doc("Last period.", "Laatste periode.")


class Phase(Strict):
    """From this period on, the process is a new one: the chart starts a new centre line."""

    from_: Period = doc("First period of the new phase.", "Eerste periode.", alias="from")
    reason: Text = doc(
        "Why the chart starts again here: the change that was made. Required: a chart is not"
        " redrawn because a rule fired, only because the process changed.",
        "Waarom de kaart hier opnieuw begint: de verandering die is ingevoerd. Verplicht.",
    )


class Indicator(Strict):
    """An indicator: what is counted, how, and which way is better."""

    id: ItemId = doc("The indicator's id; equals the file name.", "Id; gelijk aan de bestandsnaam.")
    title: Text = doc("What the indicator shows.", "Wat de indicator laat zien.")
    source: SourceKind = doc(
        "Where the figures come from.", "Waar de cijfers vandaan komen.", default="own"
    )
    kind: IndicatorKind = doc(
        "proportion (numerator within denominator: p chart), rate (events per exposure: u chart),"
        " count (events per period: c chart), mean (numerator = sum of the measurements,"
        " denominator = their number: i chart); for rare events one row per event:"
        " cases_between (numerator = cases since the previous event: g chart) or time_between"
        " (numerator = days since the previous event: t chart).",
        "proportion (teller binnen noemer), rate (gebeurtenissen per blootstelling), count"
        " (aantal per periode), mean (teller = som, noemer = aantal metingen); bij zeldzame"
        " gebeurtenissen één regel per gebeurtenis: cases_between (teller = aantal cases sinds de"
        " vorige) of time_between (teller = dagen sinds de vorige).",
    )
    numerator: Text = doc("What the numerator counts.", "Wat de teller telt.")
    denominator: Text | None = doc(
        "What the denominator counts (not for a count or rare events).",
        "Wat de noemer telt.",
        default=None,
    )
    unit: Literal["percent", "per_1000", "count", "score", "days"] = doc(
        "How values are shown.", "Hoe waarden worden getoond.", default="percent"
    )
    direction: Direction = doc(
        "Which way is better; signals are then called improvement or concern.",
        "Welke kant beter is; signalen heten dan verbetering of zorg.",
        default="neutral",
    )
    period: Literal["month", "quarter", "year"] = doc(
        "How often it is measured.", "Hoe vaak er gemeten wordt.", default="month"
    )
    chart: ChartChoice = doc(
        "auto: a run chart until the baseline has 12 points, then the control chart of the kind:"
        " p (proportion), u (rate), c (count), i (mean), g (cases_between), t (time_between);"
        " Laney's pp or up (p' or u') when the baseline averages 1000 cases or more a period (the"
        " denominator of a proportion, the events of a rate). Or choose: run, p, pp, u, up, c,"
        " i, g, t.",
        "auto: een runchart tot de basislijn 12 punten heeft, dan de regelkaart van de soort:"
        " p, u, c, i, g of t; Laney's pp of up bij gemiddeld 1000 of meer cases per periode"
        " (noemer van een proportie, gebeurtenissen van een rate). Of kies zelf: run, p, pp, u,"
        " up, c, i, g, t.",
        default="auto",
    )
    target: Figure | None = doc(
        "The target, in the unit shown.", "De streefwaarde, in de getoonde eenheid.", default=None
    )
    baseline: Span | None = doc(
        "A frozen baseline: centre and limits come from these periods only.",
        "Een bevroren basislijn: middellijn en grenzen komen alleen uit deze periodes.",
        default=None,
    )
    phases: list[Phase] = doc(
        "Where the process changed and the chart starts again.",
        "Waar het proces veranderde en de kaart opnieuw begint.",
        default_factory=list,
    )
    standards: list[Reference] = doc(
        "Standards the indicator belongs to (`standard:2026/B2`).",
        "Standaarden waar de indicator bij hoort.",
        default_factory=list,
    )

    @model_validator(mode="after")
    def _denominator_when_needed(self) -> Indicator:
        if self.kind not in WITHOUT_DENOMINATOR and self.denominator is None:
            raise ValueError(f"a {self.kind} needs a denominator: say what it counts")
        fitting = CHARTS_OF_KIND[self.kind]
        if self.chart != "auto" and self.chart not in fitting:
            raise ValueError(
                f"a {self.chart} chart does not fit a {self.kind}: use auto or one of"
                f" {', '.join(fitting)}"
            )
        return self


class Plan(Strict):
    """P: what will be tried, and what we expect."""

    change: Text = doc("The change that is tried.", "De verandering die wordt uitgeprobeerd.")
    prediction: Text | None = doc(
        "What we expect to happen (compared in the study step).",
        "Wat we verwachten (vergeleken in de study-stap).",
        default=None,
    )
    who_what_when: Text | None = doc(
        "Who does what, when, where.", "Wie, wat, wanneer.", default=None
    )
    date: IsoDate | None = doc("When the plan was made.", "Datum van het plan.", default=None)
    study_by: IsoDate | None = doc(
        "When the result will be studied; without it, 30 days after `do.date`.",
        "Wanneer het resultaat bekeken wordt; zonder datum 30 dagen na `do.date`.",
        default=None,
    )


class Do(Strict):
    """D: what was done."""

    date: IsoDate = doc("When it was done (started).", "Wanneer het gedaan is.")
    observations: Text | None = doc("What was seen.", "Wat opviel.", default=None)


class Study(Strict):
    """S: the result, against the prediction."""

    date: IsoDate = doc("When the result was studied.", "Wanneer het resultaat bekeken is.")
    result: Text = doc("What came out.", "Wat eruit kwam.")
    prediction_held: Literal["yes", "partly", "no"] | None = doc(
        "Did the prediction hold?", "Kwam de voorspelling uit?", default=None
    )


class Act(Strict):
    """A: the decision."""

    decision: Literal["adopt", "adapt", "abandon"] = doc(
        "adopt, adapt (a next cycle) or abandon.", "invoeren, aanpassen of stoppen."
    )
    date: IsoDate | None = doc("When it was decided.", "Wanneer besloten.", default=None)
    next: Text | None = doc("What comes next.", "Wat de volgende stap is.", default=None)


class Cycle(Strict):
    """One plan-do-study-act cycle."""

    n: WholeNumber = doc("The cycle's number, 1, 2, ...", "Nummer van de cyclus.", ge=1)
    plan: Plan = doc("Plan.", "Plan.")
    do: Do | None = doc("Do.", "Do.", default=None)
    study: Study | None = doc("Study.", "Study.", default=None)
    act: Act | None = doc("Act.", "Act.", default=None)


class Measures(Strict):
    """The measures of a project: indicator references."""

    outcome: list[Reference] = doc("Outcome measures.", "Uitkomstmaten.", default_factory=list)
    process: list[Reference] = doc("Process measures.", "Procesmaten.", default_factory=list)
    balancing: list[Reference] = doc("Balancing measures.", "Balansmaten.", default_factory=list)


class Project(Strict):
    """An improvement project of one institution, with its PDSA cycles."""

    id: ItemId = doc("The project's id; equals the file name.", "Id; gelijk aan de bestandsnaam.")
    institution: InstitutionId = doc("The institution.", "De instelling.")
    title: Text = doc("The project's name.", "Naam van het project.")
    kind: Literal["indicator", "client_experience", "care_process", "organisation"] = doc(
        "What the cycle is about.", "Waar de cyclus over gaat.", default="care_process"
    )
    triggers: list[Reference] = doc(
        "What started it: an oester, an action, a standard, an indicator.",
        "Waar het uit voortkomt: een oester, actie, standaard of indicator.",
        default_factory=list,
    )
    standards: list[Reference] = doc("Related standards.", "Standaarden.", default_factory=list)
    aim: Text = doc("What we want to achieve, by when.", "Wat we willen bereiken, wanneer.")
    measures: Measures = doc(
        "How we know a change is an improvement.", "Maten.", default=Measures()
    )
    owner: Text = doc("Who carries it (a role).", "Wie het draagt (een rol).")
    status: Literal["planned", "active", "sustained", "closed", "stopped"] = doc(
        "planned | active | sustained | closed | stopped.", "Status.", default="active"
    )
    next_check: IsoDate | None = doc("When it is looked at next.", "Volgende check.", default=None)
    cycles: list[Cycle] = doc("The PDSA cycles, in order.", "De PDSA-cycli.", default_factory=list)
    actions: list[Action] = doc(
        "Action points (the shared action model).", "Actiepunten.", default_factory=list
    )


class Scale(Strict):
    """An answer scale."""

    min: WholeNumber = doc("Lowest answer.", "Laagste antwoord.")
    max: WholeNumber = doc("Highest answer.", "Hoogste antwoord.")
    top_box: list[WholeNumber] = doc(
        "Answers that count as the best ones (top box).", "Beste antwoorden.", default_factory=list
    )


class Item(Strict):
    """One question."""

    id: ItemId = doc("The item's id, as in the CSV.", "Id, zoals in de CSV.")
    text: Text = doc("The question.", "De vraag.")
    scale: Text = doc("The scale's name in `scales`.", "Naam van de schaal.")


class Instrument(Strict):
    """A questionnaire (PREM, PROM): its items and scales; answers are kept aggregated only."""

    id: ItemId = doc(
        "The instrument's id; equals the file name.", "Id; gelijk aan de bestandsnaam."
    )
    kind: Literal["prem", "prom", "sdm"] = doc("prem | prom | sdm.", "Soort vragenlijst.")
    title: Text = doc("Its name.", "Naam.")
    scales: dict[ItemId, Scale] = doc("The answer scales.", "De antwoordschalen.")
    items: list[Item] = doc("The questions.", "De vragen.", min_length=1)
    min_respondents: WholeNumber = doc(
        "No item result is shown on fewer answers.",
        "Geen uitkomst per vraag bij minder antwoorden.",
        default=10,
        ge=1,
    )

    @model_validator(mode="after")
    def _items_use_known_scales(self) -> Instrument:
        unknown = sorted({i.scale for i in self.items} - set(self.scales))
        if unknown:
            raise ValueError(f"items use a scale that `scales` does not have: {', '.join(unknown)}")
        return self


ECM_CODES = (
    "TD", "TC", "TM", "T-ex",
    "OK", "OP", "OM", "OC", "O-ex",
    "HKK", "HRQ", "HRC", "HRV", "HRI", "HRM", "HSS", "HST", "H-ex",
    "PRF", "X",
)  # fmt: skip
"""Root-cause codes of the Eindhoven Classification Model (medical version, as PRISMA uses it):
technical, organisational, human and patient-related, `-ex` outside the organisation, X unknown."""

ECM_GROUPS = {"T": "technical", "O": "organisational", "H": "human", "P": "patient", "X": "other"}

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"


class RootCause(Strict):
    """One root cause of an incident, coded."""

    text: Text = doc("The cause, de-identified.", "De oorzaak, zonder herleidbare gegevens.")
    ecm: Literal[ECM_CODES] = doc(  # type: ignore[valid-type]
        "Its Eindhoven Classification Model code (TD, OK, OP, HKK, PRF, ...).",
        "De code in het Eindhoven Classificatie Model.",
    )


class Analysis(Strict):
    """An analysis of an incident (VIM), a calamity or a near miss: coded causes and actions."""

    id: ItemId = doc("The analysis' id; equals the file name.", "Id; gelijk aan de bestandsnaam.")
    institution: InstitutionId = doc("The institution.", "De instelling.")
    kind: Literal["vim", "calamity", "near_miss", "perinatal_audit_case", "complaint_review"] = doc(
        "vim | calamity | near_miss | perinatal_audit_case | complaint_review.", "Soort."
    )
    method: Literal["prisma", "sire", "dam", "tripod", "perinatal_audit", "other"] = doc(
        "The analysis method.", "De analysemethode.", default="prisma"
    )
    event_month: Annotated[
        str, StringConstraints(pattern=MONTH), WithJsonSchema({"type": "string", "pattern": MONTH})
    ] = doc("The month of the event (YYYY-MM): never its date.", "De maand van het voorval.")
    analysed: IsoDate = doc("When the analysis was done.", "Wanneer geanalyseerd.")
    transmural: bool = doc(
        "Whether other organisations were involved.", "Of andere organisaties betrokken waren.",
        default=False,
    )  # fmt: skip
    organisations: list[InstitutionId] = doc(
        "The organisations involved (transmural).", "Betrokken organisaties.", default_factory=list
    )
    root_causes: list[RootCause] = doc(
        "The root causes, coded.", "De basisoorzaken, gecodeerd.", default_factory=list
    )
    actions: list[Action] = doc(
        "The measures, as action points (the shared action model: `check` follows them).",
        "De maatregelen, als actiepunten.",
        default_factory=list,
    )
    lesson: Text | None = doc(
        "The lesson, de-identified, to share.", "De les, zonder herleidbare gegevens.", default=None
    )


def _version(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # `version: 3` is "3"; write "3.10" in quotes, or YAML reads 3.1
    return value


DocumentKind = Literal[
    "policy_plan", "quality_handbook", "protocol", "procedure", "work_instruction", "guideline",
    "form", "agreement", "other",
]  # fmt: skip


class Document(Strict):
    """One controlled document: what it is, who keeps it, which version is in force, and when it
    must be reviewed."""

    id: ItemId = doc("The document's code, unique in the register.", "Code van het document.")
    title: Text = doc("Its title.", "Titel.")
    kind: DocumentKind = doc(
        "policy_plan | quality_handbook | protocol | procedure | work_instruction | guideline |"
        " form | agreement | other.",
        "Soort document.",
        default="protocol",
    )
    owner: Text = doc(
        "Who keeps it up to date (a role, not a name).", "Wie het bijhoudt (een rol, geen naam)."
    )
    version: Annotated[Text, BeforeValidator(_version)] = doc(
        'The version in force, e.g. "3.1".', "De geldende versie."
    )
    approved: IsoDate | None = doc(
        "When this version was approved.", "Wanneer deze versie is vastgesteld.", default=None
    )
    review_by: IsoDate | None = doc(
        "When it must be reviewed; without it, `approved` + `review_every_months`.",
        "Wanneer het herzien moet zijn; zonder datum `approved` + `review_every_months`.",
        default=None,
    )
    review_every_months: WholeNumber | None = doc(
        "How often it is reviewed, in months.", "Hoe vaak het herzien wordt, in maanden.",
        default=None, ge=1,
    )  # fmt: skip
    status: Literal["draft", "in_force", "under_review", "withdrawn"] = doc(
        "draft | in_force | under_review | withdrawn.", "Status.", default="in_force"
    )
    standards: list[Reference] = doc(
        "Standards it serves (`standard:2026/B2`).", "Standaarden.", default_factory=list
    )

    @model_validator(mode="after")
    def _a_review_date_when_in_force(self) -> Document:
        if self.status in ("in_force", "under_review") and self.review() is None:
            raise ValueError(
                "say when it is reviewed: `review_by`, or `approved` and `review_every_months`"
            )
        return self

    def review(self) -> dt.date | None:
        """When the document must be reviewed."""
        if self.review_by is not None:
            return self.review_by
        if self.approved is None or self.review_every_months is None:
            return None
        months = self.approved.month - 1 + self.review_every_months
        year, month = self.approved.year + months // 12, months % 12 + 1
        return dt.date(year, month, min(self.approved.day, calendar.monthrange(year, month)[1]))


class DocumentRegister(Strict):
    """An institution's register of controlled documents (document control)."""

    institution: InstitutionId = doc(
        "The institution; equals the file name.", "De instelling; gelijk aan de bestandsnaam."
    )
    documents: list[Document] = doc("The documents.", "De documenten.", min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> DocumentRegister:
        ids = [d.id for d in self.documents]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"document id(s) used twice: {', '.join(twice)}")
        return self


def period_matches(period: str, every: str) -> bool:
    """Whether `period` is written as an indicator measured every `every` writes it."""
    return _PERIODS[every].match(period) is not None


_PERIODS = {every: re.compile(pattern) for every, pattern in PERIOD_PATTERNS.items()}
