"""Read the attendance block of imported minutes ("Present:", "Also present:", "In attendance:",
"Apologies:", "Absent:") from the lines before the first item; pure, no database."""

import re
from dataclasses import dataclass, field

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.domain.people_match import NameParts
from clerkdesk.importers.people_finder import WORD, is_name_word
from clerkdesk.importers.placement import excerpt
from clerkdesk.importers.stop_words import TITLES

_SECTION_LABELS = (
    (AttendanceStatus.ALSO_PRESENT, r"also\s+(?:present|in\s+attendance|attending)"),
    (AttendanceStatus.PRESENT, r"(?:(?:members|councillors|cllrs)\s+)?present"),
    (AttendanceStatus.IN_ATTENDANCE,
     r"officers?(?:\s+(?:present|in\s+attendance|attending))?|in\s+attendance"
     r"|(?:council\s+)?(?:employees|staff)(?:\s+present)?"),
    (AttendanceStatus.APOLOGIES, r"apologies(?:\s+for\s+absence)?"),
    (AttendanceStatus.ABSENT, r"absent"),
)
_FIELDS = [(status, re.compile(rf"^(?:{label})(?:\s*:|\s+[–—-]\s|\s*$)\s*(?P<rest>.*)$", re.I))
           for status, label in _SECTION_LABELS]
_APOLOGIES_SENTENCE = re.compile(
    r"^apologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|given|submitted|"
    r"tendered|noted|intimated)(?:\s+and\s+(?:accepted|noted|approved))?\s+"
    r"(?:from|by|on\s+behalf\s+of)\s+(?P<rest>.+)$", re.I)
_NONE = re.compile(r"^(?:none|nil|no apologies(?: were received)?|n/a)$", re.I)
_PLURALS = {"councillors": "Councillor", "cllrs": "Cllr", "messrs": "Mr"}
_TITLE = re.compile(rf"^(?P<title>{'|'.join(TITLES)}|{'|'.join(_PLURALS)})\.?\s+(?P<rest>.+)$",
                    re.I)
_COUNCILLOR_TITLES = {"cllr", "councillor"}
_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,3}$")
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "bin", "al"}
_NOTES = re.compile(r"^(?P<name>[^()]*?)\s*(?P<notes>(?:\([^()]*\)\s*)*)$")
_DASH = re.compile(r"\s+[–—-]\s+")
_IN_THE_CHAIR = re.compile(r"\s+\(?in the chair\)?$", re.I)
_SPLIT = re.compile(r"\s+(?:and|&)\s+")
_CHAIR = re.compile(r"^(?:in the )?chair(?:man|woman|person)?(?: in the chair)?$", re.I)
_VICE = re.compile(r"^vice[- ]?chair(?:man|woman|person)?$", re.I)
_COOPTED = re.compile(r"^co-?opted(?: member)?$", re.I)
_SUBSTITUTE = re.compile(r"^(?:as )?(?:substitute|substituting|sub)(?: member)?\s+for\s+"
                         r"(?P<name>.+)$", re.I)
_ITEM = r"(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?(?P<label>\d[\w/.]*?)\.?"
_ARRIVED = re.compile(rf"^(?:arrived|joined(?:\s+the\s+meeting)?)\s+"
                      rf"(?P<when>during|at|in|for|after|before)\s+{_ITEM}$", re.I)
_FROM = re.compile(rf"^(?:present\s+)?from\s+{_ITEM}(?:\s+onwards)?$", re.I)
_LEFT = re.compile(rf"^(?:left|departed)(?:\s+the\s+meeting)?\s+"
                   rf"(?P<when>during|at|in|after|before)\s+{_ITEM}$", re.I)
_UNTIL = re.compile(rf"^(?:present\s+)?(?:until|up\s+to)(?:\s+and\s+including)?\s+{_ITEM}$",
                    re.I)
_REMOTE = re.compile(r"^(?:(?:attending|attended|joined|present|participating)\s+)?"
                     r"(?:remote(?:ly)?|"
                     r"virtually|online|via \w+(?: \w+)?|by video(?: ?link)?)$", re.I)
