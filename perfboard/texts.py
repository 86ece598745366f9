"""Every user-facing string of the project, in 简体中文, in one place.

Messages are format strings; callers fill them with named fields. Keeping them here lets another
language follow and keeps the wording of the loader, the CLI and the pages consistent.
"""

# ---- where a problem is -------------------------------------------------------------------------
AT_FILE = "{file}"
AT_LINE = "{file} 第{line}行"
AT_CELL = "{file} 第{line}行 第{column_index}列（{column} {label}）"
AT_HEADER_COLUMN = "{file} 第1行（表头）列 {column}（{label}）"

# ---- loader problems ----------------------------------------------------------------------------
MISSING_FILE = "缺少文件。请在数据目录中放入 {file}（各列的含义见 data/README.md）。"
UNREADABLE_ENCODING = (
    "无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）。"
    "请在 Excel 中用“另存为 → CSV UTF-8（逗号分隔）”重新保存。"
)
MIXED_ENCODING = (
    "文件混用了两种编码：多数行是 {majority}，这一行是 {minority}（会显示成乱码）。"
    "请在 Excel 中打开全部内容后，用“另存为 → CSV UTF-8（逗号分隔）”重新保存整个文件。"
)
NOT_GBK_TEXT = (
    "文件不是 UTF-8，按 GBK 读出来有 {share} 的汉字是生僻字，很可能是 Big5（繁体）或其他编码，读出来会是乱码。"
    "请用“另存为 → CSV UTF-8（逗号分隔）”重新保存。"
)
FILE_TOO_LARGE = "文件有 {size}，超过上限 {limit}。请按单位或年度拆分后分批载入，或联系管理员。"
TOO_MANY_ROWS = "文件超过 {limit} 行的上限，其余行未读。请按单位或年度拆分后分批载入。"
CONTROL_CHARACTER = "值中含有不可见的控制字符（{code}），导出 Excel 和 PPT 时会出错。请删去该字符后重新保存。"
CELL_TOO_LONG = "值有 {length} 个字符，超过单元格上限 {limit}。长文字请放在报告原文（narrative）中。"
NOT_ASCII_DIGITS = "值“{value}”含全角或其他非半角数字。请改为半角数字：{suggestion}。"
NUMBER_TOO_LARGE = "值“{value}”超出可保存的范围（绝对值须小于 {limit}）。请检查单位或是否多写了数字。"
SPENDING_TOO_DEEP = "支出项的上级链条超过 {limit} 层（{chain} …）。请检查上级支出项代码是否填错。"
NARRATIVE_NOT_MD = "报告原文文件应为 .md 文本文件（如 2024.md），而不是“{value}”。"
BROKEN_CSV = "无法按 CSV 读取：{error}。请检查引号是否成对。"
EMPTY_FILE = "文件为空，缺少表头行。第一行应为列名：{columns}。"
MISSING_COLUMN = "缺少这一列。请在表头加上“{column}”；即使整列为空，列名也要保留。"
UNKNOWN_COLUMN = "未知列名“{value}”。可用的列：{columns}。请检查拼写，或删去这一列。"
DUPLICATE_COLUMN = "列名“{value}”重复出现。每一列只能出现一次。"
ROW_WIDTH = "这一行有 {found} 个值，而表头有 {expected} 列。请检查是否多了或少了逗号。"
REQUIRED = "不能为空。请填写{label}。"
NOT_A_NUMBER = "值“{value}”不是数字。应填写数字，如 52318.07 或 52,318.07；报告未给出的请留空。"
NOT_AN_INTEGER = "值“{value}”不是整数。应填写整数，如 3。"
TOO_MANY_DECIMALS = "值“{value}”超过两位小数。金额以万元计，精确到分，最多两位小数。"
NEGATIVE = "值“{value}”为负数，而{label}不能为负。请检查是否多写了负号。"
BAD_YEAR = "年度“{value}”不合理。应为 {first} 到 {last} 之间的四位年份（不晚于明年），如 2024。"
NOT_A_BOOLEAN = "值“{value}”不是“是/否”。请填写 true/false、是/否 或 1/0；留空表示否。"
BAD_CODE = "代码“{value}”只能由英文字母、数字和下划线组成，且以字母开头，如 tax_revenue。"
BAD_UNIT = ("计量单位“{value}”无法识别：请填写常用单位（如 万元、个、人次、%），或不超过六个字的单位"
            "（如 人日、元/人），不带数字和空格。")
NOT_A_CHOICE = "值“{value}”不在可选范围内。可选：{choices}。"
UNKNOWN_REFERENCE = "{label}“{value}”在 {ref_file} 中没有登记。请先在 {ref_file} 中加上它，或改正代码。"
DUPLICATE_KEY = "与第{first_line}行重复：{key}。同一组合只能有一行，请合并或删去其中一行。"
SPENDING_PARENT_MISSING = "上级支出项“{value}”在 {unit_code} {year}年的支出中不存在。请先加上该支出项，或改正代码。"
SPENDING_CYCLE = "支出项的上级链条形成循环（{chain}）。每个支出项最终应归到一个没有上级的合计项。"
UNIT_CYCLE = "单位的上级链条形成循环（{chain}）。每个单位最终应归到一个没有上级单位的单位（如县人民政府）。"
UNIT_TOO_DEEP = "单位的上级链条超过 {limit} 层（{chain} …）。请检查上级单位代码是否填错。"
REMAINDER_HAS_AMOUNT = "未列明余额项的实际支出由程序推算（上级合计减去已列明的项），这里应留空，而不是“{value}”。"
REMAINDER_WITHOUT_PARENT = "未列明余额项必须有上级支出项：它是上级合计中未逐项列明的部分。"
NARRATIVE_BAD_PATH = "报告原文文件应放在 narrative/<单位代码>/<年度>.md，例如 narrative/taojiang_hitech/2024.md。"
NARRATIVE_UNKNOWN_UNIT = "单位代码“{value}”（取自目录名）在 units.csv 中没有登记。"
NARRATIVE_HEADING_KEY = "章节标题缺少键，应写成“# 一、部门概况 {{#overview}}”的形式。"
NARRATIVE_DUPLICATE_KEY = "章节键“{value}”与第{first_line}行重复。每个章节的键必须唯一。"
NARRATIVE_TEXT_BEFORE_HEADING = "正文出现在第一个章节标题之前。请在文件开头加上章节标题。"

LOAD_FAILED = "数据未载入：发现 {count} 处问题。原有数据库 {db} 没有改动。"
STORE_FAILED = "数据库未更新：{reason}。当前数据库 {db} 保持不变，看板继续显示原有数据。"
STORE_NO_SPACE = "磁盘空间不足（或超过文件大小限制）。请清理磁盘空间后重新运行 perfboard load"
STORE_READ_ONLY = "数据库目录不可写（只读或没有权限）。请让管理员开放写权限，或用 --db 指定可写的位置"
STORE_OTHER = "写入时出错（{error}）。请检查磁盘和目录后重试"
BUILD_WAL_LEFT = "数据库写入未完成（检查点失败，留下了 .wal 文件）"
BUILD_INCOMPLETE = "新数据库只有 {found} 张表，应有 {expected} 张"
# A publish's steps in the order it takes them (database.write_database), as `perfboard load` and the 数据管理
# page say them while it runs: a county's publish takes a quarter of a minute.
PUBLISH_STEPS = {"tables": "读取并检查数据文件", "views": "计算各视图", "audit": "核查每个单位每年的数据",
                 "version": "写入新版本"}
