"""The `perfboard` command as finance staff script it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from perfboard.cli import main
from tests.test_loader import digest, edit


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_query_csv_lists_headline_indicators_as_the_report_gives_them(capsys, seed_db):
    code, out, _ = run(capsys, "query", "indicator_progress", "--year", 2024, "--format", "csv", "--db", seed_db)
    assert code == 0
    rows = {row["indicator_code"]: row for row in csv.DictReader(io.StringIO(out))}
    # 一(三) target 2100 万元, 四.1 actual 2200.15 万元: 2200.15 / 2100 = 1.0477
    assert (rows["fundraising"]["target"], rows["fundraising"]["actual"], rows["fundraising"]["completion_rate"]) == (
        "2100", "2200.15", "1.0477")
    # 一(三) target 14; the report gives no actual: empty, not zero
    assert (rows["projects_started"]["target"], rows["projects_started"]["actual"],
            rows["projects_started"]["completion_rate"]) == ("14", "", "")


def test_query_spending_table_shows_the_totals(capsys, seed_db):
    code, out, _ = run(capsys, "query", "spending_structure", "--year", 2024, "--db", seed_db)
    assert code == 0
    assert "52318.07" in out and "801.45" in out and "51516.62" in out and "107.66" in out


def test_query_json_is_a_list_of_objects(capsys, seed_db):
    code, out, _ = run(capsys, "query", "spending_structure", "--unit", "taojiang_hitech", "--format", "json",
                       "--db", seed_db)
    records = json.loads(out)
    assert code == 0 and isinstance(records, list)
    total = next(r for r in records if r["item_code"] == "total")
    assert total["amount"] == 52318.07 and total["parent_code"] is None


def test_query_for_a_year_without_data_exits_2_naming_the_years(capsys, seed_db):
    code, out, err = run(capsys, "query", "indicator_progress", "--year", 2019, "--db", seed_db)
    assert code == 2 and out == "" and "没有 2019 的数据" in err and "taojiang_hitech（2024）" in err


def test_query_unknown_view_says_which_exist(capsys, seed_db):
    code, _, err = run(capsys, "query", "indicator_progres", "--db", seed_db)
    assert code == 2 and "没有名为“indicator_progres”的视图" in err and "indicator_progress" in err


def test_check_passes_on_the_embedded_data(capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0 and "数据检查通过" in out


def test_check_fails_with_exit_1_and_writes_nothing(capsys, data_copy, tmp_path):
    edit(data_copy, "indicator_values.csv", "tax_revenue,4.28,", "tax_revenue,abc,")
    code, _, err = run(capsys, "check", "--data", data_copy)
    assert code == 1
    assert "indicator_values.csv 第2行 第4列（target 目标值）：值“abc”不是数字" in err
    assert not list(tmp_path.rglob("*.duckdb"))


def test_load_says_each_step_of_the_publish_as_it_starts(capsys, tmp_path):
    code, out, err = run(capsys, "load", "--db", tmp_path / "p.duckdb")
    assert code == 0 and "发布为第 1 版" in out
    assert err.splitlines() == ["正在发布（第 1/4 步）：读取并检查数据文件……", "正在发布（第 2/4 步）：计算各视图……",
                                "正在发布（第 3/4 步）：核查每个单位每年的数据……", "正在发布（第 4/4 步）：写入新版本……"]


def test_failed_load_exits_1_and_keeps_the_database(capsys, data_copy, tmp_path):
    db_path = tmp_path / "kept.duckdb"
    assert run(capsys, "load", "--data", data_copy, "--db", db_path)[0] == 0
    before = digest(db_path)
    edit(data_copy, "spending.csv", ",754.63,", ",-754.63,")
    code, _, err = run(capsys, "load", "--data", data_copy, "--db", db_path)
    assert code == 1 and "数据未载入：发现 1 处问题" in err and "没有改动" in err
    assert digest(db_path) == before


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "perfboard.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "perfboard" in result.stdout


@pytest.mark.parametrize("command", ["load", "check", "query", "audit", "score"])
def test_every_command_has_chinese_help(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "数据" in capsys.readouterr().out


def test_audit_json_lists_findings_with_their_fields(capsys, seed_db):
    code, out, _ = run(capsys, "audit", "--year", 2024, "--format", "json", "--db", seed_db)
    findings = json.loads(out)
    assert code == 0 and len(findings) == 34  # 1 错误, 27 警告, 6 提示: see tests/test_audit.py
    assert set(findings[0]) == {"unit_code", "year", "severity", "check", "check_label", "subject_kind", "subject",
                                "subject_name", "message", "source"}
    (mismatch,) = [f for f in findings if f["check"] == "RATE_MISMATCH"]
    assert mismatch["severity"] == "错误" and mismatch["source"] == "四.5" and "51.84%" in mismatch["message"]


def test_audit_table_and_a_year_without_data(capsys, seed_db):
    code, out, _ = run(capsys, "audit", "--db", seed_db)
    assert code == 0 and "所述完成率与数字不符" in out
    code, out, err = run(capsys, "audit", "--year", 2019, "--db", seed_db)
    assert code == 2 and "taojiang_hitech（2024）" in err


def test_score_prints_stated_beside_computed_and_why(capsys, seed_db):
    code, out, _ = run(capsys, "score", "--db", seed_db)
    lines = out.splitlines()
    assert code == 0 and "按规则计算" in lines[0] and "报告自评" in lines[0]
    total = next(line for line in lines if "总分" in line and "100" in line)
    assert "98" in total and "部分指标无法计分" in total  # 五(二) states 98; no weights, nothing computed
    assert any("报告未给出预算数" in line for line in lines)


@pytest.mark.parametrize("command", ["audit", "score", "query"])
def test_a_missing_database_says_what_to_do(capsys, tmp_path, command):
    args = [command, "indicator_progress"] if command == "query" else [command]
    code, _, err = run(capsys, *args, "--db", tmp_path / "none.duckdb")
    assert code == 2 and "请先运行 perfboard load" in err


@pytest.fixture(scope="module")
def two_unit_db(loaded):
    from tests.datasets import write_seed_with_fixture_unit

    return loaded("two_units", write_seed_with_fixture_unit)[1]


@pytest.mark.parametrize("command", ["audit", "score"])
def test_tables_over_several_units_say_whose_row_is_whose(capsys, two_unit_db, command):
    code, out, _ = run(capsys, command, "--db", two_unit_db)
    assert code == 0
    header = out.splitlines()[0]
    assert header.startswith("unit_code")
    assert "taojiang_hitech" in out and "test_unit" in out


@pytest.mark.parametrize("args", [["query", "indicator_progress", "--unit", "nope"], ["audit", "--year", "2019"],
                                  ["score", "--unit", "test_unit", "--year", "2024"],
                                  ["export", "tables", "--unit", "nope", "--out", "x.xlsx"]])
def test_an_unknown_unit_or_year_exits_non_zero_and_names_what_exists(capsys, two_unit_db, args):
    code, out, err = run(capsys, *args, "--db", two_unit_db)
    assert code == 2 and out == ""
    assert "现有单位（年度）：taojiang_hitech（2024）、test_unit（2023）" in err


@pytest.mark.parametrize(("what", "given", "written"), [("tables", "tables", "tables.xlsx"),
                                                         ("html", "report", "report.html"),
                                                         ("tables", "t.XLSX", "t.XLSX")])
def test_export_adds_the_extension_its_kind_needs(capsys, seed_db, tmp_path, what, given, written):
    code, out, _ = run(capsys, "export", what, "--db", seed_db, "--out", tmp_path / given)
    assert code == 0 and (tmp_path / written).is_file() and str(tmp_path / written) in out


def test_export_over_two_units_asks_which_one(capsys, two_unit_db, tmp_path):
    code, _, err = run(capsys, "export", "html", "--db", two_unit_db, "--out", tmp_path / "r.html")
    assert code == 2 and "当前有 2 个组合" in err and "请用 --unit 和 --year 指定" in err
