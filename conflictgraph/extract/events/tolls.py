"""Killed and wounded counts of an event, as bounds with their breakdown (issue 3).

A number counts the dead (or wounded) when the dependency path from the noun it
counts (or from the number itself) climbs to a casualty word within a few
steps: "13 soldiers and at least 170 civilians were killed" (both conjuncts
climb to "killed"), "killing seven and wounding 28 others", "left 12 dead",
"the death toll rose to 30". Counts on one path through "including" or
"among" are parts of a total, kept in the breakdown but not added.
Within a sentence the counts of one kind add up; across the sentences of an
event the largest total wins (a later toll updates an earlier one).
"a soldier was killed" and "injuring another" count one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from conflictgraph.extract.doccache import doc_text
from conflictgraph.extract.events.rules import (
    NON_PERSON_UNITS,
    PART_WORDS,
    PERP_NOUNS,
    casualty_kind,
    is_attempted,
    lexicon,
)
from conflictgraph.extract.numbers import NumberMention, add_bounds, find_numbers
from conflictgraph.models import Bounds

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_MAX_HOPS = 5
_PERSONISH_SINGULAR_DETS = frozenset({"a", "an", "one", "another"})


@dataclass(frozen=True, slots=True)
class Toll:
    kind: str  # killed | wounded
    bounds: Bounds
    start: int
    end: int
    text: str
    unit: str | None
    part: bool = False  # a part of another count ("including 5 children")


def _climb(anchor: Token) -> tuple[str | None, bool]:
    """Casualty kind reached from ``anchor`` by climbing heads, and whether the path marks a part."""
    token = anchor
    part = False
    for _ in range(_MAX_HOPS):
        if token != anchor or token.pos_ in ("ADJ", "VERB", "NOUN"):
            kind = casualty_kind(token)
            if kind is not None:
                return kind, part
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() == "toll":
                return "killed", part
            if child.dep_ == "dobj" and child.lemma_.lower() in ("life", "lives") and token.lemma_.lower() == "lose":
                return "killed", part
            if child.dep_ in ("amod", "acomp", "oprd", "ccomp", "xcomp") and child != anchor and child.i > anchor.i:
                kind = casualty_kind(child)
                if kind is not None and (token is anchor or token.pos_ == "VERB"):
                    return kind, part
        if (token.lower_ in PART_WORDS or token.lemma_.lower() in PART_WORDS) and not _copular_among(token):
            part = part or token.lower_ != "of"
        if token.head == token:
            break
        token = token.head
    return None, part


_LINKING = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly", "also",
                      "seriously", "critically", "badly", "severely", "slightly", "lightly", "mortally", "fatally",
                      "gravely", "reported", "later", "all", "both", "others", "other", "more", "people", "persons"})
_HARM_VERBS = frozenset({"sustain", "suffer", "receive"})
_WOUNDING_VERBS = frozenset({"shoot", "stab"})
_DEATH_ADJ = frozenset({"dead", "lifeless"})
_BARE_CASUALTY = frozenset({"killed", "dead", "wounded", "injured", "hurt", "died"})
_QUANTITY_NOUNS = frozenset({"total", "number", "group", "couple", "series", "lot", "crowd", "handful", "dozen", "score",
                             "family"})  # "a family of five was killed" is five, not one
# adjectives before a counted noun that give its kind ("three wounded policemen")
_CASUALTY_STATES = frozenset({"wounded", "injured", "dead"})
_STATE_WORDS = frozenset({"missing", "homeless", "displaced", "stranded", "unaccounted", "trapped"})
# what happened to a count instead of death or injury ("five others abducted", "two were kidnapped")
_FATE_WORDS = _STATE_WORDS | frozenset({"abducted", "kidnapped", "captured", "arrested", "detained", "rescued", "freed",
                                        "released", "evacuated", "seized", "held", "taken"})
# trigger nouns that name people, who can be victims ("executed two hostages")
_VICTIM_TRIGGER_NOUNS = frozenset({"hostage", "captive", "abductee"})
_SEVERITY = frozenset({"seriously", "critically", "badly", "severely", "gravely", "slightly", "lightly", "mortally",
                       "fatally"})
_CASUALTY_VERB_FORMS = frozenset({"kill", "kills", "killing", "killed", "wound", "wounds", "wounding", "wounded",
                                  "injure", "injures", "injuring", "injured", "hurting",
                                  "beheaded", "beheading", "murdered", "murdering", "executed", "executing",
                                  "assassinated", "decapitated", "slew"})
# predicates right after a count that give its kind ("15 were wounded", "two officials were slain")
_PREDICATE_CASUALTY = frozenset({"killed", "dead", "wounded", "injured", "hurt", "died", "slain", "murdered",
                                 "beheaded", "decapitated", "assassinated", "hospitalized", "hospitalised"})
# Verbs whose object may still be the victims counted by a casualty word further up ("left 12 dead",
# "resulted in the deaths of 5"); any other verb's argument is that verb's, not the toll's.
_LIGHT_VERBS = frozenset({"be", "leave", "result", "include", "have", "claim", "cause", "see", "bring", "take",
                          "rise", "reach", "stand", "number", "report", "confirm", "say"})


def _clause_verb(anchor: Token) -> Token | None:
    """The verb whose argument the counted noun is: up through nouns, numbers, prepositions and noun conjuncts."""
    token = anchor
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") and token != anchor:
            return token
        if token.head == token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _argument_of(anchor: Token, verb: Token) -> Token:
    """The child of ``verb`` on the path up from ``anchor``."""
    token = anchor
    while token.head != verb and token.head != token:
        token = token.head
    return token


def _verb_kind(verb: Token, arg: Token) -> str | None:
    """Casualty kind a count gets from its clause verb: the verb itself ("killing 10"), its complement
    ("shot dead 12", "left 12 dead"), "to death", "sustained injuries", or a conjoined casualty verb
    sharing the subject ("were ambushed and killed")."""
    if arg.dep_ == "nsubj" and any(c.dep_ == "dobj" and c != arg and c.lemma_.lower() not in ("life", "lives")
                                   and not _harm_object(verb, c) for c in verb.children):
        return None  # "50 paramilitaries killed 11 people", "four bombers left 60 dead": the count did it
    kind = casualty_kind(verb)
    if kind is not None:
        return kind
    for child in verb.children:
        lower = child.lower_
        if child.dep_ in ("acomp", "oprd", "xcomp", "advmod") and lower in _DEATH_ADJ:
            return "killed"
        if child.dep_ == "prep" and lower == "to" and any(g.lemma_.lower() == "death" for g in child.children):
            return "killed"
        if child.dep_ == "dobj" and child != arg and verb.lemma_.lower() in _HARM_VERBS:
            kind = casualty_kind(child)
            if kind is not None:
                return kind
        if (verb.lemma_.lower() == "leave" and child.dep_ in ("advcl", "ccomp", "conj", "dep")
                and child == _next_bare_casualty(arg)):
            return casualty_kind(child)  # "left nine people, including the chief, injured" (an aside between)
    if arg.dep_ == "nsubj" and verb.lemma_.lower() in _HARM_VERBS:
        kind = _harm_noun_after(verb)
        if kind is not None:
            return kind
    if _wounding_weapon_verb(verb, arg) or _sent_to_hospital(verb, arg):
        return "wounded"
    if arg.dep_ in ("nsubj", "nsubjpass"):
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in child.children):
                kind = casualty_kind(child)
                if kind is not None:
                    return kind
    return None


def _next_bare_casualty(arg: Token) -> Token | None:
    """The first "dead" / "injured" / ... after the count's noun ("left 5 including a child dead and 3 wounded":
    "dead", not "wounded", is the word the five take)."""
    return next((t for t in arg.doc[arg.i + 1:arg.sent.end] if t.lower_ in _BARE_CASUALTY), None)


def _harm_noun_after(verb: Token) -> str | None:
    """"Seven more sustained injuries and ...": the harm noun right after "sustained" / "suffered" (past its
    adjectives), however the parser attaches it."""
    doc = verb.doc
    for j in range(verb.i + 1, min(verb.i + 4, verb.sent.end)):
        if doc[j].pos_ == "NOUN":
            return casualty_kind(doc[j])
        if doc[j].pos_ not in ("ADJ", "ADV"):
            return None
    return None


def _wounding_weapon_verb(verb: Token, arg: Token) -> bool:
    """"stabbed three people", "two men were shot": the victims of a shooting or stabbing are the wounded when
    the sentence tells of no death (else "shot five, killing two" would count the dead twice)."""
    if verb.lemma_.lower() not in _WOUNDING_VERBS or arg.dep_ not in ("dobj", "nsubjpass"):
        return False
    return not any((casualty_kind(t) == "killed" or t.lower_ in _DEATH_ADJ) and not _attacker_killed(t, verb, arg)
                   for t in verb.sent)


def _attacker_killed(word: Token, verb: Token, arg: Token) -> bool:
    """"A man stabbed four people before being shot dead by police", "stabbed one and was shot dead": a passive
    death with no subject of its own, in a clause under the active weapon verb, is the attacker's (its subject)."""
    if arg.dep_ != "dobj":
        return False
    clause = word if word.pos_ == "VERB" else word.head
    if clause == verb or clause.tag_ != "VBN" or clause not in verb.subtree:
        return False
    passive = [clause, clause.head] if clause.dep_ == "conj" else [clause]
    return (not any(c.dep_.startswith("nsubj") for c in clause.children)
            and any(c.dep_ == "auxpass" for v in passive for c in v.children))


