"""A factory for data directories of any shape, for tests only (测试数据: never shipped in data/).

`write_dataset(folder, **tables)` writes every file of the data format: the tables named are written with
the rows given (missing columns left empty), the others with one small 测试数据 unit-year, so that a test
states only what its case is about.
"""

from __future__ import annotations

import csv
from pathlib import Path

from perfboard.schema import NARRATIVE_DIR, TABLES_BY_NAME

UNIT = "test_unit"
YEAR = 2023

DEFAULTS: dict[str, list[dict[str, object]]] = {
    "units": [{"unit_code": UNIT, "unit_name": "示例单位（测试数据）"}],
    "categories": [{"category_code": "tax", "category_name": "税收", "sort_order": 1}],
    "indicators": [{"indicator_code": "tax_revenue", "indicator_name": "税收收入", "category": "tax",
                    "is_headline": "true", "unit": "亿元", "direction": "higher", "sort_order": 1}],
    "indicator_values": [{"unit_code": UNIT, "year": YEAR, "indicator_code": "tax_revenue", "target": 2,
                          "actual": 2.5, "source": "二"}],
    "spending": [
        {"unit_code": UNIT, "year": YEAR, "item_code": "total", "item_name": "部门整体支出", "actual": 300},
        {"unit_code": UNIT, "year": YEAR, "item_code": "basic", "parent_code": "total", "item_name": "基本支出",
         "actual": 100},
        {"unit_code": UNIT, "year": YEAR, "item_code": "project", "parent_code": "total", "item_name": "项目支出",
         "actual": 200},
    ],
    "projects": [{"unit_code": UNIT, "year": YEAR, "project_name": "示例项目", "project_type": "产业项目",
                  "status": "在建", "source": "二"}],
    "evaluation": [{"unit_code": UNIT, "year": YEAR, "level1": "总分", "score": 90, "source": "三"}],
    "documents": [],  # optional: every figure from its year's report, cited by the standard title
}

NARRATIVE = """# 一、基本情况 {#overview}

测试数据：一段说明。

# 二、绩效情况 {#performance}

税收收入2.5亿元。

# 三、自评结论 {#conclusion}

自评得分90分。
"""


def write_table(path: Path, name: str, rows: list[dict[str, object]]) -> None:
    columns = [column.name for column in TABLES_BY_NAME[name].columns]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows([{c: row.get(c, "") for c in columns} for row in rows])


