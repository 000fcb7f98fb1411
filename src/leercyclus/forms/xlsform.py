"""The Samen-Audit's observation form as an XLSForm (sheets survey, choices, settings) for
tablets with ODK Collect or KoboToolbox: one submission per observer, per theme a page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from leercyclus.forms.audit_form import AuditTarget, audit_to_export, record_filled
from leercyclus.forms.audit_words import PERSPECTIVES, AuditWording
from leercyclus.forms.kinds import Exported
from leercyclus.models.audit import NOT_OBSERVED

MARKERS = ("lc_cycle", "lc_institution", "lc_location")
"""Hidden fields with constant values: every submission carries what audit it belongs to."""
OBSERVER, ROLE, PERSPECTIVE, DATE, UNIT = "observer", "role", "perspective", "observed_on", "unit"
EXTRA_OBSERVERS = 6
"""Observer codes a tablet form offers for a location not yet audited (o1 to o6)."""


def field_names(themes: Iterable[str]) -> dict[str, str]:
    """Per theme id its XLSForm field stem: letters, digits and _ only (ODK's CSV export joins a
    group and a field with '-', KoboToolbox with '/'), unique, never starting with a digit."""
    names: dict[str, str] = {}
    for theme in themes:
        stem = "t_" + re.sub(r"[^A-Za-z0-9_]", "_", theme)
        name, n = stem, 2
        while name in names.values():
            name, n = f"{stem}_{n}", n + 1
        names[theme] = name
    return names


def observer_codes(target: AuditTarget) -> list[tuple[str, str]]:
    """The observer codes a tablet may choose, with what the list shows: the audit's observers
    (by role), or o1 to o6 for a location not yet audited."""
    record = target.record
    if record is not None and record.observers:
        return [(o.id, f"{o.id}: {o.role}") for o in record.observers]
    return [(f"o{n}", f"o{n}") for n in range(1, EXTRA_OBSERVERS + 1)]


def export_xlsform(
    root: Path,
    institution: str,
    location: str,
    cycle: str | None,
    out: Path | None,
    *,
    force: bool,
) -> Exported:
    """Write the XLSForm of a location's audit to `out` (default: in the forms folder)."""
    from leercyclus.forms.export import form_target, forms_folder, save_workbook

    target, words = audit_to_export(root, cycle, institution, location)
    record_filled(target.record)  # an audit the form cannot hold is refused here too
    default = f"{institution}-{location}-audit-{target.cycle}-xlsform.xlsx"
    path = form_target(out or forms_folder(root) / default, force)
    save_workbook(xlsform_workbook(target, words), path)
    return Exported(path, len(target.themes), 0)


def xlsform_workbook(target: AuditTarget, words: AuditWording) -> Any:
    """The XLSForm: survey (the questions), choices (the lists), settings (title, id, version)."""
    from openpyxl import Workbook

    fw = target.framework
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "hint", "required", "appearance", "calculation"])
    constants = (target.cycle, target.institution, target.location.id)
    for name, value in zip(MARKERS, constants, strict=True):
        survey.append(["calculate", name, "", "", "", "", f"'{value}'"])
    survey.append(["select_one observers", OBSERVER, words.observer_label, "", "yes", "", ""])
    survey.append(["text", ROLE, words.role_label, "", "yes", "", ""])
    survey.append(["select_one perspectives", PERSPECTIVE, words.perspective_label, "", "yes",
                   "", ""])  # fmt: skip
    survey.append(["date", DATE, words.date_label, "", "yes", "", ""])
    if target.location.units:
        survey.append(["select_one units", UNIT, words.unit_label, "", "", "", ""])
    names = field_names(target.themes)
    for theme in fw.themes:
        stem = names[theme.id]
        look = "\n".join(f"• {item}" for item in theme.look_fors)
        survey.append(["begin_group", f"g_{stem}", theme.title, "", "", "field-list", ""])
        survey.append(["select_one scale", f"score_{stem}", words.score_label, look, "yes", "", ""])
        survey.append(["text", f"obs_{stem}", words.observations_label, words.observations_hint,
                       "", "multiline", ""])  # fmt: skip
        survey.append(["end_group", "", "", "", "", "", ""])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for level in fw.scale.levels:
        choices.append(["scale", level.id, f"{level.id} {level.label}"])
    if fw.scale.not_observed:
        choices.append(["scale", NOT_OBSERVED, words.not_observed])
    for perspective in PERSPECTIVES:
        choices.append(["perspectives", perspective, words.perspectives[perspective]])
    for code, label in observer_codes(target):
        choices.append(["observers", code, label])
    for unit in target.location.units:
        choices.append(["units", unit, unit])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "instance_name"])
    form_id = re.sub(r"[^A-Za-z0-9_]", "_", f"leercyclus_audit_{'_'.join(constants)}")
    title = f"Samen-Audit {target.cycle}: {target.institution_name}, {target.location.name}"
    version = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M")
    settings.append(
        [literal(title), form_id, version, f"concat(${{{OBSERVER}}}, ' ', ${{{DATE}}})"]
    )
    for sheet in (survey, choices):
        for row in sheet.iter_rows(min_row=2):
            for cell in row[2:4]:  # label and hint: the network's words, shown as they are
                if isinstance(cell.value, str):
                    cell.value = literal(cell.value)
    for sheet in (survey, choices, settings):
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value:
                    cell.data_type = "s"  # a text, never a formula
    return book


_REFERENCE = re.compile(r"\$(?=\{)")
"""`${name}` in a label or hint: ODK and KoboToolbox put the answer to question `name` there."""


def literal(text: str) -> str:
    """`text` shown as written on the tablet: a `${` that would make ODK insert an answer (or
    refuse the form, for a name it does not know) gets an invisible zero-width space after its
    `$`."""
    return _REFERENCE.sub("$\u200b", text)
