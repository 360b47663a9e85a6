"""``ddx practice`` and ``ddx kb table``: the command-line side of the trainee features.

Kept out of cli.py so that the main parser only gains a few lines; the commands follow
its conventions (exit 2 with one line per problem on bad input, never a traceback).
"""

from __future__ import annotations

import argparse
import sys

from .cli_common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, count, lang_argument, output_language


def add_practice_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "practice", help="write practice cases drawn from the knowledge base",
        description="Write COUNT practice cases (*.ddx.yaml with teaching.answer and a short "
        "history) drawn from the knowledge base; the same seed gives the same files.")
    p.add_argument("--count", type=count(1), default=20, metavar="N",
                   help="how many cases (default 20)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write them into")
    p.add_argument("--entity", metavar="ID", help="draw every case from this entity")
    p.add_argument("--kb", metavar="DIR", help="knowledge base folder (default: bundled)")
    lang_argument(p)
    return p


def add_table_parser(kb_sub) -> argparse.ArgumentParser:
    p = kb_sub.add_parser(
        "table", help="comparison table (entities x findings) or a two-entity study sheet",
        description="Entities as columns, findings as rows, each cell the frequency with "
        "its source; HTML or PDF by the extension of OUT.")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="OUT.html or OUT.pdf")
    p.add_argument("--entities", metavar="A,B,...", help="only these entities (ids)")
    p.add_argument("--group", metavar="G",
                   help="only the findings of this group (finding or dependence group id)")
    p.add_argument("--sort-by-separation", nargs=2, metavar=("A", "B"),
                   help="sort the rows by how well they separate entity A from entity B")
    p.add_argument("--pair", nargs=2, metavar=("A", "B"),
                   help="a one-page study sheet for entities A and B instead of the table")
    p.add_argument("dir", nargs="?", help="knowledge base folder (default: bundled)")
    return p


def _bad(message: str) -> int:
    print(f"ddx: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def cmd_practice(args) -> int:
    from .knowledge import load_knowledge_base
    from .practice import write_practice_cases

    kb = load_knowledge_base(args.kb)
    if args.entity is not None and args.entity not in kb.entities:
        return _bad(f"unknown entity {args.entity!r} (expected one of "
                    f"{', '.join(kb.entity_ids)})")
    try:
        written = write_practice_cases(kb, args.out, args.count, args.seed, args.entity,
                                       output_language(args))
    except OSError as exc:
        print(f"ddx: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Wrote {len(written)} practice case(s) to {args.out} (seed {args.seed}, "
          f"knowledge base {kb.id} {kb.version}).")
    return EXIT_OK


def cmd_kb_table(args) -> int:
    from . import kbtable
    from .knowledge import load_knowledge_base

    kb = load_knowledge_base(args.dir)
    try:
        if args.pair:
            if args.entities or args.group or args.sort_by_separation:
                return _bad("--pair makes a study sheet: it takes no --entities, --group or "
                            "--sort-by-separation")
            data, mode = kbtable.study_sheet(kb, *args.pair), "pair"
        else:
            entities = [e.strip() for e in args.entities.split(",") if e.strip()] \
                if args.entities else None
            sort_by = tuple(args.sort_by_separation) if args.sort_by_separation else None
            data, mode = kbtable.build_table(kb, entities, args.group, sort_by), "table"
        kbtable.write(args.output, data, mode)
    except kbtable.TableError as exc:
        return _bad(str(exc))
    except OSError as exc:
        print(f"ddx: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    what = "study sheet" if args.pair else f"table of {len(data['rows'])} rows"
    print(f"Wrote {args.output} ({what}).")
    return EXIT_OK
