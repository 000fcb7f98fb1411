"""Spreadsheet forms: a self-review or review day as .xlsx out, and a filled-in form back in."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from leercyclus import __version__
from leercyclus.errors import DataError, OutputError, UsageError
from leercyclus.models.common import OUTCOME_ALIASES, OUTCOMES
from leercyclus.network import CycleData, Network, load_network, natural_key
from leercyclus.status import choose_cycle
from leercyclus.yamlio import suggest

DUTCH = {english: dutch for dutch, english in OUTCOME_ALIASES.items()}
"""met → volledig, …: the form shows the Dutch words in its drop-down."""
META_SHEET = "leercyclus"
GENERAL_SHEET = "Algemeen"
GENERAL_ROWS = {"Afgerond op": "completed", "Deelnemers": "participants",
                "Reflectie op het thema": "theme"}  # fmt: skip
"""The rows of the self-review's sheet 'Algemeen', by their label in column A."""


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the form; `field` is the YAML key an editable column is read back into."""

    heading: str
    width: int
    field: str | None = None
    shown: str | None = None


@dataclass(frozen=True, slots=True)
class FormKind:
    """One kind of form: the YAML folder it belongs to, its sheet and its columns."""

    kind: str
    folder: str
    sheet: str
    text: str
    columns: tuple[Column, ...]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)


_STANDARD = (Column("Code", 9, shown="id"), Column("Domein", 16, shown="domain"),
             Column("Titel", 24, shown="title"), Column("Standaard", 50, shown="text"))  # fmt: skip
KINDS = {
    "self-review": FormKind(
        "self-review", "self-reviews", "Zelfreview", "explanation",
        (*_STANDARD, Column("Uitkomst", 12, "outcome"), Column("Toelichting", 70, "explanation"),
         Column("Onderbouwing", 36, "evidence")),
    ),
    "visit": FormKind(
        "visit", "visits", "Reviewdag", "note",
        (*_STANDARD, Column("Zelfreview", 12, shown="self_outcome"),
         Column("Toelichting zelfreview", 50, shown="self_explanation"),
         Column("Oordeel team", 14, "outcome"), Column("Toelichting team", 70, "note")),
    ),
}  # fmt: skip
"""The two forms: a self-review for the institution's team, a review day for the review team."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One row of a filled-in form, read and checked."""

    row: int
    outcome: str | None
    text: str | None
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Exported:
    """A written form: where, how many standards, how many already answered."""

    path: Path
    rows: int
    prefilled: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `import` did: the YAML file, the changes (subject, what), notes, whether it wrote."""

    form: Path
    target: str
    created: bool
    changes: list[tuple[str, str]]
    notes: list[str]
    written: bool


def standard_order(data: CycleData) -> list[str]:
    """The cycle's standard ids in report order: by domain, then by id (numbers as numbers)."""
    domains = {d.id: n for n, d in enumerate(data.cycle.model.domains)} if data.cycle else {}
    return sorted(
        data.standards,
        key=lambda s: (domains.get(data.standards[s].model.domain, len(domains)), natural_key(s)),
    )


def target_of(root: Path, spec: FormKind, cycle: str, institution: str) -> tuple[Path, str]:
    """The YAML file a form belongs to, absolute and relative to the repository."""
    rel = f"cycles/{cycle}/{spec.folder}/{institution}.yaml"
    return root / rel, rel


def fingerprint(value: object) -> str:
    """A short hash of a value as the model reads it: did the YAML change since the export?"""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def view(spec: FormKind, model: BaseModel | None, order: Sequence[str]) -> dict[str, object]:
    """What a form shows of a file, per key ('standards/<id>', the general rows), normalised."""
    answers: dict[str, Any] = getattr(model, "standards", {})
    values: dict[str, object] = {}
    for sid in order:
        a = answers.get(sid)
        values[f"standards/{sid}"] = a and [
            a.outcome,
            cell_text(getattr(a, spec.text)),
            lines_of("\n".join(getattr(a, "evidence", []))),
        ]
    if spec.kind == "self-review":
        completed = getattr(model, "completed", None)
        values["completed"] = completed.isoformat() if completed else None
        values["participants"] = lines_of("\n".join(getattr(model, "participants", [])))
        values["theme"] = cell_text(getattr(model, "theme", None))
    return values


def form_view(
    spec: FormKind, answers: dict[str, Answer], general: dict[str, Any]
) -> dict[str, object]:
    """The same view of a filled-in form's answers."""
    values: dict[str, object] = {
        f"standards/{sid}": a.outcome and [a.outcome, a.text, a.evidence]
        for sid, a in answers.items()
    }
    if spec.kind == "self-review":
        completed = general["completed"]
        values["completed"] = completed.isoformat() if completed else None
        values["participants"] = general["participants"]
        values["theme"] = general["theme"]
    return values


