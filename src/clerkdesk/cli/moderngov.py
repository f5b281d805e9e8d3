"""`clerkdesk moderngov …`: read committees, meetings and agendas from a council's Modern.gov
site (read only: ClerkDesk sends nothing but GET requests for public data)."""

from __future__ import annotations

import argparse
import datetime as dt

from clerkdesk.cli.database import opened_database
from clerkdesk.cli.parser import DB_HELP, database_target, iso_date

DEFAULT_DAYS_AHEAD = 180


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(title="actions", metavar="ACTION", dest="moderngov_action",
                                    required=True)
    committees = actions.add_parser("committees", help="list the site's committees: id, title")
    _site(committees)
    committees.set_defaults(handler=run_committees)
    meetings = actions.add_parser(
        "meetings", help="list a committee's meetings: id, date, time, venue",
        description="List a committee's meetings between --from and --to (default: today to "
        f"{DEFAULT_DAYS_AHEAD} days ahead).")
    _site(meetings)
    meetings.add_argument("committee_id", metavar="COMMITTEE_ID", type=_site_id,
                          help="the committee's id on the site (from `moderngov committees`)")
    meetings.add_argument("--from", dest="start", metavar="YYYY-MM-DD", type=iso_date)
    meetings.add_argument("--to", dest="end", metavar="YYYY-MM-DD", type=iso_date)
    meetings.set_defaults(handler=run_meetings)
    imported = actions.add_parser(
        "import", help="create a ClerkDesk meeting from the site's agenda",
        description="Create a draft meeting from a meeting's agenda on the site: items in "
        "order with numbers, exempt markers and paragraph numbers, and the documents' links. "
        "The committee is the one linked to the site's committee, else found or created by "
        "its title.")
    _site(imported)
    imported.add_argument("meeting_id", metavar="MEETING_ID", type=_site_id,
                          help="the meeting's id on the site (from `moderngov meetings`)")
    imported.set_defaults(handler=run_import)
    for sub in (committees, meetings, imported):
        sub.add_argument("--db", metavar="PATH", type=database_target,
                         default=argparse.SUPPRESS, help=DB_HELP)


def run_committees(args: argparse.Namespace) -> int:
    from clerkdesk.net.moderngov import ModernGovClient

    with ModernGovClient(args.site) as client:
        for committee in client.committees():
            print(f"{committee.id}\t{committee.title}")
    return 0


def run_meetings(args: argparse.Namespace) -> int:
    from clerkdesk.net.moderngov import ModernGovClient

    start = args.start or dt.date.today()
    end = args.end or start + dt.timedelta(days=DEFAULT_DAYS_AHEAD)
    with ModernGovClient(args.site) as client:
        found = client.meetings(args.committee_id, start, end)
    for meeting in found:
        time = f"{meeting.time:%H:%M}" if meeting.time else "--:--"
        print(f"{meeting.id}\t{meeting.date:%Y-%m-%d}\t{time}\t{meeting.venue}")
    if not found:
        print(f"No meetings between {start:%Y-%m-%d} and {end:%Y-%m-%d}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from clerkdesk.net.moderngov import ModernGovClient
    from clerkdesk.services.moderngov import import_agenda

    with ModernGovClient(args.site) as client:  # fetched in full before the database opens
        agenda = client.agenda(args.meeting_id)
    with opened_database(args, must_exist=False) as db:
        meeting_id = import_agenda(db, agenda, site=args.site)
    exempt = sum(1 for item in agenda.items if item.exempt)
    documents = sum(len(item.documents) for item in agenda.items)
    print(f"meeting {meeting_id}: {agenda.committee_title}, {agenda.meeting.date:%Y-%m-%d}")
    print(f"agenda: {len(agenda.items)} items ({exempt} exempt), {documents} documents")
    return 0


def _site(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", metavar="SITE",
                        help="the council's Modern.gov site, e.g. democracy.example.gov.uk")


def _site_id(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not an id: use a number the site lists")
    return int(text)
