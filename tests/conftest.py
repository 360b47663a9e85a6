"""Shared test set-up for every test folder: headless Qt, a private cache folder, the
bundled and mini knowledge bases (the only ``kb`` and ``mini_kb`` fixtures), no $DDX_LANG.
Paths to the test inputs, and ``run`` (``ddx`` in-process), are in ``testdata.py``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from testdata import MINI_KB

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Never read or write the user's real cache while testing."""
    os.environ["DDX_CACHE_DIR"] = str(tmp_path_factory.mktemp("ddx-cache"))
    yield


@pytest.fixture(autouse=True)
def _no_ddx_lang(monkeypatch):
    """The command line's language is --lang or the tester's $DDX_LANG: never the latter
    here (a test that wants it sets it)."""
    monkeypatch.delenv("DDX_LANG", raising=False)


@pytest.fixture(scope="session")
def kb():
    """The bundled knowledge base, loaded once for the whole run."""
    from ddx_app.knowledge import load_knowledge_base

    return load_knowledge_base()


@pytest.fixture(scope="session")
def mini_kb():
    from ddx_app.knowledge import load_knowledge_base

    return load_knowledge_base(MINI_KB, use_cache=False)


@pytest.fixture
def mini_kb_dir(tmp_path) -> Path:
    """A writable copy of the mini KB, for tests that break it on purpose."""
    target = tmp_path / "kb"
    shutil.copytree(MINI_KB, target)
    return target