_CARRY_VERBS = frozenset({"send", "take", "rush", "admit", "evacuate", "airlift", "transport", "carry"})
_CARE_PLACES = frozenset({"hospital", "hospitals", "clinic", "clinics"})


def _sent_to_hospital(verb: Token, arg: Token) -> bool:
    """"sending another 29 to hospital", "five others were taken to hospital": the people carried to care
    after an attack are its wounded."""
    if verb.lemma_.lower() not in _CARRY_VERBS or arg.dep_ not in ("dobj", "nsubjpass"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("to", "in") and any(g.lower_ in _CARE_PLACES for g in c.children)
               for c in verb.children)


def _harm_object(verb: Token, obj: Token) -> bool:
    """"sustained injuries", "suffered wounds": the subject of the harm verb is the victim, not an agent."""
    return verb.lemma_.lower() in _HARM_VERBS and casualty_kind(obj) is not None


def _local_kind(anchor: Token, number: Token) -> str | None:
    """Casualty kind from the count's own phrase, before any climbing: "two fatalities", "23 dead",
    "60 others injured", "15 were wounded", "the deaths of 12 passengers", "injuries to 18 others"."""
    if anchor != number and anchor.pos_ in ("NOUN", "ADJ"):
        kind = casualty_kind(anchor)
        if kind is not None and anchor.lemma_.lower() not in ("life", "lives", "body", "corpse", "toll"):
            return kind
    if anchor != number and anchor.pos_ == "NOUN":
        state = next((c for c in anchor.children if c.dep_ == "amod" and number.i < c.i < anchor.i
                      and c.lower_ in _CASUALTY_STATES), None)
        if state is not None:
            return casualty_kind(state)  # "two wounded soldiers", "seven other injured people"
    if anchor != number and anchor.i == number.i + 1 and anchor.lower_ in _BARE_CASUALTY:
        # "were killed and 12 injured", "left 4 dead and 10 wounded": an elided verb; the word after the
        # number is its own kind, whatever verb the parser hangs it on
        return casualty_kind(anchor)
    doc = anchor.doc
    predicate = _predicate_kind(anchor, number)
    if predicate is not None:
        return predicate
    among = _among_kind(anchor, number)
    if among is not None:
        return among  # "four soldiers were among the dead", "... among seven people wounded"
    base = _conj_base(anchor)
    if base.dep_ == "conj":  # conjoined to a clause (or, misparsed, to its preposition)
        return _elided_kind(anchor)
    if (elided := _appos_after_and(base, anchor, number)) is not None:
        return elided
    for token in (anchor, number):
        if token.dep_ == "pobj" and token.head.lower_ in ("of", "to") and token.head.head.pos_ == "NOUN":
            noun = token.head.head
            before = doc[token.head.i - 1]
            if before.pos_ == "NOUN" and casualty_kind(before) is not None:
                noun = before  # "12 deaths and injuries to 45 others": the parser may hang "to" on "deaths"
            if noun.lemma_.lower() in ("death", "injury", "killing", "wounding", "murder", "massacre"):
                # "the wounding of 6 members" is a wound, though "wounding" as a noun is no casualty lemma
                return casualty_kind(noun) or ("wounded" if noun.lemma_.lower() == "wounding" else "killed")
    return None


