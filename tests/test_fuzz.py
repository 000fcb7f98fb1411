"""Property tests: no input makes `check` crash, and a broken file is always named in a finding."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from helpers import (
    ACTIONS,
    CYCLE_FILE,
    EVALUATION,
    MINIMAL,
    REGISTER,
    SELF_REVIEW,
    SETTINGS,
    STANDARD_A1,
    VISIT,
    network,
)
from leercyclus.cli import run
from leercyclus.models import MODELS
from leercyclus.repository.yamlread import load_text

KINDS = {
    SETTINGS: "settings",
    REGISTER: "institutions",
    CYCLE_FILE: "cycle",
    STANDARD_A1: "standard",
    SELF_REVIEW: "self-review",
    VISIT: "visit",
    ACTIONS: "actions",
    EVALUATION: "evaluation",
}
"""One file of every kind in MINIMAL."""
FILES = list(KINDS)
KEYS = ["severity", "file", "line", "column", "code", "message"]
LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TOKENS = [
    *("network", "institutions", "id", "name", "institution", "date", "team", "standards"),
    *("outcome", "title", "domains", "participants", "A1", "de-linde", "2025", "1.10"),
    *("2025-04-14", "true", "no", "~", "null", ":", ": ", " ", "  ", "\n", "\n  ", "- ", "-"),
    *("[", "]", "{", "}", ", ", "'", '"', "#", "&a ", "*a", "!!str ", "!!binary ", "!x ", "? "),
    *("!!python/object/apply:os.system ", "---\n", "...\n", "|\n", ">\n", "\t", "%YAML 1.2\n"),
    *("é", "\u2028", "\x85", "\r\n", "\x00", "\x07", "\ufeff", "<<: ", "= "),
]
"""Pieces of YAML and of the contract's keys and values, so random text reaches the models."""

yamlish = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=60).map(
    "".join
)


@st.composite
def spliced(draw: st.DrawFn, rel: str) -> str:
    """A valid file with random YAML-ish text put in somewhere."""
    text = MINIMAL[rel]
    at = draw(st.integers(0, len(text)))
    cut = draw(st.integers(0, 20))
    return text[:at] + draw(yamlish) + text[at + cut :]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One minimal network per module; every example changes one file and puts it back."""
    return network(tmp_path_factory.mktemp("fuzz") / "net")


def check_with(root: Path, rel: str, raw: bytes) -> tuple[int, list[dict[str, Any]]]:
    """`leercyclus check --format json` with `rel` holding `raw`; its exit code and findings."""
    path = root / rel
    original = path.read_bytes()
    path.write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = run(["check", str(root), "--format", "json"])
    finally:
        path.write_bytes(original)
    assert code in (0, 1), err.getvalue()
    findings = json.loads(out.getvalue())
    assert isinstance(findings, list)
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)
    text = raw.decode("utf-8", errors="replace")
    for f in findings:
        assert list(f) == KEYS
        assert f["severity"] in ("error", "warning")
        assert re.fullmatch(r"LC\d{3}", f["code"])
        assert isinstance(f["message"], str) and f["message"]
        assert (root / f["file"]).exists() and not Path(f["file"]).is_absolute()
        assert f["line"] >= 1 and f["column"] >= 1
        if f["file"] == rel:  # +2: libyaml puts an unclosed '[' on a line after the last
            assert f["line"] <= 2 + sum(text.count(b) for b in LINE_BREAKS)
    return code, findings


def surely_invalid(rel: str, raw: bytes) -> bool:
    """True when `raw` certainly cannot be a valid file of its kind; False when unsure."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return True
    if "\x00" in text:
        return True
    try:
        data = yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506 - the safe loader
    except yaml.constructor.ConstructorError:
        return False  # YAML 1.1 typing trouble, which leercyclus does not share
    except yaml.YAMLError:
        return True
    except Exception:  # bad timestamps and such: no verdict
        return False
    if not isinstance(data, dict):
        return True
    model = MODELS[KINDS[rel]]
    keys = {str(k) for k in data}
    required = {name for name, field in model.model_fields.items() if field.is_required()}
    return bool(keys - set(model.model_fields)) or not required <= keys


