"""Tampered and hostile packages are all rejected; the workspace stays byte-for-byte the same."""

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from inspector.domain.rectification import Action
from inspector.errors import UserError
from inspector.services.packages import export_package, import_package
from inspector.services.problems import create_problem
from inspector.services.rectification import EvidenceFile, act, add_item
from inspector.services.roster import my_identity
from inspector.services.workspaces import create_workspace
from inspector.storage.revisions import GENESIS, REVISION_COLUMNS, Revision
from inspector.sync import heads, keys
from inspector.sync.package import Limits, PackageError, json_depth_ok
from inspector.sync.sealed import CHUNK, Recipient, SealedReader, SealedWriter

from .team import Team


def entries_of(path: Path, reader) -> list[tuple[str, bytes]]:
    """The entries of a package encrypted to ``reader`` (a recipient's session)."""
    with (
        SealedReader(path, device_id=reader.device_id, private_key=private_key_of(reader)) as src,
        zipfile.ZipFile(src) as zf,
    ):
        return [(i.filename, zf.read(i.filename)) for i in zf.infolist()]


def repack(path: Path, entries: list[tuple[str, bytes]], *, links: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in links:
                info.external_attr = 0o120777 << 16
            zf.writestr(info, data)
    return path


def private_key_of(session) -> str:
    return session.workspace.get_local("private_key")


COLUMNS = REVISION_COLUMNS.split(", ")


def as_dict(line):
    """A package's revision line (its stored columns) as a dict, fields and bases parsed."""
    if not isinstance(line, list) or len(line) != len(COLUMNS):
        return line
    d = dict(zip(COLUMNS, line, strict=True))
    d["fields"], d["base"] = json.loads(d["fields"]), json.loads(d["base"])
    return d


def as_columns(d):
    """Back to stored columns (lines edited into something else are written as they are)."""
    if not isinstance(d, dict) or set(d) != set(COLUMNS):
        return d
    return list(Revision(**d | {"base": tuple(d["base"])}).row())


def rechain(lines):
    """Recompute each laptop's chain links after an edit, as the forging laptop could."""
    previous = {}
    for line in sorted(lines, key=lambda x: (x["device_id"], x["seq"])):
        prev = previous.get(line["device_id"], GENESIS if line["seq"] == 1 else None)
        if prev is not None:
            line["chain"] = Revision(
                **{k: v for k, v in line.items() if k != "chain"} | {"base": tuple(line["base"])}
            ).link(prev)
        previous[line["device_id"]] = line["chain"]


def resign(entries, key, edit_manifest=None, edit_revisions=None, relink=True):
    """Re-sign a package after changing it, as a laptop holding ``key`` could."""
    d = dict(entries)
    manifest = json.loads(d["manifest.json"])
    if edit_revisions is not None:
        lines = [as_dict(json.loads(x)) for x in d["revisions.jsonl"].splitlines()]
        edit_revisions(lines)
        if relink:
            rechain(lines)
        data = b"".join(
            json.dumps(as_columns(x), ensure_ascii=False).encode() + b"\n" for x in lines
        )
        d["revisions.jsonl"] = data
        manifest["entries"]["revisions.jsonl"] = {
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
        }
        # the signing laptop can sign its own chain's new head, and no other laptop's
        own = keys.public_key_of(key)
        for line in lines:
            device = line["device_id"] if isinstance(line, dict) else None
            head = manifest.get("heads", {}).get(device)
            if head and head["key"] == own and line["seq"] >= head["seq"]:
                manifest["heads"][device] = heads.sign(
                    key, device, line["seq"], line["chain"]
                ).as_dict()
    if edit_manifest is not None:
        edit_manifest(manifest)
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    d["manifest.json"] = body
    d["manifest.sig"] = keys.sign(key, body)
    return list(d.items())


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    team = Team(folder, members=3)
    leader, wang, zhao, chen = team.laptops
    team.send(leader, wang)
    pid = create_problem(wang, court_id=team.court, category="消极执行", description="原问题")
    item = add_item(wang, problem_id=pid, measure="m", kind="长期坚持")
    act(wang, item_id=item, action=Action.START)
    act(
        wang,
        item_id=item,
        action=Action.SUBMIT,
        evidence=[EvidenceFile("a.txt", b"evidence A"), EvidenceFile("b.txt", b"evidence B")],
    )
    everyone = [s.member_id for s in team.laptops]
    old = export_package(wang, path=folder / "old.ledgerpkg", to=everyone)
    create_problem(wang, court_id=team.court, category="消极执行", description="新问题")
    good = export_package(wang, path=folder / "good.ledgerpkg", to=everyone)
    to_leader = export_package(wang, path=folder / "to-leader.ledgerpkg")
    import_package(chen, path=old.path)
    stranger = create_workspace(folder / "stranger.ledger", member_name="陌生人")
    sealed_foreign = export_package(stranger, path=folder / "foreign-sealed.ledgerpkg")
    # a stranger's laptop could as well send it unencrypted, readable by anyone
    foreign = repack(folder / "foreign.ledgerpkg", entries_of(sealed_foreign.path, stranger))
    stranger.close()
    import_package(
        zhao, path=good.path
    )  # zhao holds the newer one: the old one is a replay for him
    yield {
        "team": team,
        "good": good.path,
        "old": old.path,
        "foreign": foreign,
        "to_leader": to_leader.path,
        "folder": folder,
        "item": item,
    }
    team.close()


def build(name, setup):
    """The hostile corpus: name → path of the package to try on the leader's laptop."""
    folder: Path = setup["folder"]
    good: Path = setup["good"]
    wang = setup["team"].laptops[1]
    leader = setup["team"].laptops[0]
    out = folder / f"{name}.ledgerpkg"
    entries = entries_of(good, leader)
    raw = good.read_bytes()
    if name == "byte_flip":
        data = bytearray(raw)
        data[len(data) // 3] ^= 0xFF
        out.write_bytes(bytes(data))
    elif name == "truncated":
        out.write_bytes(raw[: len(raw) // 2])
    elif name == "truncated_at_chunk_end":
        # a package of several chunks cut after whole chunks: only the final-chunk flag
        # shows that the end is missing
        junk = os.urandom(3 * CHUNK)
        plain = repack(folder / "plain.zip", [*entries, (f"blobs/{'0' * 64}", junk)]).read_bytes()
        sealed = io.BytesIO()
        writer = SealedWriter(
            sealed,
            sender_device=wang.device_id,
            recipients=[Recipient(leader.device_id, "组长", my_identity(leader).box_key)],
        )
        writer.write(plain)
        writer.finish()
        data = sealed.getvalue()
        body = len(data) - (len(plain) + (-(-len(plain) // CHUNK)) * 16)
        out.write_bytes(data[: body + 2 * (CHUNK + 16)])
    elif name == "for_another_recipient":
        out.write_bytes(setup["to_leader"].read_bytes())
    elif name == "plain_byte_flip":
        repack(out, entries)
        data = bytearray(out.read_bytes())
        data[len(data) // 3] ^= 0xFF
        out.write_bytes(bytes(data))
    elif name == "empty":
        out.write_bytes(b"")
    elif name == "not_a_zip":
        out.write_bytes("这不是台账包".encode() * 100)
    elif name == "swapped_attachments":
        blobs = [(n, d) for n, d in entries if n.startswith("blobs/")]
        swapped = {blobs[0][0]: blobs[1][1], blobs[1][0]: blobs[0][1]}
        repack(out, [(n, swapped.get(n, d)) for n, d in entries])
    elif name == "altered_revision":
        repack(
            out,
            [
                (n, d.replace("新问题".encode(), "改问题".encode()))
                if n == "revisions.jsonl"
                else (n, d)
                for n, d in entries
            ],
        )
    elif name == "altered_manifest":
        repack(
            out,
            [
                (n, d.replace("王芳".encode(), "组长".encode())) if n == "manifest.json" else (n, d)
                for n, d in entries
            ],
        )
    elif name == "spliced_manifest":
        old = dict(entries_of(setup["old"], leader))
        repack(
            out,
            [(n, old[n]) if n in ("manifest.json", "manifest.sig") else (n, d) for n, d in entries],
        )
    elif name == "zip_slip":
        repack(out, [*entries, ("../../evil.sh", b"rm -rf /")])
    elif name == "absolute_path":
        repack(out, [*entries, ("/etc/cron.d/evil", b"x")])
    elif name == "backslash_path":
        repack(out, [*entries, ("blobs\\..\\..\\evil", b"x")])
    elif name == "duplicate_entry":
        repack(out, [*entries, ("revisions.jsonl", b"{}\n")])
    elif name == "symlink":
        repack(out, [*entries, ("blobs/" + "0" * 64, b"/etc/passwd")], links=("blobs/" + "0" * 64,))
    elif name == "zip_bomb":
        repack(out, [*entries, ("blobs/" + "f" * 64, b"\0" * (64 * 1024 * 1024))])
    elif name == "deep_json_manifest":
        repack(
            out,
            [
                (n, b"[" * 200_000 + b"]" * 200_000) if n == "manifest.json" else (n, d)
                for n, d in entries
            ],
        )
    elif name == "deep_json_revision":

        def deepen(lines):
            lines[-1]["fields"]["description"] = json.loads("[" * 50 + "]" * 50)

        repack(out, resign(entries, private_key_of(wang), edit_revisions=deepen))
    elif name == "replay_old_package":
        out.write_bytes(setup["old"].read_bytes())
    elif name == "unknown_signer":
        out.write_bytes(setup["foreign"].read_bytes())
    elif name == "signed_by_another_member":
        # zhao's key signs a manifest that claims to come from wang
        zhao = setup["team"].laptops[2]
        repack(out, resign(entries, private_key_of(zhao)))
    elif name == "newer_format":
        repack(
            out,
            resign(
                entries, private_key_of(wang), edit_manifest=lambda m: m.update(format_version=99)
            ),
        )
    elif name == "newer_schema":
        repack(
            out,
            resign(
                entries, private_key_of(wang), edit_manifest=lambda m: m.update(schema_version=999)
            ),
        )
    elif name == "dangling_reference":

        def elsewhere(lines):
            for line in lines:
                if (
                    line["record_type"] == "problem"
                    and line["fields"].get("description") == "新问题"
                ):
                    line["fields"]["court_id"] = "00000000-0000-4000-8000-000000000000"

        repack(out, resign(entries, private_key_of(wang), edit_revisions=elsewhere))
    elif name == "inspector_closes_an_item":

        def close(lines):
            for line in lines:
                if line["record_type"] == "item_event" and line["fields"].get("action") == "submit":
                    line["fields"]["action"] = "close"
                    line["fields"]["to_state"] = "已销号"

        repack(out, resign(entries, private_key_of(wang), edit_revisions=close))
    elif name == "forged_leader_revision":
        top = json.loads(dict(entries)["manifest.json"])["revisions"][leader.device_id][1]

        def forge(lines):
            last = dict(lines[-1])
            last.update(device_id=leader.device_id, seq=top + 1, id=f"{leader.device_id}:{top + 1}")
            lines.append(last)

        def extend(m):
            m["revisions"][leader.device_id][1] = top + 1

        repack(
            out, resign(entries, private_key_of(wang), edit_revisions=forge, edit_manifest=extend)
        )
    elif name == "rewritten_history":

        def rewrite(lines):
            for line in lines:
                if line["record_type"] == "problem" and line["op"] == "create":
                    line["fields"]["description"] = "改写后的问题"

        repack(out, resign(entries, private_key_of(wang), edit_revisions=rewrite, relink=False))
    elif name == "list_in_a_text_field":

        def listed(lines):
            for line in lines:
                if line["record_type"] == "problem" and line["op"] == "create":
                    line["fields"]["description"] = ["不是", "文本"]

        repack(out, resign(entries, private_key_of(wang), edit_revisions=listed))
    elif name == "old_format":
        repack(
            out,
            resign(
                entries, private_key_of(wang), edit_manifest=lambda m: m.update(format_version=1)
            ),
        )
    elif name == "range_mismatch":
        repack(
            out, resign(entries, private_key_of(wang), edit_revisions=lambda lines: lines.pop(3))
        )
    elif name == "unknown_record_type":

        def bad_type(lines):
            lines[-1]["record_type"] = "secrets"

        repack(out, resign(entries, private_key_of(wang), edit_revisions=bad_type))
    elif name == "fields_not_an_object":

        def scalar_fields(lines):
            lines[-1] = as_columns(lines[-1])
            lines[-1][8] = '"问题"'

        repack(
            out, resign(entries, private_key_of(wang), edit_revisions=scalar_fields, relink=False)
        )
    elif name == "missing_column":

        def drop_column(lines):
            lines[-1] = list(as_columns(lines[-1]))[:11]

        repack(out, resign(entries, private_key_of(wang), edit_revisions=drop_column, relink=False))
    elif name == "sequence_as_text":

        def text_seq(lines):
            lines[-1] = list(as_columns(lines[-1]))
            lines[-1][2] = str(lines[-1][2])

        repack(out, resign(entries, private_key_of(wang), edit_revisions=text_seq, relink=False))
    elif name == "unknown_field":

        def bad_field(lines):
            lines[-1]["fields"]["__proto__"] = 1

        repack(out, resign(entries, private_key_of(wang), edit_revisions=bad_field))
    elif name == "missing_attachment":
        kept = [(n, d) for n, d in entries if not n.startswith("blobs/")]

        def drop_blobs(m):
            m["entries"] = {k: v for k, v in m["entries"].items() if not k.startswith("blobs/")}

        repack(out, resign(kept, private_key_of(wang), edit_manifest=drop_blobs))
    elif name == "changed_known_revision":

        def rewrite_leaders(lines):
            for line in lines:
                if line["device_id"] == leader.device_id:
                    line["created_at"] = "2001-01-01T00:00:00+08:00"

        repack(out, resign(entries, private_key_of(wang), edit_revisions=rewrite_leaders))
    elif name == "same_id_other_content":
        # the same package id as one already imported, different content (re-signed)
        entries = entries_of(setup["old"], leader)
        repack(
            out,
            resign(
                entries,
                private_key_of(wang),
                edit_revisions=lambda lines: lines[-1].update(
                    created_at="2001-01-01T00:00:00+08:00"
                ),
            ),
        )
    else:
        raise AssertionError(name)
    return out


CORPUS = [
    "dangling_reference",
    "byte_flip",
    "truncated",
    "truncated_at_chunk_end",
    "for_another_recipient",
    "plain_byte_flip",
    "empty",
    "not_a_zip",
    "swapped_attachments",
    "altered_revision",
    "altered_manifest",
    "spliced_manifest",
    "zip_slip",
    "absolute_path",
    "backslash_path",
    "duplicate_entry",
    "symlink",
    "zip_bomb",
    "deep_json_manifest",
    "deep_json_revision",
    "replay_old_package",
    "unknown_signer",
    "signed_by_another_member",
    "newer_format",
    "newer_schema",
    "inspector_closes_an_item",
    "forged_leader_revision",
    "range_mismatch",
    "rewritten_history",
    "list_in_a_text_field",
    "old_format",
    "unknown_record_type",
    "unknown_field",
    "fields_not_an_object",
    "missing_column",
    "sequence_as_text",
    "missing_attachment",
    "changed_known_revision",
    "same_id_other_content",
]
assert len(CORPUS) == len(set(CORPUS))
#: who tries each package: the leader has imported nothing from wang yet; zhao already
#: imported wang's newer package (and the old one, for the same-id case)
RECEIVER = {"replay_old_package": 2, "same_id_other_content": 3, "for_another_recipient": 2}
#: the reason each one is refused
EXPECT = {
    "dangling_reference": "缺少所引用的记录",
    "byte_flip": "被改动",
    "truncated": "不完整",
    "truncated_at_chunk_end": "被截断",
    "for_another_recipient": "本机不是接收人",
    "plain_byte_flip": "修改记录",
    "empty": "不完整",
    "not_a_zip": "不是台账包",
    "swapped_attachments": "与清单不符",
    "altered_revision": "与清单不符",
    "altered_manifest": "签名无效",
    "spliced_manifest": "与清单不符",
    "zip_slip": "不允许的条目",
    "absolute_path": "不允许的条目",
    "backslash_path": "不允许的条目",
    "duplicate_entry": "重复条目",
    "symlink": "链接",
    "zip_bomb": "压缩炸弹",
    "deep_json_manifest": "嵌套过深",
    "deep_json_revision": "嵌套过深",
    "replay_old_package": "防止重放",
    "unknown_signer": "不在本组名册中",
    "signed_by_another_member": "签名无效",
    "newer_format": "请升级软件",
    "newer_schema": "请升级软件",
    "inspector_closes_an_item": "没有组长或核查人权限",
    "forged_leader_revision": "李建国的电脑的修改记录签名无效",
    "range_mismatch": "范围不一致",
    "rewritten_history": "修改记录链在第",
    "list_in_a_text_field": "格式无效",
    "old_format": "旧版软件",
    "unknown_record_type": "记录类型",
    "unknown_field": "未知字段",
    "fields_not_an_object": "未知字段",
    "missing_column": "格式无效",
    "sequence_as_text": "缺少必要内容",
    "missing_attachment": "缺少2个附件",
    "changed_known_revision": "签名无效",
    "same_id_other_content": "内容不同",
}


def workspace_bytes(session):
    path = session.workspace.path
    out = {}
    for suffix in ("", "-wal"):
        p = Path(str(path) + suffix)
        out[suffix] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return out


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("name", CORPUS)
def test_hostile_package_is_rejected_and_the_workspace_is_unchanged(name, setup):
    receiver = setup["team"].laptops[RECEIVER.get(name, 0)]
    path = build(name, setup)
    before = workspace_bytes(receiver)
    with pytest.raises(UserError) as err:
        import_package(receiver, path=path)
    message = str(err.value)
    assert EXPECT[name] in message and "\n" not in message
    assert workspace_bytes(receiver) == before, name


def test_small_limits_are_enforced(setup):
    leader = setup["team"].laptops[0]
    with pytest.raises(PackageError, match="条目过多"):
        import_package(leader, path=setup["good"], limits=Limits(max_entries=2))
    with pytest.raises(PackageError, match="过大"):
        import_package(leader, path=setup["good"], limits=Limits(max_entry_bytes=10))


def test_json_depth_scanner_ignores_brackets_in_strings():
    assert json_depth_ok(b'{"a": "[[[[[[[[[["}', 2)
    assert not json_depth_ok(b"[[[[1]]]]", 3)
    assert json_depth_ok(b'["\\"[[[["]', 1)


def test_packages_of_older_formats_are_refused_with_a_clear_message(tmp_path):
    """Packages from before laptops signed their own chains (format 3 and older) cannot prove
    who wrote each revision: they are refused, asking for a new export."""
    team = Team(tmp_path, members=1)
    try:
        leader, wang = team.laptops
        team.send(leader, wang)
        create_problem(wang, court_id=team.court, category="消极执行", description="旧版问题")
        current = export_package(wang, path=tmp_path / "v4.ledgerpkg")

        def to_format_3(m):
            m.update(format_version=3)
            m.pop("heads")

        entries = resign(
            entries_of(current.path, leader), private_key_of(wang), edit_manifest=to_format_3
        )
        old = repack(tmp_path / "v3.ledgerpkg", entries)
        with pytest.raises(PackageError, match=r"旧版软件导出.*重新导出"):
            import_package(leader, path=old)
    finally:
        team.close()


def test_a_batch_referring_to_a_missing_record_is_refused_and_keeps_nothing(setup):
    from inspector.services.packages import import_packages

    leader = setup["team"].laptops[0]
    path = build("dangling_reference", setup)
    before = workspace_bytes(leader)
    with pytest.raises(UserError, match="缺少所引用的记录"):
        import_packages(leader, paths=[path])
    assert workspace_bytes(leader) == before
