"""Pages and exports render any valid data: shapes the seed does not have (more series than the palette has
colours, a year with memo items only, rows that cite no section) once took pages down with IndexError."""

from __future__ import annotations

import pytest

from perfboard.cli import main
from tests.datasets import UNIT, YEAR, write_dataset
from tests.test_pages import PAGES, charts_on, open_page


def row(**cells: object) -> dict[str, object]:
    return {"unit_code": UNIT, "year": YEAR, **cells}


SHAPES = {
    # nine project types, none citing a section: the palette has seven colours
    "nine_project_types": {"projects": [row(project_name=f"项目{n}", project_type=f"类型{n}", status="在建")
                                        for n in range(9)]},
    # nine first-level spending items under the total
    "nine_spending_items": {"spending": [row(item_code="total", item_name="部门整体支出", actual=900)]
                            + [row(item_code=f"item{n}", parent_code="total", item_name=f"支出{n}", actual=100)
                               for n in range(9)]},
    # 三公经费 only, without the total it is a memo of
    "memo_only_spending": {"spending": [row(item_code="sangong", item_name="三公经费", actual=4.3, is_memo="true"),
                                        row(item_code="reception", parent_code="sangong", item_name="公务接待费",
                                            actual=4.3, is_memo="true")]},
    # a memo root without parts, and a growth rate whose row cites no section
    "bare_memo_and_uncited_growth": {
        "spending": [row(item_code="sangong", item_name="三公经费", actual=0, is_memo="true")],
        "indicator_values": [row(indicator_code="tax_revenue", actual=2.5, stated_yoy=12.5)]},
}


@pytest.fixture(scope="module", params=SHAPES, ids=list(SHAPES))
def shaped(request, loaded):
    return loaded(request.param, lambda folder: write_dataset(folder, **SHAPES[request.param]))


@pytest.mark.parametrize("page", PAGES, ids=list(PAGES))
def test_every_page_renders_the_shape(page, shaped, monkeypatch):
    at = open_page(page, *shaped, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title or charts_on(at)


@pytest.mark.parametrize("what", ["html", "tables"])
def test_exports_write_the_shape(what, shaped, tmp_path):
    out = tmp_path / f"export.{'xlsx' if what == 'tables' else what}"
    assert main(["export", what, "--db", str(shaped[1]), "--out", str(out)]) == 0
    assert out.stat().st_size > 1000
