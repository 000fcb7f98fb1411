"""Matching known terms in free text: whole words, any case, Dutch endings, one regex."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

Kind = Literal["institution", "person", "place", "extra", "email", "phone"]

PLACEHOLDERS: dict[str, str] = {
    "institution": "[instelling]",
    "person": "[persoon]",
    "place": "[plaats]",
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
    """Match only as written: for terms that are also ordinary Dutch words ("Anker", "Bakker")."""


@dataclass(frozen=True)
class Hit:
    """Where a term occurs in a text."""

    term: Term
    start: int
    end: int


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {0x2019: "'", 0x2018: "'", 0x00A0: " ", 0x2011: "-", 0x2010: "-"}
    for code in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(base) == 1 and base != chr(code):
            table[code] = base
    return table


_FOLD = _fold_table()
_SEP = r"[\s\-\u00ad]+"
_SUFFIX = r"(?i:'s|'|se|s|ers|er)?"
KEY_SEP = re.compile(r"[\s\-\u00ad]+")
_SPACE = re.compile(r"\s+")
_WHITESPACE = r"\s+"


def fold(text: str) -> str:
    """`text` without diacritics and with plain apostrophes; the same length as `text`."""
    return text.translate(_FOLD)


def match_key(text: str, *, match_case: bool) -> str:
    """The form terms are compared in: as written (hyphens too), or lowercase with any separator."""
    if match_case:
        return _SPACE.sub(" ", fold(text).strip()).replace(". ", ".")
    return KEY_SEP.sub(" ", fold(text).strip()).replace(". ", ".").lower()


_PHONE = "#"
_PHONE_SEP = "\x1f"


def lookup_key(term: Term) -> str:
    if term.kind == "phone":
        return _PHONE + re.sub(r"\D", "", term.text)
    return match_key(term.text, match_case=term.match_case)


def _is_phone(key: str) -> bool:
    return key.startswith(_PHONE)


class Matcher:
    """Finds terms whole-word, case-insensitively, tolerant of Dutch inflection and possessives.

    All terms share one compiled regular expression, a trie of their characters, so the cost of
    a search hardly grows with the number of terms. Longer terms win over shorter ones.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self._by_key: dict[tuple[bool, str], Term] = {}
        patterns: dict[bool, list[str]] = {False: [], True: []}
        for term in terms:
            key = lookup_key(term)
            # a term matched as written is also found in capitals ("FLEUR BAKKER")
            variants = [key, key.upper()] if term.match_case and key.upper() != key else [key]
            for variant in variants:
                if len(variant.strip(" .'")) > 1 and (term.match_case, variant) not in self._by_key:
                    self._by_key[(term.match_case, variant)] = term
                    patterns[term.match_case].append(
                        _PHONE_SEP.join(variant[1:]) if _is_phone(variant) else variant
                    )
        self.terms: tuple[Term, ...] = tuple(self._by_key.values())
        groups = []
        if patterns[False]:
            groups.append(f"(?P<i>(?i:{trie_pattern(patterns[False], _SEP)}))")
        if patterns[True]:
            groups.append(f"(?P<c>{trie_pattern(patterns[True], _WHITESPACE)})")
        self._regex = (
            re.compile(rf"(?<!\w)(?:{'|'.join(groups)}){_SUFFIX}(?!\w)") if groups else None
        )

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every occurrence of a term in `text`, left to right, not overlapping."""
        if self._regex is None:
            return
        for match in self._regex.finditer(fold(text)):
            match_case = match.groupdict().get("i") is None
            base = match.group("c") if match_case else match.group("i")
            term = self._by_key.get((match_case, match_key(base, match_case=match_case)))
            if term is None:
                term = self._by_key.get((False, _PHONE + re.sub(r"\D", "", base)))
            if term is not None:
                yield Hit(term, match.start(), match.end())

    def sub(self, text: str, replacement: Callable[[Term], str]) -> str:
        """`text` with every occurrence of a term replaced by `replacement(term)`."""
        parts: list[str] = []
        done = 0
        for hit in self.finditer(text):
            parts.extend((text[done : hit.start], replacement(hit.term)))
            done = hit.end
        parts.append(text[done:])
        return "".join(parts)


def trie_pattern(keys: Iterable[str], sep: str) -> str:
    """One regular expression for all `keys`, sharing their prefixes; a space stands for `sep`."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(root, sep)


def _node_pattern(root: dict[str, dict], sep: str) -> str:  # type: ignore[type-arg]
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
            _edge(char, child, sep) + patterns.pop(id(child))
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


def _edge(char: str, child: dict[str, dict], sep: str) -> str:  # type: ignore[type-arg]
    if char == " ":
        return sep
    if char == _PHONE_SEP:
        return r"[\s.\-]?"
    if char == "." and any(child):
        return r"\.[\s\-]*"
    return re.escape(char)


_DUPLICATE = re.compile(r"(\[[a-z-]+\])(?:\s*[/-]?\s*\1|\s*\(\s*\1\s*\))+")


def tidy(text: str) -> str:
    """Collapse placeholders that repeat: "[instelling] ([instelling])" is one institution."""
    return _DUPLICATE.sub(r"\1", text)
