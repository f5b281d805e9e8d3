"""Find a person as the clerk types: any part of a name, initials, title + surname, role, job.

Built for speed: each person's searchable words are joined once into one lower-case string, so
a keystroke costs a few substring tests per person.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from clerkdesk.domain.enums import Role
from clerkdesk.domain.person import PersonFields

_ROLE_WORDS = {
    Role.CHAIR: "chair chairman chairwoman",
    Role.VICE_CHAIR: "vice-chair vice chair vicechair",
    Role.MEMBER: "member",
    Role.COOPTED: "co-opted coopted member",
    Role.SUBSTITUTE: "substitute",
}


@dataclass(frozen=True)
class Candidate:
    """A person as the picker shows them."""

    id: int
    display: str  # e.g. "Sarah Hammond — Director of SEND"
    person: PersonFields = PersonFields()
    haystack: str = field(default="", compare=False)
    own_initials: str = field(default="", compare=False)


def prepare(candidate: Candidate) -> Candidate:
    """The candidate with its search string and initials computed once."""
    person = candidate.person
    words = [person.title, person.given_name, person.family_name, person.job_title,
             person.organisation, person.initials,
             _ROLE_WORDS.get(person.role, "") if person.role else "", person.kind.value]
    haystack = " " + " ".join(w.lower() for w in words if w) + " "
    names = [n for n in (person.given_name, person.family_name) if n]
    initials = person.initials.lower() or "".join(n[0].lower() for n in names)
    return replace(candidate, haystack=haystack, own_initials=initials)


def _score(candidate: Candidate, query: str, terms: Sequence[str]) -> int:
    hay = candidate.haystack
    if not all(" " + term in hay or ("-" + term) in hay for term in terms):
        if query.replace(" ", "") != candidate.own_initials:
            return 0
        return 90
    score = 40
    if query.replace(" ", "") == candidate.own_initials:
        score += 50
    full = f"{candidate.person.given_name} {candidate.person.family_name}".lower()
    if full.startswith(query):
        score += 30
    if candidate.person.family_name.lower().startswith(terms[-1]):
        score += 10
    return score


def search(
    candidates: Iterable[Candidate],
    query: str,
    present: frozenset[int] = frozenset(),
    recent: Sequence[int] = (),
    limit: int = 12,
) -> list[Candidate]:
    """Best matches first; people present at the meeting and recent speakers rank higher."""
    query = " ".join(query.lower().split())
    terms = query.split()
    recency = {person_id: len(recent) - index for index, person_id in enumerate(recent)}
    scored = []
    for candidate in candidates:
        score = _score(candidate, query, terms) if terms else 1
        if score:
            score += 20 if candidate.id in present else 0
            score += 3 * recency.get(candidate.id, 0)
            scored.append((-score, candidate.person.family_name, candidate.person.given_name,
                           candidate))
    scored.sort(key=lambda row: row[:3])
    return [row[3] for row in scored[:limit]]


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "prof",
                        "sir", "dame", "lord", "lady", "rev"})
ROLE_NAMES = {"chair": Role.CHAIR, "chairman": Role.CHAIR, "chairwoman": Role.CHAIR,
              "vice-chair": Role.VICE_CHAIR, "vice chair": Role.VICE_CHAIR,
              "vicechair": Role.VICE_CHAIR, "vice-chairman": Role.VICE_CHAIR}


def _plain(text: str) -> str:
    words = " ".join(text.lower().replace(".", " ").split()).strip(" ,;:")
    return words.removeprefix("the ")


def resolve(candidates: Sequence[Candidate], text: str,
            written: dict[int, str] | None = None) -> list[int]:
    """Who a typed name means: [id] for one person, [] for nobody, several when ambiguous.

    Accepts the committee's written form ("the Vice-Chair"), the picker's row, full name,
    title and surname ("Mr Pemberton", "Cllr Pemberton"), a role, initials or a unique part.
    """
    typed = _plain(text)
    if not typed:
        return []
    written = written or {}
    exact = [c.id for c in candidates if typed in _forms(c, written.get(c.id, ""))]
    if exact:
        return list(dict.fromkeys(exact))
    if typed in ROLE_NAMES:
        return [c.id for c in candidates if c.person.role is ROLE_NAMES[typed]]
    words = [word for word in typed.split() if word not in HONORIFICS] or typed.split()
    return [c.id for c in search(candidates, " ".join(words), limit=len(candidates))]


def _forms(candidate: Candidate, written: str) -> set[str]:
    person = candidate.person
    title, given, family = person.title, person.given_name, person.family_name
    forms = {written, candidate.display, candidate.display.split(" — ")[0], f"{given} {family}",
             f"{title} {family}", f"{title} {given} {family}"}
    return {_plain(form) for form in forms if form.strip()}
