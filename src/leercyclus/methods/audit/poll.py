"""The poll a conversation deck points to: its web address, checked, and its QR code."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from leercyclus.errors import UsageError

MAX_URL = 300
"""The longest poll address taken: a QR code of more is too dense to scan from the back row."""
_HOST = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
_LOCAL = (".local", ".localhost", ".internal", ".lan", ".home", ".arpa", ".test", ".invalid")


def poll_url(text: str) -> str:
    """`text` if it is a public https address of a poll; a UsageError that says why not."""
    hint = "give the poll's https address as the tool shows it, e.g. https://www.menti.com/abc123"
    url = text.strip()
    if len(url) > MAX_URL or any(ord(ch) < 33 or ord(ch) == 127 for ch in url):
        raise UsageError(f"'{url[:60]}' is no poll address: too long, or with spaces", hint)
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise UsageError(f"{url}: a poll address must start with https:// (it has {shown})", hint)
    host = (parts.hostname or "").lower()
    if parts.username is not None or parts.password is not None:
        raise UsageError(f"{url}: a poll address holds no user name or password", hint)
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        raise UsageError(f"{url}: a poll address names its server, not an IP address", hint)
    if not _HOST.fullmatch(host) or host.endswith(_LOCAL) or host == "localhost":
        raise UsageError(f"{url}: '{host}' is not a public server name", hint)
    try:
        parts.port  # noqa: B018  (raises ValueError for a port that is no number)
    except ValueError:
        raise UsageError(f"{url}: the port is not a number", hint) from None
    return url


def qr_png(url: str) -> bytes | None:
    """The QR code of `url` as PNG (black on white, with its quiet zone); None when segno, the
    optional package that draws it (`pip install 'leercyclus[qr]'`), is not installed."""
    try:
        import segno
    except ImportError:
        return None
    import io

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=12, border=4)
    return buffer.getvalue()
