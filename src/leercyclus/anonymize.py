"""What the repository knows about identities, and scrubbing free text with it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from leercyclus.network import Network

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
_SUFFIX = r"(?i:['](?:s\b)?|se|s|ers|er)?"
_KEY_SEP = re.compile(r"[\s\-\u00ad]+")


def fold(text: str) -> str:
    """`text` without diacritics and with plain apostrophes; the same length as `text`."""
    return text.translate(_FOLD)


def _key(text: str, *, match_case: bool) -> str:
    key = _KEY_SEP.sub(" ", fold(text).strip()).replace(". ", ".")
    return key if match_case else key.lower()


class Matcher:
    """Finds terms whole-word, case-insensitively, tolerant of Dutch inflection and possessives.

    All terms share one compiled regular expression, a trie of their characters, so the cost of
    a search hardly grows with the number of terms. Longer terms win over shorter ones.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self._by_key: dict[tuple[bool, str], Term] = {}
        for term in terms:
            key = _key(term.text, match_case=term.match_case)
            if key.strip(" .'") and (term.match_case, key) not in self._by_key:
                self._by_key[(term.match_case, key)] = term
        self.terms: tuple[Term, ...] = tuple(self._by_key.values())
        groups = []
        for match_case, name in ((False, "i"), (True, "c")):
            keys = [key for case, key in self._by_key if case is match_case]
            if keys:
                body = _trie_pattern(keys)
                groups.append(f"(?P<{name}>{body})" if match_case else f"(?P<{name}>(?i:{body}))")
        self._regex = (
            re.compile(rf"(?<!\w)(?:{'|'.join(groups)}){_SUFFIX}(?!\w)") if groups else None
        )

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every occurrence of a term in `text`, left to right, not overlapping."""
        if self._regex is None:
            return
        for match in self._regex.finditer(fold(text)):
            match_case = match.group("i") is None
            base = match.group("c") if match_case else match.group("i")
            term = self._by_key.get((match_case, _key(base, match_case=match_case)))
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


def _trie_pattern(keys: Iterable[str]) -> str:
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(root)


def _node_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [
        _edge(char, child) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


def _edge(char: str, child: dict[str, dict]) -> str:  # type: ignore[type-arg]
    if char == " ":
        return _SEP
    if char == "." and any(child):
        return r"\.[\s\-]*"
    return re.escape(char)


_DUPLICATE = re.compile(r"(\[[a-z-]+\])(?:\s*[/-]?\s*\1|\s*\(\s*\1\s*\))+")


def tidy(text: str) -> str:
    """Collapse placeholders that repeat: "[instelling] ([instelling])" is one institution."""
    return _DUPLICATE.sub(r"\1", text)


class Scrubber:
    """Replaces every known term by its placeholder, then lets `deidentify` find the rest."""

    def __init__(
        self, terms: Sequence[Term], deidentify: Callable[[str], str] | None = None
    ) -> None:
        self.matcher = Matcher(terms)
        self._deidentify = deidentify

    def scrub(self, text: str) -> str:
        """`text` with known terms and (with `deidentify`) other identifying data replaced."""
        scrubbed = self.matcher.sub(text, lambda term: PLACEHOLDERS[term.kind])
        if self._deidentify is not None and scrubbed.strip():
            scrubbed = self._deidentify(scrubbed)
        return tidy(scrubbed)


def known_terms(network: Network, *, keep_contacts: Iterable[str] = ()) -> list[Term]:
    """Every identifying string the repository holds, with its obvious variants.

    Institution ids, names, aliases and cities; the names of team members and of parel
    contacts (except the names in `keep_contacts`, the contacts of shared parels); the
    `national.extra_terms`. Action owners are usually roles and are left to deduce.
    """
    from leercyclus.terms import institution_terms, person_terms  # noqa: F401

    raise NotImplementedError
