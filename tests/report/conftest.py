"""Fixtures for report tests: a typical case, a hostile one (markup, template syntax, CJK)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from testdata import EXAMPLES

SEED_CASE = EXAMPLES / "imt_seed_case15.ddx.yaml"
NOW = datetime(2026, 3, 14, 9, 26, 53, tzinfo=timezone(timedelta(hours=8)))

HOSTILE_NOTES = (
    "病理诊断：炎性肌纤维母细胞瘤，ALK 阳性。\n"
    "<script>alert('x')</script> {{ 7*7 }} {% if true %}T{% endif %}\n"
    "Tom & \"Jerry\" <b>bold?</b> &amp; done"
)
HOSTILE_CASE = f"""\
ddx_case: 1
case_id: "S26-<i>&007"
title: "鼻腔肿物 <img src=x onerror=alert(1)>"
notes: |
{chr(10).join("  " + line for line in HOSTILE_NOTES.splitlines())}
findings:
  spindle_cell_proliferation: present
  plasma_cells_abundant: present
  ihc_sma: focal
  ihc_cytokeratin: negative
  ihc_alk: negative
  marked_nuclear_pleomorphism: present
  ihc_ki67_percent: 12
"""


@pytest.fixture(scope="session")
def now() -> datetime:
    """A fixed export time (UTC+8), so reports are reproducible."""
    return NOW


@pytest.fixture(scope="session")
def seed(kb):
    """(case, analysis) for the bundled seed case 15 (ALK-rearranged IMT)."""
    from ddx_app.case import load_case
    from ddx_app.engine import analyse

    case = load_case(SEED_CASE, kb)
    return case, analyse(kb, case.findings)


@pytest.fixture(scope="session")
def hostile_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cases") / "hostile.ddx.yaml"
    path.write_text(HOSTILE_CASE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def hostile(kb, hostile_path):
    from ddx_app.case import load_case
    from ddx_app.engine import analyse

    case = load_case(hostile_path, kb)
    assert case.notes.rstrip("\n") == HOSTILE_NOTES
    return case, analyse(kb, case.findings)


@pytest.fixture(scope="session")
def seed_report(kb, seed):
    from ddx_app.report import build_report

    case, analysis = seed
    return build_report(kb, case, analysis, now=NOW)


@pytest.fixture(scope="session")
def hostile_report(kb, hostile):
    from ddx_app.report import ReportOptions, build_report

    case, analysis = hostile
    return build_report(kb, case, analysis,
                        ReportOptions(institution="Hôpital <Saint> & Co 医院"), now=NOW)


@pytest.fixture(scope="session")
def seed_pdf(seed_report) -> bytes:
    from ddx_app.report import render_pdf

    return render_pdf(seed_report)


@pytest.fixture(scope="session")
def hostile_pdf(hostile_report) -> bytes:
    from ddx_app.report import render_pdf

    return render_pdf(hostile_report)
