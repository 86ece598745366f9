"""Property: whatever a report's text holds (测试数据 made of the pieces real reports are made of, put together at
random), importing it gives a draft the data desk can check, or a reason in Chinese (UnreadableReport), never a
traceback; and every figure the draft holds is the report's own, at the place it names."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfboard import report_import
from perfboard.database import DEFAULT_DATA_DIR, data_files

HEADINGS = ["一、部门基本情况", "二.部门整体支出情况", "（一）预算执行", "(二)产出指标", "1.数量指标", "1、质量指标",
            "（1）时效指标", "第二部分 绩效目标完成情况", "四 存在的问题", "六、自评结果"]
SENTENCES = ["全年完成植树造林2.3万亩，完成年度任务2万亩的115%。", "部门总支出8,654.32万元，其中基本支出1,234.56万元。",
             "群众满意度达到96.5%，高于目标值90%。", "自评得分93.5分，其中产出指标得分48分（满分50分）。",
             "指标1：城镇新增就业人数，年度目标1000人，实际完成1,200人，完成率120%。", "三公经费12.6万元，下降5.2%。",
             "目标值：开展培训3000人次；实际完成值：3,260人次。", "预算执行率96.14%。", "投入（20分）", "其中：",
             "农村低保标准由5,280元提高到5,600元。", "截至10月，完成投资35.44亿元。", "无。", "—", "总分\t100\t95.8"]
TABLE_ROWS = ["一级指标|二级指标|三级指标|年度指标值|评分标准|分值|实际完成值|得分|偏差原因",
              "产出指标|数量指标|新建校舍|3所|每少1所扣2分|10|3所|10|", "年度预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数",
              "年度资金总额\t1000\t1200\t1150", "年度总体目标\t预期目标\t实际完成情况", "目标1\t完成改造12个\t已完成12个",
              "一级指标", "三级指标", "年度指标值", "实际完成值", "12处", "10", "及时"]
NOISE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
LINES = st.one_of(st.sampled_from(HEADINGS), st.sampled_from(SENTENCES), st.sampled_from(TABLE_ROWS), NOISE,
                  st.tuples(st.sampled_from(SENTENCES), NOISE).map("".join))
CATALOGUE = report_import.catalogue_of(data_files(DEFAULT_DATA_DIR))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINES, max_size=30), title=st.sampled_from(["", "某局2023年度部门整体支出绩效自评报告（测试数据）"]))
def test_any_report_text_gives_a_draft_or_a_reason(lines, title):
    text = "\n".join([title, *lines])
    try:
        draft = report_import.import_report("报告.txt", text.encode("utf-8"), "u", 2023, CATALOGUE)
    except report_import.UnreadableReport as unreadable:
        assert re.search(r"[\u4e00-\u9fff]", str(unreadable))
        return
    report_import.review_rows(draft)
    for figure in draft.figures:  # each figure stands in its sentence, as the review shows it (a fall: -5.2)
        assert figure.number.lstrip("-").replace(",", "") in figure.sentence[figure.start:figure.end].replace(",", "")
