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
