"""Where the tests' inputs are: one list of the example cases, one of the published
cases, the mini knowledge base; and the few helpers that drive them: :func:`run` (the
``ddx`` command in this process), :func:`edit` and :func:`assert_one_error` (break a copy
of a knowledge base, expect one error at its line). Every test folder imports these from
here (the folder is on ``sys.path`` because it holds the top conftest.py) instead of
working the paths out again.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"  # the bundled example cases (one per entity, seed case 15)
EXAMPLE_CASES = sorted(EXAMPLES.glob("*.ddx.yaml"))
DATA = ROOT / "tests" / "data"
LITERATURE = DATA / "literature_cases"  # cases from published reports (answers known)
LITERATURE_CASES = sorted(LITERATURE.glob("*.ddx.yaml"))
MINI_KB = DATA / "mini_kb"  # a two-entity knowledge base small enough to compute by hand


def run(capsys, *args) -> tuple[int, str, str]:
    """``ddx ARGS`` in this process: (exit status, standard output, standard error)."""
    from ddx_app.cli import main

    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in a file; return the 1-based line where it starts."""
    text = path.read_text("utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), "utf-8")
    return line


def kb_errors(kb_dir: Path) -> list[str]:
    """What `ddx kb check` reports as errors for ``kb_dir``, as ``FILE:LINE: message``."""
    from ddx_app.knowledge import check_knowledge_base

    return [str(p) for p in check_knowledge_base(kb_dir) if p.severity == "error"]


def assert_one_error(kb_dir: Path, file: str, line: int, fragment: str) -> None:
    found = kb_errors(kb_dir)
    expected = f"{kb_dir / file}:{line}:"
    assert any(e.startswith(expected) and fragment in e for e in found), found


# -- reading a PDF report (tests/report, tests/core/test_hostile_reports.py) ------------
def pdf_text(data: bytes) -> str:
    """The extractable text of a PDF, page after page."""
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """``text`` with every run of white space one space (PDF text breaks lines anywhere)."""
    return " ".join(text.split())


def pdf_fonts(data: bytes) -> dict[str, bool]:
    """Base font name -> embedded, for every font any page of a PDF uses."""
    import io

    from pypdf import PdfReader

    out = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            d = descriptor.get_object() if descriptor is not None else {}
            out[str(font["/BaseFont"])] = any(k in d for k in ("/FontFile", "/FontFile2",
                                                                "/FontFile3"))
    return out
