"""`leercyclus report`: build the institution reports and the national report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leercyclus.cli.options import CycleOption, RepoArgument


def command(
    repo: RepoArgument = None,
    cycle: CycleOption = None,
    institution: Annotated[
        list[str] | None,
        typer.Option(
            "--institution",
            help="Only this institution's report; repeat for more (default: every participant).",
        ),
    ] = None,
    national: Annotated[
        bool, typer.Option("--national/--no-national", help="Build the national report too.")
    ] = True,
    formats: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Comma-separated: md, html, docx, pdf (default: the formats of leercyclus.yaml).",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder (default: build/ in REPO).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild every output, changed or not.")
    ] = False,
    language: Annotated[
        str | None,
        typer.Option("--language", help="nl or en (default: the language of leercyclus.yaml)."),
    ] = None,
) -> None:
    """Build the confidential institution reports and the anonymous national report."""
    from leercyclus.cli import console
    from leercyclus.commands.pipeline import build_reports, check, prepare_reports
    from leercyclus.errors import UsageError
    from leercyclus.methods.peerreview.reports import ReportRequest, parse_formats
    from leercyclus.repository.listing import find_root

    if language not in (None, "nl", "en"):
        raise UsageError(f"unknown language '{language}'", "use --language nl or --language en")
    root = find_root(repo)
    request = ReportRequest(
        cycle=cycle,
        institutions=tuple(institution or ()),
        national=national,
        formats=parse_formats(formats),
        out=out.resolve() if out else None,
        language=language,
    )
    prepare_reports(request)
    with console.status("checking the data"):
        result = check(root)
    if not result.ok:
        console.findings_text(result.errors, result.network.file_count, strict=False)
    with console.progress("building reports") as step:
        outputs = build_reports(result, request, step, force=force)
    console.written(outputs, Path.cwd())
    raise typer.Exit(0)