PUBLISH_PROGRESS = "正在发布（第 {number}/{total} 步）：{step}……"
LOAD_OK = "已载入 {tables} 张表、{rows} 行数据和 {views} 个视图，发布为第 {version} 版，写入 {db}。"
PUBLISH_STALE = ("未发布：这次修改基于第 {based_on} 版准备，但当前已是第 {current} 版（有人在此期间发布了新版本）。"
                 "请重新上传或刷新页面，在当前版本上查看变更后再发布。")
EDITOR_COMMAND_LINE = "命令行"
EDITOR_SYSTEM = "系统"
COMMENT_LOAD = "从数据目录 {data} 载入"
COMMENT_EMBEDDED = "首次启动时载入的数据"
COMMENT_REBUILT = "程序更新后按第 {number} 版的数据重新生成"
CHECK_OK = "数据检查通过：{files} 个文件、{rows} 行，没有发现问题。"
CHECK_FAILED = "数据检查未通过：发现 {count} 处问题。"

# ---- command line -------------------------------------------------------------------------------
CLI_DESCRIPTION = "绩效看板：载入、检查和查询部门整体支出绩效自评数据。"
CLI_LOAD = "校验数据目录中的全部文件并生成数据库（全部通过才写入）"
CLI_CHECK = "只校验数据，不写数据库；有问题时退出码为 1"
CLI_QUERY = "打印一个视图的数据"
CLI_DATA = "数据目录（默认：{default}）"
CLI_DB = "数据库文件（默认：{default}）"
CLI_VIEW = "视图名称：{views}"
CLI_UNIT = "只看这个单位代码"
CLI_YEAR = "只看这个年度"
CLI_FORMAT = "输出格式：table（表格）、csv（带表头）或 json（对象列表）"
CLI_UNKNOWN_VIEW = "没有名为“{view}”的视图。可用的视图：{views}。"
CLI_NO_DATABASE = "数据库 {db} 不存在。请先运行 perfboard load。"
CLI_UNKNOWN_SCOPE = "数据库中没有 {asked} 的数据。现有单位（年度）：{held}。请改用其中之一。"
CLI_NO_ROWS = "（没有符合条件的数据）"

# ---- figures ------------------------------------------------------------------------------------
NOT_REPORTED = "未报告"
MONEY_UNIT = "万元"  # the report's unit for spending
COUNT_SUFFIX = "{count}个"
POINTS_SUFFIX = "{score}分"
NO_RATE = "—"
MARK_ESTIMATE = "（预计）"
MARK_PERIOD = "（{period}）"
MARK_DERIVED = "〔推算〕"

STATUS_LABELS = {
    "met": "已完成",
    "not_met": "未完成",
    "no_actual": "未报告完成数",
    "no_target": "无目标值",
    "no_data": "未报告",
    "no_rate": "无法计算完成率",
    "in_words": "以文字表述",
}

# ---- app frame ----------------------------------------------------------------------------------
APP_TITLE = "绩效看板"
APP_SUBTITLE = "部门整体支出绩效自评"
SIDEBAR_UNIT = "单位"
SIDEBAR_YEAR = "年度"
SIDEBAR_YEAR_PLACEHOLDER = "选择年度"
SIDEBAR_DATA_NOTE = "数据：{cited}"
YEAR_OPTION = "{year}年"
NO_DATA_LOADED = "还没有载入任何数据。请在命令行运行 perfboard load，或检查 data/ 目录。"
YEAR_WITHOUT_DATA = "{unit_name}没有 {year} 年的数据。已载入的年度：{years}。请在左侧选择年度。"
DATA_LOAD_FAILED = "数据未能载入，看板仍显示上一次载入的数据（如有）。请修正以下问题后刷新："
PAGE_FAILED = "这一页暂时无法显示。请刷新页面或换一个年度；如果仍然不行，请把编号 {reference} 告诉管理员。"
DATA_STORE_FAILED = "数据库暂时无法建立，请联系管理员查看服务器日志。"
NOTHING_FOR_YEAR = "{year}年没有{what}数据。"
OVERVIEW_STAND_IN_HEADLINE = ("{year}年没有设为总览指标的指标，下列卡片是报告中同时给出目标值和完成值的前 {shown} 项"
                              "（共 {count} 项指标，全部见“目标完成”）。在指标目录中把“是否总览指标”设为“是”可自选。")
OVERVIEW_NO_HEADLINE = ("{year}年的 {count} 项指标都未设为总览指标，因此这里没有指标卡片。"
                        "在指标目录中把“是否总览指标”设为“是”的指标会显示在这里；全部指标见“目标完成”。")
WHAT_INDICATORS = "指标"
WHAT_SPENDING = "支出"
WHAT_PROJECTS = "项目"
WHAT_NARRATIVE = "报告原文"
WHAT_SCORE = "自评得分"
FILTER_ALL = "全部"

PAGE_OVERVIEW = "总览"
PAGE_TARGETS = "目标完成"
PAGE_SPENDING = "支出结构"
PAGE_TRENDS = "历年对比"
PAGE_PROJECTS = "项目进展"
PAGE_REPORT = "报告原文"

# ---- charts -------------------------------------------------------------------------------------
SOURCE_LINE = "来源：{cited}"
DEFAULT_REPORT_TITLE = "{year}年度部门整体支出自评绩效报告"  # when documents.csv names no title
REPORT_CITED = "{unit_name}《{title}》"
REPORT_CITED_TITLE_ONLY = "《{title}》"
SOURCE_SECTIONS = "第{sections}部分"
SOURCE_FLAGS = {
    "estimate": "含预计数",
    "partial": "含非全年数",
    "derived": "〔推算〕为据报告数字推算",
}
CHART_BULLET_TITLE = "{category}：目标与完成"
CHART_BULLET_TARGET = "目标"
CHART_BULLET_ACTUAL = "完成"
CHART_BULLET_PREVIOUS = "上年"
CHART_BAND_BELOW = "目标的{upper}以下"
CHART_BAND_BETWEEN = "{lower}–{upper}"
CHART_BAND_ABOVE = "{lower}以上"
CHART_BULLET_NO_TARGET = "无目标值"
CHART_BULLET_NO_ACTUAL = "未报告完成数"
CHART_SPENDING_TREE_TITLE = "{year}年支出结构（万元）"
CHART_HEADLINE_TITLE = "{year}年重点工作目标完成情况"
CHART_SPENDING_SPLIT_TITLE = "支出构成：{parts}（万元）"
CHART_PARTS_TITLE = "{item}构成（万元）"
CHART_PARTS_REST = "其余{count}项合计"
CHART_MEMO_TITLE = "{item}{total}及其构成（万元）"
CHART_BUDGET_TITLE = "预算执行率（%）"
CHART_TRENDS_TITLE = "指标历年走势"
CHART_YOY_TITLE = "同比增长率（%）"
CHART_SPENDING_YEARS_TITLE = "历年支出（万元）"
CHART_PIPELINE_TITLE = "项目进展：按状态（个）"
CHART_SCORE_TITLE = "自评得分（分）：报告自评总分{total}"  # the unit with the chart's name, not after 98分
AXIS_AMOUNT = "金额（万元）"
AXIS_COUNT = "项目数（个）"
AXIS_YEAR = "年度"
AXIS_SCORE = "得分（分）"
LEGEND_LOADED = "报告数"
LEGEND_DERIVED = "推算数（据同比增速）"
LEGEND_OTHER_SOURCE = "其他公开资料（见注）"
MARK_OTHER_SOURCE = "［注{number}］"
SOURCE_OTHER_NOTE = "注{number}：{title}（{publisher}，{date}）。{caveat}"
HOVER_SHARE = "占上级 {share}"

