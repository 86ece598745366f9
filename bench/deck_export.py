"""Deck build with one warm kaleido server against naive per-figure export (a browser per figure), on the same
charts in one run. Prints seconds and the ratio; it asserts nothing (timings on a shared machine are noisy).

    .venv/bin/python bench/deck_export.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from functools import partial

from perfboard import export
from perfboard.database import DEFAULT_DATA_DIR, DEFAULT_DB_PATH, connect, ensure_database, fetch, fetch_df
from perfboard.deck import DeckContent, build_deck, slide_charts
from perfboard.unit_year import UnitYear


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    con = connect(ensure_database(DEFAULT_DATA_DIR, DEFAULT_DB_PATH))
    unit_code, _, year = fetch(con, "available_years")[1][-1][:3]
    content = DeckContent.of(UnitYear.of(partial(fetch_df, con), unit_code, year))
    figures = [c.figure for c in slide_charts(content)]  # the same charts the deck renders

    cold = []  # first, while no kaleido server runs: calc_fig_sync would use a running one
    for _ in range(rounds):
        started = time.perf_counter()
        for figure in figures:
            export.render_cold(figure, "png")
        cold.append(time.perf_counter() - started)
    started = time.perf_counter()
    render = export.shared_renderer()
    render(figures[0], "png")  # the server starts its browser on the first figure
    startup = time.perf_counter() - started
    warm = []
    for _ in range(rounds):
        started = time.perf_counter()
        build_deck(content, render)
        warm.append(time.perf_counter() - started)

    print(f"warm server start-up with its first figure (once per process): {startup:.2f} s")
    print(f"charts on slides: {len(figures)}; all charts of the year: {len(content.charts)}")
    print(f"deck build, one warm server (whole deck):        median {statistics.median(warm):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in warm)})")
    print(f"naive export, a browser per figure (PNGs only):  median {statistics.median(cold):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in cold)})")
    print(f"ratio naive / deck: {statistics.median(cold) / statistics.median(warm):.2f}x")
    con.close()


if __name__ == "__main__":
    main()
