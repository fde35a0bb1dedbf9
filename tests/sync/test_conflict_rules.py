"""Concurrent edits of the same field always conflict; edits of different fields never do."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.services import records
from inspector.services.conflicts import list_conflicts
from inspector.services.problems import create_problem

from .team import Team

FIELDS = {
    "description": st.sampled_from(["甲", "乙", "丙"]),
    "severity": st.sampled_from(["一般", "较重", "严重"]),
    "evidence": st.sampled_from(["卷宗", "笔录", "照片"]),
    "subtype": st.sampled_from([None, "网上节点超期", "卷宗粗糙"]),
}
edits = st.dictionaries(st.sampled_from(sorted(FIELDS)), st.none(), max_size=4).flatmap(
    lambda keys: st.fixed_dictionaries({k: FIELDS[k] for k in keys})
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(a=edits, b=edits)
def test_conflicts_are_exactly_the_fields_both_changed_differently(tmp_path_factory, a, b):
    team = Team(tmp_path_factory.mktemp("rules"), members=2, on_disk=False)
    try:
        leader, wang, zhao = team.laptops
        pid = create_problem(leader, court_id=team.court, category="消极执行", description="原")
        team.send(leader, wang)
        team.send(leader, zhao)
        current = records.get(leader, "problem", pid)
        changed_a = {k: v for k, v in a.items() if current[k] != v}
        changed_b = {k: v for k, v in b.items() if current[k] != v}
        if changed_a:
            records.update(wang, "problem", pid, changed_a)
        if changed_b:
            records.update(zhao, "problem", pid, changed_b)
        team.send(wang, leader)
        team.send(zhao, leader)
        expected = {k for k in changed_a.keys() & changed_b.keys() if changed_a[k] != changed_b[k]}
        assert {c.field for c in list_conflicts(leader)} == expected
        merged = records.get(leader, "problem", pid)
        for field, value in {**changed_a, **changed_b}.items():
            if field not in changed_a.keys() & changed_b.keys():
                assert merged[field] == value  # a one-sided edit always survives
    finally:
        team.close()
