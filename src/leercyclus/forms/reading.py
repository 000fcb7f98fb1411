"""Read a filled-in form: the workbook, its hidden identity, its rows, all checked."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from leercyclus.errors import DataError, UsageError
from leercyclus.forms.cells import cell_text, outcome_of
from leercyclus.forms.kinds import KINDS, META_SHEET, Answer, Column, FormKind
from leercyclus.forms.wording import WORDING
from leercyclus.loading.network import CycleData
from leercyclus.repository.findings import suggest

_OUTCOME_WORDS = [word for words in WORDING.values() for word in words.outcomes.values()]
"""Every outcome word a form may hold, whatever its language: what a typo is matched with."""


def open_form(form: Path) -> Any:
    """The workbook, or a DataError that says how to save the form as .xlsx."""
    from openpyxl import load_workbook

    if not form.is_file():
        raise UsageError(f"{form}: no such file")
    hint = (
        "open the form in Excel or LibreOffice, save it as an Excel workbook (.xlsx; "
        "'Excel-werkmap' in Dutch Excel) and import that file"
    )
    if form.suffix.lower() not in (".xlsx", ".xlsm"):
        kind = f"a {form.suffix} file" if form.suffix else "a file without the .xlsx extension"
        raise DataError(f"{form.name} is not an Excel workbook (.xlsx): it is {kind}", hint)
    _check_archive(form, hint)
    try:
        return load_workbook(form, data_only=True)
    except Exception as exc:  # any unreadable file is the same problem for the user
        reason = "it is not a zip archive" if "zip" in str(exc).lower() else str(exc).rstrip(".")
        raise DataError(
            f"{form.name} is not an Excel workbook (.xlsx) that can be read: {reason}", hint
        ) from None


MAX_FORM_BYTES = 50_000_000
"""The most a form may unpack to: a filled-in form of a hundred standards unpacks to well
under a megabyte; more is a zip bomb, refused before it is opened."""


def _check_archive(form: Path, hint: str) -> None:
    """A DataError, within a second, for a form that unpacks to too much or declares XML
    entities; sizes are read from the archive's directory, which also bounds what openpyxl
    can unpack. A file that is no archive at all is left to openpyxl's own message."""
    try:
        with zipfile.ZipFile(form) as archive:
            parts = archive.infolist()
            size = sum(part.file_size for part in parts)
            if len(parts) > 10_000 or size > MAX_FORM_BYTES:
                raise DataError(
                    f"{form.name} unpacks to {size / 1e6:.0f} MB in {len(parts)} parts: far too "
                    "much for a form, so it is not read",
                    hint,
                )
            for part in parts:
                if part.filename.endswith((".xml", ".rels")):
                    with archive.open(part) as handle:
                        start = handle.read(4096)
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        raise DataError(
                            f"{form.name} declares XML entities ({part.filename}): it is not "
                            "a form saved by Excel or LibreOffice, so it is not read",
                            hint,
                        )
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        return


def form_meta(book: Any, form: Path) -> dict[str, str]:
    """The form's hidden identity: kind, cycle, institution, language, fingerprints at export.

    A form written before forms had a language has none recorded: it is Dutch.
    """
    rows: dict[str, str] = {}
    if META_SHEET in book.sheetnames:
        for key, value, *_ in book[META_SHEET].iter_rows(max_col=2, values_only=True):
            if key is not None:
                rows[str(key)] = cell_text(value) or ""
    rows["language"] = rows.get("language") or "nl"
    if (
        rows.get("form") != "leercyclus"
        or rows.get("kind") not in (*KINDS, "audit")
        or rows["language"] not in WORDING
        or not all(rows.get(k) for k in ("cycle", "institution"))
    ):
        raise DataError(
            f"{form.name} is not a leercyclus form: its hidden sheet '{META_SHEET}' is missing "
            "or changed",
            "export a form with `leercyclus export self-review INSTITUTION` (or `export visit`, "
            "`export audit`), fill that one in, and import it",
        )
    return rows


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
    needed = [c for c in spec.columns if c.editable or c.key == "id"]
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

    choices = spec.words.choices("or")
    answers: dict[str, Answer] = {}
    seen: dict[str, int] = {}
    code = needed[0]
    for r, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = {c.key: values[where[c.heading]] if where[c.heading] < len(values)
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
            hint = suggest(str(exc), _OUTCOME_WORDS)
            problems.append(
                f"{at(r, spec.column('outcome'))}: '{exc}' is not an outcome: use {choices}"
                + (f"; did you mean '{hint}'?" if hint else "")
            )
            continue
        text = cell_text(cells[spec.text])
        evidence = (cell_text(cells.get("evidence")) or "").split("\n")
        evidence = [item.strip() for item in evidence if item.strip()]
        if outcome is None and (text or evidence):
            problems.append(
                f"{at(r, spec.column('outcome'))}: the outcome is empty, but the row has "
                f"answers: choose {choices}, or clear the row"
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


def read_general(book: Any, spec: FormKind, problems: list[str]) -> dict[str, Any]:
    """The self-review's general sheet ('Algemeen'): completed (a date), participants, theme."""
    sheet, labels = spec.words.general_sheet, spec.words.general_rows
    if sheet not in book.sheetnames:
        problems.append(f"the sheet '{sheet}' is missing: export a fresh form")
        return {}
    found: dict[str, tuple[int, object]] = {}
    rows = book[sheet].iter_rows(min_row=2, max_col=2, values_only=True)
    for r, (label, value, *_) in enumerate(rows, start=2):
        if cell_text(label) in labels:
            found[labels[str(cell_text(label))]] = (r, value)
    result: dict[str, Any] = {}
    for label, name in labels.items():
        if name not in found:
            problems.append(
                f"sheet '{sheet}': the row '{label}' is missing: put it back, "
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
                    f"sheet '{sheet}', row {r}, column B ({label}): '{text}' is not a "
                    "date: write it as YYYY-MM-DD, e.g. 2025-02-20"
                )
    return result


def _iso_date(text: str) -> dt.date:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ValueError(text)
    return dt.date.fromisoformat(text)