# An officer named by post alone ("Clerk", "the Chief Executive", "Clerk/RFO"): an attendee
# known by the post, never a person with no name.
_POST = (r"(?:(?:Town|Parish|Deputy|Assistant|Locum)\s+)?Clerk(?:\s*/\s*RFO)?|RFO"
         r"|(?:Depute\s+|Deputy\s+)?Chief\s+Executive(?:/[\w ]+)?"
         r"|(?:Deputy\s+|Depute\s+|Assistant\s+|Executive\s+)?(?:Director|Head|Chief\s+Officer)"
         r"(?:\s+of\s+[\w&, ]+)?"
         r"|Monitoring\s+Officer|Legal\s+Advis[eo]r|Democratic\s+Services\s+Officer"
         r"|Committee\s+(?:Clerk|Officer|Manager)")
_POST_ONLY = re.compile(rf"^(?:the\s+)?(?P<post>{_POST})$", re.I)
_POST_THEN_NAME = re.compile(rf"^(?:the\s+)?(?P<post>{_POST})\s+(?P<name>[A-Z].*)$")
_MAYOR = re.compile(r"^(?:the\s+)?(?:town\s+|city\s+)?mayor$", re.I)
_DEPUTY_MAYOR = re.compile(r"^(?:the\s+)?deputy\s+(?:town\s+|city\s+)?mayor$", re.I)
_ROLE_FIRST = re.compile(r"^(?P<vice>vice[- ]?)?chair(?:man|woman|person)?\s+(?=cllr|councillor)",
                         re.I)
_OFFICER_SECTIONS = {AttendanceStatus.IN_ATTENDANCE, AttendanceStatus.ALSO_PRESENT}
_MEMBER_SECTIONS = {AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT}


@dataclass(frozen=True)
class WrittenName:
    """A name as written, split into parts: "Cllr A Smith" -> title Cllr, initials A, Smith."""

    text: str
    parts: NameParts
    initials: str = ""


@dataclass(frozen=True)
class ItemTime:
    """An agenda item as the minutes name it, and whether the moment was after it."""

    label: str  # "5", "35/20"
    after: bool = False


@dataclass
class Attendee:
    """One person of the attendance block and what the minutes say about them."""

    name: WrittenName
    status: AttendanceStatus  # PRESENT, SUBSTITUTE, ALSO_PRESENT, IN_ATTENDANCE, APOLOGIES, ABSENT
    kind: PersonKind
    role: Role | None = None  # CHAIR, VICE_CHAIR, MEMBER, COOPTED or SUBSTITUTE; None: no seat
    substitute_for: WrittenName | None = None
    remote: bool = False
    job_title: str = ""
    unread: list[str] = field(default_factory=list)  # bracketed notes not understood
    arrived: ItemTime | None = None  # "(arrived during item 5)", "(from item 5)"
    left: ItemTime | None = None  # "(left after item 7)", "(until item 7)"


@dataclass
class AttendanceBlock:
    """The people read, which header lines they came from, and what was not understood."""

    attendees: list[Attendee] = field(default_factory=list)
    lines_read: set[int] = field(default_factory=set)  # indexes into the header
    not_read: list[str] = field(default_factory=list)  # warnings about words left over


def read_attendance(header: list[str]) -> AttendanceBlock:
    """The attendance in the lines before the first item; a section's names may run on over
    the following lines until the next label (a run-on line is taken only if it is all names)."""
    block = AttendanceBlock()
    section: AttendanceStatus | None = None
    pending: int | None = None  # a label alone on its line, waiting for its names
    for index, raw in enumerate(header):
        line = " ".join(raw.split()).rstrip(".")
        if (chair := _CHAIR_LINE.match(line)) and (
                member := _listed(block, chair.group("name"))) is not None:
            member.role = Role.CHAIR  # "Mr B Lobban in the Chair", under the names
            block.lines_read.add(index)
            section = pending = None
            continue
        status, rest = _label(line)
        if status is not None:
            section, pending = status, None
            if not rest:
                pending = index
            elif _NONE.match(rest):
                block.lines_read.add(index)
            elif _read_names(rest, section, block, strict=False):
                block.lines_read.add(index)
            continue
        if section is not None and line and _read_names(line, section, block, strict=True):
            block.lines_read.add(index)
            if pending is not None:
                block.lines_read.add(pending)
                pending = None
        elif line:
            section = pending = None
    return block


_FOR_ONE_ITEM = re.compile(
    r"^also\s+(?:present|in\s+attendance|attending)(?:\s+for\s+(?:this|the)\s+item)?\s*:\s*"
    r"(?P<rest>.+?)\.?$", re.I)


