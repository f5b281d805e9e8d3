"""Attendance that contradicts itself, or a speaker who was not there (pure checks)."""

import dataclasses

from test_review_checks import LOVE, RosterPerson, para, places

from clerkdesk.domain.attendance_checks import check_speakers_away, check_substitutes
from clerkdesk.domain.enums import AttendanceStatus
from clerkdesk.domain.person import PersonFields
from clerkdesk.domain.review import CheckId, Severity

PATEL = RosterPerson(4, "Ms Patel", PersonFields("Ms", "Asha", "Patel"),
                     status=AttendanceStatus.SUBSTITUTE, substitute_for=2)


def test_a_member_attending_beside_their_substitute_is_a_warning():
    love = dataclasses.replace(LOVE, status=AttendanceStatus.PRESENT, remote=True)
    [finding] = check_substitutes(7, {2: love, 4: PATEL})
    assert finding.check is CheckId.SUBSTITUTE_CONFLICT and finding.severity is Severity.WARNING
    assert finding.message == ("Mr Love is recorded as present (remote) but Ms Patel is still "
                               "recorded as their substitute")
    assert finding.where() == "meeting"


def test_a_substitute_for_someone_away_is_fine():
    for status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT, None):
        love = dataclasses.replace(LOVE, status=status)
        assert check_substitutes(7, {2: love, 4: PATEL}) == []


def test_a_speaker_who_sent_apologies_is_a_warning_at_the_paragraph():
    love = dataclasses.replace(LOVE, status=AttendanceStatus.APOLOGIES)
    located = places(para("Apologies were received from {@2}.", speaker_id=2),
                     para("{@2} asked about it.", speaker_id=None))
    [finding] = check_speakers_away(located, {2: love})
    assert finding.check is CheckId.SPEAKER_AWAY and finding.paragraph_label == "1"
    assert "recorded as apologies: Mr Love" in finding.message
    assert check_speakers_away(located, {2: dataclasses.replace(
        LOVE, status=AttendanceStatus.PRESENT)}) == []