def _appos_after_and(base: Token, anchor: Token, number: Token) -> str | None:
    """"were killed and 47 others, including X, injured", the count misparsed as an aside: the count after "and"
    takes the elided verb's kind."""
    if base.dep_ != "appos":
        return None
    doc = anchor.doc
    start = min(anchor.i, number.i)
    while start > anchor.sent.start and doc[start - 1].ent_type_ == "CARDINAL" and doc[start - 1].lower_ != "and":
        start -= 1  # "at least" in the count's entity
    return _elided_kind(anchor) if start > anchor.sent.start and doc[start - 1].lower_ == "and" else None


def _predicate_kind(anchor: Token, number: Token) -> str | None:
    """The casualty predicate right after the count: "15 were wounded", "another 17 were wounded"."""
    doc = anchor.doc
    last = max(anchor.i, number.i)
    j = last + 1
    while j < len(doc) and j <= last + 4 and doc[j].lower_ in _LINKING:
        j += 1
    if j < len(doc) and doc[j].pos_ in ("VERB", "ADJ") and doc[j].lower_ in _PREDICATE_CASUALTY:
        if not any(c.dep_ == "dobj" for c in doc[j].children):  # "20 gunmen killed 6 villagers": active, the agents
            return casualty_kind(doc[j])
    return None


def _among_kind(anchor: Token, number: Token) -> str | None:
    """"four soldiers were among the dead", "three were among seven people wounded": the kind named after
    "among" (the count is a part of that toll), else ``None``."""
    doc = anchor.doc
    last = max(anchor.i, number.i)
    j = last + 1
    while j < len(doc) and j <= last + 4 and doc[j].lower_ in _LINKING:
        j += 1
    if j >= len(doc) or doc[j].lower_ != "among":
        return None
    for k in range(j + 1, min(j + 6, anchor.sent.end)):
        token = doc[k]
        kind = casualty_kind(token)
        if kind is not None and token.pos_ in ("ADJ", "VERB", "NOUN"):
            return kind
        if not (token.like_num or token.lower_ in _LINKING or token.lower_ in ("the", "those", "at", "least")):
            return None
    return None


