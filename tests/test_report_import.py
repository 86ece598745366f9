"""导入报告 (perfboard/report_import.py): the Chinese figure grammar case by case from real sentences (the 2024
report, cited by section), the outline, the indicator table of a self-evaluation form, the .docx and the .txt
giving the same draft, and the draft going through the data desk."""

from __future__ import annotations

import errno
import io
import re
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from perfboard import audit, desk, report_import, texts
from perfboard.cli import main
from perfboard.database import DEFAULT_DATA_DIR, current_build, current_version, data_files, load
from perfboard.report_import import Section
from perfboard.workbook import csv_rows

SEED_REPORT = DEFAULT_DATA_DIR / "reports" / "taojiang_hitech" / "2024.txt"  # the 2024 report as published
CATALOGUE = report_import.catalogue_of(data_files(DEFAULT_DATA_DIR))


def read(sentence: str, title: str = "4.营商环境持续优化") -> list[tuple]:
    """(kind, indicator or item, value, unit, qualifier, estimate, period) of each figure in one sentence."""
    section = Section("sec", 2, title, [sentence], ref="四.4")
    return [(f.kind, f.indicator_code or f.name, f.value, f.unit, f.qualifier, f.is_estimate, f.period)
            for f in report_import.figures_of([section], CATALOGUE)]


def drafted_spending(figures: list[tuple], year: int = 2023) -> list[dict[str, str]]:
    """The spending rows a draft makes of `read`'s figures."""
    as_figures = [report_import.Figure("s", "二", "", 0, 0, value, unit, None, kind=kind, name=name)
                  for kind, name, value, unit, *_ in figures]
    return report_import.spending_rows("u", year, as_figures)[0]


@pytest.mark.parametrize(("sentence", "expected"), [
    # 四.1
    ("1-12月，已实现入库税收4.28亿元。", [("actual", "tax_revenue", "4.28", "亿元", None, False, "1-12月")]),  # the whole
    # year: its row is not marked (test_a_figure_to_the_years_end_is_not_marked_as_part_of_the_year)
    ("预计完成固定资产投资35.44亿元，同比增长10.63%。",
     [("actual", "fixed_asset_investment", "35.44", "亿元", None, True, None),
      ("growth", "fixed_asset_investment", "10.63", "%", None, False, None)]),
    ("完成立项争资2200.15万元。", [("actual", "fundraising", "2200.15", "万元", None, False, None)]),
    # 四.2
    ("截至10月，新引进项目20个。", [("actual", "projects_introduced", "20", "个", None, False, "截至10月")]),
    # 四.5, as the issue writes it, and as the report does (完成年度25亿元任务的56.08%)
    ("资金筹措到位12.96亿元，完成56.08%。", [("actual", "financing_raised", "12.96", "亿元", None, False, None),
                                         ("stated_rate", "financing_raised", "56.08", "%", None, False, None)]),
    ("现已实际到位资金12.96亿元，完成年度25亿元任务的56.08%。",
     [("actual", "financing_raised", "12.96", "亿元", None, False, None),
      ("target", "financing_raised", "25", "亿元", None, False, None),
      ("stated_rate", "financing_raised", "56.08", "%", None, False, None)]),
    # 一(三): every figure of a sentence of goals is a target
    ("2024年，园区重点工作目标有：实现税收入库4.28亿元；完成新开工项目14个、新投产项目10个。",
     [("target", "tax_revenue", "4.28", "亿元", None, False, None),
      ("target", "projects_started", "14", "个", None, False, None),
      ("target", "projects_in_production", "10", "个", None, False, None)]),
    # 四.5: a plan (拟) holds targets, but 预计 is an estimate of the result
    ("年内拟处置批而未供土地51.15亩，报批土地250亩，预计供地162亩。",
     [("target", "idle_approved_land_disposed", "51.15", "亩", None, False, None),
      ("target", "land_approval", "250", "亩", None, False, None),
      ("actual", "land_supplied", "162", "亩", None, True, None)]),
    # 四.4: qualifiers before and after; a figure that names a class (5000万元以上项目) is no value
    ("贷款金额近5000万元。", [("actual", "startup_loans", "5000", "万元", "近", False, None)]),
    ("大幅压缩工业投资项目审批时长50%以上。", [("actual", "approval_time_reduction", "50", "%", "以上", False, None)]),
    # 余 and 多 between the number and its unit: at least that much (the figures were not read at all)
    ("贷款金额2000余万元。", [("actual", "startup_loans", "2000", "万元", "余", False, None)]),
    ("全年新增市场主体120多户。", [("unclassified", "", "120", "户", "多", False, None)]),
    # 测试数据: 余 or 多 inside a unit of 万 qualifies as it does before it (1.2万余亩 was not read at all)
    ("完成造林绿化1.2万余亩，接待游客3万多人次。", [("unclassified", "", "1.2", "万亩", "余", False, None),
                                      ("unclassified", "", "3", "万人次", "多", False, None)]),
    # units county reports use that were not read at all: listed for a person now, in their own unit
    ("全县人均预期寿命78.5岁，森林覆盖率较上年提高0.5个百分点。",
     [("unclassified", "", "78.5", "岁", None, False, None), ("unclassified", "", "0.5", "个百分点", None, False, None)]),
    ("全年植树12万棵，安装路灯300盏，办理时限压缩至30分钟。",
     [("unclassified", "", "12", "万棵", None, False, None), ("unclassified", "", "300", "盏", None, False, None),
      ("unclassified", "", "30", "分钟", None, False, None)]),
    ("为3岁以下儿童免费体检。", []),  # 3岁以下 names a class of children, it is no value
    # an upper bound as the report words it: not 3 exactly (it was drafted with no qualifier)
    ("全年重大安全生产事故控制在3起以内。", [("actual", "major_safety_accidents", "3", "起", "以内", False, None)]),
    ("亿元以上项目5个、5000万元以上项目5个。", [("actual", "projects_introduced_100m", "5", "个", None, False, None),
                                           ("actual", "projects_introduced_50m", "5", "个", None, False, None)]),
    # a decline is a negative growth; a figure the catalogue does not know is listed, not guessed
    ("完成外贸1.6536亿元，同比下降5.2%。", [("actual", "foreign_trade", "1.6536", "亿元", None, False, None),
                                      ("growth", "foreign_trade", "-5.2", "%", None, False, None)]),
    ("设置副处级岗位2个。", [("unclassified", "", "2", "个", None, False, None)]),
    ("根据桃编办发〔2024〕40号文件精神，2023年12月园区更名。", []),  # years, months and document numbers
    # 四.1 and 四.4 typed full-width, as a report may be: the same figures (４．２８ was read as 28, ％ not at all)
    ("1-12月，已实现入库税收４．２８亿元。", [("actual", "tax_revenue", "4.28", "亿元", None, False, "1-12月")]),
    ("预计完成固定资产投资３５．４４亿元，同比增长１０．６３％。",
     [("actual", "fixed_asset_investment", "35.44", "亿元", None, True, None),
      ("growth", "fixed_asset_investment", "10.63", "%", None, False, None)]),
    ("新建、改建学校分别为3，200个。", [("unclassified", "", "200", "个", None, False, None)]),  # ，parts figures: not 3200
    # a clause of link words only (实际完成, 年初目标) speaks of the indicator the sentence named (hand-written)
    ("计划新开工项目14个，实际完成12个。", [("target", "projects_started", "14", "个", None, False, None),
                                    ("actual", "projects_started", "12", "个", None, False, None)]),
    ("新开工项目：年初目标14个，实际完成12个。", [("target", "projects_started", "14", "个", None, False, None),
                                         ("actual", "projects_started", "12", "个", None, False, None)]),
    ("新引进项目20个，签约15个。", [("actual", "projects_introduced", "20", "个", None, False, None),  # 签约 names
                              ("unclassified", "", "15", "个", None, False, None)]),               # something else
    # the units of other departments' indicators (hand-written): 所 schools, 吨, 个工作日; 第3批 is an ordinal
    ("新建幼儿园3所，改扩建2所。", [("unclassified", "", "3", "所", None, False, None),
                              ("unclassified", "", "2", "所", None, False, None)]),
    ("审批时限压缩至5个工作日。", [("unclassified", "", "5", "个工作日", None, False, None)]),
    ("种植苗木5,000株，开展培训32场次，新增装机1.2万千瓦。", [("unclassified", "", "5000", "株", None, False, None),
                                             ("unclassified", "", "32", "场次", None, False, None),
                                             ("unclassified", "", "1.2", "万千瓦", None, False, None)]),
    ("争取第3批专项债券资金500万元。", [("unclassified", "", "500", "万元", None, False, None)]),
    # 测试数据: by how much the target was passed is no target of the indicator named before
    ("完成立项争资2200.15万元，超出年度目标100.15万元。",
     [("actual", "fundraising", "2200.15", "万元", None, False, None),
      ("unclassified", "", "100.15", "万元", None, False, None)]),
    # 测试数据: a unit and 次 are another unit (万亩次, listed); 吨次 is not listed and no figure, never 10吨
    ("完成统防统治15.6万亩次，转运垃圾10吨次。", [("unclassified", "", "15.6", "万亩次", None, False, None)]),
    # 测试数据: the growth of an indicator named without its figure is that indicator's, each named in its clause
    ("全年税收同比增长12.5%。", [("growth", "tax_revenue", "12.5", "%", None, False, None)]),
    ("规模工业增加值同比增长0.89%，税收收入同比下降3.2%。", [("growth", "industrial_value_added", "0.89", "%", None, False, None),
                                            ("growth", "tax_revenue", "-3.2", "%", None, False, None)]),
    # …but a change of a change names nothing, nor does a growth a plan sets
    ("规模工业增加值同比增长0.89%，同比下降3.2%。", [("growth", "industrial_value_added", "0.89", "%", None, False, None),
                                       ("unclassified", "", "3.2", "%", None, False, None)]),
    ("计划固定资产投资同比增长10%。", [("unclassified", "", "10", "%", None, False, None)]),
])
def test_the_figure_grammar(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(("title", "sentence", "expected"), [
    ("（二）部门整体支出规模、使用方向和主要内容、涉及范围等",  # 一(二)
     "2024年度支出52318.07万元，基本支出801.45万元，其中人员经费754.63万元。",
     [("spending", "2024年度支出", "52318.07"), ("spending", "基本支出", "801.45"), ("spending", "人员经费", "754.63")]),
    ("（一）基本支出",  # 二(一)
     "2024年三公经费支出为4.3万元，其中：因公出国（境）费0.00万元，公务接待费4.3万元。",
     [("spending", "2024年三公经费支出", "4.3"), ("spending", "因公出国（境）费", "0.00"),
      ("spending", "公务接待费", "4.3")]),
    ("（二）绩效评价工作过程",  # 五(二)
     "本单位部门整体支出绩效评价得分是：产出指标为50分，效益指标为38分，满意度指标10分，总98分。",
     [("score", "产出", "50"), ("score", "效益", "38"), ("score", "满意度", "10"), ("score", "总分", "98")]),
    # other reports' wordings of the same figures (hand-written, in the forms reports use)
    ("四、自评结论", "经自评，我局2023年度部门整体支出绩效自评得分为92.5分，评价等级为“优”。",
     [("score", "总分", "92.5")]),
    ("（二）评价结论", "综合评分95分。", [("score", "总分", "95")]),
    ("（二）评价结论", "自评总分为90分，其中产出指标45分，效益指标35分，满意度指标10分。",
     [("score", "总分", "90"), ("score", "产出", "45"), ("score", "效益", "35"), ("score", "满意度", "10")]),
    ("（二）评价结论", "满分100分，共扣分2分。", [("max_score", "总分", "100"), ("unclassified", "", "2")]),
    ("（二）评价结论", "自评得分95分（满分100分），其中：预算执行15分（满分20分），产出指标38分。",
     [("score", "总分", "95"), ("max_score", "总分", "100"), ("score", "预算执行", "15"),
      ("max_score", "预算执行", "20"), ("score", "产出", "38")]),
    ("五、自评结论", "自评结果：得分96分，评价等级“优”。", [("score", "总分", "96")]),
    ("五、自评结论", "自评得分：95分。", [("score", "总分", "95")]),  # the label before the colon names it
    ("五、自评结论", "产出指标得分：40分，效益指标得分：35分。", [("score", "产出", "40"), ("score", "效益", "35")]),
    ("五、自评结论", "经自评，产出指标得分40分，其中数量指标得分20分。",  # 数量: a second-level group, no total
     [("score", "产出", "40"), ("unclassified", "", "20")]),
    # the groups in the sentence after the total (18.5 + 37 + 29 + 10 = 94.5)
    ("（四）自评结论", "我局2023年度部门整体支出绩效自评得分为94.5分，等级为“优”。其中：预算执行情况18.5分，产出指标37分，"
                  "效益指标29分，满意度指标10分。",
     [("score", "总分", "94.5"), ("score", "预算执行", "18.5"), ("score", "产出", "37"), ("score", "效益", "29"),
      ("score", "满意度", "10")]),
    # the groups of another framework (投入, 过程 beside 产出, 效益): 18 + 19 + 28 + 27 = 92
    ("（二）评价结论", "自评得分92分，其中：投入指标18分，过程指标19分，产出指标28分，效益指标27分。",
     [("score", "总分", "92"), ("score", "投入", "18"), ("score", "过程", "19"), ("score", "产出", "28"),
      ("score", "效益", "27")]),
    ("（二）评价结论", "决策类指标（20分）：得分18分；过程指标（20分）：得分19分，其中预算管理得分8分。",  # 8: a part
     [("max_score", "决策", "20"), ("score", "决策", "18"), ("max_score", "过程", "20"), ("score", "过程", "19"),
      ("unclassified", "", "8")]),
    ("（二）评价结论", "产出指标（50分）：得分48分，其中数量指标得分20分。",  # 20: a part of 产出, not 产出 again
     [("max_score", "产出", "50"), ("score", "产出", "48"), ("unclassified", "", "20")]),
    # 管理 leads the name of a part (管理规范性), never of a group: the report stays in the default groups
    ("（二）评价结论", "自评得分95分，其中：产出指标48分，管理规范性得分9分。",
     [("score", "总分", "95"), ("score", "产出", "48"), ("unclassified", "", "9")]),
    ("（四）自评结论", "其中：预算执行情况18.5分，产出指标37分。",  # no score stated before: parts of what?
     [("unclassified", "", "18.5"), ("unclassified", "", "37")]),
    # each group's full marks in brackets after its name, its score after the colon, their sum after 合计
    # (48 + 28.5 + 9.5 + 9.8 = 95.8): the brackets' 30, 10 and 10 were drafted as the groups' scores
    ("五、自评结论", "产出指标（50分）：得分48分；效益指标（30分）：得分28.5分；满意度指标（10分）：得分9.5分；"
                  "预算执行（10分）：得分9.8分。合计95.8分。",
     [("max_score", "产出", "50"), ("score", "产出", "48"), ("max_score", "效益", "30"), ("score", "效益", "28.5"),
      ("max_score", "满意度", "10"), ("score", "满意度", "9.5"), ("max_score", "预算执行", "10"),
      ("score", "预算执行", "9.8"), ("score", "总分", "95.8")]),
])
def test_spending_and_score_sentences(title, sentence, expected):
    assert [figure[:3] for figure in read(sentence, title)] == expected


def test_a_groups_full_marks_go_beside_its_score():
    """预算执行15分（满分20分）: 20 is the group's 满分, the evaluation's max_score, not a second score."""
    section = Section("sec", 2, "（二）评价结论", ["自评得分95分（满分100分），其中：预算执行15分（满分20分），产出指标38分。"],
                      ref="五(二)")
    rows, used = report_import.evaluation_rows("u", 2023, report_import.figures_of([section], CATALOGUE))
    assert [(row["level1"], row["score"], row.get("max_score")) for row in rows] == [
        ("总分", "95", "100"), ("预算执行", "15", "20"), ("产出", "38", None)]
    assert len(used) == 5


@pytest.mark.parametrize(("sentence", "expected"), [
    # 亿元 shifted four places, at the report's own precision: 5.23亿元 = 52300万元, 0.125亿元 = 1250万元
    ("2023年度部门整体支出5.23亿元，其中基本支出0.125亿元。", [("total", "52300"), ("basic", "1250")]),
    ("2023年度部门整体支出52318.07万元，其中基本支出801.45万元。", [("total", "52318.07"), ("basic", "801.45")]),
    ("2023年度部门整体支出123,456,789.12元，其中基本支出98,765,432.10元。", []),  # 元: left for a person
    # 元 that whole 0.01万元 hold exactly: 36,000元 = 3.60万元, 0元 = 0.00万元 (9.26 + 3.60 + 0 = 12.86)
    ("“三公”经费支出12.86万元，其中：公务用车运行维护费9.26万元，公务接待费36,000元，因公出国（境）费0元。",
     [("sangong", "12.86"), ("sangong_vehicle_operation", "9.26"), ("sangong_reception", "3.60"),
      ("sangong_overseas", "0.00")]),
    # the template's items under the names other reports give them (hand-written sentences in their forms)
    ("本年度支出总额1234.56万元，其中：基本支出1000.00万元（人员经费800.00万元，公用经费200.00万元），项目支出234.56万元。",
     [("total", "1234.56"), ("basic", "1000.00"), ("basic_personnel", "800.00"), ("basic_public", "200.00"),
      ("project", "234.56")]),
    ("2023年部门整体支出决算数为1234.56万元。", [("total", "1234.56")]),
    ("2023年度部门决算支出合计1,234.56万元。", [("total", "1234.56")]),
    ("2023年度本部门支出决算总额为1,234.56万元，较上年增加123.45万元。", [("total", "1234.56")]),
    ("我单位2023年度总支出为1234.56万元，比上年增长5%。", [("total", "1234.56")]),
    # 部门 alone before the item (测试数据): the department's whole, however it words it
    ("2023年度部门支出合计5,678.90万元，其中基本支出1,234.56万元，项目支出4,444.34万元。",
     [("total", "5678.90"), ("basic", "1234.56"), ("project", "4444.34")]),
    ("2023年部门总支出5,678.90万元。", [("total", "5678.90")]),
    ("2023年部门整体支出5,678.90万元。", [("total", "5678.90")]),
    ("2023年度我局部门整体支出决算数为1,234.56万元，其中：基本支出890.12万元。", [("total", "1234.56"), ("basic", "890.12")]),
    ("基本支出1,024.11万元，其中：人员经费支出912.30万元，日常公用经费支出111.81万元。",
     [("basic", "1024.11"), ("basic_personnel", "912.30"), ("basic_public", "111.81")]),
    ("年初预算数为1200万元，全年预算数为1300万元，决算数为1234.56万元，预算执行率为94.97%。", [("total", "1234.56")]),
    ("部门整体支出共计１２３４．５６万元。", [("total", "1234.56")]),  # full-width, after 共计
    ("全年总支出1234.56万元，较上年增长5.2%。", [("total", "1234.56")]),
    ("“三公”经费支出3.5万元，其中公务接待费1.2万元，公务用车运行维护费2.3万元。",
     [("sangong", "3.5"), ("sangong_reception", "1.2"), ("sangong_vehicle_operation", "2.3")]),
    # 费用 for 费, and the brackets of (境) half-width (12.40 + 3.22 + 0 = 15.62)
    ("“三公”经费决算数为15.62万元。其中：公务用车购置及运行维护费12.40万元，公务接待费用3.22万元，因公出国(境)费用0万元。",
     [("sangong", "15.62"), ("sangong_vehicle", "12.40"), ("sangong_reception", "3.22"), ("sangong_overseas", "0")]),
    # projects listed after 项目支出 by names that end in neither 支出 nor 经费 (6000 + 2500 + 1500 = 10000)
    ("项目支出10,000.00万元，主要用于基本公共卫生服务项目6,000万元、重大公共卫生服务项目2,500万元、医疗机构能力建设1,500万元。",
     [("project", "10000.00"), ("project_1", "6000"), ("project_2", "2500"), ("project_3", "1500")]),
    ("项目支出1000万元，较上年增加200万元，占比下降。", [("project", "1000")]),  # a change is no project
    # the template of 二、一般公共预算支出情况: the general budget's spending is the whole, and 基本支出 has three
    # parts in the economic classification (7,805.20 + 612.45 + 234.66 = 8,652.31)
    ("2023年一般公共预算支出12,418.76万元，预算执行率98.85%。", [("total", "12418.76")]),
    ("2023年本部门财政拨款支出3,210.45万元，其中基本支出1,234.56万元，项目支出1,975.89万元。",
     [("total", "3210.45"), ("basic", "1234.56"), ("project", "1975.89")]),
    ("基本支出8,652.31万元，其中：工资福利支出7,805.20万元，商品和服务支出612.45万元，对个人和家庭的补助234.66万元。",
     [("basic", "8652.31"), ("basic_personnel", "7805.20"), ("basic_public", "612.45"), ("basic_family", "234.66")]),
    # a part of 基本支出 by a name of the report's own, in the list of 基本支出's sentence (800 + 150 + 50 = 1,000)
    ("基本支出1,000.00万元，其中：人员类支出800.00万元，公用支出150.00万元，资本性支出50.00万元。",
     [("basic", "1000.00"), ("basic_personnel", "800.00"), ("basic_public", "150.00"), ("basic_3", "50.00")]),
    # money raised is no spending item, even in a section of spending (测试数据)
    ("本年支出1,200.00万元，争取上级资金500.00万元。", [("total", "1200.00")]),
])
def test_spending_items_by_the_names_and_units_reports_use(sentence, expected):
    figures = read(sentence, "（二）部门整体支出规模")
    rows = drafted_spending(figures)
    assert [(row["item_code"], row["actual"]) for row in rows] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # hand-written in the forms reports use: no 基本支出 stated, so 人员经费 and 公用经费 hang from the total
    ("部门整体支出1234.56万元。其中：人员经费800万元，公用经费200万元，项目经费234.56万元。",
     [("total", ""), ("basic_personnel", "total"), ("basic_public", "total"), ("project", "total")]),
    ("基本支出1000万元，其中人员经费800万元。", [("basic", ""), ("basic_personnel", "basic")]),  # no total stated
    ("公务接待费1.2万元，公务用车运行维护费2.3万元。", [("sangong_reception", ""), ("sangong_vehicle_operation", "")]),
    ("“三公”经费支出3.5万元，其中公务接待费1.2万元，公务用车运行维护费2.3万元。",
     [("sangong", ""), ("sangong_reception", "sangong"), ("sangong_vehicle_operation", "sangong")]),
    # a 决算 table's wording: the car's two items joined, then split
    ("“三公”经费支出5.6万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费3.2万元（其中：公务用车购置费0万元，"
     "公务用车运行维护费3.2万元），公务接待费2.4万元。",
     [("sangong", ""), ("sangong_overseas", "sangong"), ("sangong_vehicle", "sangong"),
      ("sangong_vehicle_purchase", "sangong_vehicle"), ("sangong_vehicle_operation", "sangong_vehicle"),
      ("sangong_reception", "sangong")]),
])
def test_an_item_whose_parent_the_report_leaves_out_hangs_from_the_next_one_it_states(sentence, expected):
    """A draft never names a parent it does not hold: the loader would refuse the whole draft for it."""
    figures = read(sentence, "（一）部门整体支出情况")
    rows = drafted_spending(figures)
    assert [(row["item_code"], row["parent_code"]) for row in rows] == expected


