"""Per-user folders: each operating system's own (platformdirs), or the DDX_* overrides."""

from __future__ import annotations

import sys

import pytest

from ddx_app.paths import CACHE_FOLDER, DATA_FOLDER, cache_dir, data_dir


def test_the_overrides_win(monkeypatch, tmp_path):
    monkeypatch.setenv("DDX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DDX_DATA_DIR", str(tmp_path / "data"))
    assert cache_dir() == tmp_path / "cache"
    assert data_dir() == tmp_path / "data"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_linux_follows_the_xdg_folders(monkeypatch, tmp_path):
    monkeypatch.delenv("DDX_CACHE_DIR", raising=False)
    monkeypatch.delenv("DDX_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    assert cache_dir() == tmp_path / "xdg-cache" / CACHE_FOLDER
    assert data_dir() == tmp_path / "xdg-data" / DATA_FOLDER[0] / DATA_FOLDER[1]


def test_the_folders_are_absolute_and_named_for_the_app(monkeypatch):
    monkeypatch.delenv("DDX_CACHE_DIR", raising=False)
    monkeypatch.delenv("DDX_DATA_DIR", raising=False)
    assert cache_dir().is_absolute() and CACHE_FOLDER in cache_dir().parts
    assert data_dir().is_absolute() and data_dir().parts[-2:] == DATA_FOLDER