def _among_casualties(anchor: Token, number: Token) -> bool:
    return _among_kind(anchor, number) is not None


def _copular_among(token: Token) -> bool:
    """"were among seven people wounded": the "among" phrase of a copula holds the whole, not a part."""
    return token.lower_ == "among" and token.head.lemma_.lower() == "be"


def _elided_kind(anchor: Token) -> str | None:
    """A noun phrase conjoined to a clause, its verb elided at the end: "three were killed and 5 soldiers and a
    civilian hurt". The first bare casualty word before the next punctuation gives the kind."""
    doc = anchor.doc
    j = anchor.i + 1
    limit = min(anchor.i + 9, anchor.sent.end)
    while j < limit:
        if doc[j - 1].lower_ == "," and doc[j].lower_ in ("including", "among"):
            # "and 31 others, including four soldiers, wounded": skip the parenthetical part to its comma
            close = next((k for k in range(j + 1, min(j + 12, anchor.sent.end)) if doc[k].lower_ == ","), None)
            if close is None:
                return None
            limit = min(limit + close - j + 1, anchor.sent.end)
            j = close + 1
            continue
        if doc[j].is_punct and doc[j].tag_ not in ("HYPH", ",") or doc[j].pos_ == "VERB" and doc[j].lower_ not in _BARE_CASUALTY:
            return None
        if doc[j].lower_ in _BARE_CASUALTY:
            return casualty_kind(doc[j])
        j += 1
    return None


def _fate_not_toll(anchor: Token, number: Token) -> bool:
    """"five others abducted", "two were kidnapped", "three are missing": the count's own predicate is no
    casualty."""
    doc = anchor.doc
    last = max(anchor.i, number.i)
    j = last + 1
    while j < len(doc) and j <= last + 4 and doc[j].lower_ in _LINKING - {"people", "persons"} | {"still"}:
        j += 1
    if j + 2 < len(doc) and doc[j + 1].lower_ in ("to", "in") and doc[j + 2].lower_ in _CARE_PLACES:
        return False  # "five others were taken to hospital": the wounded
    return j < len(doc) and doc[j].lower_ in _FATE_WORDS


def _severity_part(sent: Span, number: NumberMention) -> bool:
    """"injured 22, one seriously", "50 wounded, three critically", "3 of whom seriously": a part of the
    count before it."""
    phrase = sent.doc.char_span(number.start, number.end, alignment_mode="expand")
    if phrase is None or phrase.end >= sent.end:
        return False
    doc = sent.doc
    nxt = doc[phrase.end]
    if nxt.lower_ == "of" and phrase.end + 1 < sent.end and doc[phrase.end + 1].lower_ in ("whom", "them", "those"):
        return True
    # "36 people were wounded, four by gunfire": a part with its cause after the comma
    return (nxt.lower_ in _SEVERITY or nxt.lower_ in ("by", "from", "with") and phrase.end + 1 < sent.end
            and doc[phrase.end + 1].pos_ == "NOUN") and phrase.start > sent.start and doc[phrase.start - 1].is_punct


def _is_part(anchor: Token) -> bool:
    """A count inside another count: "including 5 children", "four employees (two Americans and two Poles)"."""
    token = anchor
    for _ in range(_MAX_HOPS):
        if _copular_among(token):
            return False
        if token.lower_ in PART_WORDS and token.lower_ != "of" or token.lemma_.lower() in ("include", "among"):
            return True
        if token.dep_ == "appos" and any(c.dep_ == "nummod" for c in token.head.children):
            return True
        if token.head == token:
            break
        token = token.head
    return False


def _unit_token(span: Span, number: NumberMention) -> Token | None:
    if number.unit_start is None:
        return None
    unit = span.doc.char_span(number.unit_start, number.unit_end)
    return unit.root if unit is not None else None


def _not_victims(unit: str | None) -> bool:
    """"two bars", "two car bombings", "three attacks": the count names things or events, not people."""
    if unit is None:
        return False
    if unit in NON_PERSON_UNITS:
        return True
    entry = lexicon().words.get(unit)
    return entry is not None and entry.rank > 0 and unit not in PERP_NOUNS and unit not in _VICTIM_TRIGGER_NOUNS


def _preceding_kind(sent: Span, number: NumberMention) -> str | None:
    """"kills three and wounds at least eleven", "injuring 7": the casualty verb right before the count,
    whatever the parser makes of the coordination."""
    phrase = sent.doc.char_span(number.start, number.end, alignment_mode="expand")
    if phrase is None or phrase.start == 0:
        return None
    prev = sent.doc[phrase.start - 1]
    before = sent.doc[prev.i - 1] if prev.i > sent.start else prev
    if prev.lower_ == "dead" and "shoot" in (prev.head.lemma_.lower(), before.lemma_.lower()):
        return "killed"  # "shot dead one and wounded two"
    return casualty_kind(prev) if prev.lower_ in _CASUALTY_VERB_FORMS else None


