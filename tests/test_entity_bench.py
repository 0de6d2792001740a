"""The entity and name benchmarks: their coreference scores on a hand-worked example, their loaders'
head rule, and a smoke run of each on a small slice (skipped when ../shared is absent)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


ent = _bench("entities")

# Pradhan et al. (ACL 2014), "Scoring coreference partitions of predicted mentions", figure 1:
# key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}.
KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


def test_muc_on_the_worked_example():
    p, r, f = ent.muc(KEY, RESPONSE)
    assert (round(p, 4), round(r, 4), round(f, 4)) == (0.4, 0.4, 0.4)


def test_b_cubed_on_the_worked_example():
    p, r, _ = ent.b_cubed(KEY, RESPONSE)
    assert round(r, 4) == round((5 / 3 + 5 / 4) / 7, 4)  # 0.4167
    assert round(p, 4) == 0.5


def test_ceaf_e_on_the_worked_example():
    p, r, f = ent.ceaf_e(KEY, RESPONSE)
    assert round(r, 4) == 0.65 and round(p, 4) == round(1.3 / 3, 4)
    assert round(f, 4) == round(2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3), 4)


def test_perfect_and_all_singleton_responses():
    assert ent.conll(KEY, KEY)["conll"] == 1.0
    singletons = [frozenset(m) for c in KEY for m in c]
    scores = ent.conll(KEY, singletons)
    assert scores["muc"] == 0.0 and 0 < scores["b3"] < 1


def test_head_word_rule_per_language():
    assert ent.head_word("the parent company of European airframer Airbus", "en") == "company"
    assert ent.head_word("The Dow Jones", "en") == "jones"
    assert ent.head_word("El índice Dow Jones", "es") == "índice"
    assert ent.head_word("De grootste Amerikaanse aandelenindex", "nl") == "aandelenindex"


def test_lemma_baseline_groups_same_head_within_a_topic():
    corpus = ent.Corpus("toy")
    for text, chain, head, topic in [("Boeing", "b", "boeing", "t1"), ("the company", "b", "company", "t1"),
                                     ("Boeing", "b", "boeing", "t1"), ("Boeing", "x", "boeing", "t2")]:
        corpus.add(ent.Mention(source=topic, text=text), chain, head, topic)
    clusters = sorted(sorted(c) for c in ent.lemma_baseline(corpus))
    assert clusters == [[0, 2], [1], [3]]


def test_storyline_response_keeps_dropped_mentions_as_singletons():
    corpus = ent.Corpus("toy")
    for i, text in enumerate(["Ann Lee", "Lee", "Bob"]):
        corpus.add(ent.Mention(source="d", text=text, start=i, end=i + 1), "c", text.lower(), "t")
    corpus.texts["d"] = "x"

    def fake_resolve(mentions, texts):
        from storyline.model import Entity
        return [Entity(name="Ann Lee", type="PERSON", mentions=mentions[:2])]

    clusters = sorted(sorted(c) for c in ent.storyline_response(corpus, fake_resolve))
    assert clusters == [[0, 1], [2]]


def _run(name: str, *args: str) -> str:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / f"{name}.py"), *args],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip().splitlines()[-1]


def _figures(line: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in line.split()[1:])


@pytest.mark.skipif(not (SHARED / "data" / "translit-en-ru" / "pairs.tsv").exists(), reason="no ../shared data")
def test_names_benchmark_smoke():
    last = _run("names", "--limit", "1500")
    assert last.startswith("names: "), last
    figures = _figures(last)
    assert figures["pairs"] == "1500"
    assert float(figures["top1"]) > float(figures["baseline_top1"]) > 0.5


@pytest.mark.skipif(not (SHARED / "data" / "meantime" / "gold.json").exists(), reason="no ../shared data")
def test_entities_benchmark_smoke():
    last = _run("entities", "--limit", "12")
    assert last.startswith("entities: "), last
    figures = _figures(last)
    assert 0 < float(figures["meantime_lemma_conll"]) <= 1 and 0 < float(figures["ecb_lemma_conll"]) <= 1
    assert int(figures["mentions"]) > 0


def test_cross_doc_links_count_only_pairs_across_documents():
    doc = {"a": "d1", "b": "d1", "c": "d2", "d": "d2"}.get
    key = [frozenset("abc"), frozenset("d")]
    # a-c is a right cross-document link, b-d a wrong one; a-b is within one document: not counted.
    response = [frozenset("ac"), frozenset("bd")]
    p, r, _ = ent.cross_doc_links(key, response, doc)
    assert (p, r) == (0.5, 0.5)  # gold cross links: a-c, b-c
    assert ent.cross_doc_links(key, key, doc)[2] == 1.0


def test_named_only_keeps_proper_names():
    assert ent.is_named("The Dow Jones") and ent.is_named("Apple CEO") and ent.is_named("El Nasdaq")
    assert not ent.is_named("the company") and not ent.is_named("It") and not ent.is_named("hij")
    assert not ent.is_named("The index")
