"""New files in a network repository: the next cycle from the last, and helpers to write files."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leercyclus.errors import DataError, OutputError, UsageError
from leercyclus.loading.network import CycleData, Network, natural_key
from leercyclus.methods.peerreview.formtexts import words_for
from leercyclus.models import Standard
from leercyclus.models.common import STANDARD_ID
from leercyclus.models.cycle import Milestones
from leercyclus.repository.listing import CYCLES
from leercyclus.repository.yamlio import (
    comment_before,
    drop_comments_above,
    drop_with_comments,
    dump_body,
    insert,
    read_for_edit,
    same_style,
)
from leercyclus.repository.yamlread import YamlProblem, load_text
from leercyclus.rules.schema import DEFAULT_FOLDER, KINDS

WIDTH = 98
"""Where comment lines are wrapped."""


def modeline(rel: str, kind: str) -> str:
    """The first line of a YAML file: its JSON Schema, relative to the file, for the editor."""
    schema = f"{DEFAULT_FOLDER}/{KINDS[kind].file}"
    return f"# yaml-language-server: $schema={posixpath.relpath(schema, posixpath.dirname(rel))}"


def scalar(text: str) -> str:
    """A text as a YAML value: plain where it reads back unchanged, else double-quoted."""
    import json

    try:
        plain = "#" not in text and load_text(f"k: {text}") == {"k": text}
    except YamlProblem:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def one_line(text: object) -> str:
    """A value for a generated comment line: every line break YAML knows (also CR, NEL and the
    Unicode separators) becomes a space, so a value never writes a line of its own."""
    return " ".join(str(text).split())


def comment(
    text: str, indent: str = "", lead: str = "", hang: str | None = None, width: int = WIDTH
) -> list[str]:
    """Free text as wrapped comment lines: `lead` after the '# ' on the first line of a
    paragraph, `hang` (default: `lead`) on the lines after it; paragraphs apart by a '#'."""
    first, rest = f"{indent}# {lead}", f"{indent}# {lead if hang is None else hang}"
    lines: list[str] = []
    for n, paragraph in enumerate(re.split(r"\n\s*\n", text.strip())):
        if n:
            lines.append(f"{indent}#")
        wrapped = textwrap.wrap(
            " ".join(paragraph.split()),
            width,
            initial_indent=first,
            subsequent_indent=rest,
        )
        lines += [line.rstrip() for line in wrapped] or [first.rstrip()]
    return lines


def write_new(root: Path, files: dict[Path, str], force: bool) -> list[Path]:
    """Write every file, after checking that none exists (unless `force`): all are staged first,
    then each is renamed into place, so a failure leaves nothing half-written."""
    from leercyclus.repository.write import publish, staging, write_text

    existing = [p for p in files if p.exists()]
    if existing and not force:
        shown = ", ".join(p.relative_to(root).as_posix() for p in existing[:5])
        more = f" and {len(existing) - 5} more" if len(existing) > 5 else ""
        one = len(existing) == 1
        raise UsageError(
            f"{shown}{more} already exist{'s' if one else ''}: nothing was written",
            f"add --force to replace {'it' if one else 'them'}",
        )
    for path in existing:
        if not path.is_file():
            raise UsageError(f"{path.relative_to(root).as_posix()} is a folder, not a file")
    with staging(root) as stage:
        try:
            staged = [write_text(stage / p.relative_to(root), text) for p, text in files.items()]
        except OSError as exc:
            raise OutputError(f"cannot write into {root}: {exc.strerror or exc}") from None
        return publish(staged, stage, root)


def pick_cycle(net: Network, cycle: str | None) -> CycleData:
    """The named cycle, or the newest one, with a cycle.yaml that validates."""
    order = net.cycle_order()
    if not order:
        raise UsageError("the repository has no cycles yet", "start one with `leercyclus init`")
    if cycle is None:
        cycle = order[-1]
    if cycle not in net.cycles:
        raise UsageError(f"there is no cycle '{cycle}': the cycles are {join_ids(order)}")
    data = net.cycles[cycle]
    broken = sorted(data.failed.get("standard", set()), key=natural_key)
    parts = (["cycle.yaml"] if data.cycle is None else []) + [f"standard {s}" for s in broken]
    if parts:
        raise DataError(
            f"cycle {cycle} has files that cannot be read: {', '.join(parts)}",
            f"fix them first: `leercyclus check {net.root}` shows what is wrong",
        )
    return data


def ordered_standards(data: CycleData) -> list[Standard]:
    """The cycle's standards in report order: by domain as cycle.yaml lists them, then by id."""
    domains = [d.id for d in data.cycle.model.domains] if data.cycle else []

    def key(s: Standard) -> tuple[int, list[tuple[int, int | str]]]:
        rank = domains.index(s.domain) if s.domain in domains else len(domains)
        return rank, natural_key(s.id)

    return sorted((loaded.model for loaded in data.standards.values()), key=key)


# The next cycle --------------------------------------------------------------------------------


@dataclass
class NextCycle:
    """What `new cycle` planned: the files, and what the evaluation did to the standards."""

    cycle: str
    previous: str
    files: dict[Path, str] = field(default_factory=dict)
    copied: list[str] = field(default_factory=list)
    adjust: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    evaluated: bool = False
    theme: str | None = None


