"""`leercyclus check`: validate the repository and report every finding."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leercyclus.cli.options import RepoArgument, RepoOption, repository
from leercyclus.cli.warm import show


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


def command(
    repo: RepoArgument = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings as errors.", metavar="")
    ] = False,
    output: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            help="text for people, json for tools, github for GitHub Actions annotations, "
            "gitlab for a GitLab code-quality report.",
            metavar="FORMAT",
        ),
    ] = CheckFormat.text,
    cycle: Annotated[
        str | None,
        typer.Option(
            "--cycle",
            help="Only this cycle's files, with the files every cycle shares (default: every "
            "cycle).",
            metavar="ID",
            show_default=False,
        ),
    ] = None,
    repo_option: RepoOption = None,
) -> None:
    """Check every file of the repository and the rules across files."""
    from leercyclus.commands.pipeline import check_summary

    root = repository(repo, repo_option, "check PATH")
    result = check_summary(root, strict_mode=strict, cycle=cycle)
    raise typer.Exit(show(result, root, output.value, strict))
