"""Persistence: SQLAlchemy models, engine set-up, schema versions, migrations and backups."""
