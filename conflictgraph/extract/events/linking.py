"""Who did it and to whom: link actor mentions to an event (issue 3).

Each mention's head climbs through noun modifiers ("al-Shabaab militants",
"fighters of the Islamic State") to the word that fills a verb slot, and the
verb decides the link:

========================================  ==========================  =============
pattern                                   link                        certainty
========================================  ==========================  =============
X claimed (responsibility for) ...        claimed (``claimed_by``)    asserted
responsibility / the attack was claimed by X
X denied (responsibility / involvement)   denied (``denied_by``)      negated
... blamed the attack on X, accused X,    blamed                      reported
X is suspected, suspected X militants     suspected                   speculative
X (militants) attacked / bombed / killed  stated                      asserted
an attack by X, a X attack, X's attack
X hijacked / ambushed / derailed ...      stated                      asserted
"<killing noun>" of a possessor           target ("the mayor's murder")
trigger's object, "an attack on X"        target
========================================  ==========================  =============

A lone armed group in the event's sentences that fills no slot is linked as
``context`` (speculative) when no other perpetrator is found.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from conflictgraph.extract.doccache import doc_text
from conflictgraph.extract.events.rules import (
    ACTION_VERBS,
    BLAME_VERBS,
    CLAIM_VERBS,
    DENY_VERBS,
    PERP_NOUNS,
    casualty_kind,
    lexicon,
)
from conflictgraph.models import Mention

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_NOT_PERPETRATOR = frozenset({"population"})
_HOPS = 4
# "the al-Qaeda-affiliated X", "an Iran-backed X": the first group is X's patron, not a doer.
_PATRON_WORDS = frozenset({"affiliated", "backed", "linked", "allied", "aligned", "inspired", "funded", "sponsored", "supported"})
# Parts of a group that stand for it like PERP_NOUNS do: "guerrillas from a front of X", "the armed wing of X".
_GROUP_PARTS = frozenset({"front", "wing", "cadre", "column", "branch", "brigade", "battalion", "group", "organization", "cult"})
# Nouns whose possessor is the victim ("the minister's murder", "his assassination"), not the doer as in
# "IS's attack".
_VICTIM_NOUNS = frozenset({"murder", "killing", "assassination", "death", "kidnapping", "abduction", "execution", "beheading", "injury"})
# Verbs of violent acts that are not attack triggers of their own ("rebels hijack a plane", "militants derail a
# train", "X set off a bomb"): their subject is the doer, as for ACTION_VERBS.
_DOER_VERBS = frozenset({
    "hijack", "seize", "set", "ambush", "massacre", "derail", "rob", "kidnap", "abduct", "assassinate", "raid",
    "occupy", "capture", "bomb", "burn", "blow", "shoot", "throw", "execute", "murder", "behead", "besiege",
})


@dataclass(frozen=True, slots=True)
class Link:
    actor: str
    link: str  # claimed, denied, blamed, suspected, stated, target, context
    certainty: str
    start: int
    end: int
    text: str
    kind: str = "unknown"


def _is_trigger(token: Token) -> bool:
    lex = lexicon()
    key = token.lemma_.lower()
    return (key in lex.words and lex.words[key].type in ("attack", "battle")) or casualty_kind(token) is not None


def _suspected(token: Token) -> bool:
    return any(c.lower_ in ("suspected", "alleged", "presumed", "suspect") for c in token.children)


_MEMBER_WORDS = frozenset({"belong", "belonging", "loyal", "affiliate", "affiliated", "associate", "associated", "allied", "tie", "tied"})


def _member_phrase(token: Token) -> bool:
    """``token`` is X in "<noun> belonging / loyal / affiliated / associated / tied to X"."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("to", "with"):
        return False
    word = prep.head
    return (word.lemma_.lower() in _MEMBER_WORDS or word.lower_ in _MEMBER_WORDS) and word.head.pos_ in ("NOUN", "PROPN") and word.head != word


