"""`leercyclus check`: validate the repository and report every finding."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leercyclus.cli.options import RepoArgument


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"


def command(
    repo: RepoArgument = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    output: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            help="text for people, json for tools, github for GitHub Actions annotations, "
            "gitlab for a GitLab code-quality report.",
        ),
    ] = CheckFormat.text,
) -> None:
    """Check every file of the repository and the rules across files."""
    from leercyclus.cli import console
    from leercyclus.commands.pipeline import check_summary
    from leercyclus.repository.listing import find_root

    root = find_root(repo)
    result = check_summary(root, strict_mode=strict)
    if output is CheckFormat.json:
        console.findings_json(result.findings)
    elif output is CheckFormat.github:
        console.findings_github(result.findings, root)
    elif output is CheckFormat.gitlab:
        console.findings_gitlab(result.findings, root)
    else:
        console.findings_text(result.findings, result.files, strict)
    raise typer.Exit(0 if result.ok else 1)
