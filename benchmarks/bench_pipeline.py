"""Throughput and memory of the full pipeline next to bare spaCy, in one process run.

Documents: article-sized texts (about 900 words) made at run time from the
descriptions in ../shared/data/wiki_terror_incidents (sliding windows of 30
consecutive rows); no data text is stored in the project. The baseline is
spaCy's ``nlp.pipe`` with the same model, worker count and batch size. The
full pipeline is ``Graph.ingest_documents``: every extractor plus writing to
a fresh SQLite file. Results are printed as a Markdown table and written to
benchmarks/results.json. Usage:

    python benchmarks/bench_pipeline.py [--docs 500] [--n-process 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "wiki_terror_incidents" / "wikipedia_terrorist_incidents_1970_2019.csv"


def make_articles(count: int, window: int = 30, stride: int = 12) -> list[str]:
    from conflictgraph.evaluation.common import strip_footnotes

    with DATA.open(encoding="utf-8") as handle:
        rows = [strip_footnotes(row["details"]).strip() for row in csv.DictReader(handle) if row["details"]]
    articles = []
    for start in range(0, len(rows) - window, stride):
        articles.append("\n\n".join(rows[start:start + window]))
        if len(articles) == count:
            break
    return articles


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def bare_spacy(texts: list[str], n_process: int, batch_size: int) -> float:
    from conflictgraph.extract.pipeline import load_nlp

    nlp = load_nlp()
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def full_pipeline(texts: list[str], n_process: int, batch_size: int) -> tuple[float, dict]:
    from conflictgraph.graph import Graph
    from conflictgraph.ingest import document_from_text
    from conflictgraph.settings import Config

    with tempfile.TemporaryDirectory() as folder:
        config = Config(db=str(Path(folder) / "bench.db"), n_process=n_process, batch_size=batch_size)
        documents = [document_from_text(text, published="2019-01-01", source_path=f"bench-{i}") for i, text in enumerate(texts)]
        with Graph(config=config) as graph:
            start = time.perf_counter()
            report = graph.ingest_documents(documents)
            elapsed = time.perf_counter() - start
            counts = graph.store.counts()
    if report.failed:
        raise SystemExit(f"benchmark documents failed: {report.failed[:3]}")
    return elapsed, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=4)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the shared data sets live in ../shared/data)")
        return
    texts = make_articles(args.docs)
    words = sum(len(text.split()) for text in texts)
    base = bare_spacy(texts, args.n_process, args.batch_size)
    base_rss = peak_rss_mb()
    full, counts = full_pipeline(texts, args.n_process, args.batch_size)
    result = {
        "documents": len(texts), "words": words, "n_process": args.n_process, "batch_size": args.batch_size,
        "bare_spacy": {"seconds": round(base, 2), "docs_per_s": round(len(texts) / base, 2), "words_per_s": round(words / base), "peak_rss_mb": round(base_rss)},
        "full_pipeline": {"seconds": round(full, 2), "docs_per_s": round(len(texts) / full, 2), "words_per_s": round(words / full), "peak_rss_mb": round(peak_rss_mb())},
        "ratio": round(base / full, 3), "stored": counts,
    }
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{len(texts)} documents, {words:,} words, n_process={args.n_process}, batch_size={args.batch_size}\n")
    print("| run | docs/s | words/s | peak RSS (MB) |\n|---|---|---|---|")
    for name in ("bare_spacy", "full_pipeline"):
        row = result[name]
        print(f"| {name.replace('_', ' ')} | {row['docs_per_s']} | {row['words_per_s']:,} | {row['peak_rss_mb']} |")
    print(f"\nfull pipeline / bare spaCy throughput: {result['ratio']:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
