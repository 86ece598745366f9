"""How a load grows with the data: `perfboard load` (every check, the build, the switch) beside DuckDB alone
reading the same CSV files into tables, at 10×, 100× and 1,000× the seed's rows, in one run; and the spending
tree check on chains 10× apart. Prints medians, ratios and peak memory; it asserts nothing.

The data is 模拟数据: the seed's rows copied to N generated units (unit names say 模拟数据), written to a
temporary folder, never to data/.

    .venv/bin/python bench/load_scaling.py [--rounds N] [--scales 10,100,1000]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from perfboard.database import DEFAULT_DATA_DIR  # noqa: E402
from perfboard.loader import tree_faults  # noqa: E402
from perfboard.schema import NARRATIVE_DIR, TABLES  # noqa: E402

SEED_UNIT = "taojiang_hitech"

# Each run is a fresh process, so that its peak memory (ru_maxrss) is its own.
OURS = """
import json, resource, sys, time
from pathlib import Path
from perfboard.database import load
started = time.perf_counter()
result = load(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - started, "rows": result.rows,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
BASELINE = """
import json, resource, sys, time
from pathlib import Path
import duckdb
from perfboard.schema import TABLES
started = time.perf_counter()
con = duckdb.connect(sys.argv[2])
for table in TABLES:
    columns = {c.name: c.kind.sql_type for c in table.columns}
    con.execute(f"create table {table.name} as select * from read_csv(?, header=true, columns=$cols, auto_detect=false)"
                .replace("$cols", repr(columns)), [str(Path(sys.argv[1]) / table.file_name)])
con.execute("checkpoint")
con.close()
print(json.dumps({"seconds": time.perf_counter() - started, "rows": 0,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def generate(scale: int, folder: Path) -> int:
    """The seed's rows for `scale` generated units (模拟数据); returns the number of CSV rows written."""
    written = 0
    for table in TABLES:
        with (DEFAULT_DATA_DIR / table.file_name).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            fields, rows = reader.fieldnames, list(reader)
        with (folder / table.file_name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            per_unit = "unit_code" in fields and table.name != "units"
            copies = range(scale) if per_unit or table.name == "units" else [None]
            for number in copies:
                for row in rows:
                    if number is not None:
                        row = {**row, "unit_code": f"sim_{number:04d}"}
                        if table.name == "units":
                            row["unit_name"] = f"模拟数据·单位{number:04d}"
                    writer.writerow(row)
                    written += 1
    narrative = (DEFAULT_DATA_DIR / NARRATIVE_DIR / SEED_UNIT / "2024.md").read_text(encoding="utf-8")
    for number in range(scale):
        path = folder / NARRATIVE_DIR / f"sim_{number:04d}" / "2024.md"
        path.parent.mkdir(parents=True)
        path.write_text(narrative, encoding="utf-8")
    return written


def run(script: str, data: Path, db: Path) -> dict:
    shutil.rmtree(db.parent, ignore_errors=True)
    db.parent.mkdir(parents=True)
    done = subprocess.run([sys.executable, "-c", script, str(data), str(db)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def tree_check_seconds(depth: int) -> float:
    chain = {f"item{n}": (f"item{n - 1}" if n else None) for n in range(depth)}
    started = time.perf_counter()
    list(tree_faults(chain))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scales", default="10,100,1000")
    args = parser.parse_args()
    print(f"{'scale':>6} {'CSV rows':>9} {'load s':>8} {'DuckDB s':>9} {'ratio':>6} {'load MB':>8} {'DuckDB MB':>10}"
          f" {'µs/row':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for scale in (int(s) for s in args.scales.split(",")):
            data = Path(folder) / f"data_{scale}"
            data.mkdir()
            rows = generate(scale, data)
            ours, baseline = [], []
            for _ in range(args.rounds):  # side by side, alternating, on the same files
                ours.append(run(OURS, data, Path(folder) / "ours" / "perfboard.duckdb"))
                baseline.append(run(BASELINE, data, Path(folder) / "duckdb" / "plain.duckdb"))
            load_s, duck_s = median(ours, "seconds"), median(baseline, "seconds")
            print(f"{scale:>5}× {rows:>9,} {load_s:>8.2f} {duck_s:>9.2f} {load_s / duck_s:>6.1f}"
                  f" {median(ours, 'peak_mb'):>8.0f} {median(baseline, 'peak_mb'):>10.0f}"
                  f" {load_s / rows * 1e6:>7.1f}")
    small, large = statistics.median(tree_check_seconds(4_000) for _ in range(args.rounds)), \
        statistics.median(tree_check_seconds(40_000) for _ in range(args.rounds))
    print(f"spending tree check, a chain of 4,000 items: {small * 1000:.1f} ms; of 40,000: {large * 1000:.1f} ms "
          f"(×{large / small:.1f} for ×10 the items; the old check took 122 s for 4,000)")


if __name__ == "__main__":
    main()
