"""What every command of the ``ddx`` command line shares: the exit statuses and the
argument types.

The exit statuses are defined here and nowhere else; ``cli.py``, ``cli_report.py`` and
``training_cli.py`` (and the tests) import them from here.
"""

from __future__ import annotations

import argparse
import os

from .i18n import LANGUAGES, known_language

EXIT_OK = 0
# The input was accepted but the command could not finish: a file could not be written
# (or exists and --force was not given), no display for the window, PySide6 missing.
EXIT_FAILED = 1
# A case file, knowledge base, template, quick-entry text or argument was rejected: one
# ``FILE:LINE: message`` (or one ``ddx: error:`` line) per problem on standard error,
# never a traceback. argparse's own usage errors exit with 2 as well.
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # Ctrl+C: 128 + SIGINT, as shells report it


def count(least: int):
    """An argparse type: a whole number >= ``least`` (``--top -5`` is a usage error)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < least:
            raise argparse.ArgumentTypeError(
                f"must be {'positive' if least == 1 else f'at least {least}'}, not {value}")
        return value

    parse.__name__ = "count"  # argparse names the type in some messages
    return parse


def language(value: str) -> str:
    """``--lang``: a code of ddx_app.i18n.LANGUAGES ("zh" and "zh-CN" name zh_CN)."""
    code = known_language(value)
    if code is None:
        raise argparse.ArgumentTypeError(
            f"unknown language {value!r} (choose from {', '.join(LANGUAGES)})")
    return code


# "en (English), zh_CN (简体中文)": the choices every --lang help lists
LANGUAGE_CHOICES = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())


def lang_argument(parser: argparse.ArgumentParser, of: str = "the text output",
                  note: str = " (--json stays English)") -> None:
    parser.add_argument("--lang", type=language, metavar="LANG",
                        help=f"language of {of}: {LANGUAGE_CHOICES}; default: $DDX_LANG, "
                        f"else en{note}")


def output_language(args) -> str:
    """``--lang``, else the environment's DDX_LANG when it names a language, else en."""
    return getattr(args, "lang", None) or known_language(os.environ.get("DDX_LANG")) or "en"
