"""How often a date implied by an undated article ("on Tuesday", "October 31") is the right one.

`storyline.clean.implied_dates` gives an undated article the day its words imply, read against
the dated article of the same batch whose names it shares most. A wrong neighbour gives a wrong
day, marked inferred but still shown in timelines and used by the story stage. Two sets:

- Timeline17 (`../shared/data/timeline17`, the folder of each document is its publication day):
  all 13 collections in one stream, shuffled with a fixed seed (long-running stories of many days
  beside each other, as a feed's are); the dates of a seeded half are hidden and inferred.
  Per hidden document: `dated` (given a day at all), `exact` (the right day), `near` (within a
  day), `far` (more than a week off). `precision` = near / dated. Again with 95% of the dates
  hidden (`sparse_*`), as in a crawl whose pages mostly print none (Fox News' BP pages: 13 of
  286): the few dated neighbours are then weeks apart, and a lone one is a weak witness.
- ECB+ (`sets.ecb`, as the cluster scorer writes it): the 2008 ECB documents of each topic print
  no date and no other document of their event does, so any day inferred for one comes from
  another event (the topic's other one, or another topic): `ecb_borrowed` counts them.

And the CPU of one resolve in a stream that resolves as it goes (`resolve_us`: dated and undated
articles alternating, as ingest resolves past 2,000 undated waiting).

Anchor, same run, same data: `overlap_*`, the rule before this benchmark: the day implied near
the one dated article sharing the largest share of names, each name counted alike. (Inferring
nothing is the other bound: `far` and `ecb_borrowed` 0, and `near` 0 too.)

Ends with one line of figures. `--smoke` reads two collections and no ECB+.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import pathlib
import random
import sys
import time
from collections.abc import Callable
from datetime import date

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = pathlib.Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))

from storyline.clean import implied_dates  # noqa: E402
from storyline.model import Article  # noqa: E402


def timeline17_articles(limit: int | None) -> list[tuple[Article, date]]:
    """Every Timeline17 document as an article (its sentences as the text), with its true day."""
    from timeline import DATA, load_topic

    out = []
    for path in sorted(DATA.iterdir())[:limit]:
        for doc in load_topic(path).docs:
            out.append((Article(source=doc.source, title=None, text="\n".join(doc.lines)), doc.published))
    return out


def ecb_articles() -> tuple[list[Article], set[str]]:
    """ECB+ documents cleaned as the CLI cleans them, and the sources of the 2008 ECB ones."""
    from cluster_offline import eval_sets

    from storyline.clean import clean
    from storyline.model import RawDocument

    articles, old = [], set()
    for doc_id, text, _, _ in eval_sets().ecb(str(SHARED / "data")):
        articles.append(clean(RawDocument(source=doc_id, content=text, kind="text")))
        if "ecbplus" not in doc_id:
            old.add(doc_id)
    return articles, old


def overlap_resolve(context: implied_dates.DateContext, article: Article, names: frozenset[str] | None = None,
                    cues: implied_dates.DateCues | None = None) -> bool:
    """The anchor (the rule before this benchmark): the day the cues imply near the one dated
    article sharing the largest share of names, each name counted alike."""
    if article.published or not context.dated:
        return False
    names = implied_dates.article_names(article) if names is None else names
    shared: dict[int, int] = {}
    for name in names:
        for number in context.by_name.get(name, ()):
            shared[number] = shared.get(number, 0) + 1
    best_number, best = None, 0.0
    for number in sorted(shared):
        score = shared[number] / min(len(names), len(context.dated[number].names))
        if score > best:
            best_number, best = number, score
    if best_number is None or best < 0.15:
        return False
    cues = implied_dates.date_cues(article.text) if cues is None else cues
    day = implied_dates.day_near(cues, context.dated[best_number].when)
    if day is None:
        return False
    article.published = day.isoformat()
    article.published_inferred = True
    return True


def infer(articles: list[Article], rule: Callable | None) -> None:
    """`implied_dates.infer_missing_dates`, with `DateContext.resolve` replaced by `rule` when given."""
    original = implied_dates.DateContext.resolve
    if rule is not None:
        implied_dates.DateContext.resolve = rule  # type: ignore[method-assign]
    try:
        implied_dates.infer_missing_dates(articles)
    finally:
        implied_dates.DateContext.resolve = original  # type: ignore[method-assign]


# The sparse setting's share of hidden dates: most pages of a crawl print none (of Fox News'
# 286 BP pages, 13 print a date line), and the few dated ones are then weeks apart.
_SPARSE = 0.95


def timeline17_figures(docs: list[tuple[Article, date]], rule: Callable | None,
                       hidden_share: float = 0.5) -> dict[str, float]:
    stream = [(dataclasses.replace(a), when) for a, when in docs]
    random.Random(7).shuffle(stream)
    hidden = set(random.Random(11).sample(range(len(stream)), int(len(stream) * hidden_share)))
    for i, (article, when) in enumerate(stream):
        article.published = None if i in hidden else when.isoformat()
    infer([a for a, _ in stream], rule)
    got = [(date.fromisoformat(stream[i][0].published), stream[i][1]) for i in hidden if stream[i][0].published]
    n = max(len(hidden), 1)
    near = sum(abs((g - t).days) <= 1 for g, t in got)
    return {"dated": len(got) / n, "exact": sum(g == t for g, t in got) / n, "near": near / n,
            "far": sum(abs((g - t).days) > 7 for g, t in got) / n, "precision": near / max(len(got), 1)}


def resolve_us(docs: list[tuple[Article, date]], rule: Callable | None) -> float:
    """Microseconds of CPU a resolve in a stream that resolves as it goes (as ingest does past
    `pipeline._MAX_UNDATED` undated articles waiting): dated and undated articles alternate."""
    resolve = rule or implied_dates.DateContext.resolve
    context = implied_dates.DateContext()
    spent, count = 0.0, 0
    for i, (article, when) in enumerate(docs):
        article = dataclasses.replace(article, published=None if i % 2 else when.isoformat())
        names = implied_dates.article_names(article)
        if not i % 2:
            context.add(article, names)
            continue
        cues = implied_dates.date_cues(article.text)
        start = time.process_time()
        resolve(context, article, names, cues)
        spent += time.process_time() - start
        count += 1
    return 1e6 * spent / max(count, 1)


def ecb_borrowed(articles: list[Article], old: set[str], rule: Callable | None) -> int:
    stream = [dataclasses.replace(a) for a in articles]
    infer(stream, rule)
    return sum(a.published is not None for a in stream if a.source in old)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if not (SHARED / "data" / "timeline17").exists():
        print(f"implied_dates: skipped ({SHARED}/data/timeline17 not found; set STORYLINE_SHARED)")
        return 0
    start = time.perf_counter()
    docs = timeline17_articles(2 if args.smoke else None)
    ecb = ecb_articles() if not args.smoke and (SHARED / "data" / "ecbplus-dev").exists() else ([], set())
    figures = {}
    for label, rule in (("ours", None), ("overlap", overlap_resolve)):
        f = timeline17_figures(docs, rule)
        sparse = timeline17_figures(docs, rule, _SPARSE)
        f.update({f"sparse_{k}": sparse[k] for k in ("precision", "dated", "far")})
        f["ecb_borrowed"] = ecb_borrowed(*ecb, rule)
        f["resolve_us"] = resolve_us(docs, rule)
        figures[label] = f
        print(f"  {label}: " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in f.items()),
              flush=True)
    ours, anchor = figures["ours"], figures["overlap"]
    print(f"implied_dates: precision={ours['precision']:.3f} dated={ours['dated']:.3f} near={ours['near']:.3f} "
          f"far={ours['far']:.3f} sparse_precision={ours['sparse_precision']:.3f} "
          f"sparse_dated={ours['sparse_dated']:.3f} sparse_far={ours['sparse_far']:.3f} "
          f"ecb_borrowed={ours['ecb_borrowed']} "
          f"overlap_precision={anchor['precision']:.3f} overlap_sparse_precision={anchor['sparse_precision']:.3f} "
          f"overlap_dated={anchor['dated']:.3f} overlap_far={anchor['far']:.3f} "
          f"overlap_ecb_borrowed={anchor['ecb_borrowed']} resolve_us={ours['resolve_us']:.0f} "
          f"overlap_resolve_us={anchor['resolve_us']:.0f} hidden={len(docs) // 2} ecb_old={len(ecb[1])} "
          f"sec={time.perf_counter() - start:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
