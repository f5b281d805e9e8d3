"""A second clerk in a process of its own: opens a team database, saves one paragraph's text
(as NAME), prints the new version and exits.

    python team_clerk.py URL PARAGRAPH_ID TEXT [CLERK]
"""

from __future__ import annotations

import sys


def main(url: str, paragraph_id: str, text: str, clerk: str = "rbrown") -> None:
    from clerkdesk.services import paragraphs
    from clerkdesk.storage.database import open_database

    db = open_database(url)
    try:
        db.clerk = clerk
        print(paragraphs.edit_text(db, int(paragraph_id), text), flush=True)
    finally:
        db.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
