"""The audit's observation form as an openpyxl workbook: instructions, the audit's days, the
observers, and the grid of themes (rows) by observers (columns)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from leercyclus import __version__
from leercyclus.forms.audit_form import (
    AUDIT_KIND,
    EMPTY_OBSERVERS,
    AuditTarget,
    Filled,
    audit_to_export,
    level_choices,
    record_filled,
    score_word,
    view,
)
from leercyclus.forms.audit_words import PERSPECTIVES, AuditWording
from leercyclus.forms.export import add_identity, form_target, forms_folder, save_workbook
from leercyclus.forms.kinds import Exported
from leercyclus.forms.workbook import GREY, HEAD, append_texts, row_height

LISTS_SHEET = "keuzes"
"""The hidden sheet with the drop-downs' words (a list in a range holds commas and is long)."""


def export_audit_form(
    root: Path,
    institution: str,
    location: str,
    cycle: str | None,
    out: Path | None,
    *,
    force: bool,
) -> Exported:
    """Write the observation form of a location's audit (pre-filled from its file) to `out`."""
    target, words = audit_to_export(root, cycle, institution, location)
    default = f"{institution}-{location}-audit-{target.cycle}.xlsx"
    path = form_target(out or forms_folder(root) / default, force)
    filled = record_filled(target.record)
    book = build_audit_workbook(target, filled, words)
    meta = {"form": "leercyclus", "kind": AUDIT_KIND, "cycle": target.cycle,
            "institution": institution, "location": location, "language": words.language,
            "version": __version__, "exported": dt.date.today().isoformat()}  # fmt: skip
    add_identity(book, meta, view(filled, target.themes))
    save_workbook(book, path)
    return Exported(path, len(target.themes), len(filled.scores))


def grid_columns(
    target: AuditTarget, observers: list[str], words: AuditWording
) -> list[tuple[str, str, int, bool]]:
    """The grid's columns: (key, heading, width, editable); observer columns are 'score:o1'."""
    g = words.grid
    columns = [
        ("id", g["id"], 14, False),
        ("kind", g["kind"], 8, False),
        ("title", g["title"], 22, False),
        ("look_fors", g["look_fors"], 40, False),
    ]
    units = bool(target.location.units)
    for oid in observers:
        columns.append((f"score:{oid}", g["score"].format(id=oid), 16, True))
        if units:
            columns.append((f"unit:{oid}", g["unit"].format(id=oid), 14, True))
        columns.append((f"observations:{oid}", g["observations"].format(id=oid), 40, True))
    return [*columns, ("agreed", g["agreed"], 16, True), ("note", g["note"], 40, True)]


def form_observers(filled: Filled) -> list[tuple[str, str, str]]:
    """The observers a form has rows and columns for: the audit's, or empty slots o1 to o4."""
    if filled.observers:
        return list(filled.observers)
    return [(f"o{n}", "", "") for n in range(1, EMPTY_OBSERVERS + 1)]


def build_audit_workbook(target: AuditTarget, filled: Filled, words: AuditWording) -> Any:
    """The form's workbook (without its hidden identity sheet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    fw = target.framework
    title = f"Samen-Audit {target.cycle}: {target.institution_name}, {target.location.name}"
    book = Workbook()
    info = book.active
    info.title = words.instructions_sheet
    info.column_dimensions["A"].width = 110
    append_texts(info, [title])
    info["A1"].font = Font(bold=True, size=14)
    sheets = {"audit": words.audit_sheet, "observers": words.observers_sheet,
              "grid": words.grid_sheet, "not_observed": words.not_observed}  # fmt: skip
    levels = [f"• {choice}" for choice in level_choices(fw, words)]
    for line in [*(s.format(**sheets) for s in words.steps), *levels]:
        append_texts(info, [line])
        cell = info.cell(info.max_row, 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        info.row_dimensions[info.max_row].height = row_height([(line, 110)])
    lists = book.create_sheet(LISTS_SHEET)
    ranges = _lists(lists, target, words)
    lists.sheet_state = "hidden"
    observers = form_observers(filled)
    _audit_sheet(book.create_sheet(words.audit_sheet, 1), target, filled, words)
    _observers_sheet(book.create_sheet(words.observers_sheet, 2), observers, words, ranges)
    _grid_sheet(book.create_sheet(words.grid_sheet, 3), target, filled, observers, words, ranges)
    book.properties.title = title
    book.properties.creator = f"leercyclus {__version__}"
    book.properties.keywords = f"leercyclus audit {target.cycle} {target.institution}"
    return book


def _lists(sheet: Any, target: AuditTarget, words: AuditWording) -> dict[str, str]:
    """Write the drop-downs' words in columns of the hidden sheet; their ranges by name."""
    fw = target.framework
    columns = {
        "score": level_choices(fw, words),
        "agreed": level_choices(fw, words, agreed=True),
        "perspective": [words.perspectives[p] for p in PERSPECTIVES],
        "unit": list(target.location.units),
    }
    ranges = {}
    for n, (name, values) in enumerate(columns.items(), start=1):
        letter = "ABCD"[n - 1]
        for r, value in enumerate(values, start=1):
            sheet.cell(r, n).value = value
            sheet.cell(r, n).data_type = "s"
        if values:
            ranges[name] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"
    return ranges


