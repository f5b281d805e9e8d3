"""What an import found, printed by `clerkdesk import` and shown by the GUI."""

from dataclasses import dataclass, field

# The order the report lists attendance counts in.
ATTENDANCE_WORDS = ("present", "apologies", "absent", "also present", "officers", "in attendance")


@dataclass
class ImportReport:
    meeting_id: int
    committee: str
    items: int = 0
    paragraphs: int = 0
    sub_points: int = 0
    people: list[str] = field(default_factory=list)  # written names of people found or linked
    new_people: list[str] = field(default_factory=list)  # persons created by this import
    resolutions: int = 0
    requests: int = 0
    warnings: list[str] = field(default_factory=list)  # near-miss names, unplaced lines, ...
    near_misses: list[tuple[str, str]] = field(default_factory=list)  # (as typed, linked to)
    attendance: dict[str, int] = field(default_factory=dict)  # "present" -> 7, "officers" -> 4
    undated: bool = False  # no date in the text and none given: dated today, to be asked

    def attendance_line(self) -> str:
        """ "attendance: 7 present, 1 apologies, 4 officers", or "" when none was read."""
        counts = [f"{self.attendance[word]} {word}" for word in ATTENDANCE_WORDS
                  if self.attendance.get(word)]
        return f"attendance: {', '.join(counts)}" if counts else ""

    def summary_lines(self) -> list[str]:
        """Human-readable lines, first the new meeting's id."""
        lines = [
            f"Imported meeting {self.meeting_id} ({self.committee})",
            f"items: {self.items}",
            f"paragraphs: {self.paragraphs}",
            f"sub-points: {self.sub_points}",
            f"people: {len(self.people)} ({', '.join(self.people)})",
            f"resolutions: {self.resolutions}",
            f"requests: {self.requests}",
        ]
        if self.attendance_line():
            lines.insert(5, self.attendance_line())
        return lines + [f"warning: {w}" for w in self.warnings]
