"""Accuracy of the default ranking on cases transcribed from published reports.

Reads tests/data/literature_cases/*.ddx.yaml (teaching.answer, teaching.kind =
tissue | clinical) and prints top-1 / top-3 rates per kind as JSON, plus the
misses. This is a development set: the KB was written before these cases were
run, but it has since been looked at, so treat the figures as optimistic.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ddx_app.case import load_case
from ddx_app.engine import analyse
from ddx_app.knowledge import load_knowledge_base

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "literature_cases"


def evaluate(kb_dir: str | None = None, prior: str = "prevalence") -> dict:
    kb = load_knowledge_base(kb_dir)
    summary: dict = {}
    misses = []
    for path in sorted(CASES.glob("*.ddx.yaml")):
        case = load_case(path, kb)
        kind = case.teaching.get("kind", "tissue")
        order = [r.entity for r in analyse(kb, case.findings, prior).ranking]
        rank = order.index(case.answer) + 1
        s = summary.setdefault(kind, {"cases": 0, "top1": 0, "top3": 0})
        s["cases"] += 1
        s["top1"] += rank == 1
        s["top3"] += rank <= 3
        if rank > 1:
            misses.append({"case": path.name, "answer": case.answer, "rank": rank,
                           "leader": order[0]})
    return {"prior": prior, "kb_sha256": kb.sha256[:12], "by_kind": summary, "misses": misses}


if __name__ == "__main__":
    print(json.dumps(evaluate(prior=sys.argv[1] if len(sys.argv) > 1 else "prevalence"),
                     indent=2))