# Words for a body of people a name can qualify ("members of the X tribe", "fighters of the X network").
_COLLECTIVES = frozenset({"tribe", "clan", "community", "militia", "network", "faction", "cell", "unit", "movement",
                          "party", "family", "army", "force", "forces", "coalition", "alliance"})


def _stands_for_group(token: Token, root: Token) -> bool:
    """The word reached is the group itself or a part of it ("fighters of X", "a front of X"), not a thing X
    only qualifies: "identified the attacker from CCTV footage" names no attacker's group."""
    return token == root or token.pos_ == "PROPN" or token.lemma_.lower() in PERP_NOUNS | _GROUP_PARTS | _COLLECTIVES


def _climb_noun(root: Token) -> tuple[Token, bool]:
    """From a mention's head to the noun filling a slot; whether "suspected" qualifies it."""
    token = root
    suspected = _suspected(token)
    for _ in range(_HOPS):
        if token.dep_ in ("compound", "amod", "poss", "nmod", "appos", "npadvmod") and token.head != token:
            if (token.dep_ == "poss" or (token.dep_ == "compound" and token.head.lemma_.lower() not in PERP_NOUNS)) \
                    and _is_trigger(token.head):
                return token, suspected  # "IS's attack", "a FARC attack", "rebels ambush" parsed as a noun
            if token.dep_ in ("poss", "pobj") and token.head.dep_ == "appos":
                return token.head, suspected  # "JNIM, al-Qaeda's affiliate": a description of another actor
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in ("of", "from", "with", "linked") \
                and token.head.head.lemma_.lower() in PERP_NOUNS | _GROUP_PARTS and _stands_for_group(token, root):
            token = token.head.head
        elif token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN") and token.head != token:
            token = token.head  # "an attack by X and Y", "guerrillas of the X and Y": Y shares X's slot
        elif _member_phrase(token):
            token = token.head.head.head  # "a bomber belonging to X", "gunmen loyal to X": the attackers are X's
        elif _named_doer(token) is not None:
            token = _named_doer(token)  # "a suicide bomber named X blew himself up": X is the bomber
        else:
            break
        suspected = suspected or _suspected(token)
    return token, suspected


_NAMING_VERBS = frozenset({"name", "identify", "call"})


