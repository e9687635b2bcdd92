"""Support, command and umbrellas (fourteenth round), on sentences written for these tests."""

from relation_helpers import relations as _relations
from relation_helpers import stated_between as _between

HAMAS, HEZBOLLAH, FATAH, IRAN, ISRAEL = "kb:hamas", "kb:hezbollah", "kb:fatah", "kb:iran", "kb:israel"


def test_backing_in_a_with_phrase_supports_the_clause_actor_and_is_no_fighting() -> None:
    for text in ("Hamas carried out the attack with help from Hezbollah.",
                 "Hamas attacked the army post with the backing of Hezbollah.",
                 "The town was attacked by Hamas with the help of Hezbollah.",
                 "Hamas, with the backing of Hezbollah, launched a rocket attack on the town."):
        rels = _relations(text)
        assert _between(rels, HAMAS, HEZBOLLAH) == {"supports"}, text
        assert ("supports", HEZBOLLAH, HAMAS, "asserted") in rels, text
    rels = _relations("Hamas attacked Israel with Hezbollah's support.")
    assert ("supports", HEZBOLLAH, HAMAS, "asserted") in rels
    assert "fights" in _between(rels, HAMAS, ISRAEL)
    rels = _relations("Hamas staged the raid with assistance from Iran.")
    assert _between(rels, HAMAS, IRAN) == {"supports"}
    # the enemy of the clause stays an enemy
    rels = _relations("Hamas fought Fatah with help from Hezbollah.")
    assert "fights" in _between(rels, HAMAS, FATAH)
    assert _between(rels, HAMAS, HEZBOLLAH) == {"supports"}


PIJ = "kb:palestinian-islamic-jihad"


def test_a_group_under_another_groups_command_is_its_affiliate() -> None:
    for text in ("Islamic Jihad operates under the command of Hamas.",
                 "Islamic Jihad is under the control of Hamas.",
                 "Islamic Jihad acts under Hamas's direction.",
                 "Islamic Jihad, under Hamas command, attacked the town.",
                 "Islamic Jihad takes its orders from Hamas."):
        assert ("affiliate_of", PIJ, HAMAS, "asserted") in _relations(text), text
    # being in command of a group says the reverse
    assert ("affiliate_of", HAMAS, PIJ, "asserted") not in _relations("Hamas is in command of Islamic Jihad.")
    # a person's command is leadership, not affiliation
    rels = _relations("Islamic Jihad operates under the command of Ismail Haniyeh.")
    assert not any(t == "affiliate_of" for t, _, _, _ in rels)


KH, NUJABA, KSS = "kb:kataib-hezbollah", "kb:harakat-hezbollah-al-nujaba", "kb:kataib-sayyid-al-shuhada"
IRI = "kb:islamic-resistance-in-iraq"


def test_founders_of_an_umbrella_are_allies_and_its_affiliates_not_a_merger() -> None:
    for text in ("Kataib Hezbollah, Harakat al-Nujaba and Kataib Sayyid al-Shuhada joined forces to form an "
                 "umbrella organization known as the Islamic Resistance in Iraq.",
                 "Kataib Hezbollah and Harakat al-Nujaba came together to form a coalition called the Islamic "
                 "Resistance in Iraq.",
                 "Kataib Hezbollah and Harakat al-Nujaba formed an umbrella group, the Islamic Resistance in Iraq."):
        rels = _relations(text)
        assert _between(rels, KH, NUJABA) == {"ally_of"}, text
        assert ("affiliate_of", KH, IRI, "asserted") in rels, text
        assert ("affiliate_of", NUJABA, IRI, "asserted") in rels, text
        assert not any(t == "merged_with" for t, _, _, _ in rels), text
    rels = _relations("Kataib Hezbollah, Harakat al-Nujaba and Kataib Sayyid al-Shuhada joined forces to form an "
                      "umbrella organization known as the Islamic Resistance in Iraq.")
    assert _between(rels, NUJABA, KSS) == {"ally_of"}


def test_groups_dissolving_into_an_umbrella_still_merge() -> None:
    for text in ("Kataib Hezbollah and Harakat al-Nujaba merged into the Islamic Resistance in Iraq.",
                 "Kataib Hezbollah and Harakat al-Nujaba dissolved themselves into the Islamic Resistance in Iraq.",
                 "Kataib Hezbollah and Harakat al-Nujaba merged to form a coalition called the Islamic Resistance "
                 "in Iraq."):
        rels = _relations(text)
        assert "merged_with" in _between(rels, KH, NUJABA), text
        assert "affiliate_of" not in _between(rels, KH, IRI), text
    # a plain group formed by joining forces stays a merger
    rels = _relations("Ansar Dine and al-Mourabitoun joined forces to form JNIM.")
    assert "merged_with" in _between(rels, "kb:ansar-dine", "kb:jnim")


