"""A light heuristic for present tense in reported speech ("Sarah Hammond explains that…").

Minutes report speech in the past tense. A reporting verb in the present tense counts only
after a likely speaker (a person mention, a capitalised word, he/she/they, or a word such as
"officer" or "report"); verbs that are also nouns ("reports", "notes") count only when "that",
"whether", "how" … follows. Findings are suggestions.
"""

import re
from collections.abc import Sequence

from clerkdesk.domain.mentions import PRINTED_PART
from clerkdesk.domain.review import CheckId, Finding, Located, Severity, finding_at, text_fix

PAST_OF = {
    "explains": "explained", "says": "said", "confirms": "confirmed", "advises": "advised",
    "adds": "added", "clarifies": "clarified", "responds": "responded", "informs": "informed",
    "indicates": "indicated", "suggests": "suggested", "emphasises": "emphasised",
    "emphasizes": "emphasized", "acknowledges": "acknowledged", "asks": "asked",
    "recognises": "recognised", "recognizes": "recognized", "agrees": "agreed",
    "believes": "believed", "feels": "felt", "thinks": "thought", "argues": "argued",
    "mentions": "mentioned", "assures": "assured", "reassures": "reassured",
    "introduces": "introduced", "undertakes": "undertook", "proposes": "proposed",
    "explain": "explained", "points out": "pointed out", "queries": "queried",
    "reports": "reported", "notes": "noted", "states": "stated", "comments": "commented",
    "replies": "replied", "requests": "requested", "highlights": "highlighted",
    "stresses": "stressed", "outlines": "outlined", "thanks": "thanked", "welcomes": "welcomed",
}
# Also nouns: only a verb when a clause follows.
_NOUN_LIKE = frozenset({
    "queries", "reports", "notes", "states", "comments", "replies", "requests", "highlights",
    "stresses", "outlines", "thanks", "welcomes", "explain",
})
_CLAUSE_WORDS = frozenset({"that", "whether", "how", "why", "what", "when", "if"})
_SPEAKER_WORDS = frozenset({
    "he", "she", "they", "who", "member", "members", "officer", "officers", "chair", "clerk",
    "committee", "director", "report", "paper", "council", "cabinet", "minister",
})
_DETERMINERS = frozenset({
    "the", "a", "an", "these", "those", "this", "that", "its", "their", "his", "her", "our",
    "any", "some", "all", "both", "each", "no", "further", "other", "such",
})
_ADVERBS = r"(?:\s+(?:also|further|then|again|subsequently|additionally|briefly))*"
_VERB = re.compile(
    r"(?<![\w’'-])(" + "|".join(sorted((re.escape(v) for v in PAST_OF), key=len, reverse=True))
    + r")(?![\w’'-])")
_SUBJECT_BEFORE = re.compile(
    r"(\{@(?:\d+|member)" + PRINTED_PART + r"\}|[\w’'-]+)" + _ADVERBS + r"\s+$")
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _after_speaker(before: str) -> bool:
    match = _SUBJECT_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1)
    if word.casefold() in _DETERMINERS:
        return False
    return word.startswith("{@") or word[0].isupper() or word.casefold() in _SPEAKER_WORDS


def present_tense_uses(stored: str) -> list[tuple[int, int, str]]:
    """(start, end, verb) of each likely present-tense reporting verb in the stored text."""
    uses = []
    for match in _VERB.finditer(stored):
        verb = match.group(1)
        if not _after_speaker(stored[: match.start()]):
            continue
        if verb in _NOUN_LIKE:
            following = _NEXT_WORD.match(stored, match.end())
            if not following or following.group(1).casefold() not in _CLAUSE_WORDS:
                continue
        uses.append((match.start(), match.end(), verb))
    return uses


def to_past(stored: str, uses: Sequence[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, verb in uses:
        out += [stored[last:start], PAST_OF[verb]]
        last = end
    out.append(stored[last:])
    return "".join(out)


def check_present_tense(places: Sequence[Located]) -> list[Finding]:
    """Suggestions, one per paragraph, with a fix putting the verbs in the past tense."""
    findings = []
    for place in places:
        stored = place.paragraph.stored_text
        uses = present_tense_uses(stored)
        if not uses:
            continue
        verbs = list(dict.fromkeys(verb for _start, _end, verb in uses))
        listed = ", ".join(f'"{v}" → "{PAST_OF[v]}"' for v in verbs)
        fix = (text_fix("Put the verbs in the past tense", stored, to_past(stored, uses))
               if place.editable else None)
        findings.append(finding_at(
            place, CheckId.PRESENT_TENSE, Severity.SUGGESTION,
            f"present tense? (heuristic) reported speech is usually past tense: {listed}",
            subject=" ".join(verbs), fix=fix))
    return findings