def rewrite_rows(path: Path, change) -> None:
    """A data file's rows, each replaced by `change(row)` (a dict of its cells)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(change(row) for row in rows)


def write_dataset(folder: Path, narratives: dict[tuple[str, int], str] | None = None,
                  **tables: list[dict[str, object]]) -> Path:
    """A complete data directory in `folder`; `tables` replace the default rows of the files they name."""
    unknown = set(tables) - set(DEFAULTS)
    assert not unknown, f"no such data file: {unknown}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, default_rows in DEFAULTS.items():
        write_table(folder / f"{name}.csv", name, tables.get(name, default_rows))
    for (unit_code, year), text in (narratives if narratives is not None else {(UNIT, YEAR): NARRATIVE}).items():
        path = folder / NARRATIVE_DIR / unit_code / f"{year}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


# The payload kinds that once reached readers' browsers: script in the app's origin through an iframe, tags
# with event handlers, a stylesheet, and Markdown that makes every reader's browser fetch an outside address
# (198.51.100.0/24 is reserved for documentation: nothing answers there).
PAYLOADS = (
    '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
    "<script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "<svg onload=alert(4)>",
    "![跟踪](http://198.51.100.7/pixel.png)",
    "[点此](javascript:alert(5))",
    "<style>body{display:none}</style>:red[红字]$x^2$",
)


def hostile_text(label: str) -> str:
    """A name that is readable Chinese followed by every payload kind."""
    return label + "".join(PAYLOADS)


def write_hostile_dataset(folder: Path) -> Path:
    """The default data set with every payload in every free-text field: names, periods, sources, notes,
    and the report's headings and paragraphs."""
    h = hostile_text

    def row(**cells: object) -> dict[str, object]:
        return {"unit_code": UNIT, "year": YEAR, "source": h("二"), "note": h("备注"), **cells}

    narrative = "\n\n".join([f"# {h('一、基本情况')} {{#overview}}", h("正文"), f"# {h('二、绩效情况')} {{#performance}}",
                             h("税收"), f"## {h('1.税收')} {{#performance.tax}}", h("段落")])
    return write_dataset(
        folder,
        narratives={(UNIT, YEAR): narrative},
        units=[{"unit_code": UNIT, "unit_name": h("单位（测试数据）"), "note": h("备注")}],
        categories=[{"category_code": "tax", "category_name": h("税收"), "sort_order": 1, "report_section": h("二"),
                     "note": h("备注")}],
        indicators=[{"indicator_code": "tax_revenue", "indicator_name": h("税收收入"), "category": "tax",
                     "is_headline": "true", "level1": "产出", "level2": h("数量"), "unit": "亿元",
                     "direction": "higher", "sort_order": 1, "note": h("备注")},
                    {"indicator_code": "investment", "indicator_name": h("投资"), "category": "tax",
                     "is_headline": "true", "unit": "亿元", "direction": "higher", "sort_order": 2}],
        indicator_values=[row(indicator_code="tax_revenue", target=2, actual=2.5, stated_yoy=10, weight=50, score=50,
                              period=h("截至10月")),
                          row(indicator_code="investment", target=3, actual=1, is_estimate="true")],
        spending=[row(item_code="total", item_name=h("合计"), actual=300),
                  row(item_code="basic", parent_code="total", item_name=h("基本支出"), actual=100, budget=120),
                  row(item_code="project", parent_code="total", item_name=h("项目支出"), actual=200),
                  row(item_code="project_a", parent_code="project", item_name=h("项目甲"), actual=150),
                  row(item_code="sangong", item_name=h("三公经费"), actual=4, is_memo="true"),
                  row(item_code="reception", parent_code="sangong", item_name=h("接待费"), actual=4, is_memo="true")],
        projects=[row(project_name=h("项目"), project_type=h("类型"), status="在建")],
        evaluation=[row(level1="产出", max_score=50, score=45), row(level1="总分", score=88)],
    )


def write_seed_with_fixture_unit(folder: Path) -> Path:
    """The embedded data (桃江, 2024) plus the default 测试数据 unit (2023 only), sharing the catalogue."""
    import shutil

    from perfboard.database import DEFAULT_DATA_DIR

    shutil.copytree(DEFAULT_DATA_DIR, folder)
    for name, rows in DEFAULTS.items():
        if name in ("categories", "indicators", "documents"):
            continue  # the fixture's indicator is already in the seed's catalogue; it has no documents
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            existing = list(csv.DictReader(handle))
        write_table(folder / f"{name}.csv", name, existing + rows)
    path = folder / NARRATIVE_DIR / UNIT / f"{YEAR}.md"
    path.parent.mkdir(parents=True)
    path.write_text(NARRATIVE, encoding="utf-8")
    return folder


OTHER_UNIT, OTHER_YEAR = "other_zone", 2022
OTHER_TITLE = "2022年绩效自评工作情况总结"
OTHER_NARRATIVE = """# 2022年绩效自评工作情况总结 {#preface}

测试数据：按另一种提纲写成的自评总结，用来检验看板不依赖种子报告的章节。

# 一、工作完成情况 {#results}

## （一）招商引资 {#results.attraction}

全年新签约项目19个，签约总投资186.5亿元，其中正式签约111.72亿元，意向协议74.1亿元。实际利用外资突破2亿美元。

## （二）园区建设 {#results.building}

新建道路3.2公里，新增标准厂房12万平方米，企业开办审批做到按时办结。

# 二、存在问题 {#problems}

部分签约项目落地较慢，要素保障压力较大。

# 三、下一步打算 {#plans}

加快签约项目转化，持续优化营商环境。
"""


