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
    # measured 2026-12-05 (fifteenth round): overall 0.691, riv 0.85, mer 0.75, all 0.742, spl 0.76, aff 0.354, found 0.929
    floors = {"overall_hit": 0.675, "riv_hit": 0.83, "mer_hit": 0.72, "all_hit": 0.72, "spl_hit": 0.74, "aff_hit": 0.33,
              "both_groups_found": 0.91}
    for key, floor in floors.items():
        assert scores[key] >= floor, (key, scores[key])
    # 0.130 measured (0.145 in the eighth round): "X received training/funding from Y" is now extracted as supports (DESIGN.md's
    # type for material support), which MMP codes as affiliation; see docs/relations.md.
    assert scores["overall_wrong"] <= 0.15


@pytest.mark.data
def test_un_links_floor() -> None:
    from conflictgraph.evaluation.un_links import evaluate

    assert evaluate(_data("un_isil_aq_sanctions"))["scores"]["link_recall"] >= 0.33  # 0.343 measured 2026-12-04


def test_sentence_set_floors() -> None:
    from conflictgraph.evaluation.sentences import evaluate

    report = evaluate(None)
    assert report["counts"]["sentences"] >= 78
    scores = report["scores"]
    assert scores["relations_recall"] >= 0.95 and scores["relations_certainty_accuracy"] >= 0.98
    assert scores["claims_recall"] >= 0.98 and scores["movements_recall"] >= 0.88


def test_mmp_name_variants_and_shared_aliases() -> None:
    from conflictgraph.evaluation.mmp import gold_mentions, own_variants

    names, acronyms = own_variants("Harkat-ul-Ansar (Kashmir)")
    assert "HuA" in acronyms and "HuAK" in acronyms and "Kashmir" not in names
    assert "Harkat-ul-Ansar in Kashmir" in names
    # The knowledge base lists AQIM as a name of the GSPC; the span goes to the group named AQIM.
    text = "In 2007 the GSPC joined al-Qaeda and became Al Qaeda in the Islamic Maghreb."
    mentions = gold_mentions(text, {"g1": "Salafist Group for Preaching and Combat", "g2": "Al Qaeda in the Islamic Maghreb"})
    assert {(m.text, m.actor_key) for m in mentions} == {("GSPC", "g1"), ("Al Qaeda in the Islamic Maghreb", "g2")}


def test_mmp_finds_groups_spelled_with_transliteration_variants() -> None:
    from conflictgraph.evaluation.mmp import find_group
    from conflictgraph.knowledge.names import loose_key

    assert loose_key("Asai'ib Ahl al-Haqq") == loose_key("Asa'ib Ahl al-Haq")
    text = "Fighters of Asai'ib Ahl al-Haqq met commanders of the Badr Organization."
    (span,) = set(find_group(text, "Asa'ib Ahl al-Haq"))
    assert text[span[0]:span[1]] == "Asai'ib Ahl al-Haqq"
    # one-word names stay strict: "Hamass" is no spelling of Hamas
    assert find_group("Hamass fighters met.", "Hamas") == []


def test_mmp_finds_a_state_by_its_government_and_forces() -> None:
    from conflictgraph.evaluation.mmp import find_group

    text = "The rebels later sided with the Sri Lankan government against their old comrades."
    (span,) = set(find_group(text, "Democratic Socialist Republic of Sri Lanka"))
    assert text[span[0]:span[1]] == "Sri Lankan government"
    assert find_group("Aid flights landed in Sri Lanka.", "Democratic Socialist Republic of Sri Lanka") == []
    text = "Somali forces and the militia pushed the insurgents out of the port."
    assert [text[s:e] for s, e in find_group(text, "Federal Government of Somalia")] == ["Somali forces"]


def test_mmp_finds_groups_by_the_acronym_of_their_original_name() -> None:
    from conflictgraph.evaluation.mmp import find_group

    # the knowledge base gives the Italian and Spanish names; their initials are the usual acronyms
    text = "A few FCA militants went over to another cell."
    assert [text[s:e] for s, e in find_group(text, "Armed Communist Formations")] == ["FCA"]
    text = "The ERP was set up by dissidents of a larger guerrilla."
    assert [text[s:e] for s, e in find_group(text, "People's Revolutionary Army (Colombia)")] == ["ERP"]
    assert find_group("The erp module failed.", "People's Revolutionary Army (Colombia)") == []


def test_mmp_finds_a_faction_by_its_leader() -> None:
    from conflictgraph.evaluation.mmp import find_group

    text = "In 2001 Commander Ruvano broke with the movement and took his men along."
    assert [text[s:e] for s, e in find_group(text, "Commander Ruvano Faction")] == ["Commander Ruvano"]


def test_mmp_finds_a_country_branch_by_parent_initials_and_country() -> None:
    from conflictgraph.evaluation.mmp import find_group

    text = "Fighters of JF-Yemen ambushed a convoy."
    assert [text[s:e] for s, e in find_group(text, "Jabhat al-Fath Yemen")] == ["JF-Yemen"]
    assert find_group("Fighters of JF ambushed a convoy.", "Jabhat al-Fath Yemen") == []
