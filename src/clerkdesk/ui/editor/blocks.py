"""Paragraph data carried by text blocks, and conversion between blocks and stored text.

A block's format carries the paragraph's id, level, style and elapsed time. A person mention is
a run of rendered name text whose character format carries the person id (and a name's printed
form, for imported minutes), so it serialises back to the `{@id}` (`{@id|printed}`) token.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.domain.mentions import ANONYMOUS_TOKEN, iter_mentions, person_token, starts_sentence
from clerkdesk.domain.naming import ANONYMOUS_MEMBER, at_sentence_start
from clerkdesk.ui.colours import Tone, fill_colour

PROP_ID = QTextFormat.Property.UserProperty + 1
PROP_LEVEL = QTextFormat.Property.UserProperty + 2
PROP_STYLE = QTextFormat.Property.UserProperty + 3
PROP_ELAPSED = QTextFormat.Property.UserProperty + 4
PROP_FLAGGED = QTextFormat.Property.UserProperty + 5
PROP_SPEAKER = QTextFormat.Property.UserProperty + 6
PROP_GENERATED = QTextFormat.Property.UserProperty + 7
PROP_PERSON = QTextFormat.Property.UserProperty + 10
PROP_MENTION_SERIAL = QTextFormat.Property.UserProperty + 11
PROP_PRINTED = QTextFormat.Property.UserProperty + 12  # a name as an imported source printed it

ANONYMOUS_ID = -1
LINE_SEPARATOR = "\u2028"
LEVEL_INDENT = 34.0
NUMBER_GUTTER = 100.0
SPEAKER_GUTTER = 150.0
_serials = itertools.count(1)


@dataclass
class ParagraphData:
    """Everything the editor needs to draw one paragraph."""

    id: int
    level: int = 0
    style: ParagraphStyle = ParagraphStyle.NUMBERED
    text: str = ""  # stored text with person tokens
    elapsed_seconds: int | None = None
    flagged: bool = False
    speaker_id: int | None = None
    generated: bool = False


def block_format(data: ParagraphData) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(PROP_ID, data.id)
    fmt.setProperty(PROP_LEVEL, data.level)
    fmt.setProperty(PROP_STYLE, data.style.value)
    fmt.setProperty(PROP_ELAPSED, -1 if data.elapsed_seconds is None else data.elapsed_seconds)
    fmt.setProperty(PROP_FLAGGED, data.flagged)
    fmt.setProperty(PROP_SPEAKER, -1 if data.speaker_id is None else data.speaker_id)
    fmt.setProperty(PROP_GENERATED, data.generated)
    if data.generated:  # linked to request flags: tinted so the clerk sees it is written for them
        fmt.setBackground(fill_colour(Tone.GENERATED))
    else:
        fmt.clearBackground()
    apply_indent(fmt, data.level, data.style)
    fmt.setRightMargin(SPEAKER_GUTTER)
    fmt.setBottomMargin(8.0)
    fmt.setLineHeight(115.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return fmt


def apply_indent(fmt: QTextBlockFormat, level: int, style: ParagraphStyle) -> None:
    indent = NUMBER_GUTTER + LEVEL_INDENT * level
    if style is ParagraphStyle.RESOLUTION:
        indent = NUMBER_GUTTER + 48.0
    fmt.setLeftMargin(indent)


def paragraph_id(block: QTextBlock) -> int | None:
    value = block.blockFormat().property(PROP_ID)
    return int(value) if value is not None else None


def paragraph_level(block: QTextBlock) -> int:
    return int(block.blockFormat().property(PROP_LEVEL) or 0)


def paragraph_style(block: QTextBlock) -> ParagraphStyle:
    value = block.blockFormat().property(PROP_STYLE)
    return ParagraphStyle(value) if value else ParagraphStyle.NUMBERED


def paragraph_elapsed(block: QTextBlock) -> int | None:
    value = block.blockFormat().property(PROP_ELAPSED)
    return None if value is None or int(value) < 0 else int(value)


def paragraph_flagged(block: QTextBlock) -> bool:
    return bool(block.blockFormat().property(PROP_FLAGGED))


def paragraph_generated(block: QTextBlock) -> bool:
    return bool(block.blockFormat().property(PROP_GENERATED))


def paragraph_speaker(block: QTextBlock) -> int | None:
    value = block.blockFormat().property(PROP_SPEAKER)
    return None if value is None or int(value) < 0 else int(value)


def mention_format(person_id: int, printed: str = "") -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(PROP_PERSON, person_id)
    if printed:
        fmt.setProperty(PROP_PRINTED, printed)
    fmt.setProperty(PROP_MENTION_SERIAL, next(_serials))
    fmt.setBackground(fill_colour(Tone.MENTION))
    return fmt


def plain_format() -> QTextCharFormat:
    return QTextCharFormat()


def mention_person(fmt: QTextCharFormat) -> int | None:
    value = fmt.property(PROP_PERSON)
    return int(value) if value is not None else None


def mention_token(fmt: QTextCharFormat, person: int) -> str:
    """The stored token of a mention run, keeping a printed form."""
    if person == ANONYMOUS_ID:
        return ANONYMOUS_TOKEN
    return person_token(person, str(fmt.property(PROP_PRINTED) or ""))


def stored_text(block: QTextBlock) -> str:
    """The block's text with mentions turned back into tokens and line breaks into '\\n'."""
    parts: list[str] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        person = mention_person(fragment.charFormat())
        if person is None:
            parts.append(fragment.text().replace(LINE_SEPARATOR, "\n"))
        else:
            parts.append(mention_token(fragment.charFormat(), person))
        iterator += 1
    return "".join(parts)


def written(person_id: int, names: dict[int, str], text_before: str) -> str:
    """A mention's visible text: the written name, capitalised when it opens a sentence."""
    name = ANONYMOUS_MEMBER if person_id == ANONYMOUS_ID else names.get(person_id, "[unknown]")
    return at_sentence_start(name) if starts_sentence(text_before) else name


def insert_stored(
    cursor: QTextCursor, stored: str, names: dict[int, str], before: str = ""
) -> None:
    """Insert stored text at the cursor, rendering tokens as mention runs."""
    last = 0
    shown = before
    for mention in iter_mentions(stored):
        plain = stored[last : mention.start].replace("\n", LINE_SEPARATOR)
        cursor.insertText(plain, plain_format())
        shown += plain
        person = ANONYMOUS_ID if mention.person_id is None else mention.person_id
        name = mention.printed or written(person, names, shown)
        cursor.insertText(name, mention_format(person, mention.printed))
        shown += name
        last = mention.end
    cursor.insertText(stored[last:].replace("\n", LINE_SEPARATOR), plain_format())


def split_block(block: QTextBlock, offset: int) -> tuple[str, str]:
    """Stored text before and after a visible offset; a name is never cut in two."""
    head: list[str] = []
    tail: list[str] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        start = fragment.position() - block.position()
        person = mention_person(fragment.charFormat())
        if person is not None:
            token = mention_token(fragment.charFormat(), person)
            (head if start < offset else tail).append(token)
        else:
            text = fragment.text().replace(LINE_SEPARATOR, "\n")
            cut = max(0, min(len(text), offset - start))
            head.append(text[:cut])
            tail.append(text[cut:])
        iterator += 1
    return "".join(head), "".join(tail)
