"""Team mode in the window: two clerks on one meeting, and working on while the team
database server is away."""