def assert_named_if_invalid(root: Path, rel: str, raw: bytes) -> None:
    _code, findings = check_with(root, rel, raw)
    invalid = surely_invalid(rel, raw)
    event(f"surely invalid: {invalid}")
    if invalid:
        assert any(f["file"] == rel for f in findings), findings


# (a) Random text and bytes ---------------------------------------------------------------------


@FUZZ
@given(rel=st.sampled_from(FILES), text=yamlish)
def test_random_text(root: Path, rel: str, text: str) -> None:
    assert_named_if_invalid(root, rel, text.encode())


@FUZZ
@given(data=st.data())
def test_valid_file_with_random_text_inside(root: Path, data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(FILES))
    assert_named_if_invalid(root, rel, data.draw(spliced(rel)).encode())


@settings(FUZZ, max_examples=100)
@given(rel=st.sampled_from(FILES), raw=st.binary(max_size=300))
def test_random_bytes(root: Path, rel: str, raw: bytes) -> None:
    assert_named_if_invalid(root, rel, raw)


# (b) Mutations of valid documents ------------------------------------------------------------


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key of every mapping and every item of every list, as a path from the root."""
    if isinstance(data, dict | list):
        for key, value in data.items() if isinstance(data, dict) else enumerate(data):
            yield (*prefix, key)
            yield from paths(value, (*prefix, key))


def mutate(data: Any, path: tuple[Any, ...], op: str) -> Any:
    """A copy of `data` with `op` (drop, rename, retype) done at `path`."""
    if not path:
        if op == "retype":
            return "tekst" if isinstance(data, dict | list) else ["x"]
        raise AssertionError(op)
    head, rest = path[0], path[1:]
    if isinstance(data, list):
        copy = list(data)
        if rest or op != "drop":
            copy[head] = mutate(copy[head], rest, op)
        else:
            del copy[head]
        return copy
    if rest or op == "retype":
        return {k: mutate(v, rest, op) if k == head else v for k, v in data.items()}
    if op == "drop":
        return {k: v for k, v in data.items() if k != head}
    return {(f"{k}_x" if k == head else k): v for k, v in data.items()}


DOCUMENTS = {rel: load_text(MINIMAL[rel]) for rel in FILES}


def dump(data: Any) -> bytes:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode()


def test_dumped_documents_are_still_valid(root: Path) -> None:
    """The mutations below start from a faithful round trip."""
    for rel, data in DOCUMENTS.items():
        assert check_with(root, rel, dump(data)) == (0, [])


@FUZZ
@given(data=st.data())
def test_data_mutations(root: Path, data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(FILES))
    document = DOCUMENTS[rel]
    path = data.draw(st.sampled_from(list(paths(document))))
    ops = ["drop", "retype"] + (["rename"] if isinstance(path[-1], str) else [])
    mutated = mutate(document, path, data.draw(st.sampled_from(ops)))
    try:
        MODELS[KINDS[rel]].model_validate(mutated)
        valid = True
    except ValidationError:
        valid = False
    event(f"the model accepts it: {valid}")
    _code, findings = check_with(root, rel, dump(mutated))
    own = [f for f in findings if f["file"] == rel]
    if valid:
        assert [f for f in own if f["code"] < "LC200"] == []
    else:
        assert own, findings


KEY_LINE = re.compile(r"^\s*[\w.-]+:")


@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_text_mutations(root: Path, data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(FILES))
    lines = MINIMAL[rel].splitlines(keepends=True)
    op = data.draw(st.sampled_from(["duplicate", "indent", "dedent", "tab"]))
    if op == "duplicate":
        at = data.draw(st.sampled_from([n for n, line in enumerate(lines) if KEY_LINE.match(line)]))
        lines.insert(at, lines[at])
    else:
        at = data.draw(st.integers(0, len(lines) - 1))
        width = data.draw(st.integers(1, 3))
        line = lines[at]
        if op == "indent":
            lines[at] = " " * width + line
        elif op == "dedent":
            lines[at] = line[min(width, len(line) - len(line.lstrip(" "))) :]
        else:
            lines[at] = "\t" + line
    raw = "".join(lines).encode()
    _code, findings = check_with(root, rel, raw)
    invalid = op == "duplicate" or surely_invalid(rel, raw)
    event(f"surely invalid: {invalid}")
    if invalid:
        assert any(f["file"] == rel for f in findings), findings
