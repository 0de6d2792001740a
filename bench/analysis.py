"""What the analysis (entities, quotes, claims, summary, coverage) costs, per article and per story.

A 50-article story is built from the first articles of one Timeline17 collection (real news,
long features) and shown with `storyline show`, as a user would after ingest:

- per article: `analyze_pending` (the parse, mentions, quotes) as ingest runs it (in one worker
  process per core past `analysis_pool.POOL_MIN` articles), the same in one process, and the
  anchor of spaCy's own `nlp.pipe` over the same texts on one core (the floor a one-process run
  cannot go under);
- per story: `storyline show ID --format json` in a fresh process, first when the story analysis
  is not cached (resolution, quotes, provenance, claims, coverage, summary), then cached; and
  what `storyline ingest` spends precomputing it (`analyze_stale_stories`, as ingest does for
  stories of PRECOMPUTE_MEMBERS or more), so that `show` after ingest is the cached figure.

Ends with one line of figures. `--articles N` changes the story size; `--smoke` uses 6.
"""

from __future__ import annotations

import argparse
import glob
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline import nlp  # noqa: E402
from storyline import story_store as ss  # noqa: E402
from storyline.analysis import analyze_pending, analyze_stale_stories  # noqa: E402
from storyline.pipeline import ingest_paths  # noqa: E402
from storyline.store import Store  # noqa: E402

SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
COLLECTION = "bpoil_bbc"


def _show(db: str, story_id: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "storyline", "show", story_id, "--db", db, "--format", "json"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    size = 6 if args.smoke else args.articles
    folder = SHARED / "data" / "timeline17" / COLLECTION / "InputDocs"
    if not folder.exists():
        print(f"analysis: skipped ({folder} not available)")
        return 0
    paths = sorted(glob.glob(str(folder / "*" / "*.txt")))[:size]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "store.db")
        ingest_paths(paths, db, stories=None)
        with Store(db) as store:
            ids = [row[0] for row in store.db.execute("SELECT id FROM articles ORDER BY id")]
            texts = [a.text for a in (store.get_article(i) for i in ids) if a]
            nlp.english()  # the timings below exclude loading the model, which a process does once
            start = time.perf_counter()
            list(nlp.english().pipe(texts))
            spacy_sec = time.perf_counter() - start
            start = time.perf_counter()
            analyze_pending(store)
            analysis_sec = time.perf_counter() - start
            # The same on one core, from a cold parse cache (the first run must not lend it its parses).
            store.db.execute("DELETE FROM article_analysis")
            nlp._parses.clear()
            start = time.perf_counter()
            analyze_pending(store, workers=1)
            one_process_sec = time.perf_counter() - start
            story_id = "st-bench"
            ss.create_story(store, story_id, ids[0], None, None)
            for article_id in ids[1:]:
                ss.add_member(store, story_id, article_id, None, None)
            store.commit()
        cold = _show(db, story_id)
        cached = _show(db, story_id)
        with Store(db) as store:
            store.db.execute("DELETE FROM story_analysis")
            start = time.perf_counter()
            analyze_stale_stories(store)
            story_sec = time.perf_counter() - start
        after_ingest = _show(db, story_id)
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    print(f"analysis: per_article_ms={1000 * analysis_sec / n:.0f} one_process_ms={1000 * one_process_sec / n:.0f} "
          f"spacy_pipe_ms={1000 * spacy_sec / n:.0f} "
          f"show_cold_sec={cold:.2f} show_cached_sec={cached:.2f} ingest_story_sec={story_sec:.2f} "
          f"show_after_ingest_sec={after_ingest:.2f} articles={n} words_per_article={words // n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
