"""Indicator series are read once: the answer is kept by content, definition and institutions."""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest

from leercyclus.loading.network import load_network
from leercyclus.methods.improvement import gather, seriescache, tables
from leercyclus.models.improvement import Indicator
from leercyclus.repository.findings import Finding
from series_helpers import indicator

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
SERIES = "indicators/data/naasten-intake.csv"
DAY = dt.date(2026, 12, 1)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "net"))


def _read(root: Path) -> gather.Improvement:
    return gather.gather(load_network(root), DAY)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = tables.read_indicator

    def counted(rel: str, *args: object, **kwargs: object) -> object:
        calls.append(rel)
        return original(rel, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tables, "read_indicator", counted)
    return calls


def test_a_second_run_reads_no_series_and_gets_the_same_answer(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    first = _read(example)
    assert len(calls) == 3
    second = _read(example)
    assert len(calls) == 3  # every series answered from the cache
    assert second.series == first.series and second.findings == first.findings
    assert len(second.series["naasten-intake"]) > 20


def test_a_changed_series_definition_or_register_is_read_again(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _read(example)
    calls = _counting(monkeypatch)
    path = example / SERIES
    path.write_text(path.read_text() + "2026-12,de-linde,50,40,\n", encoding="utf-8")
    changed = _read(example)
    assert calls == [SERIES]
    assert any(f.code == "LC501" and "larger than" in f.message for f in changed.findings)
    definition = example / "indicators" / "naasten-intake.yaml"
    text = definition.read_text(encoding="utf-8")
    assert "\nperiod: month" in text
    definition.write_text(text.replace("\nperiod: month", "\nperiod: quarter"), "utf-8")
    requarter = _read(example)
    assert calls == [SERIES, SERIES]
    assert any("is not a quarter" in f.message for f in requarter.findings)


def test_an_entry_kept_under_another_key_or_unreadable_is_not_used(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _read(example)
    net = load_network(example)
    entry = seriescache._entry(net.root, SERIES)
    kept = json.loads(entry.read_bytes())
    rows = len(first.series["naasten-intake"])
    kept["columns"]["period"] = {"text": "\n".join(["1999-01"] * rows)}  # whole, yet not this
    kept["key"] = "0" * 64  # what another content would have been kept under
    entry.write_text(json.dumps(kept), encoding="utf-8")
    calls = _counting(monkeypatch)
    assert _read(example).series == first.series and calls == [SERIES]
    entry.write_text("{not json", encoding="utf-8")
    assert _read(example).series == first.series and calls == [SERIES, SERIES]


REL = "indicators/data/x.csv"
INSTITUTIONS = {"de-linde", "het-anker", "de-eik"}
HEADER = "period,institution,numerator,denominator,note\n"


COUNT = {"kind": "count", "denominator": None, "unit": "count"}
SERIES_OF_EVERY_KIND = [
    (  # padded cells, numbers written every way, a BSN, problems and gaps
        HEADER + "2025-01,de-linde,1,10,\n\n 2025-02 , de-linde , 2 , 10 , padded \n"
        "2025-03,de-linde,1\n2025-13,de-linde,1,10,\n2025-04,de-beuk,1,10,\n"
        "2025-05,de-linde,nan,10,\n2025-06,de-linde,1e1,1.0E1,111222333\n"
        "2025-07,de-linde,12.5,12.0,\n2025-08,de-linde,0.1,3,\n2025-11,de-linde,-0,10,\n"
        "2025-01,het-anker,1e300,1e308,\n2025-02,het-anker,5e-324,1,\n2025-01,de-linde,1,2,\n",
        indicator(),
    ),
    (  # notes with a line break, quotes, a backslash, a separator and letters beyond ASCII
        HEADER + '2025-01,de-linde,1,10,"a\nb"\n2025-02,de-linde,1,10,"zeg ""ja"" \\ nee"\n'
        "2025-03,de-linde,1,10,één | twee\n2025-04,de-linde,1,10,\u2028\t\n",
        indicator(),
    ),
    (  # a count keeps a denominator it does not check: numbers and None
        HEADER + "2025-01,de-linde,3,0,\n2025-02,de-linde,4,,\n2025-03,de-linde,5,7,\n",
        indicator(**COUNT),
    ),
    (HEADER.replace(",denominator", "") + "2025-01,de-eik,3,\n", indicator(**COUNT)),
    (  # rare events repeat a month
        "period,institution,numerator\n2025-01,de-linde,3\n2025-01,de-linde,0\n"
        "2025-01,de-linde,2\n2025-06,de-linde,1\n2025-01,de-beuk,1\n",
        indicator(kind="time_between", denominator=None, unit="days"),
    ),
    (  # no definition: no period checked, rows of any period
        "period,institution,numerator,denominator\nanything,de-linde,11,10\n"
        "2025-01,de-linde,1,10\nanything,de-linde,1,10\n",
        None,
    ),
    (HEADER, indicator()),  # no rows
    ("period,institution,numerator\n2025-01,de-linde,1\n", None),  # no rows, a finding
]


def _exactly(answer: seriescache.Answer) -> tuple[str, list[list[type]], list[Finding]]:
    """The answer as what a reader can tell apart: values and types (-0.0, NaN), findings."""
    rows, found = answer
    assert all(type(row) is tables.Measurement for row in rows)
    return repr(rows), [list(map(type, row)) for row in rows], found


@pytest.mark.parametrize(("text", "ind"), SERIES_OF_EVERY_KIND)
def test_the_cache_gives_back_each_value_and_type_it_was_given(
    tmp_path: Path, text: str, ind: Indicator | None
) -> None:
    answer = tables.read_indicator(REL, text, ind, INSTITUTIONS)
    seriescache.store(tmp_path, REL, "k", answer)
    assert _exactly(seriescache.load(tmp_path, REL, "k") or ([], [])) == _exactly(answer)
    assert seriescache.load(tmp_path, REL, "another key") is None


def test_the_first_series_has_every_kind_of_number() -> None:
    rows, found = tables.read_indicator(REL, *SERIES_OF_EVERY_KIND[0], INSTITUTIONS)
    numbers = [r.numerator for r in rows] + [r.denominator for r in rows]
    assert {-0.0, 0.1, 1e300, 5e-324, 1e308} <= set(numbers) and found
    assert "-0.0" in repr(numbers)
    notes = [r.note for r in tables.read_indicator(REL, *SERIES_OF_EVERY_KIND[1], INSTITUTIONS)[0]]
    assert notes == ["a\nb", 'zeg "ja" \\ nee', "één | twee", ""]


def test_numbers_beyond_what_a_series_keeps_come_back_too(tmp_path: Path) -> None:
    rows = [
        tables.Measurement(2, "2025-01", "x", math.nan, math.inf, "\n"),
        tables.Measurement(2**62, "", "", -math.inf, None, ""),
        tables.Measurement(-(2**70), "a\r", "\x00", 0.0, -0.0, "\n\n"),
    ]
    seriescache.store(tmp_path, REL, "k", (rows, []))
    assert _exactly(seriescache.load(tmp_path, REL, "k") or ([], [])) == _exactly((rows, []))


def _damaged(entry: dict[str, Any]) -> list[dict[str, Any]]:
    columns = entry["columns"]

    def changed(**to: Any) -> dict[str, Any]:
        return {**entry, "columns": {**columns, **to}}

    line = columns["line"]["int"]
    return [
        changed(line={"int": line[:-4]}),  # one row short
        changed(line={"int": "&" + line[1:]}),  # not base64
        changed(line={"int": line[:-4] + "AA=="}),  # not whole numbers of 8 bytes
        changed(note={"text": columns["note"]["text"] + "\n"}),  # one row more
        changed(period={"pickle": "gASVAAAAAAAAAAB9lC4="}),
        changed(period={"text": "a", "int": "AAAAAAAAAAA="}),
        changed(period=7),
        changed(period="2025-01"),
        {k: v for k, v in entry.items() if k != "findings"},
        {**entry, "columns": {k: v for k, v in columns.items() if k != "note"}},
        {**entry, "findings": [["error", "LC501"]]},
        {**entry, "rows": [[2, "2025-01", "de-linde", 1.0, 10.0, ""]]},  # the former format's
    ]


def test_a_damaged_or_foreign_entry_is_not_used(tmp_path: Path) -> None:
    answer = tables.read_indicator(REL, *SERIES_OF_EVERY_KIND[0], INSTITUTIONS)
    seriescache.store(tmp_path, REL, "k", answer)
    entry = seriescache._entry(tmp_path, REL)
    kept = json.loads(entry.read_bytes())
    assert kept["key"] == "k" and set(kept["columns"]) == set(tables.Measurement._fields)
    for damaged in _damaged(kept):
        if "rows" in damaged:
            del damaged["columns"]
        entry.write_text(json.dumps(damaged), encoding="utf-8")
        assert seriescache.load(tmp_path, REL, "k") is None, damaged
    whole = entry.read_bytes()
    for cut in (whole[: len(whole) // 2], b"[" * 100_000, b"", b"\xff\xfe"):
        entry.write_bytes(cut)
        assert seriescache.load(tmp_path, REL, "k") is None
    entry.write_text(json.dumps(kept), encoding="utf-8")
    assert _exactly(seriescache.load(tmp_path, REL, "k") or ([], [])) == _exactly(answer)
