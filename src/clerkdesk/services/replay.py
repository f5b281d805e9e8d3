"""Send the offline journal to the team database, in order, through the normal services.

Each entry is its own server transaction, then marked sent in the journal (one local commit,
with the ids and versions it produced). A paragraph save carries the version it was based on:
if a colleague saved a newer one, ParagraphConflict goes to `on_conflict` and the entry is set
aside in the journal, never dropped. ServerUnreachable stops the replay; the rest waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.errors import ClerkDeskError, ParagraphConflict, ServerUnreachable
from clerkdesk.services import editing, flags
from clerkdesk.services.editing import ParagraphChange
from clerkdesk.services.offline_editing import (
    flag_from,
    item_versions,
    new_paragraph_from,
    paragraph_versions,
)
from clerkdesk.services.paragraphs import edit_text
from clerkdesk.storage.database import Database
from clerkdesk.storage.journal import Entry, Journal

ConflictHook = Callable[[Entry, ParagraphConflict], None]
Learned = tuple[dict[int, int], dict[int, int]]  # temporary -> real ids, paragraph -> version


@dataclass
class ReplayReport:
    sent: int = 0
    set_aside: list[tuple[Entry, str]] = field(default_factory=list)
    conflicts: list[tuple[Entry, ParagraphConflict]] = field(default_factory=list)


def send_waiting(db: Database, journal: Journal, on_conflict: ConflictHook | None = None
                 ) -> ReplayReport | None:
    """`replay`, or None when the server cannot be reached (what was sent stays sent; the rest
    waits for the next try)."""
    try:
        return replay(db, journal, on_conflict)
    except ServerUnreachable:
        return None


def replay(db: Database, journal: Journal, on_conflict: ConflictHook | None = None
           ) -> ReplayReport:
    """Send every pending entry in order; raises ServerUnreachable if the server goes away
    (what was sent stays sent)."""
    report = ReplayReport()
    for entry in journal.pending():
        try:
            new_ids, versions = apply_entry(db, journal, entry)
        except ServerUnreachable:
            raise
        except ParagraphConflict as conflict:
            journal.put_aside(entry.seq, str(conflict))
            report.conflicts.append((entry, conflict))
            if on_conflict is not None:
                on_conflict(entry, conflict)
            continue
        except (ClerkDeskError, ValueError) as error:  # e.g. a colleague deleted the paragraph
            journal.put_aside(entry.seq, str(error))
            report.set_aside.append((entry, str(error)))
            continue
        journal.finish(entry.seq, new_ids=new_ids, versions=versions)
        report.sent += 1
    return report


def apply_entry(db: Database, journal: Journal, entry: Entry) -> Learned:
    """Carry out one journalled edit on the server; what it taught us about ids and versions."""
    args, real = entry.args, journal.real_id
    if entry.op == "text":
        return {}, _text(db, journal, real(args["paragraph"]), args["text"])
    if entry.op == "change":
        return _change(db, journal, args)
    if entry.op == "levels":
        levels = {real(pid): level for pid, level in args["levels"]}
        editing.set_levels(db, levels)
        return {}, paragraph_versions(db, list(levels))
    if entry.op == "style":
        pid = real(args["paragraph"])
        editing.set_style(db, pid, ParagraphStyle(args["style"]))
        return {}, paragraph_versions(db, [pid])
    if entry.op == "speaker":
        pid = real(args["paragraph"])
        editing.set_speaker(db, pid, args["person"])
        return {}, paragraph_versions(db, [pid])
    if entry.op == "reorder":
        order = [real(pid) for pid in args["order"]]
        editing.reorder_paragraphs(db, args["item"], order)
        return {}, item_versions(db, args["item"])
    if entry.op == "flag":
        flag_id = flags.add_flag(db, real(args["paragraph"]), flag_from(args["flag"]))
        return {args["temp_id"]: flag_id}, {}
    raise ValueError(f"unknown journal entry {entry.op!r}")


def _text(db: Database, journal: Journal, pid: int, text: str) -> dict[int, int]:
    try:
        return {pid: edit_text(db, pid, text, journal.version(pid))}
    except ParagraphConflict as conflict:
        if conflict.theirs == text and conflict.version is not None:
            return {pid: conflict.version}  # sent before a crash stopped us marking it
        raise


def _change(db: Database, journal: Journal, args: dict[str, Any]) -> Learned:
    real = journal.real_id
    change = ParagraphChange(
        args["item"], texts={real(pid): text for pid, text in args["texts"]},
        delete=[real(pid) for pid in args["delete"]],
        insert=[(pos, new_paragraph_from(new)) for pos, new in args["insert"]])
    result = editing.change_paragraphs(db, change)
    new_ids = dict(zip(args["temp_ids"], result.new_ids, strict=True))
    return new_ids, item_versions(db, change.item_id)
