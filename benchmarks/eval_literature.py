"""Accuracy and calibration of the ranking on cases transcribed from published reports.

Reads ``tests/data/literature_cases/*.ddx.yaml`` (or ``--cases DIR``; each file has
``teaching.answer`` and ``teaching.kind`` = tissue | clinical), ranks every case with
:func:`ddx_app.engine.analyse` and prints JSON:

- ``by_kind`` and ``overall``: the number of cases, top-1 and top-3 hits (and their
  rates), and two proper scoring rules over the whole posterior:

  * Brier score: sum over entities of (p - y)^2, averaged over cases (y = 1 for the
    answer, 0 otherwise). 0 is perfect; 2 is a certain, wrong answer.
  * log loss: mean of -ln p(answer), p clipped at 1e-6. It punishes a confident wrong
    answer much harder than Brier does (p(answer) = 0.01 costs 4.6 nats, 0.5 costs 0.7),
    which is the failure that matters here: a ranking that is right at top-3 but puts
    99 % on the wrong entity would mislead a user who reads the percentage.

  Top-1/top-3 only look at the order; these two also look at the numbers shown.
- ``reliability``: the probabilities of ALL (case, entity) pairs in 10 equal-width bins,
  each with its count, mean predicted probability and observed frequency (fraction of
  the pairs whose entity is the answer), and the expected calibration error (ECE: the
  count-weighted mean |predicted - observed|). ``top_label`` does the same for the
  leader's probability only: of the cases whose leader had p in a bin, how often was
  the leader right. Above 0.5 the two tables hold the same rows (only a leader can have
  p > 0.5); below it the top-label table shows close calls, the other the long tail.
- ``wrong_leaders_above``: the cases whose leader is wrong with leader probability above
  0.9, and the highest leader probability among all wrong leaders.
- ``misses``: every case whose answer is not ranked first.

Caveats. This is a development set: the knowledge base was written before these cases
were run, but it has since been looked at, so every figure is optimistic. The set is
small (a few dozen cases), so one case moves a rate by several points and most
reliability bins hold a handful of pairs; read the bins as a sketch, not an estimate.

    python3 benchmarks/eval_literature.py [--prior NAME] [--cases DIR] [--kb DIR]
                                          [--png [PATH]]

``--png`` also draws a reliability diagram (default ``docs/reliability.png``) with
PySide6, offscreen; without it the script never imports Qt.
"""

from __future__ import annotations

import argparse
import inspect
import itertools
import json
import math
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ddx_app.case import load_case
from ddx_app.engine import analyse
from ddx_app.errors import DdxError
from ddx_app.knowledge import load_knowledge_base

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "literature_cases"
DEFAULT_PNG = ROOT / "docs" / "reliability.png"
DEFAULT_PRIOR: str = inspect.signature(analyse).parameters["prior"].default
N_BINS = 10
P_CLIP = 1e-6
CONFIDENT = 0.9  # a wrong leader above this probability is listed by name
_APP: Any = None  # the QGuiApplication write_png creates when there is none


def _bin_of(p: float, n_bins: int = N_BINS) -> int:
    """Equal-width bins on [0, 1]: [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0]."""
    return min(max(int(p * n_bins), 0), n_bins - 1)


def reliability_table(pairs: Iterable[tuple[float, bool]], n_bins: int = N_BINS
                      ) -> dict[str, Any]:
    """Bin (predicted probability, event happened) pairs; the table and its ECE.

    Empty bins are kept (count 0, mean and observed ``None``) so every table has
    ``n_bins`` rows in order."""
    count = [0] * n_bins
    total_p = [0.0] * n_bins
    hits = [0] * n_bins
    for p, happened in pairs:
        b = _bin_of(p, n_bins)
        count[b] += 1
        total_p[b] += p
        hits[b] += bool(happened)
    n = sum(count)
    bins = []
    gap = 0.0
    for b in range(n_bins):
        mean = total_p[b] / count[b] if count[b] else None
        observed = hits[b] / count[b] if count[b] else None
        if count[b]:
            gap += count[b] * abs(mean - observed)
        bins.append({"lo": b / n_bins, "hi": (b + 1) / n_bins, "count": count[b],
                     "mean_predicted": mean, "observed": observed})
    return {"pairs": n, "ece": gap / n if n else None, "bins": bins}


