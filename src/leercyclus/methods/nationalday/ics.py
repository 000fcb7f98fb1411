"""The national day as a calendar invitation (iCalendar, RFC 5545), written by hand.

Text values are escaped (backslash, semicolon, comma, newline; RFC 5545 3.3.11), content lines
are folded at 75 octets without splitting a UTF-8 character (3.1), lines end in CRLF. Times are
Europe/Amsterdam, with the zone's rules included (3.6.5), so every calendar places it right.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leercyclus.models.nationalday import NationalDay

ZONE = "Europe/Amsterdam"
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{ZONE}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(text: str) -> str:
    """A TEXT value as RFC 5545 writes it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for old, new in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(old, new)
    return text


def unescape(text: str) -> str:
    """The inverse of `escape`."""
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            out.append("\n" if nxt in "nN" and nxt else nxt)
        else:
            out.append(char)
    return "".join(out)


def fold(line: str) -> str:
    """One content line folded into parts of at most 75 octets, joined by CRLF and a space."""
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # a continuation starts with one space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def unfold(text: str) -> str:
    """Content lines as one line each (the reverse of folding)."""
    return text.replace("\r\n ", "").replace("\r\n\t", "")


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%S")


def invitation(day: NationalDay, cycle: str, network: str, stamp: dt.date) -> str:
    """The day as one event; `stamp` (the build's date) keeps the file the same between runs."""
    starts = [dt.datetime.combine(day.date, dt.time.fromisoformat(b.start)) for b in day.programme]
    start = min(starts)
    end = max(
        s + dt.timedelta(minutes=b.minutes) for s, b in zip(starts, day.programme, strict=True)
    )
    where = ", ".join(part for part in (day.place, day.address) if part)
    lines = [f"{b.start} {b.title}" + (f" ({b.room})" if b.room else "") for b in day.programme]
    uid = f"national-day-{cycle}-{day.date.isoformat()}@leercyclus"
    event = [
        "BEGIN:VEVENT",
        f"UID:{escape(uid)}",
        f"DTSTAMP:{stamp.strftime('%Y%m%d')}T000000Z",
        f"DTSTART;TZID={ZONE}:{_stamp(start)}",
        f"DTEND;TZID={ZONE}:{_stamp(end)}",
        f"SUMMARY:{escape(day.title)}",
        f"LOCATION:{escape(where)}",
        f"DESCRIPTION:{escape(chr(10).join([network, '', *lines]).strip())}",
    ]
    if day.email:
        name = f";CN={_param(day.organiser)}" if day.organiser else ""
        event.append(f"ORGANIZER{name}:{_mailto(day.email)}")
    event.append("END:VEVENT")
    content = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//leercyclus//national day//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *_VTIMEZONE,
        *event,
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in content)


def _param(value: str) -> str:
    """A parameter value: quoted, since it may hold `:`, `;` or `,`; a quote or a control
    character (a line break would start a property of its own) cannot be in it."""
    return '"' + _CONTROL.sub(" ", value).replace('"', "'") + '"'


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]+")
"""What RFC 5545 (3.1, QSAFE-CHAR) keeps out of a parameter value: every control but a tab."""


def _mailto(email: str) -> str:
    """The e-mail address as a URI: a space or a line break in it percent-encoded."""
    from urllib.parse import quote

    return "mailto:" + quote(email, safe="@:/?=&+")
