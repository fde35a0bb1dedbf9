"""The fill-in workbook (填报表) of a court that does not run the app: exported for one court,
opened and filled in with openpyxl as the court's clerk would in Excel (good rows and bad),
checked row by row with nothing written, then imported — only the valid rows, once."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from inspector.cli import main as cli
from inspector.domain import court_workbook as layout
from inspector.domain.rectification import State
from inspector.errors import UserError
from inspector.services import records
from inspector.services.court_workbook import (
    export_court_workbook,
    import_court_workbook,
    preview_court_workbook,
)
from inspector.services.problems import create_problem
from inspector.services.rectification import add_item, add_progress, item_events
from inspector.services.team import add_court
from tests.sync.court_ledger import COLUMN, Ledger, clerk_fills, fill, revisions, rows_by_item


@pytest.fixture
def ledger(session):
    return Ledger(session)


@pytest.fixture
def workbook(ledger, tmp_path):
    """The first court's workbook, as exported (its evidence folder beside it)."""
    out = tmp_path / "填报表.xlsx"
    export_court_workbook(ledger.session, court=ledger.court, path=out)
    return out


def test_the_workbook_holds_one_court_locked_where_the_team_wrote(ledger, tmp_path):
    s = ledger.session
    out = tmp_path / "五华区填报表.xlsx"
    result = export_court_workbook(s, court="云0102", path=out)
    assert result.rows == 8 and result.evidence_dir == tmp_path / "五华区填报表_佐证材料"
    assert result.evidence_dir.is_dir()
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["填报表", "填写说明"]
    sheet = book["填报表"]
    assert sheet.protection.sheet and book["填写说明"].protection.sheet
    assert [
        sheet.cell(layout.HEADER_ROW, c).value for c in range(1, len(layout.COLUMNS) + 1)
    ] == list(layout.COLUMNS)
    assert sheet.column_dimensions["A"].hidden and sheet.column_dimensions["B"].hidden
    # only this court's items, the other court's nowhere in the file
    items = rows_by_item(sheet)
    assert set(items) == {
        ledger.pending,
        ledger.started,
        ledger.dated,
        ledger.kinded,
        ledger.missing,
        ledger.closed,
        ledger.altered,
        ledger.deleted,
    }
    with zipfile.ZipFile(out) as z:
        everything = b"".join(z.read(n) for n in z.namelist()).decode("utf-8", "replace")
    assert "盘龙区" not in everything and ledger.foreign not in everything
    # the team's columns locked, the court's unlocked (except on a closed item), prefilled
    row = items[ledger.pending]
    for name in (*layout.HIDDEN_COLUMNS, *layout.TEAM_COLUMNS):
        assert sheet.cell(row, COLUMN[name]).protection.locked, name
    for name in layout.COURT_COLUMNS:
        assert not sheet.cell(row, COLUMN[name]).protection.locked, name
        assert sheet.cell(items[ledger.closed], COLUMN[name]).protection.locked, name
    assert sheet.cell(row, COLUMN[layout.MEASURE]).value == "三个工作日内完成网络查控"
    assert sheet.cell(row, COLUMN[layout.UNIT]).value == "执行局"
    assert sheet.cell(row, COLUMN[layout.KIND]).value == "限期整改"
    assert sheet.cell(row, COLUMN[layout.DEADLINE]).value == dt.datetime(2025, 12, 31)
    assert sheet.cell(row, COLUMN[layout.SUBMIT]).value == "否"
    assert "例证：（2024）云0102执123号" in sheet.cell(row, COLUMN[layout.DESCRIPTION]).value
    assert sheet.cell(items[ledger.closed], COLUMN[layout.EVIDENCE]).value == "结案统计.xlsx"
    # data validation on the court's columns
    rules = {str(v.sqref).split(":")[0][0]: v for v in sheet.data_validations.dataValidation}
    letter = {name: openpyxl.utils.get_column_letter(c) for name, c in COLUMN.items()}
    assert rules[letter[layout.KIND]].type == "list"
    assert "限期整改" in rules[letter[layout.KIND]].formula1
    assert rules[letter[layout.DEADLINE]].type == "date"
    assert rules[letter[layout.SUBMIT]].formula1 == '"是,否"'
    for name in (layout.MEASURE, layout.UNIT, layout.PERSON, layout.PROGRESS, layout.EVIDENCE):
        assert rules[letter[name]].type == "textLength", name
    # printed A3 landscape, one page wide, the headers on every page
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 8
    assert sheet.print_title_rows == "$3:$4"
    assert "佐证材料" in sheet.cell(layout.NOTE_ROW, 3).value
    assert "五华区填报表_佐证材料" in "".join(str(c.value) for c in book["填写说明"]["A"])


