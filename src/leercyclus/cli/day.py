"""`leercyclus day`: the national day for the network office (the seating at the tables)."""

from __future__ import annotations

import typer

from leercyclus.cli.options import (
    CycleOption,
    RepoArgument,
    RepoOption,
    TextOrJson,
    TextOrJsonOption,
    repository,
)

app = typer.Typer(
    name="day",
    help="The national day (landelijke dag): who sits at which table.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command("assign")
def assign(
    repo: RepoArgument = None,
    cycle: CycleOption = None,
    output: TextOrJsonOption = TextOrJson.text,
    repo_option: RepoOption = None,
) -> None:
    """Show how the participants of the cycle's national-day.yaml are spread over its tables
    (institutions and disciplines mixed). For the network office only: it names people; the
    handouts only count them. Nothing is written."""
    from leercyclus.cli import console
    from leercyclus.commands.pipeline import check
    from leercyclus.errors import UsageError
    from leercyclus.loading.network import choose_cycle
    from leercyclus.methods.nationalday.day import day_of
    from leercyclus.methods.nationalday.seating import seating, seating_json, seating_text

    root = repository(repo, repo_option, "day assign PATH")
    result = check(root)
    data = choose_cycle(result.network, cycle)
    loaded = day_of(result.network, data.id)
    if loaded is None:
        raise UsageError(
            f"cycle {data.id} has no valid national-day.yaml",
            f"write cycles/{data.id}/national-day.yaml (docs/national-day.md), and run"
            " `leercyclus check` if it is there",
        )
    seats = seating(result.network, loaded.model)
    if output is TextOrJson.json:
        console.status_json(seating_json(loaded.model, seats))
    else:
        console.plain(seating_text(loaded.model, seats))
    raise typer.Exit(0)
