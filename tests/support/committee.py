"""Change a committee's setup in tests through the one service that saves it (the dialog's)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from clerkdesk.domain.committee_settings import CommitteeSettings
from clerkdesk.domain.house_style import HouseStyle
from clerkdesk.domain.review import ReviewSettings
from clerkdesk.services.committee_settings import committee_setup, save_committee_setup
from clerkdesk.storage.database import Database


def change_setup(
    db: Database, committee_id: int, settings: CommitteeSettings | None = None, *,
    review: ReviewSettings | None = None,
    glossary: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    house_style: HouseStyle | None = None, **changed: object,
) -> None:
    """Save the committee's setup with `settings` (or its own with `changed` fields) and any
    review settings, glossary or house style given; the rest stays as saved."""
    setup = committee_setup(db, committee_id)
    chosen = dataclasses.replace(settings or setup.settings, **changed)  # type: ignore[arg-type]
    pairs = glossary.items() if isinstance(glossary, Mapping) else glossary
    save_committee_setup(db, committee_id, chosen, review or setup.review,
                         setup.glossary if pairs is None else pairs, house_style)
