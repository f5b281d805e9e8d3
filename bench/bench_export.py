"""Export speed: a 300-paragraph meeting through `export_meeting` against a minimal
python-docx script writing the same paragraph texts with the same template, in a copy of the
generated database of `--size`; then HTML and PDF export against the Word export of the same
run, once `export_meeting` writes .html / .pdf (until then those rows say why they are missing).

Usage: .venv/bin/python bench/bench_export.py [--size small|large]   (target: ratio <= 1.3)
"""

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

import docx
from bench_results import DATABASES, Row, add_size_argument, median_seconds, ms, write_rows
from generate_db import copy_to

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.export.plaintext import item_heading
from clerkdesk.resources import resource_path
from clerkdesk.services.committees import find_or_create_committee
from clerkdesk.services.export import export_meeting
from clerkdesk.services.meetings import add_item_in, create_meeting_in
from clerkdesk.services.minutes import load_minutes
from clerkdesk.services.paragraphs import add_paragraph_in
from clerkdesk.storage.database import Database, open_database

ITEMS = 10
PARAGRAPHS_PER_ITEM = 30
TARGET = 1.3
SENTENCE = ("Officer {n} explained that the service had reviewed the figures for the quarter and "
            "that the position would be reported to the next meeting of the committee.")


def build_meeting(db: Database) -> int:
    with db.transaction() as session:
        committee = find_or_create_committee(session, "Benchmark Committee", "Anytown Council")
        meeting = create_meeting_in(session, committee.id, dt.date(2026, 6, 1), dt.time(10))
        for i in range(ITEMS):
            item = add_item_in(session, meeting.id, f"Agenda item {i + 1}")
            for n in range(PARAGRAPHS_PER_ITEM):
                last = n == PARAGRAPHS_PER_ITEM - 1
                add_paragraph_in(
                    session, item.id, SENTENCE.format(n=n), level=1 if n % 4 == 3 else 0,
                    style=ParagraphStyle.RESOLUTION if last else ParagraphStyle.NUMBERED,
                )
        return meeting.id


def minimal_script(db: Database, meeting_id: int, target: Path) -> None:
    """What a bare python-docx export would do: load, add each paragraph with a style, save."""
    minutes = load_minutes(db, meeting_id)
    document = docx.Document(str(resource_path("minutes-template.docx")))
    for item in minutes.items:
        document.add_paragraph(item_heading(item), "CD Item Heading")
        for paragraph in item.paragraphs:
            document.add_paragraph(paragraph.text, "CD Minute")
    document.save(str(target))



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the key figures here for run_all.py")
    add_size_argument(parser)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db = open_database(copy_to(root, *DATABASES[args.size]))
        meeting_id = build_meeting(db)
        count = sum(len(i.paragraphs) for i in load_minutes(db, meeting_id).items)
        ours = median_seconds(lambda: export_meeting(db, meeting_id, root / "export.docx"))
        bare = median_seconds(lambda: minimal_script(db, meeting_id, root / "bare.docx"))
        loading = median_seconds(lambda: load_minutes(db, meeting_id))
        others = [other_format(db, meeting_id, root, suffix, ours) for suffix in (".html", ".pdf")]
        db.close()
    ratio = ours / bare
    print(f"paragraphs:              {count}")
    print(f"export_meeting (median): {ours * 1000:7.1f} ms")
    print(f"minimal python-docx:     {bare * 1000:7.1f} ms")
    print(f"  of which load_minutes: {loading * 1000:7.1f} ms (in both)")
    print(f"ratio:                   {ratio:7.2f}  (target <= {TARGET})")
    for row in others:
        print(f"{row.measure}: {row.value} ({row.baseline})")
    write_rows(args.json, [Row(
        f"Word export, {count}-paragraph meeting", f"{ours * 1000:.0f} ms",
        f"raw python-docx {bare * 1000:.0f} ms", ratio, f"<= {TARGET}x", ratio <= TARGET),
        *others])
    return 0 if ratio <= TARGET else 1


def other_format(db: Database, meeting_id: int, root: Path, suffix: str, word_s: float) -> Row:
    """The cost of exporting to `suffix` against the Word export, or why it is not measured."""
    measure = f"Cost of {suffix[1:].upper()} export, 300-paragraph meeting (against Word)"
    target = root / f"export{suffix}"
    try:
        written = export_meeting(db, meeting_id, target)
    except Exception as error:  # noqa: BLE001 - any refusal means the format is not there yet
        return Row(measure, f"not measured: export_meeting refused {suffix} ({error})", "-",
                   None, "-", True)
    if Path(written).suffix != suffix or not Path(written).is_file():
        return Row(measure, f"not measured: export_meeting does not write {suffix} yet "
                   f"(it wrote {Path(written).name})", "-", None, "-", True)
    took = median_seconds(lambda: export_meeting(db, meeting_id, target))
    return Row(measure, ms(took), f"Word {ms(word_s)}", took / word_s, "-", True)


if __name__ == "__main__":
    sys.exit(main())