def _named_doer(token: Token) -> Token | None:
    """The doer noun a name is given to: "a bomber named X", "a gunman identified as X" (the naming participle
    qualifies the doer noun)."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "as" else token.head
    if token.dep_ not in ("oprd", "dobj", "attr", "pobj") or verb.lemma_.lower() not in _NAMING_VERBS:
        return None
    if verb.dep_ != "acl" or verb.head.lemma_.lower() not in DOER_NOUNS:
        return None
    return verb.head


def _by_governor(by: Token) -> Token:
    """What "by X" qualifies; a "by" the parser hung on a place noun after a passive verb ("was shot outside a
    mosque by X") belongs to that verb."""
    word = by.head
    for _ in range(_HOPS + 1):
        if word.pos_ in ("VERB", "AUX") or _is_trigger(word) or word.head == word:
            break
        word = word.head
        if word.pos_ == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass") for c in word.children):
            return word
        if word.pos_ != "ADP" and word.pos_ not in ("NOUN", "PROPN"):
            break
    return by.head


def _governor(noun: Token) -> tuple[Token | None, str]:
    """The verb or trigger noun the noun depends on, and the slot (subject, agent, object, on, poss, modifier)."""
    dep = noun.dep_
    head = noun.head
    if dep == "pobj" and head.lower_ == "by":
        return _by_governor(head), "agent"
    if dep == "pobj" and head.lower_ in ("on", "against", "targeting", "at"):
        owner = head.head
        if head.lower_ == "on" and owner.dep_ == "dobj" and owner.head.lemma_.lower() in BLAME_VERBS:
            return owner.head, "on"  # "blamed the bombing on X": the parser may hang "on X" on the attack noun
        return owner, "on"
    if dep == "pobj" and head.lower_ in ("for", "to") and head.head.lemma_.lower() in ("responsibility", "blame"):
        return head.head.head, "on"
    if dep == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "attribute":
        return head.head, "on"  # "an attack attributed to X", "the bombing was attributed to X"
    if dep in ("nsubj", "csubj"):
        return head, "subject"
    if dep in ("dobj", "nsubjpass", "attr", "oprd"):
        return head, "object"
    if dep == "compound" and head.pos_ == "VERB":
        return head, "subject"  # "the ADF attack a base": a plural subject the parser took for a compound
    if dep == "poss" or dep == "compound":
        return head, "modifier"
    return None, ""


def _link_for(verb: Token, slot: str, suspected: bool) -> tuple[str, str] | None:
    lemma = verb.lemma_.lower()
    children = {c.lemma_.lower() for c in verb.children}
    if lemma in CLAIM_VERBS and slot == "subject":
        return "claimed", "asserted"
    if lemma in ("responsibility", *CLAIM_VERBS) and slot == "agent":  # "the bombing was claimed by X"
        return "claimed", "asserted"
    if lemma in DENY_VERBS and slot == "subject":
        return "denied", "negated"
    if lemma in BLAME_VERBS and slot in ("object", "on"):
        return ("suspected", "speculative") if lemma in ("suspect", "believe") else ("blamed", "reported")
    if lemma == "be" and slot == "subject" and children & {"responsible", "behind"}:
        return "stated", "asserted"
    if slot == "agent" and lemma in _DEED_VERBS and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in BLAME_VERBS:
        return "suspected", "speculative"  # "the attack is suspected / believed to have been done by X"
    if _is_trigger(verb) or lemma in ACTION_VERBS or (lemma in _DOER_VERBS and verb.pos_ == "VERB"):
        if slot in ("subject", "agent", "modifier"):
            if verb.pos_ == "NOUN" and slot == "subject":
                return None
            if slot == "modifier" and verb.pos_ != "NOUN":
                return None
            return ("suspected", "speculative") if suspected else ("stated", "asserted")
        if slot in ("object", "on"):
            return "target", "asserted"
    return None


# Nouns for the one who did it, whose identity a sentence may state ("the bomber belonged to X", "the shooter
# was a X militant", "the attacker was identified as a member of X").
DOER_NOUNS = PERP_NOUNS | frozenset({"shooter", "perpetrator", "culprit", "stabber", "killer", "assassin", "hijacker"})
# Nouns that name people by the attack they make: their group modifier is the perpetrator in any slot.
_ATTACKER_NOUNS = frozenset({"bomber", "gunman", "gunmen", "attacker", "assailant", "hijacker", "kidnapper", "assassin",
                             "sniper", "shooter"})
_IDENTITY_VERBS = frozenset({"belong", "tie", "link", "affiliate", "connect"})
# Attack nouns a state's name can modify as the one who strikes ("a US drone strike", "the Turkey offensive");
# before any other attack noun a state's name says where it happened ("the 2016 Syria bombings").
_STATE_STRIKE_NOUNS = frozenset({
    "strike", "airstrike", "raid", "offensive", "operation", "shelling", "bombardment", "incursion", "invasion",
    "crackdown", "blockade"})


# verbs of doing a deed whose "by" phrase, under a verb of suspicion, names the suspected doer
_DEED_VERBS = frozenset({"do", "carry", "commit", "perpetrate", "conduct", "stage", "launch", "mount", "orchestrate",
                         "plan", "execute"})


def _doer_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in DOER_NOUNS for c in verb.children)