MESSAGE_HEADLINE = "{total}项重点工作目标：{met}项已完成，{missing}项报告未给出完成数"
MESSAGE_HEADLINE_NO_TARGETS = "{total}项重点指标：报告只给出完成数，没有设定目标值"
CHART_PART_SUFFIX = "（{number}/{count}）"
MESSAGE_NOT_REPORTED = "报告未给出完成数"
MESSAGE_LARGEST_PART = "{parent}{total}，其中{name}{amount}，占{share}"
MESSAGE_PROJECTS = "报告列名项目{count}个：{statuses}"
MESSAGE_SCORE = "报告自评{score}，等级{grade}"

# ---- overview -----------------------------------------------------------------------------------
OVERVIEW_TITLE = "{unit_name} · {year}年度绩效总览"
OVERVIEW_KPI_TARGET = "目标 {target}"
OVERVIEW_KPI_RATE = "完成 {rate}"
OVERVIEW_KPI_YOY = "同比 {rate}"
KPI_HELP = "报告出处：{source}"
OVERVIEW_SHARE = "占 {share}"
OVERVIEW_SCORE = "自评得分"
OVERVIEW_SCORE_DERIVED = "报告未给出总分，由各组得分相加"
OVERVIEW_GRADE = "等级 {grade}"
OVERVIEW_SCORE_PART = "{level1}{score}分"
OVERVIEW_NO_SCORE = "报告未给出自评得分"

SUMMARY_INDICATOR = "{name}{actual}{marks}，完成年度目标的{rate}"
SUMMARY_INDICATOR_NO_TARGET = "{name}{actual}{marks}"
SUMMARY_YOY = "，同比增长{yoy}"
SUMMARY_YOY_DOWN = "，同比下降{yoy}"
SUMMARY_MISSING = "{names}报告未给出完成数"
SUMMARY_SPENDING = "全年支出{total}，其中{parts}"
SUMMARY_SPENDING_TOTAL = "全年支出{total}"
SUMMARY_SPENDING_PART = "{name}{amount}（占{share}）"
SUMMARY_SCORE = "自评得分{score}，等级为{grade}"
SUMMARY_OPENING = "{year}年，"
SENTENCE_JOIN = "；"
SENTENCE_END = "。"
LIST_JOIN = "、"

# ---- targets ------------------------------------------------------------------------------------
TARGETS_TITLE = "目标完成情况"
TARGETS_FILTER_CATEGORY = "指标类别"
TARGETS_FILTER_STATUS = "完成状态"
TARGETS_TABLE = "全部指标"
TARGETS_LEGEND = ("图例：灰色底带依次为目标值的{bands}；黑色竖线为目标值；绿色为已完成、红色为未完成、蓝色为无目标值；"
                  "橙色菱形为上年值（空心为据报告同比增速推算）。")
TARGETS_NONE_MATCH = "没有符合筛选条件的指标。"
REPORT_WORDS = "报告原文 · 第{ref}部分"
TABLE_COLUMNS = {
    "indicator_name": "指标",
    "category_name": "类别",
    "target_text": "目标值",
    "actual_text": "完成值",
    "rate_text": "完成率",
    "status_text": "状态",
    "stated_rate_text": "报告所述完成率",
    "yoy_text": "同比",
    "marks": "标注",
    "source": "报告出处",
    "note": "备注",
    "item_name": "支出项",
    "amount_text": "金额",
    "share_text": "占上级",
    "project_name": "项目",
    "project_type": "类型",
    "status": "状态",
    "change_text": "变化",
}

# ---- spending -----------------------------------------------------------------------------------
SPENDING_TITLE = "支出结构"
SPENDING_NO_TOTAL = "本年度只有备查项（如三公经费），报告未给出部门整体支出及其构成。"
SPENDING_NO_BUDGET = "报告未给出预算数，无法计算预算执行率。"
SPENDING_TABLE = "支出明细"
SPENDING_DERIVED_NOTE = "〔推算〕“其他项目支出（报告未逐项列明）”= 项目支出合计 − 报告列明的各项，报告本身未给出这一数字。"

# ---- trends -------------------------------------------------------------------------------------
TRENDS_TITLE = "历年对比"
TRENDS_PICK_INDICATORS = "选择指标"
TRENDS_COMPARE = "两年对比"
TRENDS_BASE_YEAR = "基准年度"
TRENDS_LATER_YEAR = "对比年度"
TRENDS_ONLY_ONE_YEAR = "目前只载入了 {years} 的数据；上一年数值只在报告给出同比增速时推算得出，并标为〔推算〕。"
TRENDS_NOTHING_TO_COMPARE = "所选两个年度没有可对比的指标。"
TRENDS_NO_YOY = "报告没有给出可计算同比的数字。"

# ---- projects -----------------------------------------------------------------------------------
PROJECTS_TITLE = "项目进展"
PROJECTS_FILTER_TYPE = "项目类型"
PROJECTS_FILTER_STATUS = "进展状态"
PROJECTS_NONE = "没有符合筛选条件的项目。"

# ---- report -------------------------------------------------------------------------------------
REPORT_TITLE = "报告原文"
REPORT_SEARCH = "搜索原文"
REPORT_SEARCH_PLACEHOLDER = "输入关键词，如 税收、债务、厂房"
REPORT_UNPLACED_CHARTS = "报告中没有对应章节的图表"
REPORT_SEARCH_RESULT = "“{query}”出现在 {count} 个章节中。"
REPORT_SEARCH_NONE = "原文中没有找到“{query}”。"

# ---- scoring ------------------------------------------------------------------------------------
PAGE_SCORE = "自评得分"
PAGE_AUDIT = "数据核查"
PAGE_PRESENT = "演示模式"
PRESENT_PREVIOUS = "◀ 上一页"
PRESENT_NEXT = "下一页 ▶"
SCORE_TITLE = "自评得分：按规则计算与报告自评"
SCORE_BASIS_LABELS = {
    "computed": "已按规则计算",
    "qualitative": "定性指标：自评分在所属档次区间内",
    "qualitative_unscored": "定性指标：未给出自评分",
    "qualitative_out_of_range": "定性指标：自评分不在所属档次区间内",
    "qualitative_no_tier": "定性指标：报告未评定达成档次，无法计分",
    "no_level1": "未归入一级指标，无法计分",
    "no_weight": "未给出指标分值（权重），无法计分",
    "no_rate": "缺目标值或完成值，无法计分",
    "no_indicators": "报告未列出该组的指标及分值，无法计算",
    "incomplete": "部分指标无法计分，不能汇总",
    "no_budget": "报告未给出预算数，无法计算预算执行率",
}
SCORE_ROW_TYPES = {"total": "总分", "group": "一级指标", "indicator": "指标"}
SCORE_WEIGHT_DEFAULT = "（默认）"
SCORE_STATED_TOTAL = "报告自评总分"
SCORE_COMPUTED_TOTAL = "按规则计算总分"
SCORE_VALUE = "{score}分"
SCORE_GRADE = "等级 {grade}"
SCORE_GROUPS = "一级指标"
SCORE_INDICATORS = "指标计分"
SCORE_NO_INDICATORS = "报告未给出各指标的分值（权重）及其所属一级指标，因此没有可以逐项计分的指标。"
SCORE_CANNOT_COMPUTE = "无法按规则重算得分：{reasons}。下表列出报告自评分、各组权重，以及无法计算的原因。"
SCORE_FAR_ABOVE = "完成值超过目标{far_above}的指标（目标可能偏低）：{names}"
# The figures in these sentences come from perfboard/rules.py (rules.wording()).
SCORE_RULES = ("计分规则：一级指标默认权重 {weights}（可在 evaluation.csv 的 max_score 中改写）；"
               "定量指标达到目标得满分，否则按完成率计分；定性指标按{tiers}内评分；"
               "预算执行得分 = 分值 × min(1, 执行数/调整后预算)，低于{budget_line}须说明原因；等级：{grades}。")
