"""The report's narrative: Markdown with one heading per section and a stable key per heading.

    # 四、部门整体支出绩效情况分析 {#performance}
    ## 1.综合实力稳步提升 {#performance.strength}

The heading's own numbering gives the section's reference as the data files cite it: 一, 一(三), 四.1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from perfboard import texts

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#([A-Za-z0-9_.\-]+)\})?\s*$")
PART = re.compile(r"^第([一二三四五六七八九十]+)(?:部分|章)")
CHAPTER = re.compile(r"^([一二三四五六七八九十]+)(?:[、.．]|\s)")  # 一、 and as some reports write it, 一. 一． 一 …
SUBSECTION = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")  # （一） and (一)
ITEM = re.compile(r"^(\d+)[.．、]")
# A report may type its figures full-width (４．２８亿元, ４５％, １．加强预算管理): they are read as the figures they
# are. One character stands for one, so a figure keeps its place in the text. A full-width comma is left alone:
# 新建3，改建200 is two figures, not 3,200.
FULL_WIDTH_FIGURES = str.maketrans("０１２３４５６７８９．％／", "0123456789.%/")


def ascii_figures(text: str) -> str:
    """The text with its full-width digits, points, percent signs and slashes as ASCII (４．２８％ → 4.28%)."""
    return text.translate(FULL_WIDTH_FIGURES)


def section_ref(title: str, parent_ref: str | None) -> str | None:
    """一、… -> 一;  （三）… under 一 -> 一(三);  1.… under 四 -> 四.1;  an unnumbered title -> None. A report
    in parts (第二部分 绩效目标完成情况) numbers its chapters anew in each: 第二部分 -> 二, 一、… under it -> 二.一."""
    if match := PART.match(title):
        return match.group(1)
    if match := CHAPTER.match(title):
        return f"{parent_ref}.{match.group(1)}" if parent_ref else match.group(1)
    if (match := SUBSECTION.match(title)) and parent_ref:
        return f"{parent_ref}({match.group(1)})"
    if (match := ITEM.match(title)) and parent_ref:
        return f"{parent_ref}.{int(match.group(1))}"  # １．… is cited as 四.1
    return None


def parse_narrative(text: str) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """Sections as (line, row) in reading order, and problems as (line, message)."""
    sections: list[tuple[int, dict]] = []
    problems: list[tuple[int, str]] = []
    first_line_of_key: dict[str, int] = {}
    open_headings: list[dict] = []  # the current heading at each level, outermost first
    body: list[str] = []

    def close_section() -> None:
        if sections:
            sections[-1][1]["body"] = "\n".join(body).strip() or None
        body.clear()

    for line_number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        match = HEADING.match(line)
        if not match:
            if line.strip() and not sections:
                problems.append((line_number, texts.NARRATIVE_TEXT_BEFORE_HEADING))
            body.append(line.rstrip())
            continue
        hashes, title, key = match.groups()
        if key is None:
            problems.append((line_number, texts.NARRATIVE_HEADING_KEY))
            continue
        if key in first_line_of_key:
            problems.append((line_number, texts.NARRATIVE_DUPLICATE_KEY.format(
                value=key, first_line=first_line_of_key[key])))
            continue
        first_line_of_key[key] = line_number
        close_section()
        level = len(hashes)
        open_headings = [h for h in open_headings if int(h["level"]) < level]
        parent = open_headings[-1] if open_headings else None
        section = {
            "section_key": key,
            "parent_key": parent["section_key"] if parent else None,
            "ref": section_ref(title, parent["ref"] if parent else None),
            "title": title,
            "level": str(level),
            "sort_order": str(len(sections) + 1),
            "body": None,
        }
        open_headings.append(section)
        sections.append((line_number, section))
    close_section()
    return sections, problems


def matches(sections: pd.DataFrame, query: str) -> pd.DataFrame:
    """The sections whose title or body contains the query (all of them for an empty query)."""
    query = query.strip()
    if not query:
        return sections
    text = sections["title"].fillna("") + "\n" + sections["body"].fillna("")
    return sections[text.str.contains(query, regex=False)]


def split_refs(refs: object) -> list[str]:
    """A `source` cell (一(三)；四.1) as its references, in order, without repeats."""
    return list(dict.fromkeys(r.strip() for r in refs.split("；") if r.strip())) if isinstance(refs, str) else []


@dataclass(frozen=True)
class Outline:
    """A report's sections in reading order as plain lists, for gathering the text of cited sections often."""

    keys: list
    parent_keys: list
    refs: list
    titles: list
    bodies: list

    COLUMNS = ("section_key", "parent_key", "ref", "title", "body")

    @classmethod
    def of(cls, sections: pd.DataFrame) -> Outline:
        return cls(*(sections[column].tolist() for column in cls.COLUMNS))

    @classmethod
    def each(cls, sections: pd.DataFrame, by: list[str]) -> dict[tuple, Outline]:
        """One outline per value of the `by` columns (each unit-year's report), in one pass over the rows."""
        rows: dict[tuple, list] = {}
        for row in zip(*(sections[column].tolist() for column in (*by, *cls.COLUMNS))):
            rows.setdefault(row[:len(by)], []).append(row[len(by):])
        return {key: cls(*map(list, zip(*part))) for key, part in rows.items()}

    def cited(self, refs: object) -> list[int]:
        """The positions of the sections a `source` cell cites, each with its subsections."""
        wanted = set(split_refs(refs))
        keys = {key for key, ref in zip(self.keys, self.refs) if ref in wanted}
        chosen = []
        for position, (key, parent_key) in enumerate(zip(self.keys, self.parent_keys)):
            if key in keys or parent_key in keys:
                keys.add(key)
                chosen.append(position)
        return chosen

    def text(self, refs: object) -> str:
        """Titles and bodies of the cited sections as one text."""
        bodies = [body if isinstance(body, str) else "" for body in self.bodies]
        return "\n\n".join(f"{self.titles[i]}\n{bodies[i]}".strip() for i in self.cited(refs))