def write_other_unit_dataset(folder: Path) -> Path:
    """A 测试数据 unit shaped unlike the seed: another outline and title, no numeric targets at all (one in
    words only), 19 indicators in one category, a figure in 亿美元 with 突破, a whole whose parts do not add
    up (186.5 ≠ 111.72 + 74.1 = 185.82), a category judged in words alone (按时办结), no projects and no
    score."""
    def value(code: str, actual: object, **cells: object) -> dict[str, object]:
        return {"unit_code": OTHER_UNIT, "year": OTHER_YEAR, "indicator_code": code, "actual": actual,
                "source": "一(一)", **cells}

    signed = [{"indicator_code": f"signed_project_{n:02d}", "indicator_name": f"签约项目{n:02d}投资",
               "category": "attraction", "unit": "亿元", "direction": "higher", "sort_order": 10 + n}
              for n in range(1, 17)]
    indicators = [
        {"indicator_code": "signed_investment", "indicator_name": "签约总投资", "category": "attraction",
         "is_headline": "true", "unit": "亿元", "direction": "higher", "sort_order": 1},
        {"indicator_code": "signed_formal", "indicator_name": "正式签约投资", "category": "attraction",
         "unit": "亿元", "direction": "higher", "sort_order": 2, "part_of": "signed_investment"},
        {"indicator_code": "signed_intent", "indicator_name": "意向协议投资", "category": "attraction",
         "unit": "亿元", "direction": "higher", "sort_order": 3, "part_of": "signed_investment"},
        {"indicator_code": "foreign_capital_usd", "indicator_name": "实际利用外资", "category": "attraction",
         "is_headline": "true", "unit": "亿美元", "direction": "higher", "sort_order": 4},
        *signed[:15],
        {"indicator_code": "roads_built", "indicator_name": "新建道路", "category": "building", "unit": "公里",
         "direction": "higher", "sort_order": 40},
        {"indicator_code": "office_running", "indicator_name": "机关运转保障", "category": "building", "unit": "%",
         "direction": "higher", "sort_order": 41},
        {"indicator_code": "approval_on_time", "indicator_name": "企业开办审批时效", "category": "service",
         "unit": "定性", "direction": "higher", "sort_order": 50},
    ]
    values = [value("signed_investment", 186.5), value("signed_formal", 111.72), value("signed_intent", 74.1),
              value("foreign_capital_usd", 2, qualifier="突破"),
              *(value(row["indicator_code"], 1 + n / 10) for n, row in enumerate(signed[:15])),
              value("roads_built", 3.2, source="一(二)"),
              value("office_running", None, target_text="保障园区机关正常运转", source="一(二)"),
              value("approval_on_time", None, target_text="按时办结", actual_text="按时办结", source="一(二)")]
    return write_dataset(
        folder,
        narratives={(OTHER_UNIT, OTHER_YEAR): OTHER_NARRATIVE},
        units=[{"unit_code": OTHER_UNIT, "unit_name": "某经济开发区管理委员会（测试数据）"}],
        categories=[{"category_code": "attraction", "category_name": "招商引资", "sort_order": 1},
                    {"category_code": "building", "category_name": "园区建设", "sort_order": 2},
                    {"category_code": "service", "category_name": "政务服务", "sort_order": 3}],
        indicators=indicators,
        indicator_values=values,
        spending=[{"unit_code": OTHER_UNIT, "year": OTHER_YEAR, "item_code": "total", "item_name": "部门整体支出",
                   "actual": 1234.5}],
        projects=[],
        evaluation=[],
        documents=[{"document_code": "other_report_2022", "unit_code": OTHER_UNIT, "year": OTHER_YEAR,
                    "kind": "自评报告", "title": OTHER_TITLE, "publisher": "某经济开发区管理委员会（测试数据）"}],
    )


