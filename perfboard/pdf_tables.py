"""The ruled tables of a PDF page, read from where the page draws its text and its rules (docs/architecture.md,
"Importing a report"). pypdf's text of a table whose cells wrap runs their lines into each other (完成农村公 /
路建设及危 / ≥50公里 52公里 20 20 无); the rules say which cell each piece of text is in. A page without
ruled tables is left to pypdf's own text (`page_text` gives None)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from perfboard import formatting

THIN = 2.0  # points: a drawn line or a filled rectangle this thin is a rule of a table
SNAP = 2.0  # points: rules this close are one (a cell's border and its neighbour's)
MIN_RULES = 2  # horizontal rules a table has at least
MIN_COLUMNS = 2  # a box around text (a frame, a boxed note) has one column: it is no table
GAP = 4.0  # points: a column narrower than this lies between two cells' own borders (HTML's border-spacing)
SKEW = 1e-3  # text drawn turned (a diagonal watermark) is left out of the page's lines
PATH_OPERATORS = {b"re", b"m", b"l"}  # the parts of a path whose points are read (curves are no rules)
PAINT = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*"}
MAX_PATH_POINTS = 100_000  # a page that draws more is read as pypdf reads it: no table is worth the time


@dataclass(frozen=True)
class Piece:
    """A run of text where the page draws it: its start on the baseline, and its font's size."""

    x: float
    y: float
    size: float
    text: str


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    def touches(self, other: Box) -> bool:
        return (self.left - SNAP <= other.right and other.left - SNAP <= self.right
                and self.bottom - SNAP <= other.top and other.bottom - SNAP <= self.top)

    @property
    def horizontal(self) -> bool:
        return self.top - self.bottom <= THIN < self.right - self.left

    @property
    def vertical(self) -> bool:
        return self.right - self.left <= THIN < self.top - self.bottom


