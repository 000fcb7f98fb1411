"""Arguments and options that several commands share, written once.

Every command that works on a network repository takes it the same way: as its last
positional argument REPO (default: the nearest folder upward holding leercyclus.yaml), or as
`--repo PATH`, the spelling `export` and `import` had first.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from leercyclus.cli.network import repository as repository

REPO_HELP = "The network repository (default: the nearest folder upward holding leercyclus.yaml)."

RepoArgument = Annotated[
    Path | None,
    typer.Argument(help=REPO_HELP, metavar="REPO", show_default=False),
]
RepoOption = Annotated[
    Path | None,
    typer.Option("--repo", help=REPO_HELP, metavar="PATH", show_default=False, hidden=True),
]
CycleOption = Annotated[
    str | None,
    typer.Option(
        "--cycle", help="The cycle (default: the latest).", metavar="ID", show_default=False
    ),
]
InstitutionArgument = Annotated[
    str,
    typer.Argument(
        help="The institution's id, e.g. de-linde.", metavar="INSTITUTION", show_default=False
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help="Replace files that already exist.", metavar="")
]


class TextOrJson(StrEnum):
    """`--format` of a command that shows something: text for people, json for tools."""

    text = "text"
    json = "json"


TextOrJsonOption = Annotated[
    TextOrJson,
    typer.Option("--format", help="text for people, json for tools.", metavar="FORMAT"),
]
LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--language",
        help="nl or en (default: the language of leercyclus.yaml).",
        metavar="nl|en",
        show_default=False,
    ),
]


def check_language(language: str | None) -> None:
    """Refuse a --language other than nl or en (None: the network's own)."""
    from leercyclus.errors import UsageError

    if language not in (None, "nl", "en"):
        raise UsageError(f"unknown language '{language}'", "use --language nl or --language en")


def tidy_help(command: Any) -> None:
    """No type after flags in --help (`--help <bool>`, with typer's newer help panels). The
    command is click's (typer up to 0.2x) or typer's own copy of click (newer typer)."""
    original = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None and option.metavar is None:
            option.metavar = ""
        return option

    command.get_help_option = get_help_option
    for sub in getattr(command, "commands", {}).values():
        tidy_help(sub)
