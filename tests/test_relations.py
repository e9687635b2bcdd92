"""Relation rules (issue 4) on sentences written for these tests."""

from conflictgraph.extract.pipeline import get_extractor
from conflictgraph.models import Document


def _relations(text: str):
    findings = get_extractor().extract(Document(id="t", text=text, published="2024-06-01"))
    for relation in findings.relations:
        for evidence in relation.evidence:
            assert evidence.text == text[evidence.start:evidence.end]
    return {(r.type, r.source, r.target, r.certainty): r for r in findings.relations}


def test_apposition_copula_and_verbs() -> None:
    assert ("branch_of", "kb:iswap", "kb:islamic-state", "asserted") in _relations("ISWAP is the Islamic State's branch in West Africa.")
    assert ("affiliate_of", "kb:jnim", "kb:al-qaeda", "asserted") in _relations("JNIM, an affiliate of al-Qaeda, operates in Mali.")
    rels = _relations("Boko Haram pledged allegiance to the Islamic State in 2015.")
    assert rels[("allegiance_to", "kb:boko-haram", "kb:islamic-state", "asserted")].start == "2015"


def test_modifier_and_attribution() -> None:
    rels = _relations("The Iranian-backed Houthis attacked Saudi Arabia.")
    assert ("supports", "kb:iran", "kb:houthis", "asserted") in rels
    assert not any(k[0] == "fights" and "kb:iran" in k[1:3] for k in rels)
    rels = _relations("Boko Haram pledged allegiance to the Islamic State, according to the DIA.")
    (relation,) = [r for k, r in rels.items() if k[0] == "allegiance_to"]
    assert relation.certainty == "reported" and relation.attributed_to is not None


def test_hedges_negation_and_second_sentence() -> None:
    assert ("supports", "kb:iran", "kb:houthis", "speculative") in _relations("Iran may be arming the Houthis.")
    assert ("negotiates_with", "kb:taliban", "kb:united-states", "negated") in _relations("The Taliban did not negotiate with the United States.")
    rels = _relations("Al-Shabaab attacked a base in 2019. The group also threatened Uganda.")
    relation = rels[("threatens", "kb:al-shabaab", "kb:uganda", "asserted")]
    assert len(relation.evidence) == 2


def test_same_relation_twice_is_one_relation() -> None:
    rels = _relations("Hamas and Fatah are rivals. Fatah and Hamas remain rivals.")
    (relation,) = [r for k, r in rels.items() if k[0] == "rival_of"]
    assert len(relation.evidence) == 2


def test_members_founding_a_group_is_a_splinter() -> None:
    rels = _relations("Dissident members of the Taliban founded the Tehrik-i-Taliban Pakistan.")
    assert ("splinter_of", "kb:ttp", "kb:taliban", "asserted") in rels
    rels = _relations("A breakaway faction of Hamas formed Jaish al-Islam in 2006.")
    assert ("splinter_of", "kb:jaysh-al-islam", "kb:hamas", "asserted") in rels
    # A group founding another without a membership noun is not a split.
    assert not any(k[0] == "splinter_of" for k in _relations("Hamas formed Jaish al-Islam in 2006."))


def test_group_called_name_fills_the_role() -> None:
    rels = _relations("Members of the Taliban formed a new faction called the Tehrik-i-Taliban Pakistan.")
    assert ("splinter_of", "kb:ttp", "kb:taliban", "asserted") in rels


def test_sharing_members_is_cooperation_and_joint_attacks_are_not_fighting() -> None:
    assert ("ally_of", "kb:hamas", "kb:hezbollah", "asserted") in _relations(
        "Hamas shares fighters and training camps with Hezbollah.")
    rels = _relations("Boko Haram and the Islamic State carried out joint attacks in Nigeria.")
    assert ("ally_of", "kb:boko-haram", "kb:islamic-state", "asserted") in rels
    assert not any(k[0] == "fights" for k in rels)


def test_orders_exercises_and_vowed_allegiance() -> None:
    assert ("affiliate_of", "kb:al-shabaab", "kb:al-qaeda", "asserted") in _relations(
        "Al-Shabaab takes orders from al-Qaeda.")
    assert ("ally_of", "kb:hamas", "kb:hezbollah", "asserted") in _relations(
        "Hamas held military exercises with Hezbollah.")
    rels = _relations("Boko Haram vowed allegiance to the Islamic State.")
    assert not any(k[0] == "threatens" for k in rels)


def test_coordinated_attacks_make_allies_not_enemies() -> None:
    rels = _relations("Boko Haram and the Islamic State carried out coordinated attacks in Nigeria.")
    assert ("ally_of", "kb:boko-haram", "kb:islamic-state", "asserted") in rels
    assert not any(k[0] == "fights" for k in rels)
    rels = _relations("Hamas and Hezbollah cooperated in an attack on Israel.")
    assert ("ally_of", "kb:hamas", "kb:hezbollah", "asserted") in rels
    assert not any(k[0] == "fights" and {k[1], k[2]} == {"kb:hamas", "kb:hezbollah"} for k in rels)


def test_group_examples_after_including_fill_the_role() -> None:
    rels = _relations("Hezbollah was created to fight armed groups, including the Islamic State.")
    assert ("fights", "kb:hezbollah", "kb:islamic-state", "asserted") in rels


def test_finite_verb_after_participle_clause_keeps_its_subject() -> None:
    rels = _relations("The Popular Resistance Committees, composed mainly of former members of Fatah, split from Fatah in 2000.")
    assert ("splinter_of", "kb:popular-resistance-committees", "kb:fatah", "asserted") in rels
