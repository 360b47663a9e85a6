"""Build hook: the wheel and the sdist carry the bundled data.

The repository keeps one copy of the knowledge base, the report resources and the
example cases, in the top-level folders ``knowledge/``, ``resources/`` and
``examples/``; a source checkout (and an editable install) reads them there. A wheel
carries them inside the package, at ``ddx_app/_data/<folder>``, where
``ddx_app/paths.py`` finds them; the sdist carries the top-level folders (setuptools
adds every file ``build_py`` copies), so a wheel built from it is the same.

Everything else about the build is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import os

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


setup(cmdclass={"build_py": BuildPyWithData})
