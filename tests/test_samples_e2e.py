"""End to end: the sample corpus from files to the JSON export."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conflictgraph import Graph
from tests.conftest import SAMPLES, SCHEMA

GOOD = ["html", "text", "markdown", "jsonl"]
CHROME = ("Share this", "Related stories", "Design by", "We use cookies", "All rights reserved", "Subscribe to our newsletter", "Opens in new window")


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("e2e") / "samples.db"
    with Graph(str(db)) as graph:
        report = graph.ingest([str(SAMPLES / name) for name in GOOD] + [str(SAMPLES / "bad")])
        yield graph, report


def test_good_samples_stored_bad_ones_named(sample_graph) -> None:
    graph, report = sample_graph
    failed = {Path(source).name: reason for source, reason in report.failed}
    assert set(failed) == {"empty.txt", "binary.bin", "french.txt", "nav_only.html"}
    assert "English" in failed["french.txt"] and "binary" in failed["binary.bin"]
    stored = {Path(source.split(":")[0]).name for source in report.stored}
    assert {"latin1.txt", "broken.html", "malicious.html"} <= stored
    assert graph.store.counts()["documents"] >= 26


def test_reingest_changes_nothing(sample_graph) -> None:
    graph, _ = sample_graph
    before = graph.store.counts()
    again = graph.ingest([str(SAMPLES / "html"), str(SAMPLES / "jsonl")])
    assert again.stored == [] and not again.failed
    assert graph.store.counts() == before


def test_documents_have_metadata_and_no_chrome(sample_graph) -> None:
    graph, _ = sample_graph
    rows = graph.store.document_rows(with_text=True)
    for row in rows:
        for chrome in CHROME:
            assert chrome.lower() not in row["text"].lower(), (row["source_path"], chrome)
    html = [row for row in rows if row["source_path"].endswith(".html") and "/bad/" not in row["source_path"]]
    assert html and all(row["title"] and row["published"] and row["author"] for row in html)
    text = [row for row in rows if row["source_path"].endswith(".txt") and "/text/" in row["source_path"]]
    assert text and all(row["title"] and row["published"] and row["author"] for row in text)


def test_export_is_valid_and_every_span_exact(sample_graph) -> None:
    graph, _ = sample_graph
    data = graph.export_json()
    if SCHEMA.exists():
        jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    texts = graph.store.document_texts([d["id"] for d in data["documents"]])
    for kind in ("relations", "events", "claims", "movements"):
        for fact in data[kind]:
            for evidence in fact["evidence"]:
                assert texts[evidence["document"]][evidence["start"]:evidence["end"]] == evidence["text"]


@pytest.mark.parametrize(("name", "actor_id", "kind"), [
    ("Jama'at Nusrat al-Islam wal-Muslimin", "jnim", "armed_group"),
    ("JNIM", "jnim", "armed_group"),
    ("ISWAP", "iswap", "armed_group"),
    ("Boko Haram", "boko-haram", "armed_group"),
    ("al-Shabaab", "al-shabaab", "armed_group"),
    ("Mali", "mali", "state"),
    ("TTP", "ttp", "armed_group"),
])
def test_key_actors_by_any_name(sample_graph, name: str, actor_id: str, kind: str) -> None:
    graph, _ = sample_graph
    detail = graph.actor(name)
    assert detail["kind"] == kind
    assert detail["id"] == actor_id or actor_id in {a["alias"].lower() for a in detail["aliases"]} or detail["id"].startswith(actor_id)


def test_branch_and_parent_are_two_actors(sample_graph) -> None:
    graph, _ = sample_graph
    assert graph.actor("ISWAP")["id"] != graph.actor("Islamic State")["id"]
    assert graph.actor("JNIM")["id"] != graph.actor("al-Qaeda")["id"]


def test_site_names_and_headings_are_not_actors(sample_graph) -> None:
    graph, _ = sample_graph
    sites = {row["site"] for row in graph.store.document_rows() if row["site"]}
    names = {row["name"] for row in graph.actors()}
    assert not sites & names