def item_attendees(line: str, item_label: str) -> list[Attendee]:
    """ "Also present for this item: Mr Ravi Sandhu (applicant) and Ms Clara Fenwick
    (objector)." inside an item: attendees of that item only, never committee members."""
    match = _FOR_ONE_ITEM.match(line.strip())
    if match is None:
        return []
    block = AttendanceBlock()
    _read_names(match.group("rest"), AttendanceStatus.ALSO_PRESENT, block, strict=False)
    for attendee in block.attendees:
        attendee.arrived = attendee.left = ItemTime(item_label)
        if attendee.name.parts.title.casefold() not in _COUNCILLOR_TITLES:
            attendee.kind = PersonKind.OTHER
    return block.attendees


_CHAIR_LINE = re.compile(r"^(?P<name>.+?)\s+in\s+the\s+chair$", re.I)


def _listed(block: AttendanceBlock, text: str) -> Attendee | None:
    """The member already listed under this name ("Mr B Lobban"), if any."""
    name = parse_name(text)
    if name is None:
        return None
    return next((a for a in block.attendees if a.kind is PersonKind.MEMBER
                 and a.name.parts.family == name.parts.family
                 and a.name.initials == name.initials), None)


def is_attendance_label(line: str) -> bool:
    """ "Present: ...", "Apologies: ...": the line opens a section of the attendance."""
    return _label(" ".join(line.split()))[0] is not None


def _label(line: str) -> tuple[AttendanceStatus | None, str]:
    sentence = _APOLOGIES_SENTENCE.match(line)
    if sentence:
        return AttendanceStatus.APOLOGIES, sentence.group("rest")
    for status, pattern in _FIELDS:
        match = pattern.match(line)
        if match:
            return status, match.group("rest").strip()
    return None, ""


def _read_names(text: str, section: AttendanceStatus, block: AttendanceBlock,
                strict: bool) -> bool:
    """Add the names in `text`; strict (a run-on line) takes nothing unless every piece reads."""
    found: list[Attendee] = []
    left: list[str] = []
    plural = ""
    for separator, piece in _pieces(text):
        plural, attendee = _attendee(piece, section, plural)
        if attendee is not None and found and is_post_only(attendee) and not (
                found[-1].job_title or found[-1].status in _MEMBER_SECTIONS):
            found[-1].job_title = attendee.job_title  # "Mark Walker, Head of SEND"
            continue
        if attendee is not None and found and is_post_only(found[-1]) and not (
                attendee.job_title or is_post_only(attendee)):
            attendee.job_title = found.pop().job_title  # "the Clerk, Mrs R Bell": one person
        if attendee is not None:
            found.append(attendee)
        elif not (found and _adds_to(found[-1], separator, piece, section)):
            left.append(piece)
    if not found or (strict and left):
        return False
    block.attendees.extend(found)
    left += [f"({note})" for attendee in found for note in attendee.unread]
    block.not_read.extend(f'Not read as attendance: "{excerpt(piece)}" (in "{excerpt(text)}").'
                          for piece in left)
    return True


def _pieces(text: str) -> list[tuple[str, str]]:
    """(separator before, piece) split at commas, semicolons, "and" and "&" outside brackets."""
    pieces: list[tuple[str, str]] = []
    depth, start, separator = 0, 0, ""
    for index, char in enumerate(text + ","):
        depth += (char == "(") - (char == ")")
        if char in ",;" and depth <= 0:
            pieces.extend(_split_and(separator, text[start:index]))
            separator, start, depth = char + " ", index + 1, 0
    return [(sep, piece.strip()) for sep, piece in pieces if piece.strip()]


def _split_and(separator: str, chunk: str) -> list[tuple[str, str]]:
    """Split a chunk at " and " outside brackets; the pieces after the first follow "and"."""
    outside = re.sub(r"\([^()]*\)", lambda m: "_" * len(m.group(0)), chunk)
    cuts = [m.span() for m in _SPLIT.finditer(outside)]
    pieces, start = [], 0
    for begin, end in cuts:
        pieces.append((separator, chunk[start:begin]))
        separator, start = chunk[begin:end], end
    pieces.append((separator, chunk[start:]))
    return pieces


