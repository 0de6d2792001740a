"""Benchmark cross-document entity coreference with gold mentions, and the speed of mention finding.

Two corpora from `../shared/data` (see its README):

- MEANTIME (development half): 240 Wikinews documents, 60 English articles and their Spanish,
  Italian and Dutch translations; entity chains cross articles and languages. Only documents with
  gold entity mentions are scored (the conversion lost the others).
- ECB+ dev topics: entity mentions of the sentences listed in `ECBplus_coreference_sentences.csv`
  (the fully annotated ones); `Singleton_*` chains are one-mention entities.

Gold mentions are handed to `storyline.entities.resolve(mentions, texts)` one topic at a time (a
topic is what a story would hold: MEANTIME's four topics, ECB+'s eight, each with both of its
events), with their text, offsets, sentence, language and a type mapped from the gold annotation
(PER/HUM -> PERSON, LOC -> PLACE, ORG -> ORG, ...). Mentions the resolver drops count as singletons.
The baseline runs on the same mentions in the same process: mentions whose heads match are one
entity (ECB+: the corpus's head lemma; MEANTIME: the head word by a per-language rule, lower case).
Scores: MUC, B3, CEAF-e (entity-based, Hungarian alignment) and CoNLL F1, their mean, over all
mentions of a corpus, singletons included; and pairwise P/R/F1 of the links between mentions of
different documents (`xdoc_*`), the part a single-article resolver cannot do, and for MEANTIME
between mentions in different languages (`xlang_*`). Each corpus is also
scored on its proper-name mentions only (`*_names` lines: what NER hands the resolver in the
product; pronouns and nominals such as "the company" are left out).

Speed, over the 60 English MEANTIME documents as Articles, models loaded beforehand: documents per
second through `find_mentions` and through the whole per-article analysis (`analysis.analyze_article`:
parse, mentions, quotes), by the wall clock and by this process's CPU time (the machine is shared:
CPU time is the steadier figure); then the story stages (`analysis.run_story_stages`: resolution,
quotes' speakers, provenance, summary...) over 50 of them as one story, in seconds.

Usage: python bench/entities.py [--limit N] [--smoke]   (--limit: first N documents per corpus)
Data root: $STORYLINE_SHARED (default ../shared beside the repository); skipped when absent.
Last line: `entities: meantime_conll=... meantime_lemma_conll=... meantime_names_conll=...
 meantime_names_lemma_conll=... ecb_conll=... ecb_lemma_conll=... ecb_names_conll=... ecb_names_lemma_conll=...
 mentions=N mentions_docs_per_sec=N mentions_cpu_docs_per_sec=N analysis_docs_per_sec=N
 analysis_cpu_docs_per_sec=N story_docs=50 story_sec=N sec=N`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.model import Article, Mention  # noqa: E402

MEANTIME_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "FIN": "ORG", "PRO": "PRODUCT", "OTHER": "OTHER"}
ECB_TYPES = {"HUM": "PERSON", "LOC": "PLACE", "NON": "OTHER", "TIM": "TIME", "ACT": "EVENT", "NEG": "OTHER"}


# -- scores ---------------------------------------------------------------------------------------

Cluster = frozenset


def _prf(num_r: float, den_r: float, num_p: float, den_p: float) -> tuple[float, float, float]:
    r = num_r / den_r if den_r else 0.0
    p = num_p / den_p if den_p else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _index(clusters: Iterable[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def muc(key: list[Cluster], response: list[Cluster]) -> tuple[float, float, float]:
    """Vilain et al. 1995: links kept. A mention missing from the other side is its own part."""
    def side(a: list[Cluster], b: list[Cluster]) -> tuple[int, int]:
        where = _index(b)
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den

    nr, dr = side(key, response)
    np_, dp = side(response, key)
    return _prf(nr, dr, np_, dp)


def b_cubed(key: list[Cluster], response: list[Cluster]) -> tuple[float, float, float]:
    """Bagga & Baldwin 1998, averaged over the mentions of each side."""
    def side(a: list[Cluster], b: list[Cluster]) -> tuple[float, int]:
        total, n = 0.0, 0
        for c in a:
            overlaps: dict[int, int] = defaultdict(int)
            where = _index(b)
            for m in c:
                if m in where:
                    overlaps[where[m]] += 1
            total += sum(v * v for v in overlaps.values()) / len(c)
            n += len(c)
        return total, n

    nr, dr = side(key, response)
    np_, dp = side(response, key)
    return _prf(nr, dr, np_, dp)


def ceaf_e(key: list[Cluster], response: list[Cluster]) -> tuple[float, float, float]:
    """Luo 2005, entity-based (phi4 = 2|K&R| / (|K|+|R|)), best one-to-one alignment."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return 0.0, 0.0, 0.0
    where = _index(response)
    sim = np.zeros((len(key), len(response)))
    for i, k in enumerate(key):
        counts: dict[int, int] = defaultdict(int)
        for m in k:
            if m in where:
                counts[where[m]] += 1
        for j, n in counts.items():
            sim[i, j] = 2 * n / (len(k) + len(response[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return _prf(total, len(key), total, len(response))


def cross_doc_links(key: list[Cluster], response: list[Cluster], doc_of) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 over links between mentions of different documents only:
    what cross-document resolution adds beyond one article."""
    def pairs(clusters: list[Cluster], other: list[Cluster]) -> tuple[int, int]:
        where = _index(other)
        total = inside = 0
        for c in clusters:
            total += _cross_pairs(c, doc_of)
            parts: dict[int, set] = defaultdict(set)
            for m in c:
                if m in where:
                    parts[where[m]].add(m)
            inside += sum(_cross_pairs(part, doc_of) for part in parts.values())
        return inside, total

    correct, predicted = pairs(response, key)
    _, gold = pairs(key, response)
    return _prf(correct, gold, correct, predicted)


def _cross_pairs(cluster, doc_of) -> int:
    per_doc: dict[str, int] = defaultdict(int)
    for m in cluster:
        per_doc[doc_of(m)] += 1
    n = sum(per_doc.values())
    return (n * (n - 1) - sum(k * (k - 1) for k in per_doc.values())) // 2


def conll(key: list[Cluster], response: list[Cluster]) -> dict[str, float]:
    out = {"muc": muc(key, response)[2], "b3": b_cubed(key, response)[2], "ceafe": ceaf_e(key, response)[2]}
    out["conll"] = (out["muc"] + out["b3"] + out["ceafe"]) / 3
    return out


# -- corpora --------------------------------------------------------------------------------------

@dataclass
class Corpus:
    """Gold mentions with their chain and head, the texts they point into, and topic groups."""

    name: str
    mentions: list[Mention] = field(default_factory=list)
    chains: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)

    def add(self, m: Mention, chain: str, head: str, topic: str) -> None:
        self.mentions.append(m)
        self.chains.append(chain)
        self.heads.append(head)
        self.topics.append(topic)

    def key(self) -> list[Cluster]:
        by: dict[str, set[int]] = defaultdict(set)
        for i, c in enumerate(self.chains):
            by[c].add(i)
        return [Cluster(v) for v in by.values()]


def _token_offsets(line: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for tok in line.split(" "):
        spans.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return spans


# Words before the head of a noun phrase (determiners) and words that end it (prepositions,
# relatives, punctuation), per language: the MEANTIME baseline's head rule.
_DETERMINERS = set("""
the a an this that these those its his her their our my your some any all both each every
el la los las un una unos unas este esta estos estas ese esa esos esas su sus del al
il lo la i gli le un uno una questo questa questi queste quel quella dell della dello degli delle del l
de het een deze dit die dat zijn haar hun
""".split())
_BREAKERS = set("""
of in on at for with from by to as that which who whose , ( " ' -
de del en con por para que cuyo a
di da in con per su che cui dell della degli
van in op met voor door uit dat die wiens
""".split())
_HEAD_FIRST = {"es", "it"}


def head_word(text: str, lang: str) -> str:
    """The head of a noun phrase by a rule: the last word before a preposition or relative (en,
    nl), the first word after the determiners (es, it); lower case. A string baseline, no parser."""
    words = [w.lower().rstrip("'’") for w in text.split()]
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    if lang in _HEAD_FIRST:
        return words[0] if words else ""
    for i, w in enumerate(words):
        if i > 0 and w in _BREAKERS:
            return words[i - 1]
    return words[-1] if words else ""


def load_meantime(data: Path, limit: int | None) -> Corpus:
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    docs = [d for d, info in sorted(gold["documents"].items()) if info["n_entity_mentions"] > 0]
    if limit:
        docs = docs[:limit]
    corpus = Corpus("meantime")
    lines_of: dict[str, list[str]] = {}
    for d in docs:
        lines_of[d] = (data / f"{d}.txt").read_text(encoding="utf-8").split("\n")
        corpus.texts[d] = "\n".join(lines_of[d])
        corpus.languages[d] = gold["documents"][d]["lang"]
    starts = {d: [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))] for d, lines in lines_of.items()}
    for chain_id, chain in sorted(gold["entity_chains"].items()):
        kind = MEANTIME_TYPES.get(chain["class"], "OTHER")
        for d, ms in sorted(chain["mentions"].items()):
            if d not in lines_of:
                continue
            info = gold["documents"][d]
            for rec in ms:
                line = lines_of[d][rec["line"]]
                offsets = _token_offsets(line)
                a = starts[d][rec["line"]] + offsets[min(rec["tokens"])][0]
                b = starts[d][rec["line"]] + offsets[max(rec["tokens"])][1]
                m = Mention(source=d, text=rec["text"], start=a, end=b, type=kind, sentence=rec["line"],
                            language=info["lang"])
                corpus.add(m, chain_id, head_word(rec["text"], info["lang"]), info["topic"])
    return corpus


def load_ecb(data: Path, limit: int | None) -> Corpus:
    annotated: set[tuple[str, int]] = set()
    with (data / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            annotated.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    records = []
    for path in sorted(data.glob("*/entity_mentions_*.json")):
        records.extend(json.loads(path.read_text(encoding="utf-8")))
    docs = sorted({r["doc_id"] for r in records})
    if limit:
        docs = docs[:limit]
    keep = set(docs)
    sentences = _ecb_sentences(data, keep)
    corpus = Corpus("ecb")
    for d in docs:
        sents = sentences.get(d, {})
        corpus.texts[d] = "\n".join(" ".join(sents[s]) for s in sorted(sents))
        corpus.languages[d] = "en"
    sent_start = {d: _sentence_starts(sentences.get(d, {})) for d in docs}
    for r in records:
        d, s = r["doc_id"], int(r["sent_id"])
        if d not in keep or (d, s) not in annotated:
            continue
        toks = [int(t) for t in r["tokens_number"]]
        a = b = -1
        if s in sent_start[d]:
            base, offs = sent_start[d][s]
            if max(toks) < len(offs):
                a, b = base + offs[min(toks)][0], base + offs[max(toks)][1]
        m = Mention(source=d, text=r["tokens_str"], start=a, end=b, type=ECB_TYPES.get(r["mention_type"], "OTHER"),
                    sentence=s, language="en")
        corpus.add(m, r["coref_chain"], (r.get("mention_head_lemma") or r["mention_head"] or "").lower(),
                   str(r["topic_id"]))
    return corpus


def _ecb_sentences(data: Path, keep: set[str]) -> dict[str, dict[int, list[str]]]:
    """doc_id -> sentence id -> tokens, from the CoNLL files (doc key topic/subtopic/doc)."""
    out: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(data.glob("*/*.conll")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 4 or line.startswith("#"):
                continue
            topic, subtopic, doc = parts[0].split("/")
            doc_id = f"{topic}_{doc}{subtopic[len(topic):]}"
            if doc_id in keep:
                out[doc_id][int(parts[1])].append(parts[3])
    return out


def _sentence_starts(sents: dict[int, list[str]]) -> dict[int, tuple[int, list[tuple[int, int]]]]:
    out, pos = {}, 0
    for s in sorted(sents):
        line = " ".join(sents[s])
        out[s] = (pos, _token_offsets(line))
        pos += len(line) + 1
    return out


# -- systems --------------------------------------------------------------------------------------

def by_topic(corpus: Corpus) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(corpus.topics):
        groups[t].append(i)
    return groups


def lemma_baseline(corpus: Corpus) -> list[Cluster]:
    """Same topic and same head word: one entity."""
    by: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, (t, h) in enumerate(zip(corpus.topics, corpus.heads, strict=True)):
        by[(t, h)].add(i)
    return [Cluster(v) for v in by.values()]


def storyline_response(corpus: Corpus, resolve) -> list[Cluster]:
    """`resolve` per topic; mention identity by object, else by (source, start, end, text)."""
    clusters: list[Cluster] = []
    for idx in by_topic(corpus).values():
        mentions = [corpus.mentions[i] for i in idx]
        texts = {m.source: corpus.texts[m.source] for m in mentions}
        by_obj = {id(corpus.mentions[i]): i for i in idx}
        by_span: dict[tuple, list[int]] = defaultdict(list)
        for i in idx:
            m = corpus.mentions[i]
            by_span[(m.source, m.start, m.end, m.text)].append(i)
        seen: set[int] = set()
        for entity in resolve(mentions, texts):
            members = set()
            for m in entity.mentions:
                i = by_obj.get(id(m))
                if i is None:
                    free = [j for j in by_span.get((m.source, m.start, m.end, m.text), []) if j not in seen]
                    i = free[0] if free else None
                if i is not None and i not in seen:
                    members.add(i)
                    seen.add(i)
            if members:
                clusters.append(Cluster(members))
        clusters.extend(Cluster({i}) for i in idx if i not in seen)
    return clusters


def _english_articles(data: Path, limit: int | None, suffix: str = "") -> list[Article]:
    """English MEANTIME documents as Articles (body = lines 3 on). `suffix` makes the texts differ
    from an earlier pass, so the shared parse cache cannot serve a second measurement."""
    out = []
    for p in sorted((data / "en").glob("*.txt"))[: limit or None]:
        lines = p.read_text(encoding="utf-8").split("\n")
        out.append(Article(source=f"en/{p.stem}", title=lines[0], text="\n".join(lines[2:]) + suffix, language="en"))
    return out


def analysis_speed(data: Path, limit: int | None) -> dict[str, str]:
    """Documents per second (wall clock, and CPU seconds of this process, which a busy machine does
    not inflate) of `find_mentions` and of the whole per-article analysis (`analyze_article`:
    mentions and quotes, parse included), then the story stages over 50 of the articles as one
    story (what `storyline show` costs after ingest, without the cache). Models load beforehand."""
    out = {"mentions_docs_per_sec": "n/a", "mentions_cpu_docs_per_sec": "n/a", "analysis_docs_per_sec": "n/a",
           "analysis_cpu_docs_per_sec": "n/a", "story_docs": "0", "story_sec": "n/a"}
    try:
        from storyline.entities import find_mentions
    except ImportError:
        return out
    articles = _english_articles(data, limit)
    if not articles:
        return out
    find_mentions(Article(source="warmup", title=None, text="Warm-up text about Paris and London.", language="en"))
    out["mentions_docs_per_sec"], out["mentions_cpu_docs_per_sec"] = _rate(find_mentions, articles)
    try:
        from storyline.analysis import analyze_article, run_story_stages
    except ImportError:
        return out
    articles = _english_articles(data, limit, suffix="\n")
    results: dict[str, object] = {}

    def analyse(a: Article) -> None:
        results[a.source] = analyze_article(a)

    out["analysis_docs_per_sec"], out["analysis_cpu_docs_per_sec"] = _rate(analyse, articles)
    story = articles[:50]
    out["story_docs"] = str(len(story))
    t0 = time.perf_counter()
    try:
        run_story_stages(story, {a.source: results[a.source] for a in story})
        out["story_sec"] = f"{time.perf_counter() - t0:.2f}"
    except Exception as exc:  # a broken later stage must not hide the figures above
        print(f"story stages failed: {exc!r}", file=sys.stderr)
        out["story_sec"] = "error"
    return out


def _rate(fn, articles: list[Article]) -> tuple[str, str]:
    t0, c0 = time.perf_counter(), time.process_time()
    for a in articles:
        fn(a)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return f"{len(articles) / max(wall, 1e-9):.1f}", f"{len(articles) / max(cpu, 1e-9):.1f}"


def _resolver():
    """`storyline.entities.resolve`, the function: once the submodule of the same name is imported,
    the package attribute is the module, so take the function from it then."""
    try:
        from storyline.entities import resolve
    except ImportError:
        return None
    return getattr(resolve, "resolve", resolve)


def evaluate(corpus: Corpus, resolve) -> tuple[dict[str, float] | None, dict[str, float]]:
    """Both systems on one corpus: prints their line, returns (storyline scores or None, baseline)."""
    key = corpus.key()

    def doc_of(i: int) -> str:
        return corpus.mentions[i].source

    def language_of(i: int) -> str:
        return corpus.mentions[i].language or ""

    cross_lingual = len(set(corpus.languages.values())) > 1

    def figures(response: list[Cluster]) -> tuple[dict[str, float], str]:
        scores = conll(key, response)
        xdoc = cross_doc_links(key, response, doc_of)
        text = f"muc={scores['muc']:.3f} b3={scores['b3']:.3f} ceafe={scores['ceafe']:.3f} " \
               f"conll={scores['conll']:.3f} xdoc_p={xdoc[0]:.3f} xdoc_r={xdoc[1]:.3f} xdoc_f1={xdoc[2]:.3f}"
        if cross_lingual:
            xlang = cross_doc_links(key, response, language_of)
            text += f" xlang_p={xlang[0]:.3f} xlang_r={xlang[1]:.3f} xlang_f1={xlang[2]:.3f}"
        return scores, text

    base, text = figures(lemma_baseline(corpus))
    line = f"{corpus.name}: mentions={len(corpus.mentions)} chains={len(key)} docs={len(corpus.texts)} lemma {text}"
    ours = None
    if resolve is not None:
        t1 = time.perf_counter()
        response = storyline_response(corpus, resolve)
        sec = time.perf_counter() - t1
        ours, text = figures(response)
        line += f" | storyline {text} resolve_sec={sec:.2f}"
    print(line, flush=True)
    return ours, base


_PRONOUNS = set("""
he she it they we i you him her them us me its his their our my your this that these those who which
él ella ello ellos ellas lo la le les su sus lui lei esso essa essi loro suo sua suoi sue hij zij het
hem haar hun zijn ze wij die dat deze dit
""".split())


def is_named(text: str) -> bool:
    """A proper-name mention by its look: after determiners, it starts with a capital or a digit
    and is no pronoun (NER finds these; nominals and pronouns are the quotes' and roles' business)."""
    words = [w for w in text.split() if w not in ('"', "'", "``", "(", ",")]
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit()) and words[0].lower() not in _PRONOUNS


def named_only(corpus: Corpus) -> Corpus:
    """The same corpus restricted to proper-name mentions (chains keep only those)."""
    out = Corpus(f"{corpus.name}_names", texts=corpus.texts, languages=corpus.languages)
    for i, m in enumerate(corpus.mentions):
        if is_named(m.text):
            out.add(m, corpus.chains[i], corpus.heads[i], corpus.topics[i])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of each corpus")
    ap.add_argument("--smoke", action="store_true", help="same as --limit 24")
    args = ap.parse_args()
    limit = 24 if args.smoke and not args.limit else args.limit
    shared = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
    meantime_dir, ecb_dir = shared / "data" / "meantime", shared / "data" / "ecbplus-dev"
    if not (meantime_dir / "gold.json").exists() or not (ecb_dir / "ECBplus_coreference_sentences.csv").exists():
        print(f"entities: skipped (no MEANTIME or ECB+ data under {shared / 'data'})")
        return 0
    t0 = time.perf_counter()
    resolve = _resolver()
    figures: dict[str, str] = {}
    n_mentions = 0
    for corpus in (load_meantime(meantime_dir, limit), load_ecb(ecb_dir, limit)):
        n_mentions += len(corpus.mentions)
        for part in (corpus, named_only(corpus)):
            ours, base = evaluate(part, resolve)
            figures[f"{part.name}_conll"] = f"{ours['conll']:.3f}" if ours else "n/a"
            figures[f"{part.name}_lemma_conll"] = f"{base['conll']:.3f}"
    speed = analysis_speed(meantime_dir, limit)
    print("entities: " + " ".join(f"{k}={v}" for k, v in figures.items()) + f" mentions={n_mentions} "
          + " ".join(f"{k}={v}" for k, v in speed.items()) + f" sec={time.perf_counter() - t0:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
