"""Splinter and merger relations (issue 4, tenth round) on sentences written for these tests."""

from conflictgraph.extract.pipeline import get_extractor
from conflictgraph.models import Document


def _pairs(text: str) -> set[tuple[str, str, str]]:
    findings = get_extractor().extract(Document(id="t", text=text, published="2024-06-01"))
    return {(r.type, r.source, r.target) for r in findings.relations if r.certainty != "negated"}


def test_relational_noun_in_apposition_with_a_name_before_it() -> None:
    # "Y offshoot" modifies the noun; Y is the parent, not what the noun describes
    assert ("splinter_of", "kb:jaysh-al-islam", "kb:hamas") in _pairs("Jaish al-Islam, a Hamas offshoot, raided a depot.")
    assert ("affiliate_of", "kb:jnim", "kb:al-qaeda") in _pairs("JNIM, an al-Qaeda affiliate, raided a depot.")


def test_name_before_a_relational_noun_on_a_generic_head() -> None:
    assert ("splinter_of", "kb:ttp", "kb:taliban") in _pairs("The Tehrik-i-Taliban Pakistan is a Taliban splinter group.")


def test_the_group_a_merger_noun_yields_is_a_merger_party() -> None:
    pairs = _pairs("JNIM was formed by the merger of Ansar Dine and al-Mourabitoun.")
    assert ("merged_with", "kb:ansar-dine", "kb:jnim") in pairs and ("merged_with", "kb:al-mourabitoun", "kb:jnim") in pairs
    assert ("merged_with", "kb:ansar-dine", "kb:jnim") in _pairs("The merger of Ansar Dine and al-Mourabitoun created JNIM.")
    assert ("merged_with", "kb:ansar-dine", "kb:jnim") in _pairs(
        "JNIM was the product of a merger between Ansar Dine and al-Mourabitoun.")
    # emerging from a merger is no split from its parties
    pairs = _pairs("JNIM emerged from the merger of Ansar Dine and al-Mourabitoun.")
    assert ("merged_with", "kb:ansar-dine", "kb:jnim") in pairs and not any(k == "splinter_of" for k, _, _ in pairs)


def test_short_name_of_the_renamed_nusra_front_is_no_fatah() -> None:
    pairs = _pairs("Jund al-Aqsa merged into Fatah al-Sham in 2016.")
    assert ("merged_with", "kb:jabhat-al-nusra", "kb:jund-al-aqsa") in pairs
    assert not any("kb:fatah" in (a, b) for _, a, b in pairs)


def test_sanctioning_an_act_is_approval_not_designation() -> None:
    assert not any(k == "designates" for k, _, _ in _pairs("Hamas's leadership sanctioned the Taliban's split."))
    assert ("designates", "kb:united-states", "kb:taliban") in _pairs("The United States sanctioned the Taliban in 2001.")


def test_ending_a_tie_to_a_parent_is_a_split_from_it() -> None:
    assert ("splinter_of", "kb:jabhat-al-nusra", "kb:al-qaeda") in _pairs(
        "Jabhat al-Nusra ended its affiliation with al-Qaeda in 2016.")
    assert ("splinter_of", "kb:jabhat-al-nusra", "kb:al-qaeda") in _pairs("Jabhat al-Nusra renounced its allegiance to al-Qaeda.")
    # ending an alliance is no split, and a denied affiliation is no ending
    assert not any(k == "splinter_of" for k, _, _ in _pairs("Jabhat al-Nusra ended its alliance with Ahrar al-Sham."))
    assert not any(k == "splinter_of" for k, _, _ in _pairs("Jabhat al-Nusra denied its affiliation with al-Qaeda."))


def test_the_groups_take_up_groups_not_an_army() -> None:
    pairs = _pairs("Jamaat-ul-Ahrar rejoined the TTP to resist the Pakistani military. The reunification of the groups was brief.")
    assert ("merged_with", "kb:jamaat-ul-ahrar", "kb:ttp") in pairs
    assert not any(k == "merged_with" and "kb:pakistan-army" in (a, b) for k, a, b in pairs)


