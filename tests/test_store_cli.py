"""Store, CLI and export: idempotent ingest, per-document transactions, contract-valid JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conflictgraph.cli import cli
from conflictgraph.settings import SETTINGS, Config
from tests.conftest import ARTICLE, SCHEMA


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_settings_table_matches_config() -> None:
    assert [s.name for s in SETTINGS] == list(Config.__dataclass_fields__)
    assert all(getattr(Config(), s.name) == s.default for s in SETTINGS)


def test_ingest_twice_stores_once(graph, article_file: Path) -> None:
    first = graph.ingest([str(article_file)])
    second = graph.ingest([str(article_file)])
    assert len(first.stored) == 1 and not first.failed
    assert second.stored == [] and len(second.duplicates) == 1
    counts = graph.store.counts()
    assert counts["documents"] == 1 and counts["mentions"] > 5


def test_bad_file_does_not_stop_batch_or_touch_store(graph, article_file: Path, tmp_path: Path) -> None:
    graph.ingest([str(article_file)])
    before = graph.store.counts()
    bad = tmp_path / "zero.txt"
    bad.write_bytes(b"")
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Sunday", "Monday").replace("30", "31"), encoding="utf-8")
    report = graph.ingest([str(bad), str(other)])
    assert [source for source, _ in report.failed] == [str(bad)]
    assert len(report.stored) == 1
    after = graph.store.counts()
    assert after["documents"] == before["documents"] + 1 and after["mentions"] > before["mentions"]


def test_actor_found_by_any_alias_across_documents(graph, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said al-Qaida fighters and Al Qaeda's allies had regrouped in the Sahel, where the group has long operated. " * 3, encoding="utf-8")
    graph.ingest([str(tmp_path)])
    detail = graph.actor("AL QAIDA")
    assert detail["id"] == "al-qaeda" and len(detail["documents"]) == 2
    assert graph.actor("ISWAP")["id"] != detail["id"]


def test_cli_ingest_show_actors_export(db_path: str, article_file: Path, tmp_path: Path) -> None:
    result = _run("ingest", str(article_file), "--db", db_path, "--quiet")
    assert result.exit_code == 0, result.output
    shown = _run("show", "JNIM", "--db", db_path)
    assert shown.exit_code == 0 and "Nusrat" in shown.output and "killing at least 30" in shown.output
    listed = _run("actors", "--kind", "armed_group", "--db", db_path, "--json")
    assert {"jnim", "iswap", "boko-haram"} <= {row["id"] for row in json.loads(listed.output)}
    out = tmp_path / "graph.json"
    assert _run("export", "--format", "json", "-o", str(out), "--db", db_path).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    if SCHEMA.exists():
        jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    actors_csv = _run("export", "--format", "csv", "--db", db_path).output
    rows = list(csv.DictReader(io.StringIO(actors_csv)))
    assert any(row["id"] == "jnim" and "JNIM" in row["aliases"] for row in rows)


def test_export_evidence_matches_document_text(graph, article_file: Path) -> None:
    graph.ingest([str(article_file)])
    data = graph.export_json()
    texts = graph.store.document_texts([d["id"] for d in data["documents"]])
    for kind in ("relations", "events", "claims", "movements"):
        for fact in data[kind]:
            assert fact["evidence"], (kind, fact)
            for evidence in fact["evidence"]:
                assert texts[evidence["document"]][evidence["start"]:evidence["end"]] == evidence["text"]


def test_cli_errors_are_clear(db_path: str, tmp_path: Path) -> None:
    missing = _run("show", "Nobody At All", "--db", db_path)
    assert missing.exit_code == 1 and "No actor called" in missing.output
    bad = tmp_path / "empty.html"
    bad.write_text("", encoding="utf-8")
    result = _run("ingest", str(bad), "--db", db_path)
    assert result.exit_code == 1 and "empty.html" in result.output and "empty file" in result.output
    nodir = _run("actors", "--db", str(tmp_path / "no" / "such" / "x.db"))
    assert nodir.exit_code == 1 and "does not exist" in nodir.output


def test_stdin_ingest(db_path: str) -> None:
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", db_path, "--published", "2024-03-05"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output


def test_every_command_has_help_with_example() -> None:
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, name


@pytest.mark.parametrize("version_flag", ["--version"])
def test_version(version_flag: str) -> None:
    assert "conflictgraph" in _run(version_flag).output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_export_reads_back_in_networkx(db_path: str, article_file: Path, tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    assert _run("ingest", str(article_file), "--db", db_path, "--quiet").exit_code == 0
    out = tmp_path / f"actors.{fmt}"
    assert _run("graph", "--format", fmt, "-o", str(out), "--db", db_path).exit_code == 0
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert "jnim" in graph.nodes and graph.number_of_nodes() >= 8
    relations = json.loads(_run("relations", "--json", "--db", db_path).output)
    assert graph.number_of_edges() == len(relations)


def test_events_csv_has_acled_and_gtd_columns(db_path: str, article_file: Path) -> None:
    assert _run("ingest", str(article_file), "--db", db_path, "--quiet", "--published", "2024-03-05").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(_run("export", "--format", "csv", "--what", "events", "--db", db_path).output)))
    assert rows, "the article describes an attack"
    assert {"event_type", "sub_event_type", "fatalities", "country"} <= set(rows[0])


def test_cli_eval_own_sentence_set_and_missing_data(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", "sentences", "--limit", "5", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["counts"]["sentences"] == 5 and "relations_recall" in report["scores"]
    missing = runner.invoke(cli, ["eval", "mmp", "--data", str(tmp_path / "absent")])
    assert missing.exit_code != 0 and "not found" in missing.output and "Traceback" not in missing.output


def test_show_prints_certainty_and_bracketed_text(db_path: str, tmp_path: Path) -> None:
    # "[negated]" and text in square brackets are printed as they are, not read as rich markup
    article = tmp_path / "brackets.txt"
    article.write_text("JNIM denied any alliance with the Islamic State [in the Sahel], its spokesman said on Monday. "
                       "The group, which is active in central Mali and northern Burkina Faso, has fought the Islamic "
                       "State's local branch for control of several districts since 2020.\n", encoding="utf-8")
    assert _run("ingest", str(article), "--db", db_path, "--quiet").exit_code == 0
    shown = _run("show", "JNIM", "--db", db_path).output
    assert "[negated]" in shown and "[in the Sahel]" in shown, shown


def test_skipped_file_name_with_brackets_is_printed_whole(db_path: str, tmp_path: Path) -> None:
    empty = tmp_path / "[draft] notes.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(empty), "--db", db_path])
    assert result.exit_code == 1 and "[draft] notes.txt" in result.output, result.output


def test_show_event_lines_give_tolls_for_violence_only():
    from conflictgraph.cli import _event_line

    designation = {"type": "designation", "date": "2018", "certainty": "asserted", "sources": ["d1"],
                   "location": {"name": "United States"}}
    attack = {"type": "attack", "subtype": "bombing", "date": None, "certainty": "reported", "sources": ["d1", "d2"],
              "location": None}
    assert _event_line(designation) == "2018 designation United States [asserted] (1 source)"
    assert _event_line(attack) == "? attack/bombing  killed ? [reported] (2 sources)"
