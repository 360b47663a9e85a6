#!/usr/bin/env python3
"""Regenerate the interface's translation sources, keeping what is translated.

    python3 packaging/update_translations.py            # update every ddx_<lang>.ts
    python3 packaging/update_translations.py --lang de  # start a new language
    python3 packaging/update_translations.py --check    # exit 1 while a message is
                                                        # untranslated

Runs pyside6-lupdate over ddx_app/gui into resources/translations/ddx_<lang>.ts:
new texts arrive as "unfinished" (empty, or lupdate's guess from a similar old
text), translations of unchanged texts stay, and those of texts gone from the code
are kept as "vanished" (lrelease leaves them out; ``--drop-vanished`` deletes them,
once the code is settled: a module that does not import hides its texts).
Then translate what is unfinished (Qt Linguist, ``pyside6-linguist``, or any text
editor) and run it again: it prints how many messages each file has and how many are
unfinished. The .qm files are compiled at build time, never committed.

lupdate reads ``self.tr("...")`` and ``QCoreApplication.translate("Context", "...")``
calls itself. What it cannot see, this script shows it: module-level wrappers
(``def _tr(s): return QCoreApplication.translate("Actions", s)``) called with a
literal, ``tr`` calls inside f-strings, and ``tr``/``translate`` calls whose text is
a module constant or a loop variable over a constant
(``[self.tr(c) for c in self.COLUMNS]``): these are
written, with their real context, into a generated file that lupdate reads along
with the sources; their locations in the .ts point back at the real lines.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ddx_app" / "gui"
FOLDER = ROOT / "resources" / "translations"
TR_NAMES = {"tr", "translate"}


def lupdate_command() -> list[str]:
    import PySide6

    binary = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32"
                                              else "lupdate")
    if binary.is_file():
        return [str(binary)]
    found = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
    if not found:
        sys.exit("update_translations: pyside6-lupdate not found (pip install PySide6)")
    return [found]


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
        else None


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def f(s): ... QCoreApplication.translate("Ctx", s) ...``: f -> Ctx."""
    found = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.args.args:
            continue
        param = fn.args.args[0].arg
        for node in ast.walk(fn):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate" and len(node.args) >= 2
                    and _literal(node.args[0]) is not None
                    and isinstance(node.args[1], ast.Name) and node.args[1].id == param):
                found[fn.name] = _literal(node.args[0])
    return found


class _Scanner(ast.NodeVisitor):
    """Collects (context, text, line) that lupdate cannot read, and what is unresolved."""

    def __init__(self, module_name: str, tree: ast.Module):
        self.module_name, self.wrappers = module_name, _wrappers(tree)
        self._module = None
        self.constants = {t.id: node.value.value for node in tree.body
                          if isinstance(node, ast.Assign) and _literal(node.value) is not None
                          for t in node.targets if isinstance(t, ast.Name)}
        self.imported = {(a.asname or a.name): (node.module or "", node.level, a.name)
                         for node in tree.body if isinstance(node, ast.ImportFrom)
                         for a in node.names}
        self.functions: list[ast.FunctionDef] = []
        self.in_fstring = 0  # lupdate does not look inside f-strings
        self.classes: list[str] = []
        self.loops: list[tuple[ast.AST, ast.AST]] = []  # (target, iterable)
        self.found: list[tuple[str, str, int]] = []
        self.unresolved: list[tuple[int, str]] = []

    def visit_ClassDef(self, node):
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _with_loops(self, pairs, node):
        self.loops += pairs
        self.generic_visit(node)
        del self.loops[len(self.loops) - len(pairs):]

    def visit_JoinedStr(self, node):
        self.in_fstring += 1
        self.generic_visit(node)
        self.in_fstring -= 1

    def visit_FunctionDef(self, node):
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    def visit_For(self, node):
        self._with_loops([(node.target, node.iter)], node)

    def _comprehension(self, node):
        self._with_loops([(g.target, g.iter) for g in node.generators], node)

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if self.functions and self.functions[0].name in self.wrappers and not self.classes:
            return  # the wrapper itself
        if name in self.wrappers and isinstance(func, ast.Name) and node.args:
            context, arg = self.wrappers[name], node.args[0]
        elif name == "translate" and len(node.args) >= 2 and _literal(node.args[0]) is not None:
            context, arg = _literal(node.args[0]), node.args[1]
            if _literal(arg) is not None and not self.in_fstring:
                return  # lupdate reads it
        elif (name == "tr" and isinstance(func, ast.Attribute) and node.args
              and isinstance(func.value, ast.Name) and func.value.id == "self"
              and self.classes):
            context, arg = self.classes[-1], node.args[0]
            if _literal(arg) is not None and not self.in_fstring:
                return
        else:
            return
        texts = self._values(arg)
        if texts is None:
            self.unresolved.append((node.lineno, ast.unparse(node)))
        self.found += [(context, t, node.lineno) for t in texts or ()]

    @property
    def module(self):
        """The module, imported only when a text has to be evaluated."""
        if self._module is None:
            self._module = importlib.import_module(self.module_name)
        return self._module

    def _namespace(self) -> dict:
        namespace = dict(vars(self.module))
        if self.classes:
            namespace["self"] = getattr(self.module, self.classes[-1], None)
        return namespace

    def _values(self, arg: ast.AST) -> list[str] | None:
        literal = _literal(arg)
        if literal is not None:
            return [literal]
        if not isinstance(arg, ast.Name):
            return None
        for target, iterable in reversed(self.loops):
            path = _position(target, arg.id)
            if path is None:
                continue
            try:
                items = list(eval(compile(ast.Expression(iterable), "<iter>", "eval"),
                                  self._namespace()))
                values = [_pick(item, path) for item in items]
            except Exception:  # anything that does not evaluate: unresolved
                return None
            return values if all(isinstance(v, str) for v in values) else None
        if arg.id in self.constants:
            return [self.constants[arg.id]]
        try:
            if arg.id in self.imported:  # from the module it comes from, often the core
                module, level, name = self.imported[arg.id]
                package = self.module_name.rsplit(".", level)[0] if level else ""
                value = getattr(importlib.import_module(
                    ".".join(p for p in (package, module) if p)), name, None)
            else:
                value = getattr(self.module, arg.id, None)
        except Exception:  # a module that does not import: unresolved
            return None
        return [value] if isinstance(value, str) else None


