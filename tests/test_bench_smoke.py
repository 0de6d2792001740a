"""Each benchmark runs on a small sample and prints its one line of figures.

Quality and speed are proven by `make bench`, not here: this only keeps the benchmarks working.
They skip cleanly (exit 0, a "skipped" line) when ../shared is absent.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("name", ["extract", "plain", "ingest", "embed", "stories", "scans", "analysis",
                                  "implied_dates", "links", "dates", "mention_types", "quotes",
                                  "transliterated"])
def test_benchmark_smoke_run(name):
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / f"{name}.py"), "--smoke"],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith(f"{name}: "), last
    if "skipped" not in last:
        figures = dict(part.split("=", 1) for part in last.split()[1:])
        assert all(value.replace(".", "", 1).isdigit() or value == "nan" for value in figures.values()), last