def _identity_link(noun: Token) -> tuple[str, str] | None:
    """X named as who the attacker is: "the bomber belonged to X" (a verb of its own), "the shooter was a X
    militant", "the terrorist was identified as a member of X"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("to", "with") and head.head.lemma_.lower() in _IDENTITY_VERBS:
        verb = head.head
    elif noun.dep_ == "attr" and head.lemma_.lower() == "be":
        verb = head
    elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
        verb = head.head  # "was identified / described / named as"
    else:
        return None
    if noun.dep_ != "pobj" or head.lower_ == "as":
        if noun.lemma_.lower() not in DOER_NOUNS | {"member"} | _GROUP_PARTS:
            return None
    return ("stated", "asserted") if _doer_subject(verb) else None


_ALLEGIANCE = frozenset({"allegiance", "loyalty", "bay'ah", "bayah"})


def _allegiance_to(noun: Token) -> bool:
    """X in "pledged allegiance to X", "swore loyalty to X" (or, "to" left out, "pledging his allegiance X")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to":
        owner = head.head
        return owner.lemma_.lower() in _ALLEGIANCE or owner.lemma_.lower() in ("pledge", "swear") and any(
            c.lemma_.lower() in _ALLEGIANCE for c in owner.children)
    return noun.dep_ in ("dobj", "npadvmod", "appos", "dative") and (
        head.lemma_.lower() in _ALLEGIANCE
        or head.lemma_.lower() in ("pledge", "swear") and any(c.lemma_.lower() in _ALLEGIANCE for c in head.children))


def _perp_word(token: Token) -> bool:
    """"militants" even when the parser takes it for a verb ("Boko Haram militants loyal to X killed ...")."""
    lower = token.lower_
    return token.lemma_.lower() in PERP_NOUNS or lower in PERP_NOUNS or lower.endswith("s") and lower[:-1] in PERP_NOUNS


def _battle_party(noun: Token) -> bool:
    """X in "a clash with X", "a firefight against X", "fighting between the army and X": the other armed party
    of a battle is one of its actors (DESIGN.md: a battle has two armed sides), not a target."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("with", "against", "between"):
        return False
    word = head.head
    entry = lexicon().words.get(word.lemma_.lower()) or lexicon().words.get(word.lower_)
    if word.lower_ == "exchange":
        return True  # "an exchange of fire with X" (a phrase in the lexicon)
    return entry is not None and entry.type == "battle"


def _state_names_place(mention: Mention, noun: Token, verb: Token, slot: str) -> bool:
    """A state's name before an attack noun made on the ground ("the Afghanistan attack") is its place."""
    return (mention.kind == "state" and slot == "modifier" and noun.dep_ == "compound" and verb.pos_ == "NOUN"
            and verb.lemma_.lower() not in _STATE_STRIKE_NOUNS and verb.lower_ not in _STATE_STRIKE_NOUNS)


