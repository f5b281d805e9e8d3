"""Numbered schema upgrade steps, found in `clerkdesk.storage.steps` (one module per step)."""

import importlib
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Connection

if TYPE_CHECKING:  # alembic is imported only when a step runs
    from alembic.operations import Operations

from clerkdesk.storage import steps as _steps_package

Step = Callable[[Connection], None]


def _discover() -> dict[int, Step]:
    found: dict[int, Step] = {}
    for module in pkgutil.iter_modules(_steps_package.__path__):
        if module.name.startswith("step_") and module.name[5:].isdigit():
            loaded = importlib.import_module(f"{_steps_package.__name__}.{module.name}")
            found[int(module.name[5:])] = loaded.upgrade
    return found


# from_version -> step; the current version is one past the last step.
STEPS: dict[int, Step] = _discover()
SCHEMA_VERSION = 1 + max(STEPS, default=0)


def pending_steps(from_version: int) -> list[tuple[int, Step]]:
    """The steps that bring `from_version` up to SCHEMA_VERSION, in order."""
    missing = [v for v in range(from_version, SCHEMA_VERSION) if v not in STEPS]
    if missing:
        raise RuntimeError(f"no upgrade step from schema version {missing[0]}")
    return [(v, STEPS[v]) for v in range(from_version, SCHEMA_VERSION)]


def operations(connection: Connection) -> "Operations":
    """Alembic's dialect-neutral schema operations bound to `connection` (for upgrade steps)."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    return Operations(MigrationContext.configure(connection))
