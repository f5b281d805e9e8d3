"""One row of the benchmark table, shared by the bench scripts and run_all.py.

Each bench script given `--json FILE` writes its key figures there as a list of rows, so
run_all.py can gather them without parsing printed text.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    measure: str
    value: str  # the figure with its unit, e.g. "182 ms" or "1.24x"
    baseline: str  # what it is compared with, e.g. "bare QMainWindow 108 ms", or "-"
    ratio: float | None  # value / baseline, when there is one
    target: str  # e.g. "<= 1.3x" or "< 150 ms"; "-" for a figure shown only to explain another
    met: bool
    database: str = "-"  # the database the figure was taken on, e.g. "5,000 / 1M"


# The two database sizes every start-up, open, switch, memory, search and export figure is
# taken on: about one committee-heavy year, and ten years of a county council.
DATABASES = {"small": (200, 50_000), "large": (5_000, 1_000_000)}  # meetings, paragraphs


def database_label(size: str) -> str:
    """'200 meetings / 50,000 paragraphs' for a size name of DATABASES."""
    meetings, paragraphs = DATABASES[size]
    return f"{meetings:,} meetings / {paragraphs:,} paragraphs"


def add_size_argument(parser) -> None:  # noqa: ANN001 - an argparse parser
    parser.add_argument("--size", choices=sorted(DATABASES), default="small",
                        help="the generated database to measure on (bench/generate_db.py)")


def write_rows(path: Path | str | None, rows: list[Row]) -> None:
    if path:
        Path(path).write_text(json.dumps([asdict(row) for row in rows], indent=1),
                              encoding="utf-8")


def read_rows(path: Path | str) -> list[Row]:
    return [Row(**row) for row in json.loads(Path(path).read_text(encoding="utf-8"))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"


def median_seconds(run: Callable[[], object], repeats: int = 5) -> float:
    """The median wall time of `run` over `repeats` calls, after one warm-up call (imports,
    page cache)."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
