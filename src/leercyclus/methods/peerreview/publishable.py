"""`check`'s warnings about text that reaches the national report and could tell who wrote it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from leercyclus.loading.network import CycleData, Network
from leercyclus.repository.findings import Finding, warning
from leercyclus.repository.yamlread import Path_


@dataclass(frozen=True, slots=True)
class Field:
    """A text the national report prints: where it is, and who writes it."""

    file: str
    path: Path_
    text: str
    by_institution: bool
    """Written by one institution (its scores and claims tell who), not by the network."""


def publishable_findings(net: Network) -> list[Finding]:
    """LC220, LC221 and LC222: own scores, claims to be the only one, and contact data, in
    every field the national report prints (docs/privacy.md)."""
    from leercyclus.privacy.claims import claims
    from leercyclus.privacy.normalize import normalize
    from leercyclus.privacy.patterns import contact_data_at

    found = []
    for field in publishable_fields(net):
        normalized = normalize(field.text)
        for what, text, _, _ in contact_data_at(normalized):
            found.append(
                warning(
                    field.file,
                    "LC222",
                    f"{_name(field.path)} holds {what} ('{text}'), and the national report prints "
                    "this field: it would be replaced there, and the report refused if it got "
                    "through; give contact details only as a shared parel's contact",
                    field.path,
                )
            )
        for what, sentence in claims(field.text, normalized=normalized):
            quoted = f"(«{_short(sentence)}»), {_PRINTED}"
            if what == "its own scores" and field.by_institution:
                message = f"{_name(field.path)} gives its own scores {quoted}"
                found.append(warning(field.file, "LC220", message, field.path))
            elif what != "its own scores":  # the network's own text may give network figures
                message = f"{_name(field.path)} makes {what} {quoted}"
                found.append(warning(field.file, "LC221", message, field.path))
    return found


_PRINTED = (
    "and the national report prints this field: a reader who knows the participants could "
    "tell which institution this is; the report leaves such a sentence out, so describe the "
    "practice instead"
)


def publishable_fields(net: Network) -> Iterator[Field]:
    """Every field of the data that the national report prints."""
    if net.settings is not None:
        yield Field(net.settings.rel, ("network",), net.settings.model.network, False)
    for data in net.cycles.values():
        yield from _cycle_fields(data)


def _cycle_fields(data: CycleData) -> Iterator[Field]:
    if data.cycle is not None:
        rel, cycle = data.cycle.rel, data.cycle.model
        yield Field(rel, ("title",), cycle.title, False)
        if cycle.theme is not None:
            yield Field(rel, ("theme", "title"), cycle.theme.title, False)
            for n, question in enumerate(cycle.theme.questions):
                yield Field(rel, ("theme", "questions", n), question, False)
            if cycle.theme.synthesis:
                yield Field(rel, ("theme", "synthesis"), cycle.theme.synthesis, False)
        for n, domain in enumerate(cycle.domains):
            yield Field(rel, ("domains", n, "title"), domain.title, False)
            if domain.description:
                yield Field(rel, ("domains", n, "description"), domain.description, False)
    for standard in data.standards.values():
        for name in ("title", "text", "guidance"):
            value = getattr(standard.model, name)
            if value:
                yield Field(standard.rel, (name,), value, False)
    for review in data.self_reviews.values():
        if review.model.theme_quote:
            yield Field(review.rel, ("theme_quote",), review.model.theme_quote, True)
    for visit in data.visits.values():
        for n, parel in enumerate(visit.model.parels):
            if parel.share:
                yield Field(visit.rel, ("parels", n, "title"), parel.title, True)
                yield Field(visit.rel, ("parels", n, "text"), parel.text, True)
        for n, oester in enumerate(visit.model.oesters):
            yield Field(visit.rel, ("oesters", n, "title"), oester.title, True)
    if data.evaluation is not None:
        rel, evaluation = data.evaluation.rel, data.evaluation.model
        for sid, verdict in evaluation.standards.items():
            if verdict.note:
                yield Field(rel, ("standards", sid, "note"), verdict.note, False)
        if evaluation.process:
            yield Field(rel, ("process",), evaluation.process, False)


def _name(path: Path_) -> str:
    """("parels", 0, "text") → 'parels[0].text'."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name


def _short(sentence: str, width: int = 70) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
