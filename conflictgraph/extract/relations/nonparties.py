"""Non-parties: state mentions that fill no relation role.

A state named for where people come from or where a group sits ("Pakistan-based", "Mozambican fighters")
or as the topic of a body or a report ("the Panel of Experts on Yemen") is no party to the sentence's
relations. Called from ``component._sentence_relations`` to drop such fillers before roles are given.
"""

from __future__ import annotations

from spacy.tokens import Token

# A state named as an adjective on these nouns says where people come from, not that the state acts:
# "Mozambican fighters joined X", "a group of Ugandan origin".
ORIGIN_NOUNS = frozenset({
    "origin", "descent", "national", "citizen", "fighter", "militant", "jihadist", "jihadi", "rebel", "insurgent",
    "recruit", "volunteer", "extremist", "islamist", "guerrilla", "refugee", "civilian", "exile", "diaspora",
})


# "the Somali group of the same name", "Iraqi militias": a state's adjective on a non-state group noun says where
# the group comes from; the state is no party (its "troops", "army" or "force" are the state's own).
_GROUP_ORIGIN_NOUNS = frozenset({
    "group", "movement", "outfit", "network", "faction", "insurgency", "franchise", "militia", "organization",
    "organisation", "sect", "cell",
})


# "the Pakistan-based group", "a London-born preacher": a seat or a birthplace, not a party.
_SEAT_PARTICIPLES = frozenset({"based", "born", "headquartered", "raised", "registered"})


# Bodies and texts named for the country they deal with: "the UN Panel of Experts on Yemen", "the envoy for Syria".
_TOPIC_HEADS = frozenset({"panel", "expert", "committee", "commission", "envoy", "report", "reports", "conference",
                          "resolution", "monitor", "monitoring", "rapporteur", "inquiry", "mission", "team"})


def topic_of_body(kind: str, token: Token) -> bool:
    """A state named only as the topic of a body or a report ("the Panel of Experts on Yemen"): no party."""
    prep = token.head
    if kind != "state" or token.dep_ != "pobj" or prep.lower_ not in ("on", "for") or prep.head == prep:
        return False
    return prep.head.lemma_.lower() in _TOPIC_HEADS


def origin_modifier(kind: str, token: Token) -> bool:
    """A state named only for where people come from or where a group sits ("Pakistan-based",
    "Mozambican fighters", "of Ugandan origin"): it fills no relation role."""
    if kind != "state":
        return False
    head = token.head
    if head.i > token.i and head.lower_ in _SEAT_PARTICIPLES:
        return True
    return token.dep_ in ("amod", "compound", "nmod") and (head.lemma_.lower() in ORIGIN_NOUNS
                                                           or head.lemma_.lower() in _GROUP_ORIGIN_NOUNS)
