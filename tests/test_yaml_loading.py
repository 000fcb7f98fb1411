"""Reading YAML: syntax errors where they start, bad bytes, hostile input, and YAML 1.2 values."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from helpers import MINIMAL, SETTINGS, STANDARD_A1, VISIT, Found, edited, found
from leercyclus.repository.tojson import MAX_NODES
from leercyclus.repository.yamlread import YamlProblem, load_text

MakeNetwork = Callable[[Mapping[str, str | bytes | None]], Path]

NOT_UTF8 = "the file is not UTF-8 text (byte 0x{:02x}): save it as UTF-8 in your editor"
EMPTY = "the file is empty: fill it in or remove it"
TAB = "YAML syntax error: a tab is used for indentation: indent with spaces"


def settings_findings(make_network: MakeNetwork, content: str | bytes) -> list[Found]:
    """The findings of a network whose leercyclus.yaml is `content`."""
    return found(make_network({SETTINGS: content}))


def one(code: str, line: int, column: int, message: str, file: str = SETTINGS) -> list[Found]:
    return [Found("error", file, line, column, code, message)]


# Syntax errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('network: "Netwerk\nlanguage: nl\nformats: [html]\n', 1, 10),
        ("network: N\nlanguage: 'nl\nformats: [html]\n", 2, 11),
        ('network: N\nnational:\n  extra_terms: ["Zon\n    huis]\n', 3, 17),
    ],
)
def test_unclosed_quote_points_where_it_opened(
    make_network: MakeNetwork, text: str, line: int, column: int
) -> None:
    message = "YAML syntax error: a quoted text is not closed: add the closing quote"
    assert settings_findings(make_network, text) == one("LC002", line, column, message)


def test_missing_colon_points_at_the_line(make_network: MakeNetwork) -> None:
    message = (
        "YAML syntax error: a key is not followed by ':' (a line without 'key: value', "
        "or a missing ':')"
    )
    text = "network: N\nlanguage nl\nformats: [html]\n"
    assert settings_findings(make_network, text) == one("LC002", 2, 1, message)


def test_unclosed_bracket_points_where_it_opened(make_network: MakeNetwork) -> None:
    text = edited(STANDARD_A1, "type: 1\n", "guidance: [a, b\n")
    assert found(make_network({STANDARD_A1: text})) == one(
        "LC002",
        5,
        11,
        "YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'",
        STANDARD_A1,
    )


def test_tab_at_line_start_says_tab(make_network: MakeNetwork) -> None:
    text = "network: Netwerk\nnational:\n\tmin_group: 5\n"
    assert settings_findings(make_network, text) == one("LC002", 3, 1, TAB)


def test_tab_after_spaces_says_tab(make_network: MakeNetwork) -> None:
    text = "network: N\nnational:\n  min_group: 5\n\textra_terms: []\n"
    assert settings_findings(make_network, text) == one("LC002", 4, 1, TAB)


def test_tab_between_key_and_value_is_allowed(make_network: MakeNetwork) -> None:
    assert settings_findings(make_network, "network:\tNetwerk\n") == []


def test_control_character_is_located(make_network: MakeNetwork) -> None:
    text = edited(STANDARD_A1, "type: 1\n", "guidance: a\x07b\n")
    [finding] = found(make_network({STANDARD_A1: text}))
    assert (finding.line, finding.column, finding.code) == (5, 12, "LC002")
    assert "<unicode string>" not in finding.message
    assert "\n" not in finding.message


def test_several_documents_in_one_file(make_network: MakeNetwork) -> None:
    message = (
        "YAML syntax error: expected a single document in the stream, but found another document"
    )
    text = "network: A\n---\nnetwork: B\n"
    assert settings_findings(make_network, text) == one("LC002", 2, 1, message)


def test_one_document_with_markers_is_fine(make_network: MakeNetwork) -> None:
    assert settings_findings(make_network, "---\nnetwork: A\n...\n") == []


def test_duplicate_key_in_a_list_item(make_network: MakeNetwork) -> None:
    text = edited(VISIT, "    role: chair\n", "    role: chair\n    role: client\n")
    message = "duplicate key 'role' (first on line 5): keep one of the two"
    assert found(make_network({VISIT: text})) == one("LC004", 6, 5, message, VISIT)


def test_crlf_line_endings_keep_positions(make_network: MakeNetwork) -> None:
    text = edited(STANDARD_A1, "type: 1", "typ: 1").replace("\n", "\r\n").encode()
    message = "unknown key 'typ': did you mean 'type'?"
    assert found(make_network({STANDARD_A1: text})) == one("LC101", 5, 1, message, STANDARD_A1)


# Bytes and empty files -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "line", "column", "byte"),
    [
        (b"\xffnetwork: N\n", 1, 1, 0xFF),
        (b"network: Caf\xe9\n", 1, 13, 0xE9),
        (b"network: N\nlanguage: nl\nformats: [\x80]\n", 3, 11, 0x80),
    ],
)
def test_bad_byte_is_located(
    make_network: MakeNetwork, raw: bytes, line: int, column: int, byte: int
) -> None:
    assert settings_findings(make_network, raw) == one("LC001", line, column, NOT_UTF8.format(byte))


def test_bad_byte_column_counts_characters(make_network: MakeNetwork) -> None:
    raw = "network: Cliënt ".encode() + b"\xff\n"
    assert settings_findings(make_network, raw) == one("LC001", 1, 17, NOT_UTF8.format(0xFF))


def test_bad_byte_after_a_bom(make_network: MakeNetwork) -> None:
    raw = b"\xef\xbb\xbfnetwork: N\nlanguage: \xff\n"
    assert settings_findings(make_network, raw) == one("LC001", 2, 11, NOT_UTF8.format(0xFF))


def test_nul_character(make_network: MakeNetwork) -> None:
    message = "the file contains NUL characters: it is not a text file"
    assert settings_findings(make_network, b"network: a\x00b\n") == one("LC001", 1, 1, message)


def test_bom_is_accepted_and_positions_unchanged(make_network: MakeNetwork) -> None:
    assert settings_findings(make_network, b"\xef\xbb\xbfnetwork: N\n") == []
    raw = b"\xef\xbb\xbfnetwork: N\nlanguag: nl\n"
    message = "unknown key 'languag': did you mean 'language'?"
    assert settings_findings(make_network, raw) == one("LC101", 2, 1, message)


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n", "# nothing yet\n\n  # still nothing\n"])
def test_empty_or_comment_only_file(make_network: MakeNetwork, text: str) -> None:
    assert settings_findings(make_network, text) == one("LC003", 1, 1, EMPTY)


@pytest.mark.parametrize(
    ("text", "what"), [("- network: A\n", "a list"), ("Netwerk\n", "'Netwerk'"), ("~\n", None)]
)
def test_top_level_must_be_a_mapping(make_network: MakeNetwork, text: str, what: str) -> None:
    message = (
        f"the file holds {what or 'an empty value'}, where a mapping of keys belongs (such as "
        "'network', 'language', 'formats'): see docs/format.md"
    )
    assert settings_findings(make_network, text) == one("LC010", 1, 1, message)


# Hostile input ---------------------------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    """Each level lists the one before ten times: 10**levels strings when expanded naively."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        name, before = chr(ord("a") + n), chr(ord("a") + n - 1)
        lines.append(f"{name}: &{name} [{', '.join([f'*{before}'] * 10)}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused(make_network: MakeNetwork) -> None:
    assert 10**9 > 1000 * MAX_NODES  # a naive expansion holds a billion strings
    [finding] = settings_findings(make_network, billion_laughs())
    message = (
        f"the file expands to more than {MAX_NODES:,} values (anchors and aliases repeated): "
        "write the values out or split the file"
    )
    assert (finding.severity, finding.code, finding.message) == ("error", "LC005", message)
    assert 1 <= finding.line <= 9


def test_small_anchors_and_aliases_are_fine(make_network: MakeNetwork) -> None:
    text = "network: &n Netwerk\nnational:\n  extra_terms: [*n, *n]\n"
    assert settings_findings(make_network, text) == []


def test_merge_keys_are_not_yaml_1_2(make_network: MakeNetwork) -> None:
    text = "network: N\nnational: &n {min_group: 5}\n<<: *n\n"
    message = (
        "unknown key '<<': the keys allowed here are network, language, formats, national, groups"
    )
    assert settings_findings(make_network, text) == one("LC101", 3, 1, message)


def test_python_tag_is_never_executed(make_network: MakeNetwork, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = f'network: !!python/object/apply:os.system ["touch {marker}"]\n'
    message = (
        "the YAML tag '!!python/object/apply:os.system' is not allowed (tags are never "
        "executed): remove it"
    )
    assert settings_findings(make_network, text) == one("LC006", 1, 10, message)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("value", "shown", "column"),
    [
        ("!!python/name:os.system", "!!python/name:os.system", 10),
        ("!!int 5", "!!int", 10),
        ("!include other.yaml", "!include", 10),
        ("[!!binary aGVsbG8=]", "!!binary", 11),
    ],
)
def test_tags_other_than_str_are_refused(
    make_network: MakeNetwork, value: str, shown: str, column: int
) -> None:
    message = f"the YAML tag '{shown}' is not allowed (tags are never executed): remove it"
    assert settings_findings(make_network, f"network: {value}\n") == one(
        "LC006", 1, column, message
    )


def test_explicit_str_tag_is_text(make_network: MakeNetwork) -> None:
    assert settings_findings(make_network, "network: !!str 2025\n") == []


@pytest.mark.parametrize("depth", [65, 1000, 5000])  # far below the C-stack crash
def test_deep_nesting_is_refused(make_network: MakeNetwork, depth: int) -> None:
    text = "network: " + "[" * depth + "]" * depth + "\n"
    message = "the file nests deeper than 64 levels"
    assert settings_findings(make_network, text) == one("LC005", 1, 74, message)


def test_deep_block_nesting_is_refused(make_network: MakeNetwork) -> None:
    text = "network:\n" + "".join(f"{'  ' * n}k{n}:\n" for n in range(1, 100))
    [finding] = settings_findings(make_network, text)
    assert (finding.code, finding.message) == ("LC005", "the file nests deeper than 64 levels")
    assert (finding.line, finding.column) == (66, 131)  # k65: the first key past 64 levels


def test_nesting_within_the_limit_is_read(make_network: MakeNetwork) -> None:
    text = "network: N\nnational:\n  extra_terms: " + "[" * 60 + "]" * 60 + "\n"
    message = "'extra_terms' must be text, not a list"
    assert settings_findings(make_network, text) == one("LC103", 3, 17, message)


def test_very_deep_nesting_does_not_crash(tmp_path: Path) -> None:
    from helpers import network

    root = network(tmp_path / "net", {SETTINGS: "network: " + "[" * 100_000 + "\n"})
    done = subprocess.run(
        [sys.executable, "-m", "leercyclus", "check", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert '"code": "LC005"' in done.stdout


# YAML 1.2 values -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("v: 2025", "2025"),
        ("v: 1.10", "1.10"),
        ("v: 0x1F", "0x1F"),
        ("v: 1e3", "1e3"),
        ("v: 2025-04-14", "2025-04-14"),
        ("v: no", "no"),
        ("v: yes", "yes"),
        ("v: off", "off"),
        ("v: true", True),
        ("v: False", False),
        ("v: 'true'", "true"),
        ("v: ~", None),
        ("v:", None),
        ("v: null", None),
        ("v: 'null'", "null"),
        ("v: [1, 2.50]", ["1", "2.50"]),
        ("v: !!str true", "true"),
        ("v: ! null", "null"),
        ("v: {}", {}),
        ("v: [[], {a: []}]", [[], {"a": []}]),
    ],
)
def test_scalars_are_text_unless_yaml_1_2_says_otherwise(text: str, value: object) -> None:
    assert load_text(text) == {"v": value}


def test_load_text_raises_with_position() -> None:
    with pytest.raises(YamlProblem) as caught:
        load_text("a: 1\nb: 2\na: 3\n")
    problem = caught.value
    assert (problem.code, problem.line, problem.column) == ("LC004", 3, 1)
    assert problem.message == "duplicate key 'a' (first on line 1): keep one of the two"


@pytest.mark.parametrize(
    ("text", "key", "first", "line", "column"),
    [
        ("a: 1\nb:\n  - x: 1\n  - y: 2\n    z: 3\n    y: 4\n", "y", 4, 6, 5),
        ("a:\n  b:\n    - [1, {c: d, e: f, c: g}]\n", "c", 3, 3, 24),
        ("b: &s key\n*s : 1\nkey: 2\n", "key", 2, 3, 1),
        ("b: &s key\nkey: 1\n*s : 2\n", "key", 2, 3, 1),
        ("key: &s 1\nother:\n  *s : 1\n  1: 2\n", "1", 3, 4, 3),
    ],
)
def test_duplicate_key_names_its_first_line(
    text: str, key: str, first: int, line: int, column: int
) -> None:
    """Nested in lists and mappings, or given by an alias: the first use is where it was."""
    with pytest.raises(YamlProblem) as caught:
        load_text(text)
    problem = caught.value
    assert (problem.code, problem.line, problem.column) == ("LC004", line, column)
    assert problem.message == f"duplicate key '{key}' (first on line {first}): keep one of the two"


def test_minimal_files_load_as_mappings() -> None:
    for rel, text in MINIMAL.items():
        assert isinstance(load_text(text), dict), rel


# Anchors and aliases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: &x 1\nb: *x\n", {"a": "1", "b": "1"}),
        (
            "a: &m {b: [1, {c: d}]}\ne: *m\n",
            {"a": {"b": ["1", {"c": "d"}]}, "e": {"b": ["1", {"c": "d"}]}},
        ),
        ("a: &e []\nb: *e\n", {"a": [], "b": []}),
        ("&k a: 1\nb: {*k : 2}\n", {"a": "1", "b": {"a": "2"}}),
        ("a: &t true\nb: [*t, *t]\n", {"a": True, "b": [True, True]}),
    ],
)
def test_aliases_repeat_what_their_anchor_holds(text: str, value: object) -> None:
    assert load_text(text) == value


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "message"),
    [
        (
            "a: *x\n",
            "LC002",
            1,
            4,
            "the alias '*x' names no anchor defined before it: define '&x' first, or write the "
            "value out",
        ),
        (
            "a: &x 1\nb: &x 2\n",
            "LC002",
            2,
            4,
            "the anchor '&x' is defined twice: give each anchor its own name",
        ),
        (
            "a: &m {b: 1}\n*m : 2\n",
            "LC002",
            2,
            1,
            "a key must be plain text, not a list or mapping",
        ),
        (
            "a: &k x\nx: 1\n*k : 2\n",
            "LC004",
            3,
            1,
            "duplicate key 'x' (first on line 2): keep one of the two",
        ),
    ],
)
def test_alias_mistakes_are_named_where_they_are(
    text: str, code: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(YamlProblem) as caught:
        load_text(text)
    assert (caught.value.code, caught.value.line, caught.value.column) == (code, line, column)
    assert caught.value.message == message


def test_aliased_keys_count_towards_the_limit() -> None:
    """Every use of an anchor counts its values, keys' anchors too: no bomb slips through."""
    lines = ["&a k: 1", "l0: &l0 [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 7)]
    with pytest.raises(YamlProblem) as caught:
        load_text("\n".join(lines) + "\n")
    assert caught.value.code == "LC005"
