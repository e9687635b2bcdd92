"""Support, command and umbrellas (fourteenth round), on sentences written for these tests."""

from conflictgraph.extract.pipeline import get_extractor
from conflictgraph.models import Document


def _relations(text: str) -> set[tuple[str, str, str, str]]:
    findings = get_extractor().extract(Document(id="t", text=text, published="2024-06-01"))
    return {(r.type, r.source, r.target, r.certainty) for r in findings.relations}


def _between(rels: set[tuple[str, str, str, str]], a: str, b: str) -> set[str]:
    return {t for t, s, o, c in rels if {s, o} == {a, b} and c != "negated"}


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