def test_the_spending_tree_keeps_one_item_said_under_two_names():
    """一(二) says 人员经费754.63万元, 二(一) says 工资福利支出754.63万元: one item under 基本支出."""
    figures = read("基本支出801.45万元，其中人员经费754.63万元。", "（二）部门整体支出规模") + \
        read("基本支出801.45万元，其中工资福利支出754.63万元。", "（一）基本支出")
    rows = drafted_spending(figures, 2024)
    assert [(r["item_code"], r["parent_code"], r["item_name"]) for r in rows] == [  # no total said: basic is a root
        ("basic", "", "基本支出"), ("basic_personnel", "basic", "人员经费（工资福利支出）")]


def test_the_outline_gives_stable_keys_and_the_report_references():
    lines = report_import.document_lines("r.txt", SEED_REPORT.read_bytes())
    sections = report_import.with_refs(report_import.outline(lines))
    by_ref = {s.ref: s for s in sections if s.ref}
    assert [s.key for s in sections[:4]] == ["preface", "sec1", "sec1.1", "sec1.2"]
    assert by_ref["一(三)"].title.startswith("（三）绩效目标设立情况") and by_ref["四.6"].key == "sec4.6"
    assert [s.title for s in sections if s.level == 1][-2:] == ["6、 存在的主要问题", "七、改进措施和有关建议"]
    duties = by_ref["一(一)"].body  # 1.负责… 9.承办…: a list in the body, not nine headings
    assert sum(line.startswith(("1.", "9.")) for line in duties) == 2
    assert "2024年末在编人数65人" in "".join(duties)  # the body word for word


def test_every_figure_cites_its_section_whatever_the_numbering():
    """测试数据: chapters numbered 一． 二. and 四 (a space), and a subsection (二); a （1） directly under 三, which
    the data's rule gives no reference: its figures cite 三, whose citation takes in its subsections."""
    text = "\n".join(["某县民政局2023年度部门整体支出绩效自评报告", "一．部门基本情况", "本局编制人数45人。",
                      "二.部门整体支出情况", "(二)支出情况", "项目支出434.44万元。", "三、绩效目标完成情况",
                      "（1）低保金发放", "全年发放城乡低保金2,345万元，惠及困难群众1.2万人。", "四 存在的问题",
                      "部分资金拨付偏慢，涉及项目3个。"])
    draft = report_import.import_report("r.txt", text.encode(), "u", 2023, report_import.Catalogue.of([], []))
    assert {(f.number, f.ref) for f in draft.figures} == {
        ("45", "一"), ("434.44", "二(二)"), ("2,345", "三"), ("1.2", "三"), ("3", "四")}


@pytest.mark.parametrize("between", [" ", ""])  # a PDF's text has no space between Chinese characters
def test_a_reports_parts_number_its_chapters_anew_however_the_title_follows(between):
    """测试数据: 第二部分 and 第三部分 each begin again at 一、, so their figures cite 二.一 and 三.一; 第一部分资金已拨付。 is a
    sentence, no part."""
    text = "\n".join(["某县卫生健康局2023年度部门整体支出绩效自评报告", f"第二部分{between}部门整体支出情况", "一、预算执行情况",
                      "第一部分资金已拨付，支出合计5,543.21万元。", f"第三部分{between}部门整体支出绩效情况", "一、绩效目标实现情况",
                      "全年接种疫苗4.2万剂次。"])
    draft = report_import.import_report("r.txt", text.encode(), "u", 2023, report_import.Catalogue.of([], []))
    assert {(f.number, f.ref) for f in draft.figures} == {("5,543.21", "二.一"), ("4.2", "三.一")}


def test_a_table_in_a_pdfs_text_is_read_from_its_spaced_cells():
    """测试数据 in the form a PDF's text gives a self-evaluation table: cells between spaces, 一级指标 and
    二级指标 written in their first row only, 偏差原因 blank or of several words."""
    rows = ["一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
            "产出指标 数量指标 新建校舍 3所 3所 10 10",
            "质量指标 工程验收合格率 100% 100% 10 10",
            "时效指标 按期完工率 ≥95% 92% 10 8 受雨季影响 工期延后",
            "满意度指标 服务对象满意度 学生满意度 ≥90% 96% 10 10",
            "经自评，本单位得分95分。",
            "以上 3所 10 10"]  # after the table: prose, not a row
    section = Section("sec", 1, "附表", rows, ref="附")
    figures = report_import.figures_of([section], CATALOGUE)
    values, _ = report_import.indicator_rows("u", 2024, figures)
    names = {f.indicator_code: f.new_indicator for f in figures if f.new_indicator}
    assert [(names[r["indicator_code"]].name, names[r["indicator_code"]].level2, r["target"], r["actual"],
             r["weight"], r["score"]) for r in values] == [
        ("新建校舍", "数量指标", "3", "3", "10", "10"), ("工程验收合格率", "质量指标", "100", "100", "10", "10"),
        ("按期完工率", "时效指标", "95", "92", "10", "8"), ("学生满意度", "服务对象满意度", "90", "96", "10", "10")]
    assert [f.kind for f in figures if f.sentence.startswith("以上")] == ["unclassified"]  # 3所; 10 has no unit


@pytest.mark.parametrize("spaced", [False, True])  # a Word table's rows, a PDF's text of cells between spaces
def test_a_forms_rows_in_words_give_a_qualitative_indicator_its_words_and_its_tier(spaced):
    """测试数据: rows whose target or result is words (及时, 明显提升, 部分达成) give them as the report words them,
    the tier when the form states one, the weight and the score; the indicator proposed is 定性. A row in words
    no longer ends a PDF's table: the row after it is read too."""
    rows = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
            "产出指标\t时效指标\t资金拨付及时性\t及时\t及时\t10\t10",
            "效益指标\t可持续影响指标\t服务能力\t明显提升\t有所提升\t10\t8",
            "效益指标\t经济效益指标\t费用控制\t达成\t部分达成\t5\t3",
            "效益指标\t社会效益指标\t群众知晓率\t≥90%\t基本知晓\t10\t7",
            "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t10\t10"]
    section = Section("sec", 1, "附表", [row.replace("\t", " ") if spaced else row for row in rows], ref="附")
    figures = report_import.figures_of([section], report_import.Catalogue.of([], []))
    values, _ = report_import.indicator_rows("u", 2024, figures)
    names = {f.indicator_code: f.new_indicator for f in figures if f.new_indicator}
    assert [(names[r["indicator_code"]].name, names[r["indicator_code"]].unit, r.get("target") or r.get("target_text"),
             r.get("actual") or r.get("actual_text"), r.get("achievement"), r["weight"], r["score"])
            for r in values] == [
        ("资金拨付及时性", "定性", "及时", "及时", None, "10", "10"),
        ("服务能力", "定性", "明显提升", "有所提升", None, "10", "8"),
        ("费用控制", "定性", "达成", "部分达成", "部分达成", "5", "3"),  # the tier as the form states it
        ("群众知晓率", "%", "90", "基本知晓", None, "10", "7"),  # a figure for the target, words for the result
        ("群众满意度", "%", "90", "95", None, "10", "10")]
    assert [f.kind for f in figures if f.name == "服务能力"] == ["target_text", "actual_text", "weight", "indicator_score"]


def test_an_indicator_table_gives_targets_actuals_weights_and_scores():
    rows = ["一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
            "产出指标\t数量指标\t税收入库\t4.28亿元\t4.28亿元\t10\t10",
            "产出指标\t数量指标\t新开工项目\t≥14个\t12个\t10\t8.57",
            "满意度\t服务对象满意度\t企业满意度\t≥90%\t95%\t10\t10"]
    section = Section("sec", 1, "附表", rows, ref="附")
    figures = report_import.figures_of([section], CATALOGUE)
    values, _ = report_import.indicator_rows("u", 2024, figures)
    proposed = {f.new_indicator.name: f.indicator_code for f in figures if f.new_indicator is not None}
    assert list(proposed) == ["企业满意度"]  # the catalogue has no such indicator: proposed, for the review
    assert [(r["indicator_code"], r["target"], r["actual"], r["weight"], r["score"]) for r in values] == [
        ("tax_revenue", "4.28", "4.28", "10", "10"), ("projects_started", "14", "12", "10", "8.57"),
        (proposed["企业满意度"], "90", "95", "10", "10")]



def test_the_review_marks_each_cell_of_a_table_row_where_it_stands():
    """The weight and the score are both 10: each is marked in its own cell, not at the first 10 of the row."""
    section = Section("sec", 1, "附表", ["一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分",
                                       "产出指标\t数量指标\t新开工项目\t≥10个\t12个\t10\t10"], ref="附")
    figures = report_import.figures_of([section], CATALOGUE)
    # (what is marked, and the cell it stands in: how many cells come before it)
    assert [(f.sentence[f.start:f.end], f.sentence[:f.start].count(report_import.CELL_BREAK)) for f in figures] == [
        ("10个", 3), ("12个", 4), ("10", 5), ("10", 6)]
    assert figures[-1].marked.endswith("| 10 | 【10】")


# 测试数据 in the form of the 部门整体支出绩效自评表: its table of 预算执行情况 and the total row of its indicator table
BUDGET_TABLE = ["年度预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
                "年度资金总额\t2,100.00\t2,400.00\t2,345.67\t10\t97.74%\t9.77",
                "其中：当年财政拨款\t2,000.00\t2,300.00\t2,250.00\t—\t97.83%\t—"]


