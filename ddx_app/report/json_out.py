"""JSON report: the report facts as they are, for a laboratory information system."""

from __future__ import annotations

import json
from typing import Any


def render_json(report: dict[str, Any]) -> str:
    """The report dict as indented UTF-8 JSON (non-ASCII kept as is)."""
    return json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
