"""Shared formatters: the GUI's HTML escaping matches the standard library's."""

from __future__ import annotations

import html
import math

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


@given(st.floats(0.0, 1.0))
def test_percent_is_never_more_precise_than_the_evidence(p):
    """Whole percent, '>99%' and '<1%' at the ends: never '>99.9%' nor a decimal."""
    from ddx_app.formatting import percent

    shown = percent(p)
    assert "." not in shown and ">99.9" not in shown and shown.endswith("%")
    assert shown != "100%" and shown != "0%"


def test_percent_ends_and_rounding():
    from ddx_app.formatting import percent

    assert percent(0.9999999) == ">99%" and percent(0.995) == ">99%"
    assert percent(0.994) == "99%"
    assert percent(0.0) == "<1%" and percent(0.0049) == "<1%" and percent(0.005) == "1%"
    assert percent(0.425) == "43%" and percent(0.5) == "50%"


def test_times_caps_the_leaders_odds():
    from ddx_app.formatting import times

    assert times(4.23) == "4.2×"
    assert times(35.4) == "35×"
    assert times(100.0) == "100×" and times(100.5) == ">100×"
    assert times(float("inf")) == ">100×" and times(5e9, cap=1000) == ">1000×"


def test_a_weight_reads_as_the_factor_it_moves_the_odds_by():
    from ddx_app.formatting import factor

    assert factor(math.log(4.2)) == "×4.2"
    assert factor(-math.log(4.2)) == "×4.2"  # the direction is said by the section
    assert factor(math.log(35)) == "×35"
    assert factor(10.0) == "×>100"
    assert factor(1e6) == "×>100"  # no overflow