def write_seed_and_other_unit(folder: Path) -> Path:
    """The embedded data beside the unit shaped unlike it: both catalogues, both reports."""
    import shutil
    import tempfile

    from perfboard.database import DEFAULT_DATA_DIR

    shutil.copytree(DEFAULT_DATA_DIR, folder)
    with tempfile.TemporaryDirectory() as scratch:
        other = write_other_unit_dataset(Path(scratch) / "other")
        for name in DEFAULTS:
            rows = []
            for source in (folder, other):
                with (source / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
                    rows += list(csv.DictReader(handle))
            write_table(folder / f"{name}.csv", name, rows)
        shutil.copytree(other / NARRATIVE_DIR / OTHER_UNIT, folder / NARRATIVE_DIR / OTHER_UNIT)
    return folder


def write_three_unit_county(folder: Path) -> Path:
    """A bureau (测试局) over two departments, for the county views, each figure chosen so that the expected
    results can be worked out by hand next to the tests that use them (tests/test_county.py)."""

    def spending(unit: str, basic: float, project: float) -> list[dict[str, object]]:
        return [
            {"unit_code": unit, "year": YEAR, "item_code": "total", "item_name": "部门整体支出", "actual": basic + project,
             "source": "二"},
            {"unit_code": unit, "year": YEAR, "item_code": "basic", "parent_code": "total", "item_name": "基本支出",
             "actual": basic, "source": "二"},
            {"unit_code": unit, "year": YEAR, "item_code": "project", "parent_code": "total",
             "item_name": "项目支出（含专项）", "actual": project, "source": "二"},
        ]

    def value(unit: str, target: float | None, actual: float | None) -> dict[str, object]:
        return {"unit_code": unit, "year": YEAR, "indicator_code": "tax_revenue", "target": target, "actual": actual,
                "source": "二"}

    narratives = {(unit, YEAR): NARRATIVE for unit in ("bureau", "dept_a", "dept_b")}
    return write_dataset(
        folder, narratives=narratives,
        units=[{"unit_code": "bureau", "unit_name": "测试局（测试数据）"},
               {"unit_code": "dept_a", "unit_name": "甲科（测试数据）", "parent_code": "bureau"},
               {"unit_code": "dept_b", "unit_name": "乙科（测试数据）", "parent_code": "bureau"}],
        spending=[*spending("bureau", 100, 200), *spending("dept_a", 30, 70), *spending("dept_b", 150, 150)],
        indicator_values=[value("bureau", 2, 2.5), value("dept_a", 2, 1.5), value("dept_b", 2, None)],
        evaluation=[
            {"unit_code": "bureau", "year": YEAR, "level1": "总分", "score": 90, "source": "三"},
            # parts only: the total is derived, 40 + 30 + 10 = 80
            *({"unit_code": "dept_a", "year": YEAR, "level1": level1, "score": score, "source": "三"}
              for level1, score in (("产出", 40), ("效益", 30), ("满意度", 10))),
            # parts 40 + 20 = 60 against a stated total of 70: the audit's SCORE_PARTS error
            *({"unit_code": "dept_b", "year": YEAR, "level1": level1, "score": score, "source": "三"}
              for level1, score in (("产出", 40), ("效益", 20), ("总分", 70))),
        ],
        projects=[],
    )


def write_words_dataset(folder: Path) -> Path:
    """测试数据: a form's targets and results in words beside figures, one indicator for each way a report words
    them: both in words (及时 | 及时), a target in words against a figure (按期完成 | 100%), a figure against a
    result in words (≥90% | 基本知晓), a target in words with no result (保障机关正常运转), and a tier stated (达成)."""
    def indicator(code: str, name: str, unit: str, order: int) -> dict[str, object]:
        return {"indicator_code": code, "indicator_name": name, "category": "tax", "unit": unit,
                "direction": "higher", "sort_order": order}

    def value(code: str, **cells: object) -> dict[str, object]:
        return {"unit_code": UNIT, "year": YEAR, "indicator_code": code, "source": "二", **cells}

    return write_dataset(
        folder,
        indicators=[indicator("tax_revenue", "税收收入", "亿元", 1), indicator("timely", "资金拨付及时性", "定性", 2),
                    indicator("on_schedule", "项目按期完工率", "%", 3), indicator("known", "政策知晓率", "%", 4),
                    indicator("running", "机关运转保障", "定性", 5), indicator("tiered", "服务质量", "定性", 6)],
        indicator_values=[value("tax_revenue", target=2, actual=2.5),
                          value("timely", target_text="及时", actual_text="及时"),
                          value("on_schedule", target_text="按期完成", actual=100),
                          value("known", target=90, actual_text="基本知晓"),
                          value("running", target_text="保障机关正常运转"),
                          value("tiered", target_text="明显提升", achievement="达成")])
