"""Shared test set-up: headless Qt, a private cache folder, the bundled and mini KBs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MINI_KB = DATA / "mini_kb"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Never read or write the user's real cache while testing."""
    os.environ["DDX_CACHE_DIR"] = str(tmp_path_factory.mktemp("ddx-cache"))
    yield


@pytest.fixture(scope="session")
def kb():
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
