"""What an import would write, as lines of text: `clerkdesk import --dry-run` prints them and
the import preview shows the same facts."""

from collections import Counter

from clerkdesk.domain.enums import ParagraphStyle
from clerkdesk.importers.attendance_lines import report_word
from clerkdesk.importers.draft import MinutesDraft
from clerkdesk.importers.parse import ParsedItem
from clerkdesk.importers.report import ATTENDANCE_WORDS, ImportReport

_COUNTED = ("paragraph", "sub-point", "bullet", "text", "resolution")


def preview_lines(draft: MinutesDraft, report: ImportReport | None = None) -> list[str]:
    """Heading, numbering, items with their counts, attendance, people (matched or new, when
    a dry run's `report` says) and warnings with their source line."""
    parsed = draft.parsed
    lines = [f"Committee: {draft.committee} (from {draft.committee_from})",
             f"Date: {draft.date:%-d %B %Y}" if draft.date else
             "Date: not found in the text (the window asks for it; clerkdesk import needs --date)",
             numbering_line(draft), f"Items: {len(parsed.items)}"]
    lines += [f"  {item_line(item)}" for item in parsed.items]
    lines.append(attendance_line(draft))
    if report is not None:
        new = set(report.new_people)
        matched = [name for name in report.people if name not in new]
        lines.append(f"People matched: {', '.join(matched) or 'none'}")
        lines.append(f"People new: {', '.join(report.new_people) or 'none'}")
    lines += [f"Warning: {text}" for text in warning_texts(draft, report)]
    return [*lines, "Nothing was written (a preview)."]


def numbering_line(draft: MinutesDraft) -> str:
    parsed = draft.parsed
    how = "as numbered in the text" if parsed.scheme_found else "not numbered in the text"
    numbering = parsed.numbering
    items = (f"numbered like {numbering.label(0)}" if numbering else "as printed")
    return f"Numbering: paragraphs {' '.join(parsed.scheme.description.split()[:2])} ({how}); " \
           f"items {items}"


def item_line(item: ParsedItem) -> str:
    """ "PAR 1  APOLOGIES FOR ABSENCE: 1 text" """
    counts = item_counts(item)
    shown = ", ".join(f"{counts[word]} {_plural(word, counts[word])}"
                      for word in _COUNTED if counts[word])
    label = item.number_label or "(no number)"
    return f"{label}  {item.title or '(untitled)'}: {shown or 'no paragraphs'}"


def item_counts(item: ParsedItem) -> Counter[str]:
    counts: Counter[str] = Counter()
    for paragraph in item.paragraphs:
        if paragraph.style is ParagraphStyle.NUMBERED:
            counts["paragraph" if paragraph.level == 0 else "sub-point"] += 1
        elif paragraph.style is ParagraphStyle.BULLET:
            counts["bullet"] += 1
        elif paragraph.style is ParagraphStyle.UNNUMBERED:
            counts["text"] += 1
        counts["resolution"] += bool(paragraph.resolution_prefix)
    return counts


def attendance_line(draft: MinutesDraft) -> str:
    counts = Counter(report_word(a) for a in draft.parsed.attendance.attendees)
    found = [f"{counts[word]} {word}" for word in ATTENDANCE_WORDS if counts[word]]
    return f"Attendance: {', '.join(found) or 'none found'}"


def warning_texts(draft: MinutesDraft, report: ImportReport | None) -> list[str]:
    """The parser's warnings with their line ("line 7: ..."), then the dry run's others."""
    parsed = draft.parsed
    lines = parsed.warning_lines + [0] * (len(parsed.warnings) - len(parsed.warning_lines))
    texts = [f"line {n}: {w}" if n else w for w, n in zip(parsed.warnings, lines, strict=True)]
    if report is not None:
        texts += [w for w in report.warnings if w not in parsed.warnings]
    return texts


def _plural(word: str, count: int) -> str:
    return word if count == 1 or word == "text" else f"{word}s"
