"""Hostile and malformed YAML: every case is a located error, fast, and nothing executes."""

from __future__ import annotations

import time

import pytest

from ddx_app.errors import YamlError
from ddx_app.yamlio import load_yaml_file, parse_yaml


def error_of(text: str) -> str:
    with pytest.raises(YamlError) as info:
        parse_yaml(text, "case.yaml")
    return str(info.value)


def test_python_object_tag_is_rejected_and_not_executed(tmp_path):
    """A !!python tag in a shared file must never run code: it is an error with its line."""
    marker = tmp_path / "pwned"
    text = f"a: 1\nb: !!python/object/apply:os.system ['touch {marker}']\n"
    message = error_of(text)
    assert message.startswith("case.yaml:2:")
    assert "unsupported YAML tag" in message
    assert not marker.exists()


def test_alias_bomb_is_rejected_quickly():
    """A 'billion laughs' document is refused in well under a second instead of hanging."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    start = time.perf_counter()
    message = error_of("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert "alias bomb" in message


def test_huge_file_is_rejected_before_reading(tmp_path):
    """A 50 MB file is refused by size within a second, with the limit in the message."""
    big = tmp_path / "big.ddx.yaml"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(YamlError) as info:
        load_yaml_file(big, max_bytes=2_000_000)
    assert time.perf_counter() - start < 1.0
    assert "too large" in str(info.value)
    assert f"{big}:1:" in str(info.value)


def test_binary_garbage_is_a_clear_error(tmp_path):
    """Random bytes are reported as 'not UTF-8 text' with a line, not a traceback."""
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(b"ddx_case: 1\n\xff\xfe\x00\x81garbage")
    with pytest.raises(YamlError) as info:
        load_yaml_file(junk, max_bytes=10_000)
    assert f"{junk}:2: not UTF-8" in str(info.value)


def test_nul_bytes_and_empty_files():
    """Empty files and NUL bytes each get their own plain message."""
    assert "empty" in error_of("")
    assert "empty" in error_of("   \n\n")
    assert "no content" in error_of("# only a comment\n")
    assert "NUL" in error_of("a: 1\nb: \x00\n")


def test_syntax_error_has_its_line():
    """An unclosed bracket is reported at the line where parsing failed."""
    assert error_of("a: 1\nb: [1, 2\nc: 3\n").startswith("case.yaml:")


def test_duplicate_keys_are_errors_not_silently_overwritten():
    """YAML lets the last duplicate win silently; we refuse and name the line."""
    assert error_of("findings:\n  ihc_sma: positive\n  ihc_sma: negative\n").startswith(
        "case.yaml:3: duplicate key 'ihc_sma'")


def test_yes_no_keys_get_a_hint():
    """An unquoted 'on:' key becomes a boolean in YAML 1.1; the message says to quote it."""
    assert "quote it" in error_of("on: 1\n")


def test_dates_stay_text_and_numbers_are_numbers():
    """Case ids that look like dates are kept verbatim; 1_000.5 style numbers still parse."""
    data, lines = parse_yaml("id: 2024-01-03\nx: 1_000.5\ny: 12\nz: [a, {b: 2}]\n", "f")
    assert data == {"id": "2024-01-03", "x": 1000.5, "y": 12, "z": ["a", {"b": 2}]}
    assert lines.line_of(("z", 1, "b")) == 4
    assert lines.line_of(("missing", "deeper")) == 1


def test_infinite_numbers_are_rejected():
    """.inf and .nan are not usable probabilities or measurements."""
    assert "finite" in error_of("p: .nan\n")
