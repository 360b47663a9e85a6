"""Report export benchmark; prints medians (ms) as JSON.

Targets (issue "Case report"): exporting a typical case
(``examples/imt_seed_case15.ddx.yaml``) as HTML <= 100 ms and as PDF <= 1 s,
each measured from (kb, case) to the bytes written, after one warm-up export
(the first export in a process also pays for imports and font parsing; that
figure is reported separately as ``*_first_ms``).

    python benchmarks/bench_report.py [--repeat N] [--case FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ddx_app.case import load_case  # noqa: E402
from ddx_app.engine import analyse  # noqa: E402
from ddx_app.knowledge import load_knowledge_base  # noqa: E402
from ddx_app.report import export_report  # noqa: E402

TARGETS_MS = {"html": 100.0, "pdf": 1000.0, "json": 100.0}


def timings(kb, case, path: Path, repeat: int) -> tuple[float, list[float]]:
    def once() -> float:
        t = time.perf_counter()
        export_report(path, kb, case, analyse(kb, case.findings))
        return (time.perf_counter() - t) * 1000

    first = once()
    return first, [once() for _ in range(repeat)]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=15)
    p.add_argument("--case", default=str(ROOT / "examples" / "imt_seed_case15.ddx.yaml"))
    args = p.parse_args()
    kb = load_knowledge_base()
    case = load_case(args.case, kb)
    result: dict[str, object] = {"case": Path(args.case).name, "repeat": args.repeat}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("html", "pdf", "json"):
            out = Path(tmp) / f"report.{fmt}"
            first, times = timings(kb, case, out, args.repeat)
            median = statistics.median(times)
            result[f"{fmt}_median_ms"] = round(median, 1)
            result[f"{fmt}_first_ms"] = round(first, 1)
            result[f"{fmt}_bytes"] = out.stat().st_size
            result[f"{fmt}_target_ms"] = TARGETS_MS[fmt]
            ok &= median <= TARGETS_MS[fmt]
    result["within_targets"] = ok
    print(json.dumps(result, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
