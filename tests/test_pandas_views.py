"""bench/pandas_views.py, the baseline of bench/county_speed.py's views measure, gives the very rows of the DuckDB
views it is measured against (same columns, order and values), so the ratio compares equal work."""

from __future__ import annotations

import pandas as pd
import pytest

from bench import pandas_views
from perfboard.database import connect, fetch_df
from tests.datasets import write_words_dataset

BASELINES = {"indicator_progress": pandas_views.indicator_progress,
             "spending_structure": pandas_views.spending_structure}


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Values as Python objects, every kind of missing as None (an empty text column is None in one frame and
    NaN in the other); floats are then compared exactly."""
    return frame.astype(object).where(frame.notna(), None).reset_index(drop=True)


@pytest.fixture(params=["seed", "county", "words"])
def store(request):
    if request.param == "words":  # targets and results in words, every status they give (tests/datasets.py)
        db_path = request.getfixturevalue("loaded")("words", write_words_dataset)[1]
    else:
        db_path = request.getfixturevalue("seed_db") if request.param == "seed" else request.getfixturevalue("county")[1]
    con = connect(db_path)
    yield con
    con.close()


@pytest.mark.parametrize("view", BASELINES)
def test_the_pandas_baseline_gives_the_views_rows(store, view):
    ours = BASELINES[view](pandas_views.source_tables(store))
    expected = fetch_df(store, view)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(comparable(ours), comparable(expected), check_exact=True)
