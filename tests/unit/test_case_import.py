"""Importing realistic messy case lists."""

import pytest

from inspector.domain.sampling import Candidate, assign_evenly, draw_sample, stratum_counts
from inspector.errors import UserError
from inspector.importers.case_list import parse_amount, parse_date
from inspector.services import records
from inspector.services.case_import import import_case_list, preview_case_list, remembered_mapping
from inspector.services.sampling import export_sampling, sample_cases
from inspector.services.team import add_court, add_member
from tests.data import messy_lists as m

WRITERS = {"xlsx": m.write_xlsx, "xls": m.write_xls, "csv": m.write_csv}


@pytest.fixture
def court(session):
    return add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_messy_list_imports_with_every_rejected_row_explained(session, court, tmp_path, kind):
    path = WRITERS[kind](tmp_path / f"list.{kind}")
    result = import_case_list(session, path=path, court="昆明市五华区人民法院")
    assert result.header_row == 4
    assert result.new == m.VALID and result.updated == 0
    rejected = {r.row: r.reason for r in result.rejected}
    assert set(rejected) == {m.excel_row(n - 1) for n in m.REJECTED}
    for n, reason in m.REJECTED.items():
        assert reason in rejected[m.excel_row(n - 1)]
    assert result.skipped >= 2  # the blank separator row and the 合计 footer
    cases = {c["case_number"]: c for c in records.find(session, "case")}
    assert set(cases) == {
        "（2024）云0102执100号",
        "（2024）云0102执101号",
        "（2024）云0102执恢7号",
        "（2024）云0102执保12号",
        "（2012）五法执字第66号",
    }
    c = cases["（2024）云0102执101号"]
    assert (c["filing_date"], c["closing_date"]) == ("2024-03-06", "2024-10-08")
    assert c["amount"] == 1_500_000.0 and c["closing_method"] == "执行完毕"
    assert cases["（2024）云0102执100号"]["closing_method"] == "终结本次执行程序"
    assert cases["（2024）云0102执100号"]["filing_date"] == "2024-03-05"
    assert cases["（2024）云0102执恢7号"]["filing_date"] == "2024-04-01"
    assert cases["（2024）云0102执恢7号"]["amount"] == 36000.0
    assert cases["（2024）云0102执保12号"]["filing_date"] == "2024-04-01"  # serial 45383
    assert cases["（2012）五法执字第66号"]["case_number_legacy"] == 1
    assert all(c["court_id"] == court for c in cases.values())


def test_reimporting_updates_instead_of_duplicating(session, court, tmp_path):
    path = m.write_xlsx(tmp_path / "list.xlsx")
    import_case_list(session, path=path, court=court)
    again = import_case_list(session, path=path, court=court)
    assert (again.new, again.updated, again.unchanged) == (0, 0, m.VALID)
    m.ROWS[1][3] = "李强"
    try:
        changed = import_case_list(session, path=m.write_xlsx(tmp_path / "list2.xlsx"), court=court)
    finally:
        m.ROWS[1][3] = "王强"
    assert (changed.new, changed.updated) == (0, 1)
    assert len(records.find(session, "case")) == m.VALID


def test_dry_run_and_preview_write_nothing(session, court, tmp_path):
    path = m.write_csv(tmp_path / "list.csv")
    result = import_case_list(session, path=path, court=court, dry_run=True)
    assert result.new == m.VALID and records.find(session, "case") == []
    parsed = preview_case_list(session, path=path)
    assert parsed.mapping[1] == "case_number" and parsed.mapped_labels["执行标的（元）"] == "amount"


def test_gbk_csv_and_a_remembered_mapping(session, court, tmp_path):
    path = m.write_csv(tmp_path / "gbk.csv", encoding="gb18030")
    mapping = {"案号": "case_number", "承办人": "judge", "到位金额": "paid_amount"}
    import_case_list(session, path=path, court=court, mapping=mapping)
    assert remembered_mapping(session, court) == mapping


