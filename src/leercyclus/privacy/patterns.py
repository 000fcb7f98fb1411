"""Identifying data found by its form, not by a list: contact data, numbers, dates, titles.

Three uses share these patterns: the scrubber replaces what they find, the leak guard refuses a
public output that still holds contact data, and `check` warns about them in the fields that
reach the national report. Every pattern reads text through the shared normalisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from leercyclus.privacy.normalize import Folded, fold


@dataclass(frozen=True)
class Form:
    """A kind of identifying data, the pattern that finds it, and what replaces it."""

    what: str
    """What it is, in a message: "an e-mail address"."""
    regex: re.Pattern[str]
    placeholder: str
    group: str = "x"
    """The named group that is replaced (the rest, a title or a label, stays)."""
    hint: str | None = None
    """The name of what a text must hold for `regex` to find anything (_HINTS): skips most."""


_HINTS: dict[str, tuple[str, ...]] = {
    "@": ("@", " at ", "(at", "[at", "{at", "<at", "at)", "at]", "at}", "at>", "apest", "apenst"),
    "digit": (),
    "digits": (),
    "birth": ("geb", "born", "birth", "dob"),
    "web": ("www", "http", ".nl", ".com", ".org", ".net", ".eu", ".be", ".de", ".info", ".nu",
            ".io", ".frl"),
    "account": ("@", "insta", "twitter", "facebook", "linkedin", "tiktok", "youtube", "mastodon",
                "bluesky", "threads", "snapchat"),
    "title": ("mevr", "meneer", "mw.", "mvr.", "dhr.", "de heer", "mr.", "dr.", "drs.", "ir.",
              "ing.", "prof.", "zuster", "broeder", "dokter", "ds.", "dominee", "pastor", "mrs",
              "miss"),
    "unit": ("afdeling", "locatie", "vestiging", "gebouw", "paviljoen", "villa", "unit",
             "woonvorm", "woongroep", "woning", "huis", "kliniek", "team", "vleugel", "pand",
             "campus", "terrein", "ward", "building"),
}  # fmt: skip
"""What a text (lowercased) must hold for a form to find anything: words, or digits (())."""
_DIGITS = {"digit": re.compile(r"\d"), "digits": re.compile(r"\d(?:[\s().\-/+]{0,3}\d){6}")}
"""A digit; seven digits, apart at most by separators (a phone number, a long number)."""


def _form(what: str, pattern: str, placeholder: str, hint: str) -> Form:
    assert hint in _HINTS
    return Form(what, re.compile(pattern), placeholder, hint=hint)


def _bracketed(word: str) -> str:
    return rf"(?:\(\s*{word}\s*\)|\[\s*{word}\s*\]|\{{\s*{word}\s*\}}|<\s*{word}\s*>)"


_LOCAL = r"[A-Za-z0-9_][\w.+-]*"
_AT_WORD = r"(?i:at|apenstaartje|apestaartje|apestaart)"
_DOT_WORD = r"(?i:dot|punt)"
_SPELLED_DOT = rf"(?:\s*{_bracketed(_DOT_WORD)}\s*|\s+{_DOT_WORD}\s+)"
_TLD = r"[A-Za-z]{2,12}"
_DIGIT_SEP = r"(?:\s?[-./]\s?|\s)?"
_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|january|february|march|may|june|july|august|october|mrt|"
    r"(?:jan|feb|febr|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\.)"
)

CONTACT: tuple[Form, ...] = (
    _form(
        "an e-mail address",
        rf"(?<![\w.+-])(?P<x>{_LOCAL}(?:@|\s@\s)[\w-]+(?:\.[\w-]+)*\.{_TLD})(?![\w-])",
        "[e-mailadres]",
        "@",
    ),
    _form(
        "an e-mail address written out",
        rf"(?<![\w.+-])(?P<x>{_LOCAL}\s*(?:{_bracketed(_AT_WORD)}|{_bracketed('@')})\s*[\w-]+"
        rf"(?:(?:\.|{_SPELLED_DOT})[\w-]+)*)(?![\w-])",
        "[e-mailadres]",
        "@",
    ),
    _form(
        "an e-mail address written out",
        rf"(?<![\w.+-])(?P<x>{_LOCAL}\s+{_AT_WORD}\s+[\w-]+(?:(?:\.|{_SPELLED_DOT})[\w-]+)*"
        rf"(?:\.|{_SPELLED_DOT}){_TLD})(?![\w-])",
        "[e-mailadres]",
        "@",
    ),
    _form(
        "a phone number",
        rf"(?<![\w+])(?P<x>(?:\+|00)\s?\d{{1,3}}{_DIGIT_SEP}(?:\(0\){_DIGIT_SEP})?\d"
        rf"(?:{_DIGIT_SEP}\d){{6,11}})(?!\d)",
        "[telefoonnummer]",
        "digits",
    ),
    _form(
        "a phone number",
        rf"(?<![\w+])(?P<x>0\d(?:{_DIGIT_SEP}\d){{8}}|\(0\d{{1,3}}\)\s?\d(?:{_DIGIT_SEP}\d){{5,7}})"
        r"(?!\d)",
        "[telefoonnummer]",
        "digits",
    ),
    _form(
        "a web address",
        r"(?i)(?<![\w@.-])(?P<x>(?:https?://|www\.)[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]|"
        r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:nl|com|org|net|eu|be|de|info|nu|io|frl)"
        r"(?:/[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?])?)(?![\w-])",
        "[website]",
        "web",
    ),
    _form(
        "a social-media account",
        r"(?<![\w.@/])(?P<x>@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])",
        "[account]",
        "account",
    ),
    _form(
        "a social-media account",
        r"(?i:\b(?:instagram|insta|twitter|facebook|linkedin|tiktok|youtube|mastodon|bluesky|"
        r"threads|snapchat)\s*:\s*)(?P<x>[\w.@/-]{2,40}\w)",
        "[account]",
        "account",
    ),
    _form(
        "a client or record number",
        r"(?i:(?<!\w)(?:(?:cli[eë]nt|pati[eë]nt|dossier|registratie|record|relatie|"
        r"verzekerings|burgerservice|bewoners?)[\s-]?(?:nummer|nr|no|code|id)\.?|bsn|agb(?:-code)?|"
        r"big(?:-nummer)?|uzovi))\s*[:#]?\s*(?P<x>[A-Za-z]{0,3}[-/]?\d(?:[\d.\-/]*\d)?)",
        "[nummer]",
        "digit",
    ),
    _form(
        "a birth date",
        r"(?i:(?<!\w)(?:geboren|geb\.|geboortedatum|geboortejaar|geboortedag|born|date of birth|"
        r"dob)\s*(?:op|in|:|on)?)\s*(?P<x>(?:\d{1,2}[-/.\s]+(?:\d{1,2}|" + _MONTHS + r")"
        r"[-/.\s]+)?(?:19|20)\d\d)(?!\d)",
        "[datum]",
        "birth",
    ),
    _form(
        "a long number",
        r"(?<![\w.,€$/-])(?<!€ )(?!(?:19|20)\d\d\s?[-/]\s?(?:19|20)?\d\d(?!\d))"
        r"(?!\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?![\d.\-/]))"
        r"(?P<x>\d(?:[.\-/]?\d){6,})(?![\w])(?!\s*(?i:euro|eur)\b)",
        "[nummer]",
        "digits",
    ),
)
"""Contact data and numbers: replaced in every text, refused in public outputs, warned about."""

DATES: tuple[Form, ...] = (
    _form(
        "a date",
        rf"(?i)(?<![\w.])(?P<x>\d{{1,2}}(?:e|ste|de)?\s+{_MONTHS}(?:\s+(?:19|20)\d\d)?)(?![\w])",
        "[datum]",
        "digit",
    ),
    _form(
        "a date",
        rf"(?i)(?<![\w.])(?P<x>{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?)"
        r"(?![\w])",
        "[datum]",
        "digit",
    ),
    _form(
        "a date",
        r"(?<![\w.])(?P<x>\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d)(?![\w])",
        "[datum]",
        "digit",
    ),
)
"""A day of the year, with or without its year: a review day or a birthday singles out."""

_NAME = r"[A-Z][\w'-]+"
_PARTICLE = r"(?:van|de|der|den|ter|ten|te|in 't|van 't|'t|el|al|von|du|da|la|le)"
NAMED: tuple[Form, ...] = (
    _form(
        "a name after a title",
        r"(?i:(?<!\w)(?:mevrouw|meneer|mevr\.|mw\.|mvr\.|dhr\.|de heer|mr\.|dr\.|drs\.|ir\.|"
        r"ing\.|prof\.|zuster|broeder|dokter|ds\.|dominee|pastor|mrs\.?|miss))\s+"
        rf"(?P<x>(?:[A-Z]\.\s*)*(?:{_PARTICLE}\s+)*{_NAME}(?:[ -]{_NAME})?)",
        "[persoon]",
        "title",
    ),
    _form(
        "the name of a ward, building or team",
        r"(?i:(?<!\w)(?:afdeling|afdelingen|locatie|vestiging|gebouw|paviljoen|villa|unit|"
        r"woonvorm|woongroep|woning|huis|kliniek|team|wijkteam|behandelunit|vleugel|pand|campus|"
        r"terrein|ward|building))\s+"
        rf"(?P<x>(?!(?:[A-Z]{{2,6}})(?!\w))(?:(?:de|het|'t|ter|ten)\s+)?{_NAME}"
        rf"(?:\s+{_NAME})*)",
        "[locatie]",
        "unit",
    ),
)
"""Names found by the word before them: "mevrouw Kok", "afdeling Dommeldal"."""

SCRUBBED = (*CONTACT[:-1], *DATES, CONTACT[-1], *NAMED)
"""In this order: a birth date before other days, days before long numbers."""


def scrub_forms(text: str) -> str:
    """`text` with every contact detail, number, day, titled name and ward name replaced."""
    folded = fold(text)
    hints = _Hints(folded.text)
    for form in SCRUBBED:
        if hints.allow(form) and form.regex.search(folded.text):
            text = _replace(form, text, folded)
            folded = fold(text)
            hints = _Hints(folded.text)
    return text


class _Hints:
    """Which quick tests a text passes, each answered once (see _HINTS)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.known: dict[str, bool] = {}

    def allow(self, form: Form) -> bool:
        """May `form` find something in the text?"""
        if form.hint is None:
            return True
        if form.hint not in self.known:
            words = _HINTS[form.hint]
            self.known[form.hint] = (
                any(map(self.lowered.__contains__, words))
                if words
                else _DIGITS[form.hint].search(self.text) is not None
            )
        return self.known[form.hint]


def _replace(form: Form, text: str, folded: Folded) -> str:
    """`text` with what `form` finds (in its normalised reading) replaced by its placeholder."""
    parts: list[str] = []
    done = 0
    for match in form.regex.finditer(folded.text):
        start, end = match.span(form.group)
        if start < end:
            begin, stop = folded.span(start, end)
            parts += [text[done:begin], form.placeholder]
            done = stop
    parts.append(text[done:])
    return "".join(parts)


def contact_data(text: str) -> Iterator[tuple[str, str]]:
    """(what, the text found) of every contact detail or number in `text`."""
    for what, found, _, _ in contact_data_at(fold(text).text):
        yield what, found


def contact_data_at(normalized: str) -> Iterator[tuple[str, str, int, int]]:
    """(what, the text found, start, end) of every contact detail in an already normalised text."""
    taken: list[tuple[int, int]] = []
    hints = _Hints(normalized)
    for form in CONTACT:  # the first form that finds a text names it
        if not hints.allow(form):
            continue
        for match in form.regex.finditer(normalized):
            start, end = match.span(form.group)
            if all(end <= a or start >= b for a, b in taken):
                taken.append((start, end))
                yield form.what, match.group(form.group), start, end