def test_a_united_front_or_a_history_of_cooperation_is_an_alliance() -> None:
    for text in ("Hamas and Fatah formed a united front against Israel.",
                 "Hamas and Fatah presented a united front.",
                 "A united front of Hamas and Fatah emerged.",
                 "Hamas built a united front with Fatah."):
        assert _between(_relations(text), HAMAS, FATAH) == {"ally_of"}, text
    for text in ("Hamas and Fatah have a long history of cooperation.",
                 "Hamas and Fatah have a tradition of collaboration.",
                 "Hamas and Fatah have a decade of collaboration behind them."):
        assert _between(_relations(text), HAMAS, FATAH) == {"ally_of"}, text
    # a history of rivalry is no alliance; a front for a group is its branch
    assert _between(_relations("Hamas and Fatah have a history of rivalry."), HAMAS, FATAH) == {"rival_of"}
    assert "ally_of" not in _between(_relations("Hamas is a front for Hezbollah."), HAMAS, HEZBOLLAH)


HANIYEH = "kb:ismail-haniyeh"


def test_founding_members_split_from_a_group_never_from_a_person() -> None:
    rels = _relations("Former Hamas fighters, notably Ismail Haniyeh, founded Islamic Jihad in 1981.")
    assert ("splinter_of", PIJ, HAMAS, "asserted") in rels
    assert "splinter_of" not in _between(rels, PIJ, HANIYEH)
    rels = _relations("Islamic Jihad was formed from former members of Ismail Haniyeh.")
    assert "splinter_of" not in _between(rels, PIJ, HANIYEH)
    rels = _relations("Islamic Jihad was formed from former members of Hamas.")
    assert ("splinter_of", PIJ, HAMAS, "asserted") in rels



AXIS = "kb:axis-of-resistance"


def test_founders_of_a_named_coalition_are_its_affiliates_not_its_allies() -> None:
    rels = _relations("Hamas and Hezbollah formed a coalition, the Axis of Resistance.")
    assert _between(rels, HAMAS, AXIS) == {"affiliate_of"}
    assert ("affiliate_of", HEZBOLLAH, AXIS, "asserted") in rels
    assert _between(rels, HAMAS, HEZBOLLAH) == {"ally_of"}


def test_a_group_controlled_by_or_answering_to_another_group_is_its_affiliate() -> None:
    for text in ("Islamic Jihad is controlled by Hamas.",
                 "Hamas controls Islamic Jihad.",
                 "Islamic Jihad, which is commanded by Hamas, attacked the town.",
                 "Islamic Jihad answers directly to Hamas."):
        assert ("affiliate_of", PIJ, HAMAS, "asserted") in _relations(text), text
    # a state or a place under control is no affiliate
    assert not any(t == "affiliate_of" for t, _, _, _ in _relations("Hamas reported to Egypt on the talks."))


def test_ties_of_long_standing_and_joining_in_a_front_are_alliances() -> None:
    for text in ("Hamas and Fatah have a long-standing relationship.",
                 "Hamas and Fatah have worked hand in hand for years.",
                 "Hamas and Fatah joined in a united front."):
        assert _between(_relations(text), HAMAS, FATAH) == {"ally_of"}, text
    # hand-to-hand combat stays fighting
    assert "ally_of" not in _between(_relations("Hamas fought hand to hand with Fatah."), HAMAS, FATAH)


def test_a_bare_past_participle_clause_is_passive() -> None:
    rels = _relations("Hamas attacked the town, aided by Hezbollah.")
    assert ("supports", HEZBOLLAH, HAMAS, "asserted") in rels
    rels = _relations("Supported by Iran, Hamas attacked the town.")
    assert ("supports", IRAN, HAMAS, "asserted") in rels
    rels = _relations("Formed in 2010 by former members of Hamas, Islamic Jihad grew quickly.")
    assert ("splinter_of", PIJ, HAMAS, "asserted") in rels
    # with an auxiliary the participle is active: "having attacked Y"
    assert "fights" in _between(_relations("Having attacked Fatah, Hamas withdrew."), HAMAS, FATAH)