def test_bad_files_give_clear_messages(session, court, tmp_path):
    with pytest.raises(UserError, match="找不到文件"):
        import_case_list(session, path=tmp_path / "missing.xlsx", court=court)
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    with pytest.raises(UserError, match="不是 Excel 表格"):
        import_case_list(session, path=pdf, court=court)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UserError, match="已损坏"):
        import_case_list(session, path=broken, court=court)
    no_header = tmp_path / "plain.csv"
    no_header.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(UserError, match="找不到表头行"):
        import_case_list(session, path=no_header, court=court)
    assert records.find(session, "case") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2017-03-05", "2017-03-05"),
        ("2017/3/5", "2017-03-05"),
        ("2017.3.5", "2017-03-05"),
        ("2017年3月5日", "2017-03-05"),
        ("42799", "2017-03-05"),
        (42799, "2017-03-05"),
        ("20170305", "2017-03-05"),
        ("２０１７－３－５", "2017-03-05"),
    ],
)
def test_date_forms(text, iso):
    assert parse_date(text).isoformat() == iso


def test_amounts():
    assert parse_amount("1,234.50元") == 1234.5
    assert parse_amount("12.5万") == 125000.0
    assert parse_amount(3, scale=10000) == 30000.0
    with pytest.raises(ValueError):
        parse_amount("-5")


def test_same_seed_gives_the_same_sample_and_the_total_is_rounded_up_once():
    population = [
        Candidate(f"id{i}", f"（2024）云0102执{i}号", "赵敏" if i % 3 else "王强")
        for i in range(1, 41)
    ]
    a = draw_sample(population, seed=7, ratio=0.3)
    b = draw_sample(list(reversed(population)), seed=7, ratio=0.3)
    assert a == b
    assert draw_sample(population, seed=8, ratio=0.3) != a
    by_judge = {s: sum(1 for c in a if c.stratum == s) for s in ("赵敏", "王强")}
    # ceil(40 × 0.3) = 12, shared 27 : 13 by largest remainder (8.1 → 8, 3.9 → 4)
    assert by_judge == {"赵敏": 8, "王强": 4}
    assert len(draw_sample(population, seed=1, count=10)) == 10
    loads = list(assign_evenly(a, ["甲", "乙", "丙"]).values())
    assert max(loads.count(x) for x in "甲乙丙") - min(loads.count(x) for x in "甲乙丙") <= 1


def test_sampling_excludes_reviewed_cases_and_is_recorded_and_exportable(session, court, tmp_path):
    import_case_list(session, path=m.write_xlsx(tmp_path / "list.xlsx"), court=court)
    wang = add_member(session, name="王芳", role="inspector")
    zhao = add_member(session, name="赵敏", role="inspector")
    result = sample_cases(session, seed=3, ratio=0.5, by="承办人")
    again = sample_cases(session, seed=3, ratio=0.5, by="承办人")
    first = records.get(session, "sampling", result.sampling_id)
    assert first["cases"] == records.get(session, "sampling", again.sampling_id)["cases"]
    assert first["population_size"] == m.VALID and first["seed"] == 3 and first["ratio"] == 0.5
    assert set(result.assignments.values()) <= {wang, zhao}
    assert first["created_by"] == session.member_id
    out = tmp_path / "sample.csv"
    assert (
        export_sampling(session, sampling_id=result.sampling_id, path=out) == first["sample_size"]
    )
    text = out.read_text(encoding="utf-8-sig")
    assert "随机种子,3" in text and "评查人" in text
    from inspector.services.reviews import create_review

    create_review(session, case_id=first["cases"][0], template_code="nodes-2021")
    later = sample_cases(session, seed=3, count=20)
    assert first["cases"][0] not in records.get(session, "sampling", later.sampling_id)["cases"]
    with pytest.raises(UserError):
        sample_cases(session, seed=3, ratio=1.5)


def test_a_stratified_ratio_draws_the_ratio_not_far_more():
    # 17 judges with 2–3 cases each: rounding every stratum up drew 26 of 43 (60 %)
    population = [
        Candidate(f"id{j}-{k}", f"（2024）云0102执{j * 10 + k}号", f"承办人{j:02d}")
        for j in range(17)
        for k in range(2 if j % 2 else 3)
    ]
    assert len(population) == 43
    sample = draw_sample(population, seed=5, ratio=0.3)
    assert len(sample) == 13  # ceil(43 × 0.3)
    counts = stratum_counts(population, sample)
    assert sum(c.drawn for c in counts) == 13 and sum(c.population for c in counts) == 43
    assert all(c.drawn <= 1 for c in counts)
    assert draw_sample(population, seed=5, ratio=1.0) == sorted(
        population, key=lambda c: (c.stratum, c.case_number)
    )