LEGEND_STATED_SCORE = "报告自评"
LEGEND_COMPUTED_SCORE = "按规则计算"
LEGEND_WEIGHT = "权重"
SCORE_TABLE_COLUMNS = {
    "row_type_text": "层级",
    "item_name": "项目",
    "weight_text": "权重（分）",
    "computed_text": "按规则计算",
    "stated_text": "报告自评",
    "difference_text": "差异",
    "basis_text": "说明",
}

# ---- audit --------------------------------------------------------------------------------------
SEVERITY_ERROR = "错误"
SEVERITY_WARNING = "警告"
SEVERITY_NOTE = "提示"
SEVERITIES = (SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_NOTE)
SUBJECT_KINDS = {"indicator": "指标", "spending": "支出项", "score": "得分", "narrative": "报告原文"}
AUDIT_TITLE = "数据核查"
AUDIT_INTRO = "逐项核对报告的数字是否自洽、文字是否与数据相符。每条发现都给出涉及的数字和报告出处。"
AUDIT_FILTER_SEVERITY = "严重程度"
AUDIT_FILTER_CHECK = "核查项"
AUDIT_NONE = "没有发现问题。"
AUDIT_NONE_MATCH = "没有符合筛选条件的发现。"
AUDIT_GO_TO = "查看{page}"
AUDIT_OVERVIEW = "数据核查：错误 {errors} 条、警告 {warnings} 条、提示 {notes} 条"
AUDIT_SOURCE = "报告出处：{source}"
CHECK_LABELS = {
    "SPENDING_PARTS": "支出分项与合计不符",
    "SPENDING_UNITEMISED": "支出未逐项列明",
    "SCORE_PARTS": "分组得分与总分不符",
    "SCORE_OVER_WEIGHT": "分组得分超过权重",
    "SCORE_GROUP_MISSING": "一级指标缺少得分",
    "INDICATOR_WEIGHTS": "指标分值合计与分组权重不符",
    "RATE_MISMATCH": "所述完成率与数字不符",
    "RATE_UNVERIFIABLE": "所述完成率无法核对",
    "YOY_MISMATCH": "所述同比增速与数字不符",
    "TARGET_EQUALS_ACTUAL": "目标值与实际值相同",
    "TARGET_WITHOUT_ACTUAL": "有目标无完成数",
    "INDICATOR_PARTS": "分项指标与合计不符",
    "NO_TARGETS": "报告没有量化目标",
    "TARGET_NOT_MEASURABLE": "目标无法衡量",
    "FAR_ABOVE_TARGET": "完成值远超目标",
    "ESTIMATE_IN_YEAR_END": "年报中使用预计数",
    "PARTIAL_PERIOD": "年报中使用非全年数",
    "TEXT_FIGURE_MISSING": "数据在原文中找不到",
    "TEXT_YEAR_LABEL": "原文年份与报告年度不符",
    "TEXT_STALE_PLAN": "原文中已过期的计划",
    "TEXT_EMPTY_SECTION": "章节为空",
    "TEXT_GENERIC_SECTION": "问题或措施泛泛而谈",
}
FINDING = {
    "SPENDING_PARTS": "{name}{total}，而下级各项合计{parts}，相差{gap}。",
    "SPENDING_OVERLISTED": "{name}{total}，而报告列明的各项合计已达{parts}，超出{gap}。",
    "SPENDING_UNITEMISED": "{parent}{total}中，报告列明的各项合计{listed}，余下{rest}（占{share}）未逐项列明。",
    "SCORE_PARTS": "各一级指标得分合计{parts}分（{detail}），而总分为{total}分，相差{gap}分。",
    "SCORE_OVER_WEIGHT": "{level1}自评{score}分，超过该组权重{weight}分{default_note}。",
    "SCORE_OVER_WEIGHT_DEFAULT": "（报告未给出各组分值，按默认权重）",
    "SCORE_GROUP_MISSING": "报告未给出{level1}的得分（默认权重{weight}分）；总分{total}分只由{parts}构成。",
    "INDICATOR_WEIGHTS": ("{level1}的{count}项指标分值合计{weights}分，而该组权重为{weight}分{default_note}，"
                          "按规则计算的{level1}得分最高只能是{weights}分。报告的指标表里若还有没有数字的定性指标"
                          "（如“及时”“明显改善”），请补录其分值；否则请核对各指标分值或该组分值。"),
    "RATE_MISMATCH": "{name}：报告称完成{stated}，按报告数字 {actual} ÷ {target} = {computed}。",
    "RATE_UNVERIFIABLE": "{name}：报告称完成{stated}（{actual}），但未给出目标（任务）数，无法核对。",
    "YOY_MISMATCH": "{name}：报告称同比{stated}，按{previous_year}年数据 {previous} → {actual}，实为{computed}。",
    "TARGET_EQUALS_OWN_ACTUAL": "{name}：目标值与完成值同为{value}，请核实目标是否为年初设定。",
    "TARGET_EQUALS_OTHER_ACTUAL": "{name}的目标值{value}与{other}的完成值相同（第{other_source}部分），目标可能误用了实际数。",
    "TARGET_WITHOUT_ACTUAL": "{name}：有目标值{target}，报告未给出完成数。",
    "INDICATOR_PARTS": "{name}{total}，而其分项{parts}合计{sum}，相差{gap}（超出四舍五入的误差{tolerance}）。",
    "NO_TARGETS": "报告列出 {count} 项指标，没有一项给出量化目标值，无法按目标评价完成情况。",
    "TARGET_NOT_MEASURABLE": "{name}：目标“{text}”没有可衡量的数值，也未评定达成程度，无法判断是否完成。",
    "FAR_ABOVE_TARGET": "{name}：完成{actual}，为目标{target}的{rate}，目标可能偏低。",
    "ESTIMATE_IN_YEAR_END": "{name}{actual}为预计数，年度自评报告应使用全年实际数。",
    "PARTIAL_PERIOD": "{name}{actual}为{period}的数字，不是全年数。",
    "TEXT_FIGURE_MISSING": "{name}的{what}{value}在报告第{source}部分的原文中找不到，请核对数据或原文。",
    "TEXT_YEAR_LABEL": "第{ref}部分以“{label}”开头，但本报告是{year}年度报告，所述数字按{year}年录入。原文：“{excerpt}”",
    "TEXT_STALE_PLAN": "第{ref}部分写“{excerpt}”：这一期限不晚于报告年度末（{year}年12月31日），年度报告却仍写作将来时，可能沿用了旧报告的文字。",
    "TEXT_EMPTY_SECTION": "“{title}”一节没有内容。",
    "TEXT_GENERIC_SECTION": "“{title}”一节未提及任何具体指标、项目或数字，{detail}",
    "TEXT_GENERIC_UNMET": "而报告中未完成的指标有：{names}。",
    "TEXT_GENERIC_PLAIN": "难以据此整改。",
}
FINDING_WHAT = {"target": "目标值", "actual": "完成值"}
CLI_AUDIT = "核查数据与报告原文，列出发现的问题"
CLI_SCORE = "按规则计算自评得分，并与报告自评分对照"
CLI_AUDIT_FORMAT = "输出格式：table（表格）或 json（对象列表）"

