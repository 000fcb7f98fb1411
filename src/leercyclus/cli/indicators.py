"""`leercyclus indicators`: import a registry's figures into a series; draw an indicator's chart."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leercyclus.cli.options import (
    LanguageOption,
    RepoArgument,
    RepoOption,
    check_language,
    repository,
)

app = typer.Typer(
    name="indicators",
    help="Indicators: import a period's figures, draw a chart with its signals.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

IndicatorOption = Annotated[
    str,
    typer.Option("--indicator", help="The indicator's id (indicators/<id>.yaml).", metavar="ID"),
]


@app.command("import")
def import_command(
    file: Annotated[
        Path,
        typer.Argument(help="The export: CSV (comma or semicolon) or .xlsx.", metavar="FILE"),
    ],
    indicator: IndicatorOption,
    repo: RepoArgument = None,
    repo_option: RepoOption = None,
) -> None:
    """Append the figures of FILE (a Perined or spreadsheet export: period, institution,
    numerator, denominator) to indicators/data/<ID>.csv, checked as `check` checks it."""
    from leercyclus.loading.network import load_network
    from leercyclus.methods.improvement.importing import import_figures

    root = repository(repo, repo_option, f"indicators import FILE --indicator {indicator} PATH")
    done = import_figures(load_network(root), file, indicator)
    periods = ", ".join(done.periods) or "none"
    typer.echo(f"{done.added} row(s) added to {done.target} (periods: {periods})")
    if done.already:
        typer.echo(f"{done.already} row(s) were there already, with the same figures: skipped")
    for message in done.warnings:
        typer.echo(f"warning: {message}", err=True)
    raise typer.Exit(0)


@app.command("chart")
def chart_command(
    indicator: Annotated[str, typer.Argument(help="The indicator's id.", metavar="ID")],
    repo: RepoArgument = None,
    institution: Annotated[
        str | None,
        typer.Option("--institution", help="Only this institution.", metavar="ID"),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Output folder (default: build/ in REPO).", metavar="DIR"),
    ] = None,
    png: Annotated[bool, typer.Option("--png", help="Also write a PNG.", metavar="")] = False,
    language: LanguageOption = None,
    repo_option: RepoOption = None,
) -> None:
    """Write the chart of indicator ID per institution to indicators/<institution>/<ID>.svg in
    the build folder (each institution's own: confidential) and print its signals."""
    from leercyclus.loading.network import load_network
    from leercyclus.methods.improvement.chartfiles import write_charts

    check_language(language)
    root = repository(repo, repo_option, f"indicators chart {indicator} PATH")
    target = out.absolute() if out else root / "build"
    net = load_network(root)
    chosen = language or (net.settings.model.language if net.settings is not None else "nl")
    for found in write_charts(net, indicator, institution, target, png=png, language=chosen):
        view = found.view
        typer.echo(f"{found.institution}: {view.title} - {view.chart}")
        typer.echo(f"  latest: {view.latest}; target: {view.target}")
        for line in view.signals:
            typer.echo(f"  signal: {line}")
        if not view.signals:
            typer.echo("  no signal")
        for caution in view.cautions:
            typer.echo(f"  caution: {caution}")
        for path in found.files:
            typer.echo(f"  written (confidential, for {found.institution} only): {path}")
    raise typer.Exit(0)
