"""Engine and loader benchmarks; prints medians as JSON.

Targets (issue "Core", and "Code health" for the larger size): on a synthetic
1,000-entity x 400-finding knowledge base, ranking a 30-finding case <= 5 ms,
next-best-test over all unassessed findings <= 50 ms, loading + validating cold (no
cache) <= 2 s; at 2,000 entities x 600 findings, loading + validating cold <= 5 s;
with the bundled knowledge base, ranking <= 0.5 ms, and a fresh process importing the
core and loading the bundled KB <= 100 ms beyond bare Python start-up. Results on the
reference machine: benchmarks/README.md.

    python benchmarks/bench_engine.py            # run everything
    python benchmarks/bench_engine.py --write-kb DIR   # only write the synthetic KB
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_kb import write_kb

from ddx_app.engine import analyse
from ddx_app.knowledge import load_knowledge_base


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def random_case(kb, n: int, rng: random.Random) -> dict:
    values = {}
    for fid in rng.sample(list(kb.findings), n):
        f = kb.findings[fid]
        values[fid] = rng.uniform(*f.range) if f.is_numeric else rng.choice(f.states)
    return values


LARGE = (2000, 600)  # entities, findings: the second size of the cold-validation target


def cold_load_ms(kb_dir: Path, repeat: int) -> list[float]:
    """Wall times of loading and validating ``kb_dir`` without the cache."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        load_knowledge_base(kb_dir, use_cache=False)
        times.append((time.perf_counter() - t) * 1000)
    return times


def fresh_process_ms(repeat: int) -> dict:
    """Wall time of `python -c 'load bundled KB'` minus `python -c 'pass'`, interleaved."""
    load = [sys.executable, "-c",
            "from ddx_app.knowledge import load_knowledge_base; load_knowledge_base()"]
    bare = [sys.executable, "-c", "pass"]
    root = Path(__file__).resolve().parent.parent
    subprocess.run(load, check=True, cwd=root)  # warm the content-hash cache once
    t_load, t_bare = [], []
    for _ in range(repeat):
        for cmd, sink in ((bare, t_bare), (load, t_load)):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, cwd=root)
            sink.append((time.perf_counter() - t) * 1000)
    return {"bare_python_ms": statistics.median(t_bare),
            "import_and_load_ms": statistics.median(t_load),
            "extra_ms": statistics.median(t_load) - statistics.median(t_bare)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-kb", type=Path, metavar="DIR",
                    help="write the synthetic KB to DIR and exit")
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    if args.write_kb:
        write_kb(args.write_kb)
        print(args.write_kb)
        return
    rng = random.Random(7)
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        large_dir = write_kb(Path(tmp) / "synthetic-large", *LARGE)
        large_times = cold_load_ms(large_dir, 3)
        results["synthetic_large"] = {
            "entities": LARGE[0], "findings": LARGE[1],
            "load_validate_ms": statistics.median(large_times),
            "load_validate_min_ms": min(large_times),
        }
        kb_dir = write_kb(Path(tmp) / "synthetic")
        load_times = cold_load_ms(kb_dir, 5)
        big = load_knowledge_base(kb_dir, use_cache=False)
        results["synthetic"] = {
            "entities": len(big.entities), "findings": len(big.findings),
            "load_validate_ms": statistics.median(load_times),
            "load_validate_min_ms": min(load_times),
        }
        cases = [random_case(big, 30, rng) for _ in range(args.repeat)]
        it = iter(cases * 2)
        results["synthetic"]["rank_30_findings_ms"] = median_ms(
            lambda: analyse(big, next(it)).ranking, args.repeat)
        analyse(big, cases[0]).suggestions(top=None)  # build the arrays once (per KB)
        it = iter(cases * 2)
        results["synthetic"]["next_best_test_all_ms"] = median_ms(
            lambda: analyse(big, next(it)).suggestions(top=None), args.repeat)
        it = iter(cases * 2)
        results["synthetic"]["panel_3_ms"] = median_ms(
            lambda: analyse(big, next(it)).panel(3), 5)
    kb = load_knowledge_base()
    cases = [random_case(kb, 15, rng) for _ in range(200)]
    it = iter(cases * 20)
    results["bundled"] = {
        "entities": len(kb.entities), "findings": len(kb.findings),
        "rank_ms": median_ms(lambda: analyse(kb, next(it)).ranking, 1000),
        "suggest_ms": median_ms(lambda: analyse(kb, next(it)).suggestions(), 200),
        "fresh_process": fresh_process_ms(15),
    }
    targets = {
        "synthetic.rank_30_findings_ms <= 5": results["synthetic"]["rank_30_findings_ms"] <= 5,
        "synthetic.next_best_test_all_ms <= 50":
            results["synthetic"]["next_best_test_all_ms"] <= 50,
        "synthetic.load_validate_ms <= 2000": results["synthetic"]["load_validate_ms"] <= 2000,
        "synthetic_large.load_validate_ms <= 5000":
            results["synthetic_large"]["load_validate_ms"] <= 5000,
        "bundled.rank_ms <= 0.5": results["bundled"]["rank_ms"] <= 0.5,
        "bundled.fresh_process.extra_ms <= 100":
            results["bundled"]["fresh_process"]["extra_ms"] <= 100,
    }
    results["targets_met"] = targets
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
