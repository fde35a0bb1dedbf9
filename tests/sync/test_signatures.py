"""Every revision provably from the laptop it names: forgery, relays, roles over time, revoked
laptops and the roster's own rules."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from inspector.domain.rectification import Action
from inspector.errors import UserError
from inspector.services import records
from inspector.services.packages import export_package, import_package
from inspector.services.problems import create_problem
from inspector.services.rectification import (
    EvidenceFile,
    act,
    add_item,
    take_back_unauthorized,
    unauthorized_actions,
)
from inspector.services.roster import (
    export_identity_card,
    export_roster,
    import_roster_file,
    revoke_laptop,
)
from inspector.services.security import verify_workspace
from inspector.services.team import set_member_role
from inspector.services.workspaces import create_workspace
from inspector.storage.revisions import INSERT_REVISION, Revision
from inspector.sync import heads
from inspector.sync import roster as roster_mod
from inspector.sync.package import PackageError

from .team import Team


def workspace_bytes(session) -> dict[str, str | None]:
    out = {}
    for suffix in ("", "-wal"):
        p = Path(str(session.workspace.path) + suffix)
        out[suffix] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return out


@pytest.fixture
def team(tmp_path):
    t = Team(tmp_path, members=2, roles=["leader", "verifier", "inspector"])
    yield t
    t.close()


def submitted_item(session, court):
    pid = create_problem(session, court_id=court, category="消极执行", description="节点超期")
    item = add_item(session, problem_id=pid, measure="逐案清理", kind="长期坚持")
    act(session, item_id=item, action=Action.START)
    act(session, item_id=item, action=Action.SUBMIT, evidence=[EvidenceFile("报告.txt", b"r")])
    return item


def sign_as(forger, victim):
    """A hostile laptop signs the victim's chain head with its own key."""
    top, chain = forger.conn.execute(
        "SELECT seq, chain FROM revisions WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
        (victim.device_id,),
    ).fetchone()
    with forger.transaction():
        key = forger.workspace.get_local("private_key")
        heads.keep(forger.conn, [heads.sign(key, victim.device_id, top, chain)])


def forge_as(session, victim):
    """Write revisions under another laptop's id, as a hostile member could with the database."""
    session.act_as(victim.member_id, victim.device_id)


def export_unchecked(session, path, monkeypatch):
    """Export as a modified app would: without reading the package back to check it."""
    import contextlib

    import inspector.services.packages as packages

    with monkeypatch.context() as m:
        captured = {}
        real_write = packages.write_package

        def write(*a, **k):
            captured.update(real_write(*a, **k))
            return captured

        m.setattr(packages, "write_package", write)
        m.setattr(
            packages,
            "open_package",
            lambda *a, **k: contextlib.nullcontext(
                type("P", (), {"manifest": type("M", (), {"package_id": captured["package_id"]})})
            ),
        )
        return export_package(session, path=path)


def test_a_member_cannot_close_an_item_in_the_verifiers_name(team, monkeypatch):
    leader, verifier, inspector = team.laptops
    team.send(leader, verifier)
    team.send(verifier, leader)
    team.send(leader, inspector)
    item = submitted_item(inspector, team.court)
    team.send(inspector, leader)
    team.send(leader, verifier)
    team.send(leader, inspector)
    mine = inspector.member_id, inspector.device_id
    forge_as(inspector, verifier)
    # the forger's own role check is passed by pretending in the ledger too
    records.update(inspector, "member", verifier.member_id, {"role": "verifier"})
    act(inspector, item_id=item, action=Action.CLOSE, note="核查属实（冒名）")
    inspector.act_as(*mine)
    # the app will not send what this laptop cannot sign for
    with pytest.raises(UserError, match=r"王芳的电脑.*没有该电脑的签名"):
        export_package(inspector, path=team.file("refused.ledgerpkg"))
    sign_as(inspector, verifier)  # a hostile member signs the verifier's chain with their key
    pkg = export_unchecked(inspector, team.file("forged.ledgerpkg"), monkeypatch)
    before = workspace_bytes(leader)
    with pytest.raises(PackageError) as err:
        import_package(leader, path=pkg.path)
    assert "王芳的电脑" in str(err.value) and "签名" in str(err.value)
    assert workspace_bytes(leader) == before
    # the real verifier's work still arrives
    act(verifier, item_id=item, action=Action.CLOSE, note="核查属实，销号")
    result = team.send(verifier, leader)
    assert result.new_revisions > 0
    assert records.get(leader, "rectification_item", item)["state"] == "已销号"
    assert verify_workspace(leader).ok


def test_revisions_relayed_by_the_leader_keep_their_signatures(team):
    leader, verifier, inspector = team.laptops
    team.send(leader, verifier)
    pid = create_problem(verifier, court_id=team.court, category="消极执行", description="王芳的")
    team.send(verifier, leader)
    team.send(leader, inspector)  # the consolidated ledger: the verifier's revisions, relayed
    assert records.get(inspector, "problem", pid)["description"] == "王芳的"
    assert verify_workspace(inspector).ok


