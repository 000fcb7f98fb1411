"""Arguments and options that several commands share, written once.

Every command that works on a network repository takes it the same way: as its last
positional argument REPO (default: the nearest folder upward holding leercyclus.yaml), or as
`--repo PATH`, the spelling `export` and `import` had first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

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


def repository(argument: Path | None, option: Path | None, usage: str) -> Path:
    """The repository root, from REPO or --repo; `usage` shows the command with REPO named."""
    from leercyclus.errors import UsageError
    from leercyclus.repository.listing import find_root

    if argument is not None and option is not None and argument != option:
        raise UsageError(
            f"two repositories given: {argument} and --repo {option}", "give one of the two"
        )
    start = argument if argument is not None else option
    try:
        root = find_root(start)
    except UsageError as exc:
        if start is not None:
            raise
        raise UsageError(
            exc.message,
            f"run the command inside a network repository, or name it: `leercyclus {usage}`",
        ) from None
    from leercyclus.cli import console

    console.speak(network_language(root))
    return root


def network_language(root: Path) -> str:
    """The `language` of leercyclus.yaml: nl when it says nothing or cannot be read (check
    says why)."""
    from leercyclus.cli.messages import TABLES
    from leercyclus.repository.listing import SETTINGS
    from leercyclus.repository.yamlread import YamlProblem, load_text

    try:
        settings = load_text((root / SETTINGS).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return "nl"
    language = settings.get("language") if isinstance(settings, dict) else None
    return language if isinstance(language, str) and language in TABLES else "nl"


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
