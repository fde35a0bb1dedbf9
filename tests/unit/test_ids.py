"""Time-ordered record ids."""

import uuid

from hypothesis import given
from hypothesis import strategies as st

from inspector.domain.ids import is_time_ordered, time_ordered_child, time_ordered_id
from inspector.services.reviews import answer_id
from inspector.services.session import derived_id, uuid_ids

ms = st.integers(min_value=0, max_value=(1 << 48) - 1)
bits = st.integers(min_value=0, max_value=(1 << 74) - 1)


@given(ms, bits)
def test_an_id_is_a_version_7_uuid_that_keeps_its_time(t, r):
    made = time_ordered_id(t, r)
    parsed = uuid.UUID(made)
    assert str(parsed) == made and parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert int(made[:8] + made[9:13], 16) == t
    assert is_time_ordered(made)


@given(ms, ms, bits, bits)
def test_ids_sort_by_the_time_they_were_made(t1, t2, r1, r2):
    a, b = time_ordered_id(t1, r1), time_ordered_id(t2, r2)
    if t1 < t2:
        assert a < b
    if (t1, r1) != (t2, r2):
        assert a != b


def test_random_and_derived_ids_are_not_time_ordered():
    assert not is_time_ordered(str(uuid.uuid4()))
    assert not is_time_ordered(derived_id("云0102"))
    assert not is_time_ordered("reference")


def test_new_ids_are_time_ordered_and_distinct():
    made = [uuid_ids() for _ in range(1000)]
    assert all(is_time_ordered(i) for i in made)
    assert len(set(made)) == 1000
    assert made[0][:13] <= made[-1][:13]


def test_an_answer_sorts_with_its_review_and_is_the_same_on_every_laptop():
    review = time_ordered_id(1_760_000_000_000, 12345)
    first, again = answer_id(review, "A1"), answer_id(review, "A1")
    assert first == again and is_time_ordered(first)
    assert first[:13] == review[:13] and first != review
    assert answer_id(review, "A2") != first
    child = time_ordered_child(review, bytes(range(32)))
    assert child[:13] == review[:13] and child == time_ordered_child(review, bytes(range(32)))


def test_answers_of_reviews_made_before_keep_their_ids():
    old_review = str(uuid.UUID(int=7, version=4))
    assert answer_id(old_review, "A1") == derived_id(f"answer:{old_review}:A1")
