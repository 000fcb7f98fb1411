"""The fixed texts of the YAML forms (`new self-review|visit|actions`) and of `new cycle`, per
network language. Keys and values in the files stay as the format defines them; only the
comments that explain them follow the language."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leercyclus.loading.network import Network

OUTCOME_WORDS = {
    "nl": {"met": "volledig", "partly_met": "deels", "not_met": "niet", "not_applicable": "nvt"},
    "en": {k: k for k in ("met", "partly_met", "not_met", "not_applicable")},
}
"""How a form writes an outcome: the Dutch aliases in a Dutch network, the keys in English."""

FORM_TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "answer": (
            "Zo vul je dit formulier in. Per standaard staan hieronder de titel, de tekst en de "
            "toelichting als commentaar (regels die met '#' beginnen). Beantwoord een standaard "
            "door het '# ' weg te halen voor de regels van het antwoord: de code van de "
            "standaard, 'outcome' en '{text}' (in VS Code: selecteer de regels en druk Ctrl+/). "
            "Haal bij het eerste antwoord ook het '# ' voor 'standards:' weg. Schrijf de tekst "
            "op de regels onder '{text}: >-', verder ingesprongen dan '{text}'. De uitkomst is "
            "volledig, deels, niet of nvt (niet van toepassing).\n\n"
            "`leercyclus check` wijst elke fout aan met het regelnummer.{more}"
        ),
        "self_review_title": "Zelfreview van {name}, {cycle}",
        "self_review_more": " Standaarden die nog open staan, meldt check als waarschuwing.",
        "completed": "de dag waarop de zelfreview klaar is; weg zolang hij loopt",
        "date_form": "JJJJ-MM-DD",
        "participants": "wie deden mee: rollen, geen namen, bijv. [teamleider, 2 cliënten]",
        "theme_intro": "Het thema van deze cyclus: {title}",
        "theme": "jullie reflectie op het thema",
        "theme_quote": (
            "mag weg: een korte passage die het landelijk rapport mag citeren, zonder dat te zien "
            "is wie haar schreef"
        ),
        "type": "type {type}: {label}",
        "guidance": "Toelichting: {guidance}",
        "visit_title": "Reviewdag bij {name}, {cycle}",
        "visit_more": (
            " Zolang 'date' en 'team' leeg zijn, meldt check twee fouten: vul ze in voordat je "
            "het bestand vastlegt. Een oordeel per standaard is niet verplicht."
        ),
        "visit_date": "de reviewdag: JJJJ-MM-DD",
        "team": "één blok per lid; minstens één client of expert_by_experience",
        "roles": "role: {roles} of {last}.",
        "member_institution": (
            "institution: de eigen instelling van het lid, nooit {institution}: {others}. "
            "Alleen network_staff mag dit weglaten."
        ),
        "discipline": "bijv. verpleegkundige (mag weg)",
        "judgements": "het oordeel van het team, bij de standaarden die het beoordeelt",
        "no_self_review": "Er is (nog) geen zelfreview van {name} in deze cyclus.",
        "self_review_said": "Zelfreview: {outcome}",
        "self_review_open": "Zelfreview: niet ingevuld",
        "parels": "wat de instelling uitzonderlijk goed doet",
        "example_ids": "bijv. [A1, B2]",
        "share": "true: mag met de contactpersoon in het landelijk rapport",
        "oesters": "waar de instelling kan groeien",
        "actions_title": "Reflectie en actieplan van {name}, {cycle}",
        "actions_how": (
            "Zo vul je dit formulier in: schrijf jullie ambitie en maak van de oesters van de "
            "reviewdag acties. Haal het '# ' weg voor de regels die je invult (in VS Code: "
            "selecteer ze en druk Ctrl+/), en bij de eerste actie ook voor 'actions:'. Een "
            "actie heeft een code (uniek in dit bestand), wat, wie, een datum (JJJJ-MM-DD) en "
            "een status: open, in_progress, done of dropped."
        ),
        "ambition": "waar ligt onze ambitie voor de komende periode?",
        "no_visit": "Er is (nog) geen reviewdag van {name} vastgelegd in deze cyclus.",
        "no_oesters": "De reviewdag van {date} noemde geen oesters.",
        "starting_points": "Startpunten: de oesters van de reviewdag op {date}",
        "tip": "Tip van het team: {suggestion}",
        "what": "wat gaan jullie doen?",
        "owner": "wie is verantwoordelijk: een rol of naam",
        "action": "actie",
        "cycle_title": "Cyclus {cycle}",
        "cycle_header": "Cyclus {cycle}, voortgezet uit cyclus {old} met `leercyclus new cycle`.",
        "theme_hint": "Het thema van deze cyclus (mag weg): vul het in en haal de '# ' weg.",
        "old_theme": "Het thema van cyclus {old} was: {theme}.",
        "milestones": (
            "Mijlpalen (mag weg): haal de '# ' weg en vul de data in (JJJJ-MM-DD). Elke datum "
            "is de dag waarop die stap van de cyclus af moet zijn."
        ),
        "milestones_later": " Voorgesteld zijn de data van cyclus {old}, {later} later.",
        "one_year": "een jaar",
        "years": "{years} jaar",
        "standard_header": "Standaard {id} ({title}), voortgezet uit cyclus {old}.",
        "adjust": (
            "AANPASSEN: de evaluatie van cyclus {old} vraagt de adviesraad deze standaard "
            "aan te passen. Haal dit commentaar weg als de tekst is aangepast."
        ),
        "evaluation_note": "Uit de evaluatie: {note}",
    },
    "en": {
        "answer": (
            "How to fill in this form. Below, each standard's title, text and guidance are "
            "comments (lines starting with '#'). Answer a standard by removing the '# ' before "
            "the lines of its answer: the standard's id, 'outcome' and '{text}' (in VS Code: "
            "select the lines and press Ctrl+/). With the first answer, also remove the '# ' "
            "before 'standards:'. Write the text on the lines below '{text}: >-', indented "
            "further than '{text}'. The outcome is met, partly_met, not_met or not_applicable."
            "\n\n`leercyclus check` points at every mistake by its line number.{more}"
        ),
        "self_review_title": "Self-review of {name}, {cycle}",
        "self_review_more": " Standards still open are reported as warnings.",
        "completed": "the day the self-review was finished; leave out while it is in progress",
        "date_form": "YYYY-MM-DD",
        "participants": "who took part: roles, no names, e.g. [team leader, 2 clients]",
        "theme_intro": "This cycle's theme: {title}",
        "theme": "your reflection on the theme",
        "theme_quote": (
            "optional: a short passage the national report may quote, written so that it does "
            "not tell who wrote it"
        ),
        "type": "type {type}: {label}",
        "guidance": "Guidance: {guidance}",
        "visit_title": "Review day at {name}, {cycle}",
        "visit_more": (
            " While 'date' and 'team' are empty, check reports two errors: fill them in before "
            "you commit the file. A judgement per standard is optional."
        ),
        "visit_date": "the review day: YYYY-MM-DD",
        "team": "one block per member; at least one client or expert_by_experience",
        "roles": "role: {roles} or {last}.",
        "member_institution": (
            "institution: the member's own institution, never {institution}: {others}. Only "
            "network_staff may leave it out."
        ),
        "discipline": "e.g. nurse (may be left out)",
        "judgements": "the team's judgement, for the standards it judges",
        "no_self_review": "There is no self-review of {name} in this cycle (yet).",
        "self_review_said": "Self-review: {outcome}",
        "self_review_open": "Self-review: not answered",
        "parels": "what the institution does exceptionally well",
        "example_ids": "e.g. [A1, B2]",
        "share": "true: may appear in the national report, with its contact",
        "oesters": "where the institution can grow",
        "actions_title": "Reflection and action plan of {name}, {cycle}",
        "actions_how": (
            "How to fill in this form: write your ambition and turn the oesters of the review "
            "day into actions. Remove the '# ' before the lines you fill in (in VS Code: select "
            "them and press Ctrl+/), and with the first action also before 'actions:'. An "
            "action has an id (unique in this file), what, who, a date (YYYY-MM-DD) and a "
            "status: open, in_progress, done or dropped."
        ),
        "ambition": "where does our ambition lie for the coming period?",
        "no_visit": "No review day of {name} has been recorded in this cycle (yet).",
        "no_oesters": "The review day of {date} named no oesters.",
        "starting_points": "Starting points: the oesters of the review day on {date}",
        "tip": "The team's suggestion: {suggestion}",
        "what": "what will you do?",
        "owner": "who is responsible: a role or a name",
        "action": "action",
        "cycle_title": "Cycle {cycle}",
        "cycle_header": "Cycle {cycle}, continued from cycle {old} with `leercyclus new cycle`.",
        "theme_hint": "This cycle's theme (optional): fill it in and remove the '# '.",
        "old_theme": "The theme of cycle {old} was: {theme}.",
        "milestones": (
            "Milestones (optional): remove the '# ' and fill in the dates (YYYY-MM-DD). Each "
            "date is the day that step of the cycle must be done."
        ),
        "milestones_later": " The dates of cycle {old} are proposed, {later} later.",
        "one_year": "a year",
        "years": "{years} years",
        "standard_header": "Standard {id} ({title}), continued from cycle {old}.",
        "adjust": (
            "ADJUST: the evaluation of cycle {old} asks the advisory board to adjust this "
            "standard. Remove this comment once the text has been adjusted."
        ),
        "evaluation_note": "From the evaluation: {note}",
    },
}
"""Every fixed text of the YAML forms and of `new cycle`, per language (format strings)."""


def language_of(net: Network) -> str:
    """The network's language (nl when leercyclus.yaml cannot be read)."""
    return net.settings.model.language if net.settings is not None else "nl"


def words_for(net: Network) -> dict[str, str]:
    """The form texts in the network's language."""
    return FORM_TEXTS[language_of(net)]
