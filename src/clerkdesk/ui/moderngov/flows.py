"""File › New meeting from Modern.gov…, File › Refresh members from Modern.gov…, and
Agenda › Check the agenda on Modern.gov…: fetch first (off the UI thread), then one transaction."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from clerkdesk.ui import dialogs
from clerkdesk.ui.action_runner import boxed
from clerkdesk.ui.moderngov.fetch import run_fetch
from clerkdesk.ui.moderngov.site_dialogs import ChangesDialog, SiteMeetingDialog

if TYPE_CHECKING:
    from clerkdesk.storage.database import Database

COMING_DAYS = 365
NO_SOURCE = ("This committee has no Modern.gov site yet: set it in File › Committee settings "
             "› Source.")


def _source(parent: QWidget | None, db: Database, committee_id: int) -> tuple[str, int] | None:
    from clerkdesk.services.moderngov import committee_source

    site, site_committee = committee_source(db, committee_id)
    if not site or site_committee is None:
        dialogs.show_error(parent, "Modern.gov", NO_SOURCE)
        return None
    return site, site_committee


def new_meeting_from_site(parent: QWidget | None, db: Database, committee_id: int) -> int | None:
    """List the committee's coming meetings; the chosen one becomes a meeting with the site's
    agenda. Returns the new meeting's id."""
    from clerkdesk.services.committee_settings import committee_settings
    from clerkdesk.services.moderngov import import_agenda

    source = _source(parent, db, committee_id)
    if source is None:
        return None
    site, site_committee = source
    today = dt.date.today()
    coming = run_fetch(parent, site, "Listing the committee's coming meetings…",
                       lambda client, _p: client.meetings(
                           site_committee, today, today + dt.timedelta(days=COMING_DAYS)))
    if coming is None:
        return None
    name = committee_settings(db, committee_id).name
    if not coming:
        QMessageBox.information(parent, "Modern.gov",
                                f"The site lists no coming meetings of {name}.")
        return None
    dialog = SiteMeetingDialog(name, coming, parent)
    try:
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if chosen is None:
            return None
    finally:
        dialog.deleteLater()
    agenda = run_fetch(parent, site, "Reading the agenda…",
                       lambda client, _p: client.agenda(chosen.id))
    if agenda is None:
        return None
    imported = boxed(parent, "Modern.gov").run(
        lambda: import_agenda(db, agenda, committee_id, site))
    return imported.value if imported is not None else None


def refresh_members(parent: QWidget | None, db: Database, committee_id: int) -> bool:
    """Fetch the members with roles, preview joined/left/role changed, ask about near misses,
    and apply only the ticked changes; True when something was applied."""
    from clerkdesk.services.moderngov import apply_membership, plan_membership
    from clerkdesk.ui.import_flow import same_person

    source = _source(parent, db, committee_id)
    if source is None:
        return False
    site, site_committee = source
    members = run_fetch(parent, site, "Reading the committee's members…",
                        lambda client, progress: client.members(site_committee, progress))
    if members is None:
        return False
    changes = plan_membership(db, committee_id, members)
    if not changes:
        QMessageBox.information(parent, "Modern.gov", "The roster already matches the site.")
        return False
    dialog = ChangesDialog("membershipPreview", "Refresh members from Modern.gov",
                           "What the site shows has changed. Untick (Space) anything not to "
                           "apply; people who left keep their place in earlier minutes.",
                           [change.describe() for change in changes], parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        agreed = [changes[row] for row in dialog.ticked()]
    finally:
        dialog.deleteLater()
    separate = {change.site_member.councillor.id for change in agreed
                if change.near_miss_of and change.site_member is not None
                and not same_person(parent, change.name, change.near_miss_of)}
    apply_membership(db, committee_id, agreed, separate)
    return bool(agreed)


def check_agenda(parent: QWidget | None, db: Database, meeting_id: int) -> bool:
    """Re-fetch a meeting's agenda and show added and withdrawn items; added ones are appended
    when the clerk agrees (withdrawn ones are left for the clerk to delete)."""
    from clerkdesk.services.moderngov import add_new_items, agenda_changes, meeting_source

    site, site_meeting = meeting_source(db, meeting_id)
    if not site or site_meeting is None:
        dialogs.show_error(parent, "Modern.gov", "This meeting was not brought from Modern.gov.")
        return False
    agenda = run_fetch(parent, site, "Reading the agenda…",
                       lambda client, _p: client.agenda(site_meeting))
    if agenda is None:
        return False
    changes = agenda_changes(db, meeting_id, agenda)
    if not changes.lines():
        QMessageBox.information(parent, "Modern.gov", "The agenda on the site is unchanged.")
        return False
    dialog = ChangesDialog("agendaChanges", "Agenda changes on Modern.gov",
                           "Added items are appended when ticked; withdrawn items are only "
                           "listed (delete them yourself if they hold no minutes).",
                           changes.lines(), parent, "&Add ticked items")
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        ticked = set(dialog.ticked())
    finally:
        dialog.deleteLater()
    added = [item for row, item in enumerate(changes.added) if row in ticked]
    add_new_items(db, meeting_id, added)
    return bool(added)