def _validation(sheet: Any, source: str, cells: str, words: AuditWording) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    check = DataValidation(type="list", formula1=source, allow_blank=True)
    check.error, check.errorTitle = words.choice_error, words.choice_title
    check.showErrorMessage = True
    sheet.add_data_validation(check)
    check.add(cells)


def _head(sheet: Any, headings: list[str], widths: list[int]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    append_texts(sheet, headings)
    for n, width in enumerate(widths, start=1):
        sheet.cell(1, n).font = Font(bold=True)
        sheet.cell(1, n).fill = PatternFill("solid", fgColor=HEAD)
        sheet.column_dimensions[get_column_letter(n)].width = width


def _cell(sheet: Any, r: int, c: int, value: object, *, editable: bool) -> Any:
    from openpyxl.styles import Alignment, PatternFill, Protection

    cell = sheet.cell(r, c)
    cell.value = value or None
    if isinstance(value, str) and value:
        cell.data_type = "s"  # a text, never a formula
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.protection = Protection(locked=not editable)
    if editable:
        cell.number_format = "@"
    else:
        cell.fill = PatternFill("solid", fgColor=GREY)
    return cell


def _audit_sheet(sheet: Any, target: AuditTarget, filled: Filled, words: AuditWording) -> None:
    for n, width in enumerate((24, 40, 60), start=1):
        sheet.column_dimensions["ABC"[n - 1]].width = width
    dates = "\n".join(d.isoformat() for d in filled.dates)
    rows = [(words.location, target.location.name, "", False),
            (words.dates, dates, words.dates_note, True)]  # fmt: skip
    for r, (label, value, note, editable) in enumerate(rows, start=1):
        _cell(sheet, r, 1, label, editable=False)
        _cell(sheet, r, 2, value, editable=editable)
        _cell(sheet, r, 3, note, editable=False)
        sheet.row_dimensions[r].height = max(row_height([(value, 40)]), 45)
    _protect(sheet)


def _observers_sheet(
    sheet: Any, observers: list[tuple[str, str, str]], words: AuditWording, ranges: dict[str, str]
) -> None:
    _head(sheet, list(words.observer_headings), [10, 50, 18])
    for r, (oid, role, perspective) in enumerate(observers, start=2):
        _cell(sheet, r, 1, oid, editable=False)
        _cell(sheet, r, 2, role, editable=True)
        _cell(sheet, r, 3, words.perspectives.get(perspective, perspective), editable=True)
    _validation(sheet, ranges["perspective"], f"C2:C{len(observers) + 1}", words)
    _protect(sheet)


def _grid_sheet(
    sheet: Any,
    target: AuditTarget,
    filled: Filled,
    observers: list[tuple[str, str, str]],
    words: AuditWording,
    ranges: dict[str, str],
) -> None:
    from openpyxl.utils import get_column_letter

    fw = target.framework
    columns = grid_columns(target, [o[0] for o in observers], words)
    _head(sheet, [c[1] for c in columns], [c[2] for c in columns])
    for r, theme in enumerate(fw.themes, start=2):
        cells = filled.scores.get(theme.id, {})
        agreed = filled.agreed.get(theme.id)
        values = {
            "id": theme.id,
            "kind": words.kinds[theme.kind],
            "title": theme.title,
            "look_fors": "\n".join(f"• {item}" for item in theme.look_fors),
            "agreed": score_word(fw, words, agreed[0]) if agreed else "",
            "note": (agreed[1] or "") if agreed else "",
        }
        for oid, (score, unit, observations) in cells.items():
            values[f"score:{oid}"] = score_word(fw, words, score)
            values[f"unit:{oid}"] = unit or ""
            values[f"observations:{oid}"] = "\n".join(observations)
        texts = []
        for c, (key, _, width, editable) in enumerate(columns, start=1):
            value = values.get(key, "")
            _cell(sheet, r, c, value, editable=editable)
            texts.append((value, width))
        sheet.row_dimensions[r].height = max(row_height(texts), 45)
    last = len(fw.themes) + 1
    for c, (key, _, _, _) in enumerate(columns, start=1):
        kind = key.partition(":")[0]
        if kind in ("score", "agreed", "unit") and kind in ranges:
            letter = get_column_letter(c)
            _validation(sheet, ranges[kind], f"{letter}2:{letter}{last}", words)
    sheet.freeze_panes = "E2"
    _protect(sheet)


def _protect(sheet: Any) -> None:
    """Locked (no password): only the answer cells can be edited; sizes may change."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
