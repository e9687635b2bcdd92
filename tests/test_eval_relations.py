"""Pinned floors for the relation evaluations (issue 4); measured values in docs/relations.md."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _data(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent; mount ../shared/data to run this evaluation")
    return path


@pytest.mark.data
def test_mmp_floors() -> None:
    from conflictgraph.evaluation.mmp import evaluate

    scores = evaluate(_data("stanford_mmp"))["scores"]
    floors = {"overall_hit": 0.4, "riv_hit": 0.55, "mer_hit": 0.57, "all_hit": 0.38, "spl_hit": 0.46, "aff_hit": 0.15}
    for key, floor in floors.items():
        assert scores[key] >= floor, (key, scores[key])
    assert scores["overall_wrong"] <= 0.135


@pytest.mark.data
def test_un_links_floor() -> None:
    from conflictgraph.evaluation.un_links import evaluate

    assert evaluate(_data("un_isil_aq_sanctions"))["scores"]["link_recall"] >= 0.24


def test_sentence_set_floors() -> None:
    from conflictgraph.evaluation.sentences import evaluate

    report = evaluate(None)
    assert report["counts"]["sentences"] >= 69
    scores = report["scores"]
    assert scores["relations_recall"] >= 0.92 and scores["relations_certainty_accuracy"] >= 0.98
    assert scores["claims_recall"] >= 0.98 and scores["movements_recall"] >= 0.88
