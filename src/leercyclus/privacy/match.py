"""Matching known terms in free text: whole words, any case, Dutch endings, one regex."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from leercyclus.privacy.normalize import Folded, fold, key

Kind = Literal["institution", "person", "place", "location", "extra", "email", "phone"]

PLACEHOLDERS: dict[str, str] = {
    "institution": "[instelling]",
    "person": "[persoon]",
    "place": "[plaats]",
    "location": "[locatie]",
    "extra": "[naam]",
    "email": "[e-mailadres]",
    "phone": "[telefoonnummer]",
}
"""The neutral Dutch placeholder that replaces a term of each kind."""


@dataclass(frozen=True)
class Term:
    """A string that must not reach a public output, and where the repository holds it."""

    text: str
    kind: Kind
    origin: str
    match_case: bool = False
    """Match only as written (or in capitals): for terms that are also ordinary words."""


@dataclass(frozen=True)
class Hit:
    """Where a term occurs in a text."""

    term: Term
    start: int
    end: int


HEADS = (
    "team teams locatie locaties gebouw huis afdeling kliniek poli unit vestiging terrein campus "
    "medewerkers medewerker bewoners bewoner clienten client collega's collega aanpak model "
    "methode project visie werkwijze bestuur directie zorg groep beleid"
).split()
"""Words that make a compound with a name written as one word: "Lindeteam", "Bosrandaanpak"."""

_SUFFIX = r"(?i:(?:'s|'|sche|se|s|ers|er)?(?:" + "|".join(HEADS) + r")?)"
_SEP = r"[\s\-]+"
_PHONE = "#"
_PHONE_SEP = "\x1f"
KEY_SEP = re.compile(r"[\s\-\u00ad]+")


def match_key(text: str, *, match_case: bool) -> str:
    """The form terms are compared in (see `normalize.key`)."""
    return key(text, match_case=match_case)


def lookup_key(term: Term) -> str:
    if term.kind == "phone":
        return _PHONE + re.sub(r"\D", "", term.text)
    return key(term.text, match_case=term.match_case)


def case_variants(text: str) -> list[str]:
    """A term matched as written is also found in capitals, and with a capital first letter."""
    variants = [text, text.upper(), text[:1].upper() + text[1:]]
    return list(dict.fromkeys(variants))


class Matcher:
    """Finds terms whole-word, case-insensitively, tolerant of Dutch inflection and possessives.

    Text and terms are read through the one shared normalisation (`normalize.fold`). All terms
    share one compiled regular expression per kind of matching, a trie of their characters, so
    the cost of a search hardly grows with the number of terms. Longer terms win over shorter
    ones; a candidate that turns out to be no term never hides a shorter one beside it.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self._by_key: dict[tuple[bool, str], Term] = {}
        patterns: dict[bool, list[str]] = {False: [], True: []}
        for term in terms:
            written = lookup_key(term)
            variants = case_variants(written) if term.match_case else [written]
            for variant in variants:
                if len(variant.strip(" .'")) > 1 and (term.match_case, variant) not in self._by_key:
                    self._by_key[(term.match_case, variant)] = term
                    patterns[term.match_case].append(
                        _PHONE_SEP.join(variant[1:]) if variant.startswith(_PHONE) else variant
                    )
        self.terms: tuple[Term, ...] = tuple(dict.fromkeys(self._by_key.values()))
        self._regexes: list[tuple[bool, re.Pattern[str]]] = []
        if patterns[False]:
            trie = trie_pattern(patterns[False], _SEP)
            self._regexes.append((False, re.compile(rf"(?<!\w)(?P<t>(?i:{trie})){_SUFFIX}(?!\w)")))
        if patterns[True]:
            trie = trie_pattern(patterns[True], r"\s+")
            self._regexes.append((True, re.compile(rf"(?<!\w)(?P<t>{trie}){_SUFFIX}(?!\w)")))

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every occurrence of a term in `text`, left to right, not overlapping."""
        folded = fold(text)
        for start, end, term in _longest_first(self._candidates(folded)):
            begin, stop = folded.span(start, end)
            yield Hit(term, begin, stop)

    def _candidates(self, folded: Folded) -> Iterator[tuple[int, int, Term]]:
        text = folded.text
        for match_case, regex in self._regexes:
            at = 0
            while (found := regex.search(text, at)) is not None:
                term = self._lookup(match_case, found.group("t"))
                if term is None:
                    at = found.start() + 1  # try the shorter terms that start here or later
                    continue
                yield found.start(), found.end(), term
                at = found.end()

    def _lookup(self, match_case: bool, base: str) -> Term | None:
        term = self._by_key.get((match_case, key(base, match_case=match_case)))
        if term is None and not match_case:
            term = self._by_key.get((False, _PHONE + re.sub(r"\D", "", base)))
        return term

    def sub(self, text: str, replacement: Callable[[Term], str]) -> str:
        """`text` with every occurrence of a term replaced by `replacement(term)`."""
        parts: list[str] = []
        done = 0
        for hit in self.finditer(text):
            parts.extend((text[done : hit.start], replacement(hit.term)))
            done = hit.end
        parts.append(text[done:])
        return "".join(parts)


@functools.lru_cache(maxsize=4)
def matcher_for(terms: tuple[Term, ...]) -> Matcher:
    """One Matcher per set of terms: the scrubber and the leak guard share its compiled regex."""
    return Matcher(terms)


def _longest_first(
    candidates: Iterable[tuple[int, int, Term]],
) -> list[tuple[int, int, Term]]:
    """Of overlapping candidates, the one that starts first, then the longest."""
    chosen: list[tuple[int, int, Term]] = []
    for start, end, term in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, term))
    return chosen


def trie_pattern(keys: Iterable[str], sep: str, *, breaks: bool = False) -> str:
    """One regular expression for all `keys`, sharing their prefixes; a space stands for `sep`.

    With `breaks`, a key is also found hyphenated over a line ("Hoek- stra").
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for text in keys:
        node = root
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(root, sep, "(?:- )?" if breaks else "")


def _node_pattern(root: dict[str, dict], sep: str, gap: str) -> str:  # type: ignore[type-arg]
    """The trie below `root` as a pattern; built bottom-up without recursion, so that a very
    long name (a character per level) cannot exhaust the stack."""
    patterns: dict[int, str] = {}
    stack: list[tuple[dict[str, dict], bool]] = [(root, False)]  # type: ignore[type-arg]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for char, child in node.items() if char)
            continue
        branches = [
            _edge(char, child, sep, gap) + patterns.pop(id(child))
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            patterns[id(node)] = ""
        elif len(branches) == 1 and "" not in node:
            patterns[id(node)] = branches[0]
        else:
            patterns[id(node)] = "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")
    return patterns[id(root)]


def _edge(char: str, child: dict[str, dict], sep: str, gap: str) -> str:  # type: ignore[type-arg]
    if char == " ":
        return sep
    if char == _PHONE_SEP:
        return r"[\s.\-/]{0,3}"
    if char == "." and any(child):
        return r"\.[\s\-]*"
    return re.escape(char) + (gap if any(child) and char.isalnum() else "")


_DUPLICATE = re.compile(r"(\[[a-z-]+\])(?:\s*[/-]?\s*\1|\s*\(\s*\1\s*\))+")


def tidy(text: str) -> str:
    """Collapse placeholders that repeat: "[instelling] ([instelling])" is one institution."""
    return _DUPLICATE.sub(r"\1", text)
