"""The HTML reports open in a real browser (headless Chromium): charts and tables render."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from leercyclus.cli import run

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]  # fmt: skip

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run "
                                "installs Debian's chromium package)")  # fmt: skip


def _pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB or RGBA PNG into rows of pixels (just enough for screenshots)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, channels, rows


def _colours(png: bytes) -> set[tuple[int, int, int]]:
    _width, channels, rows = _pixels(png)
    return {(row[i], row[i + 1], row[i + 2]) for row in rows for i in range(0, len(row), channels)}


@pytest.fixture(scope="module")
def html_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("browser") / "net"
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    out = repo / "out"
    args = ["report", str(repo), "--format", "html", "--no-national", "--institution",
            "de-linde", "--out", str(out)]  # fmt: skip
    assert run(args) == 0
    return out / "2026" / "confidential" / "de-linde" / "institution-report.html"


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, timeout=120, check=False)


def test_the_page_renders_its_chart_and_tables(html_report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    result = _chromium(f"--screenshot={shot}", "--window-size=1000,6000",
                       html_report.as_uri(), tmp=tmp_path)  # fmt: skip
    assert shot.is_file(), result.stderr.decode(errors="replace")[-2000:]
    colours = _colours(shot.read_bytes())
    # The chart's outcome colours (charts.COLOURS) are painted: the SVG was rendered.
    assert (0x2F, 0x7D, 0x32) in colours, "no green 'volledig' bar on the page"
    assert (0xE0, 0xA1, 0x00) in colours, "no amber 'deels' bar on the page"
    # The accent line under the cover: the stylesheet applied.
    assert (0x1F, 0x4E, 0x79) in colours


def test_the_dom_has_the_tables_and_the_svg(html_report: Path, tmp_path: Path) -> None:
    result = _chromium("--dump-dom", html_report.as_uri(), tmp=tmp_path)
    dom = result.stdout.decode()
    assert '<html lang="nl">' in dom
    assert dom.count("<table") >= 4
    assert "<svg" in dom and 'role="img"' in dom
    assert "Instellingsrapport Zorggroep De Linde" in dom


def test_readable_on_a_phone(html_report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "phone.png"
    _chromium(f"--screenshot={shot}", "--window-size=390,12000", html_report.as_uri(),
              tmp=tmp_path)  # fmt: skip
    width, channels, rows = _pixels(shot.read_bytes())
    assert width == 390
    # The chart scales down to the screen: its green bars are painted inside 390 pixels.
    green = [
        x // channels
        for row in rows
        for x in range(0, len(row), channels)
        if (row[x], row[x + 1], row[x + 2]) == (0x2F, 0x7D, 0x32)
    ]
    assert green and max(green) < 390
