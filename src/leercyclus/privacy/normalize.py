"""The one normalisation the scrubber and the leak guard share, so that they cannot disagree.

A text is read as a reader sees it: letters without their accents (NFKD decomposition, marks
dropped), look-alike letters of other scripts folded to Latin ones (Cyrillic "о", Turkish
dotless "ı", "ø", "ß"), every apostrophe and dash as its plain form, invisible characters (soft
hyphens, zero-width spaces, direction marks) removed, and every run of spaces and line breaks one
space. Case is kept: matching decides per term whether it matters (`key` compares casefolded).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufe00\ufe01\ufe0e\ufe0f\ufeff\uffa0"
)
"""Characters a reader does not see: they must not split a name in two."""

_PLAIN = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u02bb\u02b9\u00b4\u0060\u2032\uff07", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe63\uff0d", "-"),
}
"""Apostrophes and dashes of every kind (before decomposition: NFKD makes "´" a space)."""

CONFUSABLE = {
    # Cyrillic letters that look Latin
    **dict(zip("АВЕЅІЈКМНОРСТХУԁаеѕіјосрухүһԛԝ", "ABESIJKMHOPCTXYdaesijocpyxyhqw", strict=True)),
    # Greek letters that look Latin
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν", "ABEZHIKMNOPTYXoiv", strict=True)),
    # Latin letters without a decomposition
    **dict(zip("ıȷøØłŁđĐħĦŧŦɨƚ", "ijoOlLdDhHtTil", strict=True)),
    "ß": "ss",
    "ẞ": "SS",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "þ": "th",
    "Þ": "Th",
    "ð": "d",
    "Ð": "D",
}
"""Letters folded to the Latin letters they are read as."""


@functools.lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character as the normalised text holds it: "", one character or a few."""
    if char in INVISIBLE:
        return ""
    char = _PLAIN.get(char, char)
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = "".join(CONFUSABLE.get(c, c) for c in letters)
    return " " if folded.isspace() else folded


@dataclass(frozen=True, slots=True)
class Folded:
    """A normalised text, and for each of its characters the index it came from."""

    text: str
    origins: Sequence[int]
    length: int
    """The length of the original text."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of the folded span [start, end), which is not empty."""
        return self.origins[start], self.origins[end - 1] + 1


_SPACES = re.compile(r"^ +| +$| {2,}")
_SPECIAL = re.compile(r"[^\x20-\x7e]|`")
"""Characters that may fold to something else: all but printable ASCII (and the backquote)."""


def fold(text: str) -> Folded:
    """`text` normalised (see the module's docstring), with the way back to `text`."""
    pieces: list[str] = []
    done = 0
    for special in _SPECIAL.finditer(text):  # most characters are plain ASCII and stay
        folded = fold_char(special.group())
        if len(folded) != 1:
            return _fold_each(text)  # a character that goes, or becomes several
        pieces += (text[done : special.start()], folded)
        done = special.end()
    flat = "".join(pieces) + text[done:] if pieces else text  # one for one: only spaces to go
    if _SPACES.search(flat) is None:
        return Folded(flat, range(len(flat)), len(text))
    parts: list[str] = []
    origins: list[int] = []
    done = 0
    for run in _SPACES.finditer(flat):
        start, end = run.span()
        keep = start + (0 if start == 0 or end == len(flat) else 1)
        parts.append(flat[done:keep])
        origins.extend(range(done, keep))
        done = end
    parts.append(flat[done:])
    origins.extend(range(done, len(flat)))
    return Folded("".join(parts), origins, len(text))


def _fold_each(text: str) -> Folded:
    """`fold`, character by character."""
    chars: list[str] = []
    origins: list[int] = []
    space = True  # a leading space is dropped, as is every space after another
    for index, char in enumerate(text):
        for part in fold_char(char):
            if part == " ":
                if space:
                    continue
                space = True
            else:
                space = False
            chars.append(part)
            origins.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        origins.pop()
    return Folded("".join(chars), origins, len(text))


def normalize(text: str) -> str:
    """`text` as the shared normalisation reads it (case kept)."""
    return fold(text).text


_SEPARATORS = re.compile(r"[\s\-]+")


def key(text: str, *, match_case: bool = False) -> str:
    """The form two texts are compared in: normalised, words split by one space, casefolded
    unless `match_case`; "P. Jansen" and "P.Jansen" are one key."""
    folded = normalize(text)
    if match_case:
        folded = re.sub(r"\s+", " ", folded)
    else:
        folded = _SEPARATORS.sub(" ", folded).casefold()
    return folded.strip().replace(". ", ".")
