"""Companions, joint action and hostility cues between groups (eleventh round), on sentences written for these tests."""

from relation_helpers import relations as _relations
from relation_helpers import stated_between as _between

HAMAS, HEZBOLLAH, PIJ, FATAH = "kb:hamas", "kb:hezbollah", "kb:palestinian-islamic-jihad", "kb:fatah"


def test_joining_a_group_in_a_gerund_action_is_fighting_beside_it() -> None:
    rels = _relations("Hamas joined Hezbollah in attacking the Fatah offices.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}


def test_companion_of_the_subject_is_an_ally_acting_on_the_target() -> None:
    rels = _relations("Hamas, together with Islamic Jihad, attacked Fatah positions near the border.")
    assert _between(rels, HAMAS, PIJ) == {"ally_of"}
    assert "fights" in _between(rels, PIJ, FATAH)
    rels = _relations("Hamas, along with Hezbollah, ambushed a Fatah convoy.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}


def test_companion_preposition_on_the_verb_names_no_enemy() -> None:
    rels = _relations("Hamas, jointly with Hezbollah, attacked Fatah.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}
    rels = _relations("Hamas attacked Fatah together with Hezbollah.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}
    rels = _relations("Hamas, along with Hezbollah, ambushed a Fatah convoy.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}
    assert "fights" in _between(rels, HEZBOLLAH, FATAH)  # the companion acts on the target too


def test_plural_anaphor_takes_up_the_whole_list_with_companions() -> None:
    rels = _relations("Hamas, along with Hezbollah and Islamic Jihad, broke with Fatah. Soon after, the groups began "
                      "to target Fatah.")
    assert "fights" in _between(rels, HAMAS, FATAH)
    # "the two groups" stays a pair
    rels = _relations("Hamas and Hezbollah met in Beirut. The two groups later attacked Fatah.")
    assert "fights" not in _between(rels, HAMAS, HEZBOLLAH)


def test_agents_of_a_passive_verb_act_together() -> None:
    rels = _relations("Dozens of civilians were killed by Hamas and Hezbollah.")
    assert "fights" not in _between(rels, HAMAS, HEZBOLLAH)


def test_a_call_for_others_to_fight_states_the_callers_hostility() -> None:
    rels = _relations("Hamas issued a statement calling for all Sunnis to help fight against Hezbollah.")
    assert "fights" in _between(rels, HAMAS, HEZBOLLAH)


def test_the_author_of_a_message_says_what_its_participle_says() -> None:
    rels = _relations("Hamas, which had lost many fighters, released a video praising Hezbollah.")
    assert ("supports", HAMAS, HEZBOLLAH, "asserted") in rels


def test_short_name_of_a_listed_group_is_known() -> None:
    rels = _relations("Riyadus-Salikhin and the Caucasus Emirate collaborated on an attack on a theatre.")
    assert ("ally_of", "kb:caucasus-emirate",
            "kb:riyadus-salikhin-reconnaissance-and-sabotage-battalion-of-chechen-martyrs", "asserted") in rels


def test_a_preposition_left_before_and_shares_the_next_object() -> None:
    rels = _relations("Hamas trained alongside and received weapons from Hezbollah for years.")
    assert "ally_of" in _between(rels, HAMAS, HEZBOLLAH)
    assert ("supports", HEZBOLLAH, HAMAS, "asserted") in rels


def test_confronting_someone_about_a_topic_is_no_fighting() -> None:
    assert "fights" not in _between(_relations("Hamas confronted Fatah about the missing funds."), HAMAS, FATAH)
    assert "fights" in _between(_relations("Hamas confronted Fatah near the border."), HAMAS, FATAH)


def test_a_deal_named_by_an_alliance_word_is_an_alliance() -> None:
    rels = _relations("Hamas signed a cooperation agreement with Hezbollah.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}
    rels = _relations("Hamas and Hezbollah signed a mutual defence agreement.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}
    # a ceasefire is a deal between sides, no alliance
    assert _between(_relations("Hamas signed a ceasefire agreement with Fatah."), HAMAS, FATAH) == {"negotiates_with"}


def test_acting_in_conjunction_or_in_tandem_is_acting_jointly() -> None:
    rels = _relations("Hamas, in conjunction with Hezbollah, attacked Fatah.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}
    rels = _relations("Hamas attacked Fatah in tandem with Hezbollah.")
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}


def test_examples_after_a_relative_clause_name_the_kind_of_group() -> None:
    rels = _relations("Hamas was created to attack all secular groups that had kidnapped clerics and judges, including Fatah.")
    assert "fights" in _between(rels, HAMAS, FATAH)
