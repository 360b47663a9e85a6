"""One version: ``ddx_app.__version__`` is written once; pyproject reads it, and the
installed metadata, ``ddx --version``, the About box, the reports, the AppStream
metainfo and the changelog all say the same."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ddx_app import __version__

ROOT = Path(__file__).resolve().parents[2]
METAINFO = ROOT / "packaging" / "io.github.ddxassistant.ddx_assistant.metainfo.xml"
CHANGELOG = ROOT / "CHANGELOG.md"


def newest_changelog_entry() -> tuple[str, str]:
    match = re.search(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d{2}-\d{2})$",
                      CHANGELOG.read_text(encoding="utf-8"), re.M)
    assert match, "CHANGELOG.md has no '## [X.Y.Z] - YYYY-MM-DD' entry"
    return match.group(1), match.group(2)


def test_version_is_a_release_number():
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_pyproject_reads_the_version_from_the_package():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"], "write the version only in ddx_app/__init__.py"
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "ddx_app.__version__"}


def test_installed_metadata_agrees():
    try:
        installed = importlib.metadata.version("ddx-assistant")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("ddx-assistant is not installed (run: python3 -m pip install -e .)")
    assert installed == __version__, "stale install: run python3 -m pip install -e ."


def test_command_line_version():
    out = subprocess.run([sys.executable, "-m", "ddx_app", "--version"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == f"ddx {__version__}"


def test_about_box_and_reports(kb):
    pytest.importorskip("PySide6")
    from ddx_app.case import Case
    from ddx_app.engine import analyse
    from ddx_app.gui.dialogs.about import about_html
    from ddx_app.report.model import build_report

    assert f"<td>{__version__}</td>" in about_html(kb, "en", lambda s: s)
    case = Case({"spindle_cell_proliferation": "present"}, case_id="v")
    report = build_report(kb, case, analyse(kb, case.findings))
    assert report["app"]["version"] == __version__


def test_changelog_and_metainfo_name_this_release():
    version, date = newest_changelog_entry()
    assert version == __version__, "add a CHANGELOG.md entry for this version"
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases is not None
    newest = releases.find("release")
    assert newest is not None
    assert (newest.get("version"), newest.get("date")) == (version, date), \
        "the metainfo's newest <release> must match CHANGELOG.md's newest entry"
