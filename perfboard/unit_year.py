"""One unit's year as every reader sees it: the one read object of docs/architecture.md (The flow).

Pages, the chart catalogue, the deck, the HTML report, the audit and the CLI all read a unit's year through
`UnitYear`; none of them names a connection or a cache. Where the rows come from is the `fetch` it is given:
the app's cached reads of one build (so a page never mixes two loads), or a CLI or test connection. Each
view is read at most once per object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from perfboard.narrative import Outline
from perfboard.reports import ReportRef

# (view name, unit code or None for every unit, year or None for every year) -> the view's rows
Fetch = Callable[[str, "str | None", "int | None"], pd.DataFrame]


def year_view(name: str) -> property:
    """A view's rows for the unit and year, read on first use and kept by the object."""
    return property(lambda self: self.view(name))


@dataclass(frozen=True)
class UnitYear:
    unit_code: str
    year: int
    report: ReportRef
    fetch: Fetch = field(repr=False, compare=False)

    @classmethod
    def of(cls, fetch: Fetch, unit_code: str, year: int) -> UnitYear | None:
        """The unit's year with its report's title, or None when the data holds no report for it."""
        held = fetch("available_years", unit_code, int(year))
        if held.empty:
            return None
        row = held.iloc[0]
        return cls(unit_code, int(year), ReportRef.of(row["unit_name"], int(year), row["report_title"]), fetch)

    def view(self, name: str) -> pd.DataFrame:
        """A view's rows for this unit and year."""
        return self._read(name, self.year)

    def series(self, name: str) -> pd.DataFrame:
        """A view's rows for this unit, every year."""
        return self._read(name, None)

    def _read(self, name: str, year: int | None) -> pd.DataFrame:
        # Kept by the object, which the app holds for every session of a build: the app's reads are cached by
        # Streamlit as copies, and unpickling 数据核查's findings on every rerun took a tenth of it (AppTest, seed).
        if (name, year) not in self._views:
            self._views[name, year] = self.fetch(name, self.unit_code, year)
        return self._views[name, year]

    @cached_property
    def _views(self) -> dict[tuple[str, int | None], pd.DataFrame]:
        return {}

    # The views most readers need, each read once per object.
    results = year_view("indicator_results")
    headline = year_view("headline_progress")
    structure = year_view("spending_structure")
    scores = year_view("evaluation_score")
    stated_scores = year_view("evaluation_stated")
    sections = year_view("report_sections")
    projects = year_view("project_list")

    @cached_property
    def total(self) -> pd.Series | None:
        """The year's total score (evaluation_summary): stated, summed from stated parts, and computed, with
        which one is shown; None when the data holds no score at all."""
        totals = self.view("evaluation_summary")
        return None if totals.empty else totals.iloc[0]

    @cached_property
    def outline(self) -> Outline:
        """The report's sections as plain lists, gathered once for every lookup of cited sections."""
        return Outline.of(self.sections)

    def cited_sections(self, refs: object) -> pd.DataFrame:
        """The sections a `source` cell cites, each with its subsections, in reading order."""
        return self.sections.iloc[self.outline.cited(refs)]

    def cited_text(self, refs: object) -> str:
        """The text of the sections a `source` cell cites (四.1；一(三)), subsections included; each distinct
        `source` is gathered once (a unit-year may have hundreds of rows citing the same sections)."""
        if not isinstance(refs, str) or not refs.strip():
            return ""
        if refs not in self._cited:
            self._cited[refs] = self.outline.text(refs)
        return self._cited[refs]

    @cached_property
    def _cited(self) -> dict[str, str]:
        return {}


@dataclass(frozen=True)
class CountyYear:
    """Every unit's year side by side (the 全部单位 page): one row per unit from `county_units`, the
    completion by category, the hierarchy, and the same table for any other year. Per-unit work is done by
    the views, never by a loop over units."""

    year: int
    fetch: Fetch = field(repr=False, compare=False)

    units = cached_property(lambda self: self.of_year(self.year))
    categories = cached_property(lambda self: self.fetch("county_categories", None, self.year))
    hierarchy = cached_property(lambda self: self.fetch("unit_descendants", None, self.year))

    def of_year(self, year: int) -> pd.DataFrame:
        return self.fetch("county_units", None, int(year))

    @cached_property
    def history(self) -> pd.DataFrame:
        """county_units for every year: ranks and scores over the years."""
        return self.fetch("county_units", None, None)

    @cached_property
    def names(self) -> dict[str, str]:
        """Each unit's name by its code, as the latest year names it (the history runs by year). From the columns
        as lists: iterating a column's Arrow strings one by one took 34 of the 全部单位 page's 85 ms at 1,000
        units × 10 years, and a pandas de-duplication costs more than it saves on a small county."""
        return dict(zip(self.history["unit_code"].tolist(), self.history["unit_name"].tolist()))
