"""Entry point for frozen builds: the same `ddx` program (the desktop app without a
command), started as `python -m ddx_app` starts it."""

from ddx_app.__main__ import main

if __name__ == "__main__":
    main()