def _attendee(piece: str, section: AttendanceStatus, plural: str) -> tuple[str, Attendee | None]:
    """The attendee a piece names, and the title a plural "Councillors" gives the next pieces."""
    chair = bool(_IN_THE_CHAIR.search(piece))
    piece = _IN_THE_CHAIR.sub("", piece)
    role_first = _ROLE_FIRST.match(piece)  # "Chair Cllr. G Pritchard"
    if role_first:
        piece = piece[role_first.end():]
    match = _NOTES.match(piece)
    if match is None:
        return plural, None
    name_text, notes = match.group("name"), re.findall(r"\(([^()]*)\)", match.group("notes"))
    if section in _OFFICER_SECTIONS and (post := _by_post(name_text, section)) is not None:
        return plural, post
    job = ""
    dash = _DASH.split(name_text, maxsplit=1)
    if len(dash) == 2:
        name_text, job = dash
    plural = _plural_title(name_text) or plural
    name = parse_name(name_text, plural)
    if name is None:
        return plural, None
    attendee = Attendee(name, section, _kind(name, section))
    for note in [*notes, job] if job else notes:
        _apply_note(attendee, note, dash_job=note is job)
    if chair or (role_first and not role_first.group("vice")):
        attendee.role = Role.CHAIR
    elif role_first:
        attendee.role = Role.VICE_CHAIR
    _settle(attendee)
    return plural, attendee


def _by_post(text: str, section: AttendanceStatus) -> Attendee | None:
    """An officer given by post ("Clerk", "Chief Executive"), or by post then name ("Clerk/RFO
    Mair Jenkins")."""
    if match := _POST_ONLY.match(text.strip()):
        post = match.group("post")
        return Attendee(WrittenName(post, NameParts("", "", "")), section, PersonKind.OFFICER,
                        job_title=post)
    if (match := _POST_THEN_NAME.match(text.strip())) and (
            name := parse_name(match.group("name"))):
        return Attendee(name, section, PersonKind.OFFICER, job_title=match.group("post"))
    return None


def is_post_only(attendee: Attendee) -> bool:
    """An officer the minutes name only by post."""
    return not attendee.name.parts.family and bool(attendee.job_title)


def _plural_title(text: str) -> str:
    first = text.split(" ", 1)[0].rstrip(".").casefold()
    return _PLURALS.get(first, "")


def parse_name(text: str, default_title: str = "") -> WrittenName | None:
    """ "Cllr A Smith", "Mrs Jane O'Brien", "Sarah Hammond", "Councillors Jones" (with the
    plural's title); None when the words cannot be a person's name."""
    text = " ".join(text.split()).strip(" .")
    title, rest = "", text
    match = _TITLE.match(text)
    if match:
        written = _from_capitals(match.group("title").rstrip("."))
        title = _PLURALS.get(written.casefold(), written)
        rest = match.group("rest")
    if (second := _TITLE.match(rest)) and title.casefold() in _COUNCILLOR_TITLES:
        title, rest = second.group("title").rstrip("."), second.group("rest")  # Cllr Mrs S Lee
        text = f"{title} {rest}"
    title = title or default_title
    plural = match is not None and match.group("title").rstrip(".").casefold() in _PLURALS
    shown = text if match and not plural else f"{title} {rest}".strip()
    words = rest.split()
    initials = ""
    while words and _INITIALS.match(words[0]) and len(words) > 1:
        initials += words.pop(0).replace(".", "")
    words = [_from_capitals(word) for word in words]
    if shown.split()[:1] and shown.split()[0].rstrip(".").casefold() == title.casefold():
        shown = " ".join([title, *shown.split()[1:]])
    shown = " ".join(word if _INITIALS.match(word) or word == title else _from_capitals(word)
                     for word in shown.split())
    if not words or len(words) > 4 or not _name_words(words, bool(title or initials)):
        return None
    if not title and not initials and len(words) < 2:
        return None
    family_start = _family_start(words)
    given, family = " ".join(words[:family_start]), " ".join(words[family_start:])
    return WrittenName(shown, NameParts(given, family, title), initials)


def _from_capitals(word: str) -> str:
    """SMITH -> Smith, O'BRIEN -> O'Brien, SMITH-JONES -> Smith-Jones, MCKAY -> McKay, CLLR ->
    Cllr (names and titles some councils print in capitals); other words unchanged."""
    if len(word) < 2 or not word.isupper() or not any(ch.isalpha() for ch in word):
        return word
    cased = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)
    # "Mc" is always followed by a capital; "Mac" is not (Machin, Mackie), so it is left.
    return re.sub(r"(^|[-'])Mc([a-z])", lambda m: m.group(1) + "Mc" + m.group(2).upper(), cased)


