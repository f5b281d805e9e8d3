"""Every module that defines tables, imported once so `Base.metadata` knows them all.

A feature with tables of its own keeps them in its own module and adds one import here.
"""

import clerkdesk.storage.models_history
import clerkdesk.storage.models_review
import clerkdesk.storage.models_spelling  # noqa: F401
from clerkdesk.storage import (
    indexes,  # noqa: F401 - the lookup indexes, created with the tables
    models,  # noqa: F401
    search_index,  # noqa: F401 - creates the index with the tables
)
from clerkdesk.storage.models import Base

__all__ = ["Base"]
