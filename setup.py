"""Build hook: the wheel and the sdist carry the bundled data.

The repository keeps one copy of the knowledge base, the report resources and the
example cases, in the top-level folders ``knowledge/``, ``resources/`` and
``examples/``; a source checkout (and an editable install) reads them there. A wheel
carries them inside the package, at ``ddx_app/_data/<folder>``, where
``ddx_app/paths.py`` finds them; the sdist carries the top-level folders (setuptools
adds every file ``build_py`` copies), so a wheel built from it is the same.

The interface's Qt translations are compiled here too: each
``resources/translations/ddx_<lang>.ts`` becomes a ``ddx_<lang>.qm`` in the wheel, which
carries the .qm instead of the .ts (``ddx_app/gui/translation_files.py``; lrelease
comes with PySide6). Where no lrelease can be found the wheel keeps the .ts and the app
compiles it on first use.

Everything else about the build is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import importlib.util
import os
import sys

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("knowledge", "resources", "examples")
TARGET = ("ddx_app", "_data")  # keep in step with ddx_app/paths.py


def data_files(folder: str) -> list[str]:
    """Every file under ``folder``, relative to it; no hidden files or build leftovers."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        found += [os.path.relpath(os.path.join(dirpath, name), folder)
                  for name in sorted(filenames)
                  if not name.startswith(".") and not name.endswith((".pyc", ".tmp", "~"))]
    return found


class BuildPyWithData(build_py):
    """``build_py`` that also copies the top-level data folders into the package."""

    def _bundled(self) -> list[tuple[str, str, str, list[str]]]:
        # (package, source folder, build folder, files relative to both): build_py's own
        # format, so the wheel, the sdist and editable installs all see these files.
        return [("ddx_app", folder, os.path.join(self.build_lib, *TARGET, folder),
                 data_files(folder)) for folder in BUNDLED]

    def _get_data_files(self):
        return super()._get_data_files() + self._bundled()

    def get_data_files_without_manifest(self):
        return super().get_data_files_without_manifest() + self._bundled()

    def run(self):
        super().run()
        if not getattr(self, "editable_mode", False):  # an editable install reads the .ts
            self._compile_translations()

    def _compile_translations(self) -> None:
        """resources/translations/ddx_<lang>.ts -> the build's ddx_<lang>.qm, the .ts
        then left out of the wheel (it is in the sdist)."""
        spec = importlib.util.spec_from_file_location(  # no import of ddx_app: no Qt here
            "_ddx_translation_files", os.path.join("ddx_app", "gui", "translation_files.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        source = os.path.join("resources", "translations")
        target = os.path.join(self.build_lib, *TARGET, "resources", "translations")
        for ts in sorted(f for f in os.listdir(source)
                         if f.startswith("ddx_") and f.endswith(".ts")):
            problem = module.compile_ts(os.path.join(source, ts),
                                        os.path.join(target, ts[:-3] + ".qm"))
            if problem:
                print(f"warning: {problem}: the wheel keeps {ts}, compiled on first use",
                      file=sys.stderr)
            elif os.path.exists(os.path.join(target, ts)):
                os.remove(os.path.join(target, ts))


setup(cmdclass={"build_py": BuildPyWithData})