@pytest.mark.parametrize(("body", "spending", "scores"), [
    # 2,345.67 ÷ 2,400.00 = 97.74%, × 10 = 9.77: the form's own figures
    (BUDGET_TABLE, [("total", "2100.00", "2400.00", "2345.67")], [("预算执行", "10", "9.77")]),
    # 元 as the table says (测试数据): taken where 0.01万元 holds them exactly, else left for a person
    # (30,986,600.00元 = 3,098.66万元; 24,445,512.34元 is 2,444.551234万元)
    (["单位：元", "项目\t年初预算数\t全年预算数\t全年执行数", "基本支出\t30,124,500.00\t31,208,000.00\t30,986,600.00",
      "项目支出\t22,100,000.00\t25,581,000.00\t24,445,512.34"],
     [("basic", "3012.45", "3120.80", "3098.66"), ("project", "2210.00", "2558.10", None)], []),
    (["第二单元", "项目\t年初预算数\t全年预算数\t全年执行数", "基本支出\t3,012.45\t3,120.80\t3,098.66"], [], []),  # no unit
    # one cell to a line, as some tools take a Word table's text, the indicator table's header after it
    ([cell for line in BUDGET_TABLE for cell in line.split("\t")] + ["一级指标", "二级指标", "三级指标"],
     [("total", "2100.00", "2400.00", "2345.67")], [("预算执行", "10", "9.77")]),
    # no 万元 said: the amounts are no amounts, the score is still the score
    ([BUDGET_TABLE[0].replace("（万元）", ""), *BUDGET_TABLE[1:]], [], [("预算执行", "10", "9.77")]),
    (["单位：万元", BUDGET_TABLE[0].replace("（万元）", ""), *BUDGET_TABLE[1:]],
     [("total", "2100.00", "2400.00", "2345.67")], [("预算执行", "10", "9.77")]),
    # a 决算 table by the template's items, its 合计 the whole (测试数据: 3,098.66 + 2,444.55 = 5,543.21)
    (["单位：万元", "项目\t年初预算数\t全年预算数\t全年执行数\t执行率", "基本支出\t3,012.45\t3,120.80\t3,098.66\t99.29%",
      "其中：项目支出\t2,210.00\t2,558.10\t2,444.55\t95.56%", "合计\t5,222.45\t5,678.90\t5,543.21\t97.61%"],
     [("basic", "3012.45", "3120.80", "3098.66"), ("project", "2210.00", "2558.10", "2444.55"),
      ("total", "5222.45", "5678.90", "5543.21")], []),
    # a table of the 三公 items (测试数据: 0 + 2.80 + 10.40 = 13.20): its 合计 is 三公经费, not the department's whole
    (["单位：万元", "项目\t预算数\t决算数", "因公出国（境）费\t0\t0", "公务接待费\t3.50\t2.80",
      "公务用车购置及运行维护费\t12.00\t10.40", "合计\t15.50\t13.20"],
     [("sangong_overseas", "0", None, "0"), ("sangong_reception", "3.50", None, "2.80"),
      ("sangong_vehicle", "12.00", None, "10.40"), ("sangong", "15.50", None, "13.20")], []),
    # a table of 收入: its 合计 is money come in, not spent, and stays for a person
    (["单位：万元", "项目\t预算数\t决算数", "财政拨款收入\t2,000.00\t2,100.00", "其他收入\t50.00\t45.00",
      "合计\t2,050.00\t2,145.00"], [], []),
    # items of two wholes: the 合计 is neither's for sure, and stays for a person
    (["单位：万元", "项目\t预算数\t决算数", "基本支出\t1,000.00\t990.00", "公务接待费\t3.50\t2.80", "合计\t1,003.50\t992.80"],
     [("basic", "1000.00", None, "990.00"), ("sangong_reception", "3.50", None, "2.80")], []),
    (["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分", "总分\t100\t99.77"], [], [("总分", "100", "99.77")]),
    (["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分", "总分\t99.77"], [], [("总分", None, "99.77")]),
])
def test_the_forms_tables_give_the_budget_its_execution_and_the_whole_score(body, spending, scores):
    section = Section("sec", 1, "附件：部门整体支出绩效自评表", body, ref="附")
    figures = report_import.figures_of([section], CATALOGUE)
    rows, _ = report_import.spending_rows("u", 2023, figures)
    assert [(r["item_code"], r.get("budget"), r.get("adjusted_budget"), r.get("actual")) for r in rows] == spending
    evaluation, _ = report_import.evaluation_rows("u", 2023, figures)
    assert [(r["level1"], r.get("max_score"), r["score"]) for r in evaluation] == scores


# 测试数据: a table of 项目支出's projects after the sentence stating it (1,280 + 600 + 320 = 2,200)
PROJECT_TABLE = ["2023年部门整体支出3,210.50万元，其中基本支出1,010.50万元，项目支出2,200.00万元。", "单位：万元",
                 "项目名称\t预算数\t实际支出\t执行率", "农村饮水安全巩固提升工程\t1,300.00\t1,280.00\t98.46%",
                 "中小河流治理项目\t600.00\t600.00\t100%", "水土保持综合治理\t320.00\t320.00\t100%",
                 "合计\t2,220.00\t2,200.00\t99.10%"]


@pytest.mark.parametrize(("body", "projects", "remainder"), [
    (PROJECT_TABLE, [("农村饮水安全巩固提升工程", "1300.00", "1280.00"), ("中小河流治理项目", "600.00", "600.00"),
                     ("水土保持综合治理", "320.00", "320.00")], False),
    # 1,280 + 600 = 1,880 of 2,200: the table lists the main projects only, the rest a remainder the view derives
    ([line for line in PROJECT_TABLE if not line.startswith("水土保持")],
     [("农村饮水安全巩固提升工程", "1300.00", "1280.00"), ("中小河流治理项目", "600.00", "600.00")], True),
    # 项目支出 not stated: no parent to hang them from, so the rows stay for a person
    (PROJECT_TABLE[1:], [], False),
])
def test_a_table_of_projects_gives_project_spending_its_projects_with_their_budgets(body, projects, remainder):
    section = Section("sec", 1, "（二）项目支出情况", body, ref="二(二)")
    figures = report_import.figures_of([section], CATALOGUE)
    rows, _ = report_import.spending_rows("u", 2023, figures)
    listed = [row for row in rows if row["parent_code"] == "project" and row.get("is_remainder") != "true"]
    assert [(row["item_name"], row.get("budget"), row.get("actual")) for row in listed] == projects
    assert any(row.get("is_remainder") == "true" for row in rows) is remainder
    # the table's sum is the projects', not the department's: listed for a person, never the total
    assert [f.kind for f in figures if f.name == "合计"] == ["unclassified", "unclassified"]


@pytest.mark.parametrize("group_cell", ["投入（20分）", "投入指标(20分)"])
def test_a_forms_group_cell_gives_the_groups_full_marks(group_cell):
    """测试数据 in the 投入, 过程 framework: the form writes each group's 分值 in its cell (投入（20分）) and no
    figure beside it; the sentence gives the scores (18.5 + 18 = 36.5 of the 40 shown)."""
    body = ["经自评，总分91.5分。其中：投入指标得分18.5分，过程指标得分18分。",
            "一级指标\t二级指标\t三级指标\t分值\t得分", f"{group_cell}\t目标设定\t绩效目标合理性\t5\t5",
            "\t预算配置\t在职人员控制率\t5\t5", "过程（20分）\t预算执行\t预算完成率\t5\t5",
            "预算管理（5分）\t公用经费控制率\t5\t4.5"]  # a part's 分值: no group's
    figures = report_import.figures_of([Section("sec", 1, "四、绩效自评结果", body, ref="四")], CATALOGUE)
    evaluation, _ = report_import.evaluation_rows("u", 2023, figures)
    assert [(r["level1"], r.get("max_score"), r["score"]) for r in evaluation] == [
        ("总分", None, "91.5"), ("投入", "20", "18.5"), ("过程", "20", "18")]


