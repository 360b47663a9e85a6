"""Where the desktop app's start-up goes: per-phase medians over fresh processes.

Each run is a new interpreter that does what ``ddx gui --exit-after-startup`` does,
timing every phase: importing PySide6 (what a bare PySide6 window pays too), the
core, the GUI modules, the QApplication, the knowledge base (cache hit), building
the window, show() and the first processEvents() (layout and first paint). Use it
to find what to work on when ``bench_gui.py`` reports a start-up ratio above target.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup_phases.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child() -> None:
    """One start-up, phase by phase, as ddx_app.cli.cmd_gui and gui.app.run do it."""
    marks = [("start", time.perf_counter())]

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter()))

    import PySide6.QtWidgets  # noqa: F401

    mark("import PySide6 (bare pays this too)")
    from ddx_app import cli  # noqa: F401  (as ddx_app.__main__ imports it)

    mark("import core + CLI")
    from ddx_app.gui.app import make_application, settle_heap
    from ddx_app.gui.main_window import MainWindow
    from ddx_app.gui.settings import Settings
    from ddx_app.knowledge import load_knowledge_base

    mark("import GUI modules")
    app = make_application()
    mark("QApplication, fonts")
    kb = load_knowledge_base()
    mark("knowledge base (cache hit)")
    window = MainWindow(kb, Settings())
    window.persist_settings = False
    mark("build window")
    window.show()
    mark("show (layout)")
    app.processEvents()
    mark("first processEvents (paint)")
    settle_heap()
    window.release_session()  # as gui.app.run ends --exit-after-startup
    mark("release session")
    print(json.dumps({name: (t - marks[i][1]) * 1000
                      for i, (name, t) in enumerate(marks[1:])}))
    sys.stdout.flush()
    os._exit(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
    with tempfile.TemporaryDirectory(prefix="ddx-phases-") as tmp:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cached
        env.update(QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
                   DDX_DATA_DIR=str(Path(tmp) / "data"),
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"), PYTHONPATH=str(ROOT))
        rows = []
        for i in range(args.runs + 1):
            out = subprocess.run([sys.executable, __file__, "--child"], env=env, cwd=ROOT,
                                 check=True, capture_output=True, text=True).stdout
            if i:  # the first run fills the bytecode and knowledge-base caches
                rows.append(json.loads(out.strip().splitlines()[-1]))
    phases = {name: round(statistics.median(r[name] for r in rows), 1) for name in rows[0]}
    ours = [n for n in phases if not n.startswith("import PySide6")]
    phases["total after PySide6 import"] = round(
        statistics.median(sum(r[n] for n in ours) for r in rows), 1)
    print(json.dumps({"runs": args.runs, "median_ms": phases}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
