"""Fuzzing the two loaders that read files from other people: the case loader and the
knowledge-base loader (``kb check`` and loading).

A seeded mutator (reproducible: a failure names its seed) breaks copies of real files in
the ways files get broken: random byte flips, truncation, a value swapped for one of
another type somewhere in the YAML tree, a deleted key. Every outcome must be either
success or a :class:`~ddx_app.errors.DdxError` whose problems each name a file, a line
>= 1 and a message; never another exception, never a hang; and ``kb check`` and
loading must report the same errors. Bounded example counts keep it to a few seconds.
"""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest
import yaml
from testdata import EXAMPLE_CASES, LITERATURE_CASES, MINI_KB

from ddx_app.case import parse_case
from ddx_app.errors import DdxError
from ddx_app.knowledge import check_knowledge_base, load_knowledge_base
from ddx_app.paths import bundled_kb_dir

SLOW = 5.0  # seconds: any single load slower than this counts as a hang


def _swap_value(rng: random.Random, value):
    return rng.choice([
        None, True, 0, -1, 1.5, 10**30, "", "x" * rng.randint(1, 40), "imt", [], {},
        [value], {"k": value}, [[[]]], {"answer": [1]}, "positive", "0.5",
    ])


def _nodes(data, path=()):
    """Every (container, key) pair of a YAML tree."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield data, k
            yield from _nodes(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield data, i
            yield from _nodes(v, (*path, i))


def mutate(rng: random.Random, text: str) -> str:
    """One random, realistic breakage of a YAML text."""
    kind = rng.choice(["flip", "flip", "truncate", "swap", "swap", "delete", "duplicate"])
    raw = bytearray(text.encode("utf-8"))
    if kind == "flip" and raw:
        for _ in range(rng.randint(1, 8)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return raw.decode("utf-8", errors="surrogateescape").encode(
            "utf-8", errors="surrogateescape").decode("utf-8", errors="replace")
    if kind == "truncate":
        return text[: rng.randrange(len(text) + 1)]
    if kind == "duplicate":  # a repeated line: duplicate keys, broken indentation
        lines = text.splitlines(keepends=True)
        if lines:
            i = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines) + 1), lines[i])
        return "".join(lines)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:  # already broken by an earlier mutation: break it further
        return text[: rng.randrange(len(text) + 1)]
    nodes = list(_nodes(data))
    if not nodes:
        return text
    container, key = rng.choice(nodes)
    if kind == "delete":
        del container[key]
    else:
        container[key] = _swap_value(rng, container[key])
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _assert_located(exc: DdxError) -> None:
    assert exc.problems, exc
    for p in exc.problems:
        assert isinstance(p.file, str) and p.file, p
        assert isinstance(p.line, int) and p.line >= 1, p
        assert isinstance(p.message, str) and p.message.strip(), p


def _kb_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) + sorted((folder / "entities").glob("*.yaml"))


def _fuzz_kb(source: Path, tmp_path: Path, seeds: range, use_cache: bool) -> int:
    broken = 0
    for seed in seeds:
        rng = random.Random(seed)
        target = tmp_path / f"kb-{seed}"
        shutil.copytree(source, target)
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            victim = rng.choice(_kb_files(target))
            victim.write_text(mutate(rng, victim.read_text("utf-8")), "utf-8")
        start = time.perf_counter()
        checked = [p for p in check_knowledge_base(target)]
        for p in checked:
            assert p.file and p.line >= 1 and p.message, (seed, p)
        try:
            load_knowledge_base(target, use_cache=use_cache)
            loaded: list = []
        except DdxError as exc:
            _assert_located(exc)
            loaded = [str(p) for p in exc.problems]
            broken += 1
        assert time.perf_counter() - start < SLOW, f"seed {seed}: too slow"
        assert loaded == [str(p) for p in checked if p.severity == "error"], \
            f"seed {seed}: kb check and loading disagree"
        shutil.rmtree(target)
    return broken


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_mutated_mini_kb_loads_or_fails_cleanly(tmp_path):
    assert _fuzz_kb(MINI_KB, tmp_path, range(250), use_cache=True) > 50


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_mutated_bundled_kb_loads_or_fails_cleanly(tmp_path):
    _fuzz_kb(bundled_kb_dir(), tmp_path, range(1000, 1012), use_cache=False)


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_mutated_cases_load_or_fail_cleanly(kb):
    originals = [p.read_text("utf-8") for p in EXAMPLE_CASES]
    originals += [p.read_text("utf-8")
                  for p in LITERATURE_CASES[:10]]
    loaded = 0
    for seed in range(600):
        rng = random.Random(seed)
        text = rng.choice(originals)
        for _ in range(rng.choice([1, 1, 2, 4])):
            text = mutate(rng, text)
        start = time.perf_counter()
        try:
            parse_case(text, "fuzz.ddx.yaml", kb)
            loaded += 1
        except DdxError as exc:
            _assert_located(exc)
            assert all(p.file == "fuzz.ddx.yaml" for p in exc.problems), seed
        assert time.perf_counter() - start < SLOW, f"seed {seed}: too slow"
    assert 0 < loaded < 600