def apply(matrix: list[float], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def numbers(operands: list) -> list[float] | None:
    """An operator's operands as numbers; None when one is not (a broken page's path is no rule)."""
    try:
        return [float(value) for value in operands]
    except (TypeError, ValueError):
        return None


def bounding(points: list[tuple[float, float]]) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


class PageDrawing:
    """What a page draws, gathered through pypdf's visitors: its text pieces and the rules among its paths."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.rules: list[Box] = []
        self.paths: list[list[tuple[float, float]]] = []
        self.points = 0

    def operator(self, operator: bytes, operands: list, cm: list[float], tm: list[float]) -> None:
        values = numbers(operands) if operator in PATH_OPERATORS else None
        if operator == b"re" and values is not None and len(values) == 4:
            x, y, width, height = values
            self.paths.append([apply(cm, x, y), apply(cm, x + width, y + height)])
        elif operator == b"m" and values is not None and len(values) == 2:
            self.paths.append([apply(cm, *values)])
        elif operator == b"l" and values is not None and len(values) == 2 and self.paths:
            self.paths[-1].append(apply(cm, *values))
        elif operator in PAINT:
            self.points += sum(len(path) for path in self.paths)
            self.rules += [box for box in map(bounding, self.paths) if box.horizontal or box.vertical]
            self.paths = []
        elif operator == b"n":  # a clipping path: nothing drawn
            self.paths = []

    def text(self, text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and abs(tm[1]) < SKEW and abs(tm[2]) < SKEW:  # a watermark across the page is no cell's
            x, y = apply(cm, tm[4], tm[5])
            scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
            self.pieces.append(Piece(x, y, float(size or 10) * scale, text))


def snapped(values: list[float]) -> list[float]:
    """Positions closer than SNAP taken as one (their mean)."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= SNAP:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(group) / len(group) for group in groups]


def clusters(rules: list[Box]) -> list[list[Box]]:
    """The rules in groups that touch each other: a table each. Sorted by their left edge, a rule is compared
    only with those that start before it ends."""
    ordered = sorted(rules, key=lambda rule: rule.left)
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, rule in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if ordered[j].left - SNAP > rule.right:
                break
            if rule.touches(ordered[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[Box]] = {}
    for i, rule in enumerate(ordered):
        groups.setdefault(root(i), []).append(rule)
    return list(groups.values())


@dataclass
class Table:
    """A ruled table: the y of its horizontal rules from the top, the x of its vertical rules from the left, and
    the rules themselves (a merged cell is one a rule does not cross)."""

    ys: list[float]
    xs: list[float]
    rules: list[Box]
    open_top: bool = False  # its cells' borders run above its first rule: a row goes on from the page before
    open_bottom: bool = False  # …and below its last: its last row goes on over the page

    @property
    def box(self) -> Box:
        return Box(self.xs[0], self.ys[-1], self.xs[-1], self.ys[0])

    def holds(self, piece: Piece) -> bool:
        box, middle = self.box, piece.y + piece.size * 0.3
        return box.left - SNAP <= piece.x <= box.right and box.bottom <= middle <= box.top

    def ruled_between_rows(self, row: int, column: int) -> bool:
        """Whether a rule runs between row `row - 1` and `row` across `column`."""
        x = (self.xs[column] + self.xs[column + 1]) / 2
        return any(rule.left - SNAP <= x <= rule.right + SNAP for rule in self.rules_at_y[row])

    def ruled_between_columns(self, row: int, column: int) -> bool:
        """Whether a rule runs between column `column - 1` and `column` along `row`."""
        y = (self.ys[row] + self.ys[row + 1]) / 2
        return any(rule.bottom - SNAP <= y <= rule.top + SNAP for rule in self.rules_at_x[column])

    @cached_property
    def rules_at_y(self) -> list[list[Box]]:
        return [[rule for rule in self.rules if rule.horizontal and abs((rule.top + rule.bottom) / 2 - y) <= SNAP]
                for y in self.ys]

    @cached_property
    def rules_at_x(self) -> list[list[Box]]:
        return [[rule for rule in self.rules if rule.vertical and abs((rule.left + rule.right) / 2 - x) <= SNAP]
                for x in self.xs]

    def rows(self, pieces: list[Piece]) -> list[list[str]]:
        """Each row's cells, as a Word table gives them: a cell merged down written in its first row only, one
        merged across standing in each of its columns."""
        owner: dict[tuple[int, int], tuple[int, int]] = {}  # each grid cell -> the first cell of its merged cell
        for row in range(len(self.ys) - 1):
            for column in range(len(self.xs) - 1):
                if column and not self.ruled_between_columns(row, column):
                    owner[row, column] = owner[row, column - 1]
                elif row and not self.ruled_between_rows(row, column):
                    owner[row, column] = owner[row - 1, column]
                else:
                    owner[row, column] = (row, column)
        held: dict[tuple[int, int], list[Piece]] = {}
        for piece in pieces:
            middle = piece.y + piece.size * 0.3
            row = next((i for i in range(len(self.ys) - 1) if self.ys[i + 1] <= middle <= self.ys[i]), None)
            column = next((j for j in range(len(self.xs) - 1) if piece.x < self.xs[j + 1]), len(self.xs) - 2)
            if row is not None:
                held.setdefault(owner[row, column], []).append(piece)
        texts = {place: lines_text(found, "") for place, found in held.items()}
        columns = [column for column in range(len(self.xs) - 1) if self.xs[column + 1] - self.xs[column] >= GAP]
        table = []
        for row in range(len(self.ys) - 1):
            cells = [texts.get(owner[row, column], "") if owner[row, column][0] == row else "" for column in columns]
            if any(cells):
                table.append(cells)
        return table


def crossing(rules: list[Box], top: float, bottom: float) -> list[float]:
    """The x of the vertical rules that run through the band between `top` and `bottom`."""
    middle = (top + bottom) / 2
    return snapped([(rule.left + rule.right) / 2 for rule in rules
                    if rule.vertical and rule.bottom <= middle <= rule.top])


def alike(one: list[float], other: list[float]) -> bool:
    """Whether two rows are ruled into the same columns: a cell merged across leaves out a rule or two of the
    other row's, while a table of its own below another (each sized to its text) rules columns of its own."""
    fewer, more = sorted((one, other), key=len)
    return all(any(abs(x - y) <= SNAP for y in more) for x in fewer)


def tables_of(rules: list[Box]) -> list[Table]:
    """The tables the rules draw: rules that touch, split where a row is ruled into other columns than the row
    above it (the narrow bands between two cells' own borders aside)."""
    found = []
    for group in clusters(rules):
        ys = snapped([(rule.top + rule.bottom) / 2 for rule in group if rule.horizontal])[::-1]
        if len(ys) < MIN_RULES:
            continue
        starts, previous = [0], None
        for band, (top, bottom) in enumerate(zip(ys, ys[1:])):
            if top - bottom < GAP:
                continue
            columns = crossing(group, top, bottom)
            if previous is not None and not alike(previous, columns):
                starts.append(band)
            previous = columns
        parts = list(zip(starts, [*starts[1:], len(ys) - 1]))
        verticals = [rule for rule in group if rule.vertical]
        for start, end in parts:
            xs = snapped([x for top, bottom in zip(ys[start:end], ys[start + 1:end + 1]) if top - bottom >= GAP
                          for x in crossing(group, top, bottom)])
            if sum(right - left >= GAP for left, right in zip(xs, xs[1:])) < MIN_COLUMNS:
                continue
            edges = ys[start:end + 1]
            # a row cut by the page's end has its side borders but no rule below it (or above, on the next page)
            above = (start, end) == parts[0] and max(rule.top for rule in verticals) - edges[0] > GAP
            below = (start, end) == parts[-1] and edges[-1] - min(rule.bottom for rule in verticals) > GAP
            edges = ([max(rule.top for rule in verticals)] if above else []) + edges + \
                ([min(rule.bottom for rule in verticals)] if below else [])
            found.append(Table(edges, xs, group, above, below))
    return found


def text_lines(pieces: list[Piece]) -> list[tuple[float, str]]:
    """Pieces on the same baseline as one line (its y and text), from the top of the page."""
    lines: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: -p.y):
        if lines and abs(lines[-1][0].y - piece.y) <= piece.size * 0.5:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [(line[0].y, joined(line)) for line in lines]


def joined(line: list[Piece]) -> str:
    """A line's pieces left to right, a space where the page leaves a gap wider than a character."""
    text, end = "", None
    for piece in sorted(line, key=lambda p: p.x):
        if end is not None and piece.x - end > piece.size:
            text += " "
        text += piece.text
        end = piece.x + sum(piece.size if formatting.is_wide(c) else piece.size * 0.55 for c in piece.text)
    return text


def lines_text(pieces: list[Piece], separator: str) -> str:
    return separator.join(text.strip() for _, text in text_lines(pieces))


@dataclass(frozen=True)
class PageText:
    """A page's lines from the top, a ruled table's rows as cells between tabs; whether its first row goes on
    from the page before, and its last row over the page."""

    lines: list[str]
    goes_on_from_before: bool
    goes_on_over: bool


def page_text(drawing: PageDrawing) -> PageText | None:
    """The page read from where it draws its text; None for a page with no ruled table (or one that draws too
    much to read so), which pypdf's own text serves."""
    if drawing.points > MAX_PATH_POINTS:
        return None
    tables = tables_of(drawing.rules)
    if not tables:
        return None
    placed: list[tuple[float, list[str]]] = []
    outside = list(drawing.pieces)
    for table in tables:
        inside = [piece for piece in outside if table.holds(piece)]
        outside = [piece for piece in outside if not table.holds(piece)]
        placed.append((table.ys[0], ["\t".join(cells) for cells in table.rows(inside)]))
    placed += [(y, [text]) for y, text in text_lines(outside)]
    top, bottom = max(tables, key=lambda t: t.ys[0]), min(tables, key=lambda t: t.ys[-1])
    return PageText([line for _, lines in sorted(placed, key=lambda item: -item[0]) for line in lines],
                    top.open_top, bottom.open_bottom)


def rejoined(pages: list[PageText | str]) -> list[str]:
    """The lines of every page (pypdf's text for a page without tables), a table's row cut by a page's end
    joined again cell by cell with its rest on the next page."""
    lines: list[str] = []
    cut = False
    for page in pages:
        if isinstance(page, str):
            lines += page.splitlines()
            cut = False
            continue
        rows = [i for i, line in enumerate(page.lines) if "\t" in line]
        last_row = max((i for i, line in enumerate(lines) if "\t" in line), default=None)
        if cut and page.goes_on_from_before and rows and last_row is not None:
            first, *_ = rows
            ends, rest = lines[last_row].split("\t"), page.lines[first].split("\t")
            if len(ends) == len(rest):
                lines[last_row] = "\t".join(end + more for end, more in zip(ends, rest))
                page = PageText(page.lines[:first] + page.lines[first + 1:], False, page.goes_on_over)
        lines += page.lines
        cut = page.goes_on_over
    return lines
