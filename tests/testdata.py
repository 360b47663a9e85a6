"""Where the tests' inputs are: one list of the example cases, one of the published
cases, the mini knowledge base. Every test folder imports these from here (the
folder is on ``sys.path`` because it holds the top conftest.py) instead of working
the paths out again.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"  # the bundled example cases (one per entity, seed case 15)
EXAMPLE_CASES = sorted(EXAMPLES.glob("*.ddx.yaml"))
DATA = ROOT / "tests" / "data"
LITERATURE = DATA / "literature_cases"  # cases from published reports (answers known)
LITERATURE_CASES = sorted(LITERATURE.glob("*.ddx.yaml"))
MINI_KB = DATA / "mini_kb"  # a two-entity knowledge base small enough to compute by hand
