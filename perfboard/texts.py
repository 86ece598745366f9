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
BAD_YEAR = "年度“{value}”不合理。应为 {first} 到 {last} 之间的四位年份，如 2024。"
NOT_A_BOOLEAN = "值“{value}”不是“是/否”。请填写 true/false、是/否 或 1/0；留空表示否。"
BAD_CODE = "代码“{value}”只能由英文字母、数字和下划线组成，且以字母开头，如 tax_revenue。"
NOT_A_CHOICE = "值“{value}”不在可选范围内。可选：{choices}。"
UNKNOWN_REFERENCE = "{label}“{value}”在 {ref_file} 中没有登记。请先在 {ref_file} 中加上它，或改正代码。"
DUPLICATE_KEY = "与第{first_line}行重复：{key}。同一组合只能有一行，请合并或删去其中一行。"
SPENDING_PARENT_MISSING = "上级支出项“{value}”在 {unit_code} {year}年的支出中不存在。请先加上该支出项，或改正代码。"
SPENDING_CYCLE = "支出项的上级链条形成循环（{chain}）。每个支出项最终应归到一个没有上级的合计项。"
REMAINDER_HAS_AMOUNT = "未列明余额项的实际支出由程序推算（上级合计减去已列明的项），这里应留空，而不是“{value}”。"
REMAINDER_WITHOUT_PARENT = "未列明余额项必须有上级支出项：它是上级合计中未逐项列明的部分。"
NARRATIVE_BAD_PATH = "报告原文文件应放在 narrative/<单位代码>/<年度>.md，例如 narrative/taojiang_hitech/2024.md。"
NARRATIVE_UNKNOWN_UNIT = "单位代码“{value}”（取自目录名）在 units.csv 中没有登记。"
NARRATIVE_HEADING_KEY = "章节标题缺少键，应写成“# 一、部门概况 {{#overview}}”的形式。"
NARRATIVE_DUPLICATE_KEY = "章节键“{value}”与第{first_line}行重复。每个章节的键必须唯一。"
NARRATIVE_TEXT_BEFORE_HEADING = "正文出现在第一个章节标题之前。请在文件开头加上章节标题。"

LOAD_FAILED = "数据未载入：发现 {count} 处问题。原有数据库 {db} 没有改动。"
LOAD_OK = "已载入 {tables} 张表、{rows} 行数据和 {views} 个视图，写入 {db}。"
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
CLI_NO_ROWS = "（没有符合条件的数据）"