def lines_of(text: str | None) -> list[str]:
    """The non-empty lines of a cell, stripped: list items (evidence, participants)."""
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def export_form(
    root: Path, kind: str, institution: str, cycle: str | None, out: Path | None, *, force: bool
) -> Exported:
    """Write the form of `kind` for `institution` (pre-filled from its YAML file) to `out`."""
    spec = KINDS[kind]
    net = load_network(root)
    data = usable_cycle(net, cycle, institution)
    current = _loaded(data, spec.kind, institution)
    target = (out or Path.cwd() / f"{institution}-{kind}-{data.id}.xlsx").resolve()
    if target.suffix.lower() != ".xlsx":
        raise UsageError(
            f"{target.name}: a form is an .xlsx file", "give --out a name ending in .xlsx"
        )
    if target.exists() and not force:
        raise UsageError(
            f"{target} already exists",
            "use --force to overwrite it, or choose another name with --out",
        )
    order = standard_order(data)
    book, prefilled = build_workbook(net, data, spec, institution, current, order)
    meta = {"form": "leercyclus", "kind": kind, "cycle": data.id, "institution": institution,
            "version": __version__, "exported": dt.date.today().isoformat()}  # fmt: skip
    prints = {key: fingerprint(v) for key, v in view(spec, current, order).items()}
    sheet = book.create_sheet(META_SHEET)
    for key, value in [*meta.items(), *((f"was {k}", v) for k, v in prints.items())]:
        sheet.append([key, value])
    sheet.sheet_state = "veryHidden"
    _save(book, target)
    return Exported(target, len(order), prefilled)


def usable_cycle(net: Network, cycle: str | None, institution: str) -> CycleData:
    """The cycle of a form: its cycle.yaml and standards valid, `institution` taking part."""
    data = choose_cycle(net, cycle)
    if data.cycle is None:
        raise DataError(
            f"cycles/{data.id}/cycle.yaml is missing or has errors",
            "run `leercyclus check` and fix it first",
        )
    broken = sorted(data.failed.get("standard", set()))
    if broken:
        raise DataError(
            f"cycle {data.id} has standards with errors ({', '.join(broken)}): "
            "a form would miss their rows",
            "run `leercyclus check` and fix them first",
        )
    participants = data.cycle.model.participants
    if institution not in participants:
        hint = suggest(institution, participants)
        raise UsageError(
            f"'{institution}' is not a participant of cycle {data.id}"
            + (f": did you mean '{hint}'?" if hint else ""),
            f"the participants are: {', '.join(participants)}",
        )
    return data


def _loaded(data: CycleData, kind: str, institution: str) -> BaseModel | None:
    """The institution's valid file of `kind`, None if there is none; an error if it is broken."""
    if institution in data.failed.get(kind, set()):
        folder = KINDS[kind].folder
        raise DataError(
            f"cycles/{data.id}/{folder}/{institution}.yaml has errors",
            "run `leercyclus check` and fix them first",
        )
    found = data.self_reviews.get(institution) if kind == "self-review" else None
    visit = data.visits.get(institution) if kind == "visit" else None
    return found.model if found else visit.model if visit else None


def _save(book: Any, target: Path) -> None:
    """Save a workbook atomically: a temp file beside the target, then a rename."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    try:
        book.save(tmp)
        Path(tmp).replace(target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def outcome_of(value: object) -> str | None:
    """A cell's outcome as the model's English value; None when empty; ValueError when unknown."""
    text = cell_text(value)
    if text is None:
        return None
    word = text.lower()
    if word in OUTCOMES:
        return word
    if word in OUTCOME_ALIASES:
        return OUTCOME_ALIASES[word]
    raise ValueError(text)


def cell_text(value: object) -> str | None:
    """A cell's text with line ends normalised and outer blanks removed; None when empty."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return text or None


def row_height(texts: Sequence[tuple[str, int]]) -> float:
    """A row height (points) that shows wrapped `texts` (text, column width) whole."""
    lines = 1
    for text, width in texts:
        per_line = max(width - 2, 1)
        lines = max(lines, sum(max(1, math.ceil(len(p) / per_line)) for p in text.split("\n")))
    return float(min(409, 15 * lines + 3))


