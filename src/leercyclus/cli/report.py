"""`leercyclus report`: build the institution reports and the national report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leercyclus.cli.options import (
    CycleOption,
    LanguageOption,
    RepoArgument,
    RepoOption,
    check_language,
    repository,
)


def command(
    repo: RepoArgument = None,
    cycle: CycleOption = None,
    institution: Annotated[
        list[str] | None,
        typer.Option(
            "--institution",
            help="Only this institution's report; repeat for more (default: every participant).",
            metavar="ID",
            show_default=False,
        ),
    ] = None,
    national: Annotated[
        bool,
        typer.Option("--national/--no-national", help="Build the national report too.", metavar=""),
    ] = True,
    formats: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Comma-separated: md, html, docx, pdf (default: the formats of leercyclus.yaml).",
            metavar="FORMATS",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Output folder (default: build/ in REPO).",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Rebuild every output, changed or not.", metavar=""),
    ] = False,
    language: LanguageOption = None,
    repo_option: RepoOption = None,
) -> None:
    """Build the confidential institution reports and the anonymous national report."""
    from leercyclus.cli import console
    from leercyclus.commands.pipeline import build_reports, check, prepare_reports
    from leercyclus.errors import Interrupted
    from leercyclus.methods.peerreview.reports import ReportRequest, parse_formats

    check_language(language)
    root = repository(repo, repo_option, "report PATH")
    request = ReportRequest(
        cycle=cycle,
        institutions=tuple(institution or ()),
        national=national,
        formats=parse_formats(formats),
        out=out.absolute() if out else None,  # a link inside the repository is refused
        language=language,
    )
    prepare_reports(request)
    try:
        with console.status("checking the data"):
            result = check(root)
        if not result.ok:
            console.findings_text(result.errors, result.network.file_count, strict=False)
        with console.progress("building reports") as step:
            outputs = build_reports(result, request, step, force=force)
    except (Interrupted, KeyboardInterrupt):
        raise Interrupted(
            console.say("interrupted: the build was stopped and nothing was written")
        ) from None
    console.written(outputs, Path.cwd())
    raise typer.Exit(0)
