"""JSON Schema validation of knowledge-base files, with line numbers.

The schemas live in ``schemas/*.schema.json`` (declarative, one per file type).

One validator, ``jsonschema``: it lists *every* error with its path, which is what an
author fixing a knowledge base needs, and ``jsonschema.exceptions.best_match`` picks
the message for each place that is wrong. A second, compiled validator used to answer
"valid?" first; it is gone because the content-hash cache means a knowledge base is
validated once per change, not once per start, and because the first validator was
made fast enough on its own (benchmarks/README.md has the figures):

* each schema is **dereferenced** once when loaded: a ``$ref`` to a shared definition
  (an id, a language map, a probability) is replaced by the definition itself, so
  validating a value does not go through the reference resolver; only the
  recursive ``condition`` keeps its ``$ref``;
* a file is walked once (``iter_errors``), not once to ask and again to explain.

The validator is imported lazily: a knowledge base that hits the cache is never
re-validated, so start-up does not pay for it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problem

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from ..yamlio import LineMap

SCHEMA_DIR = Path(__file__).parent / "schemas"

_LOCAL_DEF = "#/$defs/"
# Keywords that only annotate: a $ref beside them can still be replaced by its target.
_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples", "default"})


def _inline(node: Any) -> Any:
    """Rewrite refs to the shared ``ddx:common`` schema as local ``#/$defs`` refs."""
    if isinstance(node, dict):
        return {k: (v.replace("ddx:common#", "#") if k == "$ref" else _inline(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v) for v in node]
    return node


def _dereference(schema: dict) -> dict:
    """The schema with every local ``$ref`` replaced by the definition it names, except
    where that would recurse (a condition inside a condition keeps its ``$ref``, resolved
    against the ``$defs`` that stay in the root). Validation gives the same answers and
    the same error paths; it just skips the reference lookups."""
    defs: Mapping[str, Any] = schema.get("$defs", {})

    def walk(node: Any, open_defs: frozenset[str]) -> Any:
        if isinstance(node, list):
            return [walk(v, open_defs) for v in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_LOCAL_DEF):
            name = ref[len(_LOCAL_DEF):]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            if name in defs and name not in open_defs and not set(rest) - _ANNOTATIONS:
                target = walk(defs[name], open_defs | {name})
                return {**target, **rest} if isinstance(target, dict) else target
        return {k: (v if k in ("$defs", "const", "enum") else walk(v, open_defs))
                for k, v in node.items()}

    result = walk(schema, frozenset())
    result["$defs"] = {name: walk(d, frozenset({name})) for name, d in defs.items()}
    return result


@cache
def load_schema(name: str) -> dict:
    """One schema, self-contained (the common definitions merged into its $defs) and
    dereferenced (see :func:`_dereference`)."""
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text("utf-8"))
    schema = _inline(json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8")))
    schema["$defs"] = {**common["$defs"], **schema.get("$defs", {})}
    schema.pop("$id", None)
    return _dereference(schema)


@cache
def validator(name: str):
    """The jsonschema validator of one file type (the schemas themselves are checked
    against the metaschema by the tests, not on every load)."""
    import jsonschema

    schema = load_schema(name)
    return jsonschema.validators.validator_for(schema)(schema)


def _allowed_keys(error: ValidationError) -> list[str]:
    """The keys the schema of an ``additionalProperties`` error names, sorted."""
    schema = error.schema
    return sorted(schema.get("properties", {})) if isinstance(schema, Mapping) else []


def _location(error: ValidationError) -> tuple:
    """The path a problem is reported at: an unknown key at its own line."""
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = _allowed_keys(error)
        extra = sorted(k for k in error.instance if k not in allowed)
        if extra:
            return (*path, extra[0])
    return path


def _describe(error: ValidationError) -> tuple[tuple, str]:
    """A short message and the path it is about, for one jsonschema error."""
    path = tuple(error.absolute_path)
    where = ".".join(str(p) for p in path) or "top level"
    v = error.validator
    if v == "additionalProperties" and isinstance(error.instance, dict):
        allowed = _allowed_keys(error)
        extra = sorted(set(error.instance) - set(allowed))
        key = extra[0] if extra else ""
        hint = f" (expected one of: {', '.join(allowed)})" if allowed else ""
        return (*path, key), f"unknown key {key!r} in {where}{hint}"
    if v in ("anyOf", "oneOf") and isinstance(error.instance, dict):
        return path, f"{where}: not a valid form (keys given: {', '.join(error.instance)})"
    if v == "type":
        return path, f"{where}: expected {error.validator_value}, got {error.instance!r}"
    return path, f"{where}: {error.message}"


def schema_problems(name: str, data: Any, filename: str, lines: LineMap) -> list[Problem]:
    """Every schema violation of ``data`` as a located Problem: one per place that is
    wrong, worded by ``best_match`` (which, for a value that fits none of the forms an
    ``anyOf`` allows, names what is wrong in the form it comes closest to)."""
    from jsonschema.exceptions import best_match

    by_place: dict[tuple, list[ValidationError]] = {}
    for error in validator(name).iter_errors(data):
        by_place.setdefault(_location(error), []).append(error)
    problems = []
    for errors in by_place.values():
        path, message = _describe(best_match(errors))
        problems.append(Problem(filename, lines.line_of(path), message))
    return problems