def next_cycle(net: Network, cycle: str, source: str | None, force: bool) -> NextCycle:
    """Plan cycles/<cycle>/ from `source` (default: the newest other cycle); writes nothing."""
    if not re.fullmatch(STANDARD_ID, cycle):
        raise UsageError(
            f"'{cycle}' is not a valid cycle id: use letters, digits, '.', '_' and '-', "
            "starting with a letter or digit, e.g. 2027"
        )
    folder = net.root / CYCLES / cycle
    if folder.exists() and not force:
        raise UsageError(
            f"{CYCLES}/{cycle}/ already exists: nothing was written",
            "choose another id, or add --force to replace its cycle.yaml and standards",
        )
    if source is None:
        others = [c for c in net.cycle_order() if c != cycle]
        source = others[-1] if others else None
    if source == cycle:
        raise UsageError(f"cycle {cycle} cannot follow itself: give another cycle with --from")
    data = pick_cycle(net, source)
    if "evaluation" in data.failed:
        raise DataError(
            f"{CYCLES}/{data.id}/evaluation.yaml does not validate",
            f"fix it first: `leercyclus check {net.root}` shows where",
        )
    assert data.cycle is not None
    plan = NextCycle(cycle, data.id, evaluated=data.evaluation is not None)
    verdicts = data.evaluation.model.standards if data.evaluation else {}
    theme = data.cycle.model.theme
    plan.theme = theme.title if theme else None
    old_folder = data.cycle.source.path.parent
    words = words_for(net)
    plan.files[folder / "cycle.yaml"] = _cycle_text(data, net.root, folder, plan.theme, words)
    for standard in ordered_standards(data):
        loaded = data.standards[standard.id]
        verdict = verdicts.get(standard.id)
        if verdict is not None and verdict.verdict == "drop":
            plan.dropped.append(standard.id)
            continue
        note = None
        if verdict is not None and verdict.verdict == "adjust":
            plan.adjust.append(standard.id)
            note = verdict.note or ""
        target = folder / loaded.source.path.relative_to(old_folder)
        source_path = loaded.source.path
        plan.files[target] = _standard_text(
            standard, source_path, target, net.root, data.id, note, words
        )
        plan.copied.append(standard.id)
    return plan


def _read(path: Path) -> Any:
    """A file to copy, loaded for editing; a DataError if it cannot be read."""
    try:
        return read_for_edit(path)
    except YamlProblem as exc:
        raise DataError(f"cannot read {path} to copy it: {exc}") from None


def _dump(data: Any, path: Path, root: Path, kind: str, header: list[str]) -> str:
    """The document without its old leading comments, under our own header."""
    rel = path.relative_to(root).as_posix()
    return "\n".join([modeline(rel, kind), *header]) + "\n" + dump_body(data)


def _cycle_text(
    data: CycleData, root: Path, folder: Path, old_theme: str | None, words: dict[str, str]
) -> str:
    assert data.cycle is not None
    doc = _read(data.cycle.source.path)
    old, cycle = data.id, folder.name
    doc["id"] = same_style(doc["id"], cycle)
    title = str(doc["title"])
    pattern = rf"(?<![\w.-]){re.escape(old)}(?![\w.-])"
    new_title = (
        re.sub(pattern, cycle, title)
        if re.search(pattern, title)
        else words["cycle_title"].format(cycle=cycle)
    )
    doc["title"] = same_style(doc["title"], new_title)
    if "theme" in doc:
        drop_comments_above(doc, "theme")  # they describe the old theme
        del doc["theme"]
    if "milestones" in doc:
        drop_with_comments(doc, "milestones")  # the old cycle's dates: a hint below instead
    if "previous" in doc:
        doc["previous"] = same_style(doc["previous"], old)
    else:
        insert(doc, list(doc).index("title") + 1, "previous", same_style(doc["id"], old))
    lines = [words["theme_hint"]]
    if old_theme:
        lines.append(one_line(words["old_theme"].format(old=old, theme=old_theme)))
    lines += ["theme:", "  title:", "  questions:", "    -"]
    comment_before(doc, "domains", "\n".join(lines))
    header = ["# " + one_line(words["cycle_header"].format(cycle=cycle, old=old))]
    hint = _milestones_hint(data.cycle.model.milestones, old, cycle, words)
    return _dump(doc, folder / "cycle.yaml", root, "cycle", header) + "\n" + hint


def _milestones_hint(dates: Milestones | None, old: str, cycle: str, words: dict[str, str]) -> str:
    """The new cycle's milestones as comment lines to fill in: where both cycle ids are years,
    the old cycle's dates moved on by as many years, else empty."""
    years = int(cycle) - int(old) if old.isdigit() and cycle.isdigit() else 0
    known = dates.model_dump() if dates is not None and 0 < years <= 10 else {}
    text = words["milestones"]
    if any(known.values()):
        later = words["one_year"] if years == 1 else words["years"].format(years=years)
        text += words["milestones_later"].format(old=old, later=later)
    lines = comment(text)
    lines.append("# milestones:")
    for key in Milestones.model_fields:
        day: dt.date | None = known.get(key)
        lines.append(f"#   {key}: {_years_later(day, years).isoformat()}" if day else f"#   {key}:")
    return "\n".join(lines) + "\n"


def _years_later(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _standard_text(
    standard: Standard,
    source: Path,
    target: Path,
    root: Path,
    old: str,
    note: str | None,
    words: dict[str, str],
) -> str:
    """The standard for the next cycle: `continues` set, and the evaluation's note to adjust."""
    doc = _read(source)
    doc["continues"] = same_style(doc["id"], standard.id)  # the id as written: `1.10` stays
    if note is not None:
        lines = [words["adjust"].format(old=old)]
        if note:
            lines.append(words["evaluation_note"].format(note=note))
        wrapped = [line[2:] for paragraph in lines for line in comment(paragraph)]
        comment_before(doc, "text", "\n".join(wrapped))
    header = [
        "# "
        + one_line(words["standard_header"].format(id=standard.id, title=standard.title, old=old))
    ]
    return _dump(doc, target, root, "standard", header)


def join_ids(items: Iterable[str]) -> str:
    """Ids for a message: 'a, b, c', or '(none)'."""
    return ", ".join(items) or "(none)"
