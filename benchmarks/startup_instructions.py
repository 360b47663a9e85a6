"""Start-up cost in instructions: ``ddx gui --exit-after-startup`` against the bare
PySide6 window, each run once under Valgrind's callgrind, which counts the
instructions executed (Ir). Unlike wall time, the count barely moves between runs
(±0.2 %), so it shows what a change to start-up is worth on a machine whose timings
vary by ±20 % from one minute to the next. It is a proxy: page faults, system calls
and cache misses do not count. The target itself is wall time (bench_gui.py).

Needs ``valgrind`` on PATH (Debian: ``apt install valgrind``); takes ~30 s.

    python benchmarks/startup_instructions.py
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_gui import BARE, _isolated_env  # noqa: E402


def instructions(command: list[str], env: dict[str, str], out: Path) -> int:
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)  # bytecode
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                             *command], env=env, cwd=ROOT, check=True, capture_output=True,
                            text=True)
    match = re.search(r"Collected : (\d+)", result.stderr)
    if match is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{result.stderr}")
    return int(match.group(1))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed; nothing measured", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="ddx-ir-") as tmp:
        env = _isolated_env(Path(tmp))
        ddx = instructions([sys.executable, "-m", "ddx_app", "gui",
                            "--exit-after-startup"], env, Path(tmp) / "ddx.out")
        bare = instructions([sys.executable, "-c", BARE], env, Path(tmp) / "bare.out")
    print(json.dumps({"ddx_gui_instructions": ddx, "bare_pyside6_instructions": bare,
                      "instruction_ratio": round(ddx / bare, 3)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
