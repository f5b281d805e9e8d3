"""Team-mode parts of the window: working on while the team database server is away."""
