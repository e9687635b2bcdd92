"""Precision on news prose (twelfth round): relations that a reader would not draw, on sentences written
for these tests."""

from relation_helpers import between as _between
from relation_helpers import relations as _relations


def test_a_designation_label_is_no_designated_actor() -> None:
    rels = _relations("The United States designated Hamas a Foreign Terrorist Organization in 1997.")
    assert {(t, s, o) for t, s, o, _ in rels} == {("designates", "kb:united-states", "kb:hamas")}


def test_objects_of_with_or_alongside_are_no_pair_among_themselves() -> None:
    rels = _relations("Talks with the rebels resumed in May, with Brazil, Cuba and Norway among the guarantors.")
    assert _between(rels, "kb:brazil", "kb:cuba") == set()
    assert _between(rels, "kb:cuba", "kb:norway") == set()
    rels = _relations("Talks with the rebels began in 2019, with Brazil, Cuba and Norway as guarantors, but soon stalled.")
    assert _between(rels, "kb:brazil", "kb:norway") == set()
    rels = _relations("The Somali army is fighting alongside Kenyan troops, Ethiopian troops and the African Union force.")
    assert _between(rels, "kb:kdf", "kb:endf") == set()
    assert _between(rels, "kb:african-union", "kb:kdf") == set()
    assert "ally_of" in _between(rels, "kb:somali-national-army", "kb:african-union")


def test_coordinated_subjects_clashing_with_a_third_side_are_no_enemies() -> None:
    rels = _relations("Somali soldiers and Kenyan troops clashed with the insurgents near the town.")
    assert _between(rels, "kb:somali-national-army", "kb:kdf") & {"fights", "rival_of"} == set()
    # "each other" still opposes them
    rels = _relations("Somali soldiers and Kenyan troops clashed with each other near the town.")
    assert "fights" in _between(rels, "kb:somali-national-army", "kb:kdf")


def test_an_attack_on_a_person_is_no_fighting_with_that_person() -> None:
    rels = _relations("Hamas claimed the 2019 attack on Omar Haddad in Gaza.")
    assert {t for t, _, _, _ in rels} & {"fights"} == set()
    # fighting an armed group still counts
    rels = _relations("Hamas claimed the 2019 attack on Hezbollah in Beirut.")
    assert "fights" in _between(rels, "kb:hamas", "kb:hezbollah")


def test_a_group_noun_object_takes_up_no_actor_of_its_own_subject() -> None:
    rels = _relations("Hamas fighters stormed a village on Friday. Egyptian soldiers and Hezbollah units clashed "
                      "with the insurgents outside the village.")
    assert _between(rels, "kb:egypt", "kb:hezbollah") & {"fights", "rival_of"} == set()
    assert "fights" in _between(rels, "kb:hamas", "kb:hezbollah")


def test_a_coordinated_person_with_a_title_of_his_own_leads_nothing_of_the_other() -> None:
    rels = _relations("The talks between Colombian President Gustavo Petro and Ethiopian Prime Minister Abiy Ahmed "
                      "ended on Monday.")
    assert "leads" not in _between(rels, "kb:abiy-ahmed", "kb:colombia")
    assert "leads" in _between(rels, "kb:gustavo-petro", "kb:colombia")


def test_an_object_pronoun_is_not_its_own_clause_subject_and_carries_the_topic_on() -> None:
    rels = _relations("Hamas runs the Gaza Strip. In 1997 the United States designated it a terrorist "
                      "organisation. It is led by Yahya Sinwar.")
    assert "designates" in _between(rels, "kb:united-states", "kb:hamas")
    assert "leads" not in {t for t, s, o, _ in rels if o == "kb:united-states"}


def test_the_group_takes_up_no_intergovernmental_body() -> None:
    rels = _relations("A UN panel of experts said that Ugandan troops were fighting alongside the M23. Uganda denies "
                      "arming the group.")
    assert not {o for t, s, o, _ in rels if s == "kb:uganda" and t == "supports"} - {"kb:m23"}


def test_a_creed_modifying_a_group_noun_is_no_actor() -> None:
    rels = _relations("Ansar Allah, an Iranian-backed Zaydi Shia movement, still controls the capital.")
    assert {(t, s, o) for t, s, o, _ in rels} == {("supports", "kb:iran", "kb:houthis")}
