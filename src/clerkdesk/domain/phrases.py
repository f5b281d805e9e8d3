"""Reported-speech phrases offered after a speaker's name; each committee may keep its own list."""

DEFAULT_PHRASES: tuple[str, ...] = (
    "explained that",
    "confirmed that",
    "asked whether",
    "replied that",
    "clarified that",
    "added that",
    "said that",
    "referred to",
    "pointed out that",
    "introduced the report",
    "thanked",
)


def phrases_from_text(stored: str) -> tuple[str, ...]:
    """A committee's stored phrases (one per line); the defaults when it has none."""
    phrases = tuple(line.strip() for line in stored.splitlines() if line.strip())
    return phrases or DEFAULT_PHRASES


def phrases_to_text(phrases: tuple[str, ...] | list[str]) -> str:
    """Text to store; empty when the list is the default one, so defaults can improve later."""
    cleaned = tuple(p.strip() for p in phrases if p.strip())
    return "" if cleaned == DEFAULT_PHRASES else "\n".join(cleaned)
