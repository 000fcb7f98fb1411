"""Write YAML back with ruamel, keeping comments, order and quoting (reading is yamlread.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leercyclus.repository.yamlread import YamlProblem


@dataclass(frozen=True, slots=True)
class RoundTrip:
    """A YAML file loaded with ruamel for editing; `save` keeps comments, order and quoting."""

    path: Path
    data: Any

    @classmethod
    def read(cls, path: Path) -> RoundTrip:
        """Load `path` for editing."""
        return cls(path, _ruamel().load(path.read_text(encoding="utf-8")))

    def dumps(self) -> str:
        """The document as text, long lines folded at the writer's width."""
        import io

        buffer = io.StringIO()
        _ruamel().dump(self.data, buffer)
        return buffer.getvalue()


def _ruamel() -> Any:
    from ruamel.yaml import YAML

    handler = YAML(typ="rt")
    handler.preserve_quotes = True
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 100
    return handler


# Round-trip editing that keeps comments ---------------------------------------------------------
# Everything below works on ruamel's round-trip objects (mappings and lists that carry their
# comments); other modules treat those as plain mappings and lists and edit them only through
# these functions.

WIDTH = 100
"""Longest line the writer aims for; longer texts are folded (>-) at spaces."""


def load_for_edit(text: str) -> Any:
    """A YAML text loaded for editing: mappings and lists that keep comments, order and quoting."""
    return _ruamel().load(text)


def read_for_edit(path: Path) -> Any:
    """A YAML file loaded for editing (see `load_for_edit`); a YamlProblem if it cannot be read."""
    try:
        return RoundTrip.read(path).data
    except Exception as exc:  # ruamel's and the file system's errors end here, as one kind
        raise YamlProblem("LC002", str(exc)) from None


def dump(data: Any) -> str:
    """The document as text; lines are never re-wrapped, so untouched values stay byte-equal."""
    import io

    handler = _ruamel()
    handler.width = 1 << 16
    buffer = io.StringIO()
    handler.dump(data, buffer)
    return buffer.getvalue()


def dump_body(data: Any) -> str:
    """The document as `RoundTrip.dumps` writes it, without its leading comment and blank lines."""
    body = RoundTrip(Path(), data).dumps().splitlines(keepends=True)
    while body and (not body[0].strip() or body[0].lstrip().startswith("#")):
        body.pop(0)
    return "".join(body)


def new_map() -> Any:
    """An empty mapping that can carry comments."""
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap()


def new_seq(items: list[str], like: Any = None) -> Any:
    """A list that can carry comments, in flow style ([a, b]) if `like` was."""
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    if isinstance(like, CommentedSeq) and like.fa.flow_style():
        seq.fa.set_flow_style()
    return seq


def same_style(old: Any, new: str) -> Any:
    """`new` as a scalar of the same kind as `old` (so `"2025"` stays double-quoted)."""
    return type(old)(new) if isinstance(old, str) else new


def quoted(text: str) -> Any:
    """`text` as a double-quoted scalar ("3"), as a text that YAML would read otherwise."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(text)


def styled(text: str, old: object, indent: int, key: str) -> Any:
    """`text` in the style of the value it replaces: quoted stays quoted, long texts fold (>-)."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, ScalarString

    if "\n" in text:
        return LiteralScalarString(text)
    block = isinstance(old, FoldedScalarString | LiteralScalarString)
    if isinstance(old, ScalarString) and not block:
        return type(old)(text)
    if block or indent + len(key) + 2 + len(text) > WIDTH:
        folded = FoldedScalarString(text)
        folded.fold_pos = _folds(text, WIDTH - indent - 2)
        return folded
    return text


def _folds(text: str, width: int) -> list[int]:
    """Positions of the spaces at which to fold `text` into lines of at most `width`."""
    folds: list[int] = []
    start, candidate = 0, -1
    for i, ch in enumerate(text):
        if ch != " " or not 0 < i < len(text) - 1 or " " in (text[i - 1], text[i + 1]):
            continue
        if i - start > width and candidate > start:
            folds.append(candidate)
            start = candidate + 1
        candidate = i
    if len(text) - start > width and candidate > start:
        folds.append(candidate)
    return folds


