"""All terminal output: the only module that imports rich."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape as _markup_escape

if TYPE_CHECKING:
    from leercyclus.forms import ImportResult
    from leercyclus.methods.audit.status import AuditRow
    from leercyclus.methods.groups.status import GroupState
    from leercyclus.methods.improvement.status import Row as ImprovementRow
    from leercyclus.methods.nationalday.status import Row as DayRow
    from leercyclus.methods.peerreview.status import CycleStatus
    from leercyclus.publishing.build import Output
    from leercyclus.repository.findings import Finding

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters that steer a terminal or a log viewer instead of showing: escape sequences, a
carriage return that overwrites the line, and the marks that reverse the order of text."""
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character shown as '�', never acted upon; with `one_line`,
    line breaks become spaces (a file name or message must not fake a line of its own)."""
    if one_line:
        text = _LINE_BREAKS.sub(" ", text)
    return _CONTROL.sub("\ufffd", text)


def escape(text: str, *, one_line: bool = False) -> str:
    """Text from the data for rich: printable, and no rich markup of its own."""
    return _markup_escape(printable(text, one_line=one_line))


def _json(payload: object, indent: int | None = 2) -> str:
    """JSON in which no character can steer a terminal: C1 controls and the like as escapes."""
    text = json.dumps(payload, ensure_ascii=False, indent=indent)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_language = "nl"


def speak(language: str) -> None:
    """Say what follows in `language` (the network's); nl until a repository is known."""
    global _language
    _language = language


def say(text: str, **values: object) -> str:
    """`text` (English, with {fields}) in the network's language."""
    from leercyclus.cli.messages import translate

    return translate(text, _language, **values)


def _said(finding: Finding) -> str:
    """A finding's message in the network's language (JSON for tools stays English)."""
    from leercyclus.cli.messages import translate_finding

    return translate_finding(finding.message, _language)


def error(message: str, hint: str | None = None) -> None:
    """An error the user can fix, on stderr."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    if hint:
        err.print(f"[dim]hint:[/] {escape(hint)}")


def interrupted(message: str = "interrupted") -> None:
    """Ctrl-C: one line, no traceback."""
    err.print(f"[yellow]{escape(say(message))}[/]")


def bug(exc: BaseException) -> None:
    """An internal error: short, with how to get the details."""
    err.print(
        f"[bold red]internal error:[/] {escape(type(exc).__name__)}: {escape(str(exc))}\n"
        "This is a bug in leercyclus, not in your data. Run again with LEERCYCLUS_DEBUG=1 "
        "for the details, and report it with that output."
    )


def findings_text(findings: Sequence[Finding], files: int, strict: bool) -> None:
    """Findings grouped per file, then a summary line."""
    for file, group in groupby(findings, key=lambda f: f.file):
        out.print(f"[bold]{escape(file, one_line=True)}[/]")
        for f in group:
            colour = "red" if f.severity == "error" else "yellow"
            where = f"{f.line}:{f.column}"
            out.print(
                f"  [dim]{where:>7}[/]  [{colour}]{f.severity:<7}[/] [dim]{f.code}[/]  "
                f"{escape(_said(f), one_line=True)}"
            )
        out.print()
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    bad_files = len({f.file for f in findings})
    if not findings:
        out.print(
            "[green]✓[/]"
            + escape(say("✓ {files} files checked: no errors, no warnings", files=files))[1:]
        )
        return
    mark = "[red]✗[/]" if errors else "[yellow]![/]"
    note = say(" (--strict: warnings count as errors)") if strict else ""
    counts = say(
        "{errors}, {warnings} in {bad} of {files} files",
        errors=_said_count(errors, "error"),
        warnings=_said_count(warnings, "warning"),
        bad=bad_files,
        files=files,
    )
    out.print(f"{mark} {escape(counts + note)}")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _said_count(n: int, word: str) -> str:
    """ "1 error", "3 errors", in the network's language."""
    return say(f"1 {word}") if n == 1 else say(f"{{n}} {word}s", n=n)


def findings_json(findings: Sequence[Finding]) -> None:
    """One JSON array on stdout, one object per finding."""
    sys.stdout.write(_json([f.as_json() for f in findings]))
    sys.stdout.write("\n")


def findings_gitlab(findings: Sequence[Finding], root: Path) -> None:
    """A GitLab code-quality report: one JSON array; the fingerprint includes the location."""
    import hashlib

    prefix = _prefix(root)
    report = []
    for f in findings:
        identity = f"{prefix}{f.file}:{f.line}:{f.column}:{f.code}:{f.message}"
        report.append(
            {
                "description": f"{f.code}: {_said(f)}",
                "check_name": f.code,
                "fingerprint": hashlib.sha256(identity.encode()).hexdigest(),
                "severity": "major" if f.severity == "error" else "minor",
                "location": {"path": f"{prefix}{f.file}", "lines": {"begin": f.line}},
            }
        )
    sys.stdout.write(_json(report) + "\n")


def findings_github(findings: Sequence[Finding], root: Path) -> None:
    """GitHub Actions workflow commands; paths relative to the current folder (the workspace).

    Every value is escaped by GitHub's rules, so no file name or message can end the command
    and start one of its own: '%', CR and LF in the message; also ':' and ',' in properties."""
    prefix = _prefix(root)
    for f in findings:
        level = "error" if f.severity == "error" else "warning"
        file = _gh_property(f"{prefix}{f.file}")
        sys.stdout.write(
            f"::{level} file={file},line={f.line},col={f.column},"
            f"title={_gh_property(f.code)}::{_gh_escape(_said(f))}\n"
        )


def _prefix(root: Path) -> str:
    try:
        rel = root.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel + "/"


def _gh_escape(text: str) -> str:
    """A workflow command's message: GitHub's escapes, and no character that steers the log."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped, one_line=True)


def _gh_property(text: str) -> str:
    """A workflow command's property value (file, title): also ':' and ','."""
    return _gh_escape(text).replace(":", "%3A").replace(",", "%2C")


@contextmanager
def status(message: str) -> Iterator[None]:
    """A spinner on stderr while something takes a moment (nothing when not a terminal)."""
    if not err.is_terminal:
        yield
        return
    with err.status(escape(say(message))):
        yield


class _Bar:
    """`report`'s progress bar on stderr; on a pipe or in CI only the notes are printed."""

    def __init__(self, message: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar: Progress | None = None
        if err.is_terminal:  # a disabled rich Progress still prints an empty line at its end
            self.bar = Progress(
                TextColumn(escape(say(message))),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}", style="dim"),
                console=err,
                transient=True,
                auto_refresh=False,  # no refresh thread: workers are forked while the bar is up
            )
            self.task = self.bar.add_task("", total=None)

    def start(self, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, total=total)

    def advance(self, name: str) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=escape(say(name)))
            self.bar.refresh()

    def note(self, text: str) -> None:
        """A line above the bar; the bar shows it too while the next step runs."""
        text = say(text)
        err.print(f"[dim]{escape(text)}[/]")
        if self.bar is not None:
            self.bar.update(self.task, description=escape(text))
            self.bar.refresh()


