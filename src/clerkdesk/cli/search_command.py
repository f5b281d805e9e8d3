"""`clerkdesk search QUERY`: every meeting's minutes searched, one line (or JSON object) a hit."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from clerkdesk.cli.database import opened_database
from clerkdesk.cli.parser import Command, iso_date
from clerkdesk.errors import ClerkDeskError

if TYPE_CHECKING:
    from clerkdesk.domain.enums import Audience
    from clerkdesk.services.search import SearchFilters, SearchHit
    from clerkdesk.storage.database import Database

EXIT_NO_HITS = 1


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY",
                        help='words (all must appear), "exact phrases", prefix*, OR, NOT')
    parser.add_argument("--committee", metavar="NAME",
                        help="only this committee (its id, or its name or a unique part of it)")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=iso_date,
                        help="only meetings on or after this date")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=iso_date,
                        help="only meetings on or before this date")
    parser.add_argument("--full", action="store_true",
                        help="also search exempt (Part 2) items, marked EXEMPT (not for "
                        "publication)")
    parser.add_argument("--limit", type=int, default=50, metavar="N",
                        help="print at most N hits (default 50)")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")


def marked(hit: SearchHit, before: str = "[", after: str = "]") -> str:
    """The hit's text with each match between `before` and `after`, on one line."""
    out, last = [], 0
    for start, end in hit.spans:
        out += [hit.text[last:start], before, hit.text[start:end], after]
        last = end
    out.append(hit.text[last:])
    return " ".join("".join(out).split())


def hit_line(hit: SearchHit) -> str:
    exempt = " EXEMPT" if hit.item_exempt else ""
    where = f"item {hit.item_label} {hit.item_title}"
    return f"{hit.meeting_date}  {hit.committee}  {where}  ({hit.kind}{exempt}): {marked(hit)}"


def hit_json(hit: SearchHit) -> dict[str, object]:
    return {
        "meeting_id": hit.meeting_id, "date": hit.meeting_date.isoformat(),
        "committee": hit.committee, "status": hit.meeting_status, "item_id": hit.item_id,
        "item": hit.item_label, "item_title": hit.item_title, "exempt": hit.item_exempt,
        "paragraph_id": hit.paragraph_id, "kind": hit.kind, "text": hit.text,
        "matches": [list(span) for span in hit.spans],
    }


def search_output(db: Database, query: str, filters: SearchFilters, audience: Audience,
                  limit: int, as_json: bool = False) -> tuple[str, int, list[str]]:
    """What `clerkdesk search` prints for `audience` (PUBLIC unless --full; the publication
    filter decides what it may see): the stdout text, the total, and the stderr lines."""
    from clerkdesk.services.search import search

    results = search(db, query, filters, audience, limit=limit)
    if as_json:
        text = json.dumps({"total": results.total, "hits": [hit_json(h) for h in results.hits]},
                          ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(f"{hit_line(hit)}\n" for hit in results.hits)
    notes = [results.notice] if results.notice else []
    total = len(results.hits) if results.total is None else results.total  # None: not counted
    if not as_json and total > len(results.hits):
        notes.append(f"{total - len(results.hits)} more (use --limit)")
    return text, total, notes


def run_search(args: argparse.Namespace) -> int:
    from clerkdesk.domain.enums import Audience
    from clerkdesk.services.committees import find_committee
    from clerkdesk.services.search import SearchFilters

    if args.limit < 1:
        raise ClerkDeskError("--limit must be 1 or more.")
    with opened_database(args, must_exist=True) as db:
        committee_id = None
        if args.committee is not None:
            committee_id = find_committee(db, args.committee)
            if committee_id is None:
                raise ClerkDeskError(f"No committee matches {args.committee!r} (use its id or a "
                                     "unique part of its name)")
        filters = SearchFilters(committee_id=committee_id, date_from=args.date_from,
                                date_to=args.date_to, include_exempt=args.full)
        audience = Audience.FULL if args.full else Audience.PUBLIC  # via domain.publication
        text, total, notes = search_output(db, args.query, filters, audience, args.limit,
                                           args.json)
    sys.stdout.write(text)
    for line in notes:
        print(line, file=sys.stderr)
    return 0 if total else EXIT_NO_HITS


SEARCH_COMMAND = Command(
    name="search",
    summary="search every meeting's minutes (paragraphs, item titles, requests, actions)",
    description="Search the minutes of every meeting: paragraphs, item titles and the text of "
    "requests, actions and declarations, names included as written. All words must appear "
    "(\"contracts\" also finds \"contract\"); use \"exact phrases\", prefix* and OR. References "
    "such as 24/01234/FUL are found as typed. Newest meeting first, one line a hit with the "
    "match in [brackets]. Exempt (Part 2) items are left out unless --full. Exit status 0 "
    "with hits, 1 with none, 2 for a query that cannot be read or another problem.",
    handler=run_search,
    add_arguments=_arguments,
    epilog='examples:\n  clerkdesk search "home to school transport"\n'
    '  clerkdesk search 24/01234/FUL --committee Planning --from 2024-01-01\n'
    "  clerkdesk search Hammond --json",
)
