"""A location's conversation deck on request (`export deck`): the QR code to the poll (read back
with python-pptx), the deck without it when segno is missing, the poll's address checked, and
the question list as CSV and xlsx."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from audit_helpers import FRAMEWORK, audit_network
from leercyclus.cli import run
from leercyclus.errors import UsageError
from leercyclus.methods.audit.poll import poll_url

Capsys = pytest.CaptureFixture[str]
POLL = "https://www.menti.com/al2b3c4d5e"


def deck(root: Path, *extra: str) -> int:
    out = root.parent / "deck.pptx"
    return run(["export", "deck", "de-linde", "de-horst", "--repo", str(root),
                "--out", str(out), *extra])  # fmt: skip


def slides(path: Path) -> list[list[object]]:
    pptx = pytest.importorskip("pptx")
    return [list(slide.shapes) for slide in pptx.Presentation(str(path)).slides]


def texts(shapes: list[object]) -> list[str]:
    return [s.text_frame.text for s in shapes if s.has_text_frame]  # type: ignore[attr-defined]


def test_the_deck_opens_with_the_qr_code_of_the_poll(tmp_path: Path, capsys: Capsys) -> None:
    segno = pytest.importorskip("segno")
    root = audit_network(tmp_path / "net")
    assert deck(root, "--poll-url", POLL) == 0
    assert "no QR code" not in capsys.readouterr().out
    found = slides(tmp_path / "deck.pptx")
    assert len(found) == 1 + 1 + 3 * 2  # title, the poll, three slides per theme
    join = found[1]
    assert texts(join)[0] == "Doe mee met de quiz"
    assert texts(join)[-1] == f"Scan de code met je telefoon, of ga naar:\n{POLL}"
    pictures = [s for s in join if s.shape_type == 13]  # type: ignore[attr-defined]
    assert len(pictures) == 1
    image = pictures[0].image.blob  # type: ignore[attr-defined]
    import io

    expected = io.BytesIO()
    segno.make(POLL, error="m", micro=False).save(expected, kind="png", scale=12, border=4)
    assert image == expected.getvalue()  # the code of this very address
    assert texts(found[2])[0] == "Medicatieveiligheid"


def test_without_segno_the_deck_has_the_address_and_a_note_says_why(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "segno", None)  # as if it were not installed
    root = audit_network(tmp_path / "net")
    assert deck(root, "--poll-url", POLL) == 0
    assert "no QR code: the optional package segno is not installed" in capsys.readouterr().out
    join = slides(tmp_path / "deck.pptx")[1]
    assert all(s.shape_type != 13 for s in join)  # type: ignore[attr-defined]
    assert POLL in texts(join)[-1]


def test_without_a_poll_the_deck_is_the_reports_deck(tmp_path: Path) -> None:
    root = audit_network(tmp_path / "net")
    assert deck(root) == 0
    found = slides(tmp_path / "deck.pptx")
    assert len(found) == 1 + 3 * 2
    assert texts(found[1])[0] == "Medicatieveiligheid"


def test_the_question_list_comes_as_csv_and_as_a_workbook(tmp_path: Path) -> None:
    root = audit_network(tmp_path / "net")
    assert deck(root) == 0
    with (tmp_path / "deck-vragen.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["type", "question", "option 1", "option 2", "option 3", "option 4"]
    assert rows[1] == [
        "multiple_choice", "Hoe denk jij dat onze locatie scoorde op medicatieveiligheid?",
        "Zorgelijk", "Aandacht nodig", "Op orde", "Voorbeeld",
    ]  # fmt: skip
    assert rows[2][:2] == [
        "open", "Medicatieveiligheid: Wat zie jij dat de observatoren niet zagen?",
    ]  # fmt: skip
    sheet = load_workbook(tmp_path / "deck-vragen.xlsx").active
    assert [[c or "" for c in row] for row in sheet.values] == rows
    assert deck(root) == 2  # never overwritten without --force
    assert deck(root, "--force") == 0


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://www.menti.com/abc", "must start with https://"),
        ("file:///etc/passwd", "must start with https://"),
        ("javascript:alert(1)", "must start with https://"),
        ("www.menti.com/abc", "must start with https://"),
        ("https://localhost/poll", "is not a public server name"),
        ("https://intranet.local/poll", "is not a public server name"),
        ("https://127.0.0.1/poll", "not an IP address"),
        ("https://[::1]/poll", "not an IP address"),
        ("https://user:secret@www.menti.com/abc", "no user name or password"),
        ("https://www.menti.com/a b", "too long, or with spaces"),
        ("https://www.menti.com:x/abc", "the port is not a number"),
    ],
)
def test_only_a_public_https_address_is_a_poll(url: str, why: str) -> None:
    with pytest.raises(UsageError, match=why):
        poll_url(url)


@pytest.mark.parametrize(
    "url",
    [POLL, "https://app.sli.do/event/abc123", "https://app.wooclap.com/ABCDEF?from=qr"],
)
def test_the_polling_tools_addresses_are_taken(url: str) -> None:
    assert poll_url(f" {url} ") == url


def test_a_location_without_an_audit_is_told_which_have_one(tmp_path: Path, capsys: Capsys) -> None:
    root = audit_network(tmp_path / "net")
    out = tmp_path / "x.pptx"
    args = ["export", "deck", "de-linde", "de-wei", "--repo", str(root), "--out", str(out)]
    assert run(args) == 1
    err = capsys.readouterr().err
    assert "cycle 2025 has no audit of de-linde de-wei" in err
    assert "the audited locations are: de-linde de-horst" in err
    assert not out.exists()


def test_the_deck_of_one_location_has_the_report_a_build_makes(tmp_path: Path) -> None:
    from leercyclus.loading.network import load_network
    from leercyclus.methods.audit.reports import location_report_of, location_reports

    net = load_network(audit_network(tmp_path / "net"), use_cache=False)
    _, every = location_reports(net, "2025")
    audited = [(r.institution, r.location) for r in every]
    assert audited == [("de-linde", "de-horst")]
    for r in every:
        assert location_report_of(net, "2025", r.institution, r.location) == (r, audited)
    assert location_report_of(net, "2025", "de-linde", "de-wei") == (None, audited)
    assert location_report_of(net, "1999", "de-linde", "de-horst") == (None, [])


def test_a_label_a_spreadsheet_would_run_stays_text_in_both_question_files(
    tmp_path: Path,
) -> None:
    root = audit_network(tmp_path / "net")
    framework = root / FRAMEWORK
    text = framework.read_text(encoding="utf-8").replace(
        "label: Zorgelijk}", 'label: "=HYPERLINK(\\"http://x.test\\", \\"klik\\")"}'
    )
    framework.write_text(text, encoding="utf-8")
    assert deck(root) == 0
    with (tmp_path / "deck-vragen.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][2] == '\'=HYPERLINK("http://x.test", "klik")'
    sheet = load_workbook(tmp_path / "deck-vragen.xlsx").active
    cell = sheet.cell(row=2, column=3)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x.test", "klik")', "s")