def test_a_split_with_no_from_phrase_is_from_the_whole_named_before() -> None:
    assert ("splinter_of", "kb:jaysh-al-islam", "kb:hamas") in _pairs(
        "Hamas became divided over the truce, and a faction of hardliners split to form Jaish al-Islam.")
    assert ("splinter_of", "kb:jaysh-al-islam", "kb:hamas") in _pairs(
        "Jaish al-Islam, which had long fought under the banner of Hamas, decided to split off in 2006.")
    assert ("splinter_of", "kb:jaysh-al-islam", "kb:hamas") in _pairs("After years inside Hamas, Jaish al-Islam broke away in 2006.")
    # any other group in the sentence is not the whole
    assert not any(k == "splinter_of" for k, _, _ in _pairs(
        "Hamas clashed with Fatah in Gaza before Jaish al-Islam broke away."))


def test_a_former_tie_no_longer_holds_and_a_former_part_split_off() -> None:
    pairs = _pairs("The Tehrik-i-Taliban Pakistan was the former armed wing of the Taliban.")
    assert ("splinter_of", "kb:ttp", "kb:taliban") in pairs and ("branch_of", "kb:ttp", "kb:taliban") not in pairs
    pairs = _pairs("The Tehrik-i-Taliban Pakistan, formerly part of the Taliban, raided a depot.")
    assert ("splinter_of", "kb:ttp", "kb:taliban") in pairs and ("affiliate_of", "kb:ttp", "kb:taliban") not in pairs
    # a former ally is no ally now, and no split either
    pairs = _pairs("Hamas attacked its former ally Fatah.")
    assert not any(k in ("ally_of", "splinter_of") for k, _, _ in pairs)


def test_a_branch_that_split_off_is_stated_as_a_split() -> None:
    pairs = _pairs("Jaish al-Islam, the Gaza branch of Hamas, split from Hamas in 2006.")
    assert ("splinter_of", "kb:jaysh-al-islam", "kb:hamas") in pairs and ("branch_of", "kb:jaysh-al-islam", "kb:hamas") not in pairs
    assert ("affiliate_of", "kb:jaysh-al-islam", "kb:hamas") in _pairs("Jaish al-Islam, an affiliate of Hamas, attacked Fatah in 2006.")


def test_origins_and_coming_together_to_form_a_group() -> None:
    assert ("splinter_of", "kb:ttp", "kb:taliban") in _pairs("The Tehrik-i-Taliban Pakistan grew out of the Taliban.")
    assert ("splinter_of", "kb:ttp", "kb:taliban") in _pairs("The Tehrik-i-Taliban Pakistan began as a faction within the Taliban.")
    assert ("splinter_of", "kb:ttp", "kb:taliban") in _pairs("The Tehrik-i-Taliban Pakistan has its roots in the Taliban.")
    assert not any(k == "splinter_of" for k, _, _ in _pairs("The Tehrik-i-Taliban Pakistan has its roots in Waziristan."))
    pairs = _pairs("Ansar Dine and al-Mourabitoun came together to form JNIM.")
    assert ("merged_with", "kb:al-mourabitoun", "kb:ansar-dine") in pairs and ("merged_with", "kb:ansar-dine", "kb:jnim") in pairs
    assert not any(k == "merged_with" for k, _, _ in _pairs("Ansar Dine and al-Mourabitoun came together to fight the army."))
    assert ("merged_with", "kb:hamas", "kb:popular-resistance-committees") in _pairs(
        "The Popular Resistance Committees dissolved into Hamas.")


def test_a_faction_that_broke_away_and_renamed_itself() -> None:
    assert ("splinter_of", "kb:jaysh-al-islam", "kb:hamas") in _pairs(
        "A faction of Hamas broke away and renamed itself Jaish al-Islam.")
    assert ("splinter_of", "kb:ttp", "kb:taliban") in _pairs(
        "A faction of the Taliban broke away in 2007 and called itself the Tehrik-i-Taliban Pakistan.")
    # "the faction" that splits is a part, never the whole it leaves (whatever it is taken to stand for)
    assert not any(k == "splinter_of" for k, _, _ in _pairs(
        "Hamas raided a checkpoint in Gaza. The faction later split off to form Jaish al-Islam."))