def test_the_leader_cannot_relay_revisions_forged_in_a_members_name(team, monkeypatch):
    leader, verifier, inspector = team.laptops
    team.send(leader, verifier)
    create_problem(verifier, court_id=team.court, category="消极执行", description="真的")
    team.send(verifier, leader)
    forge_as(leader, verifier)
    create_problem(leader, court_id=team.court, category="消极执行", description="冒名的")
    leader.act_as(leader.member_id, leader.device_id)
    with pytest.raises(UserError, match=r"王芳的电脑.*没有该电脑的签名"):
        export_package(leader, path=team.file("refused.ledgerpkg"))
    sign_as(leader, verifier)
    pkg = export_unchecked(leader, team.file("relay.ledgerpkg"), monkeypatch)
    before = workspace_bytes(inspector)
    with pytest.raises(PackageError, match="王芳的电脑的修改记录签名无效"):
        import_package(inspector, path=pkg.path)
    assert workspace_bytes(inspector) == before


def test_verify_workspace_finds_revisions_no_laptop_signed(team):
    leader, verifier, _inspector = team.laptops
    team.send(leader, verifier)
    create_problem(verifier, court_id=team.court, category="消极执行", description="真的")
    team.send(verifier, leader)
    assert verify_workspace(leader).ok
    # a revision under the verifier's id, chained but never signed by the verifier's laptop
    top, chain = leader.conn.execute(
        "SELECT seq, chain FROM revisions WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
        (verifier.device_id,),
    ).fetchone()
    last = Revision.from_row(
        leader.conn.execute(
            "SELECT * FROM revisions WHERE device_id = ? AND seq = ?", (verifier.device_id, top)
        ).fetchone()[:12]
    )
    forged = Revision(
        id=f"{verifier.device_id}:{top + 1}",
        device_id=verifier.device_id,
        seq=top + 1,
        member_id=verifier.member_id,
        hlc=last.hlc[:-5] + "99999",
        record_type="court",
        record_id=team.court,
        op="update",
        fields={"note": "冒名修改"},
        base=(last.id,) if last.record_id == team.court else (),
        created_at=last.created_at,
    ).chained(chain)
    with leader.transaction():
        leader.conn.execute(INSERT_REVISION, forged.row())
    report = verify_workspace(leader)
    assert not report.ok
    assert any("王芳的电脑" in p and "没有该电脑的签名" in p for p in report.problems)


def test_a_card_for_a_laptop_already_on_the_roster_is_refused(team, tmp_path):
    leader, verifier, _ = team.laptops
    impostor = create_workspace(tmp_path / "impostor.ledger", member_name="冒名者")
    try:
        impostor.workspace.set_local("device_id", verifier.device_id)
        impostor.device_id = verifier.device_id
        impostor.log.device_id = verifier.device_id
        card = team.file("card.json")
        export_identity_card(impostor, path=card)
        before = roster_mod.trusted(leader.conn)[verifier.device_id]
        with pytest.raises(UserError, match="已在名册中"):
            import_roster_file(leader, path=card)
        assert roster_mod.trusted(leader.conn)[verifier.device_id] == before
    finally:
        impostor.close()


def test_a_cards_own_role_is_never_trusted(tmp_path):
    team = Team(tmp_path, members=0)
    try:
        leader = team.leader
        bold = create_workspace(tmp_path / "bold.ledger", member_name="自封组长", role="leader")
        card = team.file("card.json")
        export_identity_card(bold, path=card)
        got = import_roster_file(leader, path=card)
        assert got.identities[0].role == "inspector"
        assert roster_mod.trusted(leader.conn)[bold.device_id].role == "inspector"
        bold.close()
    finally:
        team.close()


def test_a_demoted_verifier_can_no_longer_close_but_earlier_closes_stay(team):
    leader, verifier, inspector = team.laptops
    team.send(leader, verifier)
    first = submitted_item(leader, team.court)
    second = submitted_item(leader, team.court)
    team.send(leader, verifier)
    act(verifier, item_id=first, action=Action.CLOSE, note="核查属实")
    team.send(verifier, leader)
    assert records.get(leader, "rectification_item", first)["state"] == "已销号"
    version = roster_mod.pinned(leader.conn)[2]
    member = next(
        m for m in records.find(leader, "member") if m.get("device_id") == verifier.device_id
    )
    set_member_role(leader, member_id=member["id"], role="inspector")
    assert roster_mod.pinned(leader.conn)[2] == version + 1
    assert roster_mod.trusted(leader.conn)[verifier.device_id].role == "inspector"
    # the verifier has not heard of it yet and closes another item
    act(verifier, item_id=second, action=Action.CLOSE, note="核查属实")
    before = workspace_bytes(leader)
    with pytest.raises(PackageError, match="没有组长或核查人权限"):
        team.send(verifier, leader)
    assert workspace_bytes(leader) == before
    # the consolidated ledger still carries the earlier close to everyone
    team.send(leader, inspector)
    assert records.get(inspector, "rectification_item", first)["state"] == "已销号"

    # the demoted member, once the new roster arrives, sees what was refused and takes it back
    team.send(leader, verifier)
    refused = unauthorized_actions(verifier)
    assert [(a.item_id, a.action) for a in refused] == [(second, "销号")]
    take_back_unauthorized(verifier)
    assert unauthorized_actions(verifier) == []
    assert records.get(verifier, "rectification_item", second)["state"] == "待核查"
    assert records.get(verifier, "rectification_item", first)["state"] == "已销号"  # allowed then
    team.send(verifier, leader)  # accepted now
    assert records.get(leader, "rectification_item", second)["state"] == "待核查"
    assert records.get(leader, "rectification_item", first)["state"] == "已销号"


