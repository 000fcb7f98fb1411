"""Indicator series are read once: the answer is kept by content, definition and institutions."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from leercyclus.loading.network import load_network
from leercyclus.methods.improvement import gather, seriescache, tables

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
    kept["rows"] = kept["rows"][:1]
    kept["key"] = "0" * 64  # what another content would have been kept under
    entry.write_text(json.dumps(kept), encoding="utf-8")
    calls = _counting(monkeypatch)
    assert _read(example).series == first.series and calls == [SERIES]
    entry.write_text("{not json", encoding="utf-8")
    assert _read(example).series == first.series and calls == [SERIES, SERIES]