def _subordinate(verb: Token) -> bool:
    """A clause opened by "as", "while", "after", "because"... has a subject of its own: "militants raid the
    town as the SADC mission prepares to leave" (the mission does not raid)."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)


def _mention_link(doc: Doc, mention: Mention) -> tuple[str, str] | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    if any(t.head.lower_ in _PATRON_WORDS and t.head.dep_ == "amod" and t.head not in span for t in span):
        return None  # "the X-affiliated Y": X only describes Y
    # a name the parser split ("by the Front of 9 May": "May" hung elsewhere) keeps its
    # prepositional slot
    root = next((t for t in span if t.dep_ == "pobj" and t.head not in span), span.root)
    noun, suspected = _climb_noun(root)
    identity = _identity_link(noun)
    if identity is not None:
        return identity
    if _allegiance_to(noun):
        return "suspected", "speculative"  # "the attacker had pledged allegiance to X": X inspired, maybe directed it
    if mention.kind == "armed_group" and _battle_party(noun):
        return "stated", "asserted"
    verb, slot = _governor(noun)
    if verb is None or _state_names_place(mention, noun, verb, slot):
        return None
    if slot == "subject" and verb.pos_ in ("NOUN", "VERB") and _perp_word(verb):
        # "Boko Haram fighters loyal to X attacked ...", parsed with "fighters" as the root and the verb as its
        # clause: the group is the subject of that verb
        for child in verb.children:
            if child.dep_ in ("advcl", "acl", "relcl") and child.pos_ == "VERB" and child.i > verb.i:
                found = _link_for(child, "subject", suspected)
                if found is not None:
                    return found
    if noun.dep_ == "poss" and verb.pos_ == "NOUN" and verb.lemma_.lower() in _VICTIM_NOUNS:
        return "target", "asserted"
    if slot == "subject" and _says_it_did(verb):
        return "claimed", "asserted"
    return _verb_link(noun, root, verb, slot, suspected)


def _verb_link(noun: Token, root: Token, verb: Token, slot: str, suspected: bool) -> tuple[str, str] | None:
    """The link the governing verb gives the noun in its slot, or the verb above it, or a trigger below it."""
    # "the attack was claimed by X" / "X carried out the attack": also look one level up through xcomp/conj
    found = _link_for(verb, slot, suspected)
    if found is None and verb.dep_ in ("xcomp", "conj", "advcl") and slot == "subject" and not _subordinate(verb):
        found = _link_for(verb.head, slot, suspected)
    if found is None and slot == "subject" and verb.pos_ in ("VERB", "AUX"):
        for child in verb.children:
            if child.dep_ in ("xcomp", "conj", "dobj") and (_is_trigger(child) or child.lemma_.lower() in CLAIM_VERBS):
                found = _link_for(child, "subject" if child.pos_ == "VERB" else "agent", suspected)
                if found:
                    break
    if found is None and noun != root and noun.lemma_.lower() in _ATTACKER_NOUNS:
        # "troops killed four suspected X suicide bombers": whatever the verb, X names the attackers' group
        found = ("suspected", "speculative") if suspected else ("stated", "asserted")
    return found


_SAYING_VERBS = frozenset({"say", "announce", "state", "declare", "admit"})
_SELF_PRONOUNS = frozenset({"it", "they", "we"})


def _says_it_did(verb: Token) -> bool:
    """"X said it staged the attacks", "X announced that it had carried out the bombing", "X said it was behind the
    attack": a group telling that it did the deed claims it."""
    if verb.lemma_.lower() not in _SAYING_VERBS:
        return False
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "nsubj" and c.lower_ in _SELF_PRONOUNS for c in clause.children):
            continue
        lemma = clause.lemma_.lower()
        if _deed_verb(clause) or lemma in ACTION_VERBS or _is_trigger(clause) or lemma == "be" and any(
                c.lower_ in ("behind", "responsible") for c in clause.children):
            return True
    return False


def _deed_verb(verb: Token) -> bool:
    """A verb of doing a deed, also when the lemmatizer misses its past form ("staged" lemmatized as "stag")."""
    lower = verb.lower_
    return verb.lemma_.lower() in _DEED_VERBS or lower.endswith("ed") and (lower[:-1] in _DEED_VERBS
                                                                          or lower[:-2] in _DEED_VERBS)


