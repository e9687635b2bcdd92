"""Events from one parsed document: ``conflict.EventRules.v1`` (issue 3).

Only sentences holding a trigger word (a set lookup on lemma and lower form)
or a claim cue are examined. Within a paragraph, a sentence whose trigger
points back ("the attack", "the blast"), is only a toll ("Two pilots died") or
only a claim ("X claimed responsibility") joins the last event of its family;
any other trigger opens a new event. Each event then gets its fields from its
sentences: type and subtype (the most specific trigger), date, place, tolls,
actor links, suicide flag and certainty, each with its evidence span in
``Event.details["evidence"]``.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from conflictgraph.extract.dates import MONTHS, WEEKDAYS, resolve_date
from conflictgraph.extract.doccache import doc_text, span_ents
from conflictgraph.extract.events.linking import DOER_NOUNS, Link, designation_links, link_actors
from conflictgraph.extract.events.location import (
    dateline_place,
    pick_location,
    remember_actor_spans,
    with_actor_country,
)
from conflictgraph.extract.events.roles import event_roles
from conflictgraph.extract.events.rules import (
    PLACE_LABELS,
    Trigger,
    casualty_kind,
    find_triggers,
    has_claim_cue,
    is_anaphoric,
    is_attempted,
    lexicon,
    suicide_in,
)
from conflictgraph.extract.events.tolls import event_tolls
from conflictgraph.models import Document, Event, Evidence, Mention, Place

try:
    from conflictgraph.extract.certainty import certainty_of
except ImportError:  # issue 4 not landed yet: a small cue check stands in
    certainty_of = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

NAME = "conflict.EventRules.v1"
_SPECULATIVE = frozenset({"may", "might", "could", "possibly", "allegedly", "reportedly", "suspected", "feared"})
_REPORTED = frozenset({"said", "says", "according", "reported", "told", "claimed", "confirmed"})
_DURATION = re.compile(r"\b(?:for|over|within|past|last|next)\s+(?:the\s+)?(?:\w+\s+)?(?:days|weeks|months|years|hours)\b|\b\d+\s*-?\s*(?:day|week|month|year|hour)s?(?:-long)?$", re.I)
_ASSAULT_WORDS = frozenset({"attack", "assault", "raid", "storm", "attacker", "massacre", "murder"})
_PERP_LINKS = ("claimed", "stated", "blamed", "suspected", "context")
_NEW_EVENT_CUES = frozenset({"another", "separate", "separately", "elsewhere", "meanwhile", "second", "third", "also",
                             "later", "earlier", "similar", "other"})
_FIRE_HARM_NOUNS = frozenset({"burns", "smoke", "inhalation", "asphyxiation", "suffocation"})
_HOSTAGE_NOUNS = frozenset({"hostage", "captive", "abductee", "kidnappee", "prisoner"})
# cues that mark a new event only when they qualify an event or a place ("another attack", "in other towns")
_WHICH_CUES = frozenset({"another", "other", "similar", "separate"})
_EVENT_NOUNS = frozenset({"incident", "attack", "operation", "event", "case", "place", "location", "area", "town",
                          "village", "city", "district", "province", "region", "part", "site", "occasion", "day"})


@dataclass(slots=True)
class _Group:
    """Sentences of one event while the document is read (mutable scratch, not a record)."""

    family: str
    trigger: Token
    entry: Trigger
    paragraph: int
    sents: list[Span] = field(default_factory=list)
    entries: list[tuple[Token, Trigger]] = field(default_factory=list)
    fresh: bool = False  # its first sentence marks a new event ("another", "separately", "a second")


def _paragraph_starts(text: str) -> list[int]:
    splitter = r"\n\s*\n" if "\n\n" in text or "\n \n" in text else r"\n"
    return [0] + [m.end() for m in re.finditer(splitter, text)]


def _best(entries: list[tuple[Token, Trigger]]) -> tuple[Token, Trigger]:
    return max(entries, key=lambda e: (e[1].rank, -e[0].i))


def _joins(group: _Group, entries: list[tuple[Token, Trigger]]) -> bool:
    """Does a sentence with these triggers continue ``group`` rather than start an event?"""
    token, entry = _best(entries)
    if entry.rank == 0 or is_anaphoric(token):
        return True
    if entry.subtype is None:
        return True  # a generic attack, battle or casualty word adds to the event already open
    if _responders_hit(token.sent) and not _new_places(token.sent, group):
        return True  # "When reinforcements arrived, a car bomb went off": a second device aimed at the responders
    if (_same_target(token.sent, group) or _same_doers(token) or _same_victim(token)) \
            and not _new_places(token.sent, group) \
            and not any(_marks_new_event(t) for t in token.sent):
        # "Gunmen fired on a bus. The bus was then blown up", "X tried to assassinate the governor. They detonated
        # a bomb", "Gunmen assassinated the mayor. He was shot dead": the same target, or the same doers or victim
        # told by a pronoun, in the same incident
        return True
    if not _compatible(entry.subtype, group.entry.subtype) and group.entry.subtype is not None:
        return False
    # "Three explosions hit Moscow. A bomb was detonated on a metro train...", "A bus attack killed nine. An
    # explosive charge was detonated...": the same kind of attack (or the weapon of an attack named only
    # generically) in the next sentence is the same event unless the sentence marks a new one ("another",
    # "a second", "separately")
    sent = token.sent
    if any(is_anaphoric(t) for t, _ in entries):
        return True
    cues = [t for t in sent if _marks_new_event(t)]
    return not cues or _adds_to(group, sent, cues)


_RESPONDERS = frozenset({"reinforcement", "reinforcements", "medic", "medics", "paramedic", "rescuer", "responder"})


def _responders_hit(sent: Span) -> bool:
    """Does the sentence tell of those who came to help after the first act (reinforcements, medics, rescuers)?"""
    return any(t.lemma_.lower() in _RESPONDERS or t.lower_ in _RESPONDERS for t in sent)


# things an attack is made on, which a later sentence may take up with "the" ("the vehicle", "the checkpoint")
_TARGET_NOUNS = frozenset({
    "vehicle", "car", "truck", "bus", "minibus", "van", "convoy", "train", "boat", "ship", "building", "house", "home",
    "shop", "market", "mosque", "church", "school", "hotel", "restaurant", "bar", "cafe", "station", "checkpoint",
    "post", "base", "camp", "office", "compound", "embassy", "bank", "hospital", "motorcade", "patrol",
})


def _same_target(sent: Span, group: _Group) -> bool:
    """Does the sentence take up with "the" a target the open event's sentences named ("the vehicle")?"""
    named = {t.lemma_.lower() for s in group.sents for t in s if t.pos_ == "NOUN"}
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in _TARGET_NOUNS and t.lemma_.lower() in named
               and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children) for t in sent)


