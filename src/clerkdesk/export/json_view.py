"""The minutes as JSON-ready data, the same structure `clerkdesk show --json` prints."""

from typing import Any

from clerkdesk.domain.minutes import ItemView, MinutesView, ParagraphView
from clerkdesk.domain.publication import checked
from clerkdesk.export.plaintext import attendance_sections, is_draft


def _paragraph(p: ParagraphView) -> dict[str, Any]:
    return {
        "id": p.id,
        "level": p.level,
        "style": p.style.value,
        "number": p.label,
        "text": p.text,
        "speaker": p.speaker or None,
        "flags": [{"kind": f.kind.value, "summary": f.summary, "status": f.status}
                  for f in p.flags],
    }


def _item(item: ItemView) -> dict[str, Any]:
    return {
        "id": item.id,
        "number": item.label,
        "title": item.title,
        "exempt": item.exempt,
        "exempt_paragraph": item.exempt_paragraph,
        "notice": item.notice or None,
        "documents": [d.title for d in item.documents],
        "paragraphs": [_paragraph(p) for p in item.paragraphs],
    }


def minutes_to_data(minutes: MinutesView) -> dict[str, Any]:
    """Published minutes (see domain.publication) as plain data; `audience` says which."""
    minutes = checked(minutes)
    return {
        "meeting_id": minutes.meeting_id,
        "audience": minutes.audience.value if minutes.audience else None,
        "committee": minutes.committee,
        "council": minutes.council,
        "date": minutes.date.isoformat(),
        "time": minutes.time.strftime("%H:%M") if minutes.time else None,
        "venue": minutes.venue,
        "status": minutes.status.value,
        "draft": is_draft(minutes),
        "attendance": dict(attendance_sections(minutes.attendance)),
        "items": [_item(item) for item in minutes.items],
        "timing": list(minutes.timing),
        "signature_block": minutes.signature_block,
        "corrections": [{"date": c.made_on.isoformat(), "text": c.text}
                        for c in minutes.corrections],
    }
