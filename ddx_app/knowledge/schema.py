"""JSON Schema validation of knowledge-base and case files, with line numbers.

The schemas live in ``schemas/*.schema.json`` (declarative, one per file type).
Valid files are confirmed by ``fastjsonschema`` (compiled, ~100x faster than
``jsonschema`` on a 1,000-entity knowledge base); only a file that fails is
re-checked with ``jsonschema``, whose iter_errors reports *every* error with
its path. Both are imported lazily: a knowledge base that hits the content-hash
cache is never re-validated, so start-up pays for neither.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import Problem

SCHEMA_DIR = Path(__file__).parent / "schemas"


def _inline(node: Any) -> Any:
    """Rewrite refs to the shared ``ddx:common`` schema as local ``#/$defs`` refs."""
    if isinstance(node, dict):
        return {k: (v.replace("ddx:common#", "#") if k == "$ref" else _inline(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v) for v in node]
    return node


@cache
def load_schema(name: str) -> dict:
    """One schema, self-contained (the common definitions merged into its $defs)."""
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text("utf-8"))
    schema = _inline(json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8")))
    schema["$defs"] = {**common["$defs"], **schema.get("$defs", {})}
    schema.pop("$id", None)
    return schema


@cache
def _fast_check(name: str):
    """A compiled validator that answers valid/invalid quickly (fastjsonschema)."""
    import fastjsonschema

    return fastjsonschema.compile(load_schema(name))


@cache
def _validator(name: str):
    """A validator that lists every error with its path (jsonschema, slower)."""
    import jsonschema

    schema = load_schema(name)
    return jsonschema.validators.validator_for(schema)(schema)


def _describe(error) -> tuple[tuple, str]:
    """A short message and the path it is about, for one jsonschema error."""
    path = tuple(error.absolute_path)
    where = ".".join(str(p) for p in path) or "top level"
    v = error.validator
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        key = extra[0] if extra else ""
        hint = f" (expected one of: {', '.join(allowed)})" if allowed else ""
        return (*path, key), f"unknown key {key!r} in {where}{hint}"
    if v == "required":
        return path, f"{where}: {error.message}"
    if v == "oneOf" and isinstance(error.instance, dict):
        return path, f"{where}: not a valid form (keys given: {', '.join(error.instance)})"
    if v == "type":
        return path, f"{where}: expected {error.validator_value}, got {error.instance!r}"
    if v in ("pattern", "propertyNames"):
        return path, f"{where}: {error.message}"
    return path, f"{where}: {error.message}"


def schema_problems(name: str, data: Any, filename: str, lines) -> list[Problem]:
    """Every schema violation of ``data`` as a located Problem."""
    import fastjsonschema

    try:
        _fast_check(name)(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass  # invalid: let jsonschema list every error with its location
    problems = []
    for error in _validator(name).iter_errors(data):
        # report the most specific sub-error of a oneOf/anyOf when there is one
        if error.context and error.validator != "oneOf":
            error = min(error.context, key=lambda e: len(e.absolute_path) * -1)
        path, message = _describe(error)
        problems.append(Problem(filename, lines.line_of(path), message))
    return problems
