"""The minutes as JSON-ready data, the same structure `clerkdesk show --json` prints."""

from typing import Any

from clerkdesk.domain.minutes import MinutesView


def minutes_to_data(minutes: MinutesView) -> dict[str, Any]:
    return {
        "meeting_id": minutes.meeting_id,
        "committee": minutes.committee,
        "council": minutes.council,
        "date": minutes.date.isoformat(),
        "time": minutes.time.strftime("%H:%M") if minutes.time else None,
        "venue": minutes.venue,
        "status": minutes.status.value,
        "items": [
            {
                "id": item.id,
                "number": item.label,
                "title": item.title,
                "exempt": item.exempt,
                "exempt_paragraph": item.exempt_paragraph,
                "documents": [d.title for d in item.documents],
                "paragraphs": [
                    {
                        "id": p.id,
                        "level": p.level,
                        "style": p.style.value,
                        "number": p.label,
                        "text": p.text,
                        "speaker": p.speaker or None,
                        "flags": [
                            {"kind": f.kind.value, "summary": f.summary, "status": f.status}
                            for f in p.flags
                        ],
                    }
                    for p in item.paragraphs
                ],
            }
            for item in minutes.items
        ],
    }
