"""Compare the standards of two cycles: added, dropped and changed, with a word-level diff."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from leercyclus.errors import UsageError
from leercyclus.loading.network import Network
from leercyclus.methods.peerreview.newfiles import ordered_standards, pick_cycle
from leercyclus.models import Standard
from leercyclus.models.evaluation import Verdict

Op = Literal["equal", "delete", "insert"]
TEXT_FIELDS = ("title", "text", "guidance")
VALUE_FIELDS = ("domain", "type")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of words that both texts share, or that only the old or the new one has."""

    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs; `pieces` is the word diff of a text field."""

    name: str
    old: str | None
    new: str | None
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class Changed:
    """A standard of the second cycle that continues one of the first, with what differs."""

    old: Standard
    new: Standard
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class CycleDiff:
    """The standards of cycle `a` against those of cycle `b`."""

    a: str
    b: str
    added: list[Standard]
    dropped: list[Standard]
    changed: list[Changed]
    unchanged: list[str]
    verdicts: dict[str, Verdict]
    """The evaluation of cycle `a`, where it has one: why a standard was dropped or changed."""


def compare(net: Network, a: str, b: str) -> CycleDiff:
    """Match b's standards to a's (by `continues`, else by id) and describe every difference."""
    for cycle in (a, b):
        if cycle not in net.cycles:
            pick_cycle(net, cycle)  # raises the "no such cycle, did you mean" error
    old, new = pick_cycle(net, a), pick_cycle(net, b)
    if a == b:
        raise UsageError(f"both cycles are {a}: give two different cycles")
    matches = _matches(net, a, b)
    old_by_id = {s.id: s for s in ordered_standards(old)}
    added, changed, unchanged = [], [], []
    for standard in ordered_standards(new):
        match = matches.get(standard.id)
        if match is None:
            added.append(standard)
            continue
        fields = _fields(old_by_id[match], standard)
        if fields or match != standard.id:
            changed.append(Changed(old_by_id[match], standard, fields))
        else:
            unchanged.append(standard.id)
    kept = set(matches.values())
    dropped = [s for s in old_by_id.values() if s.id not in kept]
    verdicts = dict(old.evaluation.model.standards) if old.evaluation else {}
    return CycleDiff(a, b, added, dropped, changed, unchanged, verdicts)


def _matches(net: Network, a: str, b: str) -> dict[str, str]:
    """Ids of b → ids of a: `continues` followed through the cycles between, else the same id."""
    chain = _chain(net, b, a)
    if chain is not None:
        return _follow(net, chain)
    chain = _chain(net, a, b)
    if chain is not None:  # b is the older one: follow a's lineage back and turn it round
        return {old: new for new, old in _follow(net, chain).items()}
    return {s: s for s in net.cycles[b].standards if s in net.cycles[a].standards}


def _chain(net: Network, newest: str, oldest: str) -> list[str] | None:
    """The cycles from `newest` back to `oldest` by `previous`, or None if it does not get there."""
    chain = [newest]
    while chain[-1] != oldest:
        data = net.cycles.get(chain[-1])
        previous = data.cycle.model.previous if data and data.cycle else None
        if previous is None or previous in chain or previous not in net.cycles:
            return None
        chain.append(previous)
    return chain


def _follow(net: Network, chain: list[str]) -> dict[str, str]:
    mapping = {s: s for s in net.cycles[chain[0]].standards}
    for newer, older in pairwise(chain):
        standards = net.cycles[newer].standards
        older_ids = set(net.cycles[older].standards)
        step = {}
        for first, current in mapping.items():
            loaded = standards.get(current)
            target = loaded.model.continues if loaded and loaded.model.continues else current
            if target in older_ids:
                step[first] = target
        mapping = step
    return mapping


def _fields(old: Standard, new: Standard) -> tuple[FieldChange, ...]:
    changes = []
    for name in (*TEXT_FIELDS, *VALUE_FIELDS):
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        before_text = None if before is None else str(before)
        after_text = None if after is None else str(after)
        pieces = word_diff(before_text or "", after_text or "") if name in TEXT_FIELDS else ()
        if name in TEXT_FIELDS and all(p.op == "equal" for p in pieces):
            continue  # only the line breaks or spacing differ
        changes.append(FieldChange(name, before_text, after_text, pieces))
    return tuple(changes)


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The two texts word by word: runs kept, deleted and inserted (spacing is not compared)."""
    a, b = old.split(), new.split()
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("insert", " ".join(b[j1:j2])))
    return tuple(pieces)