_DOER_PRONOUNS = frozenset({"they", "he", "she"})


def _same_doers(token: Token) -> bool:
    """Is the trigger's act done by a personal pronoun ("They detonated a bomb"): the doers already told?"""
    verb = token if token.pos_ == "VERB" else token.head
    return verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ in _DOER_PRONOUNS for c in verb.children)


_VICTIM_PRONOUNS = frozenset({"he", "she"})


def _same_victim(token: Token) -> bool:
    """"Gunmen assassinated the mayor. He was shot dead outside his home": a person told only by a pronoun as
    the one the act was done to is the victim already named."""
    verb = token if token.pos_ == "VERB" else token.head
    return verb.pos_ == "VERB" and any(c.dep_ == "nsubjpass" and c.lower_ in _VICTIM_PRONOUNS for c in verb.children)


def _adds_to(group: _Group, sent: Span, cues: list[Token]) -> bool:
    """"Attackers drove into a market. The assailants also threw explosives", "An explosion was also heard in the
    area": "also" alone, in a sentence naming no town or region the event's sentences do not, adds another act
    to the same incident ("Gunmen also killed two people in Mosul" tells of another)."""
    return all(t.lower_ == "also" for t in cues) and not _new_places(sent, group)


def _marks_new_event(token: Token) -> bool:
    """"another bomb", "in a separate incident", "a second blast", "later": the sentence tells of another
    event. "Other" / "another" qualifying people ("three others wounded", "injuring another") is a toll."""
    if token.ent_type_ == "ORDINAL":
        return True
    lower = token.lower_
    if lower not in _NEW_EVENT_CUES:
        return False
    if lower not in _WHICH_CUES:
        return True
    head = token.head if token.dep_ in ("amod", "det", "advmod") else token
    lemma = head.lemma_.lower()
    return lemma in _EVENT_NOUNS or lemma in lexicon().words and lexicon().words[lemma].rank > 0


def _about_the_doer(sent: Span) -> bool:
    """"The bomber was identified as a member of X", "The shooter was a X militant": a sentence about the
    attacker named before ("the" + a doer noun as subject) tells more of the open event."""
    for token in sent:
        if (token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in DOER_NOUNS
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)):
            return True
    return False


def _compatible(a: str | None, b: str | None) -> bool:
    bombs = ("bombing", "suicide_bombing")
    return a == b or (a in bombs and b in bombs)


def _group_sentences(doc: Doc) -> list[_Group]:
    starts = _paragraph_starts(doc_text(doc))
    groups: list[_Group] = []
    open_groups: dict[str, _Group] = {}
    pending: list[tuple[int, Span]] = []  # claim sentences before any attack of their paragraph
    main_violence: _Group | None = None
    for sent in doc.sents:
        paragraph = bisect.bisect_right(starts, sent.start_char) - 1
        open_groups = {k: g for k, g in open_groups.items() if g.paragraph == paragraph}
        by_family = _triggers_by_family(sent)
        if not by_family:
            _add_untriggered(sent, paragraph, open_groups, pending)
            continue
        for family, entries in by_family.items():
            group = open_groups.get(family)
            back = group is None and family == "violence" and main_violence is not None \
                and _refers_back(sent, entries, main_violence)
            if back:
                group = main_violence  # "the bombing" in a later paragraph: the document's main event
            if group is not None and (back or _joins(group, entries)):
                if group.sents[-1] is not sent:
                    group.sents.append(sent)
                group.entries.extend(entries)
                continue
            group = _new_group(family, entries, sent, paragraph, group, pending)
            if family == "violence":
                pending = []
                if main_violence is None and not _background(group.trigger) and not _definite_doers_only(group):
                    main_violence = group  # the document's main event: the first one told in the foreground
            groups.append(group)
            open_groups[family] = group
    return _fold_headline(_fold_doer_groups(groups, main_violence))


def _triggers_by_family(sent: Span) -> dict[str, list[tuple[Token, Trigger]]]:
    """The sentence's event triggers by family (none looked for without a lexicon key word: it is faster)."""
    lex = lexicon()
    by_family: dict[str, list[tuple[Token, Trigger]]] = {}
    if any(t.lemma_.lower() in lex.keys or t.lower_ in lex.keys for t in sent):
        for token, entry in find_triggers(sent):
            by_family.setdefault(entry.family, []).append((token, entry))
    return by_family


