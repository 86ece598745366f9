"""Exports for documents and the evaluation meeting: chart images, workbooks, CSV, the deck, and a
self-contained HTML report with its PDF.

Chart images come from one warm kaleido server (Debian's Chromium) kept for the whole export, instead of
a browser started per figure.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tempfile
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from perfboard import formatting, texts
from perfboard.reports import ReportRef

CHROMIUM = "/usr/bin/chromium"
EXPORT_WIDTH = 1400  # px; PNG at scale 2 is 2800 px wide, sharp in Word and on a slide
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SIGNED_FIGURE = re.compile(r"^[+-][0-9][0-9,]*(\.[0-9]+)?%?$")
MIME = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation", "html": "text/html"}


# The kaleido server is one per process and not thread-safe: two figures rendered at once can come back
# swapped. Every render goes through this lock, so each caller receives the image of its own figure.
_RENDER_LOCK = threading.Lock()
_SHARED_SERVER = threading.Lock()
_shared_started = False


def render(figure: go.Figure, image_format: str, width: int = EXPORT_WIDTH, min_height: int = 0) -> bytes:
    """The figure as PNG (2× scale) or SVG, its title and source line included."""
    height = max(figure.layout.height or 500, min_height)
    with _RENDER_LOCK, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return pio.to_image(figure, format=image_format, width=width, height=height,
                            scale=2 if image_format == "png" else 1)


def shared_renderer() -> Callable[[go.Figure, str], bytes]:
    """`render` on the process's one warm kaleido server, started on first use and kept for the life of the
    process (the app's downloads and decks share it)."""
    global _shared_started
    with _SHARED_SERVER:
        if not _shared_started:
            import kaleido

            os.environ.setdefault("BROWSER_PATH", CHROMIUM)
            kaleido.start_sync_server(silence_warnings=True)
            _shared_started = True
    return render


def render_cold(figure: go.Figure, image_format: str) -> bytes:
    """One figure with a browser of its own (the naive way; bench/ compares it with the warm server)."""
    import kaleido

    os.environ.setdefault("BROWSER_PATH", CHROMIUM)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore")
        return kaleido.calc_fig_sync(figure, opts={"format": image_format, "width": EXPORT_WIDTH,
                                                   "height": figure.layout.height or 500,
                                                   "scale": 2 if image_format == "png" else 1})


# ---- tables -------------------------------------------------------------------------------------

def neutralised(value: object) -> object:
    """A CSV cell that Excel would read as a formula (=, +, -, @, tab, CR) gets a leading apostrophe; a plain
    signed figure such as +10.63% or -5 is a number to Excel, not a formula, and is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and not SIGNED_FIGURE.match(value):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralised)
    safe.columns = [neutralised(str(c)) for c in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV with a BOM, so that Excel opens the Chinese text correctly; formulas neutralised."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def headed(frame: pd.DataFrame) -> pd.DataFrame:
    """Chinese headers for a view's columns (texts.VIEW_COLUMN_LABELS), the code where none is set."""
    return frame.rename(columns={c: texts.VIEW_COLUMN_LABELS.get(c, c) for c in frame.columns})


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook, one sheet per frame: bold frozen header, number formats, column widths. Every text cell
    is stored as text, so nothing in it is ever a formula (and +10.63% shows without an apostrophe)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([None if _missing(v) else _plain(v) for v in row])
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DCE6F2")
        sheet.freeze_panes = "A2"
        for index, column in enumerate(frame.columns, start=1):
            series = frame.iloc[:, index - 1]
            letter = get_column_letter(index)
            if pd.api.types.is_float_dtype(series):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "#,##0.00##"
            width = max([formatting.display_width(str(column))] + [formatting.display_width(str(v)) for v in series.head(200)])
            sheet.column_dimensions[letter].width = min(60, width + 2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _plain(value: object) -> object:
    """numpy and Decimal scalars as the plain Python values openpyxl writes."""
    if hasattr(value, "item"):
        return value.item()
    if type(value).__name__ == "Decimal":
        return float(value)
    return value


# ---- PDF ----------------------------------------------------------------------------------------

def pdf_from_html(html: str) -> bytes:
    """The HTML printed to PDF by headless Chromium."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "report.html", Path(folder) / "report.pdf"
        source.write_text(html, encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
                        "--run-all-compositor-stages-before-draw", "--virtual-time-budget=15000",
                        f"--user-data-dir={folder}/profile", f"--print-to-pdf={target}", source.as_uri()],
                       check=True, capture_output=True, timeout=180)
        return target.read_bytes()


# ---- the HTML report ----------------------------------------------------------------------------

HTML_STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1b1b1b;
       max-width: 1200px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.8; }
h1 { font-size: 2rem; } h2 { font-size: 1.35rem; margin-top: 2.5rem; border-left: 6px solid #1f5fa8;
     padding-left: .6rem; }
.summary { font-size: 1.15rem; background: #f4f7fb; padding: .8rem 1rem; }
.words { color: #44505c; font-size: .95rem; white-space: pre-wrap; }
.chart { page-break-inside: avoid; }
footer { color: #7f8c8d; font-size: .85rem; margin-top: 3rem; }
"""


def report_html(report: ReportRef, summary_text: str, charts: list, words: Callable[[object], str]) -> str:
    """One self-contained page: plotly.js inlined once, every chart with its key message and the report's
    words beside it; it opens offline."""
    title = html_escape(texts.HTML_TITLE.format(unit_name=report.unit_name, year=report.year))
    parts = [f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>{title}</title>",
             f"<style>{HTML_STYLE}</style></head><body><h1>{title}</h1>",
             f"<p class='summary'>{html_escape(summary_text)}</p>"]
    for number, named in enumerate(charts):
        figure = go.Figure(named.figure).update_layout(width=EXPORT_WIDTH - 200)
        parts.append(f"<section class='chart'><h2>{html_escape(named.message or named.title)}</h2>")
        parts.append(figure.to_html(full_html=False, include_plotlyjs=number == 0, config={"displaylogo": False,
                                                                                              "staticPlot": False}))
        text = words(named.sections)
        if text:
            parts.append(f"<p class='words'>{html_escape(text)}</p>")
        parts.append("</section>")
    parts.append(f"<footer>{html_escape(texts.HTML_GENERATED.format(cited=report.cited()))}</footer>")
    parts.append("</body></html>")
    return "".join(parts)


def html_escape(text: str) -> str:
    import html

    return html.escape(text or "")
