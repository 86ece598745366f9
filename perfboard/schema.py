"""The source files: their columns, types, keys and references.

One declaration serves the loader (what to read and check), the database (the table DDL) and
data/README.md (which documents the same columns for finance staff).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class Kind(Enum):
    """How a cell is read; `sql_type` is the DuckDB type it is stored as."""

    TEXT = ("text", "VARCHAR")
    CODE = ("code", "VARCHAR")  # a stable identifier: ASCII letters, digits, underscore
    YEAR = ("year", "INTEGER")
    INTEGER = ("integer", "INTEGER")
    NUMBER = ("number", "DOUBLE")
    MONEY = ("money", "DECIMAL(18,2)")  # 万元 to the cent, so parts add up to totals exactly
    BOOLEAN = ("boolean", "BOOLEAN")
    UNIT = ("unit", "VARCHAR")  # a unit of measure: UNIT_PATTERN

    @property
    def sql_type(self) -> str:
        return self.value[1]

    @property
    def magnitude_limit(self) -> float | None:
        """Numbers must stay below this in absolute value to be stored exactly (None: not a number)."""
        return {"NUMBER": 1e15, "MONEY": 1e16, "INTEGER": 2**31}.get(self.name)


@dataclass(frozen=True)
class Column:
    name: str
    label: str  # Chinese name, used in messages and in data/README.md
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()  # allowed values, when the column is a closed list
    non_negative: bool = False
    references: str | None = None  # "table.column" that must hold the value
    optional: bool = False  # added after the first data format: a file without this column still loads


@dataclass(frozen=True)
class Table:
    name: str
    label: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    required_file: bool = True

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


# Measurement units an indicator may use: money, counts (small whole numbers that often coincide), and other
# measures, as the departments of a county write their indicators (所 schools, 辆 vehicles, 吨, 公顷, 个工作日).
# Every one but the rates counts or measures something that cannot be negative.
COUNT_MEASURE_UNITS = ("个", "家", "件", "起", "人", "人次", "次", "名", "户", "项", "所", "栋", "座", "处", "条", "辆",
                       "台", "套", "场", "场次", "期", "批", "批次", "篇", "份", "宗", "张", "册", "株", "头", "只",
                       "户次", "家次", "学时", "课时", "棵", "盏", "间", "艘", "块", "剂次", "例", "床", "台次", "车次",
                       "架次", "辆次", "种", "类", "门", "部", "本", "首", "位", "支", "组", "队", "口", "眼", "节",
                       "堂", "轮", "届")
UNIT_SCALES = ("万", "亿")  # the scale a unit may begin with (万亩, 亿元): 1.2万余亩 qualifies inside it
# counts in ten thousands as reports write them (4.2万剂次, 1.5万件)
SCALED_COUNT_UNITS = tuple(f"万{unit}" for unit in ("人", "人次", "户", "册", "株", "头", "只", "棵", "剂次", "例",
                                                   "件", "次", "份", "张", "辆", "台", "套", "户次", "名"))
MEASURE_UNITS = ("亿元", "万元", "元", "亿美元", "万美元", "美元", *COUNT_MEASURE_UNITS, *SCALED_COUNT_UNITS, "亩",
                 "万亩", "亩次", "万亩次", "公顷", "平方米", "万平方米", "平方公里", "公里", "千米", "米", "立方米",
                 "万立方米", "吨", "万吨", "公斤", "万公斤", "千瓦", "万千瓦", "千瓦时", "万千瓦时", "天", "个工作日",
                 "小时", "分钟", "个月", "岁", "%", "‰", "/10万", "个百分点")
# The units an indicator may use: every one above, and any other a department writes as a short word (人日
# for 护林巡查, 元/人, 人/万人). The report reader finds figures in prose by the list above only (a table's
# unit column may name any); the catalogue takes either. The characters 一-鿿 are the CJK block (U+4E00 to
# U+9FFF), written out so that Python and DuckDB's RE2 read the same pattern. A scale alone (亿 for 亿元) is
# no unit.
UNIT_PATTERN = re.compile(r"^(?:[%‰]|/10万|[A-Za-z一-鿿]{1,6}(?:/[A-Za-z一-鿿]{1,4})?)$")


def is_unit(value: str) -> bool:
    return bool(UNIT_PATTERN.match(value)) and value not in UNIT_SCALES


# rates: per hundred, per thousand (婴儿死亡率3.2‰), per hundred thousand (孕产妇死亡率10/10万)
RATE_UNITS = ("%", "‰", "/10万")
# a rate and a change of one (提高0.5个百分点) may be below zero
SIGNED_MEASURE_UNITS = (*RATE_UNITS, "个百分点")
DIRECTIONS = ("higher", "lower", "equal")
BUDGET_EXECUTION = "预算执行"  # the group scoring how the budget was spent
LEVEL1_GROUPS = ("产出", "效益", "满意度", BUDGET_EXECUTION)  # the self-evaluation's groups (财预〔2020〕10号)
# The first-level groups of the other frameworks departments are evaluated in: 投入, 过程, 产出, 效果 (部门整体支出
# 绩效评价共性指标体系) and 决策, 过程, 产出, 效益 (项目支出绩效评价); a report scored in one of them states its
# own groups, and is scored in those alone (docs/architecture.md, Domain rules).
ALL_LEVEL1_GROUPS = ("决策", "投入", "过程", "产出", "效益", "效果", "满意度", BUDGET_EXECUTION)  # in this order
OTHER_LEVEL1_GROUPS = tuple(group for group in ALL_LEVEL1_GROUPS if group not in LEVEL1_GROUPS)
TOTAL_ROW = "总分"  # evaluation.csv's row for the total score
SCORE_ROWS = ALL_LEVEL1_GROUPS + (TOTAL_ROW,)



class Bound(Enum):
    """What a qualified figure says about the true value (the audit compares rates accordingly)."""

    APPROXIMATE = "approximate"  # 近5000万元, 约3亿元: about this much
    AT_LEAST = "at_least"  # 超过/突破2亿美元, 5个以上: this much or more
    BELOW = "below"  # 不足10个: less than this
    AT_MOST = "at_most"  # 控制在5.5%以内, 3起以下: this much or less


# The qualifiers reports write with a figure, with their meaning and their place: "before" reads 突破2亿美元,
# "between" 2000余人次 (the number, the qualifier, the unit), "after" 5个以上.
QUALIFIER_MEANINGS: dict[str, tuple[Bound, str]] = {
    "近": (Bound.APPROXIMATE, "before"), "约": (Bound.APPROXIMATE, "before"),
    "超过": (Bound.AT_LEAST, "before"), "突破": (Bound.AT_LEAST, "before"), "以上": (Bound.AT_LEAST, "after"),
    "不足": (Bound.BELOW, "before"), "以内": (Bound.AT_MOST, "after"), "以下": (Bound.AT_MOST, "after"),
    "余": (Bound.AT_LEAST, "between"), "多": (Bound.AT_LEAST, "between"),  # 2000余人次, 120多万人次
}
QUALIFIERS = tuple(QUALIFIER_MEANINGS)
ACHIEVEMENT_TIERS = ("达成", "部分达成", "未达成")  # qualitative indicators, 财预〔2020〕10号
# The catalogue's unit of an indicator judged in words (按时, 明显改善): it measures nothing, and its target and
# result are kept as the report words them (indicator_values.target_text, actual_text)
QUALITATIVE_UNIT = "定性"
PROJECT_STATUSES = ("前期", "在建", "已完成", "已投产", "已运营")
DOCUMENT_KINDS = ("自评报告", "其他公开资料")  # a unit-year's self-evaluation report, or another public source
SELF_EVALUATION = DOCUMENT_KINDS[0]
FIRST_YEAR = 2000
LAST_YEAR = date.today().year + 1  # a report is written after its year; a plan may name the next one

# Limits on what one load may hold: far above any county's data (docs/architecture.md, "Limits"), low
# enough that a wrong or hostile file is refused with a message before it can exhaust the server.
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_NARRATIVE_BYTES = 5 * 1024 * 1024  # a report's text is tens of kilobytes
MAX_ROWS_PER_FILE = 1_500_000
MAX_CELL_CHARS = 20_000
MAX_SPENDING_DEPTH = 8  # 合计 → 基本支出 → 人员经费 → … ; deeper chains are a wrong parent code

_UNIT = Column("unit_code", "单位代码", Kind.CODE, required=True, references="units.unit_code")
_YEAR = Column("year", "年度", Kind.YEAR, required=True)
_SOURCE = Column("source", "报告出处")
_NOTE = Column("note", "备注")

TABLES: tuple[Table, ...] = (
    Table("units", "单位", (
        Column("unit_code", "单位代码", Kind.CODE, required=True),
        Column("unit_name", "单位名称", required=True),
        Column("parent_code", "上级单位代码", Kind.CODE, references="units.unit_code"),
        _NOTE,
    ), key=("unit_code",)),
    Table("categories", "指标类别", (
        Column("category_code", "类别代码", Kind.CODE, required=True),
        Column("category_name", "类别名称", required=True),
        Column("sort_order", "排序", Kind.INTEGER),
        Column("report_section", "报告章节（不再使用：见 category_sections 视图）"),  # kept: older files load
        _NOTE,
    ), key=("category_code",)),
    Table("indicators", "指标目录", (
        Column("indicator_code", "指标代码", Kind.CODE, required=True),
        Column("indicator_name", "指标名称", required=True),
        Column("category", "类别代码", Kind.CODE, required=True, references="categories.category_code"),
        Column("is_headline", "是否总览指标", Kind.BOOLEAN),
        Column("level1", "一级指标", choices=ALL_LEVEL1_GROUPS),
        Column("level2", "二级指标"),
        Column("unit", "计量单位", Kind.UNIT, required=True),
        Column("direction", "指标方向", required=True, choices=DIRECTIONS),
        Column("sort_order", "排序", Kind.INTEGER),
        _NOTE,
        Column("part_of", "所属合计指标（本指标是其组成部分）", Kind.CODE, references="indicators.indicator_code",
               optional=True),
    ), key=("indicator_code",)),
    Table("synonyms", "指标别名", (
        Column("indicator_code", "指标代码", Kind.CODE, required=True, references="indicators.indicator_code"),
        Column("synonym", "报告中的写法", required=True),
        _NOTE,
    ), key=("indicator_code", "synonym"), required_file=False),  # 导入报告 matches a figure's words to an indicator
    Table("documents", "资料来源", (
        Column("document_code", "资料代码", Kind.CODE, required=True),
        _UNIT,
        _YEAR,
        Column("kind", "资料类别", required=True, choices=DOCUMENT_KINDS),
        Column("title", "标题", required=True),
        Column("publisher", "发布者"),
        Column("published_on", "发布日期"),
        Column("address", "网址"),
        Column("caveat", "使用须知（随数字一同显示）"),
        _NOTE,
    ), key=("document_code",), required_file=False),
    Table("indicator_values", "指标值", (
        _UNIT,
        _YEAR,
        Column("indicator_code", "指标代码", Kind.CODE, required=True,
               references="indicators.indicator_code"),
        Column("target", "目标值", Kind.NUMBER),
        Column("target_text", "目标表述（报告的目标不是数字时照录）", optional=True),
        Column("actual", "实际完成值", Kind.NUMBER),
        Column("actual_text", "完成情况表述（报告的完成值不是数字时照录）", optional=True),
        Column("qualifier", "限定词", choices=QUALIFIERS),
        Column("achievement", "定性指标达成情况", choices=ACHIEVEMENT_TIERS),
        Column("weight", "权重（分值）", Kind.NUMBER, non_negative=True),
        Column("score", "自评得分", Kind.NUMBER, non_negative=True),
        Column("stated_rate", "报告所述完成率（%）", Kind.NUMBER),
        Column("stated_yoy", "报告所述同比增长率（%）", Kind.NUMBER),
        Column("is_estimate", "是否预计数", Kind.BOOLEAN),
        Column("period", "统计期（非全年时填写）"),
        _SOURCE,
        _NOTE,
        Column("document_code", "资料代码（空：本年度自评报告）", Kind.CODE, references="documents.document_code",
               optional=True),
        Column("is_headline", "本年度是否总览指标（空：按指标目录）", Kind.BOOLEAN, optional=True),
    ), key=("unit_code", "year", "indicator_code")),
    Table("spending", "支出", (
        _UNIT,
        _YEAR,
        Column("item_code", "支出项代码", Kind.CODE, required=True),
        Column("parent_code", "上级支出项代码", Kind.CODE),
        Column("item_name", "支出项名称", required=True),
        Column("budget", "年初预算数（万元）", Kind.MONEY, non_negative=True),
        Column("adjusted_budget", "调整后预算数（万元）", Kind.MONEY, non_negative=True),
        Column("actual", "实际支出（万元）", Kind.MONEY, non_negative=True),
        Column("is_memo", "是否备查项（不计入合计）", Kind.BOOLEAN),
        Column("is_remainder", "是否未列明余额（由上级减已列明项推算）", Kind.BOOLEAN),
        _SOURCE,
        _NOTE,
    ), key=("unit_code", "year", "item_code")),
    Table("projects", "项目", (
        _UNIT,
        _YEAR,
        Column("project_name", "项目名称", required=True),
        Column("project_type", "项目类型", required=True),
        Column("status", "进展状态", required=True, choices=PROJECT_STATUSES),
        _SOURCE,
        _NOTE,
    ), key=("unit_code", "year", "project_name")),
    Table("evaluation", "自评得分", (
        _UNIT,
        _YEAR,
        Column("level1", "一级指标", required=True, choices=SCORE_ROWS),
        Column("max_score", "满分（权重）", Kind.NUMBER, non_negative=True),
        Column("score", "自评得分", Kind.NUMBER, non_negative=True),
        _SOURCE,
        _NOTE,
    ), key=("unit_code", "year", "level1")),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}

# The narrative is Markdown, one file per unit and year: narrative/<unit_code>/<year>.md
NARRATIVE_DIR = "narrative"
NARRATIVE_TABLE = Table("narrative_sections", "报告原文章节", (
    _UNIT,
    _YEAR,
    Column("section_key", "章节键", required=True),
    Column("parent_key", "上级章节键"),
    Column("ref", "章节编号（如 四.1）"),
    Column("title", "章节标题", required=True),
    Column("level", "层级", Kind.INTEGER, required=True),
    Column("sort_order", "顺序", Kind.INTEGER, required=True),
    Column("body", "正文"),
), key=("unit_code", "year", "section_key"))


@dataclass
class LoadedTable:
    """A validated table: normalised text cells (None for empty), ready to cast into DuckDB. Held a column at a
    time (a county's million spending rows are checked and handed on column by column); `rows` gives them
    row by row where a reader needs that (comparing two versions)."""

    table: Table
    columns: dict[str, list[str | None]] = field(default_factory=dict)  # every column of `table`, in order
    lines: list[int] = field(default_factory=list)  # the source line of each row
    positions: dict[str, int] = field(default_factory=dict)  # column name -> its 1-based place in the file

    def __post_init__(self) -> None:
        # A column the file leaves out (an optional one) holds None on every row.
        self.columns = {c.name: self.columns.get(c.name) or [None] * len(self.lines) for c in self.table.columns}

    @classmethod
    def of_rows(cls, table: Table, rows: list[dict[str, str | None]], lines: list[int]) -> LoadedTable:
        return cls(table, {c.name: [row.get(c.name) for row in rows] for c in table.columns}, lines)

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def rows(self) -> list[dict[str, str | None]]:
        names = list(self.columns)
        return [dict(zip(names, values)) for values in zip(*self.columns.values())]