# ---- exports ------------------------------------------------------------------------------------
DECK_TITLE = "{year}年度部门整体支出绩效自评"
DECK_SCORE = "报告自评 {score} · 等级 {grade}"
DECK_INDICATOR = "{name}：{actual}（目标 {target}，完成 {rate}）"
DECK_SPENDING_ITEM = "{name}：{amount}（占 {share}）"
DECK_REPORT_WORDS = "报告原文（第{ref}部分）"
DECK_CLOSING = "谢谢！"
DECK_CLOSING_SOURCE = "数据：{cited}；图表由绩效看板生成"
DECK_STEP_TITLE = "封面"
DECK_STEP_PROBLEMS = "问题与措施"
DECK_STEP_DONE = "完成"
DECK_BUTTON = "生成汇报 PPT"
DECK_DOWNLOAD = "下载汇报 PPT"
DECK_PROGRESS = "正在生成汇报 PPT：{step}"
DECK_FILE = "{unit_name}_{year}年度绩效自评汇报.pptx"
HTML_BUTTON = "下载离线 HTML 报告"
HTML_FILE = "{unit_name}_{year}年度绩效看板.html"
HTML_TITLE = "{unit_name} · {year}年度部门整体支出绩效看板"
HTML_GENERATED = "由绩效看板生成。数据来源：{cited}。"
EXPORT_PNG = "PNG 图片"
EXPORT_SVG = "SVG 矢量图"
EXPORT_XLSX = "Excel 表格"
EXPORT_CSV = "CSV"
EXPORT_MENU = "导出"
EXPORT_DONE = "已导出 {count} 个文件到 {path}"
CLI_EXPORT = "导出图表、表格、汇报 PPT 或离线 HTML/PDF 报告"
CLI_EXPORT_WHAT = "导出内容：deck（汇报 PPT）、charts（全部图表）、tables（全部视图的 Excel）、html、pdf、workbook（当前版本全部数据的填报工作簿）"
CLI_OUT = "输出文件或目录"
CLI_IMAGE_FORMAT = "图片格式：png 或 svg"
CLI_EXPORT_NEEDS_ONE = "导出需要确定一个单位和一个年度，当前有 {count} 个组合。请用 --unit 和 --year 指定。"
VIEW_COLUMN_LABELS = {
    "unit_code": "单位代码", "unit_name": "单位名称", "year": "年度", "indicator_code": "指标代码",
    "indicator_name": "指标名称", "category": "类别代码", "category_code": "类别代码", "category_name": "类别",
    "unit": "计量单位", "direction": "指标方向", "target": "目标值", "actual": "完成值", "qualifier": "限定词",
    "completion_rate": "完成率", "status": "状态", "stated_rate": "报告所述完成率", "stated_yoy": "报告所述同比",
    "is_estimate": "是否预计数", "period": "统计期", "is_partial": "是否非全年数", "source": "报告出处", "note": "备注",
    "previous_actual": "上年值", "previous_basis": "上年值来源", "change": "变化", "yoy_rate": "同比增长率",
    "item_code": "支出项代码", "parent_code": "上级支出项代码", "item_name": "支出项", "amount": "金额（万元）",
    "share_of_parent": "占上级比例", "share_of_total": "占合计比例", "budget": "年初预算（万元）",
    "adjusted_budget": "调整后预算（万元）", "budget_execution": "预算执行率", "is_derived": "是否推算",
    "is_memo": "是否备查项", "depth": "层级", "root_code": "所属合计", "project_name": "项目名称",
    "project_type": "项目类型", "status_order": "状态顺序", "level1": "一级指标", "max_score": "满分",
    "score": "自评得分", "weight": "权重", "computed_score": "按规则计算得分", "stated_score": "报告自评得分",
    "difference": "差异", "basis": "计分说明", "total_score": "总分", "grade": "等级", "section_key": "章节键",
    "ref": "章节编号", "title": "标题", "body": "正文",
}

# ---- the data desk: workbook, upload, preview, versions (docs/architecture.md, "The data desk") ----------
KIND_WORDS = {"TEXT": "文字", "CODE": "代码（英文字母、数字、下划线）", "YEAR": "年份（四位数字）", "INTEGER": "整数",
              "NUMBER": "数字", "MONEY": "金额（万元，两位小数）", "BOOLEAN": "是 / 否",
              "UNIT": "计量单位（列表中的常用单位，或不超过六个字的单位，如 人日、元/人）"}
WORKBOOK_INTRO = ("绩效看板数据填报工作簿：每张工作表对应一个数据文件，第一行是列名，请从第二行起逐行填写；"
                  "带下拉箭头的列请从列表中选择。上传后系统会逐格检查，问题会指明工作表、行和列。")
WORKBOOK_INSTRUCTION_COLUMNS = ("工作表", "列名", "代码", "填写内容", "必填", "可选值", "示例")
WORKBOOK_REQUIRED = "必填"
WORKBOOK_FROM_SHEET = "从「{sheet}」工作表已有的代码中选择"
WORKBOOK_NARRATIVE_HELP = ("每个单位、每个年度的自评报告全文，Markdown 格式（# 一级标题、## 二级标题……）；"
                           "超过三万字时分几行填写，段号 1、2、3 依次接续。")
WORKBOOK_LIST_TITLE = "请从列表中选择"
WORKBOOK_LIST_ERROR = "“{label}”只能填写列表中的值。"
WORKBOOK_OPEN_LIST_WARNING = "“{label}”不在常用列表中。列表外的单位也可以用（不超过六个字，如 人日、元/人），确认无误请点“是”。"
UPLOAD_KIND = "无法识别的文件类型：请上传 .xlsx 工作簿、数据文件的 .zip 压缩包或 .csv 数据文件。"
UPLOAD_UNREADABLE = "文件无法打开（{reason}）：请确认它是用 Excel 或 WPS 保存的 .xlsx，或完好的 .zip / .csv 文件。"
UPLOAD_SHEET = "{file} 工作表「{sheet}」"
UPLOAD_MEMBER = "{file} 中的 {member}"
UPLOAD_UNKNOWN_SHEET = "不认识这张工作表。工作簿只能包含这些工作表：{sheets}（以及填写说明）。请改回原名或删除它。"
UPLOAD_UNKNOWN_FILE = "不认识这个文件名。数据文件应命名为：{files}（也可用工作表的中文名）。"
UPLOAD_UNKNOWN_HEADER = "列名“{header}”不在这个文件的列中。可用的列：{known}。请改回模板中的列名。"
UPLOAD_NARRATIVE_KEY = "报告原文的一行缺少单位代码或四位年份。请填写这两列。"
UPLOAD_TOO_MANY_FILES = "压缩包里有 {count} 个文件，太多了。请只打包数据目录中的 .csv 文件和 narrative 文件夹。"
UPLOAD_TOO_LARGE = "文件解压后超过 {limit} MB。请按单位或年度拆分后分批上传。"
PREVIEW_COUNTS = "{label}：新增 {added} 行、删除 {removed} 行、修改 {changed} 行"
PREVIEW_NOTHING = "与当前版本相比没有变化"
PREVIEW_NARRATIVE = "报告原文"
SEEN_NEW = "{where} 实际 {value}（新增）"
SEEN_REMOVED = "{where} 实际 {value}（删除）"
SEEN_CHANGED = "{where} 实际 {old} → {new}"
SEEN_TOTAL = "{unit} {year} 总分 {old} → {new}"
DESK_NO_VERSION = "当前数据库建于版本管理之前，没有可比较的数据文件。请先运行 perfboard load 发布一次。"
DESK_EDITED_WHERE = "在线修改 表「{sheet}」"

