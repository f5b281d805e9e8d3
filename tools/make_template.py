"""Write src/clerkdesk/data/minutes-template.docx, the default Word template (after style changes).

Usage: .venv/bin/python tools/make_template.py [OUTPUT]
"""

import datetime as dt
import sys
from pathlib import Path

from clerkdesk.export.docx_template import DEFAULT_TEMPLATE, new_default_document
from clerkdesk.resources import resource_path

FIXED_DATE = dt.datetime(2026, 1, 1)  # every export sets its own dates; these never show


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else resource_path(DEFAULT_TEMPLATE)
    document = new_default_document()
    props = document.core_properties
    props.author = props.last_modified_by = "ClerkDesk"
    props.title = "ClerkDesk minutes template"
    props.subject = props.keywords = props.comments = props.category = ""
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    document.save(str(output))
    print(f"Wrote {output} ({sum(1 for s in document.styles if s.name.startswith('CD '))} "
          "ClerkDesk styles)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
