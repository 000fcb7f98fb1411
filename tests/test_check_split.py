"""`check` of a large network applies the table-reading methods' rules in a forked process:
the same findings, in the same order, as in one process."""

from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from leercyclus import parallel
from leercyclus.commands import pipeline

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The example with findings of the improvement method (a series) and of the others."""
    root = tmp_path / "net"
    shutil.copytree(EXAMPLE, root)
    series = root / "indicators" / "data" / "naasten-intake.csv"
    text = series.read_text(encoding="utf-8")
    series.write_text(text + "2024-13,de-linde,3,2,\nnot-a-period,het-anker,x,1,\n", "utf-8")
    register = root / "institutions.yaml"
    register.write_text(register.read_text(encoding="utf-8") + "\nunknown_key: 1\n", "utf-8")
    return root


def test_the_split_check_finds_what_one_process_finds(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = pipeline.check(broken, today=pipeline.dt.date(2026, 12, 2)).findings
    codes = {f.code[:3] for f in alone}
    assert {"LC5", "LC0"} <= codes or {"LC5", "LC1"} <= codes, codes  # both sides have findings
    forked: list[int] = []
    pool = parallel.pool

    def counted(workers: int, context: Any = None, initializer: Any = None) -> ProcessPoolExecutor:
        forked.append(workers)
        assert context is not None and context.get_start_method() == "fork"
        return pool(workers, context, initializer)

    monkeypatch.setattr(pipeline, "SPLIT_FILES", 0)
    monkeypatch.setattr(parallel, "pool", counted)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    split = pipeline.check(broken, today=pipeline.dt.date(2026, 12, 2), both_cores=True)
    assert forked == [1]
    assert split.findings == alone


def test_a_small_network_is_checked_in_one_process(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_: Any) -> ProcessPoolExecutor:
        raise AssertionError("forked for a small network")

    monkeypatch.setattr(parallel, "pool", refused)
    assert pipeline.check(broken, both_cores=True).findings