def test_a_sample_shows_population_and_draw_per_stratum_and_takes_zhongben(
    session, court, tmp_path
):
    from inspector.services.cases import add_case

    for i in range(1, 11):
        add_case(
            session,
            case_number=f"（2024）云0102执{i}号",
            court_id=court,
            judge="赵敏" if i <= 7 else "王强",
            closing_method="终本",  # the usual short form, stored as the full name
        )
    add_case(session, case_number="（2024）云0102执11号", court_id=court, closing_method="执行完毕")
    assert records.get(session, "case", find_id(session, 1))["closing_method"] == "终结本次执行程序"
    result = sample_cases(session, seed=1, ratio=0.3, by="承办人", closing_method="终本")
    assert result.population == 10 and result.sample == 3
    assert [(s.stratum, s.population, s.drawn) for s in result.strata] == [
        ("王强", 3, 1),
        ("赵敏", 7, 2),
    ]
    assert "各层：王强 1/3，赵敏 2/7" in result.summary()
    row = records.get(session, "sampling", result.sampling_id)
    assert row["strata"] == [
        {"stratum": "王强", "population": 3, "drawn": 1},
        {"stratum": "赵敏", "population": 7, "drawn": 2},
    ]
    out = tmp_path / "s.csv"
    export_sampling(session, sampling_id=result.sampling_id, path=out)
    assert "赵敏,7,2" in out.read_text(encoding="utf-8-sig")
    with pytest.raises(UserError, match="结案方式“终了”无法识别"):
        sample_cases(session, seed=1, ratio=0.3, closing_method="终了")


def find_id(session, n):
    from inspector.services.cases import find_case

    return find_case(session, f"（2024）云0102执{n}号")["id"]


def test_a_node_export_gives_one_case_with_all_its_query_dates(session, tmp_path):
    """The case-flow system exports one row per node event; each network query counts."""
    from inspector.services import records
    from inspector.services.case_import import import_case_list
    from inspector.services.team import add_court

    add_court(session, name="昆明市五华区人民法院", level="基层", code="云0102")
    export = tmp_path / "nodes.csv"
    export.write_text(
        "案号,承办人,节点名称,节点时间\n"
        "（2024）云0102执5号,张三,移送执行,2024-03-01\n"
        "（2024）云0102执5号,,网络查控（总对总）,2024-03-04\n"
        "（2024）云0102执5号,张三,网络查控（总对总）,2024-09-10\n"
        "（2024）云0102执5号,,限制消费,2024-03-20\n"
        "（2024）云0102执5号,李四,终本约谈,2024-10-01\n"
        "（2024）云0102执6号,王五,网络查控,2024-05-06\n",
        encoding="utf-8",
    )
    result = import_case_list(session, path=export)
    assert result.new == 2
    assert any("其他节点" in w for w in result.warnings)
    assert [r.row for r in result.rejected] == [6]  # another judge: not the same case's node
    case = next(c for c in records.find(session, "case") if c["case_number"].endswith("执5号"))
    assert case["network_query_dates"] == ["2024-03-04", "2024-09-10"]
    assert case["network_query_date"] == "2024-03-04"
    assert case["last_network_query_date"] == "2024-09-10"
    assert case["transfer_date"] == "2024-03-01" and case["restriction_date"] == "2024-03-20"
    # a later export adds queries, it does not forget the earlier ones
    later = tmp_path / "later.csv"
    later.write_text(
        "案号,节点名称,节点时间\n（2024）云0102执5号,网络查控,2024-12-01\n", encoding="utf-8"
    )
    import_case_list(session, path=later)
    case = records.get(session, "case", case["id"])
    assert case["network_query_dates"] == ["2024-03-04", "2024-09-10", "2024-12-01"]


def test_an_unknown_node_is_refused_with_its_name(session, tmp_path):
    from inspector.services.case_import import import_case_list

    export = tmp_path / "nodes.csv"
    export.write_text(
        "案号,节点名称,节点时间\n（2024）云0102执7号,归档,2024-03-01\n", encoding="utf-8"
    )
    result = import_case_list(session, path=export, dry_run=True)
    assert "归档" in result.rejected[0].reason


def test_an_old_form_number_of_2016_or_later_is_imported_with_a_warning(session, court, tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text(
        "案号,承办人,结案方式\n（2017）昆执字第5号,赵敏,终本\n（2015）曲中法执字第12-1号,王强,执行完毕\n",
        encoding="utf-8",
    )
    result = import_case_list(session, path=listing, court=court)
    assert result.new == 2
    assert any("1件案件的案号为旧式写法（第2行）" in w for w in result.warnings)