# ---- access: accounts, login, roles (docs/architecture.md, "Access") ---------------------------------------
USER_PASSWORD_SHORT = "密码至少 {chars} 个字符。"
USER_BAD_NAME = "用户名“{name}”不可用：只能用 1–32 个汉字、英文字母、数字或下划线。"
USER_BAD_ROLE = "角色“{role}”不存在。可用的角色：{roles}。"
USER_EXISTS = "用户“{name}”已存在。修改密码请用 perfboard user passwd {name}。"
USER_UNKNOWN = "没有名为“{name}”的用户。用 perfboard user list 查看现有用户。"
USER_ADDED = "已添加用户“{name}”（{role}）。"
USER_REMOVED = "已删除用户“{name}”。"
USER_PASSWORD_SET = "已修改用户“{name}”的密码。"
USER_NONE = "还没有用户。添加第一个编辑：perfboard user add 姓名 --role editor"
USER_PASSWORD_PROMPT = "密码："
USER_PASSWORD_AGAIN = "再输一次："
USER_PASSWORD_MISMATCH = "两次输入的密码不一致，未做修改。"
ROLE_LABELS = {"editor": "编辑（可修改数据）", "viewer": "查看"}
LOGIN_FAILED = "用户名或密码不正确。"
LOGIN_LOCKED = "连续输错次数过多，该账号已暂时锁定，请 {minutes} 分钟后再试，或请管理员重设密码。"
LOGIN_TITLE = "登录"
LOGIN_NAME = "用户名"
LOGIN_PASSWORD = "密码"
LOGIN_BUTTON = "登录"
LOGOUT_BUTTON = "退出登录"
LOGIN_AS = "已登录：{name}（{role}）"
LOGIN_EXPIRED = "长时间未操作，已自动退出登录，请重新登录。"
LOGIN_REQUIRED = "本看板需要登录后查看。"
CLI_TEMPLATE = "生成填报工作簿模板（.xlsx）：每个数据文件一张工作表，带下拉列表和填写说明"
CLI_TEMPLATE_UNIT = "为这个单位的一个年度准备模板（与 --year 一起用）"
CLI_TEMPLATE_YEAR = "为这个年度准备模板（与 --unit 一起用）"
CLI_TEMPLATE_BOTH = "--unit 和 --year 需要一起指定（或都不指定，得到空白模板）。"
CLI_PUBLISH = "校验并发布数据为新版本：PATH 是数据目录（全部数据），或工作簿、zip、csv 文件（修改其中的单位年度）"
CLI_DIFF = "只预览 PATH 会带来的变更，不发布"
CLI_PUBLISH_PATH = "数据目录，或一个或多个 .xlsx / .zip / .csv 文件"
CLI_COMMENT = "这次发布的说明（记入版本历史）"
CLI_PUBLISH_USER = "以这个编辑账号的名义发布（默认记为服务器上的登录名）"
CLI_ACCOUNTS = "账号文件（默认：{default}；也可用环境变量 PERFBOARD_ACCOUNTS）"
CLI_VERSIONS = "列出全部已发布的版本"
CLI_RESTORE = "把一个旧版本的数据重新发布为新版本（历史只增不减）"
CLI_RESTORE_VERSION = "要恢复的版本号"
CLI_USER = "管理账号：add 添加、remove 删除、list 列出、passwd 改密码（密码从终端或标准输入读取）"
CLI_USER_ACTION = "add、remove、list 或 passwd"
CLI_USER_NAME = "用户名"
CLI_USER_ROLE = "角色：editor（编辑，可修改数据）或 viewer（查看）"
CLI_USER_ROLE_COLUMN = "角色"
CLI_USER_NEEDS_NAME = "请给出用户名，例如 perfboard user add 张三 --role editor"
CLI_PATH_MISSING = "找不到：{paths}"
CLI_CHANGE_REJECTED = "发现 {count} 个问题，没有发布。当前版本保持不变。"
CLI_ROW_ADDED = "  {label} 新增：{key}"
CLI_ROW_REMOVED = "  {label} 删除：{key}"
CLI_ROW_CHANGED = "  {label} 修改：{key}：{changes}"
CLI_NOTHING_TO_PUBLISH = "与当前版本相比没有变化，未发布新版本。"
CLI_NOT_AN_EDITOR = "“{name}”不是编辑账号，不能发布。用 perfboard user list 查看账号。"
CLI_PUBLISHED = "已发布第 {version} 版：{comment}"
CLI_NO_COMMENT = "（无说明）"
CLI_UNKNOWN_VERSION = "没有第 {version} 版。现有版本：{held}。"
RESTORE_COMMENT = "恢复第 {version} 版的数据。{comment}"
EDITOR_SERVER_USER = "服务器用户 {name}"
VERSION_COLUMNS = {"number": "版本", "published_at": "发布时间", "editor": "发布人", "comment": "说明",
                   "summary": "变更", "based_on": "基于版本", "current": "当前"}
VERSION_WHOLE_DATA = "全部数据，{rows} 行"
DESK_EDITORS_ONLY = "只有编辑账号可以修改数据。请在左侧栏登录编辑账号。"
PAGE_DESK = "数据管理"
PAGE_LOGIN = "登录"
DESK_TITLE = "数据管理"
DESK_INTRO = ("在这里把新一年的数据带进看板：下载填报工作簿，在 Excel 或 WPS 中填写，上传后先检查、再预览变更，"
              "确认后发布为新版本。每个版本都保留，可随时下载或恢复。")
