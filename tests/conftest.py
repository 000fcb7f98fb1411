"""Fixtures: the minimal network and its named scenarios, written into a fresh folder."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from helpers import SCENARIOS, network


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the error boundary as users do: no LEERCYCLUS_DEBUG from the environment."""
    monkeypatch.delenv("LEERCYCLUS_DEBUG", raising=False)


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """The minimal valid network, in `tmp_path / "net"`."""
    return network(tmp_path / "net")


@pytest.fixture
def make_network(tmp_path: Path) -> Callable[[Mapping[str, str | bytes | None]], Path]:
    """Write MINIMAL with some files replaced (None removes one); returns the root."""

    def make(overrides: Mapping[str, str | bytes | None]) -> Path:
        return network(tmp_path / "net", overrides)

    return make


@pytest.fixture
def scenario(tmp_path: Path) -> Callable[[str], Path]:
    """Write the named scenario of helpers.SCENARIOS; returns the root."""

    def make(name: str) -> Path:
        return network(tmp_path / "net", SCENARIOS[name])

    return make