def _position(target: ast.AST, name: str) -> list[int] | None:
    """Where ``name`` sits in a loop target (``c``: [], ``(sid, label)``: [1])."""
    if isinstance(target, ast.Name):
        return [] if target.id == name else None
    if isinstance(target, ast.Tuple):
        for i, element in enumerate(target.elts):
            inner = _position(element, name)
            if inner is not None:
                return [i, *inner]
    return None


def _pick(item, path: list[int]):
    for i in path:
        item = item[i]
    return item


def extra_messages() -> tuple[list[tuple[str, str, Path, int]], list[str]]:
    """What lupdate cannot see: (context, text, file, line), and the calls unresolved."""
    sys.path.insert(0, str(ROOT))
    found, unresolved = [], []
    for path in sorted(SOURCES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        scanner = _Scanner(name.removesuffix(".__init__"), tree)
        scanner.visit(tree)
        found += [(c, t, path, line) for c, t, line in scanner.found]
        unresolved += [f"{path.relative_to(ROOT)}:{line}: {call}"
                       for line, call in scanner.unresolved]
    return found, unresolved


def update(ts_files: list[Path], drop_vanished: bool = False) -> None:
    extras, unresolved = extra_messages()
    for problem in unresolved:
        print(f"update_translations: not extracted (not a literal): {problem}", file=sys.stderr)
    with tempfile.TemporaryDirectory(dir=ROOT / "build" if (ROOT / "build").is_dir()
                                     else None) as tmp:
        stub = Path(tmp) / "gui_extra_messages.py"
        stub.write_text("".join(
            f"QCoreApplication.translate({json.dumps(c, ensure_ascii=False)}, "
            f"{json.dumps(t, ensure_ascii=False)})\n" for c, t, _p, _l in extras),
            encoding="utf-8")
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join([*map(str, sorted(SOURCES.rglob("*.py"))), str(stub)])
                           + "\n", encoding="utf-8")
        for ts in ts_files:
            subprocess.run([*lupdate_command(), "-silent",
                            *(["-no-obsolete"] if drop_vanished else []), "-locations",
                            "absolute", "-source-language", "en", f"@{listing}", "-ts", str(ts)],
                           check=True)
            text = ts.read_text(encoding="utf-8")
            stub_ref = re.escape(Path(stub).name)

            up = [".."] * len(ts.parent.relative_to(ROOT).parts)

            def real(match: re.Match, up: list[str] = up) -> str:
                _c, _t, path, line = extras[int(match.group(1)) - 1]
                rel = Path(*up, path.relative_to(ROOT)).as_posix()
                return f'<location filename="{rel}" line="{line}"/>'

            text = re.sub(rf'<location filename="[^"]*{stub_ref}" line="(\d+)"/>', real, text)
            ts.write_text(text, encoding="utf-8")


def counts(ts: Path) -> tuple[int, int]:
    """(messages, unfinished) of a .ts file, vanished ones left out."""
    import xml.etree.ElementTree as ET

    messages = ET.parse(ts).getroot().iter("message")
    total = unfinished = 0
    for message in messages:
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            continue
        total += 1
        unfinished += translation is None or translation.get("type") == "unfinished" \
            or not "".join(translation.itertext()).strip()
    return total, unfinished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", action="append", default=[],
                        help="also create ddx_LANG.ts (e.g. de, ja)")
    parser.add_argument("--drop-vanished", action="store_true",
                        help="drop the translations of texts no longer in the code (kept "
                             "by default, marked vanished, in case the text comes back)")
    parser.add_argument("--check", action="store_true",
                        help="only count; exit 1 while a message is unfinished")
    args = parser.parse_args(argv)
    ts_files = sorted(FOLDER.glob("ddx_*.ts")) + [
        FOLDER / f"ddx_{lang}.ts" for lang in args.lang
        if not (FOLDER / f"ddx_{lang}.ts").exists()]
    if not ts_files:
        ts_files = [FOLDER / "ddx_zh_CN.ts"]
    if not args.check:
        update(ts_files, args.drop_vanished)
    status = 0
    for ts in ts_files:
        total, unfinished = counts(ts)
        print(f"{ts.relative_to(ROOT)}: {total} messages, {unfinished} unfinished")
        status |= bool(unfinished)
    return status if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
