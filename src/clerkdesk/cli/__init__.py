"""The `clerkdesk` command: opens the window, or runs a subcommand (import, meetings, show)."""

from clerkdesk.cli.main import main

__all__ = ["main"]
