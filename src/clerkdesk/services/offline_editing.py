"""The editor's writes to a team database, kept in the offline journal while the server is away.

Online, each call is the normal editing service. When the server cannot be reached (or edits
are already waiting, so that order is kept), the edit is appended to the journal instead and
the caller gets the result it would have had: paragraphs created offline get temporary
(negative) ids, which `replay` turns into real ones. Journalled: paragraph text, new
paragraphs (Enter, paste, first paragraph), merges and deletions, levels, layout (style),
speaker, moves, and new flags. Undoing a deletion needs the server (its snapshot lives there),
and so do changing or removing a flag.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import select

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    FlagFields,
    RequestFields,
    ResolutionFields,
)
from clerkdesk.errors import ServerUnreachable, StorageError
from clerkdesk.services import editing, flags
from clerkdesk.services.conflicts import SaveOutcome, TextBase
from clerkdesk.services.editing import ChangeResult, NewParagraph, ParagraphChange
from clerkdesk.storage.database import Database
from clerkdesk.storage.journal import Journal
from clerkdesk.storage.models import Paragraph

T = TypeVar("T")
UNDO_DELETE_OFFLINE = ("Undoing a deletion needs the team database server, which cannot be "
                       "reached now: try again when it is back.")


def new_paragraph_args(new: NewParagraph) -> dict[str, Any]:
    return {"text": new.text, "level": new.level, "style": new.style.value,
            "elapsed": new.elapsed_seconds}


def new_paragraph_from(args: Mapping[str, Any]) -> NewParagraph:
    return NewParagraph(args["text"], args["level"], ParagraphStyle(args["style"]),
                        args["elapsed"])


_FLAG_CLASSES: dict[str, type[FlagFields]] = {
    cls.__name__: cls for cls in (RequestFields, ResolutionFields, ActionFields, DeclarationFields)}


def flag_args(fields: FlagFields) -> dict[str, Any]:
    """A flag's fields as JSON values (dates as ISO text, enums by value)."""
    def plain(value: object) -> object:
        if isinstance(value, dt.date):
            return value.isoformat()
        return value.value if isinstance(value, Enum) else value

    return {"kind": type(fields).__name__,
            "values": {f.name: plain(getattr(fields, f.name))
                       for f in dataclasses.fields(fields)}}


def flag_from(args: Mapping[str, Any]) -> FlagFields:
    cls = _FLAG_CLASSES[args["kind"]]
    hints = typing.get_type_hints(cls)

    def typed(hint: Any, value: Any) -> Any:
        for option in typing.get_args(hint) or (hint,):
            if value is not None and option is dt.date:
                return dt.date.fromisoformat(value)
            if value is not None and isinstance(option, type) and issubclass(option, Enum):
                return option(value)
        return value

    return cls(**{name: typed(hints[name], value) for name, value in args["values"].items()})


def paragraph_versions(db: Database, ids: Sequence[int]) -> dict[int, int]:
    """The stored versions of these paragraphs (those that still exist)."""
    with db.reading() as session:
        rows = session.execute(select(Paragraph.id, Paragraph.version)
                               .where(Paragraph.id.in_(list(ids))))
        return {row.id: row.version for row in rows}


def item_versions(db: Database, item_id: int) -> dict[int, int]:
    """The versions of all an item's paragraphs: a structural edit moves (and so changes the
    version of) paragraphs it does not name."""
    with db.reading() as session:
        rows = session.execute(select(Paragraph.id, Paragraph.version)
                               .where(Paragraph.item_id == item_id))
        return {row.id: row.version for row in rows}