@contextmanager
def progress(message: str) -> Iterator[_Bar]:
    """A progress bar for the duration of the block."""
    bar = _Bar(message)
    if bar.bar is None:
        yield bar
        return
    with bar.bar:
        yield bar


def written(outputs: Sequence[Output], base: Path) -> None:
    """What was written: a row per file, or per scope and format when there are many."""
    from collections import Counter

    from rich.table import Table

    rebuilt = [o for o in outputs if o.rebuilt]
    table = Table(title=say("Written"), title_justify="left", show_edge=False, pad_edge=False)
    if len(rebuilt) <= 20:
        for column in ("report", "scope", "format"):
            table.add_column(say(column))
        table.add_column(say("size"), justify="right")
        table.add_column(say("file"))
        for o in rebuilt:
            size = f"{o.path.stat().st_size / 1024:.0f} KB"
            name = o.institution or say("national")
            table.add_row(escape(name), o.scope, o.format, size, escape(str(_shown(o.path, base))))
    else:
        table.add_column(say("scope"))
        table.add_column(say("format"))
        table.add_column(say("files"), justify="right")
        table.add_column(say("size"), justify="right")
        counts = Counter((o.scope, o.format) for o in rebuilt)
        sizes: Counter[tuple[str, str]] = Counter()
        for o in rebuilt:
            sizes[(o.scope, o.format)] += o.path.stat().st_size
        for (scope, fmt), count in counts.items():
            table.add_row(scope, fmt, str(count), f"{sizes[(scope, fmt)] / 2**20:.1f} MB")
    if rebuilt:
        out.print(table)
        if len(rebuilt) > 20:
            folder = Path(os.path.commonpath([o.path for o in rebuilt]))
            out.print(escape(say("in {folder}/", folder=_shown(folder, base))))
    same = len(outputs) - len(rebuilt)
    note = say("; {n} unchanged (use --force to rebuild them)", n=same) if same else ""
    done = say("✓ {files} written", files=_said_count(len(rebuilt), "file"))
    out.print(f"[green]✓[/]{escape(done[1:] + note)}")


