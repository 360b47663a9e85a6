"""Generate a synthetic knowledge base in the real format (for benchmarks and tests).

ImmunoQuery-scale by default: 1,000 entities x 400 findings. Like real
immunohistochemistry compendia the matrix is sparse: each entity gives figures
for ``per_entity`` findings (default 40, 10 %) and leaves the rest to the loader's
"no data" rule (equal across states), with ``require_complete: false``.
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

KINDS = """kinds:
  feature: {states: [present, absent]}
  stain: {states: [positive, negative], aliases: {focal: positive, diffuse: positive}}
  test: {states: [positive, negative]}
state_labels:
  present: {en: Present}
  absent: {en: Absent}
  positive: {en: Positive}
  negative: {en: Negative}
  focal: {en: Focal}
  diffuse: {en: Diffuse}
groups:
  - {id: clinical, label: {en: Clinical}}
  - {id: morphology, label: {en: Morphology}}
  - {id: ihc, label: {en: Immunohistochemistry}, orderable: true}
findings:
"""


def finding_kind(i: int) -> str:
    return ("numeric", "feature", "stain", "stain", "test")[i % 5]


def write_kb(out: Path, entities: int = 1000, findings: int = 400, per_entity: int = 40,
             seed: int = 1) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "entities").mkdir(exist_ok=True)
    (out / "kb.yaml").write_text(
        "kb_format: 1\nid: synthetic\nversion: \"synthetic-1\"\n"
        "title: {en: Synthetic benchmark knowledge base}\nrequire_complete: false\n"
        "engine:\n  likelihood_floor: 0.02\n  close_call_ratio: 3.0\n"
        "  settled_below_bits: 0.01\n"
        "  outside: {typicality_z_below: -3.5, min_findings: 4, improbable_below: 0.05}\n"
        "  expert_estimate: true\n"
        "report:\n  discuss: {most: 3, min_probability: 0.05}\n"
        "  stains_not_done: {compare_top: 3, min_difference: 0.3, most: 6}\n"
        "  expert_estimate: true\n", "utf-8")
    (out / "sources.yaml").write_text(
        "sources:\n" + "".join(
            f"  - {{id: src{i}, citation: \"Synthetic source number {i}\", kind: case_series, "
            f"url: \"https://example.org/{i}\"}}\n" for i in range(20)), "utf-8")
    lines = [KINDS]
    for i in range(findings):
        kind = finding_kind(i)
        group = ("clinical", "morphology", "ihc", "ihc", "ihc")[i % 5]
        lines.append(f"  - id: f{i:03d}\n    group: {group}\n    kind: {kind}\n"
                     f"    label: {{en: Finding {i}}}\n    help: {{en: Synthetic finding {i}.}}\n")
        if kind == "numeric":
            lines.append("    range: [0, 100]\n    bins:\n"
                         "      - {id: low, label: {en: low}, min: 0, max: 10}\n"
                         "      - {id: mid, label: {en: mid}, min: 10, max: 40}\n"
                         "      - {id: high, label: {en: high}, min: 40, max: 100}\n")
    (out / "findings.yaml").write_text("".join(lines), "utf-8")
    for e in range(entities):
        chosen = sorted(rng.sample(range(findings), per_entity))
        cells = []
        for i in chosen:
            src = f"source: src{rng.randrange(20)}"
            if finding_kind(i) == "numeric":
                a, b = rng.uniform(0.05, 0.6), rng.uniform(0.05, 0.35)
                cells.append(f"  f{i:03d}: {{low: {a:.3f}, mid: {b:.3f}, {src}}}\n")
            else:
                state = "present" if finding_kind(i) == "feature" else "positive"
                cells.append(f"  f{i:03d}: {{{state}: {rng.uniform(0.02, 0.98):.3f}, {src}}}\n")
        (out / "entities" / f"e{e:04d}.yaml").write_text(
            f"id: e{e:04d}\nname: {{en: Entity {e}}}\n"
            f"prevalence: {{value: {rng.uniform(0.001, 0.1):.4f}, expert_estimate: true}}\n"
            f"description: {{en: Synthetic entity {e}.}}\nlikelihoods:\n" + "".join(cells),
            "utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--entities", type=int, default=1000)
    ap.add_argument("--findings", type=int, default=400)
    ap.add_argument("--per-entity", type=int, default=40)
    a = ap.parse_args()
    write_kb(a.out, a.entities, a.findings, a.per_entity)
    print(a.out)


if __name__ == "__main__":
    main()
