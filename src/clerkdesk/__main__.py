"""`python -m clerkdesk`: the same as the `clerkdesk` command."""

import sys

from clerkdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