def link_actors(doc: Doc, sents: list[Span], mentions: Sequence[Mention], battle: bool = False,
                air: bool = False) -> list[Link]:
    """Links of the mentions inside the event's sentences (one per mention, in text order). In a battle an
    armed group is one of the fighting sides even where it is the one hit ("five X militants were killed in
    the firefight"): it is linked as ``stated``, not as a target."""
    links: list[Link] = []
    bounds = [(s.start_char, s.end_char) for s in sents]
    loose: list[Mention] = []
    for mention in mentions:
        if not any(start <= mention.start < end for start, end in bounds):
            continue
        found = _mention_link(doc, mention)
        if found is None:
            loose.append(mention)
            continue
        link, certainty = found
        if link != "target" and _reacts_or_hosts(doc, mention):
            continue
        if battle and link == "target" and mention.kind == "armed_group":
            link = "stated"
        if link != "target" and mention.kind in _NOT_PERPETRATOR:
            continue
        links.append(Link(mention.actor_key, link, certainty, mention.start, mention.end, mention.text, mention.kind))
    perpetrators = [x for x in links if x.link in ("claimed", "stated", "blamed", "suspected")]
    loose = [m for m in loose if not _in_unclaimed_sentence(doc, m)]
    groups = {m.actor_key for m in loose if m.kind == "armed_group"}
    lone = _lone_group(doc, [m for m in loose if m.kind == "armed_group"])
    if not perpetrators and lone is not None:
        links.append(Link(lone.actor_key, "context", "speculative", lone.start, lone.end, lone.text, lone.kind))
    elif not perpetrators and not groups and not air:
        fallen = {m.actor_key: m for m in mentions if m.kind == "armed_group" and _fallen_fighters(doc, m)
                  and any(start <= m.start < end for start, end in bounds)}
        if len(fallen) == 1:
            # "three X militants were killed in the shooting attack", no doer named: the group whose fighters
            # died in an attack on the ground is most likely the attackers' (speculative)
            mention = next(iter(fallen.values()))
            links = [x for x in links if x.actor != mention.actor_key]  # its dead are the attackers, not targets
            links.append(Link(mention.actor_key, "context", "speculative", mention.start, mention.end, mention.text,
                              mention.kind))
    return links


def _lone_group(doc: Doc, groups: list[Mention]) -> Mention | None:
    """The one armed group these mentions name, if they name one: several names of one group count once ("GRAPO
    (First of October Resistance Group)", "Maoist rebels from the CPN-M": a name in brackets after another, or
    names qualifying the same fighters). A group the knowledge base knows stands for the others."""
    clusters: list[list[Mention]] = []
    for mention in groups:
        cluster = next((c for c in clusters if any(_same_group(doc, other, mention) for other in c)), None)
        if cluster is None:
            clusters.append([mention])
        else:
            cluster.append(mention)
    if len(clusters) != 1:
        return None
    return next((m for m in clusters[0] if m.actor_key.startswith("kb:")), clusters[0][0])


def _same_group(doc: Doc, first: Mention, later: Mention) -> bool:
    if first.actor_key == later.actor_key:
        return True
    between = doc_text(doc)[first.end:later.start]
    if re.search(r",|;|\band\b|\bor\b|\bwith\b", between):
        return False  # "X and Y", "X fighters and Y militants", "a clash between X, Y": two groups
    if re.fullmatch(r"\s*\([^()]*", between):
        return True  # "X (Y)": the name in brackets after X is its acronym or full name
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in (first, later)]
    if spans[0] is None or spans[1] is None:
        return False
    nouns = [_climb_noun(span.root)[0] for span in spans]
    return nouns[0] == nouns[1] and _perp_word(nouns[0]) and all(nouns[0] not in span for span in spans)


