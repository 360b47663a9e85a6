"""Entry point for frozen builds: the same `ddx` command, GUI by default."""

import sys

from ddx_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