DESK_TAB_UPLOAD = "上传与发布"
DESK_TAB_EDIT = "在线修改"
DESK_TAB_HISTORY = "历史版本"
DESK_TAB_TEMPLATE = "下载模板"
DESK_UPLOAD = "上传填报工作簿（.xlsx）、数据文件压缩包（.zip）或数据文件（.csv）"
DESK_UPLOAD_HELP = "工作簿或文件中出现的每个单位年度，会整体替换该单位年度的现有数据；其他单位年度保持不变。"
DESK_CHECKING = "正在检查并生成变更预览……"
DESK_PROBLEMS = "发现 {count} 个问题，修改前不能发布。当前版本保持不变。"
DESK_PROBLEM_WHERE = "文件 / 工作表"
DESK_PROBLEM_ROW = "行"
DESK_PROBLEM_COLUMN = "列"
DESK_PROBLEM_VALUE = "填写的值"
DESK_PROBLEM_MESSAGE = "问题与处理办法"
DESK_PREVIEW = "变更预览"
DESK_SEEN = "看板上将会变化的数字"
DESK_SEEN_MORE = "另有 {count} 处变化未列出。"
DESK_ADDED = "新增"
DESK_REMOVED = "删除"
DESK_CHANGED = "修改"
DESK_CHANGE_KIND = "变更"
DESK_CHANGE_KEY = "行（代码）"
DESK_CHANGE_COLUMN = "列"
DESK_CHANGE_OLD = "原值"
DESK_CHANGE_NEW = "新值"
DESK_COMMENT = "发布说明（必填，记入版本历史）"
DESK_CONFIRM = "我已核对以上变更，确认发布"
DESK_PUBLISH = "发布为新版本"
DESK_PUBLISHED = "已发布第 {version} 版，看板已显示新数据。"
DESK_TEMPLATE_SCOPE = "模板内容"
DESK_TEMPLATE_YEAR = "{unit_name} {year}年度（已选单位）"
DESK_TEMPLATE_NEW_YEAR = "{unit_name} {year}年度（新的一年）"
DESK_TEMPLATE_BLANK = "空白模板"
DESK_TEMPLATE_DOWNLOAD = "下载填报模板"
DESK_WORKBOOK_DOWNLOAD = "下载当前版本的全部数据（工作簿）"
DESK_TEMPLATE_FILE = "绩效看板填报模板_{scope}.xlsx"
DESK_WORKBOOK_FILE = "绩效看板数据_第{version}版.xlsx"
DESK_ZIP_FILE = "绩效看板数据_第{version}版.zip"
DESK_EDIT_TABLE = "要修改的数据文件"
DESK_EDIT_INTRO = "修改 {unit_name} {year}年度的「{label}」；可增删行。改完后点“检查修改”。"
DESK_EDIT_CHECK = "检查修改"
DESK_HISTORY_PICK = "选择版本"
DESK_HISTORY_VERSION = "第 {number} 版 · {published_at} · {editor} · {comment}"
DESK_DOWNLOAD_WORKBOOK = "下载该版本（工作簿）"
DESK_DOWNLOAD_ZIP = "下载该版本（数据文件 zip）"
DESK_RESTORE = "恢复该版本的数据（作为新版本发布）"
DESK_RESTORE_CURRENT = "这就是当前版本。"
CLI_LOAD_IF_EMPTY = "只在还没有任何版本时载入（make run 用它：不会覆盖编辑发布的数据）"
LOAD_KEPT = "已有数据（当前第 {version} 版），未重新载入。用数据目录替换当前数据：perfboard load；查看版本：perfboard versions。"
IMPORT_UNTITLED = "（无标题）"
IMPORT_UNITEMISED = "其他项目支出（报告未逐项列明）"
IMPORT_WHERE = "报告 {file} 导入的草稿"
IMPORT_DOCUMENT_NOTE = "由报告 {file} 导入"
IMPORT_NEW_INDICATOR = "{name}（新指标：发布时加入指标目录）"
IMPORT_NEW_INDICATOR_NOTE = "由自评报告导入（指标表或正文），请核对名称、类别和方向"
IMPORT_HEADLINE_NOTE = "；列在报告的年度目标中，设为总览指标"
IMPORT_NEW_CATEGORY = "报告所列指标"
IMPORT_NO_INDICATOR = "（无）"  # the review's 指标代码 of a figure that is no indicator's (spending, unclassified)
IMPORT_KINDS = {"target": "目标值", "actual": "完成值", "target_text": "目标（文字）", "actual_text": "完成情况（文字）",
                "growth": "同比增长率", "stated_rate": "报告所述完成率",
                "spending": "支出", "budget": "年初预算（支出）", "adjusted_budget": "调整后预算（支出）",
                "score": "自评得分", "max_score": "满分（自评得分）", "weight": "指标分值", "indicator_score": "指标得分",
                "suggested": "建议指标（采用即作完成值）", "unclassified": "未归类"}
IMPORT_REVIEW_HEADERS = {"used": "已采用", "kind": "类别", "indicator_code": "指标代码", "name": "依据的文字",
                         "value": "数值", "unit": "单位", "qualifier": "限定词", "ref": "章节",
                         "sentence": "原文（【】内为该数字）"}
CLI_IMPORT = "读取自评报告（.docx、.txt、网页 .html 或文字版 PDF），生成该单位年度的数据草稿和核对清单（不发布）"
CLI_IMPORT_REPORT = "报告文件"
CLI_IMPORT_OUT = "草稿：目录（data/ 格式的全部数据，另附 .review.csv 核对清单）或 .xlsx 工作簿（含导入核对表）"
IMPORT_YEAR_DIFFERS = ("报告标题写的是{stated}年度（“{title}”），而导入的年度是{chosen}年。请确认年度无误；如选错了，"
                       "请改选{stated}年后重新导入。")
IMPORT_USE_TITLE_YEAR = "改为{year}年重新读取"
IMPORT_DONE = ("已读出 {figures} 个数字和 {words} 处文字表述的目标或完成情况："
               "指标值 {values} 行（其中新指标 {new_indicators} 个）、支出 {spending} 项、"
               "自评得分 {scores} 项，建议指标 {suggested} 个（未采用，核对清单中可见），未归类 {unclassified} 个。"
               "草稿写入 {paths}。核对后用 perfboard publish 或数据管理页面发布。")
IMPORT_UNREADABLE = "无法读取报告 {file}：{reason}。请另存为 .docx 或 UTF-8 的 .txt 后再试。"
# why a report cannot be read: the {reason} of IMPORT_UNREADABLE
REPORT_NOT_DOCX = "它不是完好的 Word 文档（.docx）；旧版 .doc 或 WPS 文件请先在 Word/WPS 中另存为 .docx"
REPORT_NOT_PDF = "它不是完好的 PDF 文件（已损坏或没有下载完整）"
REPORT_PDF_LOCKED = "这份 PDF 设有打开密码，请用不加密的版本"
REPORT_NO_TEXT = "文件中没有读到中文文字：扫描件或图片版 PDF 需先做文字识别（OCR），或改用报告的 Word 版"
REPORT_ENCODING = "文字编码无法识别（不是 UTF-8 或 GBK 的文本，或是改了扩展名的其他文件）"
REPORT_ENCODING_AT = "文字编码无法识别：第{line}行起与前文编码不同（不是同一种 UTF-8 或 GBK 文本）"
REPORT_IMPORT_FAILED = "读取时出错（已记录在服务器日志中），请把报告文件交给系统管理员"
REPORT_NOT_OPENED = {FileNotFoundError: "文件不存在，请检查路径", IsADirectoryError: "这是一个文件夹，请给出报告文件",
                     PermissionError: "没有读取这个文件的权限"}
