"""Numbered schema upgrade steps; step N turns a version-N file into version N+1."""

from collections.abc import Callable

from sqlalchemy import Connection

SCHEMA_VERSION = 3

Step = Callable[[Connection], None]


def _v1_to_v2(connection: Connection) -> None:
    """Committees get their own list of reported-speech phrases ('explained that', …)."""
    from sqlalchemy import Column, Text

    operations(connection).add_column(
        "committee", Column("speech_phrases", Text, nullable=False, server_default="")
    )


def _v2_to_v3(connection: Connection) -> None:
    """Flags: linked generated paragraphs, the committee's resolution style, and when an action
    was done (and at which meeting)."""
    from sqlalchemy import Column, Date, Integer, String

    ops = operations(connection)
    ops.add_column("paragraph", Column("generated", String(20), nullable=True))
    ops.add_column(
        "committee",
        Column("resolution_style", String(20), nullable=False, server_default="dash"),
    )
    ops.add_column("action_flag", Column("done_on", Date, nullable=True))
    ops.add_column("action_flag", Column("done_at_meeting_id", Integer, nullable=True))


# from_version -> step. Each step uses alembic's dialect-neutral operations.
STEPS: dict[int, Step] = {1: _v1_to_v2, 2: _v2_to_v3}


def pending_steps(from_version: int) -> list[tuple[int, Step]]:
    """The steps that bring `from_version` up to SCHEMA_VERSION, in order."""
    missing = [v for v in range(from_version, SCHEMA_VERSION) if v not in STEPS]
    if missing:
        raise RuntimeError(f"no upgrade step from schema version {missing[0]}")
    return [(v, STEPS[v]) for v in range(from_version, SCHEMA_VERSION)]


def operations(connection: Connection):  # noqa: ANN201 - alembic's Operations, imported lazily
    """Alembic's dialect-neutral schema operations bound to `connection` (for upgrade steps)."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    return Operations(MigrationContext.configure(connection))