def _other_clause(verb: Token, arg: Token) -> bool:
    """The count is an argument of a verb that is no casualty word: "after two of their leaders were
    arrested" (a clause of its own), "left dozens missing" (a non-casualty complement)."""
    if verb.lemma_.lower() in _LIGHT_VERBS:
        if any(t.lower_ in _STATE_WORDS for t in (*arg.subtree, *verb.children)):
            return True  # "left dozens of others missing", however the parser attaches "missing"
        if verb.dep_ == "conj" and arg.dep_ == "dobj" and not any(casualty_kind(t) for t in verb.subtree):
            return True  # "killed 40 police and brought the two neighbours close to war": a clause of its own
        return any(c.dep_ in ("acomp", "oprd", "xcomp") and c != arg and casualty_kind(c) is None and c.i > arg.i
                   for c in verb.children)
    # "after two of their leaders were arrested" (a clause of its own); "killed 80 and forced 30,000 to flee",
    # "killed two and took 12 hostage" (a conjoined verb of its own); "a convoy carrying two families" (a
    # participle describing a noun)
    return verb.dep_ in ("advcl", "relcl", "ccomp", "pcomp", "conj", "xcomp", "acl") \
        and arg.dep_ in ("nsubj", "nsubjpass", "dobj")


def _agent_count(verb: Token, arg: Token) -> bool:
    return arg.dep_ == "nsubj" and any(c.dep_ == "dobj" and c != arg and c.lemma_.lower() not in ("life", "lives")
                                       for c in verb.children)


def _no_one(sent: Span, number: NumberMention) -> bool:
    """"No one was injured": a negated "one" counts nobody."""
    token = sent.doc[number.token_i]
    return token.lower_ == "one" and token.i > sent.start and sent.doc[token.i - 1].lower_ == "no"


def _name_number(sent: Span, number: NumberMention) -> bool:
    """"Flight 364", "Fiat 500", "Route 9": digits right after a proper noun are part of a name; so are bare
    digits after a singular common noun ("on route 60", "at gate 4")."""
    phrase = sent.doc.char_span(number.start, number.end, alignment_mode="expand")
    if phrase is None or phrase.start == 0 or not phrase.text[:1].isdigit():
        return False
    prev = sent.doc[phrase.start - 1]
    if prev.tag_ == "NN" and (number.unit is None or number.unit_start == prev.idx) and casualty_kind(prev) is None:
        return True  # the count's "unit" is the name before it ("route 60") or none
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.i != sent.start


def _modifier_number(sent: Span, number: NumberMention) -> bool:
    """"the 12-room hotel", "a 25 car convoy": a count inside a noun's modifier measures a thing, not victims."""
    doc = sent.doc
    phrase = doc.char_span(number.start, number.end, alignment_mode="expand")
    if phrase is None or not phrase[-1].text[:1].isdigit():
        return False
    if phrase[0].lower_ in ("a", "an") or phrase.start > sent.start and doc[phrase.start - 1].lower_ in ("a", "an"):
        return True  # "a 25 car convoy": an article before digits makes them a modifier
    after = phrase.end
    return (after + 1 < sent.end and doc[after].tag_ == "HYPH" and doc[after + 1].pos_ == "NOUN"
            and doc[after + 1].dep_ in ("compound", "amod", "nmod"))


def _in_agent_phrase(anchor: Token) -> bool:
    """The count sits in the "by" phrase of a passive verb ("were killed by three gunmen")."""
    token = anchor
    for _ in range(_MAX_HOPS):
        if token.dep_ == "agent" or token.dep_ == "prep" and token.lower_ == "by" and token.head.tag_ == "VBN":
            return True
        if token.dep_ == "prep" and token.lower_ == "by" and _attack_noun(token.head):
            return True  # "shooting attacks by two assailants": the doers of the attack named
        if token.head == token or token.pos_ == "VERB":
            return False
        token = token.head
    return False


def _attack_noun(token: Token) -> bool:
    entry = lexicon().words.get(token.lemma_.lower()) or lexicon().words.get(token.lower_)
    return token.pos_ == "NOUN" and entry is not None and entry.type == "attack" and entry.rank > 0


def _in_parentheses_after_count(sent: Span, number: NumberMention) -> bool:
    """"9 (5 soldiers and 4 civilians) were injured": counts in brackets right after a count break it down."""
    doc = sent.doc
    phrase = doc.char_span(number.start, number.end, alignment_mode="expand")
    if phrase is None:
        return False
    for j in range(phrase.start - 1, max(sent.start, phrase.start - 8) - 1, -1):
        if doc[j].lower_ == ")":
            return False
        if doc[j].lower_ == "(":
            before = doc[j - 1] if j > sent.start else None
            return before is not None and (before.like_num or any(c.dep_ == "nummod" for c in before.children))
    return False