def as_json(d: CycleDiff) -> str:
    """The comparison for tools: one JSON object."""

    def brief(s: Standard) -> dict[str, object]:
        return s.model_dump(mode="json", exclude_none=True)

    data = {
        "from": d.a,
        "to": d.b,
        "added": [brief(s) for s in d.added],
        "dropped": [{**brief(s), **_verdict_json(d.verdicts.get(s.id))} for s in d.dropped],
        "changed": [
            {
                "from": c.old.id,
                "to": c.new.id,
                **_verdict_json(d.verdicts.get(c.old.id)),
                "fields": {
                    f.name: {
                        "old": f.old,
                        "new": f.new,
                        **({"words": [[p.op, p.text] for p in f.pieces]} if f.pieces else {}),
                    }
                    for f in c.fields
                },
            }
            for c in d.changed
        ],
        "unchanged": d.unchanged,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _verdict_json(verdict: Verdict | None) -> dict[str, object]:
    if verdict is None:
        return {}
    return {"evaluation": verdict.model_dump(mode="json", exclude_none=True)}


def inline(pieces: tuple[Piece, ...], deleted: str, inserted: str) -> str:
    """Pieces on one line; `deleted` and `inserted` are format strings with {} for the words."""
    marks = {"equal": "{}", "delete": deleted, "insert": inserted}
    return " ".join(marks[p.op].format(p.text) for p in pieces)


def md(text: str) -> str:
    """Free text as literal Markdown, on one line: the reports' one escaping of data."""
    from leercyclus.publishing.render import md_escape

    return md_escape(text)


LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Standaarden: cyclus {a} → {b}",
        "summary": "{added} nieuw · {dropped} geschrapt · {changed} gewijzigd · "
                   "{unchanged} ongewijzigd",
        "added": "Nieuw", "dropped": "Geschrapt", "changed": "Gewijzigd", "domain_of": "domein",
        "evaluation": "Evaluatie {a}", "legend": "~~doorgestreept~~: vervalt · **vet**: nieuw",
        "keep": "behouden", "adjust": "aanpassen", "drop": "schrappen", "none": "(geen)",
        "f-title": "Titel", "f-text": "Tekst", "f-guidance": "Toelichting",
        "f-domain": "Domein", "f-type": "Type",
    },
    "en": {
        "title": "Standards: cycle {a} → {b}",
        "summary": "{added} added · {dropped} dropped · {changed} changed · {unchanged} unchanged",
        "added": "Added", "dropped": "Dropped", "changed": "Changed", "domain_of": "domain",
        "evaluation": "Evaluation {a}", "legend": "~~struck out~~: removed · **bold**: new",
        "keep": "keep", "adjust": "adjust", "drop": "drop", "none": "(none)",
        "f-title": "Title", "f-text": "Text", "f-guidance": "Guidance",
        "f-domain": "Domain", "f-type": "Type",
    },
}  # fmt: skip
"""The Markdown's words, in the network's language (it is read by the advisory board)."""


def as_markdown(d: CycleDiff, language: str) -> str:
    """The comparison as a pull-request comment: deleted words struck out, new words in bold."""
    t = LABELS.get(language, LABELS["nl"])
    counts = {k: len(getattr(d, k)) for k in ("added", "dropped", "changed", "unchanged")}
    out = [f"## {t['title'].format(a=d.a, b=d.b)}", "", f"**{t['summary'].format(**counts)}**"]
    if d.added:
        out += ["", f"### {t['added']}", ""]
        for s in d.added:
            out.append(f"- **{md(s.id)} · {md(s.title)}** ({t['domain_of']} {md(s.domain)})  ")
            out.append(f"  {md(s.text)}")
    if d.dropped:
        out += ["", f"### {t['dropped']}", ""]
        for s in d.dropped:
            out.append(f"- **{md(s.id)} · {md(s.title)}**  ")
            out.append(f"  {_md_verdict(d, s.id, t) or md(s.text)}")
    if d.changed:
        out += ["", f"### {t['changed']}"]
        for c in d.changed:
            ids = c.new.id if c.old.id == c.new.id else f"{c.old.id} → {c.new.id}"
            out += ["", f"#### {md(ids)} · {md(c.new.title)}"]
            verdict = _md_verdict(d, c.old.id, t)
            if verdict:
                out += ["", verdict]
            for f in c.fields:
                label = t[f"f-{f.name}"]
                if f.pieces:
                    words = inline(
                        tuple(Piece(p.op, md(p.text)) for p in f.pieces), "~~{}~~", "**{}**"
                    )
                else:
                    words = f"~~{md(f.old or t['none'])}~~ **{md(f.new or t['none'])}**"
                out += ["", f"**{label}:** {words}"]
        out += ["", f"<sub>{t['legend']}</sub>"]
    return "\n".join(out) + "\n"


def _md_verdict(d: CycleDiff, standard: str, t: dict[str, str]) -> str:
    verdict = d.verdicts.get(standard)
    if verdict is None:
        return ""
    head = f"*{t['evaluation'].format(a=d.a)}: {t[verdict.verdict]}.*"
    return f"{head} {md(verdict.note)}" if verdict.note else head


def as_text(d: CycleDiff) -> str:
    """The comparison for the terminal: deleted words in [-…-], inserted words in {+…+}."""
    counts = (
        f"{len(d.added)} added, {len(d.dropped)} dropped, {len(d.changed)} changed, "
        f"{len(d.unchanged)} unchanged"
    )
    out = [f"standards of cycle {d.a} → {d.b}: {counts}"]
    if d.added:
        out += ["", "added"]
        for s in d.added:
            out += [f"  {s.id}  {s.title}  (domain {s.domain})", f"      {_one_line(s.text)}"]
    if d.dropped:
        out += ["", "dropped"]
        for s in d.dropped:
            out += [f"  {s.id}  {s.title}", *_text_verdict(d, s.id)]
    if d.changed:
        out += ["", "changed"]
        for c in d.changed:
            ids = c.new.id if c.old.id == c.new.id else f"{c.old.id} → {c.new.id}"
            out += [f"  {ids}  {c.new.title}", *_text_verdict(d, c.old.id)]
            for f in c.fields:
                if f.pieces:
                    words = inline(f.pieces, "[-{}-]", "{{+{}+}}")
                else:
                    words = f"{f.old or '(none)'} → {f.new or '(none)'}"
                out.append(f"      {f.name}: {words}")
    return "\n".join(out) + "\n"


def _text_verdict(d: CycleDiff, standard: str) -> list[str]:
    verdict = d.verdicts.get(standard)
    if verdict is None:
        return []
    note = f": {_one_line(verdict.note)}" if verdict.note else ""
    return [f"      evaluation {d.a}: {verdict.verdict}{note}"]


def _one_line(text: str) -> str:
    return " ".join(text.split())
