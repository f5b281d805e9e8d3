"""Bundle entry point: the same as the `clerkdesk` command (no arguments opens the window)."""

import sys

from clerkdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
