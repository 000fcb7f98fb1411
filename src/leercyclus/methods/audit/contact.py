"""Cheap patterns of contact data in free text (the full de-identification runs at `report`)."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?31[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){7,8}"
    r"|0\d(?:[\s.-]?\d){8})(?!\d)"
)
_NINE_DIGITS = re.compile(r"(?<![\d.,-])\d{4}\.?\d{2}\.?\d{3}(?![\d.,-])|(?<![\d.,-])\d{9}(?![\d])")


_SUSPECT = re.compile(r"@|\d(?:[\s.()+-]*\d){8}")
"""What every e-mail address, phone number or BSN has: an @, or nine digits close together."""


def suspect(text: str) -> bool:
    """Whether `text` may hold contact data: one cheap search, before the patterns themselves."""
    return _SUSPECT.search(text) is not None


def _elfproef(digits: str) -> bool:
    """The check every BSN passes: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11."""
    numbers = [int(d) for d in digits]
    total = sum(w * d for w, d in zip(range(9, 1, -1), numbers[:8], strict=True)) - numbers[8]
    return total % 11 == 0 and total != 0


def contact_data(text: str) -> list[str]:
    """What kinds of contact data `text` seems to hold: an e-mail address, a phone number, a
    citizen service number (BSN, nine digits passing the eleven test)."""
    found: list[str] = []
    if not suspect(text):
        return found
    if _EMAIL.search(text):
        found.append("an e-mail address")
    if _PHONE.search(text):
        found.append("a phone number")
    for match in _NINE_DIGITS.finditer(text):
        digits = match.group().replace(".", "")
        if len(digits) == 9 and _elfproef(digits):
            found.append("a citizen service number (BSN)")
            break
    return found
