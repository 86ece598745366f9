"""Which report a page, a chart or an export speaks of: the unit, the year and the report's own title.

Every source line, the sidebar, the deck and the HTML export cite the report through `ReportRef.cited`, so a
unit whose report is called 《2022年绩效自评工作情况总结》 is cited by that name (documents.csv); data without
that file is cited by the standard title.
"""

from __future__ import annotations

from dataclasses import dataclass

from perfboard import texts


@dataclass(frozen=True)
class ReportRef:
    unit_name: str
    year: int
    title: str

    @classmethod
    def of(cls, unit_name: str, year: int, title: object = None) -> ReportRef:
        """The report of a unit-year; the standard title when the data names none."""
        named = title if isinstance(title, str) and title.strip() else texts.DEFAULT_REPORT_TITLE.format(year=year)
        return cls(unit_name, int(year), named)

    def cited(self) -> str:
        """桃江高新技术产业开发区管理委员会《2024年度部门整体支出自评绩效报告》; a title that begins with the unit's
        name (桃江县教育局2024年度…报告) is cited without saying the name twice."""
        if self.title.startswith(self.unit_name):
            return texts.REPORT_CITED_TITLE_ONLY.format(title=self.title)
        return texts.REPORT_CITED.format(unit_name=self.unit_name, title=self.title)