_INSTRUCTIONS = {
    "self-review": [
        "Vul op het tabblad 'Zelfreview' per standaard in hoe het bij jullie gaat. Doe dat samen: "
        "met medewerkers én cliënten. Stuur het bestand daarna terug naar de "
        "kwaliteitsfunctionaris van het netwerk.",
        "Per standaard (één rij per standaard):",
        "• Uitkomst: kies in de keuzelijst volledig, deels, niet of nvt.",
        "• Toelichting: hoe geven wij dit vorm? Dit is de kern van de zelfreview: beschrijf wat u "
        "in de praktijk doet, wat goed gaat en wat nog niet. Bij nvt mag de toelichting leeg "
        "blijven.",
        "• Onderbouwing (mag leeg): documenten of bronnen, één per regel.",
        "Op het tabblad 'Algemeen' vult u de datum van afronding in (pas als de zelfreview af is), "
        "wie er meededen (rollen, geen namen nodig) en uw reflectie op het thema.",
    ],
    "visit": [
        "Dit formulier is voor het reviewteam. Vul op het tabblad 'Reviewdag' per standaard het "
        "oordeel van het team in. De kolommen Zelfreview en Toelichting zelfreview laten zien wat "
        "de instelling zelf schreef; die kunt u niet wijzigen.",
        "Per standaard (één rij per standaard):",
        "• Oordeel team: kies in de keuzelijst volledig, deels, niet of nvt. Laat de rij leeg als "
        "het team de standaard niet heeft beoordeeld.",
        "• Toelichting team: wat het team zag en hoorde, en waarom het zo oordeelt.",
        "De datum, de samenstelling van het team en de parels en oesters staan niet in dit "
        "formulier: die legt de kwaliteitsfunctionaris vast in het verslag van de reviewdag.",
    ],
}
_COMMON = [
    "De uitkomsten:",
    "• volledig: de standaard is volledig waargemaakt",
    "• deels: de standaard is gedeeltelijk waargemaakt",
    "• niet: de standaard is (nog) niet waargemaakt",
    "• nvt: de standaard is niet van toepassing",
    "Een nieuwe regel binnen een cel: Alt+Enter (Windows), Control+Option+Enter (Mac).",
    "Let op, anders kan het formulier niet worden ingelezen:",
    "• Verander de kolom Code en de kolomkoppen niet, en verwijder of verplaats geen rijen of "
    "tabbladen. Een standaard die u (nog) niet invult, laat u gewoon leeg.",
    "• Bewaar het bestand als Excel-werkmap (.xlsx), ook in LibreOffice of Numbers.",
]
GREY, HEAD = "F2F2F2", "DDEBF7"