def _in_unclaimed_sentence(doc: Doc, mention: Mention) -> bool:
    """"X has not claimed the bombings, and neither has its rival Y": a group listed among those who made no
    claim is no likely doer ("attributed to X, although it did not claim it" still names X)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    return any(_negated_claim(t) for t in sent) and any(t.lower_ in ("neither", "nor") for t in sent)


def _negated_claim(verb: Token) -> bool:
    """"has not claimed", "no group has claimed"."""
    if verb.lemma_.lower() not in CLAIM_VERBS:
        return False
    return any(c.dep_ == "neg" or c.dep_ == "nsubj" and any(d.lower_ == "no" for d in c.children)
               for c in verb.children)


# Verbs of those who react to or report an attack: their subject is no doer ("the president condemned the
# attack", "the ministry cited the group's claim", "Putin acknowledged that Islamists carried it out").
_REACTION_VERBS = frozenset({
    "condemn", "denounce", "deplore", "decry", "mourn", "vow", "urge", "cite", "acknowledge", "say", "tell",
    "describe", "call", "pledge", "promise", "order", "visit", "express", "offer", "send", "warn", "accuse"})


def _reacts_or_hosts(doc: Doc, mention: Mention) -> bool:
    """Is the mention the subject of a reaction verb, or a base named before "-based" ("a Pakistan-based group")?"""
    if doc_text(doc)[mention.end:mention.end + 6].lower() == "-based":
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    noun = span.root
    for _ in range(_HOPS):
        if noun.dep_ in ("nsubj", "nsubjpass"):
            return noun.head.lemma_.lower() in _REACTION_VERBS and not _says_it_did(noun.head)
        if noun.dep_ not in ("compound", "appos", "flat", "conj", "amod", "poss", "nmod") or noun.head == noun:
            return False
        noun = noun.head
    return False


def _fallen_fighters(doc: Doc, mention: Mention) -> bool:
    """The mention qualifies fighters ("X militants", "fighters of X") who are the passive victims of a
    casualty word ("were killed", "died"); not the object of someone's active killing ("troops killed X
    militants": a doer is named)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    noun = span.root
    for _ in range(_HOPS):
        if _perp_word(noun) and noun not in span:
            break
        if noun.dep_ in ("compound", "amod", "nmod") or noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head if noun.dep_ != "pobj" else noun.head.head
        else:
            return False
    else:
        return False
    if not _perp_word(noun):
        return False
    base = noun
    while base.dep_ == "conj" and base.head != base:
        base = base.head
    verb = base.head
    if base.dep_ == "nsubjpass":
        return casualty_kind(verb) is not None
    return base.dep_ == "nsubj" and verb.lemma_.lower() in ("die", "perish")


# ------------------------------------------------------------ designations ---

_DESIGNATING_KINDS = frozenset({"state", "government_body", "igo", "person", "coalition"})


def _designation_slot(token: Token, trigger: Token) -> str | None:
    """"doer" or "target" of a designation: its subject or a "by" agent in its phrase designates; its object,
    passive subject, or the noun a "that X designated" / "designated by X" clause qualifies is designated."""
    while token.dep_ in ("conj", "appos") and token.head != token:
        token = token.head  # "designated A and B", "the UN and the US designated X"
    head = token.head
    while head.dep_ == "conj" and head.lower_ == "by":
        head = head.head  # "by the US and by the UN"
    if token.dep_ == "pobj" and head.lower_ == "by" and head in trigger.subtree:
        return "doer"
    if head == trigger and token.dep_ in ("nsubj", "csubj"):
        return "doer"
    if head == trigger and token.dep_ in ("dobj", "nsubjpass", "oprd"):
        return "target"
    if trigger.dep_ in ("relcl", "acl") and token in (trigger.head, trigger.head.head) \
            and (trigger.head == token or trigger.head.dep_ == "appos"):
        return "target"  # "LeT, designated by the UN", "LeT, the group that Washington designated"
    if trigger.dep_ == "conj" and head == trigger.head and token.dep_ in ("nsubj", "nsubjpass") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return "target"  # "X is led by Y and is designated by Z": the shared subject is designated
    return None


def designation_links(doc: Doc, trigger: Token, mentions: Sequence[Mention]) -> list[Link]:
    """Roles in a designation: the state or body that designates is the event's doer (``stated``), the group it
    lists is its target. Only the trigger's own slots count: a group merely named in the sentence ("the group,
    which pledged allegiance to X, was designated") is neither."""
    sent = trigger.sent
    links: list[Link] = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not sent.start_char <= mention.start < sent.end_char:
            continue
        slot = _designation_slot(span.root, trigger)
        if slot == "doer" and mention.kind in _DESIGNATING_KINDS:
            link = "stated"
        elif slot == "target" or (slot == "doer" and mention.kind == "armed_group"):
            # armed groups list no one: a group in the doer's slot is a participle's subject ("X, designated by
            # the UN, ...") the parser read as active
            link = "target"
        else:
            continue
        links.append(Link(mention.actor_key, link, "asserted", mention.start, mention.end, mention.text, mention.kind))
    return links
