"""Shared formatters: the GUI's HTML escaping matches the standard library's."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from ddx_app.formatting import escape_html


@given(st.text())
def test_escape_html_is_html_escape(s):
    assert escape_html(s) == html.escape(s, quote=True)


def test_escape_html_neutralises_markup_typed_by_a_user():
    assert escape_html('<img src=x onerror="alert(1)">&') == (
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;")


def test_information_gain_reads_the_same_everywhere():
    """One format for CLI, GUI and reports: small gains keep two significant digits."""
    from ddx_app.formatting import bits

    assert bits(0.42) == "0.42"
    assert bits(0.000176) == "0.00018"
    assert bits(0.0000177) == "0.000018"
    assert bits(0.0) == "<0.000001"
    assert "e" not in bits(8e-05)


def test_odds_read_both_ways():
    from ddx_app.formatting import odds

    assert odds(3.24) == "3.2 : 1"
    assert odds(250.4) == "250 : 1"
    assert odds(1 / 4) == "1 : 4.0"
    assert odds(float("inf")) == ">10,000 : 1"
    assert odds(0.0) == "1 : >10,000"
    assert odds(2e6) == ">10,000 : 1" and odds(1 / 2e6) == "1 : >10,000"