def build_workbook(
    net: Network,
    data: CycleData,
    spec: FormKind,
    institution: str,
    current: BaseModel | None,
    order: Sequence[str],
) -> tuple[Any, int]:
    """The form's workbook (without its hidden sheet) and how many standards it pre-fills."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    assert data.cycle is not None and net.settings is not None
    names = {i.id: i.name for i in net.register.model.institutions} if net.register else {}
    what = {"self-review": "Zelfreview", "visit": "Reviewdag"}[spec.kind]
    title = f"{what} {data.cycle.model.title}: {names.get(institution, institution)}"
    book = Workbook()
    info = book.active
    info.title = "Instructies"
    info.column_dimensions["A"].width = 110
    info.append([title])
    info["A1"].font = Font(bold=True, size=14)
    info.append([f"{net.settings.model.network}"])
    for line in ["", *_INSTRUCTIONS[spec.kind], "", *_COMMON]:
        info.append([line])
        bold = line.endswith(":") and not line.startswith("•")
        info.cell(info.max_row, 1).font = Font(bold=bold)
        info.cell(info.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        info.row_dimensions[info.max_row].height = row_height([(line, 110)])
    _print_setup(info)
    sheet = book.create_sheet(spec.sheet)
    prefilled = _standards_sheet(sheet, spec, data, institution, current, order)
    if spec.kind == "self-review":
        _general_sheet(book.create_sheet(GENERAL_SHEET), data, current)
    book.properties.title = title
    book.properties.creator = f"leercyclus {__version__}"
    book.properties.keywords = f"leercyclus {spec.kind} {data.id} {institution}"
    return book, prefilled


def _rows(
    spec: FormKind,
    data: CycleData,
    institution: str,
    current: BaseModel | None,
    order: Sequence[str],
) -> list[dict[str, str]]:
    """Per standard, the text of every column, by its `field` or `shown` name."""
    assert data.cycle is not None
    domains = {d.id: f"{d.id} {d.title}" for d in data.cycle.model.domains}
    answers: dict[str, Any] = getattr(current, "standards", {})
    review = data.self_reviews.get(institution)
    own: dict[str, Any] = review.model.standards if review and spec.kind == "visit" else {}
    rows = []
    for sid in order:
        standard = data.standards[sid].model
        row = {"id": sid, "domain": domains.get(standard.domain, standard.domain),
               "title": standard.title, "text": standard.text}  # fmt: skip
        if sid in own:
            row |= {"self_outcome": DUTCH[own[sid].outcome],
                    "self_explanation": own[sid].explanation or ""}  # fmt: skip
        answer = answers.get(sid)
        if answer is not None:
            row |= {"outcome": DUTCH[answer.outcome], spec.text: getattr(answer, spec.text) or ""}
            row["evidence"] = "\n".join(getattr(answer, "evidence", []))
        rows.append(row)
    return rows


def _standards_sheet(
    sheet: Any,
    spec: FormKind,
    data: CycleData,
    institution: str,
    current: BaseModel | None,
    order: Sequence[str],
) -> int:
    """One row per standard; only the answer columns can be edited. Returns the rows pre-filled."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = _rows(spec, data, institution, current, order)
    sheet.append([c.heading for c in spec.columns])
    for n, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(1, n)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEAD)
        sheet.column_dimensions[get_column_letter(n)].width = column.width
    grey = PatternFill("solid", fgColor=GREY)
    for r, row in enumerate(rows, start=2):
        texts = []
        for n, column in enumerate(spec.columns, start=1):
            value = row.get(column.field or column.shown or "", "")
            cell = _text_cell(sheet.cell(r, n), value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.protection = Protection(locked=column.field is None)
            if column.field is None:
                cell.fill = grey
            else:
                cell.number_format = "@"  # text: Excel turns no '3/4' into a date
            texts.append((value, column.width))
        sheet.row_dimensions[r].height = row_height(texts)
    letter = get_column_letter(spec.columns.index(spec.column("outcome")) + 1)
    choices = DataValidation(type="list", formula1='"volledig,deels,niet,nvt"', allow_blank=True)
    choices.error = "Kies volledig, deels, niet of nvt."
    choices.errorTitle = "Onbekende uitkomst"
    choices.showErrorMessage = True
    sheet.add_data_validation(choices)
    choices.add(f"{letter}2:{letter}{len(rows) + 1}")
    sheet.freeze_panes = "B2"
    _protect(sheet)
    return sum(1 for row in rows if "outcome" in row)


def _general_sheet(sheet: Any, data: CycleData, current: BaseModel | None) -> None:
    """The self-review's general rows: completed, participants, the reflection on the theme."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    assert data.cycle is not None
    theme = data.cycle.model.theme
    about = {
        "completed": "De datum waarop de zelfreview af is (JJJJ-MM-DD). Leeg laten zolang u "
        "er nog mee bezig bent.",
        "participants": "Wie deden mee: rollen, geen namen nodig. Eén per regel.",
        "theme": "\n".join([f"Thema: {theme.title}", *theme.questions])
        if theme
        else "Deze cyclus heeft geen thema: laat leeg.",
    }
    completed = getattr(current, "completed", None)
    values: dict[str, object] = {
        "completed": completed,
        "participants": "\n".join(getattr(current, "participants", [])),
        "theme": getattr(current, "theme", None),
    }
    sheet.append(["Onderdeel", "Invullen", "Toelichting"])
    for n, width in enumerate((24, 70, 60), start=1):
        sheet.cell(1, n).font = Font(bold=True)
        sheet.cell(1, n).fill = PatternFill("solid", fgColor=HEAD)
        sheet.column_dimensions["ABC"[n - 1]].width = width
    for r, (label, name) in enumerate(GENERAL_ROWS.items(), start=2):
        for n, value in enumerate((label, values[name], about[name]), start=1):
            cell = _text_cell(sheet.cell(r, n), value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.protection = Protection(locked=n != 2)
            if n != 2:
                cell.fill = PatternFill("solid", fgColor=GREY)
        sheet.cell(r, 2).number_format = "yyyy-mm-dd" if name == "completed" else "@"
        shown = str(values[name] or "")
        sheet.row_dimensions[r].height = max(row_height([(shown, 70), (about[name], 60)]), 45)
    _protect(sheet)


def _text_cell(cell: Any, value: object) -> Any:
    """Put a value in a cell as itself: a text that starts with '=' is text, not a formula."""
    cell.value = value or None
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def _protect(sheet: Any) -> None:
    """Lock the sheet (no password) so only the answer cells can be edited; sizes may change."""
    _print_setup(sheet)
    sheet.print_title_rows = "1:1"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _print_setup(sheet: Any) -> None:
    """Printed, a sheet fits the width of a landscape page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def import_form(form: Path, root: Path, *, force: bool) -> ImportResult:
    """Read a filled-in form into its YAML file; check everything first, write only if it fits."""
    from leercyclus.repo import SourceFile
    from leercyclus.write import write_atomic
    from leercyclus.yamlio import RoundTrip

    book = _open(form)
    meta = _meta(book, form)
    spec, institution = KINDS[meta["kind"]], meta["institution"]
    net = load_network(root)
    data = _form_cycle(net, meta, form)
    order = standard_order(data)
    path, rel = target_of(root, spec, data.id, institution)
    current = _loaded(data, spec.kind, institution)
    if current is None and spec.kind == "visit":
        raise DataError(
            f"there is no {rel} yet: a review day needs its date and team before its answers",
            f"create it with `leercyclus new visit {institution}`, fill in the date and the "
            "team, and import the form again",
        )
    problems: list[str] = []
    answers = read_answers(book, spec, data, order, problems)
    general = read_general(book, problems) if spec.kind == "self-review" else {}
    if problems:
        raise DataError(
            f"{form.name}: {len(problems)} problem(s) in the form, nothing was imported:\n  "
            + "\n  ".join(problems),
            "correct the form and import it again",
        )
    ours, theirs = view(spec, current, order), form_view(spec, answers, general)
    base = {key: meta.get(f"was {key}") for key in ours}
    apply = {k for k in ours if fingerprint(theirs[k]) != base[k] and theirs[k] != ours[k]}
    conflicts = [k for k in ours if k in apply and fingerprint(ours[k]) != base[k]]
    if conflicts and not force:
        shown = ", ".join(k.removeprefix("standards/") for k in conflicts)
        raise DataError(
            f"{rel} was changed after this form was exported on {meta.get('exported', '?')}, "
            f"and so was the form: both changed {shown}",
            "export a fresh form and copy the answers over, or import with --force to let the "
            "form win (also when the change came from an earlier import of this same form)",
        )
    doc = RoundTrip.read(path) if current is not None else RoundTrip(path, _new_doc(institution))
    changes = merge(doc.data, spec, answers, general, order, apply)
    text = dump(doc.data)
    _validated(SourceFile(spec.kind, path, rel, data.id), text, spec, answers)
    if changes:
        write_atomic(path, text)
    return ImportResult(form, rel, current is None and bool(changes), changes,
                        _notes(spec, answers, order), bool(changes))  # fmt: skip


def _open(form: Path) -> Any:
    """The workbook, or a DataError that says how to save the form as .xlsx."""
    from openpyxl import load_workbook

    if not form.is_file():
        raise UsageError(f"{form}: no such file")
    hint = (
        "open the form in Excel or LibreOffice, save it as 'Excel-werkmap (.xlsx)' "
        "and import that file"
    )
    if form.suffix.lower() not in (".xlsx", ".xlsm"):
        kind = f"a {form.suffix} file" if form.suffix else "a file without the .xlsx extension"
        raise DataError(f"{form.name} is not an Excel workbook (.xlsx): it is {kind}", hint)
    try:
        return load_workbook(form, data_only=True)
    except Exception as exc:  # any unreadable file is the same problem for the user
        reason = "it is not a zip archive" if "zip" in str(exc).lower() else str(exc).rstrip(".")
        raise DataError(
            f"{form.name} is not an Excel workbook (.xlsx) that can be read: {reason}", hint
        ) from None


def _meta(book: Any, form: Path) -> dict[str, str]:
    """The form's hidden identity: kind, cycle, institution and the fingerprints at export."""
    rows: dict[str, str] = {}
    if META_SHEET in book.sheetnames:
        for key, value, *_ in book[META_SHEET].iter_rows(max_col=2, values_only=True):
            if key is not None:
                rows[str(key)] = cell_text(value) or ""
    if (
        rows.get("form") != "leercyclus"
        or rows.get("kind") not in KINDS
        or not all(rows.get(k) for k in ("cycle", "institution"))
    ):
        raise DataError(
            f"{form.name} is not a leercyclus form: its hidden sheet '{META_SHEET}' is missing "
            "or changed",
            "export a form with `leercyclus export self-review INSTITUTION` (or `export visit`), "
            "fill that one in, and import it",
        )
    return rows


def _form_cycle(net: Network, meta: dict[str, str], form: Path) -> CycleData:
    """The cycle the form was made for, which must exist with the institution taking part."""
    cycle, institution = meta["cycle"], meta["institution"]
    data = net.cycles.get(cycle)
    known = ", ".join(net.cycle_order()) or "none"
    if data is None:
        raise DataError(
            f"{form.name} is a form of cycle {cycle}, which this repository does not have "
            f"(its cycles: {known})",
            "import the form in the repository it was exported from",
        )
    if data.cycle is not None and institution not in data.cycle.model.participants:
        raise DataError(
            f"{form.name} is a form of '{institution}', which does not take part in cycle {cycle}",
            "import the form in the repository it was exported from, or add the institution "
            f"to the participants in cycles/{cycle}/cycle.yaml",
        )
    return usable_cycle(net, cycle, institution)


def read_answers(
    book: Any, spec: FormKind, data: CycleData, order: Sequence[str], problems: list[str]
) -> dict[str, Answer]:
    """Every standard's row of the form, checked; what is wrong goes to `problems`."""
    from openpyxl.utils import get_column_letter

    if spec.sheet not in book.sheetnames:
        problems.append(f"the sheet '{spec.sheet}' is missing: export a fresh form")
        return {}
    sheet = book[spec.sheet]
    header = next(sheet.iter_rows(max_row=1, values_only=True), ())
    where = {str(cell_text(h)): n for n, h in enumerate(header) if cell_text(h)}
    needed = [c for c in spec.columns if c.field or c.shown == "id"]
    unknown = [h for h in where if h not in {c.heading for c in spec.columns}]
    for column in needed:
        if column.heading not in where:
            hint = suggest(column.heading, unknown)
            problems.append(
                f"sheet '{spec.sheet}', row 1: the column '{column.heading}' is missing"
                + (
                    f": column {get_column_letter(where[hint] + 1)} is headed '{hint}'; "
                    f"rename it back to '{column.heading}'"
                    if hint
                    else ": put the column back, or export a fresh form"
                )
            )
    if any(c.heading not in where for c in needed):
        return {}

    def at(r: int, column: Column) -> str:
        letter = get_column_letter(where[column.heading] + 1)
        return f"sheet '{spec.sheet}', row {r}, column {letter} ({column.heading})"

    answers: dict[str, Answer] = {}
    seen: dict[str, int] = {}
    code = needed[0]
    for r, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = {c.field or "id": values[where[c.heading]] if where[c.heading] < len(values)
                 else None for c in needed}  # fmt: skip
        if all(cell_text(v) is None for v in cells.values()):
            continue
        sid = cell_text(cells["id"])
        if sid is None:
            problems.append(f"{at(r, code)}: the code is empty, but the row has answers")
            continue
        if sid not in data.standards:
            hint = suggest(sid, list(order))
            problems.append(
                f"{at(r, code)}: there is no standard '{sid}' in cycle {data.id}"
                + (f"; did you mean '{hint}'?" if hint else "")
            )
            continue
        if sid in seen:
            problems.append(f"{at(r, code)}: standard {sid} is also in row {seen[sid]}")
            continue
        seen[sid] = r
        try:
            outcome = outcome_of(cells["outcome"])
        except ValueError as exc:
            hint = suggest(str(exc), [*DUTCH.values(), *OUTCOMES])
            problems.append(
                f"{at(r, spec.column('outcome'))}: '{exc}' is not an outcome: use volledig, "
                "deels, niet or nvt" + (f"; did you mean '{hint}'?" if hint else "")
            )
            continue
        text = cell_text(cells[spec.text])
        evidence = (cell_text(cells.get("evidence")) or "").split("\n")
        evidence = [item.strip() for item in evidence if item.strip()]
        if outcome is None and (text or evidence):
            problems.append(
                f"{at(r, spec.column('outcome'))}: the outcome is empty, but the row has "
                "answers: choose volledig, deels, niet or nvt, or clear the row"
            )
            continue
        answers[sid] = Answer(r, outcome, text, evidence)
    for sid in order:
        if sid not in seen:
            problems.append(
                f"sheet '{spec.sheet}': the row of standard {sid} is missing (it was row "
                f"{order.index(sid) + 2} of the exported form): put it back, or export a "
                "fresh form"
            )
    return answers


def read_general(book: Any, problems: list[str]) -> dict[str, Any]:
    """The self-review's sheet 'Algemeen': completed (a date), participants, theme."""
    if GENERAL_SHEET not in book.sheetnames:
        problems.append(f"the sheet '{GENERAL_SHEET}' is missing: export a fresh form")
        return {}
    found: dict[str, tuple[int, object]] = {}
    rows = book[GENERAL_SHEET].iter_rows(min_row=2, max_col=2, values_only=True)
    for r, (label, value, *_) in enumerate(rows, start=2):
        if cell_text(label) in GENERAL_ROWS:
            found[GENERAL_ROWS[str(cell_text(label))]] = (r, value)
    result: dict[str, Any] = {}
    for label, name in GENERAL_ROWS.items():
        if name not in found:
            problems.append(
                f"sheet '{GENERAL_SHEET}': the row '{label}' is missing: put it back, "
                "or export a fresh form"
            )
            continue
        r, value = found[name]
        text = cell_text(value)
        if name == "participants":
            result[name] = [line.strip() for line in (text or "").split("\n") if line.strip()]
        elif name == "theme":
            result[name] = text
        elif isinstance(value, dt.datetime):
            result[name] = value.date()
        elif isinstance(value, dt.date) or text is None:
            result[name] = value
        else:
            try:
                result[name] = _iso_date(text)
            except ValueError:
                problems.append(
                    f"sheet '{GENERAL_SHEET}', row {r}, column B ({label}): '{text}' is not a "
                    "date: write it as YYYY-MM-DD, e.g. 2025-02-20"
                )
    return result


def _iso_date(text: str) -> dt.date:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(text)
    return dt.date.fromisoformat(text)


_ORDER = {
    "self-review": ["institution", "completed", "participants", "standards", "theme"],
    "visit": ["institution", "date", "team", "standards", "parels", "oesters"],
}
"""Top-level keys in the order of the models: where a key the file lacks is inserted."""


def merge(
    doc: Any,
    spec: FormKind,
    answers: dict[str, Answer],
    general: dict[str, Any],
    order: Sequence[str],
    apply: set[str],
) -> list[tuple[str, str]]:
    """Write the form's answers for the keys in `apply` into the document; return what changed."""
    changes: list[tuple[str, str]] = []
    standards = doc.get("standards")
    had_standards = standards is not None
    standards = standards if had_standards else new_map()
    dutch = _prefers_dutch(standards)
    fields = ["outcome", spec.text, "evidence"]
    for sid in order:
        if f"standards/{sid}" not in apply:
            continue
        answer = answers[sid]
        entry = standards.get(sid)
        if answer.outcome is None:
            if entry is not None:
                drop(standards, sid)
                changes.append((sid, "answer removed"))
            continue
        fresh = entry is None
        entry = new_map() if fresh else entry
        old = entry.get("outcome")
        was = OUTCOME_ALIASES.get(str(old).strip().lower(), str(old)) if old else None
        if was != answer.outcome:
            in_dutch = str(old).strip().lower() in OUTCOME_ALIASES if old else dutch
            word = DUTCH[answer.outcome] if in_dutch else answer.outcome
            put(entry, "outcome", styled(word, old, 4, "outcome"), fields)
            changes.append((sid, f"outcome {old} → {word}" if old else f"answered: {word}"))
        changes += _text(entry, spec.text, answer.text, fields, sid)
        if spec.kind == "self-review":
            previous = [str(item) for item in entry.get("evidence") or []]
            if previous != answer.evidence:
                _set_list(entry, "evidence", answer.evidence, fields)
                changes.append((sid, _verb("evidence", previous, answer.evidence)))
        if fresh:  # filled first, so comments that follow its place land after all of it
            put(standards, sid, entry, order)
    if standards and not had_standards:
        put(doc, "standards", standards, _ORDER[spec.kind])
    if spec.kind == "self-review":
        changes += _general(doc, general, apply)
    return changes


def _general(doc: Any, general: dict[str, Any], apply: set[str]) -> list[tuple[str, str]]:
    """The self-review's general rows: completed, participants, theme."""
    changes: list[tuple[str, str]] = []
    order = _ORDER["self-review"]
    if "completed" in apply:
        was, now = doc.get("completed"), general["completed"]
        if now is None:
            drop(doc, "completed")
        else:
            put(doc, "completed", now, order)
        changes.append((GENERAL_SHEET, f"completed {was or '—'} → {now or '—'}"))
    if "participants" in apply:
        previous = doc.get("participants")
        _set_list(doc, "participants", general["participants"], order)
        changes.append((GENERAL_SHEET, _verb("participants", previous, general["participants"])))
    if "theme" in apply:
        changes += _text(doc, "theme", general["theme"], order, GENERAL_SHEET, 0)
    return changes


def _text(
    mapping: Any, key: str, text: str | None, order: Sequence[str], subject: str, indent: int = 4
) -> list[tuple[str, str]]:
    """Set or remove a free-text key when the form's text differs; the change, if any."""
    old = mapping.get(key)
    if cell_text(old) == text:
        return []
    if text is None:
        drop(mapping, key)
    else:
        put(mapping, key, styled(text, old, indent, key), order)
    return [(subject, _verb(key, cell_text(old), text))]


def _set_list(mapping: Any, key: str, items: list[str], order: Sequence[str]) -> None:
    if items:
        put(mapping, key, new_seq(items, like=mapping.get(key)), order)
    else:
        drop(mapping, key)


def _verb(name: str, old: object, new: object) -> str:
    return f"{name} {'added' if not old else 'removed' if not new else 'changed'}"


def _prefers_dutch(standards: Any) -> bool:
    """Whether most outcomes of the file are written in Dutch (volledig, deels, niet, nvt)."""
    words = [str(e.get("outcome", "")).strip().lower() for e in standards.values() if e]
    dutch = sum(w in OUTCOME_ALIASES for w in words)
    return dutch > len(words) - dutch


def _new_doc(institution: str) -> Any:
    from leercyclus.yamlio import _ruamel

    return _ruamel().load(f"institution: {institution}\n")


def _validated(source: Any, text: str, spec: FormKind, answers: dict[str, Answer]) -> BaseModel:
    """The merged file's model; a DataError naming the form's rows if it does not validate."""
    from leercyclus.validate import parse

    model, findings = parse(source, text.encode("utf-8"))
    errors = [f for f in findings if f.severity == "error"]
    if model is not None and not errors:
        return model
    lines = []
    for f in errors:
        path = f.path or ()
        sid = str(path[1]) if len(path) > 1 and path[0] == "standards" else None
        where = f"sheet '{spec.sheet}', row {answers[sid].row} ({sid})" if sid in answers else ""
        lines.append(f"{where or source.rel}: {f.message}")
    raise DataError(
        f"the form's answers do not fit {source.rel}, nothing was imported:\n  "
        + "\n  ".join(lines),
        "correct the form (or the YAML file) and import it again",
    )


def _notes(spec: FormKind, answers: dict[str, Answer], order: Sequence[str]) -> list[str]:
    """What `check` will warn about: unanswered standards, explanations missing."""
    if spec.kind != "self-review":
        return []
    open_ = [sid for sid in order if answers[sid].outcome is None]
    bare = [sid for sid in order if answers[sid].outcome not in (None, "not_applicable")
            and not answers[sid].text]  # fmt: skip
    notes = [f"not answered yet: {', '.join(open_)}"] if open_ else []
    return notes + ([f"no explanation yet: {', '.join(bare)}"] if bare else [])


# Round-trip editing that keeps comments. These belong in yamlio.py (the only module that
# may import ruamel); they live here until the lead moves them.

WIDTH = 100
"""Longest line the writer aims for; longer texts are folded (>-) at spaces."""


def dump(data: Any) -> str:
    """The document as text; lines are never re-wrapped, so untouched values stay byte-equal."""
    import io

    from leercyclus.yamlio import _ruamel

    handler = _ruamel()
    handler.width = 1 << 16
    buffer = io.StringIO()
    handler.dump(data, buffer)
    return buffer.getvalue()


def new_map() -> Any:
    """An empty mapping that can carry comments."""
    from ruamel.yaml.comments import CommentedMap  # noqa: TID251

    return CommentedMap()


def new_seq(items: list[str], like: Any = None) -> Any:
    """A list that can carry comments, in flow style ([a, b]) if `like` was."""
    from ruamel.yaml.comments import CommentedSeq  # noqa: TID251

    seq = CommentedSeq(items)
    if isinstance(like, CommentedSeq) and like.fa.flow_style():
        seq.fa.set_flow_style()
    return seq


def styled(text: str, old: object, indent: int, key: str) -> Any:
    """`text` in the style of the value it replaces: quoted stays quoted, long texts fold (>-)."""
    from ruamel.yaml.scalarstring import (  # noqa: TID251
        FoldedScalarString,
        LiteralScalarString,
        ScalarString,
    )

    if "\n" in text:
        return LiteralScalarString(text)
    block = isinstance(old, FoldedScalarString | LiteralScalarString)
    if isinstance(old, ScalarString) and not block:
        return type(old)(text)
    if block or indent + len(key) + 2 + len(text) > WIDTH:
        folded = FoldedScalarString(text)
        folded.fold_pos = _folds(text, WIDTH - indent - 2)
        return folded
    return text


def _folds(text: str, width: int) -> list[int]:
    """Positions of the spaces at which to fold `text` into lines of at most `width`."""
    folds: list[int] = []
    start, candidate = 0, -1
    for i, ch in enumerate(text):
        if ch != " " or not 0 < i < len(text) - 1 or " " in (text[i - 1], text[i + 1]):
            continue
        if i - start > width and candidate > start:
            folds.append(candidate)
            start = candidate + 1
        candidate = i
    if len(text) - start > width and candidate > start:
        folds.append(candidate)
    return folds


def put(mapping: Any, key: str, value: Any, order: Sequence[str]) -> None:
    """Set `key`; a new key goes after the keys that precede it in `order`, comments kept."""
    if key in mapping:
        rest = _detach(mapping, key)
        mapping[key] = value
        _attach(mapping, key, rest)
        return
    keys = list(mapping)
    before = set(order[: order.index(key)]) if key in order else set(keys)
    pos = max((n + 1 for n, k in enumerate(keys) if k in before), default=0)
    rest = _detach(mapping, keys[pos - 1]) if pos else ""
    mapping.insert(pos, key, value)
    _attach(mapping, key, rest)


def drop(mapping: Any, key: str) -> None:
    """Remove `key`; comment lines that followed its value stay where they were."""
    if key not in mapping:
        return
    keys = list(mapping)
    n = keys.index(key)
    rest = _detach(mapping, key)
    del mapping[key]
    mapping.ca.items.pop(key, None)
    if n:
        _attach(mapping, keys[n - 1], rest)


def _tail(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment after container[key]: its deepest last block item."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # noqa: TID251

    node = container[key]
    while isinstance(node, CommentedMap | CommentedSeq) and len(node) and not node.fa.flow_style():
        container, key = node, list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        node = container[key]
    return container, key, 0 if isinstance(container, CommentedSeq) else 2


def _detach(container: Any, key: Any) -> str:
    """Cut the comment lines after container[key] that belong to whatever follows it.

    Its end-of-line comment stays, and so do lines indented deeper than the container's keys:
    they comment on container[key]'s own content."""
    holder, k, slot = _tail(container, key)
    entry = holder.ca.items.get(k)
    token = entry[slot] if entry else None
    if token is None:
        return ""
    lines = token.value.splitlines(keepends=True)
    if _is_block(holder[k]):  # a block text ends its line: the first comment line is a whole one
        lines[0] = " " * token.column + lines[0]
        n = 0
    else:
        n = 1  # the first line ends the value's own line: its end-of-line comment, or nothing
    column = getattr(getattr(container, "lc", None), "col", None)
    while n < len(lines) and column is not None and _indent(lines[n]) > column:
        n += 1
    keep, rest = "".join(lines[:n]), "".join(lines[n:])
    if rest:
        if keep.strip():
            token.value = keep.lstrip(" ") if _is_block(holder[k]) else keep
        else:
            entry[slot] = None
    return rest


def _is_block(value: object) -> bool:
    """Whether a value is a block text (>- or |-), after which comments start on a new line."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString  # noqa: TID251

    return isinstance(value, FoldedScalarString | LiteralScalarString)


def _indent(line: str) -> int:
    """A comment line's indentation; -1 for a blank line, which always ends what precedes it."""
    return len(line) - len(line.lstrip(" ")) if line.strip() else -1


def _attach(container: Any, key: Any, rest: str) -> None:
    """Put comment lines cut by `_detach` after container[key]."""
    from ruamel.yaml.error import CommentMark  # noqa: TID251
    from ruamel.yaml.tokens import CommentToken  # noqa: TID251

    if not rest:
        return
    holder, k, slot = _tail(container, key)
    entry = holder.ca.items.setdefault(k, [None, None, None, None])
    if entry[slot] is None:
        start = "" if _is_block(holder[k]) else "\n"
        entry[slot] = CommentToken(start + rest, CommentMark(0), None)
    else:
        entry[slot].value += rest
