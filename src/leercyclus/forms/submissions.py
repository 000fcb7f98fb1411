"""A tablet's submissions of the audit's XLSForm (the CSV or xlsx export of ODK Central or
KoboToolbox: one row per submission, one column per field) into the location's audit file."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from leercyclus.errors import DataError
from leercyclus.forms.audit_form import (
    AuditTarget,
    Filled,
    ScoreCell,
    audit_target,
    record_filled,
    score_of,
)
from leercyclus.forms.audit_import import refuse, write_audit
from leercyclus.forms.audit_words import PERSPECTIVES
from leercyclus.forms.cells import cell_text, lines_of
from leercyclus.forms.kinds import ImportResult
from leercyclus.forms.xlsform import DATE, MARKERS, OBSERVER, PERSPECTIVE, ROLE, UNIT, field_names
from leercyclus.loading.network import load_network

REJECTED = {"rejected", "validation_status_not_approved", "not approved", "niet goedgekeurd"}
"""Review states of a submission that the reviewer turned down (ODK Central's ReviewState,
KoboToolbox's _validation_status): such a row is left out."""
MAX_ROWS = 10_000
MAX_BYTES = 20_000_000
"""The largest CSV export read: a location's submissions are a few kilobytes."""


Table = tuple[list[str], list[tuple[int, list[object]]]]
"""A submission export: its header, and its rows with their row number in the file."""


def in_workbook(book: Any) -> bool:
    """Whether a workbook is an export of the audit's XLSForm submissions: no leercyclus form's
    hidden sheet, and the markers among the first sheet's headings."""
    from leercyclus.forms.kinds import META_SHEET

    if META_SHEET in book.sheetnames:
        return False
    first = next(book.worksheets[0].iter_rows(max_row=1, values_only=True), ())
    return looks_like_submissions([cell_text(h) or "" for h in first])


def read_table(form: Path, book: Any | None) -> Table:
    """The export's header and rows: from a CSV file (',' or ';') or a workbook's first sheet."""
    if book is not None:
        sheet = book.worksheets[0]  # openpyxl pads up to max_row with empty rows: no more
        cells = sheet.iter_rows(values_only=True, max_row=min(sheet.max_row, MAX_ROWS + 2))
        header = [cell_text(h) or "" for h in next(cells, ())]
        return header, _capped(form, enumerate(cells, start=2))
    if form.stat().st_size > MAX_BYTES:
        raise DataError(
            f"{form.name} is {form.stat().st_size / 1e6:.0f} MB: far more than the submissions "
            "of one location's audit, so it is not read",
            "export the submissions of one location's form",
        )
    try:
        text = form.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(
            f"cannot read {form.name}: {exc}",
            "export the submissions as CSV (UTF-8) or as an Excel workbook (.xlsx)",
        ) from None
    first = text.partition("\n")[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in next(reader, [])]
    return header, _capped(form, enumerate(reader, start=2))


def _capped(
    form: Path, rows: Iterable[tuple[int, Sequence[object]]]
) -> list[tuple[int, list[object]]]:
    """The rows of an export; a DataError past MAX_ROWS (never a silently cut-off import)."""
    found: list[tuple[int, list[object]]] = []
    for n, row in rows:
        if n > MAX_ROWS + 1:
            raise DataError(
                f"{form.name} has more than {MAX_ROWS} rows: far more than the submissions of "
                "one location's audit, so it is not read",
                "export the submissions of one location's form",
            )
        found.append((n, list(row)))
    return found


def looks_like_submissions(header: list[str]) -> bool:
    return all(_column(header, name) is not None for name in MARKERS)


def _column(header: list[str], name: str) -> int | None:
    """A field's column: its name alone, or after a group path ('g/x' in KoboToolbox, 'g-x' in
    ODK Central). leercyclus's field names hold neither '/' nor '-'."""
    for n, heading in enumerate(header):
        if heading == name or heading.endswith((f"/{name}", f"-{name}")):
            return n
    return None


def import_submissions(form: Path, book: Any | None, root: Path, *, force: bool) -> ImportResult:
    """Read an export of the XLSForm's submissions into the audit file they belong to."""

    header, rows = read_table(form, book)
    if not looks_like_submissions(header):
        raise DataError(
            f"{form.name} is no export of a leercyclus audit form: the columns "
            f"{', '.join(MARKERS)} are missing",
            "export the submissions of the form made by `leercyclus export audit --format "
            "xlsform`, with the fields' names as headers (KoboToolbox: 'XML values and headers')",
        )
    rows = [(n, row) for n, row in rows if any(cell_text(v) for v in row)]
    if not rows:
        raise DataError(
            f"{form.name} has no submissions", "export again once observers sent theirs"
        )
    marks = {name: _column(header, name) for name in MARKERS}
    which: set[tuple[str, ...]] = set()
    for n, row in rows:
        audit = [_value(row, marks[name]) for name in MARKERS]
        if None in audit:
            raise DataError(
                f"{form.name}, row {n}: {MARKERS[audit.index(None)]} is empty, so it cannot say "
                "which audit the submission belongs to",
                "export the submissions of the form made by `leercyclus export audit --format "
                "xlsform`, with its hidden fields",
            )
        which.add(tuple(str(x) for x in audit))
    if len(which) > 1:
        raise DataError(
            f"{form.name} holds submissions of more than one audit form ("
            + "; ".join("/".join(w) for w in sorted(which))
            + ")",
            "export the submissions of one location's form at a time",
        )
    cycle, institution, location = next(iter(which))
    net = load_network(root)
    target = audit_target(net, cycle, institution, location)
    problems: list[str] = []
    notes: list[str] = []
    theirs = _read_rows(form, header, rows, target, problems, notes)
    refuse(form, problems)
    ours = record_filled(target.record)
    apply, conflicts = _changes(ours, theirs, target)
    if conflicts and not force:
        raise DataError(
            f"{form.name} would change scores already in {target.rel}: " + "; ".join(conflicts),
            "check which is right; import with --force to let the submissions win",
        )
    touched = {oid for cells in theirs.scores.values() for oid in cells}
    return write_audit(root, target, theirs, apply, touched, form, notes)


def _value(row: list[object], column: int | None) -> str | None:
    return cell_text(row[column]) if column is not None and column < len(row) else None


def _read_rows(
    form: Path,
    header: list[str],
    rows: list[tuple[int, list[object]]],
    target: AuditTarget,
    problems: list[str],
    notes: list[str],
) -> Filled:
    """Every submission, checked; the observers are the file's, with new ones added (a known
    observer keeps the role in the file: `notes` says where a submission differs)."""
    fw = target.framework
    names = field_names(target.themes)
    columns = {f: _column(header, f) for f in (OBSERVER, ROLE, PERSPECTIVE, DATE, UNIT)}
    for theme, stem in names.items():
        columns[f"score:{theme}"] = _column(header, f"score_{stem}")
        columns[f"obs:{theme}"] = _column(header, f"obs_{stem}")
    missing = [k for k, c in columns.items() if c is None and k not in (UNIT, ROLE, PERSPECTIVE)]
    if missing:
        problems.append(
            f"{form.name}: the columns of {', '.join(missing)} are missing: export the "
            "submissions of the current form, with the fields' names as headers"
        )
        return Filled()
    review = next(
        (n for n, h in enumerate(header) if h in ("ReviewState", "_validation_status")), None
    )
    ours = record_filled(target.record)
    filled = Filled(dates=list(ours.dates), observers=list(ours.observers))
    known = {o[0] for o in filled.observers}
    first: dict[str, int] = {}
    dates = set(filled.dates)
    for n, row in rows:
        state = (_value(row, review) or "").lower()
        if state in REJECTED:
            continue
        where = f"{form.name}, row {n}"
        oid = _value(row, columns[OBSERVER])
        if oid is None:
            problems.append(f"{where}: the observer's code ({OBSERVER}) is empty")
            continue
        if oid in first:
            problems.append(
                f"{where}: observer {oid} also sent row {first[oid]}: delete the submission "
                "that is not right (or mark it rejected) and export again"
            )
            continue
        first[oid] = n
        day = _date(_value(row, columns[DATE]))
        if day is None:
            problems.append(f"{where}, {DATE}: '{_value(row, columns[DATE])}' is not a date")
        else:
            dates.add(day)
        role, perspective = _value(row, columns[ROLE]), _value(row, columns[PERSPECTIVE])
        kept = next((o for o in filled.observers if o[0] == oid), None)
        if kept is not None and role and role != kept[1]:
            notes.append(
                f"{oid}: the submission's role '{role}' differs; the file keeps '{kept[1]}'"
            )
        if oid not in known:
            if not role or perspective not in PERSPECTIVES:
                problems.append(
                    f"{where}: {oid} is a new observer: the submission needs a role and a "
                    f"perspective ({', '.join(PERSPECTIVES)}), not "
                    f"'{role or ''}' and '{perspective or ''}'"
                )
                continue
            filled.observers.append((oid, role, perspective))
            known.add(oid)
        unit = _value(row, columns[UNIT])
        if unit is not None and unit not in target.location.units:
            problems.append(f"{where}, {UNIT}: '{unit}' is not a unit of {target.location.id}")
            continue
        for theme, stem in names.items():
            score = _value(row, columns[f"score:{theme}"])
            seen = lines_of(_value(row, columns[f"obs:{theme}"]))
            if score is None:
                if seen:
                    problems.append(f"{where}, score_{stem}: empty, but {oid} wrote observations")
                continue
            try:
                level = score_of(score, fw)
            except ValueError:
                problems.append(f"{where}, score_{stem}: '{score}' is not a level of the scale")
                continue
            cell: ScoreCell = (level, unit, seen)
            filled.scores.setdefault(theme, {})[oid] = cell
    filled.dates = sorted(dates)
    return filled


def _date(text: str | None) -> dt.date | None:
    """A submission's date: ISO (2026-09-15), also with a time as ODK and Kobo write it."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _changes(ours: Filled, theirs: Filled, target: AuditTarget) -> tuple[set[str], list[str]]:
    """The keys the submissions change, and the scores they would overwrite."""
    apply: set[str] = set()
    conflicts: list[str] = []
    if sorted(theirs.dates) != sorted(ours.dates):
        apply.add("dates")
    if theirs.observers != ours.observers:
        apply.add("observers")
    for theme in target.themes:
        mine = ours.scores.get(theme, {})
        for oid, cell in theirs.scores.get(theme, {}).items():
            if mine.get(oid) == cell:
                continue
            apply.add(f"scores/{theme}")
            if oid in mine and mine[oid][0] != cell[0]:
                conflicts.append(
                    f"{theme} of {oid} is {mine[oid][0]} in the file, {cell[0]} in the export"
                )
    return apply, conflicts