def _add_untriggered(sent: Span, paragraph: int, open_groups: dict[str, _Group],
                     pending: list[tuple[int, Span]]) -> None:
    """A sentence with no trigger joins the open attack when it claims it or tells of its doer."""
    if "violence" in open_groups and (has_claim_cue(sent) or _about_the_doer(sent)):
        open_groups["violence"].sents.append(sent)
    elif "violence" not in open_groups and has_claim_cue(sent):
        # "X claimed responsibility for a suicide mission in Kabul. Two people died...": a claim told
        # before the attack's own sentence belongs to the attack that follows in the paragraph
        pending.append((paragraph, sent))


def _new_group(family: str, entries: list[tuple[Token, Trigger]], sent: Span, paragraph: int,
               previous: _Group | None, pending: list[tuple[int, Span]]) -> _Group:
    """A new event of ``family`` from ``sent``: an attack takes the claims told before it in its paragraph;
    a second one of the same family is ``fresh`` when the sentence marks it as a new event."""
    token, entry = _best(entries)
    early = [p for para, p in pending if para == paragraph] if family == "violence" and previous is None else []
    return _Group(family, token, entry, paragraph, [*early, sent], list(entries),
                  fresh=previous is not None and any(_marks_new_event(t) for t in sent))


def _definite_doers_only(group: _Group) -> bool:
    """"The attacker walked through checkpoints": only the doer of an event named elsewhere, no act of its own."""
    return all(token.lemma_.lower() in DOER_NOUNS and is_anaphoric(token) for token, _ in group.entries)


_LEAD_PARAGRAPHS = 2


def _fold_headline(groups: list[_Group]) -> list[_Group]:
    """The document's only attack in its first sentence (a headline, often run into the lead by the splitter:
    "X claims beach attack that killed 32") is the next attack of the same kind told short."""
    violence = [g for g in groups if g.family == "violence"]
    if not violence or violence[0].sents[0].start != 0:
        return groups
    headline, first = violence[0], violence[0].sents[0]
    if headline.trigger.sent != first or sum(1 for g in violence if g.trigger.sent == first) != 1:
        return groups
    line = doc_text(first.doc).split("\n", 1)[0].rstrip()
    if all(token.idx >= len(line) for token, _ in headline.entries) or line.endswith((".", "!", '"', "\u201d", ":")):
        return groups  # the first line is a sentence of the report, not a headline (which may ask a question)
    lead = next((g for g in violence[1:] if _kinds_agree(g.entry, headline.entry) and not g.fresh), None)
    if lead is None or lead.paragraph - headline.paragraph > _LEAD_PARAGRAPHS:
        return groups  # a report tells its headline's event in its first paragraphs, not in the background
    lead.sents = _merged_sents(headline, lead)
    lead.entries = [*headline.entries, *lead.entries]
    return [g for g in groups if g is not headline]


def _merged_sents(a: _Group, b: _Group) -> list[Span]:
    """The sentences of two groups, once each, in text order."""
    return sorted({s.start: s for s in [*a.sents, *b.sents]}.values(), key=lambda s: s.start)


def _kinds_agree(a: Trigger, b: Trigger) -> bool:
    return a.type == b.type and (a.subtype is None or b.subtype is None or _compatible(a.subtype, b.subtype))


def _fold_doer_groups(groups: list[_Group], main: _Group | None) -> list[_Group]:
    """Sentences about "the attacker" in another paragraph than the main event's (a summary line above the
    report) tell more of the main event."""
    if main is None:
        return groups
    kept = []
    for group in groups:
        if group is not main and group.family == "violence" and _definite_doers_only(group):
            main.sents = _merged_sents(main, group)
            main.entries.extend(group.entries)
        else:
            kept.append(group)
    return kept


# adjectives that leave "the attack" pointing back ("the deadly attack", "the latest bombing")
_PLAIN_ADJECTIVES = frozenset({"deadly", "latest", "recent", "same", "whole", "horrific", "brutal", "cowardly",
                               "heinous", "devastating", "coordinated", "twin", "double", "suicide", "early",
                               "morning", "night", "weekend", "initial", "first"})


def _refers_back(sent: Span, entries: list[tuple[Token, Trigger]], main: _Group) -> bool:
    """A sentence of a later paragraph that only points back ("the bombing", "Monday's attack", "the deadly
    blast", or a toll with no place or date of its own): it tells more of the document's main event, the
    first it tells outside a relative clause (a reaction, a claim, a funeral: a news report returns to its
    lead event; background attacks come with their own names and dates). "The 2013 Westgate attack", "the
    Bamako attack", "the attack on the embassy in 2019", "another bombing" name another event; verbs beside
    "the attack" restate it ("claimed the attack, saying its fighters had targeted officials")."""
    if all(entry.rank == 0 for _, entry in entries):
        return not any(_marks_new_event(t) for t in sent) and not any(
            ent.label_ in PLACE_LABELS or _own_date(ent) for ent in span_ents(sent))
    pointing = False
    new_places = _new_places(sent, main)
    for token, entry in entries:
        if any(_own_date(ent) and (_governs(token, ent.root) or token.dep_ == "dobj" and _governs(token.head, ent.root))
               for ent in span_ents(sent)):
            return False  # "the attack on the embassy in 2019", "launched its first attack in 2017": a date of its own
        if token.dep_ == "amod" and _points_back(token.head, entry, main, weapon=True):
            pointing = True  # "the explosive device": the weapon of the main bombing
            continue
        if not new_places and _tells_how(token, entry, sent, main):
            pointing = True  # "attacked a restaurant on Friday. ... A suicide bomber detonated explosives"
            continue
        if not new_places and _counted_doers(token):
            pointing = True  # "one attacker blew himself up", "three of the gunmen": the main event's attackers
            continue
        if entry.rank == 0 or token.pos_ in ("VERB", "ADJ") or token.dep_ == "amod" or _bare_weapon(token, entry):
            continue
        if not _points_back(token, entry, main):
            return False
        pointing = True
    return pointing


