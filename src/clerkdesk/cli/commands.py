"""One small handler per subcommand, and the table that registers them with the parser."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clerkdesk.cli import moderngov, team
from clerkdesk.cli.database import chosen, opened_database
from clerkdesk.cli.parser import Command, iso_date, meeting_id
from clerkdesk.cli.search_command import SEARCH_COMMAND
from clerkdesk.errors import ClerkDeskError

if TYPE_CHECKING:  # the GUI path starts without the domain views
    from clerkdesk.domain.enums import Audience
    from clerkdesk.domain.minutes import MeetingSummary
    from clerkdesk.storage.database import Database


def open_window(args: argparse.Namespace) -> int:
    """No command given: open the GUI on the chosen database."""
    from clerkdesk.ui.app import run_gui

    target, is_default = chosen(args)
    return run_gui(target, is_default)


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path,
                        help="minutes as a Word document (.docx) or a plain-text file (UTF-8, "
                        "UTF-16 as Word's \"Unicode text\", or Windows-1252; at most 10 MB), "
                        "e.g. copied from a council web page")
    parser.add_argument("--committee", metavar="NAME",
                        help="the committee the meeting belongs to (created if new)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", type=iso_date,
                        help="the date of the meeting (required when the text gives none)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be imported (items, paragraphs, attendance, "
                        "people matched or new, warnings with their line) and write nothing")


def run_import(args: argparse.Namespace) -> int:
    # Checked before opening, so a mistyped file name does not leave an empty database behind.
    if not args.file.exists():
        raise ClerkDeskError(f"There is no file at {args.file}.")
    if args.file.is_dir():
        raise ClerkDeskError(f"{args.file} is a folder, not a text file.")
    if args.dry_run:
        return _preview_import(args)
    created = _file_to_create(args)
    report = None
    try:
        with opened_database(args, must_exist=False) as db:  # its own problems are said first
            from clerkdesk.importers.draft import read_draft
            from clerkdesk.services.imports import import_draft

            draft = read_draft(args.file)
            if args.date is None and draft.date is None and not draft.parsed.is_empty():
                raise ClerkDeskError(f"No meeting date was found in {args.file.name}: give it "
                                     "with --date YYYY-MM-DD (nothing was imported).")
            report = import_draft(db, draft, committee=args.committee, date=args.date)
    except BaseException:  # refused, failed or interrupted (Ctrl+C)
        if created is not None and report is None:  # leave no new empty database behind
            for suffix in ("", "-wal", "-shm"):
                Path(f"{created}{suffix}").unlink(missing_ok=True)
        raise
    for line in report.summary_lines():
        print(line)
    return 0


def _preview_import(args: argparse.Namespace) -> int:
    """The import preview; people are matched against the database only when it exists (a
    preview never creates one)."""
    from dataclasses import replace

    from clerkdesk.importers.draft import read_draft
    from clerkdesk.importers.preview import preview_lines
    from clerkdesk.storage.location import is_url

    draft = read_draft(args.file)
    if args.committee:
        draft = replace(draft, committee=args.committee, committee_from="--committee")
    if args.date:
        draft = replace(draft, date=args.date)
    report = None
    target, _is_default = chosen(args)
    if is_url(target) or Path(target).expanduser().exists():
        from clerkdesk.services.imports import import_draft

        with opened_database(args, must_exist=True) as db:
            report = import_draft(db, draft, dry_run=True)
    for line in preview_lines(draft, report):
        print(line)
    return 0


def _file_to_create(args: argparse.Namespace) -> Path | None:
    """The database file this command would create, or None when it exists (or is a server)."""
    from clerkdesk.errors import StorageError
    from clerkdesk.storage.location import database_file

    target, _ = chosen(args)
    try:
        path = database_file(target)
    except StorageError:
        return None  # opening it says why
    return None if path is None or path.exists() else path


def hh_mm(text: str) -> dt.time:
    """A time of day written HH:MM (24-hour clock)."""
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time: use HH:MM, e.g. 19:30") from None


def _import_agenda_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path,
                        help="the agenda: one item title a line, as text (.txt) or Word (.docx)")
    parser.add_argument("--committee", metavar="NAME", required=True,
                        help="the committee the meeting belongs to (created if new)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", type=iso_date, required=True,
                        help="the date of the meeting")
    parser.add_argument("--time", metavar="HH:MM", type=hh_mm, help="the time it starts")
    parser.add_argument("--venue", metavar="TEXT", default="", help="where it is held")


def run_import_agenda(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise ClerkDeskError(f"There is no file at {args.file}.")
    if args.file.is_dir():
        raise ClerkDeskError(f"{args.file} is a folder, not a file.")
    with opened_database(args, must_exist=False) as db:
        from clerkdesk.services.agenda_import import import_agenda
        from clerkdesk.services.minutes import load_minutes

        meeting = import_agenda(db, args.file, args.committee, args.date, args.time, args.venue)
        minutes = load_minutes(db, meeting)
    print(f"Created meeting {meeting} ({minutes.committee}) with {len(minutes.items)} "
          "agenda items:")
    for item in minutes.items:
        print(f"  {item.label} {item.title}")
    return 0


def meeting_lines(meetings: Sequence[MeetingSummary]) -> list[str]:
    """`id  date  committee  status`, one aligned line per meeting."""
    if not meetings:
        return []
    id_width = max(len(str(m.id)) for m in meetings)
    name_width = max(len(m.committee) for m in meetings)
    return [
        f"{m.id:>{id_width}}  {m.date.isoformat()}  {m.committee:<{name_width}}  {m.status.value}"
        for m in meetings
    ]


def run_meetings(args: argparse.Namespace) -> int:
    from clerkdesk.services.meetings import list_meetings

    with opened_database(args, must_exist=True) as db:
        meetings = list_meetings(db)
    print("\n".join(meeting_lines(meetings)) or "No meetings.")
    return 0


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", metavar="MEETING", type=meeting_id,
                        help="the meeting's id, as listed by `clerkdesk meetings`")
    parser.add_argument("--json", action="store_true",
                        help="print the structure (items, numbered paragraphs, flags) as JSON")
    parser.add_argument("--full", action="store_true",
                        help="include exempt items (for members), under a NOT FOR PUBLICATION "
                        "banner")


def _audience(args: argparse.Namespace) -> Audience:
    from clerkdesk.domain.enums import Audience

    return Audience.FULL if args.full else Audience.PUBLIC


def show_text(db: Database, meeting: int, audience: Audience, as_json: bool = False) -> str:
    """What `clerkdesk show` prints: the minutes as `audience` may see them."""
    from clerkdesk.services.minutes import published_minutes

    minutes = published_minutes(db, meeting, audience)
    if as_json:
        from clerkdesk.export.json_view import minutes_to_data

        return json.dumps(minutes_to_data(minutes), indent=2, ensure_ascii=False) + "\n"
    from clerkdesk.export.plaintext import render_minutes

    return render_minutes(minutes)


def run_show(args: argparse.Namespace) -> int:
    with opened_database(args, must_exist=True) as db:
        text = show_text(db, args.meeting, _audience(args), args.json)
    sys.stdout.write(text)
    return 0


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", metavar="MEETING", type=meeting_id,
                        help="the meeting's id, as listed by `clerkdesk meetings`")
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, required=True,
                        help="the file to write, by its suffix: .docx (Word; added if there is "
                        "no suffix), .pdf (tagged PDF/UA, needs LibreOffice) or .html/.htm "
                        "(an accessible web page)")
    parser.add_argument("--full", action="store_true",
                        help="include exempt items (for members); every page is marked "
                        "NOT FOR PUBLICATION")
    parser.add_argument("--literal-numbers", action="store_true",
                        help="write paragraph numbers as text instead of Word numbering "
                        "(for pasting into web publishing systems)")
    parser.add_argument("--ignore-lock", action="store_true",
                        help="write the file even though a Word or LibreOffice lock file says "
                        "it is open, unless that program is running here (a lock left by a "
                        "crash); the lock file is left alone")


def run_export(args: argparse.Namespace) -> int:
    from clerkdesk.services.export import export_meeting, export_target

    export_target(args.output)  # a wrong suffix is refused before the database is opened
    with opened_database(args, must_exist=True) as db:
        written = export_meeting(db, args.meeting, args.output, full=args.full,
                                 literal_numbers=args.literal_numbers,
                                 ignore_lock=args.ignore_lock)
    version = "full version, NOT FOR PUBLICATION" if args.full else "public version"
    print(f"Wrote {written} ({version})")
    return 0


def _requests_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("committee", metavar="COMMITTEE",
                        help="the committee's id, or its name or a unique part of it")
    parser.add_argument("--status", choices=("outstanding", "provided", "withdrawn", "all"),
                        default="all", help="only requests (and actions) with this status; "
                        "default: all")
    parser.add_argument("--full", action="store_true",
                        help="also list requests made in exempt items, marked [exempt] "
                        "(NOT FOR PUBLICATION)")


def requests_text(db: Database, committee_id: int, status: str, audience: Audience) -> str:
    """What `clerkdesk requests` prints: one line a request `audience` may see."""
    from clerkdesk.domain.publication import visible
    from clerkdesk.services.request_log import format_log_line, request_log

    entries = visible(request_log(db, committee_id, status), audience)
    which = "" if status == "all" else f"{status} "
    return "\n".join(format_log_line(e) for e in entries) or f"No {which}requests or actions."


def run_requests(args: argparse.Namespace) -> int:
    from clerkdesk.services.committees import find_committee

    with opened_database(args, must_exist=True) as db:
        committee_id = find_committee(db, args.committee)
        if committee_id is None:
            raise ClerkDeskError(
                f"No committee matches {args.committee!r} (use its id or a unique part of its "
                "name)")
        text = requests_text(db, committee_id, args.status, _audience(args))
    print(text)
    return 0


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", metavar="MEETING", type=meeting_id,
                        help="the meeting's id, as listed by `clerkdesk meetings`")
    parser.add_argument("--all", action="store_true",
                        help="also list findings dismissed in the review panel, marked "
                        "(dismissed)")
    parser.add_argument("--fix", action="store_true",
                        help="apply every offered fix first, list them, then list what remains")
    parser.add_argument("--accessibility", action="store_true",
                        help="also check the public Word export (and so the PDF) as Word's and "
                        "LibreOffice's accessibility checkers do: title, language, headings, "
                        "empty paragraphs, small text, tables, pictures, capitals")


def run_check(args: argparse.Namespace) -> int:
    from clerkdesk.domain.review import finding_line, fixed_line
    from clerkdesk.services.review import apply_all_fixes, check_meeting, has_several_items

    with opened_database(args, must_exist=True) as db:
        several = has_several_items(db, args.meeting)
        fixed = apply_all_fixes(db, args.meeting) if args.fix else []
        findings = check_meeting(db, args.meeting, include_dismissed=args.all)
        problems = _accessibility_lines(db, args.meeting) if args.accessibility else []
    lines = [fixed_line(f, several) for f in fixed] + [finding_line(f, several) for f in findings]
    print("\n".join(lines) if findings else "\n".join([*lines, "No findings."]))
    if args.accessibility:
        print("\n".join(problems) or "No accessibility problems in the Word export.")
    return 1 if problems or any(not f.dismissed for f in findings) else 0


def _accessibility_lines(db: Database, meeting: int) -> list[str]:
    from clerkdesk.services.export import accessibility_findings

    return [finding.line() for finding in accessibility_findings(db, meeting)]


COMMANDS: tuple[Command, ...] = (
    Command(
        name="import",
        summary="import minutes from a Word document or plain-text file as a new meeting",
        description="Read minutes from a Word document (.docx) or a plain-text file (numbered "
        "paragraphs typed or Word-numbered, sub-points, item headings, RESOLVED lines) into a "
        "new draft meeting, detecting the numbering scheme, and print what was found and what "
        "could not be placed. No existing meeting is changed.",
        handler=run_import,
        add_arguments=_import_arguments,
        epilog='examples:\n  clerkdesk import minutes.txt --committee "SEND Sub-Committee" '
        "--date 2023-07-18\n  clerkdesk import minutes.docx",
    ),
    Command(
        name="import-agenda",
        summary="create a meeting whose agenda is a list of item titles (.txt or .docx)",
        description="Create a new draft meeting whose agenda items are the titles listed in "
        "FILE, one a line (numbering as typed is removed; item numbers such as 35/20 are "
        "kept).",
        handler=run_import_agenda,
        add_arguments=_import_agenda_arguments,
        epilog='example:\n  clerkdesk import-agenda agenda.txt --committee "Planning Committee" '
        '--date 2024-05-14 --time 19:00 --venue "Council Chamber"',
    ),
    Command(
        name="meetings",
        summary="list meetings: id, date, committee, status",
        description="List every meeting, newest first: id, date, committee and status.",
        handler=run_meetings,
        epilog="example:\n  clerkdesk meetings --db minutes.sqlite",
    ),
    Command(
        name="show",
        summary="print a meeting's minutes as numbered text (or JSON)",
        description="Print a meeting's minutes as the Word export prints them: the heading "
        "block with attendance, DRAFT until approved, numbered paragraphs 1), sub-points a), "
        "RESOLVED lines, correction notes. The public version (default) gives an exempt item's "
        "heading and the committee's 'not for publication' line only; --full includes exempt "
        "items under a NOT FOR PUBLICATION banner. With --json, print the same as JSON.",
        handler=run_show,
        add_arguments=_show_arguments,
        epilog="examples:\n  clerkdesk show 3\n  clerkdesk show 3 --json\n"
        "  clerkdesk show 3 --full",
    ),
    Command(
        name="export",
        summary="write a meeting's minutes as Word (.docx), a tagged PDF or a web page",
        description="Write a meeting's minutes for publication, as the suffix of FILE says: a "
        "Word document (.docx) using the committee's Word template, styles and numbering; a "
        "tagged PDF/UA (.pdf) made from it by LibreOffice, which must be installed; or one "
        "accessible web page (.html) for the council's website. The public version (default) "
        "gives "
        "an exempt item's heading and the committee's 'not for publication' line only; --full "
        "includes exempt items for members. An existing file is replaced only when the new one "
        "is complete; a link, pipe or device given as FILE is refused.",
        handler=run_export,
        add_arguments=_export_arguments,
        epilog="examples:\n  clerkdesk export 3 -o minutes.docx\n"
        "  clerkdesk export 3 -o members.docx --full\n"
        "  clerkdesk export 3 -o minutes.pdf\n"
        "  clerkdesk export 3 -o minutes.html\n"
        "  clerkdesk export 3 -o web.docx --literal-numbers",
    ),
    Command(
        name="requests",
        summary="list a committee's requests for information and actions, with status",
        description="Print the committee's log of requests for information and actions from "
        "all its meetings, oldest first, one line each: meeting date, paragraph, who was "
        "asked, status (with age in days while outstanding) and what was asked – ready to "
        "paste into an agenda. Requests made in exempt items are listed only with --full, "
        "marked [exempt].",
        handler=run_requests,
        add_arguments=_requests_arguments,
        epilog='examples:\n  clerkdesk requests "SEND"\n'
        "  clerkdesk requests 2 --status outstanding",
    ),
    Command(
        name="check",
        summary="review a meeting's minutes: names, acronyms, numbering, text, flags, spelling",
        description="Check a meeting's minutes for what a reviewer would correct: names typed "
        "by hand that nearly match a roster person, people mentioned but not recorded as "
        "present, acronyms used before they are expanded, sub-points that start like a new "
        "question, empty paragraphs, missing full stops, doubled spaces, characters Word "
        "cannot hold, very long paragraphs, incomplete flags, items without a resolution (if "
        "the committee expects one), requests outstanding for too many meetings, present "
        "tense in reported speech (a suggestion), spelling in British English with the best "
        "suggestion (\"spelling: Febuary → February\"), and the committee's house style "
        "(dates, one to nine in words, -ise/-ize, Councillor/Cllr, times, doubled words, "
        "figures starting a sentence). With --accessibility, also the public Word export as "
        "an accessibility checker sees it (one line per problem, starting `Word`). One line "
        "per finding: paragraph, severity, what is wrong. Exit status 1 when there are "
        "findings or accessibility problems (dismissed findings do not count), 0 when clean, "
        "2 for a bad argument or unknown meeting.",
        handler=run_check,
        add_arguments=_check_arguments,
        epilog="examples:\n  clerkdesk check 3\n  clerkdesk check 3 --fix\n"
        "  clerkdesk check 3 --all\n  clerkdesk check 3 --accessibility",
    ),
    Command(
        name="moderngov",
        summary="read committees, meetings and agendas from the council's Modern.gov site",
        description="Read the council's Modern.gov web service (public data, GET requests "
        "only): list committees, list a committee's meetings, or create a meeting from its "
        "agenda. HTTPS is checked against this computer's trust store; HTTPS_PROXY is used.",
        handler=lambda args: 2,
        add_arguments=moderngov.add_arguments,
        epilog="examples:\n  clerkdesk moderngov committees democracy.example.gov.uk\n"
        "  clerkdesk moderngov meetings democracy.example.gov.uk 41 --from 2026-12-01\n"
        "  clerkdesk moderngov import democracy.example.gov.uk 3301 --db council.sqlite",
    ),
    SEARCH_COMMAND,
    *team.COMMANDS,
)