def put(mapping: Any, key: str, value: Any, order: Sequence[str]) -> None:
    """Set `key`; a new key goes after the keys that precede it in `order`, comments kept."""
    if key in mapping:
        rest = _detach(mapping, key)
        mapping[key] = value
        _attach(mapping, key, rest)
        return
    keys = list(mapping)
    before = set(order[: order.index(key)]) if key in order else set(keys)
    pos = max((n + 1 for n, k in enumerate(keys) if k in before), default=0)
    rest = _detach(mapping, keys[pos - 1]) if pos else ""
    mapping.insert(pos, key, value)
    _attach(mapping, key, rest)


def insert(mapping: Any, pos: int, key: str, value: Any) -> None:
    """Insert `key` at position `pos` of the mapping, as it is (comments stay where they were)."""
    mapping.insert(pos, key, value)


def drop(mapping: Any, key: str) -> None:
    """Remove `key`; comment lines that followed its value stay where they were."""
    if key not in mapping:
        return
    keys = list(mapping)
    n = keys.index(key)
    rest = _detach(mapping, key)
    del mapping[key]
    mapping.ca.items.pop(key, None)
    if n:
        _attach(mapping, keys[n - 1], rest)


def drop_with_comments(mapping: Any, key: str) -> None:
    """Remove `key` and the comment lines above it (they are about it); comment lines after its
    value that belong to the next key stay."""
    keys = list(mapping)
    if key not in keys:
        return
    n = keys.index(key)
    if n:
        _detach(mapping, keys[n - 1])  # the lines above `key`, cut and left out
    drop(mapping, key)


def comment_before(mapping: Any, key: str, text: str) -> None:
    """Comment lines (`text`, one per line, without the '# ') above `key` at the top level."""
    mapping.yaml_set_comment_before_after_key(key, before=text, indent=0)


def drop_comments_above(mapping: Any, key: str) -> None:
    """Remove the comment lines above `key` in a mapping, keeping an end-of-line comment of the
    value before it. ruamel keeps those lines with the previous value; where that value is a
    list or mapping they sit deeper, and are left alone."""
    keys = list(mapping)
    at = keys.index(key)
    entry = mapping.ca.items.get(keys[at - 1]) if at else None
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    end_of_line = entry[2].value.partition("\n")[0]
    if end_of_line.strip():
        entry[2].value = end_of_line + "\n"
    else:
        entry[2] = None


def _tail(container: Any, key: Any) -> tuple[Any, Any, int]:
    """Where ruamel keeps the comment after container[key]: its deepest last block item."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    node = container[key]
    while isinstance(node, CommentedMap | CommentedSeq) and len(node) and not node.fa.flow_style():
        container, key = node, list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        node = container[key]
    return container, key, 0 if isinstance(container, CommentedSeq) else 2


def _detach(container: Any, key: Any) -> str:
    """Cut the comment lines after container[key] that belong to whatever follows it.

    Its end-of-line comment stays, and so do lines indented deeper than the container's keys:
    they comment on container[key]'s own content."""
    holder, k, slot = _tail(container, key)
    entry = holder.ca.items.get(k)
    token = entry[slot] if entry else None
    if token is None:
        return ""
    lines = token.value.splitlines(keepends=True)
    if _is_block(holder[k]):  # a block text ends its line: the first comment line is a whole one
        lines[0] = " " * token.column + lines[0]
        n = 0
    else:
        n = 1  # the first line ends the value's own line: its end-of-line comment, or nothing
    column = getattr(getattr(container, "lc", None), "col", None)
    while n < len(lines) and column is not None and _indent(lines[n]) > column:
        n += 1
    keep, rest = "".join(lines[:n]), "".join(lines[n:])
    if rest:
        if keep.strip():
            token.value = keep.lstrip(" ") if _is_block(holder[k]) else keep
        else:
            entry[slot] = None
    return rest


def _is_block(value: object) -> bool:
    """Whether a value is a block text (>- or |-), after which comments start on a new line."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, FoldedScalarString | LiteralScalarString)


def _indent(line: str) -> int:
    """A comment line's indentation; -1 for a blank line, which always ends what precedes it."""
    return len(line) - len(line.lstrip(" ")) if line.strip() else -1


def _attach(container: Any, key: Any, rest: str) -> None:
    """Put comment lines cut by `_detach` after container[key]."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not rest:
        return
    holder, k, slot = _tail(container, key)
    entry = holder.ca.items.setdefault(k, [None, None, None, None])
    if entry[slot] is None:
        start = "" if _is_block(holder[k]) else "\n"
        entry[slot] = CommentToken(start + rest, CommentMark(0), None)
    else:
        entry[slot].value += rest
