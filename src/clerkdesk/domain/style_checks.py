"""Review checks for spelling and house style: findings with the replacement as the fix."""

from collections.abc import Callable, Iterable, Iterator, Sequence

from clerkdesk.domain.house_style import (
    CouncillorForm,
    Hit,
    HouseStyle,
    councillor_forms,
    councillor_hits,
    date_hits,
    digit_start_hits,
    doubled_word_hits,
    ise_ize_hits,
    masked,
    number_hits,
    time_hits,
)
from clerkdesk.domain.review import (
    CheckId,
    Finding,
    Located,
    Severity,
    finding_at,
    text_fix,
)
from clerkdesk.domain.spelling import SpellChecker, replaced

TextCheck = Callable[[str], Iterable[Hit]]


def check_spelling(places: Sequence[Located], checker: SpellChecker) -> list[Finding]:
    """Each misspelt word (once per paragraph), with the best suggestion as the fix."""
    findings = []
    for place in places:
        stored = place.paragraph.stored_text
        seen: set[str] = set()
        for word in checker.misspellings(stored):
            if word.text in seen:
                continue
            seen.add(word.text)
            best = checker.best(word.text)
            fix = None
            if best is not None and place.editable:
                fix = text_fix(f"Replace “{word.text}” with “{best}”", stored,
                               replaced(stored, word, best))
            message = f"spelling: {word.text} → {best}" if best else \
                f"spelling: {word.text[:60]} (no suggestion)"
            findings.append(finding_at(place, CheckId.SPELLING, Severity.WARNING, message,
                                       subject=word.text, fix=fix))
    return findings


def _hit_findings(places: Sequence[Located], check: CheckId, hits_of: TextCheck,
                  severity: Severity = Severity.SUGGESTION) -> Iterator[Finding]:
    for place in places:
        stored = place.paragraph.stored_text
        for hit in hits_of(masked(stored)):
            fix = None
            if hit.replacement is not None and place.editable:
                new = stored[: hit.start] + hit.replacement + stored[hit.end :]
                fix = text_fix(f"Write “{hit.replacement}”", stored, new)
            yield finding_at(place, check, severity, hit.message,
                             subject=f"{hit.found}@{hit.start}", fix=fix)


def _meeting_councillor_form(places: Sequence[Located], form: CouncillorForm) -> CouncillorForm:
    if form is not CouncillorForm.CONSISTENT:
        return form
    full = short = 0
    for place in places:
        counts = councillor_forms(masked(place.paragraph.stored_text))
        full, short = full + counts[0], short + counts[1]
    return CouncillorForm.CLLR if short > full else CouncillorForm.COUNCILLOR


def check_house_style(places: Sequence[Located], style: HouseStyle,
                      spelt: Callable[[str], bool] | None) -> list[Finding]:
    """Every house-style breach the committee checks for, each with a fix where safe."""
    checks: list[tuple[CheckId, TextCheck, Severity]] = []
    if style.doubled_words:
        checks.append((CheckId.DOUBLED_WORD, doubled_word_hits, Severity.WARNING))
    if style.dates:
        checks.append((CheckId.DATE_STYLE, date_hits, Severity.SUGGESTION))
    checks.append((CheckId.TIME_STYLE, lambda t: time_hits(t, style.times), Severity.SUGGESTION))
    if style.numbers_in_words:
        checks.append((CheckId.NUMBER_WORDS, number_hits, Severity.SUGGESTION))
    if style.digit_start:
        checks.append((CheckId.DIGIT_START, digit_start_hits, Severity.SUGGESTION))
    if spelt is not None:
        checks.append((CheckId.ISE_IZE, lambda t: ise_ize_hits(t, style.ise_ize, spelt),
                       Severity.SUGGESTION))
    if style.councillor_check:
        form = _meeting_councillor_form(places, style.councillor)
        checks.append((CheckId.COUNCILLOR, lambda t: councillor_hits(t, form),
                       Severity.SUGGESTION))
    return [finding for check, hits_of, severity in checks
            for finding in _hit_findings(places, check, hits_of, severity)]
