"""The question asked when the team database server does not answer at start."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from clerkdesk.storage.journal import Journal, journal_path

RETRY, OPEN_FILE, GO_ON = "retry", "open", "continue"


def waiting_in_journal(url: str) -> int:
    """Edits made offline on this computer and not yet sent to `url`'s database."""
    path = journal_path(url)
    if not path.exists():
        return 0
    journal = Journal(path)
    try:
        return journal.pending_count()
    finally:
        journal.close()


def unreachable_text(url: str, message: str) -> str:
    waiting = waiting_in_journal(url)
    kept = (f" The {waiting} change{'s' if waiting != 1 else ''} you made offline "
            f"{'are' if waiting != 1 else 'is'} kept on this computer and will be sent when it "
            "answers." if waiting else "")
    return (f"{url} (the team database used last time): {message}{kept} Meetings themselves "
            "are not kept on this computer, so they open only when the server answers: try "
            "again, or open a database file meanwhile.")


def ask_when_unreachable(parent: QWidget | None, url: str, message: str) -> str:
    """RETRY, OPEN_FILE or GO_ON (Esc: the database on this computer)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Team database not answering",
                      unreachable_text(url, message), parent=parent)
    box.setObjectName("teamUnreachable")
    retry = box.addButton("&Try again", QMessageBox.ButtonRole.AcceptRole)
    open_file = box.addButton("&Open a database file…", QMessageBox.ButtonRole.ActionRole)
    go_on = box.addButton("&Use this computer's database", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.setEscapeButton(go_on)
    box.exec()
    clicked = box.clickedButton()
    return RETRY if clicked is retry else OPEN_FILE if clicked is open_file else GO_ON
