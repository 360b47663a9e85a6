"""Entry point for frozen builds: the same `ddx` command, GUI by default."""

from ddx_app.cli import entry

if __name__ == "__main__":
    entry()
