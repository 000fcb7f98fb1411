"""`leercyclus export` and `import`: spreadsheet forms for people who do not write YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leercyclus.cli.options import CycleOption, InstitutionArgument

export_app = typer.Typer(
    help="Write a spreadsheet form (.xlsx) to fill in; read it back with `leercyclus import`.",
    no_args_is_help=True,
)

Institution = InstitutionArgument
Format = Annotated[str, typer.Option("--format", help="The form's format: xlsx.")]
Cycle = CycleOption
Out = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="The form's file (default: INSTITUTION-KIND-CYCLE.xlsx in the current folder).",
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")]
Repo = Annotated[
    Path | None,
    typer.Option(
        "--repo",
        help="The network repository (default: the nearest folder upward holding leercyclus.yaml).",
    ),
]


@export_app.command("self-review")
def export_self_review(
    institution: Institution,
    output: Format = "xlsx",
    cycle: Cycle = None,
    out: Out = None,
    force: Force = False,
    repo: Repo = None,
) -> None:
    """A self-review form: one row per standard, for the institution's team to fill in."""
    _export("self-review", institution, output, cycle, out, force, repo)


@export_app.command("visit")
def export_visit(
    institution: Institution,
    output: Format = "xlsx",
    cycle: Cycle = None,
    out: Out = None,
    force: Force = False,
    repo: Repo = None,
) -> None:
    """A review-day form: the team's outcome and note per standard, beside the self-review."""
    _export("visit", institution, output, cycle, out, force, repo)


def _export(
    kind: str,
    institution: str,
    output: str,
    cycle: str | None,
    out: Path | None,
    force: bool,
    repo: Path | None,
) -> None:
    from leercyclus.cli import console
    from leercyclus.errors import UsageError
    from leercyclus.forms import export_form
    from leercyclus.repository.listing import find_root

    if output.lower() != "xlsx":
        raise UsageError(f"unknown form format '{output}'", "forms are written as --format xlsx")
    exported = export_form(find_root(repo), kind, institution, cycle, out, force=force)
    console.form_exported(exported.path, exported.rows, exported.prefilled)
    raise typer.Exit(0)


def import_command(
    file: Annotated[Path, typer.Argument(help="The filled-in form (.xlsx).", show_default=False)],
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Import even if the YAML file was changed after the form was exported "
            "(the form's answers win).",
        ),
    ] = False,
    repo: Repo = None,
) -> None:
    """Read a filled-in form back into its YAML file, keeping the file's comments."""
    from leercyclus.cli import console
    from leercyclus.forms import import_form
    from leercyclus.repository.listing import find_root

    result = import_form(file, find_root(repo), force=force)
    console.form_imported(result)
    raise typer.Exit(0)
