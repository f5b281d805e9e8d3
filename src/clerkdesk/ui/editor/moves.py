"""Where a paragraph and its sub-points go when moved up or down among their siblings."""

from collections.abc import Sequence


def _group_end(levels: Sequence[int], start: int) -> int:
    """Index after the paragraph at `start` and all its deeper sub-points."""
    end = start + 1
    while end < len(levels) and levels[end] > levels[start]:
        end += 1
    return end


def move_group(ids: Sequence[int], levels: Sequence[int], pid: int, delta: int) -> list[int] | None:
    """New order after moving `pid` (with its sub-points) past one sibling; None if it can't."""
    start = list(ids).index(pid)
    end = _group_end(levels, start)
    level = levels[start]
    if delta < 0:
        prev = start - 1
        while prev >= 0 and levels[prev] > level:
            prev -= 1
        if prev < 0 or levels[prev] < level:
            return None
        before, group, sibling, after = ids[:prev], ids[start:end], ids[prev:start], ids[end:]
        return [*before, *group, *sibling, *after]
    if end >= len(ids) or levels[end] != level:
        return None
    sibling_end = _group_end(levels, end)
    return [*ids[:start], *ids[end:sibling_end], *ids[start:end], *ids[sibling_end:]]
