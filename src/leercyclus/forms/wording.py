"""Every text a spreadsheet form shows, one table per language (nl, en), each written once."""
# ruff: noqa: E501  (a table of prose: one text per line reads best)

from __future__ import annotations

from dataclasses import dataclass

from leercyclus.models.common import OUTCOME_ALIASES, OUTCOMES

DUTCH = {english: dutch for dutch, english in OUTCOME_ALIASES.items()}
"""met → volledig, …: the outcome words of a Dutch form, and of a YAML file written in Dutch."""


@dataclass(frozen=True, slots=True)
class Wording:
    """The texts of the forms in one language; `{name}` fields are filled by `instructions`.

    The fields of an instruction line: the headings of the form's columns by their key (`id`,
    `outcome`, `explanation`, …), `sheet` and `general` (the sheet names), `choices` (the
    outcome words as a list) and each outcome word by its English key (`not_applicable`, …).
    """

    language: str
    outcomes: dict[str, str]
    meanings: dict[str, str]
    or_word: str
    sheets: dict[str, str]
    headings: dict[str, dict[str, str]]
    instructions_sheet: str
    general_sheet: str
    general_headings: tuple[str, str, str]
    general_rows: dict[str, str]
    general_notes: dict[str, str]
    steps: dict[str, tuple[str, ...]]
    outcomes_intro: str
    closing: tuple[str, ...]
    choice_error: str
    choice_title: str

    def choices(self, or_word: str | None = None) -> str:
        """The outcome words as a sentence lists them: 'volledig, deels, niet of nvt'.

        An English message about a Dutch form passes `or_word='or'`.
        """
        *first, last = self.outcomes.values()
        return f"{', '.join(first)} {or_word or self.or_word} {last}"

    def instructions(self, kind: str) -> list[str]:
        """The lines of the sheet of instructions of a form of `kind`, blank lines between parts."""
        fields = {**self.headings[kind], **self.outcomes, "choices": self.choices(),
                  "sheet": self.sheets[kind], "general": self.general_sheet}  # fmt: skip
        meanings = [f"• {self.outcomes[o]}: {self.meanings[o]}" for o in OUTCOMES]
        lines = ["", *self.steps[kind], "", self.outcomes_intro, *meanings, *self.closing]
        return [line.format(**fields) for line in lines]


_STANDARD = {"nl": {"id": "Code", "domain": "Domein", "title": "Titel", "text": "Standaard"},
             "en": {"id": "Code", "domain": "Domain", "title": "Title", "text": "Standard"}}  # fmt: skip

