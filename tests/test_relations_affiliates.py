"""Allies and affiliates (thirteenth round), on sentences written for these tests."""

from relation_helpers import relations as _relations
from relation_helpers import stated_between as _between

HAMAS, HEZBOLLAH, FATAH = "kb:hamas", "kb:hezbollah", "kb:fatah"


def test_a_tie_noun_predicated_of_an_abstract_subject_holds_for_the_pair_named_before() -> None:
    rels = _relations("Hamas and Hezbollah have a complicated history. The outcome is an affiliation that includes "
                      "shared fighters.")
    assert "affiliate_of" in _between(rels, HAMAS, HEZBOLLAH)
    # a topic is no outcome
    rels = _relations("Hamas and Hezbollah met in Beirut. The main topic was an alliance against Fatah.")
    assert "ally_of" not in _between(rels, HAMAS, HEZBOLLAH)
    # a noun with a party of its own is not taken up by the pair
    rels = _relations("Hamas and Hezbollah have a complicated history. The outcome is an affiliation with Fatah.")
    assert "affiliate_of" not in _between(rels, HAMAS, HEZBOLLAH)


def test_groups_agreeing_together_on_a_shared_course_are_allies() -> None:
    rels = _relations("Hamas and Hezbollah agreed to use Hamas training camps in the south.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}
    rels = _relations("Hamas and Hezbollah decided to fight each other for control of the town.")
    assert "ally_of" not in _between(rels, HAMAS, HEZBOLLAH)
    # agreeing to stop fighting is no alliance
    rels = _relations("Hamas and Hezbollah agreed to stop fighting.")
    assert "ally_of" not in _between(rels, HAMAS, HEZBOLLAH)


PIJ, PFLP = "kb:palestinian-islamic-jihad", "kb:pflp"


def test_groups_under_an_umbrella_are_its_affiliates() -> None:
    rels = _relations("Hamas was founded as an umbrella group for Islamic Jihad and the PFLP.")
    assert ("affiliate_of", PIJ, HAMAS, "asserted") in rels
    assert ("affiliate_of", PFLP, HAMAS, "asserted") in rels
    rels = _relations("Hamas serves as an umbrella for Islamic Jihad.")
    assert ("affiliate_of", PIJ, HAMAS, "asserted") in rels
    # under its later name: "for what became Y"
    rels = _relations("Hamas was founded as an umbrella group for what became Islamic Jihad.")
    assert ("affiliate_of", PIJ, HAMAS, "asserted") in rels


ISRAEL = "kb:israel"


def test_a_floating_both_or_each_makes_no_alliance_of_coordinated_attackers() -> None:
    rels = _relations("Hamas and Hezbollah were both responsible for attacks against Israel.")
    assert "ally_of" not in _between(rels, HAMAS, HEZBOLLAH)
    assert "fights" in _between(rels, HAMAS, ISRAEL)
    rels = _relations("Hamas and Hezbollah both attacked Israel.")
    assert "ally_of" not in _between(rels, HAMAS, HEZBOLLAH)
    # the "both" follows the whole name, not its head word
    rels = _relations("Hezbollah and the Popular Front for the Liberation of Palestine were both responsible for "
                      "attacks against Israel.")
    assert "ally_of" not in _between(rels, HEZBOLLAH, PFLP)
    # without it they act together; "both" before the objects is theirs, and ", both based in Z," describes them
    rels = _relations("Hamas and Hezbollah, both based in Lebanon, attacked Israel.")
    assert "ally_of" in _between(rels, HAMAS, HEZBOLLAH)
    rels = _relations("Hamas and Hezbollah attacked both Israel and Egypt.")
    assert "ally_of" in _between(rels, HAMAS, HEZBOLLAH)


def test_the_two_groups_reach_back_when_the_previous_sentence_names_only_one() -> None:
    rels = _relations("Hamas has extensive interests in Gaza. Islamic Jihad was founded by students in the 1980s. "
                      "The two groups worked together in the bombing of a bus.")
    assert "ally_of" in _between(rels, HAMAS, PIJ)
