"""`leercyclus export`: a form for one institution, pre-filled from its YAML file."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

from leercyclus import __version__
from leercyclus.errors import DataError, OutputError, UsageError
from leercyclus.forms.cells import fingerprint, view
from leercyclus.forms.kinds import (
    META_SHEET,
    Exported,
    form_kind,
    loaded_model,
    standard_order,
    usable_cycle,
)
from leercyclus.forms.workbook import append_texts, build_workbook
from leercyclus.loading.network import load_network

FORMS = "forms"
"""Where exported forms go by default: a folder of the repository that git ignores (its own
.gitignore says so, in repositories made before `init` listed it too). A filled-in form is as
confidential as the YAML file it becomes."""

_FORMS_IGNORE = (
    "# Exported forms (leercyclus export): confidential, never in git. Import them with\n"
    "# `leercyclus import FILE`; the YAML files they fill in are what git keeps.\n*\n"
)


def forms_folder(root: Path) -> Path:
    """The repository's folder for exported forms, with the .gitignore that keeps it out of git;
    an OutputError if it is a symbolic link (a repository's link must not send a confidential
    form, or the .gitignore, elsewhere)."""
    from leercyclus.repository.write import refuse_links

    folder = root / FORMS
    ignore = folder / ".gitignore"
    refuse_links(root, ignore)
    if not ignore.is_file():
        folder.mkdir(exist_ok=True)
        ignore.write_text(_FORMS_IGNORE, encoding="utf-8")
    return folder


def export_form(
    root: Path, kind: str, institution: str, cycle: str | None, out: Path | None, *, force: bool
) -> Exported:
    """Write the form of `kind` for `institution` (pre-filled from its YAML file) to `out`.

    The form is in the network's language, and records it for `import`.
    """
    net = load_network(root)
    if net.settings is None:
        raise DataError(
            "leercyclus.yaml is missing or has errors: a form needs the network's name and "
            "language",
            "run `leercyclus check` and fix it first",
        )
    spec = form_kind(kind, net.settings.model.language)
    data = usable_cycle(net, cycle, institution)
    current = loaded_model(data, spec.kind, institution)
    target = form_target(out or forms_folder(root) / f"{institution}-{kind}-{data.id}.xlsx", force)
    order = standard_order(data)
    book, prefilled = build_workbook(net, data, spec, institution, current, order)
    meta = {"form": "leercyclus", "kind": kind, "cycle": data.id, "institution": institution,
            "language": spec.words.language, "version": __version__,
            "exported": dt.date.today().isoformat()}  # fmt: skip
    add_identity(book, meta, view(spec, current, order))
    save_workbook(book, target)
    return Exported(target, len(order), prefilled)


def form_target(path: Path, force: bool) -> Path:
    """The resolved path a form is written to; a UsageError for another suffix than .xlsx, or
    for an existing file without --force."""
    target = path.resolve()
    if target.suffix.lower() != ".xlsx":
        raise UsageError(
            f"{target.name}: a form is an .xlsx file", "give --out a name ending in .xlsx"
        )
    if target.exists() and not force:
        raise UsageError(
            f"{target} already exists",
            "use --force to overwrite it, or choose another name with --out",
        )
    return target


def add_identity(book: Any, meta: dict[str, str], values: dict[str, object]) -> None:
    """The form's hidden sheet: what it is (`meta`), and a fingerprint of each value it was
    exported with ('was KEY'), so that `import` tells the form's changes from the file's."""
    sheet = book.create_sheet(META_SHEET)
    prints = {f"was {key}": fingerprint(value) for key, value in values.items()}
    for key, value in [*meta.items(), *prints.items()]:
        append_texts(sheet, [key, value])
    sheet.sheet_state = "veryHidden"


def save_workbook(book: Any, target: Path) -> None:
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
