"""Fixtures: the minimal network and its named scenarios, written into a fresh folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from helpers import SCENARIOS, network
from leercyclus.repository.cache import CACHE_ENV


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """leercyclus's caches (parse cache, remembered answers, build manifests) go to a folder of
    the test session, not the user's cache; subprocesses inherit it."""
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


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