# subtypes whose weapon a later paragraph may name with an adjective trigger ("the explosive device")
_WEAPON_SUBTYPES = frozenset({"bombing", "suicide_bombing"})


_WEAPON_WORDS = frozenset({"explosive", "bomb", "grenade", "mine", "ied", "rocket", "mortar", "shell", "missile"})


_HABITUAL = frozenset({"frequently", "often", "regularly", "repeatedly", "routinely", "usually", "sometimes"})


def _tells_how(token: Token, entry: Trigger, sent: Span, main: _Group) -> bool:
    """A later sentence giving the weapon of a main event told only as "an attack", with no date of its own
    (nor a new town: the caller checks) and no plural ("bombings": a habit, not an act), tells how the main
    event was done."""
    if main.entry.subtype is not None or main.entry.type != "attack" or entry.type != "attack":
        return False
    lemma = token.lemma_.lower()
    if token.tag_ in ("NNS", "NNPS") and lemma not in _WEAPON_WORDS and lemma not in DOER_NOUNS:
        return False
    if token.tag_ in ("VBZ", "VBP") or any(c.lower_ in _HABITUAL for c in token.children):
        return False  # "the group frequently attacks hotels": what it does, not what it did
    return not any(_own_date(ent) for ent in span_ents(sent))


def _counted_doers(token: Token) -> bool:
    """"the gunmen", "one attacker", "other gunmen", "three of the attackers": attackers already known to the
    report."""
    if token.lemma_.lower() not in DOER_NOUNS and token.lower_ not in DOER_NOUNS:
        return False
    return is_anaphoric(token) or any(c.dep_ == "nummod" or c.lower_ == "other" for c in token.children) or (
        token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NUM")


def _new_places(sent: Span, main: _Group) -> bool:
    """Does the sentence name a town or region the main event's sentences do not (a building may be where in
    the main event's town it happened)?"""
    known = {ent.text.lower() for s in main.sents for ent in span_ents(s) if ent.label_ in ("GPE", "LOC")}
    return any(ent.label_ in ("GPE", "LOC") and ent.text.lower() not in known for ent in span_ents(sent))


def _bare_weapon(token: Token, entry: Trigger) -> bool:
    """"12 kilogrammes of explosives": a weapon told without an article names no event of its own."""
    return entry.subtype in _WEAPON_SUBTYPES and token.pos_ == "NOUN" and token.dep_ == "pobj" \
        and not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in token.children)


def _points_back(token: Token, entry: Trigger, main: _Group, weapon: bool = False) -> bool:
    """"the attack", "the deadly bombing" (not "the Bamako attack", "the 2015 attack"), of the main event's kind;
    with ``weapon``, the noun an attack adjective qualifies ("the explosive device")."""
    if not is_anaphoric(token) or entry.type != "attack" or weapon and entry.subtype not in _WEAPON_SUBTYPES:
        return False
    if any(c.dep_ in ("compound", "nmod", "nummod") or c.dep_ == "amod" and c.lower_ not in _PLAIN_ADJECTIVES
           and not (weapon and c.lemma_.lower() in lexicon().words) for c in token.children):
        return False
    return entry.subtype is None or main.entry.subtype is None or _compatible(entry.subtype, main.entry.subtype)


def _governs(token: Token, other: Token, hops: int = 3) -> bool:
    """Is ``token`` among the first few heads above ``other`` (the date hangs on the attack word or its phrase)?"""
    for _ in range(hops):
        if other.head == other:
            return False
        other = other.head
        if other == token:
            return True
    return False


def _background(token: Token) -> bool:
    """An attack word inside a relative clause or a partitive ("X, which has carried out some of the deadliest
    bombings", "one of the attacks"), or an infinitive: background to an actor or an intent, not the event
    later sentences point back to."""
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # "its policy was not to attack mosques", "vowed to attack": no event told
    node = token
    for _ in range(6):
        if node.dep_ in ("relcl", "acl") or node.dep_ == "pobj" and node.head.lower_ == "of" and \
                node.head.head.lower_ in ("some", "one", "many", "several", "most", "all", "any"):
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def _own_date(ent: Span) -> bool:
    """A date entity that names a day of its own (not only the weekday of the event already told)."""
    return ent.label_ == "DATE" and not _weekday_only(ent)


def _weekday_only(ent: Span) -> bool:
    """"Monday's", "on Thursday": a weekday names the day of the event already told, not another event."""
    return all(t.lower_.rstrip("'s’") in WEEKDAYS or t.is_punct or t.lower_ in ("'s", "’s") for t in ent)



def _type_and_subtype(group: _Group) -> tuple[str, str | None, Token]:
    entries = group.entries
    if group.family != "violence":
        token, entry = _best(entries)
        return entry.type, entry.subtype, token
    attacks = _acts_over_doers([e for e in entries if e[1].type == "attack"])
    battles = [e for e in entries if e[1].type == "battle"]
    best_attack = _best(attacks) if attacks else None
    if battles and (best_attack is None or best_attack[1].rank <= _best(battles)[1].rank):
        token, _ = _best(battles)
        return "battle", None, token
    token, entry = best_attack  # type: ignore[misc]
    if entry.subtype == "assassination":
        token, entry = _by_explosive(attacks) or best_attack
    return "attack", entry.subtype, token


# Explosive methods: how an attack was carried out, which its kind follows rather than its aim.
_EXPLOSIVE_SUBTYPES = frozenset({"bombing", "suicide_bombing", "shelling", "airstrike", "drone_strike"})