def test_a_filled_workbook_is_checked_row_by_row_then_only_valid_rows_land(ledger, tmp_path):
    s = ledger.session
    out = tmp_path / "填报表.xlsx"
    export_court_workbook(s, court="昆明市五华区人民法院", path=out)
    # the team deletes an item after sending the workbook
    records.delete(s, "rectification_item", ledger.deleted)
    # the clerk fills the workbook in
    book = openpyxl.load_workbook(out)
    sheet = book["填报表"]
    at = rows_by_item(sheet)
    fill(sheet, at[ledger.pending], layout.MEASURE, "两个工作日内完成网络查控并记录")
    fill(sheet, at[ledger.pending], layout.PERSON, "张三")
    fill(sheet, at[ledger.pending], layout.PROGRESS, "已完成全部案件的网络查控")
    fill(sheet, at[ledger.pending], layout.EVIDENCE, "查控记录.pdf；照片.jpg")
    fill(sheet, at[ledger.pending], layout.SUBMIT, "是")
    fill(sheet, at[ledger.started], layout.DEADLINE, dt.datetime(2026, 1, 15))
    fill(sheet, at[ledger.started], layout.KIND, "长期坚持")
    fill(sheet, at[ledger.dated], layout.DEADLINE, "下个月底")
    fill(sheet, at[ledger.kinded], layout.KIND, "马上就改")
    fill(sheet, at[ledger.missing], layout.EVIDENCE, "送达回证.pdf")
    fill(sheet, at[ledger.closed], layout.MEASURE, "重新规范结案方式")
    fill(sheet, at[ledger.altered], layout.DESCRIPTION, "问题不存在")
    fill(sheet, at[ledger.deleted], layout.PROGRESS, "已撤销")
    pasted = sheet.max_row + 1  # another court's item id pasted into a new row
    fill(sheet, pasted, layout.ID, ledger.foreign)
    fill(sheet, pasted, layout.MEASURE, "盘龙区的整改")
    fill(sheet, pasted, layout.KIND, "立行立改")
    book.save(out)
    folder = tmp_path / "填报表_佐证材料"
    (folder / "查控记录.pdf").write_bytes(b"%PDF-1.4 control records")
    (folder / "照片.jpg").write_bytes(b"\xff\xd8\xff photo")

    before = revisions(s)
    preview = preview_court_workbook(s, path=out)
    assert revisions(s) == before  # nothing written by the check
    reasons = {r.row: r.reason for r in preview.rejected}
    assert set(reasons) == {
        at[ledger.dated],
        at[ledger.kinded],
        at[ledger.missing],
        at[ledger.closed],
        at[ledger.altered],
        at[ledger.deleted],
        pasted,
    }
    assert "“下个月底”不是日期" in reasons[at[ledger.dated]]
    assert "整改类型“马上就改”无效" in reasons[at[ledger.kinded]]
    assert "佐证材料“送达回证.pdf”不在文件夹“填报表_佐证材料”中" in reasons[at[ledger.missing]]
    assert "已销号" in reasons[at[ledger.closed]]
    assert "灰色列" in reasons[at[ledger.altered]] and "被改动" in reasons[at[ledger.altered]]
    assert "已被巡查组删除" in reasons[at[ledger.deleted]]
    assert "昆明市盘龙区人民法院的整改事项" in reasons[pasted]
    accepted = {c.item_id: c for c in preview.accepted}
    assert set(accepted) == {ledger.pending, ledger.started}
    change = accepted[ledger.pending]
    assert change.updates == {
        "measure": "两个工作日内完成网络查控并记录",
        "responsible_person": "张三",
    }
    assert change.progress == "已完成全部案件的网络查控"
    assert [e.filename for e in change.evidence] == ["查控记录.pdf", "照片.jpg"]
    assert change.start and change.submit
    assert "申请核查" in change.describe()
    assert accepted[ledger.started].updates == {
        "kind": "长期坚持",
        "deadline": dt.date(2026, 1, 15),
    }
    assert preview.unchanged == 0

    # nothing is written without the user's acceptance
    assert not import_court_workbook(s, path=out, accept=False).applied
    assert revisions(s) == before

    result = import_court_workbook(s, path=out)
    assert result.applied and len(result.accepted) == 2
    item = records.get(s, "rectification_item", ledger.pending)
    assert item["measure"] == "两个工作日内完成网络查控并记录"
    assert item["responsible_person"] == "张三" and item["responsible_unit"] == "执行局"
    assert item["last_progress"] == "已完成全部案件的网络查控"
    assert item["state"] == State.AWAITING_CHECK
    attached = records.find(s, "attachment", "owner_id = ?", (ledger.pending,))
    assert {a["filename"]: a["sha256"] for a in attached} == {
        "查控记录.pdf": hashlib.sha256(b"%PDF-1.4 control records").hexdigest(),
        "照片.jpg": hashlib.sha256(b"\xff\xd8\xff photo").hexdigest(),
    }
    from inspector.services.attachments import attachment_data

    by_name = {a["filename"]: a["id"] for a in attached}
    assert attachment_data(s, attachment_id=by_name["照片.jpg"]) == b"\xff\xd8\xff photo"
    started = records.get(s, "rectification_item", ledger.started)
    assert started["kind"] == "长期坚持" and started["deadline"] == "2026-01-15"
    # the rejected rows changed nothing
    assert records.get(s, "rectification_item", ledger.closed)["measure"] == "规范结案方式填写"
    assert records.get(s, "rectification_item", ledger.kinded)["kind"] == "限期整改"
    assert records.get(s, "rectification_item", ledger.foreign)["measure"] == "盘龙区的整改事项"

    # the same workbook again: nothing changes
    after = revisions(s)
    events = len(item_events(s, item_id=ledger.pending))
    again = import_court_workbook(s, path=out)
    assert again.accepted == [] and again.unchanged == 2 and len(again.rejected) == 7
    assert revisions(s) == after
    assert len(item_events(s, item_id=ledger.pending)) == events