WORDING = {
    "nl": Wording(
        language="nl",
        outcomes={o: DUTCH[o] for o in OUTCOMES},
        meanings={
            "met": "de standaard is volledig waargemaakt",
            "partly_met": "de standaard is gedeeltelijk waargemaakt",
            "not_met": "de standaard is (nog) niet waargemaakt",
            "not_applicable": "de standaard is niet van toepassing",
        },
        or_word="of",
        sheets={"self-review": "Zelfreview", "visit": "Reviewdag"},
        headings={
            "self-review": {
                **_STANDARD["nl"],
                "outcome": "Uitkomst",
                "explanation": "Toelichting",
                "evidence": "Onderbouwing",
            },
            "visit": {
                **_STANDARD["nl"],
                "self_outcome": "Zelfreview",
                "self_explanation": "Toelichting zelfreview",
                "outcome": "Oordeel team",
                "note": "Toelichting team",
            },
        },  # fmt: skip
        instructions_sheet="Instructies",
        general_sheet="Algemeen",
        general_headings=("Onderdeel", "Invullen", "Toelichting"),
        general_rows={
            "Afgerond op": "completed",
            "Deelnemers": "participants",
            "Reflectie op het thema": "theme",
        },
        general_notes={
            "completed": "De datum waarop de zelfreview af is (JJJJ-MM-DD). Leeg laten zolang u er nog mee bezig bent.",
            "participants": "Wie deden mee: rollen, geen namen nodig. Eén per regel.",
            "theme": "Thema: {title}",
            "no_theme": "Deze cyclus heeft geen thema: laat leeg.",
        },
        steps={
            "self-review": (
                "Vul op het tabblad '{sheet}' per standaard in hoe het bij jullie gaat. Doe dat samen: met medewerkers én cliënten. Stuur het bestand daarna terug naar de kwaliteitsfunctionaris van het netwerk.",
                "Per standaard (één rij per standaard):",
                "• {outcome}: kies in de keuzelijst {choices}.",
                "• {explanation}: hoe geven wij dit vorm? Dit is de kern van de zelfreview: beschrijf wat u in de praktijk doet, wat goed gaat en wat nog niet. Bij {not_applicable} mag de toelichting leeg blijven.",
                "• {evidence} (mag leeg): documenten of bronnen, één per regel.",
                "Op het tabblad '{general}' vult u de datum van afronding in (pas als de zelfreview af is), wie er meededen (rollen, geen namen nodig) en uw reflectie op het thema.",
            ),
            "visit": (
                "Dit formulier is voor het reviewteam. Vul op het tabblad '{sheet}' per standaard het oordeel van het team in. De kolommen {self_outcome} en {self_explanation} laten zien wat de instelling zelf schreef; die kunt u niet wijzigen.",
                "Per standaard (één rij per standaard):",
                "• {outcome}: kies in de keuzelijst {choices}. Laat de rij leeg als het team de standaard niet heeft beoordeeld.",
                "• {note}: wat het team zag en hoorde, en waarom het zo oordeelt.",
                "De datum, de samenstelling van het team en de parels en oesters staan niet in dit formulier: die legt de kwaliteitsfunctionaris vast in het verslag van de reviewdag.",
            ),
        },
        outcomes_intro="De uitkomsten:",
        closing=(
            "Een nieuwe regel binnen een cel: Alt+Enter (Windows), Control+Option+Enter (Mac).",
            "Let op, anders kan het formulier niet worden ingelezen:",
            "• Verander de kolom {id} en de kolomkoppen niet, en verwijder of verplaats geen rijen of tabbladen. Een standaard die u (nog) niet invult, laat u gewoon leeg.",
            "• Bewaar het bestand als Excel-werkmap (.xlsx), ook in LibreOffice of Numbers.",
        ),
        choice_error="Kies {choices}.",
        choice_title="Onbekende uitkomst",
    ),
    "en": Wording(
        language="en",
        outcomes={o: o for o in OUTCOMES},
        meanings={
            "met": "the standard is fully met",
            "partly_met": "the standard is partly met",
            "not_met": "the standard is not (yet) met",
            "not_applicable": "the standard does not apply",
        },
        or_word="or",
        sheets={"self-review": "Self-review", "visit": "Review day"},
        headings={
            "self-review": {
                **_STANDARD["en"],
                "outcome": "Outcome",
                "explanation": "Explanation",
                "evidence": "Evidence",
            },
            "visit": {
                **_STANDARD["en"],
                "self_outcome": "Self-review",
                "self_explanation": "Self-review explanation",
                "outcome": "Team judgement",
                "note": "Team note",
            },
        },  # fmt: skip
        instructions_sheet="Instructions",
        general_sheet="General",
        general_headings=("Item", "Fill in", "Notes"),
        general_rows={
            "Completed on": "completed",
            "Participants": "participants",
            "Reflection on the theme": "theme",
        },
        general_notes={
            "completed": "The date the self-review was finished (YYYY-MM-DD). Leave it empty while you are still working on it.",
            "participants": "Who took part: roles, no names needed. One per line.",
            "theme": "Theme: {title}",
            "no_theme": "This cycle has no theme: leave it empty.",
        },
        steps={
            "self-review": (
                "On the sheet '{sheet}', describe for each standard how your institution is doing. Do it together: with staff and clients. Then send the file back to the network's quality officer.",
                "For each standard (one row per standard):",
                "• {outcome}: choose {choices} from the drop-down list.",
                "• {explanation}: how do we put this into practice? This is the heart of the self-review: describe what you do in practice, what goes well and what does not yet. With {not_applicable} the explanation may stay empty.",
                "• {evidence} (may stay empty): documents or sources, one per line.",
                "On the sheet '{general}', fill in the date of completion (only once the self-review is finished), who took part (roles, no names needed) and your reflection on the theme.",
            ),
            "visit": (
                "This form is for the review team. On the sheet '{sheet}', fill in the team's judgement for each standard. The columns {self_outcome} and {self_explanation} show what the institution wrote itself; you cannot change them.",
                "For each standard (one row per standard):",
                "• {outcome}: choose {choices} from the drop-down list. Leave the row empty if the team did not judge the standard.",
                "• {note}: what the team saw and heard, and why it came to its judgement.",
                "The date, the members of the team and the parels and oesters are not in this form: the quality officer records them in the report of the review day.",
            ),
        },
        outcomes_intro="The outcomes:",
        closing=(
            "A new line within a cell: Alt+Enter (Windows), Control+Option+Enter (Mac).",
            "Please note, otherwise the form cannot be read back:",
            "• Do not change the column {id} or the column headings, and do not delete or move rows or sheets. A standard you do not fill in (yet), you simply leave empty.",
            "• Save the file as an Excel workbook (.xlsx), also in LibreOffice or Numbers.",
        ),
        choice_error="Choose {choices}.",
        choice_title="Unknown outcome",
    ),
}
"""The forms' texts by language: a form is written, and read back, in one of these."""