def _scores(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Counts, rates and scoring rules for a group of evaluated cases."""
    n = len(rows)
    if not n:
        return {"cases": 0, "top1": 0, "top3": 0}
    top1 = sum(r["rank"] == 1 for r in rows)
    top3 = sum(r["rank"] <= 3 for r in rows)
    wrong = [r["p_leader"] for r in rows if r["rank"] > 1]
    return {
        "cases": n,
        "top1": top1,
        "top3": top3,
        "top1_rate": top1 / n,
        "top3_rate": top3 / n,
        "brier": sum(r["brier"] for r in rows) / n,
        "log_loss": sum(r["log_loss"] for r in rows) / n,
        "ece": reliability_table(_all_pairs(rows))["ece"],
        "top_label_ece": reliability_table(_leader_pairs(rows))["ece"],
        "max_wrong_leader_p": max(wrong) if wrong else None,
    }


def _all_pairs(rows: Iterable[dict[str, Any]]) -> list[tuple[float, bool]]:
    return [(p, entity == r["answer"]) for r in rows for entity, p in r["posterior"].items()]


def _leader_pairs(rows: Iterable[dict[str, Any]]) -> list[tuple[float, bool]]:
    return [(r["p_leader"], r["rank"] == 1) for r in rows]


def evaluate(kb_dir: str | os.PathLike | None = None, prior: str = DEFAULT_PRIOR,
             cases_dir: str | os.PathLike | None = None) -> dict[str, Any]:
    """Rank every ``*.ddx.yaml`` in ``cases_dir`` (default: the literature set) and score it.

    Cases without ``teaching.answer`` cannot be scored and are listed under ``skipped``.
    Raises :class:`ddx_app.errors.DdxError` for a knowledge base or case file that does
    not load, and ``ValueError`` for an unknown prior or a folder with no scorable case."""
    kb = load_knowledge_base(kb_dir)
    folder = Path(cases_dir) if cases_dir is not None else CASES
    paths = sorted(folder.glob("*.ddx.yaml"))
    rows: list[dict[str, Any]] = []
    skipped: list[str] = []
    for path in paths:
        case = load_case(path, kb)
        if case.answer is None:
            skipped.append(path.name)
            continue
        analysis = analyse(kb, case.findings, prior)
        order = [r.entity for r in analysis.ranking]
        posterior = analysis.posterior
        p_answer = posterior[case.answer]
        rows.append({
            "case": path.name,
            "kind": (case.teaching or {}).get("kind", "tissue"),
            "answer": case.answer,
            "rank": order.index(case.answer) + 1,
            "leader": order[0],
            "p_leader": analysis.leader.probability,
            "p_answer": p_answer,
            "posterior": posterior,
            "brier": sum((p - (e == case.answer)) ** 2 for e, p in posterior.items()),
            "log_loss": -math.log(max(p_answer, P_CLIP)),
        })
    if not rows:
        raise ValueError(f"no case with a teaching answer in {folder}")

    by_kind: dict[str, dict[str, Any]] = {}
    for kind in dict.fromkeys(r["kind"] for r in rows):  # first-seen order
        by_kind[kind] = _scores([r for r in rows if r["kind"] == kind])
    misses = [{"case": r["case"], "answer": r["answer"], "rank": r["rank"],
               "leader": r["leader"], "p_leader": r["p_leader"], "p_answer": r["p_answer"]}
              for r in rows if r["rank"] > 1]
    confident = [m for m in misses if m["p_leader"] > CONFIDENT]
    return {
        "prior": prior,
        "kb_sha256": kb.sha256[:12],
        "kb_id": kb.id,
        "kb_version": kb.version,
        "cases_dir": str(folder),
        "by_kind": by_kind,
        "overall": _scores(rows),
        "reliability": reliability_table(_all_pairs(rows)),
        "top_label": reliability_table(_leader_pairs(rows)),
        "wrong_leaders_above": {
            "threshold": CONFIDENT,
            "max_wrong_leader_p": max((m["p_leader"] for m in misses), default=None),
            "cases": confident,
        },
        "misses": misses,
        "skipped": skipped,
    }


# --- reliability diagram (PySide6, imported only here) ------------------------------------

def write_png(result: dict[str, Any], path: str | os.PathLike, size: int = 800) -> Path:
    """Draw the reliability diagram of an :func:`evaluate` result to a PNG file."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QFontDatabase,
        QGuiApplication,
        QImage,
        QPainter,
        QPen,
    )

    from ddx_app.paths import fonts_dir

    global _APP
    if QGuiApplication.instance() is None:
        _APP = QGuiApplication(sys.argv[:1])  # kept for the process: fonts belong to it
    family = "DejaVu Sans"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / name))
        if font_id >= 0 and QFontDatabase.applicationFontFamilies(font_id):
            family = QFontDatabase.applicationFontFamilies(font_id)[0]

    def font(points: float, bold: bool = False) -> QFont:
        f = QFont(family)
        f.setPixelSize(round(points * size / 800))
        f.setBold(bold)
        return f

    s = size / 800  # everything below is laid out for 800 px and scaled
    left, top, side = 150 * s, 96 * s, 500 * s
    plot = QRectF(left, top, side, side)
    centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + x * side, top + (1 - y) * side)

    def inside(rect: QRectF) -> QRectF:
        """``rect`` moved (not shrunk) to lie within the plot frame."""
        dx = max(plot.left() + 2 * s - rect.left(), 0) + min(plot.right() - 2 * s
                                                            - rect.right(), 0)
        dy = max(plot.top() + 2 * s - rect.top(), 0) + min(plot.bottom() - 2 * s
                                                          - rect.bottom(), 0)
        return rect.translated(dx, dy)

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    overall = result["overall"]
    folder = Path(result["cases_dir"])
    what = "literature cases" if folder == CASES else f"cases in {folder.name}/"
    # title
    painter.setPen(QColor("#202020"))
    painter.setFont(font(22, bold=True))
    painter.drawText(QRectF(0, 14 * s, size, 32 * s), centre,
                     f"Reliability: {overall['cases']} {what}")
    painter.setFont(font(15))
    painter.drawText(QRectF(0, 50 * s, size, 24 * s), centre,
                     f"KB {result['kb_id']} {result['kb_version']} (sha256 "
                     f"{result['kb_sha256']}) \u00b7 prior: {result['prior']}")

    # grid, frame, ticks, axis titles
    painter.setPen(QPen(QColor("#e6e6e6"), 1 * s))
    for i in range(1, 10):
        painter.drawLine(at(i / 10, 0), at(i / 10, 1))
        painter.drawLine(at(0, i / 10), at(1, i / 10))
    painter.setPen(QPen(QColor("#404040"), 1.5 * s))
    painter.drawRect(plot)
    painter.setFont(font(13))
    for i in range(0, 11, 2):
        v = i / 10
        x, y = at(v, 0), at(0, v)
        painter.drawLine(x, x + QPointF(0, 6 * s))
        painter.drawLine(y, y - QPointF(6 * s, 0))
        painter.drawText(QRectF(x.x() - 30 * s, x.y() + 8 * s, 60 * s, 20 * s), centre,
                         f"{v:.1f}")
        painter.drawText(QRectF(y.x() - 52 * s, y.y() - 10 * s, 42 * s, 20 * s),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{v:.1f}")
    painter.setFont(font(15))
    painter.drawText(QRectF(left, top + side + 32 * s, side, 22 * s), centre,
                     "mean predicted probability in the bin")
    painter.save()
    painter.translate(left - 74 * s, top + side / 2)
    painter.rotate(-90)
    painter.drawText(QRectF(-side / 2, -11 * s, side, 22 * s), centre,
                     "observed frequency (entity was the answer)")
    painter.restore()

    # perfect calibration
    diagonal = QPen(QColor("#909090"), 1.5 * s, Qt.PenStyle.DashLine)
    painter.setPen(diagonal)
    painter.drawLine(at(0, 0), at(1, 1))

    # the two series: every (case, entity) pair as filled circles, the leader only as
    # hollow squares around them (above 0.5 the two coincide: only a leader can pass 0.5)
    blue, orange = QColor(31, 119, 180), QColor(225, 100, 10)
    pairs = [b for b in result["reliability"]["bins"] if b["count"]]
    leaders = [b for b in result["top_label"]["bins"] if b["count"]]
    biggest = max(b["count"] for b in pairs + leaders)

    def radius(n: int) -> float:
        return (4 + 16 * math.sqrt(n / biggest)) * s

    def point(b: dict[str, Any]) -> QPointF:
        return at(b["mean_predicted"], b["observed"])

    for bins, colour in ((pairs, blue), (leaders, orange)):
        faint = QColor(colour)
        faint.setAlpha(90)
        painter.setPen(QPen(faint, 1.5 * s))
        for a, b in itertools.pairwise(bins):
            painter.drawLine(point(a), point(b))

    fill = QColor(blue)
    fill.setAlpha(150)
    painter.setPen(QPen(blue.darker(130), 1.5 * s))
    painter.setBrush(fill)
    for b in pairs:
        r = radius(b["count"])
        painter.drawEllipse(point(b), r, r)
    painter.setPen(QPen(orange, 2.5 * s))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for b in leaders:
        r = radius(b["count"]) + 4 * s
        p = point(b)
        painter.drawRect(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))

    # count labels: beside, above or below the marker, wherever they overlap no marker and
    # no other label; one label where both series put the same count at the same place
    painter.setFont(font(12))
    w, h = painter.fontMetrics().horizontalAdvance("n=000") + 4 * s, 16 * s
    shared = {(b["lo"], b["count"], b["mean_predicted"], b["observed"]) for b in pairs}
    taken = []
    for bins, extra in ((pairs, 0.0), (leaders, 4 * s)):
        for b in bins:
            p, r = point(b), radius(b["count"]) + extra
            taken.append(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
    labels = [(b, blue.darker(150), 4 * s) for b in pairs]
    labels += [(b, orange.darker(140), 4 * s) for b in leaders
               if (b["lo"], b["count"], b["mean_predicted"], b["observed"]) not in shared]
    for b, colour, extra in labels:
        p, r = point(b), radius(b["count"]) + extra + 2 * s
        candidates = [inside(QRectF(x, y, w, h)) for x, y in (
            (p.x() + r, p.y() - h / 2), (p.x() - r - w, p.y() - h / 2),
            (p.x() - w / 2, p.y() - r - h), (p.x() - w / 2, p.y() + r))]
        free = [c for c in candidates if not any(c.intersects(t) for t in taken)]
        if free:
            rect = free[0]
        else:  # crowded: walk away from the data, upwards in the lower half
            rect, step = candidates[0], -h if b["observed"] < 0.5 else h
            for _ in range(20):
                if not any(rect.intersects(t) for t in taken):
                    break
                rect = rect.translated(0, step)
        taken.append(rect)
        painter.setPen(colour)
        painter.drawText(rect, centre, f"n={b['count']}")

    # legend: one row under the axis title
    ece_all, ece_top = result["reliability"]["ece"], result["top_label"]["ece"]
    entries = [("circle", f"all (case, entity) pairs, ECE {ece_all:.3f}"),
               ("square", f"leader only, ECE {ece_top:.3f}"),
               ("line", "perfect calibration")]
    painter.setFont(font(13))
    metrics = painter.fontMetrics()
    gap, mark = 22 * s, 26 * s
    total = sum(mark + metrics.horizontalAdvance(t) for _, t in entries) + gap * 2
    x, y = (size - total) / 2, top + side + 74 * s
    for kind, text in entries:
        c = QPointF(x + 9 * s, y)
        if kind == "circle":
            painter.setPen(QPen(blue.darker(130), 1.5 * s))
            painter.setBrush(fill)
            painter.drawEllipse(c, 7 * s, 7 * s)
        elif kind == "square":
            painter.setPen(QPen(orange, 2.5 * s))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(c.x() - 8 * s, c.y() - 8 * s, 16 * s, 16 * s))
        else:
            painter.setPen(diagonal)
            painter.drawLine(c - QPointF(10 * s, 0), c + QPointF(10 * s, 0))
        painter.setPen(QColor("#202020"))
        painter.drawText(QRectF(x + mark, y - 10 * s, size, 20 * s),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        x += mark + metrics.horizontalAdvance(text) + gap

    # caption
    wrong = result["wrong_leaders_above"]
    max_wrong = wrong["max_wrong_leader_p"]
    lines = [
        f"log loss {overall['log_loss']:.3f} nats \u00b7 Brier {overall['brier']:.3f} \u00b7 "
        f"top-1 {overall['top1']}/{overall['cases']} \u00b7 top-3 {overall['top3']}/"
        f"{overall['cases']}",
        "highest wrong-leader p "
        + ("\u2013" if max_wrong is None else f"{max_wrong:.3f}")
        + f" \u00b7 wrong leaders above {wrong['threshold']}: {len(wrong['cases'])}",
        "marker area \u221d number in the bin \u00b7 development set: the KB has been looked "
        "at with these cases, so the figures are optimistic",
    ]
    y = top + side + 98 * s
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        painter.setPen(QColor("#707070" if last else "#202020"))
        painter.setFont(font(12 if last else 14))
        painter.drawText(QRectF(0, y, size, 22 * s), centre, line)
        y += 23 * s
    painter.end()

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise OSError(f"could not write {target}")
    return target


def _shown(path: Path) -> str:
    """``path`` relative to the project when it is inside it (for --help)."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prior", default=DEFAULT_PRIOR,
                        help=f"prior mode passed to analyse (default: {DEFAULT_PRIOR})")
    parser.add_argument("--cases", metavar="DIR", default=None,
                        help=f"folder of *.ddx.yaml cases (default: {_shown(CASES)})")
    parser.add_argument("--kb", metavar="DIR", default=None,
                        help="knowledge base folder (default: the bundled one)")
    parser.add_argument("--png", metavar="PATH", nargs="?", const=str(DEFAULT_PNG),
                        default=None, help="also draw a reliability diagram (default path: "
                        f"{_shown(DEFAULT_PNG)})")
    args = parser.parse_args(argv)
    try:
        result = evaluate(args.kb, args.prior, args.cases)
    except (DdxError, ValueError) as exc:
        print(f"eval_literature: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    if args.png:
        written = write_png(result, args.png)
        print(f"wrote {written}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