def _tolls_from_numbers(sent: Span) -> list[Toll]:
    tolls: list[Toll] = []
    for number in find_numbers(sent):
        if _not_victims(number.unit) or _name_number(sent, number) or _no_one(sent, number) \
                or _modifier_number(sent, number):
            continue
        unit = _unit_token(sent, number)
        number_token = sent.doc[number.token_i]
        anchor = unit if unit is not None else number_token
        if _in_agent_phrase(anchor) and _predicate_kind(anchor, number_token) is None \
                or _fate_not_toll(anchor, number_token):
            continue  # "killed by two of their colleagues": the count did the killing ("by X and another 17 were
            # wounded", misparsed into the "by" phrase, has a predicate of its own)
        # the verb right before the count decides first: in "killed one and 3 people were injured" the unit
        # "people" is shared, but "one" is the object of "killed"
        kind = _preceding_kind(sent, number) or _local_kind(anchor, number_token)
        if kind is None:
            verb = _clause_verb(anchor)
            if verb is not None:
                arg = _argument_of(anchor, verb)
                kind = _verb_kind(verb, arg)
                if kind is None and (_other_clause(verb, arg) or _agent_count(verb, arg)):
                    continue
        if kind is not None:
            part = _is_part(anchor)
        else:
            kind, part = _climb(anchor)
        part = part or _severity_part(sent, number) or _among_casualties(anchor, number_token) \
            or _in_parentheses_after_count(sent, number)
        if kind is None and unit is not None:
            kind = casualty_kind(unit)
        if kind is None or _conflict_toll(anchor):
            continue
        tolls.append(Toll(kind, number.bounds, number.start, number.end, number.text, number.unit, part))
    return tolls


# Subjects whose toll, told in the perfect, is a whole conflict's over years, not one event's ("the
# insurgency has killed tens of thousands"; "violence killed 28 people" is one day's).
_CONFLICT_NOUNS = frozenset({"insurgency", "conflict", "war", "violence", "rebellion", "uprising", "unrest",
                             "crisis", "campaign", "fighting", "jihad", "militancy"})


def _conflict_toll(anchor: Token) -> bool:
    verb = anchor.head
    for _ in range(2):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)  # "has killed"
    return perfect and any(c.dep_ == "nsubj" and c.lemma_.lower() in _CONFLICT_NOUNS for c in verb.children)


def _conj_base(token: Token) -> Token:
    """The first conjunct of a noun coordination ("A and a B" -> A)."""
    base = token
    for _ in range(_MAX_HOPS):
        if base.dep_ != "conj" or base.head.pos_ not in ("NOUN", "PROPN", "NUM"):
            break
        base = base.head
    return base


def _singular_victims(sent: Span, taken: set[int], counted: list[Toll] = ()) -> list[Toll]:  # type: ignore[assignment]
    """"a policeman was killed", "killing a student and injuring another": one each. A person named or
    definite ("killed Kameel Karimi", "the driver was wounded") counts one only where the sentence gives no
    number of that kind (else the name is one of the counted: "three members, A, B and C, were killed")."""
    tolls: list[Toll] = []
    for token in sent:
        if token.i in taken or token.tag_ not in ("NN", "NNP") and token.lower_ != "another" and not _lone_other(token):
            continue
        det = next((c for c in token.children if c.dep_ in ("det", "nummod")), None)
        single = token.lower_ == "another" or _lone_other(token) or (det is not None and det.lower_ in _PERSONISH_SINGULAR_DETS)
        if not single and token.dep_ not in ("dobj", "nsubjpass"):
            continue  # neither "a/one X" nor a named or definite victim: skip the costlier checks below
        kind = _singular_kind(token)
        if kind is None:
            continue
        if token.lemma_.lower() in _QUANTITY_NOUNS:
            continue  # "a total of 37 people died": the count is in the "of" phrase
        if single:
            if token.lemma_.lower() in NON_PERSON_UNITS:
                continue
            start = det.idx if det is not None and token.lower_ != "another" else token.idx
            end = token.idx + len(token.text)
            tolls.append(Toll(kind, Bounds(1, 1), start, end, doc_text(sent.doc)[start:end], token.lemma_.lower()))
        elif _one_named_victim(token) and not any(t.kind == kind for t in counted):
            start = _name_start(token).idx
            end = token.idx + len(token.text)
            tolls.append(Toll(kind, Bounds(1, 1), start, end, doc_text(sent.doc)[start:end], token.lemma_.lower()))
    return tolls


_TAKING_VERBS = frozenset({"kidnap", "abduct", "seize", "capture", "take", "hold"})
_DEFINITE = frozenset({"the", "his", "her", "their", "its", "our", "my"})


def _one_named_victim(token: Token) -> bool:
    """"militants killed Kameel Karimi", "journalist X was killed", "killed his brother", "the driver was shot
    dead": one person named, or one definite person, as the direct object or passive subject of the casualty
    verb."""
    if token.dep_ not in ("dobj", "nsubjpass") or casualty_kind(token.head) is None:
        return False
    if token.lemma_.lower() in NON_PERSON_UNITS or token.lemma_.lower() in _QUANTITY_NOUNS:
        return False
    if token.ent_type_ == "PERSON":
        return True
    if token.lemma_.lower() in PERP_NOUNS or token.lower_ in ("shooter", "perpetrator", "hijacker", "assailant"):
        return False  # "the gunman was shot dead": the attacker, not a victim of the attack
    return token.tag_ == "NN" and any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in token.children)