REPORT_NOT_OPENED_OTHER = "系统无法打开这个文件（错误代码 {code}），请确认文件完好、所在磁盘可读后再试"
DESK_TAB_IMPORT = "导入报告"
DESK_IMPORT_UPLOAD = "上传自评报告（.docx、.txt、网页 .html 或文字版 PDF）"
DESK_IMPORT_YEAR = "报告所属年度"
DESK_IMPORT_FOR = "报告所属单位"
DESK_IMPORT_FOR_SELECTED = "当前单位：{unit_name}"
DESK_IMPORT_FOR_NEW = "新单位（随报告登记）"
DESK_NEW_UNIT_NAME = "单位名称"
DESK_NEW_UNIT_CODE = "单位代码"
DESK_NEW_UNIT_CODE_HELP = "英文字母开头，只含英文字母、数字和下划线，例如 taojiang_edu；登记后不再更改。"
DESK_NEW_UNIT_PARENT = "上级单位"
DESK_NO_PARENT = "（无）"
DESK_NEW_UNIT_TAKEN = "单位代码“{code}”已是“{unit_name}”的代码，请换一个。"
DESK_NEW_UNIT_PROMPT = "填写新单位的名称和代码后上传报告；发布时单位与报告的数据一并写入。"
DESK_IMPORT_INTRO = "系统会找出报告中的每个数字，按所在句子判断它是目标、完成值、增长率、支出还是得分，并对应到指标；请逐条核对后再发布。"
DESK_IMPORTING = "正在读取报告……"
DESK_IMPORT_SUMMARY = ("读出 {figures} 个数字和 {words} 处文字表述的目标或完成情况，其中 {used} 项已放入草稿，"
                       "{unclassified} 项未采用（建议指标、未归类或重复，请核对；建议指标勾选即作为完成值采用）。在表中勾选、改正或改派指标后，打开“检查并预览”。")
DESK_IMPORT_CHECK = "检查并预览"
DESK_IMPORT_COMMENT = "从报告 {file} 导入"
CLI_IMPORT_YEAR = "报告所属年度（不写时取报告标题所写的年度）"
CLI_IMPORT_NO_YEAR = "报告 {file} 的标题没有写明年度（如“2023年度部门整体支出绩效自评报告”），请用 --year 指定年度。"
CLI_IMPORT_UNKNOWN_UNIT = ("单位代码“{unit}”还没有登记。现有单位：{units}。"
                           "新单位请加 --unit-name 单位名称（可加 --parent 上级单位代码），随报告一并登记。")
CLI_IMPORT_UNIT_NAME = "新单位的名称（单位代码尚未登记时必填，随报告一并登记）"
CLI_IMPORT_PARENT = "新单位的上级单位代码（可选）"
IMPORT_UNIT_NOTE = "随报告 {file} 登记"

# ---- 全部单位: every unit of the county side by side --------------------------------------------------
PAGE_COUNTY = "全部单位"
COUNTY_TITLE = "全部单位 · {year}年"
COUNTY_INTRO = "每行一个单位：支出、自评得分与等级、总览指标完成情况、数据核查发现的问题。点“打开”进入该单位的总览。"
COUNTY_TAB_YEAR = "本年各单位"
COUNTY_TAB_COMPARE = "两年对比"
COUNTY_TAB_RANK = "历年排名"
COUNTY_FILTER_PARENT = "上级单位（含其下属各级单位）"
COUNTY_FILTER_GRADE = "评价等级"
COUNTY_FILTER_SEVERITY = "核查问题（最严重的一级）"
COUNTY_FILTER_CATEGORY = "有目标的指标类别"
COUNTY_SEARCH = "搜索单位名称或代码"
COUNTY_SORT = "排序"
COUNTY_SORT_SCORE = "自评总分（高到低）"
COUNTY_SORT_SCORE_LOW = "自评总分（低到高）"
COUNTY_SORT_SPENDING = "部门整体支出（多到少）"
COUNTY_SORT_ERRORS = "核查错误（多到少）"
COUNTY_SORT_MISSED = "未完成目标（多到少）"
COUNTY_SORT_CODE = "单位代码"
COUNTY_NO_FINDINGS = "无问题"
COUNTY_NOT_AUDITED = "未核查"
COUNTY_NONE_SHOWN = "没有符合筛选条件的单位。请放宽筛选或清空搜索。"
COUNTY_SHOWN = "显示 {shown} 个单位（本年共 {total} 个）。"
COUNTY_CARD_UNITS = "单位数"
COUNTY_CARD_MEAN = "平均自评总分"
COUNTY_CARD_MEAN_DETAIL = "{scored} 个单位有总分；含推算 {derived} 个"
COUNTY_CARD_MISSED = "未完成的总览目标"
COUNTY_CARD_MISSED_DETAIL = "涉及 {units} 个单位；另有 {unreported} 个目标未报告完成数"
COUNTY_CARD_ERRORS = "有核查错误的单位"
COUNTY_CARD_ERRORS_DETAIL = "共 {errors} 条错误、{warnings} 条警告"
COUNTY_COL_RANK = "排名"
COUNTY_COL_UNIT = "单位"
COUNTY_COL_PARENT = "上级单位"
COUNTY_COL_SPENDING = "部门整体支出（万元）"
COUNTY_COL_BASIC = "基本支出（万元）"
COUNTY_COL_PROJECT = "项目支出（万元）"
COUNTY_COL_BASIC_SHARE = "基本支出占比（%）"
COUNTY_COL_SCORE = "自评总分"
COUNTY_COL_COMPUTED = "按规则计算总分"
COUNTY_NOT_COMPUTED = "无法计算"  # the report gives too little to score by the rules (自评得分 page says why)
COUNTY_COL_GRADE = "等级"
COUNTY_COL_MET = "目标完成"
COUNTY_COL_MISSED = "目标未完成"
COUNTY_COL_UNREPORTED = "完成数未报告"
COUNTY_COL_ERRORS = "错误"
COUNTY_COL_WARNINGS = "警告"
COUNTY_COL_NOTES = "提示"
COUNTY_COL_LINK = "总览"
COUNTY_LINK_TEXT = "打开"
COUNTY_COL_SCORE_IN = "{year}总分"
COUNTY_COL_RANK_IN = "{year}排名"
COUNTY_COL_SPENDING_IN = "{year}支出（万元）"
COUNTY_COL_SCORE_CHANGE = "总分变化"
COUNTY_COL_RANK_CHANGE = "名次变化（+为上升）"
COUNTY_COL_SPENDING_CHANGE = "支出增减（%）"
COUNTY_COMPARE_FIRST = "对比年度"
COUNTY_COMPARE_SECOND = "本年度"
COUNTY_COMPARE_ONE_YEAR = "数据中只有一个年度，无法对比。"
COUNTY_RANK_UNIT = "单位"
COUNTY_RANK_NONE = "{unit}在各年度都没有自评总分，无法排名。"
COUNTY_RANK_POINT = "第{rank}名/{of}"
COUNTY_UNITS_SUFFIX = "{count}个"
COUNTY_SOURCE_LINE = "来源：{units}个单位的{year}年度自评报告"
COUNTY_SOURCE_FINDINGS = "核查结果为数据发布时计算"
COUNTY_CHART_DISTRIBUTION = "自评总分分布：各分数段单位数（{count}个单位有总分）"
COUNTY_CHART_RANKING = "自评总分排名（前{count}名）"
COUNTY_CHART_CATEGORIES = "各类别指标目标完成情况：目标数（{count}个单位合计）"
COUNTY_CHART_SEVERITY = "各单位核查问题（按最严重的一级）"
COUNTY_CHART_RANK = "{unit}：历年自评总分排名"
COUNTY_CHART_CHILDREN = "{unit}：下属单位{year}年支出及占比"
COUNTY_CHILDREN_NOTE = "下属单位各自报告的部门整体支出；本单位报告的支出是否包含下属单位，以报告为准，此处不相加替代。"
POINTS_UNIT = "分"
AXIS_UNITS = "单位数（个）"
AXIS_RANK = "名次"
LEGEND_MET = "完成"
LEGEND_MISSED = "未完成"
LEGEND_UNREPORTED = "未报告完成数"
MESSAGE_LARGEST_CHILD = "{count}个下属单位中，{name}支出最多：{amount}，占下属单位合计的{share}。"