def _by_explosive(attacks: list[tuple[Token, Trigger]]) -> tuple[Token, Trigger] | None:
    """"A bomb killed the minister in an assassination attempt", "a judge survived an assassination attempt when
    a parked car exploded": the explosive names the method, the assassination only its aim. ACLED codes the
    method ("Remote explosive"), and the wiki list files such events as bombings: the explosive word wins."""
    explosive = [e for e in attacks if e[1].subtype in _EXPLOSIVE_SUBTYPES]
    return _best(explosive) if explosive else None


# Victims who are not fighters: a "battle" whose every casualty is one of these was a one-sided attack.
_CIVILIAN_UNITS = frozenset({"civilian", "villager", "resident", "passenger", "worshipper", "worshiper", "student",
                             "child", "woman", "farmer", "worker", "shopper", "pilgrim", "pupil", "teacher",
                             "villagers", "herder", "fisherman", "trader", "tourist"})


def _civilians_only(breakdowns: dict) -> bool:
    units = [item["unit"] for items in breakdowns.values() for item in items if not item["part"]]
    return bool(units) and all(unit in _CIVILIAN_UNITS for unit in units)


def _one_sided(group: _Group) -> tuple[str, str | None, Token] | None:
    """"Gunmen attacked the village and clashed with police; six villagers were killed": when every victim
    is a civilian, the violence was an attack on them (ACLED "Violence against civilians"), not a battle."""
    attacks = [e for e in group.entries if e[1].type == "attack" and e[1].rank > 0]
    if not attacks:
        return None
    token, entry = _best(attacks)
    return "attack", entry.subtype, token


_DOER_TRIGGERS = frozenset({"gunman", "gunmen"})


def _acts_over_doers(attacks: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """"Gunmen set the school on fire": "gunmen" says who did it, the act says what was done. A doer noun
    yields to any specific act word of the event (ranked 3 or more); alone it still means an armed assault."""
    acts = [e for e in attacks if e[0].lower_ not in _DOER_TRIGGERS and e[1].rank >= 3]
    if not acts:
        return attacks
    return [e for e in attacks if e[0].lower_ not in _DOER_TRIGGERS]


def _assault_like(group: _Group, links: list[Link], tolls: dict) -> bool:
    """An attack named only generically ("attacked", "an attack", "killed") by an armed actor, on people (it has a
    toll) or on someone's life ("tried to kill the mayor"), with no explosive, air or fire word: GTD's and ACLED's
    default, an armed assault (flagged as inferred)."""
    lemmas = {token.lemma_.lower() for token, _ in group.entries}
    if lemmas & _ASSAULT_WORDS or tolls or _tried_killing(group):
        return True
    return any(x.link in ("stated", "claimed", "suspected", "blamed") for x in links)


def _tried_killing(group: _Group) -> bool:
    """"Rebels tried to kill the mayor": an attempt on someone's life is an attack, though no one died."""
    return any(is_attempted(token, tried_only=True) for token, _ in group.entries)


def _killed_besides_hostages(group: _Group, breakdowns: dict) -> bool:
    """Some of the dead are not the hostages ("killed six policemen and abducted five", not "the hostages
    were executed" nor "executed seven people after kidnapping 40": an execution is the fate of those held)."""
    doc = group.trigger.doc
    return any(not item["part"] and item["unit"] not in _HOSTAGE_NOUNS and not _executed(doc, item)
               for item in breakdowns.get("killed", ()))


_EXECUTING_VERBS = frozenset({"execute", "behead", "decapitate"})


def _executed(doc: Doc, item: dict) -> bool:
    """Is the count the object (or passive subject) of a verb of execution ("executed 17 people", "seven were
    beheaded")?"""
    span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(3):
        if token.pos_ == "VERB" or token.head == token:
            break
        token = token.head
    return token.pos_ == "VERB" and token.lemma_.lower() in _EXECUTING_VERBS


_TAKING_VERBS = frozenset({"kidnap", "abduct"})
# verbs that tell a killing as an act of its own; "executed", "beheaded" tell the fate of hostages held
_KILLING_VERBS = frozenset({"kill", "murder", "shoot"})


def _kidnapped_then_killed(group: _Group) -> bool:
    """"Rebels kidnapped a shopkeeper and later shot him dead", "was abducted and killed", "killed a farmer whom
    they had kidnapped": the victim taken was then killed, and the killing is the graver act (as when others
    are killed besides the hostages)."""
    for token, _ in group.entries:
        if token.lemma_.lower() not in _TAKING_VERBS or token.pos_ != "VERB":
            continue
        linked = [c for c in token.children if c.dep_ in ("conj", "dep")]
        if token.dep_ == "conj":
            linked.append(token.head)  # "shot a guard and abducted the owner"
        if token.dep_ == "relcl":
            linked.append(token.head.head)  # the verb whose object the relative clause qualifies
        if any(t.pos_ == "VERB" and t.lemma_.lower() in _KILLING_VERBS for t in linked):
            return True
    return False


# GTD's assassination: an attack meant to kill a chosen person. Two things the reports say mark a lone victim as
# chosen rather than met at random: a leader of civil society ("a social leader", "a community leader", the
# victims of the targeted killings of activists), and a person killed as a suspected informer. Officials and
# officers shot dead are not marked: the wiki list files most of them as shootings.
_CIVIC_QUALIFIERS = frozenset({"social", "communal", "community", "youth"})
_INFORMER_NOUNS = frozenset({"informer", "informant"})
_ACCUSING_WORDS = frozenset({"accuse", "accused", "suspect", "suspected", "suspicion", "blame", "blamed"})


def _targeted_killing(group: _Group, values: dict) -> bool:
    """"A social leader was shot dead", "rebels killed a farmer they accused of being a police informer": one
    person killed for who he was (or a victim the report counts in no number: "executed him")."""
    killed = values.get("killed")
    if killed is not None and (killed.min != 1 or killed.max != 1):
        return False
    return any(_civic_leader(token) or _accused_informer(token) for sent in group.sents for token in sent)


def _civic_leader(token: Token) -> bool:
    return token.lemma_.lower() == "leader" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in _CIVIC_QUALIFIERS for c in token.children)


