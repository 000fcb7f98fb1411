"""`leercyclus status`: where the cycle stands, per participant, and its milestones."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from leercyclus.cli.options import (
    CycleOption,
    RepoArgument,
    RepoOption,
    TextOrJson,
    TextOrJsonOption,
    repository,
)

if TYPE_CHECKING:
    pass


def command(
    repo: RepoArgument = None,
    cycle: CycleOption = None,
    output: TextOrJsonOption = TextOrJson.text,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Count as if it were this date (YYYY-MM-DD).", hidden=True),
    ] = None,
    repo_option: RepoOption = None,
) -> None:
    """Show per participant what is done in the cycle, and the cycle's milestones."""
    from leercyclus.cli import console
    from leercyclus.commands.pipeline import check, every_action_source
    from leercyclus.errors import UsageError
    from leercyclus.loading.network import choose_cycle
    from leercyclus.methods.audit.status import audit_status
    from leercyclus.methods.improvement.status import improvement_rows
    from leercyclus.methods.peerreview.status import cycle_status

    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        raise UsageError(f"--today '{today}' is not a date", "write it as YYYY-MM-DD") from None
    root = repository(repo, repo_option, "status PATH")
    result = check(root, today=day)
    data = choose_cycle(result.network, cycle)
    status = cycle_status(
        result.network,
        data,
        day,
        root / "build",
        errors=len(result.errors),
        warnings=len(result.warnings),
    )
    from leercyclus.methods.groups.status import group_status
    from leercyclus.methods.nationalday.status import day_rows

    follow_up = improvement_rows(result.network, day)
    day_follow_up = day_rows(result.network, data.id, day, every_action_source(result.network))
    audits = audit_status(result.network, data.id, day)
    groups = group_status(result.network, data.id, day)
    if output is TextOrJson.json:
        payload = {**status.as_json(), "improvement": [r.as_json() for r in follow_up]}
        if audits:
            payload["audit"] = [row.as_json() for row in audits]
        if groups:
            payload["groups"] = [g.as_json() for g in groups]
        if day_follow_up:
            payload["national_day"] = [r.as_json() for r in day_follow_up]
        console.status_json(payload)
    else:
        console.status_text(status)
        console.improvement_text(follow_up)
        if audits:
            console.audit_status_text(audits)
        if groups:
            console.groups_status_text(groups)
        if day_follow_up:
            console.national_day_text(day_follow_up)
    raise typer.Exit(0)
