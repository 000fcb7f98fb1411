"""`leercyclus schema`: write the JSON Schemas that give editors completion and hover help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def command(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="The folder to write to (default: schemas/ in the network repository's root, "
            "or in the current folder outside a repository).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write one JSON Schema per file kind, for editors and other tools."""
    from leercyclus.cli import console
    from leercyclus.rules.schema import default_folder, write_schemas

    folder = out if out is not None else default_folder(Path.cwd())
    results = write_schemas(folder)
    changed = sum(1 for _, outcome in results if outcome != "unchanged")
    console.out.print(
        f"{_shown(folder)}: {len(results)} JSON Schemas (draft 2020-12), {changed} written",
        markup=False,
    )
    for name, outcome in results:
        console.out.print(f"  {outcome:<9}  {name}", markup=False)
    raise typer.Exit(0)


def _shown(folder: Path) -> str:
    """The folder, relative to the current one where it lies inside it, with a trailing slash."""
    try:
        return folder.resolve().relative_to(Path.cwd().resolve()).as_posix() + "/"
    except ValueError:
        return f"{folder}/"
