"""Safe YAML reading that remembers where every value came from.

Files come from other people, so this module only ever *composes* YAML (no
object construction from tags), accepts the plain JSON-like types, and turns
every kind of bad input into a :class:`~ddx_app.errors.YamlError` naming the
file and line: oversized files, non-UTF-8 bytes, syntax errors, unknown tags
such as ``!!python/object``, duplicate keys, non-text keys and alias bombs.
"""

from __future__ import annotations

import math
import os
from collections.abc import Hashable
from typing import Any, ClassVar

import yaml

from .boundedio import read_bounded
from .errors import FileReadError, Problem, YamlError


class _MemoResolver(yaml.resolver.Resolver):
    """The safe resolver, memoised: knowledge bases repeat the same scalars a lot."""

    _memo: ClassVar[dict] = {}

    def resolve(self, kind, value, implicit):
        key = (kind, value, implicit)
        tag = self._memo.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._memo) < 200_000:
                self._memo[key] = tag
        return tag


_Loader: type  # composes only (never constructs objects from tags)
try:  # libyaml's parser is many times faster; the pure-Python one gives identical nodes
    from yaml._yaml import CParser

    class _CLoader(CParser, _MemoResolver):
        def __init__(self, stream):
            CParser.__init__(self, stream)
            _MemoResolver.__init__(self)

    _Loader = _CLoader

except ImportError:  # pragma: no cover - depends on the PyYAML build

    class _PyLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                    yaml.composer.Composer, _MemoResolver):
        def __init__(self, stream):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _MemoResolver.__init__(self)

    _Loader = _PyLoader


def _compose(text: str) -> yaml.Node | None:
    """``yaml.compose(text)`` with this module's loader: the node tree, None if empty."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAX_DEPTH = 64

# Path of keys/indexes from the document root, e.g. ("likelihoods", "ihc_sma", "positive").
YamlPath = tuple[Hashable, ...]


class LineMap:
    """Finds the 1-based line of a value from its path, on demand.

    Lines are only needed when something is wrong, so instead of recording a
    line for every value up front, or keeping every node tree alive (both slow
    for a 1,000-entity knowledge base), this keeps the text and composes it
    again the first time a line is asked for.
    """

    def __init__(self, text: str):
        self._text = text
        self._root: yaml.Node | None = None

    def line_of(self, path: YamlPath) -> int:
        """Line of ``path`` (of its key, for a mapping entry) or of its nearest ancestor."""
        if self._root is None:
            self._root = _compose(self._text)
        node = self._root
        if node is None:
            return 1
        line = node.start_mark.line + 1
        for step in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                        line, node = key_node.start_mark.line + 1, value_node
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                    and 0 <= step < len(node.value):
                node = node.value[step]
                line = node.start_mark.line + 1
            else:
                return line
        return line


_constructor = yaml.constructor.SafeConstructor()
_MAP, _SEQ, _STR = f"{_TAG}map", f"{_TAG}seq", f"{_TAG}str"
_FLOAT, _TIMESTAMP = f"{_TAG}float", f"{_TAG}timestamp"


class _Walker:
    """Converts a composed node tree to plain data, checking tags, keys and size."""

    def __init__(self, filename: str, max_nodes: int):
        self.filename = filename
        self.max_nodes = max_nodes
        self.nodes = 0
        self.problems: list[Problem] = []

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.filename, node.start_mark.line + 1, message))

    def _too_big(self, node: yaml.Node) -> YamlError:
        return YamlError([Problem(self.filename, node.start_mark.line + 1,
                                  f"document expands to more than {self.max_nodes:,} values "
                                  "(too large, or an alias bomb)")])

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise self._too_big(node)
        if depth > _MAX_DEPTH:
            raise YamlError([Problem(self.filename, node.start_mark.line + 1,
                                     "nested too deeply")])
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):
            return node.value
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self.fail(node, f"unsupported YAML tag {node.tag!r}")
                return None
            return [self.convert(v, depth + 1) for v in node.value]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict:
        if node.tag != _MAP:
            self.fail(node, f"unsupported YAML tag {node.tag!r}")
            return {}
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == f"{_TAG}merge":
                self.fail(key_node, "keys must be plain text (no merge keys or complex keys)")
                continue
            key = key_node.value if key_node.tag == _STR else self._scalar(key_node)
            if not isinstance(key, str):
                hint = " (YAML reads yes/no/on/off as true/false: quote it)" \
                    if isinstance(key, bool) else ""
                self.fail(key_node,
                          f"key {key_node.value!r} must be text, not {_kind(key)}{hint}")
                continue
            if key in result:
                self.fail(key_node, f"duplicate key {key!r}")
                continue
            result[key] = self.convert(value_node, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.fail(node, f"unsupported YAML tag {node.tag!r} (only plain data is allowed)")
            return None
        tag = node.tag
        if tag in (_STR, _TIMESTAMP):
            return node.value  # dates stay text: a case id like 2024-01-03 is not a date
        if tag == _FLOAT:
            try:  # the common spelling; YAML-only forms (1_000.5, .5e3) go the slow way
                value = float(node.value)
            except ValueError:
                value = _constructor.construct_object(node)
        else:
            value = _constructor.construct_object(node)
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(node, f"{node.value!r} is not a finite number")
            return None
        return value


def _kind(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", type(None): "empty"}.get(
        type(value), type(value).__name__
    )


def parse_yaml(
    text: str, filename: str, *, max_nodes: int = 1_000_000
) -> tuple[Any, LineMap]:
    """Parse one YAML document from ``text``; return (data, line map).

    Raises
    ------
    YamlError
        With one :class:`Problem` per defect found.
    """
    if not text.strip():
        raise YamlError([Problem(filename, 1, "file is empty")])
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise YamlError([Problem(filename, line, "file contains NUL bytes: not a text file")])
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or str(exc)
        raise YamlError([Problem(filename, line, f"not valid YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise YamlError([Problem(filename, 1, f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise YamlError([Problem(filename, 1, "nested too deeply")]) from None
    if root is None:
        raise YamlError([Problem(filename, 1, "file has no content (only comments)")])
    walker = _Walker(filename, max_nodes)
    try:
        data = walker.convert(root)
    except RecursionError:
        raise YamlError([Problem(filename, 1, "nested too deeply")]) from None
    if walker.problems:
        raise YamlError(walker.problems)
    return data, LineMap(text)


def read_text(path: str | os.PathLike, *, max_bytes: int, label: str | None = None) -> str:
    """Read a UTF-8 text file no larger than ``max_bytes``, or raise YamlError.

    The bytes come from :func:`~ddx_app.boundedio.read_bounded`: a pipe, a device or a
    folder is refused before it is opened, and never more than ``max_bytes + 1`` bytes
    are read."""
    filename = label or str(path)
    try:
        raw = read_bounded(path, max_bytes=max_bytes, label=filename)
    except FileReadError as exc:
        raise YamlError(exc.problems) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise YamlError(
            [
                Problem(
                    filename,
                    line,
                    f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                )
            ]
        ) from None


def load_yaml_file(
    path: str | os.PathLike, *, max_bytes: int, max_nodes: int = 1_000_000,
    label: str | None = None,
) -> tuple[Any, LineMap]:
    """Read and parse one YAML file safely; see :func:`parse_yaml`."""
    filename = label or str(path)
    return parse_yaml(read_text(path, max_bytes=max_bytes, label=filename), filename,
                      max_nodes=max_nodes)
