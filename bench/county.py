"""A synthetic county in the project's data format, for benchmarks and tests: 模拟数据, never written to data/.

Deterministic (one seed gives the same files byte for byte). The default is the county scale of issue 11:
200 units × 10 years, 500 spending items per unit-year (1,000,000 rows) and 20 report sections per unit-year
(40,000). Units form a hierarchy: one county government, bureaus under it, departments under the bureaus.
Every unit's name says 模拟数据, and the figures are drawn at random: some targets missed, some actuals left
unreported, some reports that give only the parts of their score, a few whose parts do not add up, so that
every column of the 全部单位 page has something to show.

    .venv/bin/python bench/county.py OUT_DIR [--units 200] [--years 10] [--items 500] [--seed 2024]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from perfboard.schema import NARRATIVE_DIR, TABLES_BY_NAME  # noqa: E402

LAST_YEAR = 2024
BUREAUS = ("教育局", "卫生健康局", "农业农村局", "交通运输局", "住房和城乡建设局", "自然资源局", "水利局",
           "民政局", "文化旅游广电体育局")
CATEGORIES = (("tax", "税收"), ("investment", "投资"), ("projects", "项目"), ("fundraising", "争资"),
              ("service", "公共服务"))
# (code, name, category, headline, unit, level1, typical target)
INDICATORS = (
    ("tax_revenue", "税收收入", "tax", True, "万元", "效益", 3000),
    ("fixed_asset_investment", "固定资产投资", "investment", True, "万元", "产出", 20000),
    ("projects_started", "新开工项目", "projects", True, "个", "产出", 12),
    ("projects_completed", "完工项目", "projects", False, "个", "产出", 8),
    ("funds_raised", "争取上级资金", "fundraising", True, "万元", "产出", 5000),
    ("people_served", "服务群众人次", "service", False, "人次", "产出", 20000),
    ("trainings", "开展培训", "service", False, "次", "产出", 24),
    ("satisfaction", "群众满意度", "service", True, "%", "满意度", 90),
)
SECTIONS = (  # (key, heading level, title): 20 sections, the outline of a typical self-evaluation
    ("preface", 1, "{year}年度部门整体支出绩效自评报告"),
    ("overview", 1, "一、部门概况"),
    ("overview.basic", 2, "（一）部门基本情况"),
    ("overview.spending", 2, "（二）部门整体支出情况"),
    ("overview.goals", 2, "（三）部门整体绩效目标"),
    ("spending", 1, "二、部门整体支出管理及使用情况"),
    ("spending.basic", 2, "（一）基本支出"),
    ("spending.project", 2, "（二）项目支出"),
    ("management", 1, "三、部门整体支出管理情况"),
    ("management.budget", 2, "（一）预算管理"),
    ("management.assets", 2, "（二）资产管理"),
    ("performance", 1, "四、部门整体支出绩效情况"),
    ("performance.output", 2, "1.产出情况"),
    ("performance.benefit", 2, "2.效益情况"),
    ("performance.satisfaction", 2, "3.满意度情况"),
    ("problems", 1, "五、存在的问题及原因分析"),
    ("measures", 1, "六、下一步改进措施"),
    ("conclusion", 1, "七、自评结论"),
    ("conclusion.score", 2, "（一）自评得分"),
    ("conclusion.use", 2, "（二）结果应用"),
)


@dataclass(frozen=True)
class County:
    units: int = 200
    years: int = 10
    items: int = 500  # spending rows per unit-year
    seed: int = 2024


def unit_rows(county: County) -> list[dict]:
    """The county government, its bureaus (at most nine) and departments spread over the bureaus."""
    rows = [{"unit_code": "u000", "unit_name": "模拟县人民政府（模拟数据）", "note": "模拟数据：由 bench/county.py 生成"}]
    bureaus = min(len(BUREAUS), max(county.units - 1, 0) // 3 or (county.units > 1))
    for number in range(1, county.units):
        code = f"u{number:03d}"
        if number <= bureaus:
            rows.append({"unit_code": code, "unit_name": f"模拟县{BUREAUS[number - 1]}（模拟数据）",
                         "parent_code": "u000"})
        else:
            bureau = (number - bureaus - 1) % max(bureaus, 1) + 1
            parent = f"u{bureau:03d}" if bureaus else "u000"
            rows.append({"unit_code": code, "unit_name": f"模拟县{BUREAUS[bureau - 1]}下属单位{number:03d}（模拟数据）",
                         "parent_code": parent})
    return rows


def money(rng: random.Random, low: int, high: int) -> int:
    """An amount in cents (万元 × 100), so that parts add up to totals exactly."""
    return rng.randint(low * 100, high * 100)


def cents(value: int) -> str:
    return f"{value // 100}.{value % 100:02d}"


def spending_rows(rng: random.Random, unit: str, year: int, items: int) -> list[dict]:
    """total = basic + project; basic = personnel + public; the rest are projects under project."""
    base = {"unit_code": unit, "year": year, "source": "一(二)"}
    projects = [money(rng, 5, 400) for _ in range(max(items - 5, 0))]
    personnel, public = money(rng, 300, 3000), money(rng, 50, 600)
    basic, project = personnel + public, sum(projects)
    rows = [
        {**base, "item_code": "total", "item_name": "部门整体支出", "actual": cents(basic + project)},
        {**base, "item_code": "basic", "parent_code": "total", "item_name": "基本支出", "actual": cents(basic)},
        {**base, "item_code": "basic_personnel", "parent_code": "basic", "item_name": "人员经费",
         "actual": cents(personnel)},
        {**base, "item_code": "basic_public", "parent_code": "basic", "item_name": "公用经费", "actual": cents(public)},
        {**base, "item_code": "project", "parent_code": "total", "item_name": "项目支出", "actual": cents(project)},
    ]
    # Project items come from the final accounts, not from the report's text: they cite no section.
    rows += [{**base, "item_code": f"p{n:04d}", "parent_code": "project", "item_name": f"模拟项目{n:04d}",
              "actual": cents(amount), "source": ""} for n, amount in enumerate(projects, start=1)]
    return rows[:items]


def indicator_rows(rng: random.Random, unit: str, year: int) -> list[dict]:
    """Seven of the eight indicators; about one actual in ten unreported, a third of targets missed."""
    rows = []
    for code, _name, _category, _headline, measure, _level1, typical in rng.sample(INDICATORS, 7):
        target = round(typical * rng.uniform(0.5, 1.5)) if measure != "%" else rng.choice((85, 90, 95))
        actual = None if rng.random() < 0.1 else target * rng.uniform(0.7, 1.3)
        if actual is not None:
            actual = round(actual, 2) if measure == "万元" else min(round(actual), 100) if measure == "%" else round(actual)
        rows.append({"unit_code": unit, "year": year, "indicator_code": code, "target": target,
                     "actual": "" if actual is None else actual, "is_estimate": "false", "source": "一(三)；四"})
    return rows


def evaluation_rows(rng: random.Random, unit: str, year: int) -> list[dict]:
    """Parts and total as reports give them: most state both, some only the parts, a few parts that do not
    add up, a few no score at all."""
    kind = rng.random()
    if kind < 0.05:
        return []
    base = {"unit_code": unit, "year": year, "source": "七(一)"}
    parts = {"产出": rng.randint(30, 50), "效益": rng.randint(18, 30), "满意度": rng.randint(6, 10),
             "预算执行": rng.randint(5, 10)}
    rows = [{**base, "level1": level1, "score": score} for level1, score in parts.items()]
    if kind < 0.15:
        return rows  # only the parts: the total is derived
    total = sum(parts.values()) + (2 if kind > 0.95 else 0)  # 1 in 20: parts that do not add up
    return rows + [{**base, "level1": "总分", "score": total}]


def narrative(rng: random.Random, unit_name: str, year: int, values: list[dict], spending: list[dict],
              scores: list[dict]) -> str:
    names = {code: (name, measure) for code, name, _c, _h, measure, _l, _t in INDICATORS}

    def stated(column: str) -> str:
        return "；".join(f"{names[row['indicator_code']][0]}{row[column]}{names[row['indicator_code']][1]}"
                        for row in values if row[column] != "")

    spent = "，".join(f"{row['item_name']}{row['actual']}万元" for row in spending if row["source"])
    score = next((row["score"] for row in scores if row["level1"] == "总分"), None)
    bodies = {
        "preface": f"模拟数据：{unit_name}{year}年度自评报告，由 bench/county.py 随机生成，不是真实报告。",
        "overview.spending": f"{year}年{spent}。",
        "overview.goals": f"{year}年目标：{stated('target')}。",
        "performance.output": f"{year}年完成：{stated('actual')}。",
        "problems": rng.choice(("部分项目进度滞后，资金支付不及时。", "绩效目标设置不够细化，个别指标难以量化。")),
        "conclusion.score": f"自评得分{score}分。" if score is not None else "",
    }
    lines = []
    for key, level, title in SECTIONS:
        lines += [f"{'#' * level} {title.format(year=year)} {{#{key}}}", "",
                  bodies.get(key) or f"模拟数据：{title.format(year=year)}的说明文字。", ""]
    return "\n".join(lines)


def write_csv(path: Path, table: str, rows: list[dict]) -> None:
    columns = [column.name for column in TABLES_BY_NAME[table].columns]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="raise")
        writer.writeheader()
        writer.writerows({column: row.get(column, "") for column in columns} for row in rows)


def write_county(folder: Path, county: County = County()) -> dict[str, int]:
    """Every data file of the county into `folder` (created); returns the rows written per file."""
    rng = random.Random(county.seed)
    folder.mkdir(parents=True, exist_ok=True)
    units = unit_rows(county)
    write_csv(folder / "units.csv", "units", units)
    write_csv(folder / "categories.csv", "categories",
              [{"category_code": code, "category_name": name, "sort_order": order}
               for order, (code, name) in enumerate(CATEGORIES, start=1)])
    write_csv(folder / "indicators.csv", "indicators",
              [{"indicator_code": code, "indicator_name": name, "category": category,
                "is_headline": str(headline).lower(), "level1": level1, "unit": measure, "direction": "higher",
                "sort_order": order}
               for order, (code, name, category, headline, measure, level1, _) in enumerate(INDICATORS, start=1)])
    counts = {"units": len(units), "indicator_values": 0, "spending": 0, "projects": 0, "evaluation": 0,
              "narrative_sections": 0}
    years = range(LAST_YEAR - county.years + 1, LAST_YEAR + 1)
    files = {name: (folder / f"{name}.csv").open("w", encoding="utf-8", newline="")
             for name in ("indicator_values", "spending", "projects", "evaluation")}
    try:
        writers = {}
        for name, handle in files.items():
            columns = [column.name for column in TABLES_BY_NAME[name].columns]
            writers[name] = csv.DictWriter(handle, fieldnames=columns, restval="", lineterminator="\n")
            writers[name].writeheader()
        for unit in units:
            for year in years:
                values = indicator_rows(rng, unit["unit_code"], year)
                spending = spending_rows(rng, unit["unit_code"], year, county.items)
                scores = evaluation_rows(rng, unit["unit_code"], year)
                projects = [{"unit_code": unit["unit_code"], "year": year, "project_name": f"模拟项目{n}",
                             "project_type": "产业项目", "status": rng.choice(("在建", "已完成", "已投产")),
                             "source": "二(二)"} for n in range(1, 4)]
                for name, rows in (("indicator_values", values), ("spending", spending), ("projects", projects),
                                   ("evaluation", scores)):
                    writers[name].writerows(rows)
                    counts[name] += len(rows)
                path = folder / NARRATIVE_DIR / unit["unit_code"] / f"{year}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(narrative(rng, unit["unit_name"], year, values, spending, scores), encoding="utf-8")
                counts["narrative_sections"] += len(SECTIONS)
    finally:
        for handle in files.values():
            handle.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    defaults = County()
    parser.add_argument("--units", type=int, default=defaults.units)
    parser.add_argument("--years", type=int, default=defaults.years)
    parser.add_argument("--items", type=int, default=defaults.items)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    args = parser.parse_args()
    if (args.out.resolve() / "units.csv").resolve().is_relative_to((ROOT / "data").resolve()):
        parser.error("模拟数据不写入 data/：请换一个目录")
    counts = write_county(args.out, County(args.units, args.years, args.items, args.seed))
    print("模拟数据已写入 " + str(args.out) + "：" + "，".join(f"{name} {count:,} 行" for name, count in counts.items()))


if __name__ == "__main__":
    main()
