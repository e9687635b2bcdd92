"""Cross-document event merging end to end (issue 3): one attack, two reports, differing tolls, undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictgraph.cli import cli

# Written for this test: two outlets report one bombing with different tolls; a third reports another attack.
FIRST = """Suicide bomber kills 12 at Maiduguri market

A suicide bomber blew himself up at a crowded market in Maiduguri, Borno state, on Tuesday, killing 12 people
and wounding 30 others, police said. Boko Haram was blamed for the attack.

Traders said the market had reopened only a month earlier after repairs. The state governor visited the
wounded in hospital and promised more patrols around public places.
"""
SECOND = """Death toll in Maiduguri market bombing rises

At least 18 people were killed when a suicide bomber detonated explosives at a market in Maiduguri on Tuesday,
officials said. Boko Haram carried out the attack, a local militia leader said.

Rescue workers searched the stalls until late in the evening. Residents said the blast was heard across
the city and that many shops stayed closed the next morning.
"""
OTHER = """Gunmen kill farmers in Zamfara

Gunmen on motorcycles killed nine farmers in a village near Gusau in Zamfara state on Tuesday, residents said.

The attackers also stole cattle before escaping into a nearby forest, a community leader told reporters.
Soldiers were sent to the area the following day.
"""


@pytest.fixture
def merged_db(tmp_path: Path) -> str:
    db = str(tmp_path / "merge.db")
    for name, text in (("first.txt", FIRST), ("second.txt", SECOND), ("other.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    for name in ("first.txt", "second.txt", "other.txt"):
        result = runner.invoke(cli, ["ingest", str(tmp_path / name), "--db", db, "--published", "2024-06-12", "--quiet"])
        assert result.exit_code == 0, result.output
    return db


def _bombings(db: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["events", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return [e for e in json.loads(result.output) if e.get("subtype") == "suicide_bombing"]


def test_two_reports_become_one_event_with_the_toll_range(merged_db: str) -> None:
    [bombing] = _bombings(merged_db)
    assert len(bombing["sources"]) == 2
    assert bombing["date"] == "2024-06-11" and bombing["location"]["name"] == "Maiduguri"
    assert bombing["killed"] == {"min": 12, "max": None}  # 12 from one source, "at least 18" from the other
    tolls = sorted((r["killed"]["min"], r["killed"]["max"]) for r in bombing["reports"])
    assert tolls == [(12, 12), (18, None)]
    reasons = [r["merge_reason"] for r in bombing["reports"]]
    assert reasons.count(None) == 1 and any("Maiduguri" in (reason or "") for reason in reasons)


def test_other_attack_stays_apart_and_reingest_changes_nothing(merged_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    before = json.loads(runner.invoke(cli, ["events", "--db", merged_db, "--json"]).output)
    assert any(e.get("location", {}).get("name") != "Maiduguri" and len(e["sources"]) == 1 for e in before)
    runner.invoke(cli, ["ingest", str(tmp_path / "first.txt"), str(tmp_path / "second.txt"), "--db", merged_db, "--quiet"])
    after = json.loads(runner.invoke(cli, ["events", "--db", merged_db, "--json"]).output)
    assert [(e["id"], e["sources"]) for e in after] == [(e["id"], e["sources"]) for e in before]


def test_reports_are_listed_and_a_merge_can_be_undone(merged_db: str) -> None:
    runner = CliRunner()
    listing = runner.invoke(cli, ["events", "--db", merged_db, "--reports"], env={"COLUMNS": "250"})
    assert listing.exit_code == 0 and "merged because" in listing.output and "same type" in listing.output
    [bombing] = _bombings(merged_db)
    merged_report = next(r["id"] for r in bombing["reports"] if r["merge_reason"])
    undo = runner.invoke(cli, ["unmerge-event", merged_report, "--db", merged_db])
    assert undo.exit_code == 0 and "is now event" in undo.output
    apart = _bombings(merged_db)
    assert sorted(len(e["sources"]) for e in apart) == [1, 1]
    assert sorted(e["killed"]["min"] for e in apart) == [12, 18]
    missing = runner.invoke(cli, ["unmerge-event", "er-doesnotexist", "--db", merged_db])
    assert missing.exit_code != 0 and "events --reports" in missing.output


def test_json_export_keeps_per_source_tolls(merged_db: str) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", merged_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.output)["events"]
    bombing = next(e for e in events if e.get("subtype") == "suicide_bombing")
    assert len(bombing["reports"]) == 2 and {r["document"] for r in bombing["reports"]} == set(bombing["sources"])


# Written for this test: two reports of one ambush dated only to the month, and a third of another attack that
# month in another town.
MONTH_ONE = """Soldiers ambushed near Kidal

In late March, soldiers were ambushed near Kidal by JNIM fighters, and at least 20 of them were killed.

The army said reinforcements had been sent to the area and that patrols on the main road would resume soon.
"""
MONTH_TWO = """JNIM's March offensive

In March JNIM fighters ambushed an army convoy near Kidal and killed 31 soldiers, the deadliest attack of the month.

Analysts said the group had moved fighters north after the rainy season and could strike again within weeks.
"""
MONTH_OTHER = """Attack in Gao region

In March JNIM fighters attacked an army post near Ansongo, killing seven soldiers.

Residents said the post had been reinforced only days before, and that many families left for the city of Gao.
"""


def test_month_dated_reports_merge_on_the_same_town_and_doer(tmp_path: Path) -> None:
    db = str(tmp_path / "month.db")
    runner = CliRunner()
    for name, text in (("one.txt", MONTH_ONE), ("two.txt", MONTH_TWO), ("other.txt", MONTH_OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = runner.invoke(cli, ["ingest", str(tmp_path / name), "--db", db, "--published", "2024-04-10", "--quiet"])
        assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["events", "--db", db, "--json"])
    attacks = [e for e in json.loads(result.output) if e["type"] == "attack"]
    by_place = {e["location"]["name"]: e for e in attacks}
    assert set(by_place) == {"Kidal", "Ansongo"}, attacks
    assert len(by_place["Kidal"]["sources"]) == 2
    assert by_place["Kidal"]["killed"]["min"] == 20  # "at least 20" and 31: from 20, open above
    assert len(by_place["Ansongo"]["sources"]) == 1
