"""Arguments and options that several commands share, written once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

RepoArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The network repository (default: the nearest folder upward holding leercyclus.yaml).",
        show_default=False,
    ),
]
CycleOption = Annotated[
    str | None,
    typer.Option("--cycle", help="The cycle (default: the latest).", show_default=False),
]
InstitutionArgument = Annotated[
    str, typer.Argument(help="The institution's id, e.g. de-linde.", show_default=False)
]
