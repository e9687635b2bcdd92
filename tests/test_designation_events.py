"""Designation events: who lists whom, and only the designation's own date and place (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from conflictgraph.models import Document, Event


@pytest.fixture(scope="module")
def designation():
    from conflictgraph.extract.pipeline import get_extractor

    extractor = get_extractor()

    def run(text: str) -> Event:
        events = [e for e in extractor.extract(Document(id="t", text=text)).events if e.type == "designation"]
        assert len(events) == 1, events
        return events[0]

    return run


def test_designating_state_is_the_doer_and_the_group_the_target(designation):
    event = designation("The United States designated JNIM a foreign terrorist organisation in 2019.")
    assert event.perpetrators == ("kb:united-states",)
    assert event.targets == ("kb:jnim",)
    assert event.date == "2019"


def test_passive_participle_lists_the_group_not_as_doer(designation):
    event = designation("Boko Haram, designated a terrorist group by the UN Security Council and by the European "
                        "Union, was blamed for the 2016 market bombing in Maiduguri.")
    assert event.targets == ("kb:boko-haram",)
    assert set(event.perpetrators) == {"kb:un-security-council", "kb:european-union"}
    assert event.date is None  # 2016 dates the bombing
    assert event.location is None  # so does Maiduguri


def test_date_of_another_clause_is_not_the_designations(designation):
    event = designation("Hezbollah has been led by one man since 1993 and is designated a terrorist organisation "
                        "by the United States.")
    assert event.targets == ("kb:hezbollah",)
    assert event.perpetrators == ("kb:united-states",)
    assert event.date is None


def test_group_named_in_a_relative_clause_is_not_designated(designation):
    event = designation("The group, which pledged allegiance to al-Qaeda in 2011, was designated a terrorist "
                        "organisation by the United Kingdom.")
    assert "kb:al-qaeda" not in event.targets + event.perpetrators
    assert event.date != "2011"


@pytest.fixture(scope="module")
def types():
    from conflictgraph.extract.pipeline import get_extractor

    extractor = get_extractor()

    def run(text: str) -> set[str]:
        return {e.type for e in extractor.extract(Document(id="t", text=text)).events}

    return run


@pytest.mark.parametrize("text", [
    "The group later withdrew its claim of responsibility.",
    "The rebels raided the depot and seized weapons, ammunition and fuel trucks.",
    "The new mission formally took over from the old one on Monday.",
    "The ministry has taken over the company's operations in the region.",
])
def test_taking_things_or_taking_back_words_is_no_takeover_or_withdrawal(types, text):
    assert not types(text) & {"takeover", "withdrawal"}


@pytest.mark.parametrize("text, kind", [
    ("The rebels seized the town of Bunagana and two border posts.", "takeover"),
    ("Militants took over the district headquarters on Sunday.", "takeover"),
    ("Kenya withdrew its troops from the border area.", "withdrawal"),
    ("The army withdrew from the town on Monday.", "withdrawal"),
])
def test_territory_taken_and_forces_withdrawn_stay_events(types, text, kind):
    assert kind in types(text)


def test_an_agreement_named_in_passing_is_not_placed_in_another_clause():
    from conflictgraph.extract.pipeline import get_extractor

    extractor = get_extractor()

    def agreements(text: str) -> list:
        return [e for e in extractor.extract(Document(id="t", text=text)).events if e.type == "agreement"]

    passing = agreements("Police blamed the Cali bombing on the EMC, a FARC dissident group which rejected the 2016 "
                         "peace agreement.")
    assert passing and all(e.location is None or e.location.name != "Cali" for e in passing)
    signed = agreements("The government and the FARC signed a peace agreement in Havana in 2016.")
    assert signed and signed[0].location is not None and signed[0].location.name == "Havana"