def _name_start(token: Token) -> Token:
    doc = token.doc
    start = token
    while start.i > token.sent.start and start.ent_iob_ == "I" and doc[start.i - 1].ent_type_ == token.ent_type_:
        start = doc[start.i - 1]
    return start


def _lone_other(token: Token) -> bool:
    """"one was killed and (the) other was injured", "killing one and wounding the other": a bare singular
    "other" as a subject (or, with "the", as the object) is one person; so is "and other injured", parsed as a
    modifier of the elided verb."""
    if token.lower_ == "other" and token.dep_ == "amod" and token.head.i == token.i + 1 \
            and token.head.pos_ == "VERB" and token.head.lower_ in _BARE_CASUALTY:
        return token.i > 0 and token.doc[token.i - 1].lower_ == "and"
    if token.lower_ != "other" or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    if token.dep_ == "dobj" and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False  # "killed other": no person of its own
    if any(c.dep_ in ("nummod", "quantmod") for c in token.children) or token.i > 0 and token.doc[token.i - 1].like_num:
        return False  # "four other were wounded": the unit of a count
    return all(c.lower_ == "the" for c in token.children if c.dep_ == "det")


def _singular_kind(token: Token) -> str | None:
    """Casualty kind of a singular victim: its own predicate ("and another were injured", "another injured",
    "a civilian and 5 policemen hurt"), else the verb it is the subject or object of ("a soldier was killed",
    "left a policeman dead"); never the agent of an active verb ("a gunman killed ...")."""
    if _is_part(token):
        return None  # "three soldiers, including a colonel, were killed": inside another count
    state = next((c for c in token.children if c.dep_ == "amod" and c.i < token.i
                  and c.lower_ in _CASUALTY_STATES | {"killed"}), None)
    if state is not None:
        return casualty_kind(state)  # "a killed guard", "a wounded officer"
    doc = token.doc
    j = token.i + 1
    while j < token.sent.end and j <= token.i + 3 and doc[j].lower_ in _LINKING - {"others", "other", "more", "people", "persons"}:
        j += 1
    if (j < token.sent.end and doc[j].lower_ in _BARE_CASUALTY and doc[j].pos_ in ("VERB", "ADJ")
            and not any(c.dep_ == "dobj" for c in doc[j].children)):
        return casualty_kind(doc[j])
    base = _conj_base(token)  # "three civilians and a soldier were killed": the soldier is the subject too
    if base.dep_ not in ("nsubjpass", "dobj", "nsubj"):
        return None
    head = base.head
    kind = casualty_kind(head)
    if kind is None and base.dep_ == "dobj":
        return next((casualty_kind(c) for c in head.children  # "left a policeman dead"
                     if c.dep_ in ("oprd", "acomp") and c.lower_ in _BARE_CASUALTY), None)
    if kind is None and base.dep_ == "nsubjpass" and head.lemma_.lower() not in _TAKING_VERBS:
        # "a resident was shot and wounded": a conjoined passive verb sharing the subject (not the fate of one
        # taken: "was kidnapped and later executed" tells of a hostage)
        kind = next((casualty_kind(c) for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     and casualty_kind(c) is not None and not any(d.dep_.startswith("nsubj") for d in c.children)), None)
    elided = head.lower_ in ("hurt", "wounded", "injured") and not any(c.dep_ == "dobj" for c in head.children)
    if (kind is not None and base.dep_ == "nsubj" and head.lemma_.lower() not in ("die", "perish")
            and token.lower_ != "another" and not elided):
        return None  # the agent of an active verb; "... and a civilian and 5 policemen hurt" is an elided passive
    return kind


def sentence_tolls(sent: Span) -> list[Toll]:
    """Every killed/wounded count in a sentence (parts included, flagged)."""
    tolls = _tolls_from_numbers(sent)
    taken = {t.i for t in sent if any(t.idx <= toll.start < t.idx + len(t.text) + 1 for toll in tolls)}
    # the counted noun itself ("5 US soldiers"), not a namesake elsewhere in the sentence ("and a soldier")
    unit_tokens = {tok.i for tok in sent for toll in tolls
                   if toll.unit and tok.lemma_.lower() == toll.unit and 0 <= tok.idx - toll.end <= 30}
    tolls = tolls + _singular_victims(sent, taken | unit_tokens, tolls)
    tolls = _vague_subsets([toll for toll in tolls if not _only_attempted(sent, toll)])
    return tolls + _same_number(sent, tolls)


_BARE_VAGUE = frozenset({"many", "several", "some", "most"})