def test_a_field_the_team_changed_after_the_export_is_not_overwritten(ledger, workbook):
    s, out = ledger.session, workbook
    at = clerk_fills(
        out,
        {
            ledger.pending: {layout.UNIT: "执行一庭"},
            ledger.started: {layout.PROGRESS: "已建立台账"},  # the unit left as exported
        },
    )
    from inspector.services.rectification import update_item

    update_item(s, item_id=ledger.pending, responsible_unit="执行指挥中心")
    update_item(s, item_id=ledger.started, responsible_unit="执行二庭")
    preview = preview_court_workbook(s, path=out)
    assert [r.row for r in preview.rejected] == [at[ledger.pending]]
    assert "已被巡查组改为“执行指挥中心”" in preview.rejected[0].reason
    assert [c.item_id for c in preview.accepted] == [ledger.started]
    assert preview.accepted[0].updates == {}  # the team's 执行二庭 stays


def test_asking_for_checking_needs_evidence(ledger, workbook):
    s, out = ledger.session, workbook
    row = clerk_fills(out, {ledger.started: {layout.SUBMIT: "是"}})[ledger.started]
    preview = preview_court_workbook(s, path=out)
    assert [r.row for r in preview.rejected] == [row]
    assert "申请核查需要至少一份佐证材料" in preview.rejected[0].reason


