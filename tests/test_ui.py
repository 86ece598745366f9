"""perfboard/ui.py's helpers that need no running page."""

from __future__ import annotations

import gc

import pandas as pd
import pyarrow as pa
import pytest

from perfboard import ui


def test_a_held_frame_goes_to_arrow_once():
    frame = pd.DataFrame({"指标": ["税收入库", "新开工项目"], "完成值": ["4.28亿元", "未报告"]})
    table = ui.as_arrow(frame)
    assert isinstance(table, pa.Table) and table.column_names == ["指标", "完成值"] and table.num_rows == 2
    assert ui.as_arrow(frame) is table  # the same frame: the same table, not converted again
    assert ui.as_arrow(frame.copy()) is not table  # another frame, even of equal rows, is its own


@pytest.mark.parametrize("cells", [[1.5, "未报告"], [3, "—"]])  # numbers and words in one column
def test_a_frame_arrow_cannot_hold_goes_as_it_is(cells):
    frame = pd.DataFrame({"数值": cells}, dtype=object)
    assert ui.as_arrow(frame) is frame  # Streamlit converts such a column itself


def test_a_frame_gone_takes_its_table_with_it():
    frame = pd.DataFrame({"指标": ["税收入库"]})
    ui.as_arrow(frame)
    key = id(frame)
    assert key in ui._ARROW_TABLES
    del frame
    gc.collect()
    assert key not in ui._ARROW_TABLES
