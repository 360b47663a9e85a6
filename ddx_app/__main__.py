"""``python -m ddx_app`` and the ``ddx`` program.

Start-up imports the core and, for the desktop app, builds only long-lived objects
(modules, the knowledge base, the window), so the garbage collector is paused
before anything is imported: collecting them over and over while they are made is
wasted work (~5 M instructions for the core's import alone). A command-line command
turns it back on before it runs; the desktop app once its window is up.
"""

import gc


def main() -> None:
    gc.disable()
    from .cli import entry

    entry()


if __name__ == "__main__":
    main()
