"""Round chart ticks and whole-number count axes."""

from hypothesis import given
from hypothesis import strategies as st

from inspector.domain.scales import nice_scale


def test_round_ticks_for_large_counts():
    top, step = nice_scale(4659)
    assert step == 1000 and top == 6000


def test_small_counts_are_whole_numbers():
    assert nice_scale(3) == (4.0, 1.0)
    assert nice_scale(1) == (2.0, 1.0)
    assert nice_scale(0) == (1.0, 1.0)  # nothing to show: one whole step, not 0.0–1.0


@given(st.integers(min_value=1, max_value=10_000_000))
def test_the_top_holds_the_maximum_in_a_few_whole_round_steps(n):
    top, step = nice_scale(n)
    assert top > n and top % step == 0 and step >= 1
    assert 2 <= top / step <= 7
    digits = str(int(step)).rstrip("0")
    assert digits in {"1", "2", "5"}