def test_a_revoked_laptops_later_packages_are_refused_and_what_it_sent_stays(team):
    leader, verifier, inspector = team.laptops
    team.send(leader, verifier)
    pid = create_problem(verifier, court_id=team.court, category="消极执行", description="丢前")
    team.send(verifier, leader)
    revoke_laptop(leader, who="王芳")
    create_problem(verifier, court_id=team.court, category="消极执行", description="丢后")
    before = workspace_bytes(leader)
    with pytest.raises(PackageError, match="挂失注销"):
        team.send(verifier, leader)
    assert workspace_bytes(leader) == before
    assert records.get(leader, "problem", pid)["description"] == "丢前"
    assert verify_workspace(leader).ok
    # the roster says so, and members refuse the laptop too
    roster = team.file("roster.json")
    export_roster(leader, path=roster)
    import_roster_file(inspector, path=roster)
    assert roster_mod.trusted(inspector.conn)[verifier.device_id].revoked
    team.send(leader, inspector)
    assert records.get(inspector, "problem", pid)["description"] == "丢前"
    with pytest.raises(PackageError, match="挂失注销"):
        team.send(verifier, inspector)


def test_package_heads_are_in_the_manifest_for_every_laptop(team):
    leader, verifier, _ = team.laptops
    team.send(leader, verifier)
    create_problem(verifier, court_id=team.court, category="消极执行", description="x")
    team.send(verifier, leader)
    pkg = export_package(leader, path=team.file("all.ledgerpkg"))
    from inspector.services.packages import open_verified

    with open_verified(leader, path=pkg.path) as opened:
        manifest = opened.manifest.data
    signed = set(manifest["heads"])
    assert {leader.device_id, verifier.device_id} <= signed
    assert "reference" not in signed
    assert all(set(h) == {"seq", "chain", "key", "signature"} for h in manifest["heads"].values())
    json.dumps(manifest)


def test_a_role_change_reaches_members_with_the_leaders_next_package(team):
    leader, verifier, _ = team.laptops
    team.send(leader, verifier)
    team.send(verifier, leader)
    item = submitted_item(leader, team.court)
    member = next(
        m for m in records.find(leader, "member") if m.get("device_id") == verifier.device_id
    )
    set_member_role(leader, member_id=member["id"], role="inspector")
    team.send(leader, verifier)  # the roster travels with the consolidated ledger
    assert roster_mod.pinned(verifier.conn)[2] == roster_mod.pinned(leader.conn)[2]
    assert roster_mod.trusted(verifier.conn)[verifier.device_id].role == "inspector"
    assert verifier.role() == "inspector"
    with pytest.raises(UserError, match="组长或核查人"):
        act(verifier, item_id=item, action=Action.CLOSE, note="核查属实")


def test_a_package_of_another_team_is_refused_before_anything_is_written(team, tmp_path):
    from .test_hostile import entries_of, private_key_of, repack, resign

    leader, verifier, _ = team.laptops
    team.send(leader, verifier)
    create_problem(verifier, court_id=team.court, category="消极执行", description="x")
    pkg = export_package(verifier, path=team.file("w.ledgerpkg"))
    entries = resign(
        entries_of(pkg.path, leader),
        private_key_of(verifier),
        edit_manifest=lambda m: m.update(team_id="another-team"),
    )
    other = repack(tmp_path / "other-team.ledgerpkg", entries)
    before = workspace_bytes(leader)
    with pytest.raises(UserError, match="另一个巡查组"):
        import_package(leader, path=other)
    assert workspace_bytes(leader) == before


def test_a_package_of_a_campaign_this_workspace_lacks_is_warned_about(team, capsys):
    from inspector import cli
    from inspector.services.packages import batch_warnings, preview_import
    from inspector.services.team import create_campaign

    leader, verifier, _ = team.laptops
    create_campaign(leader, name="2025年执行工作专项巡查")
    create_campaign(verifier, name="另一项活动")
    pkg = export_package(verifier, path=team.file("w.ledgerpkg"))
    preview = preview_import(leader, path=pkg.path)
    assert any("另一项活动" in w for w in preview.warnings)
    assert "另一项活动" in preview.summary()
    assert batch_warnings(leader, paths=[pkg.path])
    leader_path = str(leader.workspace.path)
    leader.close()
    try:
        code = cli.main(["import", leader_path, str(pkg.path)])
        assert code != 0
        assert "--yes" in capsys.readouterr().err
        assert cli.main(["import", leader_path, str(pkg.path), "--yes"]) == 0
    finally:
        from inspector.services.session import open_session

        team.laptops[0] = open_session(leader_path)