def test_a_deadline_is_needed_by_an_item_to_fix_by_a_deadline(ledger, workbook):
    s, out = ledger.session, workbook
    at = clerk_fills(
        out,
        {
            ledger.pending: {layout.DEADLINE: None},  # 限期整改 left without a deadline
            ledger.started: {layout.KIND: "立行立改", layout.DEADLINE: None},
        },
    )
    preview = preview_court_workbook(s, path=out)
    assert [(r.row, r.reason) for r in preview.rejected] == [
        (at[ledger.pending], "限期整改事项必须填写整改时限")
    ]
    assert preview.accepted[0].updates == {"kind": "立行立改", "deadline": None}


def test_evidence_files_are_found_beside_the_workbook_or_in_a_folder_given(ledger, tmp_path):
    s = ledger.session
    out = tmp_path / "sent" / "填报表.xlsx"
    export_court_workbook(s, court=ledger.court, path=out)
    (tmp_path / "sent" / "填报表_佐证材料").rmdir()  # the clerk put the files beside it
    clerk_fills(out, {ledger.started: {layout.EVIDENCE: "台账.PDF;../secret.txt"}})
    (tmp_path / "sent" / "台账.pdf").write_bytes(b"ledger")
    preview = preview_court_workbook(s, path=out)
    assert "含有文件夹" in preview.rejected[0].reason
    assert any("填报表所在的文件夹" in n for n in preview.notes)
    clerk_fills(out, {ledger.started: {layout.EVIDENCE: "台账.PDF"}})  # any case, as on Windows
    assert [e.filename for e in preview_court_workbook(s, path=out).accepted[0].evidence] == [
        "台账.pdf"
    ]
    elsewhere = tmp_path / "材料"
    elsewhere.mkdir()
    with pytest.raises(UserError, match="不在文件夹“材料”中"):
        raise UserError(
            preview_court_workbook(s, path=out, evidence_dir=elsewhere).rejected[0].reason
        )
    with pytest.raises(UserError, match="不存在"):
        preview_court_workbook(s, path=out, evidence_dir=tmp_path / "没有")


def test_a_file_too_large_is_refused_before_it_is_read(ledger, workbook, tmp_path, monkeypatch):
    from inspector.services import attachments

    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 10)
    s, out = ledger.session, workbook
    clerk_fills(out, {ledger.started: {layout.EVIDENCE: "录像.mp4"}})
    (tmp_path / "填报表_佐证材料" / "录像.mp4").write_bytes(b"x" * 100)
    preview = preview_court_workbook(s, path=out)
    assert "超过 200 MB" in preview.rejected[0].reason


def test_broken_and_foreign_files_are_refused_in_one_chinese_sentence(ledger, workbook, tmp_path):
    s, out = ledger.session, workbook
    before = revisions(s)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(out.read_bytes()[:2000])
    with pytest.raises(UserError, match="已损坏"):
        import_court_workbook(s, path=cut)
    text = tmp_path / "填报表.docx.xlsx"
    text.write_text("这不是表格", encoding="utf-8")
    with pytest.raises(UserError, match="不是 Excel 表格"):
        import_court_workbook(s, path=text)
    csv = tmp_path / "填报表.csv"
    csv.write_text("序号,整改措施\n1,x\n", encoding="utf-8")
    with pytest.raises(UserError, match="不是 xlsx 格式"):
        import_court_workbook(s, path=csv)
    other = tmp_path / "别的表.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["序号", "整改措施"])
    book.save(other)
    with pytest.raises(UserError, match="不是巡查台账导出的法院填报表"):
        import_court_workbook(s, path=other)
    assert revisions(s) == before


def test_an_encrypted_workbook_is_explained(ledger, workbook, tmp_path):
    import io

    import msoffcrypto.format.ooxml

    s, out = ledger.session, workbook
    locked = tmp_path / "加密.xlsx"
    with out.open("rb") as f:
        encrypted = io.BytesIO()
        msoffcrypto.format.ooxml.OOXMLFile(f).encrypt("1234", encrypted)
    locked.write_bytes(encrypted.getvalue())
    with pytest.raises(UserError, match="设有打开密码"):
        preview_court_workbook(s, path=locked)


