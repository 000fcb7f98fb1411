"""The form as an openpyxl workbook: instructions, one row per standard, the general rows."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from leercyclus import __version__
from leercyclus.forms.kinds import FormKind
from leercyclus.loading.network import CycleData, Network


def row_height(texts: Sequence[tuple[str, int]]) -> float:
    """A row height (points) that shows wrapped `texts` (text, column width) whole."""
    lines = 1
    for text, width in texts:
        per_line = max(width - 2, 1)
        lines = max(lines, sum(max(1, math.ceil(len(p) / per_line)) for p in text.split("\n")))
    return float(min(409, 15 * lines + 3))


GREY, HEAD = "F2F2F2", "DDEBF7"


def build_workbook(
    net: Network,
    data: CycleData,
    spec: FormKind,
    institution: str,
    current: BaseModel | None,
    order: Sequence[str],
) -> tuple[Any, int]:
    """The form's workbook (without its hidden sheet) and how many standards it pre-fills.

    Every text in it is in the language of `spec`.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    assert data.cycle is not None and net.settings is not None
    names = {i.id: i.name for i in net.register.model.institutions} if net.register else {}
    title = f"{spec.sheet} {data.cycle.model.title}: {names.get(institution, institution)}"
    book = Workbook()
    info = book.active
    info.title = spec.words.instructions_sheet
    info.column_dimensions["A"].width = 110
    append_texts(info, [title])
    info["A1"].font = Font(bold=True, size=14)
    append_texts(info, [net.settings.model.network])
    for line in spec.words.instructions(spec.kind):
        append_texts(info, [line])
        bold = line.endswith(":") and not line.startswith("•")
        info.cell(info.max_row, 1).font = Font(bold=bold)
        info.cell(info.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        info.row_dimensions[info.max_row].height = row_height([(line, 110)])
    _print_setup(info)
    sheet = book.create_sheet(spec.sheet)
    prefilled = _standards_sheet(sheet, spec, data, institution, current, order)
    if spec.kind == "self-review":
        _general_sheet(book.create_sheet(spec.words.general_sheet), spec, data, current)
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
    """Per standard, the text of every column, by its key."""
    assert data.cycle is not None
    domains = {d.id: f"{d.id} {d.title}" for d in data.cycle.model.domains}
    answers: dict[str, Any] = getattr(current, "standards", {})
    review = data.self_reviews.get(institution)
    own: dict[str, Any] = review.model.standards if review and spec.kind == "visit" else {}
    words = spec.words.outcomes
    rows = []
    for sid in order:
        standard = data.standards[sid].model
        row = {"id": sid, "domain": domains.get(standard.domain, standard.domain),
               "title": standard.title, "text": standard.text}  # fmt: skip
        if sid in own:
            row |= {"self_outcome": words[own[sid].outcome],
                    "self_explanation": own[sid].explanation or ""}  # fmt: skip
        answer = answers.get(sid)
        if answer is not None:
            row |= {"outcome": words[answer.outcome], spec.text: getattr(answer, spec.text) or ""}
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
    append_texts(sheet, [c.heading for c in spec.columns])
    for n, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(1, n)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEAD)
        sheet.column_dimensions[get_column_letter(n)].width = column.width
    grey = PatternFill("solid", fgColor=GREY)
    for r, row in enumerate(rows, start=2):
        texts = []
        for n, column in enumerate(spec.columns, start=1):
            value = row.get(column.key, "")
            cell = _text_cell(sheet.cell(r, n), value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.protection = Protection(locked=not column.editable)
            if not column.editable:
                cell.fill = grey
            else:
                cell.number_format = "@"  # text: Excel turns no '3/4' into a date
            texts.append((value, column.width))
        sheet.row_dimensions[r].height = row_height(texts)
    letter = get_column_letter(spec.columns.index(spec.column("outcome")) + 1)
    words = spec.words
    listed = ",".join(words.outcomes.values())
    choices = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
    choices.error = words.choice_error.format(choices=words.choices())
    choices.errorTitle = words.choice_title
    choices.showErrorMessage = True
    sheet.add_data_validation(choices)
    choices.add(f"{letter}2:{letter}{len(rows) + 1}")
    sheet.freeze_panes = "B2"
    _protect(sheet)
    return sum(1 for row in rows if "outcome" in row)


def _general_sheet(sheet: Any, spec: FormKind, data: CycleData, current: BaseModel | None) -> None:
    """The self-review's general rows: completed, participants, the reflection on the theme."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    assert data.cycle is not None
    theme, notes = data.cycle.model.theme, spec.words.general_notes
    about = {
        "completed": notes["completed"],
        "participants": notes["participants"],
        "theme": "\n".join([notes["theme"].format(title=theme.title), *theme.questions])
        if theme
        else notes["no_theme"],
    }
    completed = getattr(current, "completed", None)
    values: dict[str, object] = {
        "completed": completed,
        "participants": "\n".join(getattr(current, "participants", [])),
        "theme": getattr(current, "theme", None),
    }
    sheet.append(list(spec.words.general_headings))
    for n, width in enumerate((24, 70, 60), start=1):
        sheet.cell(1, n).font = Font(bold=True)
        sheet.cell(1, n).fill = PatternFill("solid", fgColor=HEAD)
        sheet.column_dimensions["ABC"[n - 1]].width = width
    for r, (label, name) in enumerate(spec.words.general_rows.items(), start=2):
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
    """Put a value in a cell as itself: every text is a text, never a formula (openpyxl makes
    a text that starts with '=' one), whatever it starts with."""
    cell.value = value or None
    if isinstance(value, str) and value:
        cell.data_type = "s"
    return cell


def append_texts(sheet: Any, values: Sequence[object]) -> None:
    """A row at the bottom of `sheet`, every text in it a text (see `_text_cell`)."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value:
            cell.data_type = "s"


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