def _name_words(words: list[str], titled: bool) -> bool:
    """Capitalised name words; after a title or initials any capitalised word may be a name
    ("Cllr Green", "Mr X Lane"), without one common nouns are refused ("Planning Officer")."""
    def name_like(word: str) -> bool:
        return is_name_word(word) or (titled and bool(re.fullmatch(WORD, word))
                                      and word not in TITLES)

    return name_like(words[-1]) and all(name_like(w) or w in _PARTICLES for w in words[:-1])


def _family_start(words: list[str]) -> int:
    """Where the family name starts: the last word, with any particles before it."""
    start = len(words) - 1
    while start > 0 and words[start - 1] in _PARTICLES:
        start -= 1
    return start


def _kind(name: WrittenName, section: AttendanceStatus) -> PersonKind:
    titled = bool(name.parts.title)
    if name.parts.title.casefold() in {"cllr", "councillor"}:
        return PersonKind.MEMBER
    if section in _MEMBER_SECTIONS:
        return PersonKind.MEMBER
    if section is AttendanceStatus.ALSO_PRESENT:
        return PersonKind.MEMBER if titled else PersonKind.OTHER
    return PersonKind.OFFICER


def _apply_note(attendee: Attendee, note: str, dash_job: bool = False) -> None:
    """A bracketed note (or the words after a dash): a role, a substitution, remote, a job."""
    for part in [p.strip() for p in re.split(r"[,;]", note)] if not dash_job else [note.strip()]:
        if not part:
            continue
        if _CHAIR.match(part) or _MAYOR.match(part):
            attendee.role = Role.CHAIR
        elif _VICE.match(part) or _DEPUTY_MAYOR.match(part):
            attendee.role = Role.VICE_CHAIR
        elif _COOPTED.match(part):
            attendee.role = Role.COOPTED
        elif _REMOTE.match(part):
            attendee.remote = True
        elif timing := _item_time(part):
            kind, moment = timing
            setattr(attendee, kind, moment)
        elif (substitute := _SUBSTITUTE.match(part)) and (
                target := parse_name(substitute.group("name"))):
            attendee.substitute_for = target
        elif attendee.status in _MEMBER_SECTIONS:
            attendee.unread.append(part)  # "(left at 11.30)": said, not understood
        else:
            attendee.job_title = ", ".join(filter(None, (attendee.job_title, part)))


def _item_time(note: str) -> tuple[str, ItemTime] | None:
    """("arrived" | "left", the item) for a note on when someone came or went; None else.
    "After item 5" is kept apart from "during" / "at" / "before" item 5."""
    if match := _ARRIVED.match(note):
        return "arrived", ItemTime(match.group("label"), match.group("when").lower() == "after")
    if match := _FROM.match(note):
        return "arrived", ItemTime(match.group("label"))
    if match := _LEFT.match(note):
        return "left", ItemTime(match.group("label"), match.group("when").lower() == "after")
    if match := _UNTIL.match(note):
        return "left", ItemTime(match.group("label"), after=True)
    return None


def _settle(attendee: Attendee) -> None:
    """Status and seat from what was read: a substitute is present as SUBSTITUTE."""
    if attendee.substitute_for is not None and attendee.status is AttendanceStatus.PRESENT:
        attendee.status = AttendanceStatus.SUBSTITUTE
        attendee.role = attendee.role or Role.SUBSTITUTE
    elif attendee.kind is PersonKind.MEMBER and attendee.status in _MEMBER_SECTIONS:
        attendee.role = attendee.role or Role.MEMBER


def _adds_to(attendee: Attendee, separator: str, piece: str, section: AttendanceStatus) -> bool:
    """A piece after a name that is about that name: "Sarah Hammond, Director of SEND",
    "Mr A Smith, Chairman"; a job title only where people come with one."""
    if _CHAIR.match(piece) or _VICE.match(piece) or _REMOTE.match(piece) or _SUBSTITUTE.match(
            piece):
        _apply_note(attendee, piece)
        _settle(attendee)
        return True
    if section in _MEMBER_SECTIONS or not piece[:1].isupper():
        return False
    attendee.job_title = f"{attendee.job_title}{separator}{piece}" if attendee.job_title else piece
    return True


def report_word(attendee: Attendee) -> str:
    """How the import report counts an attendee: present (substitutes too), apologies, absent,
    also present, officers (officers in attendance), in attendance (anyone else there)."""
    if attendee.status is AttendanceStatus.SUBSTITUTE:
        return "present"
    if attendee.status is AttendanceStatus.IN_ATTENDANCE and attendee.kind is PersonKind.OFFICER:
        return "officers"
    return attendee.status.value.replace("_", " ")
