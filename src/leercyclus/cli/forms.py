"""`leercyclus export` and `import`: spreadsheet forms for people who do not write YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leercyclus.cli.options import (
    CycleOption,
    InstitutionArgument,
    LanguageOption,
    RepoArgument,
    RepoOption,
    check_language,
    repository,
)

export_app = typer.Typer(
    help="Write a spreadsheet form (.xlsx) to fill in; read it back with `leercyclus import`.",
    no_args_is_help=True,
)

Institution = InstitutionArgument
Location = Annotated[
    str, typer.Argument(help="The location's id (institutions.yaml).", metavar="LOCATION")
]
Format = Annotated[str, typer.Option("--format", help="The form's format: xlsx.", metavar="FORMAT")]
Cycle = CycleOption
Out = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="The form's file (default: in forms/ of the repository, named after the "
        "institution, the form (and location) and the cycle; git ignores that folder: a form "
        "is confidential).",
        metavar="FILE",
        show_default=False,
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help="Overwrite the file if it exists.", metavar="")
]


@export_app.command("self-review")
def export_self_review(
    institution: Institution,
    repo: RepoArgument = None,
    output: Format = "xlsx",
    cycle: Cycle = None,
    out: Out = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """A self-review form: one row per standard, for the institution's team to fill in."""
    root = repository(repo, repo_option, f"export self-review {institution} PATH")
    _export("self-review", institution, output, cycle, out, force, root)


@export_app.command("visit")
def export_visit(
    institution: Institution,
    repo: RepoArgument = None,
    output: Format = "xlsx",
    cycle: Cycle = None,
    out: Out = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """A review-day form: the team's outcome and note per standard, beside the self-review."""
    root = repository(repo, repo_option, f"export visit {institution} PATH")
    _export("visit", institution, output, cycle, out, force, root)


@export_app.command("audit")
def export_audit(
    institution: Institution,
    location: Location,
    repo: RepoArgument = None,
    output: Annotated[
        str,
        typer.Option(
            "--format",
            help="xlsx: a workbook for observers on location; xlsform: a form for tablets "
            "(ODK, KoboToolbox).",
            metavar="FORMAT",
        ),
    ] = "xlsx",
    cycle: Cycle = None,
    out: Out = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """A Samen-Audit observation form of one location: per theme a score and observations for
    every observer, and the agreed score after the debrief."""
    from leercyclus.cli import console
    from leercyclus.errors import UsageError
    from leercyclus.forms.audit_sheets import export_audit_form
    from leercyclus.forms.xlsform import export_xlsform

    root = repository(repo, repo_option, f"export audit {institution} {location} PATH")
    makers = {"xlsx": export_audit_form, "xlsform": export_xlsform}
    if output.lower() not in makers:
        raise UsageError(f"unknown form format '{output}'", "use --format xlsx or xlsform")
    exported = makers[output.lower()](root, institution, location, cycle, out, force=force)
    console.form_exported(exported.path, exported.rows, exported.prefilled, "theme")
    raise typer.Exit(0)


@export_app.command("deck")
def export_deck(
    institution: Institution,
    location: Location,
    repo: RepoArgument = None,
    poll_url: Annotated[
        str | None,
        typer.Option(
            "--poll-url",
            help="The https address of the conversation's poll (Mentimeter, Slido, Wooclap): "
            "the deck opens with its QR code.",
            metavar="URL",
            show_default=False,
        ),
    ] = None,
    cycle: Cycle = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="The deck's file (default: forms/INSTITUTION-LOCATION-gesprek-CYCLE.pptx in "
            "the repository, a folder git ignores); the question list goes beside it.",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    language: LanguageOption = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """The conversation deck of a location's Samen-Audit (pptx), for one conversation: with a
    QR code to its poll, and the question list (csv, xlsx) to paste into the polling tool."""
    from leercyclus.cli import console
    from leercyclus.methods.audit.deckfile import export_deck as write_deck

    check_language(language)
    root = repository(repo, repo_option, f"export deck {institution} {location} PATH")
    deck = write_deck(
        root, institution, location, cycle, out, poll=poll_url, language=language, force=force
    )
    console.deck_exported(deck.path, deck.questions, deck.qr)
    raise typer.Exit(0)


def _export(
    kind: str,
    institution: str,
    output: str,
    cycle: str | None,
    out: Path | None,
    force: bool,
    root: Path,
) -> None:
    from leercyclus.cli import console
    from leercyclus.errors import UsageError
    from leercyclus.forms import export_form

    if output.lower() != "xlsx":
        raise UsageError(f"unknown form format '{output}'", "forms are written as --format xlsx")
    exported = export_form(root, kind, institution, cycle, out, force=force)
    console.form_exported(exported.path, exported.rows, exported.prefilled)
    raise typer.Exit(0)


def import_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="The filled-in form (.xlsx), or the submissions of an audit's XLSForm as "
            "ODK Central or KoboToolbox exports them (.csv, .xlsx).",
            metavar="FILE",
            show_default=False,
        ),
    ],
    repo: RepoArgument = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Import even if the YAML file was changed after the form was exported "
            "(the form's answers win).",
            metavar="",
        ),
    ] = False,
    repo_option: RepoOption = None,
) -> None:
    """Read a filled-in form back into its YAML file, keeping the file's comments."""
    from leercyclus.cli import console
    from leercyclus.forms import import_form

    root = repository(repo, repo_option, f"import {file} PATH")
    result = import_form(file, root, force=force)
    console.form_imported(result)
    raise typer.Exit(0)
