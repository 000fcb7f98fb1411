"""Every text of the Samen-Audit's observation forms (xlsx and XLSForm), per language (nl, en)."""
# ruff: noqa: E501  (a table of prose: one text per line reads best)

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from leercyclus.models.audit import Perspective

PERSPECTIVES: tuple[str, ...] = get_args(Perspective)
"""The model's perspectives, in the order a drop-down lists them."""


@dataclass(frozen=True, slots=True)
class AuditWording:
    """The texts of an audit form in one language."""

    language: str
    instructions_sheet: str
    audit_sheet: str
    observers_sheet: str
    grid_sheet: str
    location: str
    dates: str
    dates_note: str
    observer_headings: tuple[str, str, str]
    grid: dict[str, str]
    """Headings of the grid's columns by key; `score`, `unit` and `observations` are per
    observer and take `{id}`."""
    kinds: dict[str, str]
    perspectives: dict[str, str]
    not_observed: str
    steps: tuple[str, ...]
    choice_error: str
    choice_title: str
    # the XLSForm for tablets
    observer_label: str
    role_label: str
    perspective_label: str
    date_label: str
    unit_label: str
    score_label: str
    observations_label: str
    observations_hint: str


AUDIT_WORDING = {
    "nl": AuditWording(
        language="nl",
        instructions_sheet="Instructies",
        audit_sheet="Audit",
        observers_sheet="Observatoren",
        grid_sheet="Observaties",
        location="Locatie",
        dates="Observatiedagen",
        dates_note="Eén dag per regel, als JJJJ-MM-DD (bijv. 2026-09-15).",
        observer_headings=("Code", "Rol", "Perspectief"),
        grid={
            "id": "Code",
            "kind": "Soort",
            "title": "Thema",
            "look_fors": "Waar let je op",
            "score": "{id} score",
            "unit": "{id} unit",
            "observations": "{id} observaties",
            "agreed": "Afgesproken score",
            "note": "Toelichting nabespreking",
        },
        kinds={"hard": "hard", "soft": "zacht"},
        perspectives={
            "staff": "medewerker",
            "client": "cliënt",
            "family": "familie",
            "management": "management",
            "external": "extern",
        },
        not_observed="niet gezien",
        steps=(
            "Dit formulier is voor de observatoren van de Samen-Audit, op locatie en zonder laptop. De kwaliteitsfunctionaris leest het daarna in met `leercyclus import`.",
            "",
            "Op het blad '{audit}': vul de observatiedagen in, één per regel (JJJJ-MM-DD).",
            "Op het blad '{observers}': per observator de rol en het perspectief. Nooit een naam: een rol zoals 'lid cliëntenraad' of 'teamleider van een andere locatie'.",
            "Op het blad '{grid}': per thema staat waar je op let. Elke observator heeft eigen kolommen:",
            "• score: kies een niveau uit de lijst, of '{not_observed}' als je het thema niet zag. Gok niet.",
            "• unit: de huiskamer of afdeling waar je keek (als de locatie units heeft).",
            "• observaties: wat je zag, één observatie per regel. Dat is het verhaal achter het getal; zet er geen namen van bewoners of medewerkers in.",
            "Na de nabespreking: de afgesproken score per thema, en waarom (vooral waar jullie verschilden).",
            "",
            "De schaal:",
        ),
        choice_error="Kies een niveau uit de lijst.",
        choice_title="Onbekende score",
        observer_label="Code van de observator",
        role_label="Je rol (geen naam)",
        perspective_label="Je perspectief",
        date_label="Datum van de observatie",
        unit_label="Waar keek je?",
        score_label="Score",
        observations_label="Wat zag je?",
        observations_hint="Eén observatie per regel; geen namen van bewoners.",
    ),
    "en": AuditWording(
        language="en",
        instructions_sheet="Instructions",
        audit_sheet="Audit",
        observers_sheet="Observers",
        grid_sheet="Observations",
        location="Location",
        dates="Days of observation",
        dates_note="One day per line, as YYYY-MM-DD (e.g. 2026-09-15).",
        observer_headings=("Code", "Role", "Perspective"),
        grid={
            "id": "Code",
            "kind": "Kind",
            "title": "Theme",
            "look_fors": "What to look for",
            "score": "{id} score",
            "unit": "{id} unit",
            "observations": "{id} observations",
            "agreed": "Agreed score",
            "note": "Debrief note",
        },
        kinds={"hard": "hard", "soft": "soft"},
        perspectives={p: p for p in PERSPECTIVES},
        not_observed="not observed",
        steps=(
            "This form is for the observers of the Samen-Audit, on location and without a laptop. The quality officer then reads it in with `leercyclus import`.",
            "",
            "On the sheet '{audit}': fill in the days of observation, one per line (YYYY-MM-DD).",
            "On the sheet '{observers}': each observer's role and perspective. Never a name: a role such as 'member of the client council' or 'team leader of another location'.",
            "On the sheet '{grid}': each theme says what to look for. Every observer has columns of their own:",
            "• score: choose a level from the list, or '{not_observed}' if you did not see the theme. Do not guess.",
            "• unit: the living room or ward where you looked (if the location has units).",
            "• observations: what you saw, one observation per line. That is the story behind the number; write no names of residents or staff.",
            "After the debrief: the agreed score per theme, and why (above all where you differed).",
            "",
            "The scale:",
        ),
        choice_error="Choose a level from the list.",
        choice_title="Unknown score",
        observer_label="Observer code",
        role_label="Your role (no name)",
        perspective_label="Your perspective",
        date_label="Date of the observation",
        unit_label="Where did you look?",
        score_label="Score",
        observations_label="What did you see?",
        observations_hint="One observation per line; no names of residents.",
    ),
}
"""The audit forms' texts by language: a form is written, and read back, in one of these."""

NOT_OBSERVED_WORDS = {
    "not_observed",
    "not observed",
    "niet gezien",
    "niet geobserveerd",
    "ng",
    "n/a",
}
"""What a cell may say for `not_observed`, whatever the form's language (compared lowercased)."""