def test_the_forms_tables_in_word_with_their_merged_cells():
    """测试数据 as the national form lays it out in Word: 年度预算执行情况（万元） merged down its rows beside the
    rows' names, and 总分 merged across the columns of the names."""
    from docx import Document

    document = Document()
    document.add_paragraph("附件：部门整体支出绩效自评表")
    budget = document.add_table(rows=3, cols=8)
    for row, cells in zip(budget.rows, [
            ["年度预算执行情况（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", "2,100.00", "2,400.00", "2,345.67", "10", "97.74%", "9.77"],
            ["", "其中：当年财政拨款", "2,000.00", "2,300.00", "2,250.00", "—", "97.83%", "—"]]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    budget.cell(0, 0).merge(budget.cell(2, 0)).text = "年度预算执行情况（万元）"
    indicators = document.add_table(rows=3, cols=7)
    for row, cells in zip(indicators.rows, [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                                            ["产出指标", "数量指标", "新建校舍", "3所", "3所", "10", "10"]]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    indicators.cell(2, 0).merge(indicators.cell(2, 4)).text = "总分"
    indicators.cell(2, 5).text, indicators.cell(2, 6).text = "100", "99.77"
    out = io.BytesIO()
    document.save(out)
    draft = report_import.import_report("r.docx", out.getvalue(), "u", 2023, CATALOGUE)
    assert [(r["item_code"], r.get("budget"), r.get("adjusted_budget"), r.get("actual")) for r in draft.spending] == [
        ("total", "2100.00", "2400.00", "2345.67")]
    assert [(r["level1"], r.get("max_score"), r["score"]) for r in draft.evaluation] == [
        ("预算执行", "10", "9.77"), ("总分", "100", "99.77")]


def test_the_forms_tables_printed_to_pdf_give_what_their_text_gives():
    """测试数据: the form's two tables printed to PDF by Chromium. pypdf gives a row as a line of cells between
    spaces, as wide as the page's widest: joined as a paragraph that ran on, the rows read as one line and no table."""
    import html

    from perfboard.export import pdf_from_html

    lines = ["二、部门整体支出情况", "2023年度部门整体支出2,345.67万元。", "附件：部门整体支出绩效自评表", *BUDGET_TABLE,
             "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因",
             "产出指标\t数量指标\t完成人工造林面积\t≥1.5万亩\t1.62万亩\t20\t20\t无",
             "满意度指标\t服务对象满意度\t群众满意度\t≥90%\t95%\t10\t10\t无", "总分\t100\t99.77"]

    def as_html(line: str) -> str:
        if "\t" not in line:
            return f"<p>{html.escape(line)}</p>"
        return "<table border='1'><tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in line.split("\t")) + \
            "</tr></table>"

    page = ("<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC';font-size:11pt}</style>"
            "</head><body>" + "".join(as_html(line) for line in lines) + "</body></html>")
    catalogue = report_import.Catalogue.of([], [])
    as_text = report_import.import_report("r.txt", "\n".join(lines).encode(), "u", 2023, catalogue)
    as_pdf = report_import.import_report("r.pdf", pdf_from_html(page), "u", 2023, catalogue)
    assert [(r["level1"], r.get("max_score"), r["score"]) for r in as_pdf.evaluation] == [
        ("预算执行", "10", "9.77"), ("总分", "100", "99.77")]
    assert [(r["item_code"], r.get("budget"), r.get("adjusted_budget"), r.get("actual")) for r in as_pdf.spending] == [
        ("total", "2100.00", "2400.00", "2345.67")]
    assert (as_pdf.indicator_values, as_pdf.spending, as_pdf.evaluation) == \
        (as_text.indicator_values, as_text.spending, as_text.evaluation)


def test_a_table_with_the_unit_and_the_sign_in_columns_of_their_own():
    """测试数据 in the form of a 绩效目标表 that writes 指标性质 (≥/≤) and 度量单位 beside a bare 指标值: the unit
    comes from its column, the direction from the sign. A unit the report reader does not list (人·日) but
    written as a unit is the row's; a cell that is no unit (—) leaves the row to a person."""
    rows = ["一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分",
            "产出指标\t数量指标\t巡查飞行\t≥\t30\t架次\t32\t10\t10",
            "产出指标\t数量指标\t新开工项目\t≥\t14\t个\t12\t10\t8.57",
            "产出指标\t数量指标\t护林巡查\t≥\t900\t人日\t960\t10\t10",
            "产出指标\t数量指标\t群众来访接待\t≥\t50\t—\t64\t10\t10",
            "效益指标\t社会效益\t校园安全事故\t≤\t1\t起\t0\t10\t10"]
    figures = report_import.figures_of([Section("sec", 2, "（一）绩效指标完成情况", rows, ref="三(一)")], CATALOGUE)
    values, _ = report_import.indicator_rows("u", 2024, figures)
    proposed = {f.new_indicator.name: f.new_indicator for f in figures if f.new_indicator is not None}
    assert [(r["indicator_code"], r["target"], r["actual"]) for r in values] == [
        (proposed["巡查飞行"].code, "30", "32"), ("projects_started", "14", "12"), (proposed["护林巡查"].code, "900", "960"),
        (proposed["校园安全事故"].code, "1", "0")]
    assert [(p.unit, p.direction) for p in proposed.values()] == [("架次", "higher"), ("人日", "higher"), ("起", "lower")]
    assert {f.kind for f in figures if f.name == "群众来访接待"} == {"unclassified"}


HEALTH_PROSE = Section("prose", 2, "（一）产出指标", [
    "全年完成适龄儿童免疫规划疫苗接种4.2万剂次，目标值为4万剂次；开展65岁及以上老年人健康体检2.15万人，完成年度任务的107.5%。"],
    ref="三.一(一)")
HEALTH_TABLE = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
                "产出指标\t数量指标\t免疫规划疫苗接种剂次\t≥4万剂次\t4.2万剂次\t10\t10",
                "\t\t老年人健康体检人数\t≥2万人\t{checkups}万人\t10\t10"]


@pytest.mark.parametrize("table_first", [False, True], ids=["prose first", "table first"])
@pytest.mark.parametrize(("checkups", "indicators"), [
    ("2.15", ["免疫规划疫苗接种剂次", "老年人健康体检人数"]),
    # another actual: another count, whatever the names share (2.15 万人 in the prose, 2.3 in the table)
    ("2.3", ["免疫规划疫苗接种剂次", "开展65岁及以上老年人健康体检", "老年人健康体检人数"]),
])
def test_the_prose_and_the_table_naming_one_count_propose_one_indicator(table_first, checkups, indicators):
    """测试数据 of a health bureau (no catalogue): the prose and the form's table name the same counts in other
    words (适龄儿童免疫规划疫苗接种, 免疫规划疫苗接种剂次). With the same unit and actual they are one indicator, in
    the table's name, holding the prose's stated rate (107.5%) and the table's weight and score."""
    table = Section("table", 2, "（二）绩效指标完成情况表", [line.format(checkups=checkups) for line in HEALTH_TABLE],
                    ref="三.二")
    sections = [table, HEALTH_PROSE] if table_first else [HEALTH_PROSE, table]
    figures = report_import.figures_of(sections, report_import.Catalogue.of([], []))
    proposed = {f.new_indicator.code: f.new_indicator.name for f in figures if f.new_indicator is not None}
    assert sorted(proposed.values()) == sorted(indicators)
    values, _ = report_import.indicator_rows("u", 2023, figures)
    by_name = {proposed[r["indicator_code"]]: r for r in values}
    assert (by_name["免疫规划疫苗接种剂次"]["target"], by_name["免疫规划疫苗接种剂次"]["actual"]) == ("4", "4.2")
    if checkups == "2.15":
        assert {k: by_name["老年人健康体检人数"].get(k) for k in ("target", "actual", "stated_rate", "weight", "score")} == \
            {"target": "2", "actual": "2.15", "stated_rate": "107.5", "weight": "10", "score": "10"}


def test_a_listed_target_stays_on_the_overview_when_the_table_names_its_indicator_in_other_words():
    """测试数据: the year's targets list 适龄儿童免疫规划疫苗接种 (shown on 总览); the form's row
    免疫规划疫苗接种剂次 with the same actual stands for it, and keeps it on 总览."""
    targets = Section("targets", 2, "（三）年度工作目标", ["重点工作目标有：完成适龄儿童免疫规划疫苗接种4万剂次。"],
                      ref="一(三)")
    prose = Section("prose", 2, "（一）产出指标", ["全年完成适龄儿童免疫规划疫苗接种4.2万剂次。"], ref="三(一)")
    table = Section("table", 2, "（二）绩效指标完成情况表", [HEALTH_TABLE[0], HEALTH_TABLE[1]], ref="三(二)")
    figures = report_import.figures_of([targets, prose, table], report_import.Catalogue.of([], []))
    proposed = {f.new_indicator for f in figures if f.new_indicator is not None}
    assert [(p.name, p.is_headline) for p in proposed] == [("免疫规划疫苗接种剂次", True)]


HEALTH_OUTLINE = [Section("out", 2, "（一）产出指标", [], ref="三.一(一)"),
                  Section("quality", 3, "2.质量指标", ["孕产妇系统管理率为93.6%，较上年提高1.2个百分点。"], ref="三.一(一).2"),
                  Section("benefit", 2, "（二）效益指标", ["全县居民健康素养水平达到24.5%。"], ref="三.一(二)")]
HEALTH_GROUPS_TABLE = Section("table", 2, "（三）绩效指标完成情况表", [
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标\t质量指标\t孕产妇系统管理率\t≥90%\t93.6%\t10\t10",
    "效益指标\t社会效益指标\t居民健康素养水平\t≥22%\t24.5%\t20\t20"], ref="三.一(三)")


@pytest.mark.parametrize(("sections", "groups"), [
    # prose alone: 2.质量指标 names no group, the section around it does (产出指标)
    (HEALTH_OUTLINE, {"孕产妇系统管理率": ("产出", "质量指标"), "居民健康素养水平": ("效益", "效益指标")}),
    # the form's table after: its 一级指标 and 二级指标 stand (社会效益指标, not the prose's 效益指标)
    ([*HEALTH_OUTLINE, HEALTH_GROUPS_TABLE],
     {"孕产妇系统管理率": ("产出", "质量指标"), "居民健康素养水平": ("效益", "社会效益指标")}),
    ([HEALTH_GROUPS_TABLE, *HEALTH_OUTLINE],
     {"孕产妇系统管理率": ("产出", "质量指标"), "居民健康素养水平": ("效益", "社会效益指标")}),
], ids=["prose", "prose then table", "table then prose"])
def test_an_indicator_proposed_from_prose_takes_its_groups_from_the_outline_or_the_forms_table(sections, groups):
    """测试数据 of a health bureau, its catalogue empty: every figure of an indicator carries the one proposal."""
    figures = report_import.figures_of(sections, report_import.Catalogue.of([], []))
    carried = {(f.new_indicator.name, f.new_indicator.level1, f.new_indicator.level2) for f in figures if f.new_indicator}
    assert carried == {(name, *levels) for name, levels in groups.items()}


def seed_docx() -> bytes:
    from docx import Document

    document = Document()
    for line in SEED_REPORT.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


PARTS_REPORT = """桃江县教育局
2023年度部门整体支出绩效自评报告
第一部分 部门基本情况
一、部门职能
我局负责全县教育事业的统筹规划和管理。第一部分资金已拨付到校。
二、部门整体支出规模
2023年度部门整体支出5.23亿元，其中基本支出0.125亿元。
第二部分：绩效目标完成情况
一、产出指标
全年计划新建校舍3所，实际完成3所。
第三部分
经自评，我局2023年度部门整体支出绩效自评得分为92.5分，评价等级为“优”。
"""  # 测试数据: an outline in parts (第X部分), each numbering its chapters anew


def test_a_report_in_parts_keeps_its_parts_apart():
    sections = report_import.with_refs(report_import.outline(PARTS_REPORT.splitlines()))
    assert [(s.key, s.ref, s.level) for s in sections] == [
        ("preface", None, 1), ("sec1", "一", 1), ("sec1.1", "一.一", 2), ("sec1.2", "一.二", 2),
        ("sec2", "二", 1), ("sec2.1", "二.一", 2), ("sec3", "三", 1)]
    assert sections[2].body == ["我局负责全县教育事业的统筹规划和管理。第一部分资金已拨付到校。"]  # not a heading
    draft = report_import.import_report("r.txt", PARTS_REPORT.encode(), "u", 2023, CATALOGUE)
    assert [(row["level1"], row["score"], row["source"]) for row in draft.evaluation] == [("总分", "92.5", "三")]
    assert [(row["item_code"], row["actual"], row["source"]) for row in draft.spending] == [
        ("total", "52300", "一.二"), ("basic", "1250", "一.二")]


def test_the_docx_and_the_txt_give_the_same_draft():
    as_text = report_import.import_report("r.txt", SEED_REPORT.read_bytes(), "taojiang_hitech", 2024, CATALOGUE)
    as_word = report_import.import_report("r.docx", seed_docx(), "taojiang_hitech", 2024, CATALOGUE)
    assert as_word.indicator_values == as_text.indicator_values and len(as_text.indicator_values) == 38
    assert as_word.spending == as_text.spending and as_word.evaluation == as_text.evaluation
    assert as_word.narrative == as_text.narrative


def test_the_draft_goes_through_the_data_desk_and_holds_the_report_figures(tmp_path, capsys):
    """perfboard import writes the whole data with the unit-year drafted; the desk finds no problem in it; the
    figures match the hand-made data where both have them (bench/import_recall.py measures it all)."""
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    report = tmp_path / "2024年度部门整体支出自评绩效报告.docx"
    report.write_bytes(seed_docx())
    assert main(["import", str(report), "--unit", "taojiang_hitech", "--year", "2024", "--out", str(tmp_path / "草稿"),
                 "--db", str(db)]) == 0
    # 75 figures; unclassified: 一(一) 设置副处级岗位2个 and 四.3 植之源10万吨竹纤维（粉）建设项目, a capacity in a
    # project's name, both left for a person
    out = capsys.readouterr().out
    assert "已读出 75 个数字和 0 处文字表述" in out and "未归类 2 个" in out
    review = (tmp_path / "草稿.review.csv").read_text(encoding="utf-8-sig")
    assert "已实现入库税收【4.28亿元】" in review
    staged = desk.stage_directory(db, tmp_path / "草稿")
    dataset, problems = desk.check(staged)
    assert problems == []
    values = {r["indicator_code"]: r for r in dataset.tables["indicator_values"].rows if r["year"] == "2024"}
    assert (values["tax_revenue"]["target"], values["tax_revenue"]["actual"]) == ("4.28", "4.28")  # 一(三), 四.1
    assert values["financing_raised"]["stated_rate"] == "56.08"  # 四.5
    assert current_version(db) == 1  # importing never publishes
    assert main(["import", str(report), "--unit", "taojiang_hitech", "--year", "2024", "--out",
                 str(tmp_path / "草稿.xlsx"), "--db", str(db)]) == 0
    staged = desk.stage_upload(db, [("草稿.xlsx", (tmp_path / "草稿.xlsx").read_bytes())])
    assert desk.check(staged)[1] == []  # the workbook with its review sheet uploads as it is


@pytest.mark.parametrize(("year", "warned"), [(2024, False), (2023, True)])
def test_an_import_for_another_year_than_the_reports_title_names_is_questioned(tmp_path, capsys, year, warned):
    """The seed's title says 2024年度: drafting it as 2023 would put 2024's figures under 2023. The draft is
    still written (a person may mean it), with the question beside it."""
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    assert main(["import", str(SEED_REPORT), "--unit", "taojiang_hitech", "--year", str(year), "--out",
                 str(tmp_path / "草稿"), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert ("报告标题写的是2024年度" in err and f"导入的年度是{year}年" in err) is warned


@pytest.mark.parametrize(("title", "drafted_year"), [
    ("2024年度部门整体支出自评绩效报告", 2024),  # the seed's title: no --year, its year
    ("部门整体支出自评绩效报告", None),  # no year in the title: the command asks for one, and writes nothing
])
def test_an_import_without_a_year_takes_the_year_the_title_names(tmp_path, capsys, title, drafted_year):
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    report = tmp_path / "报告.txt"
    report.write_text(SEED_REPORT.read_text(encoding="utf-8").replace("2024年度部门整体支出自评绩效报告", title),
                      encoding="utf-8")
    code = main(["import", str(report), "--unit", "taojiang_hitech", "--out", str(tmp_path / "草稿"), "--db", str(db)])
    if drafted_year is None:
        assert code == 2 and "请用 --year 指定年度" in capsys.readouterr().err and not (tmp_path / "草稿").exists()
    else:  # the draft that --year 2024 writes
        assert code == 0 and main(["import", str(report), "--unit", "taojiang_hitech", "--year", str(drafted_year),
                                   "--out", str(tmp_path / "指定年度"), "--db", str(db)]) == 0
        written = sorted((tmp_path / "指定年度").rglob("*.csv"))
        assert len(written) >= 8 and all(
            (tmp_path / "草稿" / path.relative_to(tmp_path / "指定年度")).read_bytes() == path.read_bytes()
            for path in written)


@pytest.mark.parametrize(("title", "year"), [("2023年度部门整体支出绩效自评报告", 2023),
                                             ("桃江县教育局2022 年部门整体支出绩效自评报告", 2022),
                                             ("部门整体支出绩效自评报告", None)])
def test_the_year_a_reports_title_names(title, year):
    draft = report_import.import_report("r.txt", f"{title}\n一、基本情况\n正文。".encode(), "u", 2024, CATALOGUE)
    assert draft.stated_year == year


def test_the_review_takes_corrects_reassigns_and_rejects():
    """The person rejects the tax target, corrects the tax actual to 4.29, assigns the unclassified 2个 to
    新开工项目; the draft follows every decision and nothing else."""
    draft = report_import.import_report("r.txt", SEED_REPORT.read_bytes(), "taojiang_hitech", 2024, CATALOGUE)
    decisions = [report_import.Decision(number in draft.used, f.kind, f.indicator_code, f.value)
                 for number, f in enumerate(draft.figures)]
    for number, figure in enumerate(draft.figures):
        if (figure.kind, figure.indicator_code) == ("target", "tax_revenue"):
            decisions[number] = report_import.Decision(False, figure.kind, figure.indicator_code, figure.value)
        elif (figure.kind, figure.indicator_code) == ("actual", "tax_revenue"):
            decisions[number] = report_import.Decision(True, "actual", "tax_revenue", "4.29")
        elif figure.kind == "unclassified":
            decisions[number] = report_import.Decision(True, "actual", "projects_started", figure.value)
    values = {r["indicator_code"]: r for r in report_import.decided(draft, decisions, "taojiang_hitech", 2024)
              .indicator_values}
    assert (values["tax_revenue"].get("target"), values["tax_revenue"]["actual"]) == (None, "4.29")
    assert (values["projects_started"]["target"], values["projects_started"]["actual"]) == ("14", "2")
    assert len(values) == len(draft.indicator_values)


def test_a_text_pdf_gives_the_same_indicator_values_as_the_txt():
    """The report printed to PDF by Chromium (lines broken at the page edge, some characters as 康熙部首 code
    points): paragraphs joined again and characters restored, the same 38 rows."""
    import html

    from perfboard.export import pdf_from_html

    page = ("<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC';font-size:11pt}"
            "</style></head><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in
                                                SEED_REPORT.read_text(encoding="utf-8").splitlines()) + "</body></html>")
    as_text = report_import.import_report("r.txt", SEED_REPORT.read_bytes(), "taojiang_hitech", 2024, CATALOGUE)
    as_pdf = report_import.import_report("r.pdf", pdf_from_html(page), "taojiang_hitech", 2024, CATALOGUE)
    assert as_pdf.indicator_values == as_text.indicator_values


def test_a_saved_web_page_gives_the_same_indicator_values_as_the_txt():
    """The report as a government site publishes it (测试数据: the seed's lines as the paragraphs of a page, with a
    menu, a script and a style the reader must not take for text), saved as .html, in UTF-8 and in GB18030."""
    import html

    page = ("<html><head><meta charset='gbk'><title>桃江县人民政府</title><style>p{text-indent:2em}</style>"
            "<script>document.write('<p>完成投资99亿元</p>')</script></head><body><div class='nav'>首页 &gt; 政务公开"
            "</div><div class='article'>" + "".join(f"<p>　　{html.escape(line)}</p>\n" for line in
                                                  SEED_REPORT.read_text(encoding="utf-8").splitlines()) + "</div></body></html>")
    as_text = report_import.import_report("r.txt", SEED_REPORT.read_bytes(), "taojiang_hitech", 2024, CATALOGUE)
    for raw in (page.encode("utf-8"), page.encode("gb18030")):
        as_page = report_import.import_report("r.html", raw, "taojiang_hitech", 2024, CATALOGUE)
        assert as_page.indicator_values == as_text.indicator_values
        assert as_page.spending == as_text.spending and as_page.evaluation == as_text.evaluation


@pytest.mark.parametrize(("page", "lines"), [
    # a table's rows as a Word table's: cells joined by tabs, a cell merged down empty below it, one merged
    # across in each of its columns (测试数据)
    ("<table><tr><th>一级指标</th><th>三级指标</th><th>指标值</th></tr>"
     "<tr><td rowspan='2'>产出指标</td><td>农村公路<br>\n建设里程</td><td>≥50公里</td></tr>"
     "<tr><td>验收合格率</td><td>100%</td></tr><tr><td colspan='2'>总分</td><td>95.5</td></tr></table>",
     ["一级指标\t三级指标\t指标值", "产出指标\t农村公路建设里程\t≥50公里", "\t验收合格率\t100%", "总分\t总分\t95.5"]),
    # blocks end lines; a line break in the source between Chinese characters is no space; entities read
    ("<h2>一、部门概况</h2><p>本局内设\n股室6个，在编&nbsp;58人。</p>正文<br>续&lt;完&gt;",
     ["一、部门概况", "本局内设股室6个，在编 58人。", "正文", "续<完>"]),
    ("<p>未闭合的<b>段落<table><tr><td>甲<td>乙", ["未闭合的段落", "甲\t乙"]),  # broken markup still reads
    ("<table><tr><td rowspan='99999999' colspan='99999999'>大</td></tr></table>",  # a hostile span is capped
     ["\t".join(["大"] * report_import.MAX_SPAN)]),
])
def test_a_web_pages_text_is_read_as_its_paragraphs_and_table_rows(page, lines):
    assert report_import.document_lines("报告.htm", page.encode("utf-8")) == lines


def test_a_government_sites_page_gives_the_report_without_the_sites_own_lines():
    """测试数据 as a county site publishes a report: its menu, where the page sits, the article's details, its
    buttons and the footer are left out; the report's sentences stay, those with 技术支持 or 来源： too."""
    page = ("<div>首页 | 政务公开 | 互动交流</div><div>当前位置：首页 &gt; 政务公开 &gt; 绩效评价</div>"
            "<h1>某县民政局2023年度部门整体支出绩效自评报告</h1>"
            "<div>发布时间：2024-04-15 10:20　来源：某县民政局　浏览次数：1234　字号：【大 中 小】</div>"
            "<p>一、部门基本情况</p><p>为全县养老机构提供技术支持120次。</p><p>资金来源：财政拨款。</p>"
            "<div>【打印本页】【关闭窗口】</div><div>主办：某县人民政府办公室　备案号：湘ICP备12345678号</div>"
            "<div>版权所有© 某县人民政府</div>")
    assert report_import.document_lines("报告.html", page.encode("utf-8")) == [
        "某县民政局2023年度部门整体支出绩效自评报告", "一、部门基本情况", "为全县养老机构提供技术支持120次。", "资金来源：财政拨款。"]


@pytest.mark.parametrize(("page", "kept"), [
    ("一、概况\n完成投资35.44\n- 3 -", ["一、概况", "完成投资35.44"]),  # else 35.44 and 3 would read 35.443
    ("第 2 页 共 10 页\n亿元，同比增长10.63%。", ["亿元，同比增长10.63%。"]),
    ("—4—\n正文\n5/10", ["正文"]),
    ("2024年度\n正文", ["2024年度", "正文"]),  # a year is no page number
])
def test_a_pdf_page_is_read_without_its_number(page, kept):
    assert report_import.without_page_number(page) == kept


FULL = "根据部门整体支出绩效评价指标体系，我局2023年度部门整体支出绩效自评得分为94.5分，等级为优。"  # a line to the edge


@pytest.mark.parametrize(("lines", "paragraphs"), [
    # a line to the page's edge goes on in the next, unless it ends a sentence
    ([FULL[:-1] + "，", "其余见附表。"], [FULL[:-1] + "，其余见附表。"]),
    ([FULL, "其中：预算执行18.5分。"], [FULL, "其中：预算执行18.5分。"]),
    # a colon at the edge leads on (测试数据: how Chromium broke 六(四) of a report printed to PDF) …
    ([FULL + "其中：", "预算执行情况18.5分，产出指标37分。"], [FULL + "其中：预算执行情况18.5分，产出指标37分。"]),
    # … unless a numbered list follows
    ([FULL + "主要如下：", "1.核实数据。"], [FULL + "主要如下：", "1.核实数据。"]),
    # a table's rows stay lines of their own, and so does the line after the table
    (["一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分", "产出指标 数量指标 新建校舍 3所 3所 10 10",
      "总分 100 99.77", "全部完成。"],
     ["一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分", "产出指标 数量指标 新建校舍 3所 3所 10 10",
      "总分 100 99.77", "全部完成。"]),
])
def test_a_pdfs_lines_are_joined_into_its_paragraphs(lines, paragraphs):
    assert report_import.paragraphs_of(lines) == paragraphs


def test_a_pdf_with_numbered_pages_gives_the_same_indicator_values_as_the_txt():
    """The report printed to PDF with a page number closing each page (- 1 -, - 2 -): the numbers are dropped."""
    import html

    from perfboard.export import pdf_from_html

    lines = SEED_REPORT.read_text(encoding="utf-8").splitlines()
    pages = [lines[:len(lines) // 2], lines[len(lines) // 2:]]
    page = ("<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC';font-size:11pt}"
            "</style></head><body>" + "".join(
                "".join(f"<p>{html.escape(line)}</p>" for line in part)
                + f"<p style='text-align:center;page-break-after:always'>- {number} -</p>"
                for number, part in enumerate(pages, start=1)) + "</body></html>")
    as_text = report_import.import_report("r.txt", SEED_REPORT.read_bytes(), "taojiang_hitech", 2024, CATALOGUE)
    pdf = pdf_from_html(page)
    assert not any(line.strip() in ("- 1 -", "- 2 -") for line in report_import.document_lines("r.pdf", pdf))
    assert report_import.import_report("r.pdf", pdf, "taojiang_hitech", 2024, CATALOGUE).indicator_values == \
        as_text.indicator_values


@pytest.mark.parametrize(("headers", "merged"), [
    (["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"], False),
    (["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"], True),
    (["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值\n(B)", "分值", "自评得分"], False),
    (["一级指标", "二级指标", "指标内容", "预期目标值", "全年完成值", "权重", "得分"], False),
    (["一级指标", "二级指标", "具体指标", "年度目标", "实际完成", "分值", "得分"], False),
], ids=["plain", "cells merged across columns", "headers as the national form writes them", "other forms' words",
        "具体指标 and 年度目标"])
def test_a_word_table_is_read_row_by_row(headers, merged):
    from docx import Document

    document = Document()
    document.add_paragraph("一、部门整体支出绩效自评表")
    table = document.add_table(rows=2, cols=7)
    for row, cells in zip(table.rows, (headers, ["产出指标", "数量指标", "新开工项目", "14个", "12个", "10", "8.57"])):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    if merged:  # as forms often have it: the second- and third-level names in one cell
        table.cell(1, 1).merge(table.cell(1, 2)).text = "新开工项目"
    out = io.BytesIO()
    document.save(out)
    draft = report_import.import_report("表.docx", out.getvalue(), "u", 2024, CATALOGUE)
    assert [(r["indicator_code"], r["target"], r["actual"], r["weight"], r["score"])
            for r in draft.indicator_values] == [("projects_started", "14", "12", "10", "8.57")]


def test_import_names_the_units_it_knows_when_asked_for_another(tmp_path, capsys):
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    assert main(["import", str(SEED_REPORT), "--unit", "no_such_unit", "--year", "2024", "--out",
                 str(tmp_path / "草稿"), "--db", str(db)]) == 2
    assert "taojiang_hitech" in capsys.readouterr().err and not (tmp_path / "草稿").exists()


EDUCATION_REPORT = """桃江县教育局2023年度部门整体支出绩效自评报告（测试数据）
二、一般公共预算支出情况
2023年一般公共预算支出12,418.76万元。
（一）基本支出情况
2023年基本支出8,652.31万元。其中：工资福利支出7,805.20万元，商品和服务支出612.45万元，对个人和家庭的补助234.66万元。
（二）项目支出情况
2023年项目支出3,766.45万元。主要用于：学生资助专项资金1,285.30万元，其他项目2,481.15万元。
三、部门整体支出绩效情况
（一）产出指标
1.数量指标：全年资助家庭经济困难学生12,560人次，年度目标12,000人次，完成率104.67%。
（二）自评结论
我局2023年度部门整体支出绩效自评得分为94.5分，等级为“优”。
"""


def test_a_department_new_to_the_data_is_registered_with_its_first_report(tmp_path, capsys):
    """测试数据 in the outline of 一般公共预算支出情况 (8,652.31 + 3,766.45 = 12,418.76; 7,805.20 + 612.45 + 234.66 =
    8,652.31; 1,285.30 + 2,481.15 = 3,766.45): the unit, its spending, its indicator and its score, published."""
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    report = tmp_path / "教育局2023.txt"
    report.write_text(EDUCATION_REPORT, encoding="utf-8")
    assert main(["import", str(report), "--unit", "taojiang_edu", "--unit-name", "桃江县教育局（测试数据）",
                 "--year", "2023", "--out", str(tmp_path / "草稿"), "--db", str(db)]) == 0
    assert main(["publish", str(tmp_path / "草稿"), "--db", str(db)]) == 0
    con = duckdb.connect(str(current_build(db)), read_only=True)
    try:
        assert con.execute("select unit_name, parent_code from units where unit_code = 'taojiang_edu'").fetchall() == [
            ("桃江县教育局（测试数据）", None)]
        assert con.execute("select item_code, amount from spending_structure where unit_code = 'taojiang_edu' "
                           "and item_code in ('total', 'basic_family', 'project_2') order by item_code").fetchall() == [
            ("basic_family", Decimal("234.66")), ("project_2", Decimal("2481.15")), ("total", Decimal("12418.76"))]
        assert con.execute("select total_score, grade from evaluation_summary where unit_code = 'taojiang_edu'"
                           ).fetchall() == [(Decimal("94.5"), "优")]
        assert con.execute("select count(*) from findings where unit_code = 'taojiang_edu' and severity = ?",
                           [texts.SEVERITY_ERROR]).fetchone()[0] == 0  # its sums hold: no 错误
    finally:
        con.close()


def national_form_docx() -> bytes:
    """测试数据: a report whose indicators are all in a self-evaluation table the catalogue knows none of, as the
    national form lays it out (一级指标 merged down its rows), with a title row merged across the table."""
    from docx import Document

    document = Document()
    document.add_paragraph("一、部门整体支出绩效自评表")
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分"],
            ["产出指标", "数量指标", "新建校舍", "3个", "3个", "10", "10"],
            ["", "质量指标", "义务教育巩固率", "≥98%", "98.6%", "10", "10"],
            ["效益指标", "社会效益指标", "校园欺凌事件", "≤1起", "0起", "10", "10"],
            ["满意度指标", "服务对象满意度指标", "学生满意度", "≥90%", "93.2%", "10", "9"]]
    table = document.add_table(rows=len(rows) + 1, cols=7)
    table.cell(0, 0).merge(table.cell(0, 6)).text = "2023年度部门整体支出绩效自评表"
    for row, cells in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    table.cell(2, 0).merge(table.cell(3, 0)).text = "产出指标"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_table_of_indicators_the_catalogue_lacks_proposes_them(tmp_path):
    """Each row becomes a new indicator (group from 一级指标, category from 二级指标, ≤ makes lower better) with its
    value row; the desk finds no problem; published, the targets are judged as the table says."""
    draft = report_import.import_report("表.docx", national_form_docx(), "taojiang_hitech", 2023, CATALOGUE)
    proposed = {row["indicator_name"]: row for row in draft.indicators}
    assert {name: (row["level1"], row["level2"], row["unit"], row["direction"]) for name, row in proposed.items()} == {
        "新建校舍": ("产出", "数量指标", "个", "higher"), "义务教育巩固率": ("产出", "质量指标", "%", "higher"),
        "校园欺凌事件": ("效益", "社会效益指标", "起", "lower"), "学生满意度": ("满意度", "服务对象满意度指标", "%", "higher")}
    assert [(row["category_name"], row["sort_order"]) for row in draft.categories] == [  # in the table's order
        ("数量指标", "1"), ("质量指标", "2"), ("社会效益指标", "3"), ("服务对象满意度指标", "4")]
    values = {row["indicator_code"]: row for row in draft.indicator_values}
    assert (values[proposed["学生满意度"]["indicator_code"]]["target"],
            values[proposed["学生满意度"]["indicator_code"]]["actual"],
            values[proposed["学生满意度"]["indicator_code"]]["score"]) == ("90", "93.2", "9")
    assert "学生满意度（新指标：发布时加入指标目录）" in {row["name"] for row in report_import.review_rows(draft)}

    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    staged, _ = report_import.stage_report(data_files(DEFAULT_DATA_DIR), current_version(db), "表.docx",
                                           national_form_docx(), "taojiang_hitech", 2023)
    assert desk.check(staged)[1] == []
    desk.publish(db, staged, "测试", "导入", "", audit.every_unit_year)
    con = duckdb.connect(str(current_build(db)), read_only=True)
    status = dict(con.execute("select indicator_name, status from indicator_progress where unit_code = "
                              "'taojiang_hitech' and year = 2023 and indicator_code like 'ind_%'").fetchall())
    con.close()
    # 3 of 3个; 98.6% against ≥98%; 0起 against ≤1起 (lower is better); 93.2% against ≥90%
    assert status == {"新建校舍": "met", "义务教育巩固率": "met", "校园欺凌事件": "met", "学生满意度": "met"}


def test_a_proposed_indicator_given_to_another_in_the_review_is_not_proposed():
    draft = report_import.import_report("表.docx", national_form_docx(), "taojiang_hitech", 2023, CATALOGUE)
    decisions = [report_import.Decision(True, figure.kind,
                                        "approval_time_reduction" if figure.name == "学生满意度"  # a % the catalogue has
                                        else figure.indicator_code,
                                        figure.value) for figure in draft.figures]
    reviewed = report_import.decided(draft, decisions, "taojiang_hitech", 2023)
    assert "学生满意度" not in {row["indicator_name"] for row in reviewed.indicators}
    assert len(reviewed.indicators) == 3 and len(reviewed.categories) == 3


def auto_numbered_docx() -> bytes:
    """测试数据: a report whose chapter and section numbers Word draws itself (标题 1 numbered 一、, 标题 2 numbered
    （一）, a numbered list 1. 2.), so the text holds none of them; and a bulleted list."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.insert(1, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0">'
                                  '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    for style, level in (("Heading 1", 0), ("Heading 2", 1)):
        document.styles[style].element.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    def numbered_paragraph(text: str, num_id: int, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    document.add_paragraph("桃江县教育局2023年度部门整体支出绩效自评报告")
    document.add_heading("部门概况", level=1)
    document.add_heading("部门基本情况", level=2)
    numbered_paragraph("负责全县教育事业的统筹规划。", 90, 2)
    numbered_paragraph("负责全县学校的管理。", 90, 2)
    numbered_paragraph("一项要点", 91, 0)
    document.add_heading("部门整体支出规模", level=2)
    document.add_paragraph("2023年度部门整体支出5.23亿元，其中基本支出0.125亿元。")
    document.add_heading("二、绩效目标完成情况", level=1)  # a heading that writes its own number keeps it
    document.add_heading("产出指标", level=2)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_numbers_word_draws_itself_are_read_as_word_shows_them():
    lines = [line for line in report_import.document_lines("r.docx", auto_numbered_docx()) if line.strip()]
    assert lines == ["桃江县教育局2023年度部门整体支出绩效自评报告", "一、部门概况", "（一）部门基本情况",
                     "1.负责全县教育事业的统筹规划。", "2.负责全县学校的管理。", "一项要点", "（二）部门整体支出规模",
                     "2023年度部门整体支出5.23亿元，其中基本支出0.125亿元。", "二、绩效目标完成情况", "（一）产出指标"]
    sections = report_import.with_refs(report_import.outline(lines))
    assert [(s.key, s.ref) for s in sections] == [
        ("preface", None), ("sec1", "一"), ("sec1.1", "一(一)"), ("sec1.2", "一(二)"), ("sec2", "二"),
        ("sec2.1", "二(一)")]
    draft = report_import.import_report("r.docx", auto_numbered_docx(), "u", 2023, CATALOGUE)
    assert [(row["item_code"], row["source"]) for row in draft.spending] == [("total", "一(二)"), ("basic", "一(二)")]


@pytest.mark.parametrize(("line", "heading"), [
    ("1.预算编制情况", True), ("（1）产出指标完成情况：", True),
    # alone under its heading, but a sentence: its figures are read (they were lost as a heading's title)
    ("2.质量指标：城镇调查失业率控制在5.5%以内；", False), ("3.补贴资金按时发放率100%。", False),
    ("1.新建校舍3所，年度目标3所", False), ("2.质量指标：验收合格率100%。", False),
    ("1.综合实力稳步提升。", True),  # the seed's 四.1: a title closed by 。 (its figures went to 四)
])
def test_a_numbered_line_alone_is_a_heading_unless_it_reads_as_a_sentence(line, heading):
    sections = report_import.outline(["某局2023年度部门整体支出绩效自评报告", "三、绩效情况", "（一）产出指标", line])
    assert (sections[-1].title == line) is heading
    assert (line in sections[-1].body) is not heading


def test_a_word_file_without_numbering_definitions_is_read():
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE

    document = Document()
    document.add_heading("一、部门概况", level=1)
    document.add_paragraph("正文。")
    numbering = next(rel for rel in document.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.NUMBERING)
    document.part.drop_rel(numbering.rId)
    out = io.BytesIO()
    document.save(out)
    assert [line for line in report_import.document_lines("r.docx", out.getvalue()) if line] == ["一、部门概况", "正文。"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # (item, 年初预算, 调整后预算, 实际支出); hand-written in the forms reports use. 全年预算数 is the adjusted budget.
    ("2023年，我局年初预算数为8,765.43万元，全年预算数为9,123.45万元，全年执行数为9,000.12万元，预算执行率为98.65%。",
     [("total", "8765.43", "9123.45", "9000.12")]),
    ("基本支出年初预算1000万元，调整后预算1100万元，实际支出1050万元。", [("basic", "1000", "1100", "1050")]),
    ("项目支出预算数为500万元，执行数为450万元。", [("project", "500", None, "450")]),
    # money that is not spent is no spending item's budget or amount (hand-written, in the forms reports use)
    ("2023年度收入决算数为1300万元，支出决算数为1234.56万元。", [("total", None, None, "1234.56")]),
    ("年初预算数为1200万元，收入决算数为1300万元。", [("total", "1200", None, None)]),
    ("财政拨款预算数1200万元。", []),
    ("全年共支出4,480.23万元。", [("total", None, None, "4480.23")]),
    # 追加预算 changes the budget: it is none (11,200.00 + 1,363.48 = 12,563.48, the 收入总计)
    ("一般公共预算收入总计12,563.48万元，其中年初预算11,200.00万元，追加预算1,363.48万元。",
     [("total", "11200.00", None, None)]),
    ("2024年度支出52318.07万元，基本支出801.45万元。",  # 一(二) of the 2024 report: no budget given
     [("total", None, None, "52318.07"), ("basic", None, None, "801.45")]),
    # the item a sentence's lead names; a lead naming one project of its own gives the whole nothing (its
    # 1,600 and 1,500 were drafted as the total's budget and spending)
    ("项目支出：年初预算1,000万元，实际支出950万元。", [("project", "1000", None, "950")]),
    ("预算执行情况：年初预算数2,500万元，全年执行数2,801.22万元。", [("total", "2500", None, "2801.22")]),
    ("（1）农村公路建设项目：预算1,600万元，实际支出1,500万元，执行率93.75%。", []),
    ("项目支出500余万元。", []),  # more than 500: spending.csv holds amounts, not bounds; left for a person
])
def test_budgets_go_to_the_item_the_sentence_speaks_of(sentence, expected):
    figures = read(sentence, "（二）部门整体支出规模")
    rows = drafted_spending(figures)
    assert [(r["item_code"], r.get("budget"), r.get("adjusted_budget"), r.get("actual")) for r in rows] == expected


@pytest.mark.parametrize(("title", "speaks_of_spending"), [
    ("二、部门整体支出情况", True), ("（二）项目支出", True), ("（三）预算执行情况", True), ("一、部门收支情况", True),
    ("（三）“三公”经费支出情况", True), ("四、部门整体支出绩效情况", False), ("（一）产出指标", False),
    ("（一）经济性", True), ("（三）效果性", False),  # the 4E outline: 经济性 speaks of the budget and 三公经费
])
def test_the_sections_that_speak_of_spending(title, speaks_of_spending):
    assert report_import.is_spending_section(Section("s", 1, title, [], ref="二")) == speaks_of_spending


@pytest.mark.parametrize(("title", "expected"), [
    # 测试数据: a subsection whose own title names no spending, in a chapter of spending
    ("（三）资金管理情况", [("total", None, "4600.00", "4480.23")]),
    ("（三）绩效目标完成情况", []),  # the chapter's part on performance speaks of no spending
])
def test_a_subsection_of_the_spending_chapter_speaks_of_spending(title, expected):
    chapter = Section("sec2", 1, "二、部门整体支出管理及使用情况", [], ref="二")
    section = Section("sec2.3", 2, title, ["全年预算数4,600.00万元，执行数4,480.23万元，预算执行率97.40%。"], ref="二(三)")
    figures = [(f.kind, f.name, f.value, f.unit) for f in report_import.figures_of([chapter, section], CATALOGUE)]
    rows = drafted_spending(figures)
    assert [(r["item_code"], r.get("budget"), r.get("adjusted_budget"), r.get("actual")) for r in rows] == expected


@pytest.mark.parametrize(("period", "marked"), [
    ("截至10月", "截至10月"), ("截至目前", "截至目前"),
    ("截至12月", ""), ("截至12月底", ""), ("截至12月末", ""), ("截至12月31日", ""),  # the year's end: the whole year
    # months counted from January (测试数据; 1-10月 was drafted as the whole year's actual, unmarked)
    ("1-10月", "1-10月"), ("1至11月", "1至11月"), ("1—9月份", "1—9月份"), ("1-12月", ""), ("1至12月", ""),
])
def test_a_figure_to_the_years_end_is_not_marked_as_part_of_the_year(period, marked):
    section = Section("sec", 2, "1.主要工作完成情况", [f"{period}，新引进项目20个。"], ref="四.2")
    rows, _ = report_import.indicator_rows("u", 2024, report_import.figures_of([section], CATALOGUE))
    assert [(row["indicator_code"], row["actual"], row["period"]) for row in rows] == [
        ("projects_introduced", "20", marked)]


STACKED_TABLE = """某县教育局2023年度部门整体支出绩效自评报告（测试数据）
二、绩效自评表
一级指标
二级指标
三级指标
年度指标值
实际完成值
分值
得分
偏差原因分析及改进措施
产出指标
数量指标
新建校舍
3所
3所
10
10
无
培训教师
500人次
520人次
10
10

质量指标
义务教育巩固率
≥98%
98.6%
10
10
无
时效指标
资金拨付及时性
及时
及时
10
10
无
效益指标
社会效益指标
学生资助覆盖率
100%
95%
20
18
部分学生材料不全，下年度加强审核。
经自评，我局2023年度部门整体支出绩效自评得分为92分。
"""


@pytest.mark.parametrize(("reason_column", "notes"), [(True, False), (False, False), (True, True)])
def test_a_table_of_one_cell_to_a_line_is_read_as_its_rows(reason_column, notes):
    """测试数据, as some tools take a Word table's text: one cell to a line, 一级指标 and 二级指标 written once,
    a blank 偏差原因 left out. Each row gives its figures to its indicator, with its group and category; a
    row of words (及时 | 及时) gives its words, a qualitative indicator's; the paragraph after the table is read as
    prose."""
    text = STACKED_TABLE if reason_column else "\n".join(
        line for line in STACKED_TABLE.splitlines() if line not in ("偏差原因分析及改进措施", "无", "部分学生材料不全，下年度加强审核。"))
    if notes:  # a header cell's note on a line of its own: 年度指标值 / （A）
        text = text.replace("年度指标值\n", "年度指标值\n（A）\n").replace("实际完成值\n", "实际完成值\n(B)\n")
    draft = report_import.import_report("r.txt", text.encode(), "u", 2023, report_import.Catalogue.of([], []))
    proposed = {row["indicator_code"]: (row["indicator_name"], row["level1"], row["level2"]) for row in draft.indicators}
    assert [(*proposed[r["indicator_code"]], r.get("target") or r.get("target_text"),
             r.get("actual") or r.get("actual_text"), r.get("weight"), r.get("score"))
            for r in draft.indicator_values] == [
        ("新建校舍", "产出", "数量指标", "3", "3", "10", "10"), ("培训教师", "产出", "数量指标", "500", "520", "10", "10"),
        ("义务教育巩固率", "产出", "质量指标", "98", "98.6", "10", "10"), ("资金拨付及时性", "产出", "时效指标", "及时", "及时", "10", "10"),
        ("学生资助覆盖率", "效益", "社会效益指标", "100", "95", "20", "18")]
    assert {row["indicator_name"]: row["unit"] for row in draft.indicators}["资金拨付及时性"] == "定性"
    assert [(r["level1"], r["score"]) for r in draft.evaluation] == [("总分", "92")]


@pytest.mark.parametrize("pipes", [True, False])  # a text converter's cells between pipes, a Word table's
def test_a_table_no_form_reader_knows_gives_its_figures_led_by_their_columns_names(pipes):
    """测试数据: the form's 年度总体目标 table (预期目标 | 实际完成情况) reads as the pairs its rows state; its figures
    were not listed at all. A table of the form's scoring (一级指标 … 分值 得分) is not read again as prose: its
    group's 20分 is one full mark, not two."""
    rows = ["年度总体目标|预期目标|实际完成情况", "目标1|完成老旧小区改造12个|已完成改造12个",
            "目标2|新增城镇就业1000人|新增城镇就业1,200人", "说明：以上为年度总体目标。",
            "一级指标|二级指标|三级指标|分值|得分", "投入（20分）|目标设定|绩效目标合理性|5|5"]
    text = "\n".join(["某县住建局2023年度部门整体支出绩效自评报告（测试数据）", "三、绩效目标完成情况",
                      *(row if pipes else row.replace("|", "\t") for row in rows)])
    draft = report_import.import_report("r.txt", text.encode(), "u", 2023, report_import.Catalogue.of([], []))
    assert [(f.kind, f.name, f.value) for f in draft.figures] == [  # the form's tables first, then the prose
        ("max_score", "投入", "20"), ("target", "老旧小区改造", "12"), ("actual", "老旧小区改造", "12"),
        ("target", "新增城镇就业", "1000"), ("actual", "新增城镇就业", "1200")]


def test_the_forms_tables_in_one_word_table_give_the_budget_the_years_targets_and_the_indicators():
    """测试数据: the form as one Word table, its 预算执行情况, then 年度总体目标 (rows of names, no figure, begin it),
    then the indicators: each read once, by its own reader (1150 ÷ 1200 = 95.83%, the form's 执行率)."""
    rows = ["年度预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额\t1000\t1200\t1150\t10\t95.83%\t9.58", "年度总体目标\t预期目标\t实际完成情况",
            "目标1\t完成老旧小区改造12个\t已完成改造12个",
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分", "产出指标\t数量指标\t新建公厕\t5座\t5座\t10\t10"]
    text = "\n".join(["某县住建局2023年度部门整体支出绩效自评报告（测试数据）", "三、绩效自评表", *rows])
    draft = report_import.import_report("r.txt", text.encode(), "u", 2023, report_import.Catalogue.of([], []))
    assert [(f.kind, f.name, f.value) for f in draft.figures] == [
        ("budget", "部门整体支出", "1000"), ("adjusted_budget", "部门整体支出", "1200"), ("spending", "部门整体支出", "1150"),
        ("max_score", "预算执行", "10"), ("score", "预算执行", "9.58"),
        ("target", "新建公厕", "5"), ("actual", "新建公厕", "5"), ("weight", "新建公厕", "10"),
        ("indicator_score", "新建公厕", "10"), ("target", "老旧小区改造", "12"), ("actual", "老旧小区改造", "12")]


# 测试数据: a form with 评分标准 between its values, one cell to a line; a short 偏差原因 without punctuation
RULE_COLUMN_ROWS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "评分标准", "分值", "实际完成值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "新建农村供水工程", "12处", "每少1处扣1分", "10", "12处", "10"],
    ["产出指标", "数量指标", "水毁工程修复", "35处", "按完成比例计分", "10", "33处", "9.4", "部分工程受汛期影响顺延"],
    ["产出指标", "质量指标", "工程验收合格率", "100%", "低于100%不得分", "10", "100%", "10"],
    ["产出指标", "时效指标", "资金拨付及时性", "及时", "不及时不得分", "10", "及时", "10"],
    ["效益指标", "社会效益指标", "受益人口", "3.2万人", "按完成比例计分", "10", "3.5万人", "10"],
]


@pytest.mark.parametrize("merged", [False, True])  # 一级指标 and 二级指标 in every row, or once as merged cells
def test_a_table_of_one_cell_to_a_line_with_its_scoring_rule_between_the_values(merged):
    """Each row of figures gives its indicator its target, actual, weight and score (the rule 每少1处扣1分 and the
    reason 部分工程受汛期影响顺延 are the row's own words); the row of words gives its target and its result in
    words (及时, after the weight: the rule's place tells the row's columns)."""
    lines, written = [], {}
    for row in RULE_COLUMN_ROWS:
        for place, cell in enumerate(row):
            if merged and place < 2 and written.get(place) == cell:
                continue
            written[place] = cell
            lines.append(cell)
    text = "\n".join(["某县水利局2023年度部门整体支出绩效自评报告（测试数据）", "三、绩效指标完成情况", *lines])
    draft = report_import.import_report("r.txt", text.encode(), "u", 2023, report_import.Catalogue.of([], []))
    proposed = {row["indicator_code"]: (row["indicator_name"], row["level2"]) for row in draft.indicators}
    assert [(*proposed[r["indicator_code"]], r.get("target") or r.get("target_text"),
             r.get("actual") or r.get("actual_text"), r.get("weight"), r.get("score"))
            for r in draft.indicator_values] == [
        ("新建农村供水工程", "数量指标", "12", "12", "10", "10"), ("水毁工程修复", "数量指标", "35", "33", "10", "9.4"),
        ("工程验收合格率", "质量指标", "100", "100", "10", "10"), ("资金拨付及时性", "时效指标", "及时", "及时", "10", "10"),
        ("受益人口", "社会效益指标", "3.2", "3.5", "10", "10")]
    # the report's page shows the rows it read as a table's rows, every word kept
    names = "\t\t" if merged else "产出指标\t数量指标\t"  # a merged cell stands empty below its first row
    assert f"\n\n{names}水毁工程修复\t35处\t按完成比例计分\t10\t33处\t9.4\t部分工程受汛期影响顺延\n\n" in draft.narrative
    assert all(word in draft.narrative for word in lines)


# 测试数据: the form's indicator table as text converters write it, cells between pipes (the full-width ｜ too)
PIPED_ROWS = ["一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|偏差原因分析及改进措施",
              "产出指标|数量指标|新建农村公路|50公里|52公里|10|10|",
              "产出指标｜数量指标｜危桥改造｜12座｜10座｜10｜8.3｜2座因汛期顺延",
              "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 |",
              "总分|||||100|95.8|"]


@pytest.mark.parametrize("markdown", [False, True])  # 一级指标|…|偏差原因, and | 一级指标 | … | with a rule row
def test_a_table_of_cells_between_pipes_is_read_as_its_rows(markdown):
    """Each row gives its indicator its target, actual, weight and score, with its group and category; the total
    row gives the whole score and its full marks, once."""
    rows = [f"| {row} |" for row in PIPED_ROWS] if markdown else PIPED_ROWS
    if markdown:
        rows.insert(1, "|---|---|---|:---:|---|---|---|---|")
    text = "\n".join(["某县交通运输局2023年度部门整体支出绩效自评报告（测试数据）", "三、绩效指标完成情况", *rows,
                      "经自评，本局得分95.8分。"])
    draft = report_import.import_report("r.txt", text.encode(), "u", 2023, report_import.Catalogue.of([], []))
    proposed = {row["indicator_code"]: (row["indicator_name"], row["level1"], row["level2"]) for row in draft.indicators}
    assert [(*proposed[r["indicator_code"]], r.get("target"), r.get("actual"), r.get("weight"), r.get("score"))
            for r in draft.indicator_values] == [
        ("新建农村公路", "产出", "数量指标", "50", "52", "10", "10"), ("危桥改造", "产出", "数量指标", "12", "10", "10", "8.3"),
        ("群众满意度", "满意度", "服务对象满意度指标", "90", "95", "10", "10")]
    assert [(r["level1"], r.get("max_score"), r["score"]) for r in draft.evaluation] == [("总分", "100", "95.8")]
    assert not [f for f in draft.figures if f.kind == "unclassified" and f.number in ("100", "95.8")]


@pytest.mark.parametrize(("line", "row"), [
    ("a|b|c", "a\tb\tc"), ("| a | b | c |", "a\tb\tc"), ("a|b|", "a\tb\t"), ("|---|:---:|", None),
    ("资金用于A|B两项。", "资金用于A|B两项。"),  # one pipe: prose, as it is
])
def test_a_line_of_cells_between_pipes(line, row):
    assert report_import.piped_row(line) == row


def test_short_lines_that_are_no_table_header_stay_as_they_are():
    body = ["主要职能：", "一级指标", "负责全县教育规划。", "新建校舍3所。"]
    assert report_import.stacked_tables(body) == body


@pytest.mark.parametrize(("sentence", "remainder"), [
    # 测试数据: a list that names only some of the projects leaves a remainder the view derives (is_remainder)
    ("项目支出3,456.78万元，主要用于基本公共卫生服务补助资金2,100.00万元、计划生育家庭奖励扶助资金980.50万元。", True),
    ("项目支出3,456.78万元，包括基本公共卫生服务补助资金2,100.00万元、计划生育家庭奖励扶助资金980.50万元等。", True),
    ("项目支出3,080.50万元，包括基本公共卫生服务补助资金2,100.00万元、计划生育家庭奖励扶助资金980.50万元。", False),
])
def test_a_list_of_some_projects_leaves_the_rest_as_a_derived_remainder(sentence, remainder):
    section = Section("sec2.2", 2, "（二）项目支出", [sentence], ref="二(二)")
    rows, _ = report_import.spending_rows("u", 2023, report_import.figures_of([section], CATALOGUE))
    assert [r["item_code"] for r in rows] == ["project", "project_1", "project_2", *(
        ["project_unitemised"] if remainder else [])]  # the listed projects numbered 1, 2, the remainder last
    assert [r["item_code"] for r in rows if r.get("is_remainder") == "true"] == (
        ["project_unitemised"] if remainder else [])
    assert [r["actual"] for r in rows if r["item_code"].startswith("project_") and r.get("actual")] == [
        "2100.00", "980.50"]


def test_the_projects_listed_after_the_sentence_of_project_spending_leave_no_remainder_when_they_add_up():
    """测试数据 in the form of 二(二) of a 一般公共预算 report: 项目支出 in one sentence, the projects in the next,
    the last by a name of no kind (其他项目). 1,285.30 + 986.12 + 1,099.53 = 3,370.95: nothing left over."""
    section = Section("sec2.2", 2, "（二）项目支出情况", [
        "2023年项目支出3,370.95万元。主要用于：学生资助专项资金1,285.30万元，薄弱学校改造资金986.12万元，"
        "其他项目1,099.53万元。"], ref="二(二)")
    rows, _ = report_import.spending_rows("u", 2023, report_import.figures_of([section], CATALOGUE))
    assert [(r["item_code"], r["item_name"], r["actual"]) for r in rows] == [
        ("project", "项目支出", "3370.95"), ("project_1", "学生资助专项资金", "1285.30"),
        ("project_2", "薄弱学校改造资金", "986.12"), ("project_3", "其他项目", "1099.53")]


@pytest.mark.parametrize("sentences", [
    ["2023年一般公共预算支出1,000.00万元。", "2023年部门整体支出1,200.00万元。"],
    ["2023年部门整体支出1,200.00万元。", "2023年一般公共预算支出1,000.00万元。"],
])
def test_the_general_budgets_spending_is_the_whole_only_when_the_report_states_no_other(sentences):
    """测试数据: a unit with 政府性基金 spends more than its general budget; whichever comes first, the stated
    total is the whole and the general budget's figure stays in the review list."""
    section = Section("sec2", 1, "二、部门整体支出情况", sentences, ref="二")
    figures = report_import.figures_of([section], CATALOGUE)
    rows, used = report_import.spending_rows("u", 2023, figures)
    assert [(r["item_code"], r["actual"]) for r in rows] == [("total", "1200.00")]
    assert [figures[number].value for number in used] == ["1200.00"]


@pytest.mark.parametrize(("body", "expected"), [
    (["基本支出1,000.00万元，其中：人员经费800.00万元，资本性支出200.00万元。"],
     [("basic", ""), ("basic_personnel", "basic"), ("basic_2", "basic")]),
    (["基本支出1,000.00万元。资本性支出50.00万元。"], [("basic", "")]),  # not in its list: another matter
    # a list of no part the template knows may be no breakdown (政府采购 cuts across them): left for a person
    (["基本支出1,000.00万元，其中政府采购支出300.00万元。"], [("basic", "")]),
    (["部门整体支出1,234.56万元，其中政府采购支出300.00万元。"], [("total", "")]),
    # 基本支出 unstated: its parts, and one by a name of its own, under the total (800 + 300 + 84.56 + 50 = 1,234.56)
    (["2023年度本单位总支出1,234.56万元，其中：工资福利支出800.00万元，商品和服务支出300.00万元，"
      "对个人和家庭的补助支出84.56万元，资本性支出50.00万元。"],
     [("total", ""), ("basic_personnel", "total"), ("basic_public", "total"), ("basic_family", "total"),
      ("total_1", "total")]),
])
def test_a_part_by_a_name_of_its_own_must_stand_in_a_list_of_the_templates_parts(body, expected):
    section = Section("sec2.1", 2, "（一）基本支出", body, ref="二(一)")
    rows, _ = report_import.spending_rows("u", 2023, report_import.figures_of([section], CATALOGUE))
    assert [(r["item_code"], r["parent_code"]) for r in rows] == expected


def test_an_amount_said_again_differently_stays_in_the_review_list():
    """The first stands; the review must not call the second 已采用 when the draft does not hold it."""
    section = Section("sec2.1", 2, "（一）基本支出", ["基本支出2,345.67万元。2023年基本支出2,000.00万元。"], ref="二(一)")
    figures = report_import.figures_of([section], CATALOGUE)
    rows, used = report_import.spending_rows("u", 2023, figures)
    assert [(r["item_code"], r["actual"]) for r in rows] == [("basic", "2345.67")]
    assert [figures[number].value for number in used] == ["2345.67"]


@pytest.mark.parametrize(("title", "sentence", "expected"), [
    ("（一）基本支出", "2023年基本支出1,234.56万元，其中：人员经费1,000.00万元，主要用于在职人员工资。",
     [("basic", "基本支出"), ("basic_personnel", "人员经费")]),
    ("（二）项目支出", "项目支出1,000.00万元，主要为教师培训专项经费300万元、学生资助资金500万元。",
     [("project", "项目支出"), ("project_1", "教师培训专项经费"), ("project_2", "学生资助资金")]),
    ("（一）基本支出", "基本支出2,345.67万元。2023年基本支出2,345.67万元。", [("basic", "基本支出")]),  # one name, said twice
    # a numbered list: the numbers are no part of the names (820.00 + 650.30 + 120.00 + 385.59 = 1,975.89)
    ("（二）项目支出情况", "项目支出1,975.89万元，具体包括：1.水毁修复820.00万元；2.饮水安全650.30万元；3.河长制工作经费120.00万元；"
                    "4.其他385.59万元。",
     [("project", "项目支出"), ("project_1", "水毁修复"), ("project_2", "饮水安全"), ("project_3", "河长制工作经费"),
      ("project_4", "其他")]),
])
def test_spending_items_are_named_as_the_report_names_them_without_the_year(title, sentence, expected):
    figures = read(sentence, title)
    rows = drafted_spending(figures)
    assert [(row["item_code"], row["item_name"]) for row in rows] == expected


def test_numbering_a_word_file_gets_wrong_gives_no_number_and_no_error():
    """测试数据: a paragraph on list level 20 (Word has 0 to 8; the file defines it anyway) and one on a list the
    file does not define."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = Document(io.BytesIO(auto_numbered_docx()))
    abstract = next(element for element in document.part.numbering_part.element.findall(qn("w:abstractNum"))
                    if element.get(qn("w:abstractNumId")) == "90")
    abstract.append(parse_xml(f'<w:lvl {nsdecls("w")} w:ilvl="20"><w:numFmt w:val="decimal"/>'
                              '<w:lvlText w:val="%21."/></w:lvl>'))
    for level, num_id in ((20, 90), (0, 77)):
        document.add_paragraph(f"第{level}级").paragraph_format.element.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    out = io.BytesIO()
    document.save(out)
    assert report_import.document_lines("r.docx", out.getvalue())[-2:] == ["第20级", "第0级"]


def test_a_word_report_is_read_inside_content_controls_with_its_line_breaks_and_tabs():
    """测试数据 as templates write it: a heading and its text in one paragraph split by Shift+Enter, a tab after a
    chapter's number, a paragraph and a table inside content controls (w:sdt), a tab stop in a paragraph's style."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    body = document.element.body
    w = nsdecls("w")
    body.insert(0, parse_xml(f'<w:p {w}><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
                             '<w:r><w:t>一、</w:t><w:tab/><w:t>部门基本情况</w:t><w:br/>'
                             '<w:t>内设股室8个。</w:t></w:r></w:p>'))
    body.insert(1, parse_xml(f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>二、绩效目标完成情况</w:t></w:r></w:p>'
                             '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>三级指标</w:t></w:r></w:p></w:tc>'
                             '<w:tc><w:p><w:r><w:t>年度指标值</w:t><w:br/><w:t>（A）</w:t></w:r></w:p></w:tc></w:tr>'
                             '</w:tbl></w:sdtContent></w:sdt>'))
    out = io.BytesIO()
    document.save(out)
    assert report_import.document_lines("r.docx", out.getvalue())[:4] == [
        "一、 部门基本情况", "内设股室8个。", "二、绩效目标完成情况", "三级指标\t年度指标值（A）"]


def test_a_pdf_gives_back_every_character_its_font_shares_with_a_radical():
    """Every CJK character U+4E00–U+9FA5 printed by Chromium in Noto Sans CJK SC (as the app's own exports are)
    and read back: the font maps 民 to ⺠ and 户 to ⼾ (whose NFKC is 戶), 270 characters in all to radicals and
    four to characters of Extension A (胶 to 㬵); each reads as itself (RADICAL_CHARACTERS). 居民2,340户 read as 居⺠2,340戶 lost its figure."""
    from perfboard.export import pdf_from_html

    characters = [chr(code) for code in range(0x4E00, 0x9FA6)]
    lines = ["".join(characters[at:at + 50]) for at in range(0, len(characters), 50)]
    page = ("<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC';font-size:10pt}"
            "p{margin:0}</style></head><body>" + "".join(f"<p>{line}。</p>" for line in lines) + "</body></html>")
    read = "".join(report_import.document_lines("全部汉字.pdf", pdf_from_html(page))).replace("。", "")
    # 壿 and 墫, both rare, share one glyph that reads as 墫: one of the two cannot be told
    assert [(want, got) for want, got in zip("".join(lines), read) if want != got] == [("壿", "墫")]
    assert len(read) == len(characters)


def blank_pdf(password: str | None = None) -> bytes:
    """测试数据: one page with nothing written on it, as a scanned report holds no text."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("name", "raw", "reason"), [  # 测试数据, each broken as a report an editor has can be
    ("坏.pdf", b"%PDF-1.4\ngarbage\n", texts.REPORT_NOT_PDF),  # cut off after its header
    ("坏.docx", b"PK\x03\x04 not a whole zip", texts.REPORT_NOT_DOCX),
    ("旧版.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), texts.REPORT_NOT_DOCX),  # a .doc renamed
    ("扫描件.pdf", blank_pdf(), texts.REPORT_NO_TEXT),
    ("加密.pdf", blank_pdf("secret"), texts.REPORT_PDF_LOCKED),
    ("英文.html", b"<p>Performance report 2024</p>", texts.REPORT_NO_TEXT),
    ("繁体.txt", "一、部門整體支出績效自評報告：預算執行率達到百分之九十八。".encode("big5"), texts.REPORT_ENCODING),
    ("混合.txt", "一、概况\n".encode() + "二、績效\n".encode("gbk"), texts.REPORT_ENCODING_AT.format(line=2)),
])
def test_a_report_that_cannot_be_read_says_why_in_chinese_without_a_traceback(name, raw, reason, seed_db, tmp_path, capsys):
    with pytest.raises(report_import.UnreadableReport, match=re.escape(reason)):
        report_import.document_lines(name, raw)
    report = tmp_path / name
    report.write_bytes(raw)
    assert main(["import", str(report), "--unit", "taojiang_hitech", "--year", "2024", "--out",
                 str(tmp_path / "草稿"), "--db", str(seed_db)]) == 1
    assert capsys.readouterr().err.strip() == texts.IMPORT_UNREADABLE.format(file=report, reason=reason)


@pytest.mark.parametrize(("path", "reason"), [("没有这个文件.docx", texts.REPORT_NOT_OPENED[FileNotFoundError]),
                                              (".", texts.REPORT_NOT_OPENED[IsADirectoryError]),
                                              ("坏盘.docx", texts.REPORT_NOT_OPENED_OTHER.format(code=errno.EIO))])
def test_a_report_path_that_cannot_be_opened_is_said_in_chinese(path, reason, seed_db, tmp_path, capsys,
                                                                 monkeypatch):
    report = tmp_path / path
    if path == "坏盘.docx":  # a disk that fails the report's read (EIO); every other file reads as it is
        read_bytes = Path.read_bytes

        def failing_read(self: Path) -> bytes:
            if self == report:
                raise OSError(errno.EIO, "Input/output error")
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", failing_read)
    assert main(["import", str(report), "--unit", "taojiang_hitech", "--year", "2024", "--out",
                 str(tmp_path / "草稿"), "--db", str(seed_db)]) == 1
    assert capsys.readouterr().err.strip() == texts.IMPORT_UNREADABLE.format(file=report, reason=reason)


@pytest.mark.parametrize(("year", "code"), [
    (2023, "taojiang_hitech_report_2023"),  # no document for the year yet: one is made
    (2024, "taojiang_report_2024"),  # the year's report document keeps its code and takes the report's title
])
def test_the_report_names_itself_in_the_source_lines(year, code):
    """The parts report calls itself 2023年度部门整体支出绩效自评报告, not the default 自评绩效报告 wording."""
    files = data_files(DEFAULT_DATA_DIR)
    staged, draft = report_import.stage_report(files, None, "r.txt", PARTS_REPORT.encode(), "taojiang_hitech", year)
    assert draft.title == "2023年度部门整体支出绩效自评报告"
    documents = {row["document_code"]: row for row in csv_rows(staged.files["documents.csv"])}
    assert documents[code]["title"] == draft.title
    assert documents["taojiang_news_2020"] == {row["document_code"]: row for row in
                                               csv_rows(files["documents.csv"])}["taojiang_news_2020"]
    dataset, problems = desk.check(staged)
    assert problems == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # hand-written in the forms reports use; (kind, proposed indicator, value) of each figure
    ("2.质量指标：义务教育巩固率目标值98%，实际值98.6%。",
     [("target", "义务教育巩固率", "98"), ("actual", "义务教育巩固率", "98.6")]),
    ("年初设定目标：家庭医生签约服务覆盖率达到45%以上。", [("target", "家庭医生签约服务覆盖率", "45")]),
    ("全年完成65岁以上老年人健康管理率72.5%，群众满意度95.3%。",
     [("actual", "65岁以上老年人健康管理率", "72.5"), ("actual", "群众满意度", "95.3")]),
    ("群众满意度：目标值≥95%，实际完成值98%。", [("target", "群众满意度", "95"), ("actual", "群众满意度", "98")]),
    ("案件办结率98.5%，高于目标值95%。", [("actual", "案件办结率", "98.5"), ("target", "案件办结率", "95")]),
    # a ； ends the statement of a target: the rate after it is an actual
    ("1.数量指标：完成健康体检3.2万人，年度目标3万人；家庭医生签约服务覆盖率达到45.6%。",
     [("actual", "家庭医生签约服务覆盖率", "45.6")]),
    ("居民健康素养水平达到26.8%，比上年提高2.1个百分点。", [("actual", "居民健康素养水平", "26.8")]),
    ("4.群众文化活动满意度达到96.5%，高于目标值90%。",
     [("actual", "群众文化活动满意度", "96.5"), ("target", "群众文化活动满意度", "90")]),
    ("服务对象满意度达到96%，超过年初目标（90%）。", [("actual", "服务对象满意度", "96"), ("target", "服务对象满意度", "90")]),
    ("全县农村自来水普及率达到92%，较年初目标（90%）高2个百分点。",
     [("actual", "农村自来水普及率", "92"), ("target", "农村自来水普及率", "90")]),
    # no rate named: a share, a change, a stated completion, the budget's execution
    ("基本支出2,345.67万元，占19.00%，较上年下降12.3%。", [("unclassified", None, "19.00"), ("unclassified", None, "12.3")]),
    ("项目支出7,419.76万元，占比85.73%。", [("unclassified", None, "85.73")]),  # 占比 alone names no rate
    ("护理型床位占比达到56%。", [("actual", "护理型床位占比", "56")]),  # 测试数据: a share an indicator's name says
    ("预算执行率为98.65%。", [("unclassified", None, "98.65")]),
    ("各项工作目标完成率100%。", [("unclassified", None, "100")]),
    ("自评结论为“优”，综合得分率96%。", [("unclassified", None, "96")]),  # the score's share of full marks
    # a target cue inside the indicator's own name does not make its figure a target
    ("计划生育服务覆盖率95%。", [("actual", "计划生育服务覆盖率", "95")]),
    ("年初设定目标：计划生育服务覆盖率达到95%。", [("target", "计划生育服务覆盖率", "95")]),
    # 测试数据: a bound followed by the actual is the target; 实际完成 is the rate's actual, not its completion
    ("城镇登记失业率控制在3.5%以内，实际为2.8%。",
     [("target", "城镇登记失业率", "3.5"), ("actual", "城镇登记失业率", "2.8")]),
    ("农村自来水普及率目标值90%，实际完成92.5%。",
     [("target", "农村自来水普及率", "90"), ("actual", "农村自来水普及率", "92.5")]),
    ("群众满意度调查结果为98.2%。", [("actual", "群众满意度", "98.2")]),
    ("服务对象满意度达到95%以上，其中群众满意度96.8%。",
     [("actual", "服务对象满意度", "95"), ("actual", "群众满意度", "96.8")]),
])
def test_a_rate_the_catalogue_lacks_is_proposed_from_its_sentence(sentence, expected):
    section = Section("sec", 2, "1.产出指标完成情况", [sentence], ref="四.1")
    figures = [f for f in report_import.figures_of([section], CATALOGUE) if f.unit == "%"]
    assert [(f.kind, f.new_indicator.name if f.new_indicator else None, f.value) for f in figures] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # 测试数据, hand-written in the forms reports use; (kind, proposed indicator, value) of every figure
    ("1.数量指标：完成高标准农田建设2.5万亩，年度目标2万亩，完成率125%。",
     [("actual", "高标准农田建设", "2.5"), ("target", "高标准农田建设", "2"), ("stated_rate", "高标准农田建设", "125")]),
    ("培训高素质农民300人次，目标值≥280人次。", [("actual", "培训高素质农民", "300"), ("target", "培训高素质农民", "280")]),
    ("粮食播种面积稳定在45万亩以上，实际46.3万亩。", [("target", "粮食播种面积", "45"), ("actual", "粮食播种面积", "46.3")]),
    ("全年计划新建校舍3所，实际完成3所，完成率100%。",
     [("target", "新建校舍", "3"), ("actual", "新建校舍", "3"), ("stated_rate", "新建校舍", "100")]),
    ("高标准农田建设年度目标2万亩，完成2.5万亩。", [("target", "高标准农田建设", "2"), ("actual", "高标准农田建设", "2.5")]),
    ("完成造林面积1.2万亩，为年度任务的120%。", [("actual", "造林面积", "1.2"), ("stated_rate", "造林面积", "120")]),
    # the plan led by 年度, the count by 实际 and the verb of its name
    ("数量指标：年度计划新建村级综合服务平台10个，实际新建12个。",
     [("target", "新建村级综合服务平台", "10"), ("actual", "新建村级综合服务平台", "12")]),
    # revenue against its budget (a finance bureau's); 完成 after the name links, it names nothing
    ("全年一般公共预算收入完成3.2亿元，为预算的102.5%。",
     [("actual", "一般公共预算收入", "3.2"), ("stated_rate", "一般公共预算收入", "102.5")]),
    ("农村公路建设完成86公里，年度目标80公里。", [("actual", "农村公路建设", "86"), ("target", "农村公路建设", "80")]),
    # 年度 alone before the target names nothing else (2.3 ÷ 2 = 115%)
    ("全年完成植树造林2.3万亩，完成年度任务2万亩的115%。",
     [("actual", "植树造林", "2.3"), ("target", "植树造林", "2"), ("stated_rate", "植树造林", "115")]),
    ("（1）数量指标：年度目标为培训农民1000人次，实际完成1200人次，完成率120%。",
     [("target", "培训农民", "1000"), ("actual", "培训农民", "1200"), ("stated_rate", "培训农民", "120")]),
    # 测试数据: the name in a clause of its own before the target, and labels before a colon (1,200 ÷ 1000 = 120%)
    ("指标1：城镇新增就业人数，年度目标1000人，实际完成1,200人，完成率120%。",
     [("target", "城镇新增就业人数", "1000"), ("actual", "城镇新增就业人数", "1200"),
      ("stated_rate", "城镇新增就业人数", "120")]),
    ("目标值：开展职业技能培训3000人次；实际完成值：3,260人次。",
     [("target", "开展职业技能培训", "3000"), ("actual", "开展职业技能培训", "3260")]),
    ("农村低保标准由每人每年5,280元提高到5,600元。", [("unclassified", None, "5280"), ("unclassified", None, "5600")]),
    # who set the target names nothing, and beside it a bound is the actual (38.5 ÷ 38 = 101.3%)
    ("粮食总产量稳定在38.5万吨，完成省定目标38万吨的101.3%。",
     [("actual", "粮食总产量", "38.5"), ("target", "粮食总产量", "38"), ("stated_rate", "粮食总产量", "101.3")]),
    ("（1）数量指标：完成水毁修复工程35处，完成率100%。",
     [("actual", "水毁修复工程", "35"), ("stated_rate", "水毁修复工程", "100")]),
    # a target in brackets after its count, and after the count's stated rate
    ("数量指标：完成新建农村公路52公里（目标50公里）、危桥改造10座（目标12座）。",
     [("actual", "新建农村公路", "52"), ("target", "新建农村公路", "50"), ("actual", "危桥改造", "10"),
      ("target", "危桥改造", "12")]),
    ("完成危房改造120户，完成率为120%（年度目标100户）。",
     [("actual", "危房改造", "120"), ("stated_rate", "危房改造", "120"), ("target", "危房改造", "100")]),
    ("完成农村改厕2000户，任务完成率100%。", [("actual", "农村改厕", "2000"), ("stated_rate", "农村改厕", "100")]),
    ("新建村级服务中心12个，年度任务完成率为100%。",
     [("actual", "新建村级服务中心", "12"), ("stated_rate", "新建村级服务中心", "100")]),
    ("发展共青团员20名，目标18名。", [("actual", "发展共青团员", "20"), ("target", "发展共青团员", "18")]),
    # 以上 inside the name is no target wording of the count
    ("完成65岁以上老年人健康体检3.2万人，年度目标3万人。",
     [("actual", "65岁以上老年人健康体检", "3.2"), ("target", "65岁以上老年人健康体检", "3")]),
    # 共 of 共青团 is no lead word: the name stays whole, and a name starting 共 is left for a person (it read 青团员发展)
    ("共青团员发展20名，目标18名。", [("unclassified", None, "20"), ("unclassified", None, "18")]),
    ("完成造林1.2万亩，完成年度2万亩任务的60%。",
     [("actual", "造林", "1.2"), ("target", "造林", "2"), ("stated_rate", "造林", "60")]),
    ("完成年度25亿元任务的56.08%。", [("unclassified", None, "25"), ("unclassified", None, "56.08")]),  # 25: the target
    ("项目支出1000万元，占年度预算的95%。", [("unclassified", None, "1000"), ("unclassified", None, "95")]),
    ("全年共办理案件1,256件，完成年度目标任务1,200件的104.67%。",
     [("actual", "办理案件", "1256"), ("target", "办理案件", "1200"), ("stated_rate", "办理案件", "104.67")]),
    # no target beside the count, or two of a kind: not drafted; in a section of results (产出指标) each count is
    # suggested as its indicator's actual, for a person to tick (测试数据: these two belong to 概况, which has none)
    ("局机关内设股室8个，下属二级机构3个。", [("suggested", "局机关内设股室", "8"), ("suggested", "下属二级机构", "3")]),
    ("编制人数45人，实有在职人员52人。", [("suggested", "编制人数", "45"), ("suggested", "实有在职人员", "52")]),
    # the second clause repeats the verb of the name
    ("完成薄弱学校改造8所，计划改造8所。", [("actual", "薄弱学校改造", "8"), ("target", "薄弱学校改造", "8")]),
    ("计划改造薄弱学校8所，实际改造8所。", [("target", "改造薄弱学校", "8"), ("actual", "改造薄弱学校", "8")]),
    ("完成薄弱学校改造8所，计划新建校舍3所。", [("suggested", "薄弱学校改造", "8"), ("unclassified", None, "3")]),  # planned
    ("新建幼儿园3所，完成2所。", [("suggested", "新建幼儿园", "3"), ("unclassified", None, "2")]),
    # by how much the target was passed is no target (86 − 6 = 80 would be the target: not stated, not drafted)
    ("全年共完成农村公路建设86公里，超出年度目标6公里。", [("suggested", "农村公路建设", "86"), ("unclassified", None, "6")]),
    ("新建校舍5所，比计划多2所。", [("suggested", "新建校舍", "5"), ("unclassified", None, "2")]),
    # a target after a list of parts is the whole's, not the last part's (80 + 40 = 120, target 100)
    ("完成农村危房改造120户，其中C级危房80户，D级危房40户，年度目标100户。",
     [("suggested", "农村危房改造", "120"), ("suggested", "C级危房", "80"), ("suggested", "D级危房", "40"),
      ("unclassified", None, "100")]),
    ("新建幼儿园5所，其中公办幼儿园3所，年度目标3所。",  # the first part alone may have its own
     [("suggested", "新建幼儿园", "5"), ("actual", "公办幼儿园", "3"), ("target", "公办幼儿园", "3")]),
    ("全年共完成农村公路建设86公里，年度目标80公里。", [("actual", "农村公路建设", "86"), ("target", "农村公路建设", "80")]),
    ("目标新建幼儿园3所，计划2所。", [("unclassified", None, "3"), ("unclassified", None, "2")]),
    # a change on last year is no target: the count is measured year by year, the change left for a person
    ("完成培训300人次，较上年增加20人次。", [("actual", "培训", "300"), ("unclassified", None, "20")]),
    ("完成培训300人次，增加20人次。", [("suggested", "培训", "300"), ("unclassified", None, "20")]),  # against what?
    # counts in ten thousands of a unit the reader lists (万剂次); a rate of its target after a count named by no
    # indicator yet is that count's, not the last indicator's of the sentence (测试数据, a health bureau's form)
    ("全年完成免疫规划疫苗接种4.2万剂次，目标值为4万剂次；开展老年人健康体检2.15万人，完成年度任务的107.5%。",
     [("actual", "免疫规划疫苗接种", "4.2"), ("target", "免疫规划疫苗接种", "4"), ("actual", "开展老年人健康体检", "2.15"),
      ("stated_rate", "开展老年人健康体检", "107.5")]),
])
def test_a_count_stated_beside_its_target_proposes_an_indicator(sentence, expected):
    section = Section("sec", 2, "（一）产出指标", [sentence], ref="三(一)")
    figures = report_import.figures_of([section], CATALOGUE)
    assert [(f.kind, f.name if f.indicator_code else None, f.value) for f in figures] == expected
    # one indicator for each name, every figure of it
    assert len({f.indicator_code for f in figures if f.indicator_code}) == len({name for _, name, _ in expected if name})


def test_a_list_of_targets_proposes_its_indicators_and_later_sentences_give_their_actuals():
    """The seed read as a department's first report, with an empty catalogue: 一(三) lists the year's targets
    (重点工作目标有：实现税收入库4.28亿元；…), each proposes the indicator its clause names, and 四.1 and 四.2
    give the actuals of those they name again (入库税收 in 四.1 is 税收入库 in the other order); 四.1 states counts
    with their change on last year, 四.5 what is planned (年内拟处置…) and money raised against its target (到位资金
    is raised, not spent), 四.6 a count with how much of its target it is. Every value is the hand-made data's (data/indicator_values.csv)."""
    draft = report_import.import_report("r.txt", SEED_REPORT.read_bytes(), "u", 2024, report_import.Catalogue.of([], []))
    names = {row["indicator_code"]: row["indicator_name"] for row in draft.indicators}
    assert [(names[r["indicator_code"]], r.get("target"), r.get("actual"), r.get("stated_yoy"))
            for r in draft.indicator_values] == [
        ("税收入库", "4.28", "4.28", None), ("固定资产投资", "30.22", "35.44", "10.63"), ("新开工项目", "14", None, None),
        ("新投产项目", "10", None, None), ("新引进项目", "20", "20", None), ("亿元以上项目", "5", "5", None),
        ("立项争资", "2100", "2200.15", None),
        ("规模工业总产值", None, "182.94", "0.21"), ("规模工业增加值", None, "41.42", "0.89"),  # 四.1 …，同比增长0.21%
        ("工业固投", None, "30.22", "13.21"),
        ("处置批而未供土地", "51.15", None, None), ("低效闲置土地", "262.8", None, None),  # 四.5 年内拟处置…
        ("报批土地", "250", None, None), ("“三地”整改", "313", None, None),
        ("到位资金", "25", "12.96", None),  # 四.5 现已实际到位资金12.96亿元，完成年度25亿元任务的56.08%
        ("化解隐性债务", None, "1.11", None)]  # 四.6 累计化解隐性债务1.11亿元，已完成全年任务的103.3%
    assert [r.get("stated_rate") for r in draft.indicator_values][-2:] == ["56.08", "103.3"]
    # 一(三)'s list is the year's targets: those seven, as data/indicators.csv marks them, open 总览
    assert [row["indicator_name"] for row in draft.indicators if row["is_headline"] == "true"] == [
        "税收入库", "固定资产投资", "新开工项目", "新投产项目", "新引进项目", "亿元以上项目", "立项争资"]


def test_a_proposal_stays_when_the_review_rejects_the_figure_that_first_proposed_it():
    """固定资产投资 is proposed by its target in 一(三) and named again by its actual in 四.1. A person who rejects
    the target keeps the actual, and the draft still proposes the indicator the actual belongs to: a value whose
    indicator is in no catalogue would be refused at publish."""
    draft = report_import.import_report("r.txt", SEED_REPORT.read_bytes(), "u", 2024, report_import.Catalogue.of([], []))
    decisions = [report_import.Decision(number in draft.used and not (f.kind == "target" and f.name == "固定资产投资"),
                                        f.kind, f.indicator_code, f.value) for number, f in enumerate(draft.figures)]
    reviewed = report_import.decided(draft, decisions, "u", 2024)
    proposed = {row["indicator_code"]: row["indicator_name"] for row in reviewed.indicators}
    assert {row["indicator_code"] for row in reviewed.indicator_values} <= set(proposed)
    row = next(r for r in reviewed.indicator_values if proposed[r["indicator_code"]] == "固定资产投资")
    assert (row.get("target"), row["actual"]) == (None, "35.44")


def test_the_counts_of_the_seeds_results_are_suggested_and_drafted_once_ticked():
    """The seed as a first report: the counts of 四 that no target or change accompanies are suggested as their
    indicators' actuals (the hand-made data has every one of these 16 values, data/indicator_values.csv), none
    is drafted until ticked; a count of 一(一) 概况 is no suggestion. Ticking 四.4's 286次 drafts it with the
    indicator it proposes."""
    draft = report_import.import_report("r.txt", SEED_REPORT.read_bytes(), "u", 2024, report_import.Catalogue.of([], []))
    suggestions = [(f.ref, f.name, f.value) for f in draft.figures if f.kind == report_import.SUGGESTED]
    assert suggestions == [
        ("四.1", "线上零售额", "8148.5"), ("四.2", "园区自主招商引进项目", "10"), ("四.2", "5000万元以上项目", "5"),
        ("四.2", "合同引资总额", "14.078"), ("四.2", "引进市域外境内资金", "22"), ("四.2", "新增外贸实绩企业", "3"),
        ("四.2", "外贸", "1.6536"), ("四.2", "引进外资", "11"), ("四.4", "贷款金额", "5000"),
        ("四.4", "解决企业职工子女就学问题", "17"), ("四.4", "提供帮办代办服务", "286"), ("四.5", "清理“僵尸企业”", "5"),
        ("四.5", "腾空厂房面积", "25751"), ("四.5", "新建标准化厂房", "70000"), ("四.5", "供地", "162"),
        ("四.6", "妥善处理辖区群众各类信访问题", "47")]
    suggested_numbers = {n for n, f in enumerate(draft.figures) if f.kind == report_import.SUGGESTED}
    assert not suggested_numbers & draft.used
    assert not any(f.kind == report_import.SUGGESTED for f in draft.figures if f.ref == "一(一)")
    ticked = next(n for n, f in enumerate(draft.figures) if f.kind == report_import.SUGGESTED and f.value == "286")
    decisions = [report_import.Decision(number in draft.used or number == ticked, f.kind, f.indicator_code, f.value)
                 for number, f in enumerate(draft.figures)]
    reviewed = report_import.decided(draft, decisions, "u", 2024)
    proposed = {row["indicator_code"]: row["indicator_name"] for row in reviewed.indicators}
    row = next(r for r in reviewed.indicator_values if proposed[r["indicator_code"]] == "提供帮办代办服务")
    assert row["actual"] == "286" and len(reviewed.indicator_values) == len(draft.indicator_values) + 1


def test_a_suggestion_does_not_join_the_catalogue():
    """测试数据: a count suggested in one sentence, named again in the next, is suggested again, not drafted."""
    section = Section("sec", 2, "1.主要工作完成情况", ["提供帮办代办服务286次。", "其中线上提供帮办代办服务120次。"], ref="四.1")
    figures = report_import.figures_of([section], report_import.Catalogue.of([], []))
    assert [f.kind for f in figures] == [report_import.SUGGESTED, report_import.SUGGESTED]


@pytest.mark.parametrize(("sentence", "expected"), [
    # 测试数据, hand-written in the forms reports use: (kind, indicator, value) of each figure, empty catalogue
    ("全年预计完成规模工业增加值41.42亿元，同比增长0.89%。",
     [("actual", "规模工业增加值", "41.42"), ("growth", "规模工业增加值", "0.89")]),
    ("全年接待游客120万人次，比上年下降3.5%。", [("actual", "接待游客", "120"), ("growth", "接待游客", "-3.5")]),
    ("5.举办全民健身赛事45场次，比上年下降10%。",  # an item of a numbered list inside a paragraph
     [("actual", "举办全民健身赛事", "45"), ("growth", "举办全民健身赛事", "-10")]),
    ("完成农产品出口2.1亿元，同比增长8%；新增市场主体1,200户，同比增长5%。",
     [("actual", "农产品出口", "2.1"), ("growth", "农产品出口", "8"),
      ("actual", "新增市场主体", "1200"), ("growth", "新增市场主体", "5")]),  # each change its own count's
    # no count of its own, a target, money spent, the change of something else: left for a person
    ("项目支出1000万元，同比增长5%。", [("unclassified", None, "1000"), ("unclassified", None, "5")]),
    ("计划完成出口2亿元，同比增长10%。", [("target", "出口", "2"), ("unclassified", None, "10")]),  # a planned change
    ("接待游客120万人次，增长3.5%。", [("actual", "接待游客", "120"), ("growth", "接待游客", "3.5")]),  # 同比 left out
    ("全年共实现农业总产值45.6亿元，同比增长4.1%。",  # 共 before 实现 leads the name too
     [("actual", "农业总产值", "45.6"), ("growth", "农业总产值", "4.1")]),
    ("接待游客120万人次，其中境外游客增长3.5%。", [("suggested", "接待游客", "120"), ("unclassified", None, "3.5")]),
    # a change by an amount in the count's unit: the count is proposed, the amount (no column holds it) is not
    ("高考本科上线2,350人，较上年增加120人。", [("actual", "高考本科上线", "2350"), ("unclassified", None, "120")]),
    ("“三公”经费支出12.36万元，较上年减少3.21万元。", [("unclassified", None, "12.36"), ("unclassified", None, "3.21")]),
    # money raised is measured, not spent (资金 named it spending, and nothing was proposed)
    ("全年争取上级资金1.5亿元，同比增长25%。", [("actual", "争取上级资金", "1.5"), ("growth", "争取上级资金", "25")]),
    ("招商引资到位资金5.2亿元，完成年度目标的104%。",
     [("actual", "招商引资到位资金", "5.2"), ("stated_rate", "招商引资到位资金", "104")]),
    ("发放耕地地力保护补贴资金2856.3万元，同比增长3%。", [("unclassified", None, "2856.3"), ("unclassified", None, "3")]),
])
def test_a_count_with_its_change_on_last_year_proposes_an_indicator(sentence, expected):
    section = Section("sec", 2, "1.主要工作完成情况", [sentence], ref="四.1")
    figures = report_import.figures_of([section], report_import.Catalogue.of([], []))
    assert [(f.kind, f.name if f.indicator_code else None, f.value) for f in figures] == expected


@pytest.mark.parametrize(("name", "unit", "sentence", "found"), [
    ("税收入库", "亿元", "已实现入库税收4.28亿元。", True),  # the seed's 四.1 and 一(三)
    ("安全生产检查", "次", "生产安全检查120次。", False),  # six characters: words are not split further
    ("安全检查", "次", "检查安全120次。", True),
])
def test_a_name_of_two_words_is_found_in_either_order(name, unit, sentence, found):
    catalogue = report_import.Catalogue.of([{"indicator_name": name, "indicator_code": "x", "unit": unit}], [])
    section = Section("sec", 2, "1.主要工作完成情况", [sentence], ref="四.1")
    [figure] = report_import.figures_of([section], catalogue)
    assert (figure.indicator_code == "x") is found


@pytest.mark.parametrize(("sentence", "expected"), [
    # 测试数据: (kind, indicator, value) of each figure, read with an empty catalogue
    ("年内拟处置批而未供土地51.15亩，报批土地250亩，预计供地162亩。",  # the seed's 四.5: 预计 is no plan
     [("target", "处置批而未供土地", "51.15"), ("target", "报批土地", "250"), ("unclassified", None, "162")]),
    ("3.年内拟新建农家书屋15个，改造乡镇综合文化站8个。",
     [("target", "新建农家书屋", "15"), ("target", "改造乡镇综合文化站", "8")]),
    ("计划生育家庭300户。", [("unclassified", None, "300")]),  # 计划生育 is a name, not a plan
    ("年度绩效目标为：新建校舍3所，培训教师500人次。", [("target", "新建校舍", "3"), ("target", "培训教师", "500")]),
    ("全年计划：已完成培训500人次。", [("unclassified", None, "500")]),  # 已: not a target
    ("主要任务：改造校舍3所，投入资金500万元。", [("target", "改造校舍", "3"), ("unclassified", None, "500")]),  # money to spend
    ("新建校舍3所，培训教师500人次。", [("unclassified", None, "3"), ("unclassified", None, "500")]),  # no list
])
def test_a_listed_target_is_named_by_its_clause(sentence, expected):
    section = Section("sec", 2, "（三）绩效目标设立情况", [sentence], ref="一(三)")
    figures = report_import.figures_of([section], report_import.Catalogue.of([], []))
    assert [(f.kind, f.name if f.indicator_code else None, f.value) for f in figures] == expected
    # the year's list (目标为：) is what 总览 shows; what a sentence plans (年内拟…) is not
    assert {f.new_indicator.is_headline for f in figures if f.new_indicator} <= {"：" in sentence}


@pytest.mark.parametrize(("title", "sentence", "levels"), [
    # 测试数据: the group and category come from where the report states the indicator, as a table's 一级/二级指标
    ("（一）产出指标", "1.数量指标：完成高标准农田建设2.5万亩，年度目标2万亩。", ("产出", "数量指标")),
    ("（二）效益指标", "（2）社会效益：粮食播种面积稳定在45万亩以上，实际46.3万亩。", ("效益", "社会效益")),
    ("（三）满意度指标", "服务对象满意度96%，目标值≥90%。", ("满意度", "满意度指标")),
    ("三、部门整体支出绩效情况", "服务对象满意度96%，目标值≥90%。", ("", "")),  # said nowhere: 报告所列指标
])
def test_an_indicator_proposed_from_prose_takes_its_group_from_the_outline(title, sentence, levels):
    section = Section("sec", 2, title, [sentence], ref="三(一)")
    proposed = {f.new_indicator for f in report_import.figures_of([section], CATALOGUE) if f.new_indicator}
    assert [(new.level1, new.level2) for new in proposed] == [levels]
    assert [new.category_name for new in proposed] == [levels[1] or texts.IMPORT_NEW_CATEGORY]


@pytest.mark.parametrize(("sentence", "direction"), [
    ("3岁以下儿童系统管理率达到90%。", "higher"),  # 以下 belongs to the name
    ("孕产妇死亡率控制在10%以内。", "lower"),
    ("传染病报告率不低于95%。", "higher"),
    # or when its name is a rate of harm, whatever the words around the figure; ‰ as %
    ("婴儿死亡率3.2‰。", "lower"), ("城镇登记失业率3.1%。", "lower"),
    ("孕产妇死亡率8.5/10万。", "lower"), ("孕产妇死亡率８．５／10万。", "lower"),  # per 100,000, typed full-width too
])
def test_a_proposed_rate_is_lower_is_better_when_its_target_or_its_name_says_so(sentence, direction):
    section = Section("sec", 2, "（三）绩效目标设立情况", [sentence], ref="一(三)")
    [figure] = report_import.figures_of([section], CATALOGUE)
    assert figure.new_indicator is not None and figure.new_indicator.direction == direction
