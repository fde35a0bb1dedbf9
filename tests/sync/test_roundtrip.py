"""Whatever the services accept, the package reader accepts: a property over hostile values."""

from __future__ import annotations

import contextlib
import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.errors import UserError
from inspector.services import records
from inspector.services.cases import add_case
from inspector.services.interviews import create_interview
from inspector.services.packages import export_package, import_package
from inspector.services.problems import create_problem

from .team import Team

numbers = st.one_of(
    st.none(),
    st.floats(),  # NaN and infinities included
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([10**400, 1e309, -0.0, 5e-324]),
)
texts = st.text(max_size=300)  # any code point, lone surrogates and controls included


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    team = Team(tmp_path_factory.mktemp("roundtrip"), members=1)
    leader, wang = team.laptops
    team.send(leader, wang)
    yield team
    team.close()


counter = itertools.count(1)


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(description=texts, note=texts, amount=numbers, paid=numbers, place=texts)
def test_any_record_the_services_accept_arrives_unchanged(
    pair, description, note, amount, paid, place
):
    import datetime as dt

    leader, wang = pair.laptops
    made: list[tuple[str, str]] = []
    for attempt in (
        lambda: (
            "problem",
            create_problem(
                wang,
                court_id=pair.court,
                category="消极执行",
                description=description or "描述",
                evidence=note,
            ),
        ),
        lambda: (
            "case",
            add_case(
                wang,
                case_number=f"（2024）云0102执{next(counter)}号",
                court_id=pair.court,
                amount=amount,
                paid_amount=paid,
                cause=note,
            ),
        ),
        lambda: (
            "interview",
            create_interview(
                wang,
                method="座谈",
                date=dt.date(2025, 9, 22),
                court_id=pair.court,
                place=place,
                text=description,
            ),
        ),
    ):
        # refused where it entered, with a message (nothing written), or made
        with contextlib.suppress(UserError):
            made.append(attempt())
    pkg = export_package(wang, path=pair.file("p.ledgerpkg"), since_last_to="李建国")
    import_package(leader, path=pkg.path)
    for kind, rid in made:
        sent, got = records.get(wang, kind, rid), records.get(leader, kind, rid)
        for key, value in sent.items():
            if key in ("conflicted",):
                continue
            if isinstance(value, float) and math.isnan(value):
                raise AssertionError(f"NaN stored in {kind}.{key}")
            assert got[key] == value, (kind, key)
