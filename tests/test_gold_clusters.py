"""The invented gold clusters (tests/fixtures/gold/) scored by ../shared/eval/seeds.py --cluster.

They stand in for the two held-out evaluation clusters (an earthquake with a rising toll, a court
verdict with differing ages, dates and places). Each test checks one target set for held-out
clusters on the scorer's last line. The scorer runs the storyline CLI (about a minute a cluster),
once per cluster for this module; the tests skip when ../shared/eval/seeds.py is not there.
Targets that the engine misses today are xfail (not strict), naming what fails, so the failure
stays visible: see tests/fixtures/gold/README.md.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT, shared_path

GOLD = FIXTURES / "gold"


@functools.cache
def run_scorer(cluster: str) -> tuple[int, str, str]:
    """`seeds.py --cluster tests/fixtures/gold/CLUSTER` run once from the project root: (rc, stdout, stderr)."""
    proc = subprocess.run([sys.executable, str(shared_path("eval", "seeds.py")), "--cluster", str(GOLD / cluster)],
                          capture_output=True, text=True, timeout=1800, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def figures(cluster: str) -> tuple[dict[str, str], str]:
    """The scorer's last line as {figure: value}, and its whole output."""
    shared_path("eval", "seeds.py")
    local = ROOT / ".venv" / "bin" / "storyline"
    if not (os.environ.get("STORYLINE") or local.exists() or shutil.which("storyline")):
        pytest.skip("no storyline CLI to score (run `make demo` or set STORYLINE)")
    rc, out, err = run_scorer(cluster)
    assert rc == 0, (out[-2000:], err[-2000:])
    lines = out.strip().splitlines()
    assert lines and lines[-1].startswith("seeds: "), out[-2000:]
    return dict(part.split("=", 1) for part in lines[-1].split()[1:]), out


def ratio(value: str) -> tuple[int, int]:
    got, total = value.split("/")
    return int(got), int(total)


def meets(target: str, figs: dict[str, str]) -> bool:
    if target == "one_story":
        return figs["one_story"] == "yes"
    got, total = ratio(figs[target])
    if target == "entities":
        return total > 0 and got >= 0.8 * total
    if target == "apart":
        return got == total
    if target == "quotes":
        return total > 0 and got >= 0.7 * total
    if target == "discrepancies":
        return total > 0 and 2 * got >= total
    if target == "summary_cited":
        return total > 0 and got == total
    raise KeyError(target)


TARGETS = ["entities", "apart", "quotes", "discrepancies", "one_story", "summary_cited"]

XFAIL = {
    ("quake", "discrepancies"): (
        "0/5 found: the toll (12 / 31 / at least 47) misses 31 and 004's 47; magnitude 6.4 misses 001 and 002 "
        "(and an aftershock's 4.8 is mixed in); epicentre Yarkesh vs Dumrovo not reported; governor vs mayor "
        "not reported (Tobarine not linked to Tabarin); the name values show Cyrillic for pages that write "
        "Tabarin and leave out 000's Tobarine"),
    ("verdict", "discrepancies"): (
        "0/5 found: age 34 vs 35, verdict on Tuesday vs Monday and state prosecutor vs Prosecutor General not "
        "reported; court city gives Valdonia (001) vs Karsk (000) and misses 002's Velgrad; the name values "
        "put 003 under Андрей Колван only, though it also writes Kolvan"),
}


def cases():
    for cluster in ("quake", "verdict"):
        for target in TARGETS:
            reason = XFAIL.get((cluster, target))
            marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
            yield pytest.param(cluster, target, marks=marks, id=f"{cluster}-{target}")


@pytest.mark.parametrize(("cluster", "target"), list(cases()))
def test_gold_cluster_meets_held_out_target(cluster, target):
    figs, out = figures(cluster)
    assert meets(target, figs), f"{cluster}: {target}={figs.get(target)} misses its target; scorer said:\n{out[-3000:]}"