def test_a_court_without_items_has_no_workbook(session, tmp_path):
    add_court(session, name="昆明市官渡区人民法院", level="基层", code="云0111")
    with pytest.raises(UserError, match="还没有整改事项"):
        export_court_workbook(session, court="云0111", path=tmp_path / "x.xlsx")
    with pytest.raises(UserError, match="没有法院"):
        export_court_workbook(session, court="没有这个法院", path=tmp_path / "x.xlsx")


def test_the_command_line_exports_checks_and_imports(ledger, tmp_path, capsys):
    s = ledger.session
    workspace = str(s.workspace.path)
    out = tmp_path / "填报表.xlsx"
    s.close()
    assert cli(["court-workbook", "export", workspace, "--court", "云0102", "--out", str(out)]) == 0
    assert "填报表.xlsx" in capsys.readouterr().out
    at = clerk_fills(
        out, {ledger.started: {layout.PROGRESS: "台账已建立"}, ledger.kinded: {layout.KIND: "随便"}}
    )
    assert cli(["court-workbook", "import", workspace, str(out), "--dry-run"]) == 0
    text = capsys.readouterr().out
    number = openpyxl.load_workbook(out)["填报表"].cell(at[ledger.kinded], COLUMN[layout.NUMBER])
    assert f"第{at[ledger.kinded]}行（序号{number.value}）：拒绝，整改类型“随便”无效" in text
    assert "新增整改进展“台账已建立”" in text and "将更新1项" in text
    assert cli(["court-workbook", "import", workspace, str(out), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] is False and [r["row"] for r in data["rejected"]] == [at[ledger.kinded]]
    assert data["accepted"][0]["progress"] == "台账已建立"
    assert cli(["court-workbook", "import", workspace, str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["applied"] is True
    assert cli(["court-workbook", "import", workspace, str(out)]) == 0
    assert "已更新0项" not in capsys.readouterr().out  # nothing left to change: not applied
    from inspector.services.session import open_session

    again = open_session(workspace)
    try:
        assert (
            records.get(again, "rectification_item", ledger.started)["last_progress"]
            == "台账已建立"
        )
    finally:
        again.close()
    assert cli(["court-workbook", "import", workspace, str(tmp_path / "没有.xlsx")]) == 1
    assert "找不到文件" in capsys.readouterr().err


def test_text_pasted_from_word_reads_back_as_exported(session, tmp_path):
    """Word's line breaks (\\x0b), Windows line ends and control characters in the ledger are
    not something a cell can hold: the row still reads back unchanged, not as altered."""
    court = add_court(session, name="昆明市西山区人民法院", level="基层", code="云0112")
    problem = create_problem(
        session, court_id=court, category="消极执行", description="第一段\x0b第二段\r\n第三段\x01"
    )
    item = add_item(
        session, problem_id=problem, measure="措施一\r\n措施二", kind="立行立改", deadline=None
    )
    add_progress(session, item_id=item, note="进展\x0b已部署")
    out = tmp_path / "西山区.xlsx"
    export_court_workbook(session, court=court, path=out)
    preview = preview_court_workbook(session, path=out)
    assert (preview.rows, preview.unchanged, preview.rejected) == (1, 1, [])


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_again_by_another_office_suite_reads_back_as_filled(
    ledger, workbook, tmp_path
):
    """The clerk's office suite rewrites the whole file (its own strings, styles and dates):
    the rows still read back, the team's columns unaltered, the court's changes seen."""
    s, out = ledger.session, workbook
    clerk_fills(out, {ledger.started: {layout.DEADLINE: dt.datetime(2026, 2, 27)}})
    saved = tmp_path / "saved"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(saved), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    preview = preview_court_workbook(s, path=saved / out.name, evidence_dir=tmp_path)
    assert (preview.rows, preview.unchanged, preview.rejected) == (8, 7, [])
    assert preview.accepted[0].updates == {"deadline": dt.date(2026, 2, 27)}
