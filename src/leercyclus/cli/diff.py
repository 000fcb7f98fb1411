"""`leercyclus diff`: what changes in the standards from one cycle to the next."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leercyclus.cli.options import RepoArgument


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def command(
    cycle_a: Annotated[str, typer.Argument(help="The older cycle, e.g. 2025.")],
    cycle_b: Annotated[str, typer.Argument(help="The newer cycle, e.g. 2026.")],
    repo: RepoArgument = None,
    output: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            help="text for the terminal, markdown for a pull-request comment, json for tools.",
        ),
    ] = DiffFormat.text,
) -> None:
    """Standards added, dropped and changed between two cycles, with a word-level diff."""

    from leercyclus.cli import console
    from leercyclus.loading.network import load_network
    from leercyclus.methods.peerreview import diff
    from leercyclus.repository.listing import find_root

    net = load_network(find_root(repo))
    result = diff.compare(net, cycle_a, cycle_b)
    if output is DiffFormat.json:
        console.plain(diff.as_json(result))
    elif output is DiffFormat.markdown:
        language = net.settings.model.language if net.settings else "nl"
        console.plain(diff.as_markdown(result, language))
    else:
        console.plain(diff.as_text(result))
    raise typer.Exit(0)