def _vague_subsets(tolls: list[Toll]) -> list[Toll]:
    """"13 injured in the bombing, many suffered serious injuries": a bare vague count after an exact count of
    its kind tells of some of those counted (a part), not of more victims."""
    exact = [t for t in tolls if not t.part and t.bounds.min is not None and t.bounds.min == t.bounds.max]
    return [replace(t, part=True) if t.unit is None and t.text.lower() in _BARE_VAGUE
            and any(e.kind == t.kind and e.end <= t.start for e in exact) else t for t in tolls]


def _only_attempted(sent: Span, toll: Toll) -> bool:
    """"Gunmen tried to assassinate the governor", "an attempt to kill two judges", "plotted to kill the mayor":
    the victim of a killing that was only tried, planned or threatened is no toll (the attempt may have failed)."""
    phrase = sent.doc.char_span(toll.start, toll.end, alignment_mode="expand")
    if phrase is None:
        return False
    verb = phrase.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    if verb.pos_ != "VERB":
        return False
    if any(c.dep_ == "xcomp" and is_attempted(c) for c in verb.children):
        return True  # "two men attempted to kill the chief": the would-be killers, whom the climb reached
    return is_attempted(verb)


_APPROXIMATE = frozenset({"around", "about", "roughly", "approximately", "nearly"})


def _same_number(sent: Span, tolls: list[Toll]) -> list[Toll]:
    """"killing 15 and wounding the same number": "the same number" repeats the sentence's count of the other
    kind."""
    found: list[Toll] = []
    for token in sent:
        if token.lemma_.lower() != "number" or not any(c.dep_ == "amod" and c.lower_ == "same" for c in token.children):
            continue
        kind = _singular_kind(token)
        if kind is None and token.dep_ == "pobj" and token.head.lower_ in _APPROXIMATE:
            kind = casualty_kind(token.head.head)  # "injuring around the same number", "around" read as a preposition
        other = [t.bounds for t in tolls if t.kind != kind and not t.part]
        if kind is None or not other:
            continue
        start = min(c.idx for c in token.children if c.dep_ in ("det", "amod"))
        end = token.idx + len(token.text)
        found.append(Toll(kind, add_bounds(other), start, end, doc_text(sent.doc)[start:end], None))
    return found


def event_tolls(sents: list[Span]) -> dict[str, tuple[Bounds, list[Toll]]]:
    """Per kind: the total (sum within a sentence, largest across sentences) and the counts behind it."""
    best: dict[str, tuple[Bounds, list[Toll]]] = {}
    for sent in sents:
        # a headline and the lead the splitter ran into one sentence are two statements of one toll
        # ("13 police killed in attack\nAt least 13 police officers were killed..."): lines do not add up
        by_kind: dict[tuple[str, int], list[Toll]] = {}
        for toll in sentence_tolls(sent):
            line = doc_text(sent.doc).count("\n", sent.start_char, toll.start)
            by_kind.setdefault((toll.kind, line), []).append(toll)
        for (kind, _), tolls in by_kind.items():
            wholes = _drop_restated([t for t in tolls if not t.part] or tolls[:1])
            total = add_bounds([t.bounds for t in wholes])
            current = best.get(kind)
            if current is None or _larger(total, current[0]):
                best[kind] = (total, tolls)
    return best


_GENERIC_UNITS = frozenset({None, "people", "person", "other", "others", "civilian", "civilians"})


def _drop_restated(tolls: list[Toll]) -> list[Toll]:
    """"five were killed when a bomb went off, killing five": one sentence stating the same exact count of
    one kind twice (the second without a unit of its own, or the same unit) counts it once. Different
    victims ("3 soldiers and 3 policemen") keep their distinct units and add up."""
    kept: list[Toll] = []
    for toll in tolls:
        exact = toll.bounds.min is not None and toll.bounds.min == toll.bounds.max
        if any(prev.kind == toll.kind and _restates(prev, toll, exact) for prev in kept):
            continue
        kept.append(toll)
    return kept


_BARE_PEOPLE = frozenset({None, "people", "person", "persons"})


def _restates(prev: Toll, toll: Toll, exact: bool) -> bool:
    if exact and prev.bounds == toll.bounds:
        return _same_victims(prev, toll)
    # "14 people were killed when ... killing at least 14 officers": the same lower bound, one unit bare
    return (prev.bounds.min is not None and prev.bounds.min == toll.bounds.min
            and (prev.unit in _BARE_PEOPLE) != (toll.unit in _BARE_PEOPLE) and toll.start - prev.end > 20)


def _same_victims(a: Toll, b: Toll) -> bool:
    if (a.unit in _BARE_PEOPLE) != (b.unit in _BARE_PEOPLE) and b.start - a.end > 20:
        return True  # "14 people were killed when ... killing 14 police officers": the people, named later
    if a.unit == b.unit:
        return a.unit in _GENERIC_UNITS or b.start - a.end > 40  # "3 soldiers and 3 soldiers" is no coordination
    return b.unit is None or a.unit is None


def _larger(a: Bounds, b: Bounds) -> bool:
    value_a = a.min if a.min is not None else a.max or 0
    value_b = b.min if b.min is not None else b.max or 0
    return value_a > value_b
