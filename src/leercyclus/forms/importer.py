"""`leercyclus import`: a filled-in form into its YAML file, checked before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from leercyclus.errors import DataError
from leercyclus.forms.audit_form import AUDIT_KIND
from leercyclus.forms.audit_import import import_audit_form
from leercyclus.forms.cells import fingerprint, form_view, view
from leercyclus.forms.kinds import (
    Answer,
    FormKind,
    ImportResult,
    form_kind,
    loaded_model,
    standard_order,
    target_of,
    usable_cycle,
)
from leercyclus.forms.merge import merge, open_slots
from leercyclus.forms.reading import form_meta, open_form, read_answers, read_general
from leercyclus.forms.submissions import import_submissions, in_workbook
from leercyclus.loading.network import CycleData, Network, load_network
from leercyclus.repository.yamlio import dump, load_for_edit


def import_form(form: Path, root: Path, *, force: bool) -> ImportResult:
    """Read a filled-in form into its YAML file; check everything first, write only if it fits.

    The form is read in the language it was written in, whatever the network's language now.
    """
    from leercyclus.repository.listing import SourceFile
    from leercyclus.repository.write import write_atomic

    if form.suffix.lower() == ".csv" and form.is_file():
        return import_submissions(form, None, root, force=force)
    book = open_form(form)
    if in_workbook(book):
        return import_submissions(form, book, root, force=force)
    meta = form_meta(book, form)
    if meta["kind"] == AUDIT_KIND:
        return import_audit_form(book, meta, form, root, force=force)
    spec, institution = form_kind(meta["kind"], meta["language"]), meta["institution"]
    net = load_network(root)
    data = _form_cycle(net, meta, form)
    order = standard_order(data)
    path, rel = target_of(root, spec, data.id, institution)
    current = loaded_model(data, spec.kind, institution)
    if current is None and spec.kind == "visit":
        raise DataError(
            f"there is no {rel} yet: a review day needs its date and team before its answers",
            f"create it with `leercyclus new visit {institution}`, fill in the date and the "
            "team, and import the form again",
        )
    problems: list[str] = []
    answers = read_answers(book, spec, data, order, problems)
    general = read_general(book, spec, problems) if spec.kind == "self-review" else {}
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
    if current is not None:
        slots = {
            sid: answers[sid].text is not None
            for sid in order
            if f"standards/{sid}" in apply and answers[sid].outcome
        }
        doc = load_for_edit(open_slots(_read_text(path), slots, spec.text))
    else:
        doc = load_for_edit(f"institution: {institution}\n")
    changes = merge(doc, spec, answers, general, order, apply)
    text = dump(doc)
    _validated(SourceFile(spec.kind, path, rel, data.id), text, spec, answers)
    if changes:
        write_atomic(path, text, inside=root)
    return ImportResult(form, rel, current is None and bool(changes), changes,
                        _notes(spec, answers, order), bool(changes))  # fmt: skip


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read {path}: {exc}", "run `leercyclus check` first") from None


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


def _validated(source: Any, text: str, spec: FormKind, answers: dict[str, Answer]) -> BaseModel:
    """The merged file's model; a DataError naming the form's rows if it does not validate."""
    from leercyclus.rules.validate import parse

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