class JournalledEditing:
    """The editing services for one database; `journal` None (a file) means no journalling."""

    def __init__(self, db: Database, journal: Journal | None) -> None:
        self.db, self.journal = db, journal
        self.listeners: list[Callable[[int], None]] = []  # told the waiting count on append
        self.last_problem = ""

    @property
    def waiting(self) -> int:
        return self.journal.pending_count() if self.journal else 0

    def real(self, paragraph_id: int) -> int:
        return self.journal.real_id(paragraph_id) if self.journal else paragraph_id

    def learn_item(self, item_id: int) -> None:
        """Remember the versions of an item's paragraphs as shown: an offline save of one is
        checked against the version the clerk saw, even if it was never saved online."""
        if self.journal is not None:
            self._learn_item_versions(item_id)

    def note_versions(self, versions: Mapping[int, int]) -> None:
        """The versions the window's texts are based on (checked when the journal replays)."""
        if self.journal:
            self.journal.remember_versions({self.real(k): v for k, v in versions.items()})

    # --- the calls the editor makes ----------------------------------------------------
    def save_texts(self, texts: Mapping[int, str],
                   bases: Mapping[int, TextBase] | None = None) -> SaveOutcome:
        """Save online on the editor's bases (a colleague's newer text is refused and listed),
        or journal the texts while the server is away (checked against the versions the
        journal remembers when it replays). The outcome is keyed by the caller's ids."""
        given = {self.real(pid): pid for pid in texts}
        mapped = {real: texts[pid] for real, pid in given.items()}
        mapped_bases = {self.real(pid): base for pid, base in (bases or {}).items()}
        if self.journal is None:
            return editing.save_texts(self.db, mapped, mapped_bases)
        journal = self.journal
        outcome = SaveOutcome()

        def online() -> None:
            stored = editing.save_texts(self.db, mapped, mapped_bases)
            journal.remember_versions({pid: base.version for pid, base in stored.saved.items()})
            outcome.saved.update({given[pid]: base for pid, base in stored.saved.items()})
            outcome.conflicts.extend(stored.conflicts)

        def offline() -> None:
            for pid, text in mapped.items():
                journal.append("text", {"paragraph": pid, "text": text})

        self._run(online, offline)
        return outcome

    def change_paragraphs(self, change: ParagraphChange,
                          bases: Mapping[int, TextBase] | None = None) -> ChangeResult:
        """Online, checked against the editor's `bases` (a colleague's newer text refuses the
        whole change); offline, journalled (checked against the remembered versions on replay)."""
        mapped = ParagraphChange(
            change.item_id, {self.real(k): v for k, v in change.texts.items()},
            [self.real(pid) for pid in change.delete], change.restore, change.insert)
        mapped_bases = {self.real(pid): base for pid, base in (bases or {}).items()}

        def online() -> ChangeResult:
            result = editing.change_paragraphs(self.db, mapped, mapped_bases)
            self._learn_item_versions(mapped.item_id)
            return result

        def offline() -> ChangeResult:
            if mapped.restore:
                raise StorageError(UNDO_DELETE_OFFLINE)
            temp = self._temporary(len(mapped.insert))
            self._append("change", {
                "item": mapped.item_id, "texts": list(mapped.texts.items()),
                "delete": list(mapped.delete), "temp_ids": temp,
                "insert": [[pos, new_paragraph_args(new)] for pos, new in mapped.insert]})
            return ChangeResult(temp, [])

        return self._run(online, offline)

    def insert_paragraphs(self, item_id: int, position: int,
                          paragraphs: Sequence[NewParagraph]) -> list[int]:
        def online() -> list[int]:
            ids = editing.insert_paragraphs(self.db, item_id, position, paragraphs)
            self._learn_item_versions(item_id)
            return ids

        def offline() -> list[int]:
            temp = self._temporary(len(paragraphs))
            self._append("change", {
                "item": item_id, "texts": [], "delete": [], "temp_ids": temp,
                "insert": [[position + n, new_paragraph_args(new)]
                           for n, new in enumerate(paragraphs)]})
            return temp

        return self._run(online, offline)

    def set_levels(self, levels: Mapping[int, int]) -> None:
        mapped = {self.real(k): v for k, v in levels.items()}
        self._simple("levels", {"levels": list(mapped.items())},
                     lambda: editing.set_levels(self.db, mapped), list(mapped))

    def set_style(self, paragraph_id: int, style: ParagraphStyle) -> None:
        pid = self.real(paragraph_id)
        self._simple("style", {"paragraph": pid, "style": style.value},
                     lambda: editing.set_style(self.db, pid, style), [pid])

    def set_speaker(self, paragraph_id: int, person_id: int | None) -> None:
        pid = self.real(paragraph_id)
        self._simple("speaker", {"paragraph": pid, "person": person_id},
                     lambda: editing.set_speaker(self.db, pid, person_id), [pid])

    def reorder_paragraphs(self, item_id: int, ordered_ids: Sequence[int]) -> None:
        order = [self.real(pid) for pid in ordered_ids]

        def online() -> None:
            editing.reorder_paragraphs(self.db, item_id, order)
            self._learn_item_versions(item_id)

        self._run(online, lambda: self._append("reorder", {"item": item_id, "order": order}))

    def add_flag(self, paragraph_id: int, fields: FlagFields) -> int:
        """Flag a paragraph; offline, the flag gets a temporary (negative) id."""
        pid = self.real(paragraph_id)

        def offline() -> int:
            [temp] = self._temporary(1)
            self._append("flag", {"paragraph": pid, "flag": flag_args(fields), "temp_id": temp})
            return temp

        return self._run(lambda: flags.add_flag(self.db, pid, fields), offline)

    # --- the mechanism -------------------------------------------------------------------
    def _run(self, online: Callable[[], T], offline: Callable[[], T]) -> T:
        if self.journal is None:
            return online()
        if not self.journal.pending_count():  # while edits wait, new ones queue behind them
            try:
                return online()
            except ServerUnreachable as error:
                self.last_problem = str(error)
        result = offline()
        self._notify()
        return result

    def _simple(self, op: str, args: dict[str, Any], online: Callable[[], None],
                touched: list[int]) -> None:
        def run_online() -> None:
            online()
            self._learn_versions(touched)

        self._run(run_online, lambda: self._append(op, args))

    def _append(self, op: str, args: dict[str, Any]) -> None:
        assert self.journal is not None
        self.journal.append(op, args)

    def _temporary(self, count: int) -> list[int]:
        assert self.journal is not None
        return self.journal.new_temporary_ids(count) if count else []

    def _learn_versions(self, ids: Sequence[int]) -> None:
        if self.journal is not None and ids:
            self.journal.remember_versions(paragraph_versions(self.db, ids))

    def _learn_item_versions(self, item_id: int) -> None:
        if self.journal is not None:
            self.journal.remember_versions(item_versions(self.db, item_id))

    def _notify(self) -> None:
        count = self.waiting
        for listener in self.listeners:
            listener(count)
