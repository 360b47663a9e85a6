"""The bundled data travels with the package: setup.py's build hook puts knowledge/,
resources/ and examples/ into the wheel as ddx_app/_data/, and ddx_app.paths finds them
there in an installed copy, and at the top of the repository in a checkout."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ddx_app import paths

ROOT = Path(__file__).resolve().parents[2]


def load_setup_py():
    """setup.py's module, without running setup() (it only runs the build hook's code)."""
    spec = importlib.util.spec_from_file_location("ddx_setup", ROOT / "setup.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    import setuptools

    real_setup, setuptools.setup = setuptools.setup, lambda **kw: None
    try:
        spec.loader.exec_module(module)
    finally:
        setuptools.setup = real_setup
    return module


@pytest.fixture(scope="module")
def setup_py():
    pytest.importorskip("setuptools")
    return load_setup_py()


def test_checkout_reads_the_top_level_folders():
    if Path(paths.__file__).resolve().parent.parent != ROOT:
        pytest.skip("ddx_app is not imported from this checkout")
    assert not (ROOT / "ddx_app" / "_data").exists(), "no copies in the repository"
    assert paths.data_root() == ROOT
    assert paths.bundled_kb_dir() == ROOT / "knowledge"
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.examples_dir() == ROOT / "examples"


def test_build_hook_ships_every_data_file(setup_py):
    assert ("ddx_app", paths._INSTALLED_DATA.name) == setup_py.TARGET
    assert set(setup_py.BUNDLED) == {"knowledge", "resources", "examples"}
    old = os.getcwd()
    os.chdir(ROOT)  # the build runs in the project folder
    try:
        listed = {folder: set(setup_py.data_files(folder)) for folder in setup_py.BUNDLED}
    finally:
        os.chdir(old)
    for folder, files in listed.items():
        on_disk = {str(p.relative_to(ROOT / folder)) for p in (ROOT / folder).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts
                   and not any(part.startswith(".") for part in p.parts)}
        assert files == on_disk, folder
    assert "kb.yaml" in listed["knowledge"]
    assert "templates/report.html.j2" in listed["resources"]
    assert f"icons/{paths.APP_ICON}.svg" in listed["resources"]
    assert "imt.ddx.yaml" in listed["examples"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory, setup_py) -> Path:
    """A site-packages folder laid out as the wheel installs it."""
    site = tmp_path_factory.mktemp("site-packages")
    shutil.copytree(ROOT / "ddx_app", site / "ddx_app",
                    ignore=shutil.ignore_patterns("__pycache__", "_data"))
    for folder in setup_py.BUNDLED:
        for name in setup_py.data_files(str(ROOT / folder)):
            target = site.joinpath(*setup_py.TARGET, folder, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / folder / name, target)
    return site


CHILD = """
import json, ddx_app.paths as p
print(json.dumps({k: str(f()) for k, f in [("root", p.data_root), ("kb", p.bundled_kb_dir),
      ("resources", p.resources_dir), ("examples", p.examples_dir)]} | {"file": p.__file__}))
"""


def test_installed_copy_reads_its_own_data(installed, tmp_path):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DDX_")}
    environ.update(PYTHONPATH=str(installed), DDX_CACHE_DIR=str(tmp_path / "cache"))
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=tmp_path, env=environ,
                         capture_output=True, text=True, timeout=120, check=True)
    where = json.loads(out.stdout)
    data = installed / "ddx_app" / "_data"
    assert Path(where["file"]).parent == installed / "ddx_app"
    assert where == {**where, "root": str(data), "kb": str(data / "knowledge"),
                     "resources": str(data / "resources"), "examples": str(data / "examples")}
    kb = subprocess.run([sys.executable, "-m", "ddx_app", "kb", "info"], cwd=tmp_path,
                        env=environ, capture_output=True, text=True, timeout=120)
    assert kb.returncode == 0, kb.stderr
    assert str(data / "knowledge") in kb.stdout
    # the overrides still win over the bundled folders
    environ["DDX_KB_DIR"] = str(ROOT / "tests" / "data" / "mini_kb")
    environ["DDX_RESOURCES_DIR"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=tmp_path, env=environ,
                         capture_output=True, text=True, timeout=120, check=True)
    where = json.loads(out.stdout)
    assert (where["kb"], where["resources"]) == (environ["DDX_KB_DIR"], str(tmp_path))