def _shown(path: Path, base: Path) -> Path:
    try:
        return path.relative_to(base)
    except ValueError:
        return path


def status_text(status: CycleStatus) -> None:
    """The status of a cycle: a note on data errors, a table per participant, the milestones."""
    from rich.table import Table

    if status.errors or status.warnings:
        mark = "[red]✗[/]" if status.errors else "[yellow]![/]"
        shown = say("; the table shows what could be read") if status.errors else ""
        said = say(
            "the data has {errors} and {warnings}: run `leercyclus check` to see them",
            errors=_said_count(status.errors, "error"),
            warnings=_said_count(status.warnings, "warning"),
        )
        out.print(f"{mark} {said}{shown}\n")
    title = say("Cycle {cycle}", cycle=status.cycle) + (f": {status.title}" if status.title else "")
    out.print(f"[bold]{escape(title)}[/]")
    table = Table(show_edge=False, pad_edge=False)
    for heading in ("participant", "self-review", "no expl.", "completed", "review day", "team"):
        table.add_column(say(heading), justify="right" if heading == "no expl." else "left")
    table.add_column(say("reports"))
    table.add_column(say("actions open"), justify="right")
    table.add_column(say("overdue"), justify="right")
    for p in status.participants:
        sr, visit, actions = p.self_review, p.visit, p.actions
        readable = sr.state in ("completed", "in_progress")
        planned = say(" (planned)") if visit.state == "planned" else ""
        day = visit.date + planned if visit.date else ""
        team = (
            say("complete")
            if visit.team_complete
            else ", ".join(say("no {role}", role=say(r)) for r in visit.team_lacks)
        )
        has_actions = actions.state == "present"
        table.add_row(
            escape(p.institution),
            f"{sr.answered}/{sr.standards}" if readable else _state(sr.state),
            str(sr.explanations_missing) if readable else "",
            sr.completed or (say("in progress") if readable else ""),
            day or _state(visit.state),
            (team if visit.team_complete else f"[yellow]{team}[/]") if visit.date else "",
            " ".join(p.reports) or "[dim]—[/]",
            str(actions.open) if has_actions else _state(actions.state),
            (f"[red]{actions.overdue}[/]" if actions.overdue else "0") if has_actions else "",
        )
    # a terminal wraps the table to its width; a file or pipe gets it whole, one line per row
    (out if out.is_terminal else Console(highlight=False, width=200)).print(table)
    out.print(f"\n[bold]{say('Milestones')}[/] [dim]({say('as of {day}', day=status.today)})[/]")
    for m in status.milestones:
        mark = "[green]✓[/]" if m.of and m.done == m.of else "[dim]·[/]"
        if m.name == "standards":
            shown = say("{n} standards", n=m.done)
        elif m.name in ("national report", "evaluation"):
            shown = say("done") if m.done else say("not yet")
        else:
            shown = f"{m.done}/{m.of}"
        due = ""
        if m.due:
            late = f", [red]{say('late')}[/]" if m.late else ""
            due = "  " + say("due {day}", day=m.due) + late
        out.print(f"  {mark} {m.step} {say(m.name):<20} {shown}{due}")


def audit_status_text(rows: Sequence[AuditRow]) -> None:
    """The Samen-Audit's rows: per audited location its team conversation, open escalations and
    agreements."""
    from rich.table import Table

    out.print("\n[bold]Samen-Audit[/]")
    table = Table(show_edge=False, pad_edge=False)
    for heading in ("location", "audited", "team conversation", "escalations open"):
        table.add_column(say(heading))
    table.add_column(say("agreements open"), justify="right")
    table.add_column(say("overdue"), justify="right")
    colours = {"discussed": "", "due": "dim", "late": "yellow", "missing": "red"}
    for row in rows:
        team = {"discussed": row.team_date, "late": say("late: {day}", day=row.team_date)}.get(
            row.team, say("{state} (by {day})", state=say(row.team), day=row.team_due)
        )
        colour = colours[row.team]
        table.add_row(
            escape(f"{row.institution}/{row.location}"),
            row.audited,
            f"[{colour}]{team}[/]" if colour else str(team),
            escape(", ".join(row.escalations_open)) or "0",
            str(row.agreements_open),
            f"[red]{row.agreements_overdue}[/]" if row.agreements_overdue else "0",
        )
    (out if out.is_terminal else Console(highlight=False, width=200)).print(table)