def _accused_informer(token: Token) -> bool:
    """"accused of being a police informer", "on the suspicion of being an informer", "suspected him to be an
    informant" (not "killed two police informers": the victims' trade, not a charge against them)."""
    if token.lemma_.lower() not in _INFORMER_NOUNS:
        return False
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        node = node.head
        if node.lemma_.lower() in _ACCUSING_WORDS or node.lower_ in _ACCUSING_WORDS:
            return True
    return False


def _named_arson(group: _Group) -> bool:
    """"One person was killed in an arson attack": the report names the act itself as arson."""
    return any(token.lemma_.lower() == "arson" for token, _ in group.entries)


def _fire_casualties(group: _Group) -> bool:
    """The fire itself killed or hurt ("burned alive", "burnt to death", "died in the blaze", "suffered burns")."""
    for sent in group.sents:
        for token in sent:
            lower = token.lower_
            if lower == "alive" or lower in _FIRE_HARM_NOUNS and token.pos_ == "NOUN":
                return True
            if lower == "death" and token.head.lower_ == "to" and token.head.head.lemma_.lower() in ("burn", "torch"):
                return True
            if (lower in ("fire", "blaze", "flames") and token.dep_ == "pobj" and token.head.lower_ in ("in", "by", "from")
                    and any(casualty_kind(t) is not None for t in sent)):
                return True  # "37 people died in the fire", "were killed in the blaze"
    return False


def _certainty(sent: Span, trigger: Token) -> tuple[str, str | None]:
    if certainty_of is not None:
        return certainty_of(sent, trigger)
    words = {t.lower_ for t in sent}
    if words & _SPECULATIVE:
        return "speculative", None
    if words & _REPORTED:
        return "reported", None
    return "asserted", None


def _span_dict(start: int, end: int, text: str) -> dict:
    return {"start": start, "end": end, "text": text}


def _date(group: _Group, published: str | None) -> tuple[str | None, str | None, str, dict | None]:
    """(value, surface text, precision, evidence) from the first dated expression of the event, or a later one
    that refines it ("2016 Brussels bombings: On 22 March 2016, ...", "in April 1999. The first bombing occurred
    on 17 April": a day within the first year or month is the same date, told more precisely)."""
    fallback: tuple[str | None, str | None, str, dict | None] = (None, None, "unresolved", None)
    found: tuple[str | None, str | None, str, dict | None] | None = _possessive_date(group, published)
    if found is not None:
        return found
    for sent in group.sents:
        for ent in span_ents(sent):
            if ent.label_ != "DATE" or _DURATION.search(ent.text):
                continue
            ent = _with_leading_day(ent)
            value, precision = resolve_date(ent.text, published)
            evidence = _span_dict(ent.start_char, ent.end_char, ent.text)
            if value is not None:
                if found is None or _refines(value, precision, found[0], found[2]):
                    found = (value, ent.text, precision, evidence)
                if precision == "day":
                    return found
            elif fallback[1] is None:
                fallback = (None, ent.text, "unresolved", evidence)
    return found if found is not None else fallback


def _possessive_date(group: _Group, published: str | None) -> tuple[str, str, str, dict] | None:
    """A date owning the attack word ("Monday's suicide bombing", "last week's attack") dates the event
    itself, whatever other dates the sentence gives its report ("on Thursday revised the toll from ...")."""
    triggers = [token for token, _ in group.entries] + [group.trigger]
    for sent in group.sents:
        for ent in span_ents(sent):
            if ent.label_ != "DATE" or ent.root.dep_ != "poss" or not any(ent.root.head == t for t in triggers):
                continue
            value, precision = resolve_date(ent.text, published)
            if value is not None:
                return value, ent.text, precision, _span_dict(ent.start_char, ent.end_char, ent.text)
    return None


