"""The invented gold clusters (tests/fixtures/gold/) scored by ../shared/eval/seeds.py --cluster.

They stand in for the two held-out evaluation clusters (an earthquake with a rising toll, a court
verdict with differing ages, dates and places); `blast` (an explosion at a chemical plant) adds
opposite claims: a suspect at large or arrested, a plant shut or operating, an attack claimed or
not, and two injured counts from two speakers in one sentence; `fire` (an industrial fire) adds a
Russian-language page, a day-first numeric date, a surname in its male and female forms
(Lisovsky, Lisovskaya) and unlisted media named by construction. Each test checks one target set for held-out
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

# Targets the engine misses today, with what fails (empty when all are met).
XFAIL: dict[tuple[str, str], str] = {}


def cases():
    for cluster in ("quake", "verdict", "blast", "fire"):
        for target in TARGETS:
            reason = XFAIL.get((cluster, target))
            marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
            yield pytest.param(cluster, target, marks=marks, id=f"{cluster}-{target}")


@pytest.mark.parametrize(("cluster", "target"), list(cases()))
def test_gold_cluster_meets_held_out_target(cluster, target):
    figs, out = figures(cluster)
    assert meets(target, figs), f"{cluster}: {target}={figs.get(target)} misses its target; scorer said:\n{out[-3000:]}"


@pytest.mark.parametrize("cluster", ["fire"])
def test_gold_cluster_as_one_story_meets_the_entity_and_quote_targets(cluster, monkeypatch):
    """The analysis alone, on all pages of a cluster held as one story (what `show` gives once the
    stories are right), scored by the same scorer: keeps the fire cluster's entities and quotes
    checked while its pages are not yet grouped into one story."""
    import importlib.util
    import json

    import storyline

    path = shared_path("eval", "seeds.py")
    monkeypatch.syspath_prepend(str(path.parent))
    spec = importlib.util.spec_from_file_location("gold_scorer", path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    folder = GOLD / cluster
    files = sorted(str(p) for p in folder.glob("0*.txt"))
    ctx = storyline.analyze([a for a in storyline.extract(files) if isinstance(a, storyline.Article)])
    show = {"entities": [e.to_json() for e in ctx.entities], "quotes": [q.to_json() for q in ctx.quotes],
            "discrepancies": [d.to_json() for d in ctx.discrepancies], "summary": [s.to_json() for s in ctx.summary]}
    answers = {"ingest": "", "stories": json.dumps({"story_id": "x", "articles": [{"source": f} for f in files]}),
               "show": json.dumps(show)}
    monkeypatch.setattr(scorer, "run", lambda args, **_: (answers[args[0]], 0.0))
    monkeypatch.setattr(scorer, "CLUSTER", str(folder))
    report: list[str] = []
    _, res = scorer.check_story(json.loads((folder / "gold.json").read_text(encoding="utf-8")), report)
    figs = {k: f"{a}/{b}" for k, (a, b) in res.items()}
    for target in ("entities", "apart", "quotes"):
        assert meets(target, figs), f"{cluster} as one story: {target}={figs[target]}\n" + "\n".join(report)
