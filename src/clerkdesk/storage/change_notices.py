"""Change notices on a team (PostgreSQL) database: every change to a meeting's paragraphs,
flags, roster or agenda sends NOTIFY clerkdesk with what changed, so other clerks' windows show
it within a second; nothing on SQLite.

Triggers, not the services, send them: every writer (the window, the command line, an older
ClerkDesk, a bulk UPDATE the ORM never sees) is covered, and PostgreSQL delivers a NOTIFY only
when its transaction commits, so a rolled-back change is never announced.
"""

from sqlalchemy import Connection

CHANNEL = "clerkdesk"
TABLES = ("paragraph", "agenda_item", "attendance", "flag", "request_flag", "resolution_flag",
          "action_flag", "declaration_flag")

# The row as JSON avoids plpgsql's per-row-type plans; the meeting is found through the row's
# item, paragraph or flag. `app` is the writer's application_name (a window ignores its own).
FUNCTION = f"""
CREATE OR REPLACE FUNCTION clerkdesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
    item integer;
    meeting integer;
BEGIN
    IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
    IF TG_TABLE_NAME IN ('agenda_item', 'attendance') THEN
        meeting := (r->>'meeting_id')::integer;
        item := CASE WHEN TG_TABLE_NAME = 'agenda_item' THEN (r->>'id')::integer END;
    ELSIF TG_TABLE_NAME = 'paragraph' THEN
        item := (r->>'item_id')::integer;
    ELSIF TG_TABLE_NAME = 'flag' THEN
        SELECT p.item_id INTO item FROM paragraph p WHERE p.id = (r->>'paragraph_id')::integer;
    ELSE
        SELECT p.item_id INTO item FROM flag f JOIN paragraph p ON p.id = f.paragraph_id
            WHERE f.id = (r->>'id')::integer;
    END IF;
    IF meeting IS NULL AND item IS NOT NULL THEN
        SELECT i.meeting_id INTO meeting FROM agenda_item i WHERE i.id = item;
    END IF;
    IF meeting IS NOT NULL THEN
        PERFORM pg_notify('{CHANNEL}', json_build_object(
            'meeting', meeting, 'kind', TG_TABLE_NAME, 'op', lower(TG_OP),
            'id', (r->>'id')::integer, 'item', item, 'version', (r->>'version')::integer,
            'clerk', current_user, 'app', current_setting('application_name'))::text);
    END IF;
    RETURN NULL;
END $$
"""


def install(connection: Connection) -> None:
    """Create (or renew) the notice triggers on a PostgreSQL database; nothing on SQLite."""
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql(FUNCTION)
    for table in TABLES:
        for name in (f"{table}_notify", f"{table}_notify_update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        connection.exec_driver_sql(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION clerkdesk_notify()")
        connection.exec_driver_sql(
            f"CREATE TRIGGER {table}_notify_update AFTER UPDATE ON {table} FOR EACH ROW "
            "WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION clerkdesk_notify()")
