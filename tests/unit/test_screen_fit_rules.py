"""Window placement rules: whatever was remembered, the window ends on the screen."""

from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.ui.screen_fit import Area, first_run_area, fitted, should_maximise

coordinates = st.integers(min_value=-5000, max_value=5000)
sizes = st.integers(min_value=200, max_value=6000)
areas = st.builds(Area, coordinates, coordinates, sizes, sizes)


@given(frame=areas, available=areas)
def test_a_fitted_frame_always_lies_on_the_screen(frame, available):
    assert available.contains(fitted(frame, available))


@given(frame=areas, available=areas)
def test_a_frame_already_on_the_screen_is_left_where_it_is(frame, available):
    if available.contains(frame):
        assert fitted(frame, available) == frame


@given(available=areas)
def test_the_first_run_size_is_never_larger_than_the_screen(available):
    assert available.contains(first_run_area(available))


def test_common_council_laptops_open_maximised_and_large_screens_do_not():
    assert should_maximise(Area(0, 0, 1366, 728))
    assert should_maximise(Area(0, 0, 1280, 680))
    assert should_maximise(Area(0, 0, 1280, 690))  # 1920×1080 at 150%
    assert not should_maximise(Area(0, 0, 1920, 1040))
    assert first_run_area(Area(0, 0, 1920, 1040)) == Area(320, 120, 1280, 800)
