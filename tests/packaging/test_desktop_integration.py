"""Linux desktop integration: the desktop entry, AppStream metainfo, case MIME type and
icons are valid and agree with each other. The external validators run when they are
installed (.ci/run installs desktop-file-utils, appstream and shared-mime-info)."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ddx_app.paths import APP_ICON, ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "ddx-assistant.desktop"
METAINFO = PACKAGING / "io.github.ddxassistant.ddx_assistant.metainfo.xml"
MIME = PACKAGING / "ddx-assistant-mime.xml"
ICONS = ROOT / "resources" / "icons"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
CASE_TYPE = "application/x-ddx-case"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed")
    return path


def test_desktop_file_validates():
    out = subprocess.run([need("desktop-file-validate"), str(DESKTOP)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_metainfo_validates_pedantic():
    out = subprocess.run([need("appstreamcli"), "validate", "--pedantic", "--no-net",
                          str(METAINFO)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    # infos (I:) may differ between AppStream versions; errors and warnings may not
    assert not [line for line in out.stdout.splitlines() if line[:2] in ("E:", "W:")], out.stdout


def test_entry_opens_cases_with_the_app_icon():
    entry = desktop_entry()
    assert entry["Exec"].split() == ["ddx", "gui", "%f"]
    assert entry["MimeType"].rstrip(";").split(";") == [CASE_TYPE]
    assert entry["Icon"] == APP_ICON == DESKTOP.stem


def test_metainfo_points_at_the_entry_icon_and_mime_type():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("icon[@type='stock']") == APP_ICON
    assert root.findtext("provides/mediatype") == CASE_TYPE
    assert root.findtext("provides/binary") == "ddx"
    shots = root.findall("screenshots/screenshot/image")
    assert shots and all(s.text and s.text.endswith("docs/screenshot.png") for s in shots)
    assert (ROOT / "docs" / "screenshot.png").is_file()


def test_mime_type_claims_case_files():
    types = ET.parse(MIME).getroot().findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [CASE_TYPE]
    assert [g.get("pattern") for g in types[0].findall(f"{MIME_NS}glob")] == ["*.ddx.yaml"]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_icons_svg_and_every_png_size():
    svg = ET.parse(ICONS / f"{APP_ICON}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    pngs = {int(p.stem.rsplit("-", 1)[1]) for p in ICONS.glob(f"{APP_ICON}-*.png")}
    assert pngs == set(ICON_SIZES)
    assert min(ICON_SIZES) == 16 and max(ICON_SIZES) == 256
    for size in ICON_SIZES:
        assert png_size(ICONS / f"{APP_ICON}-{size}.png") == (size, size)


def test_install_script_makes_case_files_open_with_the_app(tmp_path):
    need("update-mime-database")
    subprocess.run(["bash", str(PACKAGING / "install-linux.sh"), str(tmp_path)],
                   check=True, capture_output=True, text=True, timeout=120)
    share = tmp_path / "share"
    globs = (share / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert any(line.endswith(f":{CASE_TYPE}:*.ddx.yaml") for line in globs), globs
    assert (share / "applications" / DESKTOP.name).is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ICON}.svg").is_file()
    for size in ICON_SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/{APP_ICON}.png").is_file()
    if shutil.which("update-desktop-database"):
        cache = (share / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{CASE_TYPE}={DESKTOP.name};" in cache
    if shutil.which("appstreamcli"):
        out = subprocess.run(["appstreamcli", "validate-tree", "--no-net", str(tmp_path)],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stdout + out.stderr


def test_install_script_points_the_entry_at_a_bundle(tmp_path):
    """DDX_EXEC: a desktop bundle outside PATH, in a folder whose name has a space."""
    program = "/opt/DDx Assistant/ddx"
    subprocess.run(["bash", str(PACKAGING / "install-linux.sh"), str(tmp_path)],
                   env={**os.environ, "DDX_EXEC": program},
                   check=True, capture_output=True, text=True, timeout=120)
    installed = tmp_path / "share" / "applications" / DESKTOP.name
    lines = installed.read_text(encoding="utf-8").splitlines()
    assert f'Exec="{program}" gui %f' in lines and f"TryExec={program}" in lines
    if shutil.which("desktop-file-validate"):
        out = subprocess.run(["desktop-file-validate", str(installed)],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0 and not out.stdout.strip(), out.stdout