def _with_leading_day(ent: Span) -> Span:
    """A day number the model left out of a date ("25 August 2003 Mumbai bombings": DATE "August 2003")
    belongs to it when the entity opens with a month name."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > ent.sent.start else None
    if before is not None and before.text.isdigit() and len(before.text) <= 2 and ent[0].lower_.rstrip(".") in MONTHS \
            and 1 <= int(before.text) <= 31:
        return doc[ent.start - 1:ent.end]
    return ent


_PRECISION_ORDER = {"year": 0, "month": 1, "week": 2, "day": 3}


def _refines(value: str, precision: str, first: str | None, first_precision: str) -> bool:
    """Is ``value`` a finer date inside ``first`` ("2016-03-22" inside "2016" or "2016-03")?"""
    finer = _PRECISION_ORDER.get(precision, -1) > _PRECISION_ORDER.get(first_precision, 3)
    return finer and first is not None and precision != "week" and value.startswith(first)


def _toll_fields(group: _Group) -> tuple[dict, dict, dict]:
    """(values, evidence, breakdowns) for killed and wounded."""
    values: dict = {}
    evidence: dict = {}
    breakdowns: dict = {}
    for kind, (total, tolls) in event_tolls(group.sents).items():
        values[kind] = total
        first = min(tolls, key=lambda t: t.start)
        last = max(tolls, key=lambda t: t.end)
        text = doc_text(group.trigger.doc)
        evidence[kind] = _span_dict(first.start, last.end, text[first.start:last.end])
        breakdowns[kind] = [
            {"text": t.text, "min": t.bounds.min, "max": t.bounds.max, "unit": t.unit, "part": t.part, "start": t.start, "end": t.end}
            for t in tolls
        ]
    return values, evidence, breakdowns


def _actor_fields(links: list[Link]) -> dict:
    perps = [x for x in links if x.link in _PERP_LINKS]
    return {
        "perpetrators": tuple(dict.fromkeys(x.actor for x in perps)),
        "claimed_by": tuple(dict.fromkeys(x.actor for x in links if x.link == "claimed")),
        "denied_by": tuple(dict.fromkeys(x.actor for x in links if x.link == "denied")),
        "targets": tuple(dict.fromkeys(x.actor for x in links if x.link == "target")),
    }


def _location(group: _Group, document: Document) -> tuple[Place | None, dict | None]:
    located = pick_location(group.sents, group.trigger)
    if located is not None:
        return located.place, _span_dict(located.start, located.end, located.text)
    dateline = dateline_place(document.text)
    if dateline is not None:
        place, start, end = dateline
        return place, _span_dict(start, end, document.text[start:end])
    return None, None


def _evidence(group: _Group, text: str) -> tuple[Evidence, ...]:
    out = []
    for sent in group.sents:
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Evidence(start, end, text[start:end]))
    return tuple(out)


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "conj", "ccomp", "parataxis"})


def _clause_head(trigger: Token) -> Token:
    """The verb whose clause a noun trigger belongs to ("signed a peace agreement in Havana": signed)."""
    token = trigger
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            break
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else trigger


def _in_clause(trigger: Token, evidence: dict | None, values: tuple, same_sentence_only: bool = False) -> tuple:
    """``values`` when ``evidence`` lies in the trigger's own clause, else as many Nones: a designation's
    sentence often dates or places something else ("led by X since 1992 and designated by Y"; "LeT, designated
    by the UN, was blamed for the 2008 Mumbai attacks"; "the group, which pledged allegiance in 2012, ...")."""
    if evidence is None:
        return values
    if same_sentence_only and not trigger.sent.start_char <= evidence["start"] < trigger.sent.end_char:
        return values  # told in another sentence of the event: that sentence is about it
    span = trigger.doc.char_span(evidence["start"], evidence["end"], alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(len(trigger.sent)):
        if token is None or token == trigger:
            break
        if token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_DEPS or token.head == token:
            token = None
            break
        token = token.head
    return values if token == trigger else (None,) * len(values)


def _build_event(group: _Group, document: Document, mentions: Sequence[Mention]) -> Event | None:
    etype, subtype, trigger = _type_and_subtype(group)
    values, toll_evidence, breakdowns = _toll_fields(group) if group.family == "violence" else ({}, {}, {})
    if etype == "battle" and _civilians_only(breakdowns):
        attack = _one_sided(group)
        if attack is not None:
            etype, subtype, trigger = attack
    if group.entry.rank == 0 and max(e.rank for _, e in group.entries) == 0 and not values \
            and not _tried_killing(group):
        return None  # a death with no toll and no attack word (an attempt to kill is one): not an event
    suicide = suicide_in(group.trigger.doc[group.sents[0].start:group.sents[-1].end]) if group.family == "violence" else None
    subtype = _graver_subtype(group, subtype, suicide, values, breakdowns)
    dated, place, place_evidence, links = _when_where_who(group, document, mentions, etype, subtype, trigger)
    date, date_text, precision, date_evidence = dated
    inferred = etype == "attack" and subtype is None and _assault_like(group, links, values)
    if inferred:
        subtype = "armed_assault"
    if subtype == "armed_assault" and _targeted_killing(group, values):
        subtype = "assassination"
    details = _event_details(group, links, breakdowns, precision,
                             _evidence_spans(trigger, toll_evidence, date_evidence, place_evidence))
    certainty, source = _certainty(trigger.sent, trigger)
    details.update(_event_flags(inferred, date is None and bool(date_text), source))
    return Event(
        type=etype, subtype=subtype, certainty=certainty, evidence=_evidence(group, document.text),
        date=date, date_text=date_text, location=place, killed=values.get("killed"), wounded=values.get("wounded"),
        suicide=bool(suicide) if group.family == "violence" else None, details=details, extractor=NAME,
        **_actor_fields(links),
    )


def _graver_subtype(group: _Group, subtype: str | None, suicide: object, values: dict, breakdowns: dict) -> str | None:
    """The subtype of the gravest act the event's words tell, when they tell more than one."""
    if suicide and subtype in (None, "bombing"):
        subtype = "suicide_bombing"
    if subtype == "kidnapping" and (_killed_besides_hostages(group, breakdowns) or _kidnapped_then_killed(group)):
        # people killed and others taken: the killing is the graver act (ACLED "Attack"), done with the explosive
        # the event names if any (GTD's hierarchy: a bombing before an armed assault)
        explosive = _by_explosive([e for e in group.entries if e[1].type == "attack"])
        subtype = explosive[1].subtype if explosive is not None else "armed_assault"
    if subtype == "arson" and any(b.min or b.max for b in values.values()) and not _fire_casualties(group) \
            and not _named_arson(group):
        subtype = "armed_assault"  # people killed or hurt, and property burnt besides: the assault is the graver act
    return subtype


def _when_where_who(group: _Group, document: Document, mentions: Sequence[Mention], etype: str | None,
                    subtype: str | None, trigger: Token) -> tuple[tuple, Place | None, dict | None, list[Link]]:
    """(date fields, place, place evidence, actor links) of the event; a designation keeps only the date and
    place of its own clause."""
    dated = _date(group, document.published)
    place, place_evidence = _location(group, document)
    if etype == "agreement":
        # "X, which rejected the 2016 peace agreement, was blamed for the Cali bombing": not signed in Cali
        place, place_evidence = _in_clause(_clause_head(trigger), place_evidence, (place, place_evidence), same_sentence_only=True)
    if etype == "designation":
        links = designation_links(group.trigger.doc, trigger, mentions)
        dated = _in_clause(trigger, dated[3], dated)
        place, place_evidence = _in_clause(trigger, place_evidence, (place, place_evidence))
    else:
        links = link_actors(group.trigger.doc, group.sents, mentions, battle=etype == "battle",
                            air=subtype in ("airstrike", "drone_strike", "shelling"))
    place = with_actor_country(place, [(x.actor, x.link) for x in links], (place_evidence or {}).get("text"))  # the perpetrator's country
    return dated, place, place_evidence, links


def _evidence_spans(trigger: Token, toll_evidence: dict, date_evidence: dict | None,
                    place_evidence: dict | None) -> dict:
    """Where the trigger, tolls, date and place were read (the ones found)."""
    evidence_spans: dict = {"trigger": _span_dict(trigger.idx, trigger.idx + len(trigger.text), trigger.text), **toll_evidence}
    if date_evidence:
        evidence_spans["date"] = date_evidence
    if place_evidence:
        evidence_spans["location"] = place_evidence
    return evidence_spans


def _event_details(group: _Group, links: list[Link], breakdowns: dict, precision: str, evidence_spans: dict) -> dict:
    """The event's details: evidence, date precision, toll breakdown, actor links and (violence) roles."""
    details = {
        "evidence": evidence_spans,
        "date_precision": precision,
        "breakdown": breakdowns,
        "links": [{"actor": x.actor, "link": x.link, "certainty": x.certainty, "kind": x.kind,
                   "evidence": _span_dict(x.start, x.end, x.text)} for x in links],
    }
    if group.family == "violence":
        details["roles"] = {role: [_span_dict(p.start_char, p.end_char, p.text) for p in phrases]
                            for role, phrases in event_roles(group.sents).items() if phrases}
    return details


def _event_flags(inferred: bool, date_unresolved: bool, source: str | None) -> dict:
    """Flags kept only when set (in this order, as the stored details always had them)."""
    flags: dict = {}
    if inferred:
        flags["subtype_inferred"] = True
    if date_unresolved:
        flags["date_unresolved"] = True
    if source:
        flags["source_text"] = source
    return flags


def extract_events(doc: Doc, document: Document, mentions: Sequence[Mention]) -> list[Event]:
    """Events of a parsed document (see module docstring); evidence offsets index ``document.text``."""
    if doc_text(doc) != document.text:
        logger.warning("document %s: parsed text differs from document text; events skipped", document.id)
        return []
    built: list[tuple[_Group, Event]] = []
    remember_actor_spans(doc, [(m.start, m.end) for m in mentions if m.kind != "person"])
    for group in _group_sentences(doc):
        event = _build_event(group, document, mentions)
        if event is not None:
            built.append((group, event))
    return _share_claims(built)


_ATTRIBUTIONS = ("claimed", "blamed", "suspected")


def _share_claims(built: list[tuple[_Group, Event]]) -> list[Event]:
    """A claim or blame that follows a multi-stage attack covers its earlier stages: "Three car bombs went
    off near a hotel. After that, four gunmen stormed it... Al-Shabaab claimed responsibility." The stages
    are split into events by their weapons, but they are one incident. A violence event with no perpetrator
    of its own takes the attributions (claimed, blamed, suspected) of the next events of its paragraph,
    up to one that marks itself as another event ("a separate attack", "another bomb") or names its own."""
    events = [event for _, event in built]
    for i, (group, event) in enumerate(built):
        if group.family != "violence" or event.perpetrators:
            continue
        for later_group, later in built[i + 1:]:
            if later_group.paragraph != group.paragraph:
                break
            if later_group.family != "violence":
                continue
            shared = [x for x in later.details.get("links", []) if x["link"] in _ATTRIBUTIONS
                      and (not later_group.fresh or _covers_several(group.trigger.doc, x))]
            if later_group.fresh and not shared:
                break
            if shared:
                events[i] = _with_links(event, shared)
                break
            if later.perpetrators:
                break
    return events


def _covers_several(doc: Doc, link: dict) -> bool:
    """Does the attribution name several attacks ("claimed responsibility for both attacks", "the two bombings")?
    Then it covers the earlier ones told as another event ("A second bomb went off ...") too."""
    span = doc.char_span(link["evidence"]["start"], link["evidence"]["end"], alignment_mode="expand")
    if span is None:
        return False
    for token in span.sent:
        entry = lexicon().words.get(token.lemma_.lower())
        if entry is not None and entry.type == "attack" and token.pos_ == "NOUN" and token.lemma_.lower() not in \
                _WEAPON_WORDS and (
                token.tag_ == "NNS" or any(c.lower_ in ("both", "all") for c in token.children)):
            return True
    return False


def _with_links(event: Event, shared: list[dict]) -> Event:
    links = [*event.details.get("links", []), *shared]
    return replace(
        event,
        perpetrators=tuple(dict.fromkeys(x["actor"] for x in links if x["link"] in _PERP_LINKS)),
        claimed_by=tuple(dict.fromkeys(x["actor"] for x in links if x["link"] == "claimed")),
        details={**event.details, "links": links},
    )
