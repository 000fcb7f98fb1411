"""The review flag: self-review answers given to an older text of a standard (from git history)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.repository.findings import Finding, warning
from leercyclus.repository.git import git as _git
from leercyclus.repository.yamlread import YamlProblem, load_text

if TYPE_CHECKING:
    from leercyclus.repository.network import Network

UNCOMMITTED = 2**62
"""The 'time' of a change that is not committed yet: later than any commit."""


@dataclass(frozen=True, slots=True)
class Change:
    """The last commit that touched a file (or UNCOMMITTED for a change in the work tree)."""

    commit: str | None
    time: int
    """Order, not clock: newer changes have larger numbers (commits within one second too)."""


def last_changes(root: Path) -> dict[str, Change] | None:
    """Per file under cycles/ (relative to root): its last change; None outside git."""
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix is None:
        return None
    prefix = prefix.strip()
    log = _git(
        root,
        "log",
        "--topo-order",
        "--format=%x00%H",
        "--name-only",
        "--no-renames",
        "--",
        "cycles",
    )
    if log is None:
        return None
    changes: dict[str, Change] = {}
    blocks = log.split("\0")[1:]
    for age, block in enumerate(blocks):
        commit, *names = block.strip("\n").split("\n")
        for name in filter(None, names):
            rel = name[len(prefix) :] if name.startswith(prefix) else name
            changes.setdefault(rel, Change(commit, len(blocks) - age))
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", "cycles") or ""
    for line in status.splitlines():
        name = line[3:].strip().strip('"')
        rel = name[len(prefix) :] if name.startswith(prefix) else name
        changes[rel] = Change(None, UNCOMMITTED)
    return changes


def review_flags(net: Network) -> list[Finding]:
    """Warn where a standard's text changed after a self-review answered it."""
    changes = last_changes(net.root)
    if not changes:
        return []
    texts: dict[tuple[str, str], str | None] = {}
    out: list[Finding] = []
    for data in net.cycles.values():
        for review in data.self_reviews.values():
            answered = changes.get(review.rel)
            if answered is None or answered.commit is None:
                continue  # not committed yet: it is being written against today's texts
            for sid in review.model.standards:
                standard = data.standards.get(sid)
                changed = changes.get(standard.rel) if standard else None
                if standard is None or changed is None or changed.time <= answered.time:
                    continue
                key = (answered.commit, standard.rel)
                if key not in texts:
                    texts[key] = _text_at(net.root, answered.commit, standard.rel)
                before = texts[key]
                if before is not None and before != standard.model.text:
                    out.append(
                        warning(
                            review.rel,
                            "LC217",
                            f"the text of standard {sid} changed after this answer was written "
                            f"(commit {answered.commit[:7]}): check that the answer still fits "
                            "the new text; the warning goes once the self-review is committed "
                            "again",
                            ("standards", sid),
                            at_key=True,
                        )
                    )
    return out


def _text_at(root: Path, commit: str, rel: str) -> str | None:
    """The standard's `text` in `commit`, or None where it cannot be read."""
    shown = _git(root, "show", f"{commit}:./{rel}")
    if shown is None:
        return None
    try:
        data = load_text(shown)
    except YamlProblem:
        return None
    text = data.get("text") if isinstance(data, dict) else None
    return text if isinstance(text, str) else None