def groups_status_text(groups: Sequence[GroupState]) -> None:
    """Where each group stands: meetings against the plan, action points, due for rotation."""
    from rich.table import Table

    out.print(f"\n[bold]{say('Groups')}[/]")
    table = Table(show_edge=False, pad_edge=False)
    for heading in ("group", "kind", "meetings", "actions open", "overdue", "rotation"):
        table.add_column(
            say(heading), justify="right" if heading in ("actions open", "overdue") else "left"
        )
    for g in groups:
        meetings = f"{g.meetings}/{g.planned}" if g.planned else str(g.meetings)
        table.add_row(
            escape(g.group),
            say(g.kind.replace("_", " ")),
            f"[yellow]{say('{n} behind', n=meetings)}[/]" if g.behind else meetings,
            str(g.open_actions),
            f"[red]{g.overdue_actions}[/]" if g.overdue_actions else "0",
            f"[yellow]{say('due')}[/]" if g.rotate else "",
        )
    (out if out.is_terminal else Console(highlight=False, width=200)).print(table)


def _state(state: str) -> str:
    colour = {"missing": "dim", "invalid": "red"}.get(state, "")
    return f"[{colour}]{say(state)}[/]" if colour else say(state)


def improvement_text(rows: Sequence[ImprovementRow]) -> None:
    """The improvement cycles' follow-ups: overdue steps and checks, missing figures."""
    if not rows:
        return
    from rich.table import Table

    out.print(f"\n[bold]{say('Improvement cycles')}[/]")
    table = Table(show_edge=False, pad_edge=False)
    for heading in ("institution", "what", "project, indicator or document", "since"):
        table.add_column(say(heading))
    for r in rows:
        what = say(r.what)
        detail = r.detail if r.cycle is None else f"{say('cycle')} {r.cycle}, {r.detail}"
        table.add_row(escape(r.institution), f"[yellow]{what}[/]", escape(r.subject), detail)
    (out if out.is_terminal else Console(highlight=False, width=200)).print(table)


def national_day_text(rows: Sequence[DayRow]) -> None:
    """What the national day still asks of the network office, one line each."""
    from leercyclus.methods.nationalday.status import ADVICE

    lines = ["", say("National day")]
    for r in rows:
        detail = f" ({say(r.detail) if r.detail in ADVICE else r.detail})" if r.detail else ""
        lines.append(f"  {r.cycle}  {say(r.what)}: {r.subject}{detail}")
    plain("\n".join(lines) + "\n")


def status_json(payload: dict[str, object]) -> None:
    """One JSON object on stdout."""
    sys.stdout.write(_json(payload))
    sys.stdout.write("\n")


def plain(text: str) -> None:
    """Text for the terminal or a file as it is (tabs and line breaks kept), every other
    control character shown, never acted upon."""
    sys.stdout.write(printable(text))


def form_exported(path: Path, rows: int, prefilled: int, unit: str = "standard") -> None:
    """What `export` wrote: `rows` of `unit` (standard, theme), `prefilled` already answered."""
    try:
        shown = path.relative_to(Path.cwd())
    except ValueError:
        shown = path
    already = f", {prefilled} already answered" if prefilled else ""
    out.print(f"[green]✓[/] wrote {escape(str(shown))}: {_count(rows, unit)}{already}")


def deck_exported(path: Path, questions: list[Path], qr: bool | None) -> None:
    """What `export deck` wrote; a note when the poll's QR code could not be drawn."""
    out.print(f"[green]✓[/] wrote {escape(str(_shown(path, Path.cwd())))}")
    for item in questions:
        out.print(f"  question list: {escape(str(_shown(item, Path.cwd())))}")
    if qr is False:
        note = (
            "the deck shows the poll's address but no QR code: the optional package segno is "
            "not installed (pip install 'leercyclus[qr]')"
        )
        out.print(f"[yellow]![/] {escape(note)}")


def form_imported(result: ImportResult) -> None:
    """What `import` changed in the YAML file, and what is still open."""
    name = escape(result.form.name)
    if not result.written:
        out.print(f"[green]✓[/] {name}: nothing changed in {escape(result.target)}")
    else:
        verb = "created" if result.created else "updated"
        out.print(
            f"[green]✓[/] {name}: {verb} {escape(result.target)} "
            f"({_count(len(result.changes), 'change')})"
        )
        for subject, what in result.changes:
            out.print(f"  {escape(subject):<14} {escape(what)}")
    for note in result.notes:
        out.print(f"[yellow]![/] {escape(note)}")
