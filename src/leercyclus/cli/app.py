"""The typer application: every command, each from its own small module."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from leercyclus.cli import check, day, new, report
from leercyclus.cli import diff as diff_cmd
from leercyclus.cli import forms as forms_cmd
from leercyclus.cli import groups as groups_cmd
from leercyclus.cli import indicators as indicators_cmd
from leercyclus.cli import init as init_cmd
from leercyclus.cli import schema as schema_cmd
from leercyclus.cli import status as status_cmd
from leercyclus.cli.options import tidy_help

app = typer.Typer(
    name="leercyclus",
    help="Keep a quality network's learning cycle in git: check it and build its reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(show: bool) -> None:
    if show:
        from leercyclus import __version__

        sys.stdout.write(f"leercyclus {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _network(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show leercyclus's version and exit.",
            callback=_version,
            is_eager=True,
            metavar="",
        ),
    ] = False,
) -> None:
    """Keep a quality network's learning cycle in git: check it and build its reports."""


app.command("check")(check.command)
app.command("report")(report.command)
app.command("schema")(schema_cmd.command)
app.command("init")(init_cmd.command)
app.add_typer(new.app, name="new")
app.command("diff")(diff_cmd.command)
app.command("status")(status_cmd.command)
app.add_typer(forms_cmd.export_app, name="export")
app.command("import")(forms_cmd.import_command)
app.add_typer(groups_cmd.app, name="groups")
app.add_typer(indicators_cmd.app, name="indicators")
app.add_typer(day.app, name="day")


def command() -> Any:
    """The application as the command-line library runs it, its help tidied."""
    built = typer.main.get_command(app)
    tidy_help(built)
    return built
