"""`leercyclus new`: the next cycle, fill-in forms for one institution, and a story of value."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leercyclus.cli.options import (
    CycleOption,
    Force,
    InstitutionArgument,
    RepoArgument,
    RepoOption,
    repository,
)

if TYPE_CHECKING:
    from leercyclus.loading.network import CycleData, Network

app = typer.Typer(
    name="new",
    help="Start the next cycle, or write a form (self-review, visit, actions, story) to fill in.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Repo = RepoArgument
Institution = InstitutionArgument


@app.command("cycle")
def cycle(
    cycle_id: Annotated[str, typer.Argument(help="The new cycle's id, e.g. 2027.", metavar="ID")],
    repo: Repo = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="The cycle to start from (default: the newest).",
            metavar="ID",
            show_default=False,
        ),
    ] = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """The next cycle: standards carried over (the evaluation applied), participants, domains."""
    from leercyclus.cli import console
    from leercyclus.loading.network import load_network
    from leercyclus.methods.peerreview.newfiles import next_cycle, write_new

    root = repository(repo, repo_option, f"new cycle {cycle_id} PATH")
    plan = next_cycle(load_network(root), cycle_id, source, force)
    for path in write_new(root, plan.files, force):
        console.out.print(f"  wrote  {path.relative_to(root).as_posix()}", markup=False)
    evaluation = "the evaluation applied" if plan.evaluated else "no evaluation.yaml to apply"
    console.out.print(
        f"cycle {plan.cycle} from {plan.previous} ({evaluation}): "
        f"{len(plan.copied)} standards carried over, {len(plan.adjust)} marked to adjust"
        f"{_ids(plan.adjust)}, {len(plan.dropped)} dropped{_ids(plan.dropped)}",
        markup=False,
    )
    console.out.print(
        f"next: add the year's theme to cycles/{plan.cycle}/cycle.yaml (see the comment there)"
        + (", let the advisory board adjust the marked standards" if plan.adjust else "")
        + ", and run `leercyclus check`",
        markup=False,
    )
    raise typer.Exit(0)


def _ids(ids: list[str]) -> str:
    return f" ({', '.join(ids)})" if ids else ""


@app.command("self-review")
def self_review(
    institution: Institution,
    repo: Repo = None,
    cycle: CycleOption = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """A self-review form: every standard's text as comments, answers to fill in."""
    from leercyclus.methods.peerreview.skeletons import self_review_form

    root = repository(repo, repo_option, f"new self-review {institution} PATH")
    _form(self_review_form, institution, root, cycle, force)


@app.command("visit")
def visit(
    institution: Institution,
    repo: Repo = None,
    cycle: CycleOption = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """A review-day form: the team, and per standard the self-review's outcome as comments."""
    from leercyclus.methods.peerreview.skeletons import visit_form

    root = repository(repo, repo_option, f"new visit {institution} PATH")
    _form(visit_form, institution, root, cycle, force)


@app.command("actions")
def actions(
    institution: Institution,
    repo: Repo = None,
    cycle: CycleOption = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """An action-plan form, with the oesters of the review day as starting points."""
    from leercyclus.methods.peerreview.skeletons import actions_form

    root = repository(repo, repo_option, f"new actions {institution} PATH")
    _form(actions_form, institution, root, cycle, force)


@app.command("story")
def story(
    story_id: Annotated[
        str, typer.Argument(help="The story's id, e.g. drie-goede-vragen.", metavar="ID")
    ],
    repo: Repo = None,
    cycle: CycleOption = None,
    group: Annotated[
        list[str] | None,
        typer.Option(
            "--group",
            help="A group it comes from: an id of the cycle, or CYCLE/ID (repeatable).",
            metavar="GROUP",
            show_default=False,
        ),
    ] = None,
    force: Force = False,
    repo_option: RepoOption = None,
) -> None:
    """A story of value of a learning network or group: the cycles of value as comments."""
    from leercyclus.loading.network import load_network
    from leercyclus.methods.groups.newstory import story_form
    from leercyclus.methods.peerreview.newfiles import pick_cycle

    root = repository(repo, repo_option, f"new story {story_id} PATH")
    net = load_network(root)
    path, text = story_form(net, pick_cycle(net, cycle).id, story_id, group or [])
    _write(
        root,
        path,
        text,
        force,
        "fill in its title, teller, story and cycles of value (the comments say how), then run"
        " `leercyclus check`",
    )


def _form(
    make: Callable[[Network, CycleData, str], tuple[Path, str]],
    institution: str,
    root: Path,
    cycle: str | None,
    force: bool,
) -> None:
    from leercyclus.loading.network import load_network
    from leercyclus.methods.peerreview.newfiles import pick_cycle

    net = load_network(root)
    path, text = make(net, pick_cycle(net, cycle), institution)
    hint = "fill it in (the comments at its top say how) and run `leercyclus check`"
    _write(root, path, text, force, hint)


def _write(root: Path, path: Path, text: str, force: bool, then: str) -> None:
    """Write one new form (refused if it exists, unless `force`), say where, and what `then`."""
    from leercyclus.cli import console
    from leercyclus.methods.peerreview.newfiles import write_new

    write_new(root, {path: text}, force)
    console.out.print(f"  wrote  {path.relative_to(root).as_posix()}", markup=False)
    console.out.print(then, markup=False)
    raise typer.Exit(0)
