"""Schema upgrade steps, one module each: `step_N.py` turns a version-N file into version N+1.

Each module defines `upgrade(connection)` using alembic's dialect-neutral operations
(`clerkdesk.storage.migrations.operations`). Adding a step is adding a module.
"""
