"""conflict.RelationRules.v1: actor-actor relations from the dependency parse (issue 4).

Per sentence that holds a trigger lemma and either two actor mentions or a
pronoun/"the group" phrase: every trigger's rules place the sentence's actors
in roles and emit relations with certainty, attribution, dates and evidence.
The same relation found in several sentences is returned once with all its
evidence; contradicting certainties stay separate relations.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from conflictgraph.extract.certainty import CertaintyCue, assess, attributed_key, load_lexicon
from conflictgraph.extract.doccache import span_ents
from conflictgraph.extract.relations.coordination import co_parties, distributive
from conflictgraph.extract.relations.coref import sentence_fillers
from conflictgraph.extract.relations.nonparties import origin_modifier, topic_of_body
from conflictgraph.extract.relations.rules import (
    GENERIC_NOUNS,
    PRODUCT_VERBS,
    Filler,
    TriggerRule,
    composing_edge,
    coordinated,
    list_item_noun,
    role_of,
    rules_for,
    rules_for_lemma,
    through_members,
    trigger_lemmas,
    typo_lemma,
    up_roles,
)
from conflictgraph.extract.relations.splits import (
    ended_by_split,
    no_longer,
    split_by_ending,
    split_from_named_before,
)
from conflictgraph.extract.relations.umbrellas import umbrella_ties
from conflictgraph.extract.relations.vetoes import ADVERSARIAL, ruled_out
from conflictgraph.models import Document, Evidence, Mention, Relation

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

NAME = "conflict.RelationRules.v1"
_START_CUES = frozenset({"since", "from", "in", "on", "during", "by"})
_END_CUES = frozenset({"until", "till", "through", "to"})
_LINEAR_GAP = 6  # tokens between an actor and the trigger in the parse-free fallback


def extract_relations(doc: Doc, document: Document, mentions: Sequence[Mention]) -> list[Relation]:
    """Relations stated in ``doc`` between the actors of ``mentions``."""
    lemmas = trigger_lemmas()
    by_sentence = _mentions_by_sentence(doc, mentions)
    found: list[Relation] = []
    previous: list[Filler] = []
    older: list[Filler] = []  # the sentence before `previous`: "the two groups" may reach back to it
    pending: _PluralTrigger | None = None
    for sent in doc.sents:
        own = by_sentence.get(sent.start, [])
        if pending is not None:
            found.extend(_listed_relations(sent, own, pending, document))
        pending = _plural_trigger(sent, own)
        triggers = [t for t in sent if (t.lemma_.lower() in lemmas or t.lower_ in lemmas or typo_lemma(t))
                    and not _inside(t, own)]
        fillers = sentence_fillers(sent, own, previous, older) if triggers or own else []
        if triggers and len(fillers) >= 2:
            found.extend(_sentence_relations(sent, document, triggers, fillers, own))
        elif triggers and not fillers:
            found.extend(_implied_pair_relations(sent, document, triggers, previous))
        if own:
            older = previous
            # a pronoun taken up here carries the topic on: "Y designated it ... It is led by Z" (it = the topic)
            previous = [_plain_filler(m, t) for m, t in own] + [f for f in fillers if f.mention.source == "context"
                                                                  and f.group < 0]
    return merge_relations(found)


# Ties a party-less predicate noun may state of the pair named just before: "X and Y ... . The result is an
# affiliation that ..." (the noun reads as "their affiliation").
_IMPLIED_PAIR_TYPES = frozenset({"ally_of", "affiliate_of", "rival_of"})


def _implied_pair_relations(sent: Span, document: Document, triggers: list[Token],
                            previous: list[Filler]) -> list[Relation]:
    """A tie noun predicated of an abstract subject ("the net result is an alliance") in a sentence that
    names no actor holds between the two coordinated actors of the previous sentence."""
    pair = _previous_pair(previous)
    if pair is None:
        return []
    extra = ((pair[0].token.sent.start_char, _trimmed_end(pair[0].token.sent)),)
    first, second = (replace(f, extra_evidence=extra) for f in pair)
    found = []
    for trigger in triggers:
        rule = next((r for r in rules_for(trigger) if r.type in _IMPLIED_PAIR_TYPES and not r.requires_any), None)
        if rule is None or not _predicate_of_abstract(trigger):
            continue
        relation = _relation(rule, first, second, sent, trigger, document, [])
        if relation is not None:
            found.append(relation)
    return found


def _previous_pair(previous: list[Filler]) -> tuple[Filler, Filler] | None:
    for i, first in enumerate(previous):
        for second in previous[i + 1:]:
            if first.mention.actor_key != second.mention.actor_key and coordinated(first, second):
                return first, second
    return None


# Subjects that sum up how two parties stand ("the main topic was an alliance" states no alliance).
_OUTCOME_NOUNS = frozenset({"result", "outcome", "consequence", "upshot", "product", "relationship", "relation",
                            "connection", "link", "tie", "bond", "arrangement"})


def _predicate_of_abstract(trigger: Token) -> bool:
    """ "the result / outcome is an affiliation": the noun is the predicate, its subject a noun that sums up
    the parties' standing (not a pronoun that may be one of them), and no possessor or "with/between" phrase."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "attr" or trigger.head.lemma_ != "be":
        return False
    subject = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in _OUTCOME_NOUNS:
        return False
    return not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("with", "between"))
                   for c in trigger.children)


# Relations whose parties a later sentence may list: "Four groups merged ... The four groups were A, B and C."
_LISTABLE = frozenset({"merged_with", "ally_of"})
_LIST_VERBS = frozenset({"be", "include", "comprise"})


@dataclass(frozen=True, slots=True)
class _PluralTrigger:
    rule: TriggerRule
    trigger: Token
    mentions: tuple[Mention, ...]


def _plural_trigger(sent: Span, own: list[tuple[Mention, Token]]) -> _PluralTrigger | None:
    """A merger/alliance trigger whose subject is a plural group noun naming no actor ("four groups merged")."""
    for token in sent:
        rule = next((r for r in rules_for(token) if r.type in _LISTABLE), None) if token.pos_ == "VERB" else None
        if rule is None:
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.tag_ != "NNS" or subject.lemma_.lower() not in GENERIC_NOUNS:
            continue
        if any(t == subject or (subject.is_ancestor(t) and t.dep_ not in ("amod", "compound", "nmod")) for _, t in own):
            continue  # "Somali groups" names no group; "groups including X" or "X's factions" do
        return _PluralTrigger(rule, token, tuple(m for m, _ in own))
    return None


def _listed_relations(sent: Span, own: list[tuple[Mention, Token]], pending: _PluralTrigger,
                      document: Document) -> list[Relation]:
    """ "The four groups were A, B and C": the listed actors are the parties of the pending trigger."""
    for verb in sent:
        if verb.lemma_.lower() not in _LIST_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ != "NNS" or subject.lemma_.lower() not in GENERIC_NOUNS \
                or not any(c.lower_ in ("the", "these", "those") for c in subject.children):
            continue
        listed = next((c for c in verb.children if c.dep_ in ("attr", "dobj")), None)
        if listed is None:
            continue
        extra = ((sent.start_char, _trimmed_end(sent)),)
        items = [(m, t) for m, t in own if _list_root(t) == listed]
        if len({m.actor_key for m, _ in items}) < 2:
            items = _linear_list(verb, own)
        members: list[Filler] = []
        for mention, token in items:
            if all(f.mention.actor_key != mention.actor_key for f in members):
                members.append(Filler(mention=mention, token=token, group=-1, extra_evidence=extra))
        relations = []
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                relation = _relation(pending.rule, a, b, pending.trigger.sent, pending.trigger, document,
                                     list(pending.mentions))
                if relation is not None:
                    relations.append(relation)
        return relations
    return []


def _linear_list(verb: Token, own: list[tuple[Mention, Token]]) -> list[tuple[Mention, Token]]:
    """Misparsed lists: the actors after the verb up to the next verb, leaving out parenthesised aliases."""
    doc = verb.doc
    stop = next((t.i for t in doc[verb.i + 1:verb.sent.end] if t.pos_ == "VERB"), verb.sent.end)
    items = []
    for mention, token in own:
        if not verb.i < token.i < stop:
            continue
        opened = [t.lower_ for t in doc[verb.i + 1:token.i] if t.lower_ in ("(", ")")]
        if opened and opened[-1] == "(":
            continue
        items.append((mention, token))
    return items


def _list_root(token: Token) -> Token:
    steps = 0
    while token.dep_ in ("conj", "compound", "flat") and token.head != token and steps < 12:
        token = token.head
        steps += 1
    return token


def _mentions_by_sentence(doc: Doc, mentions: Sequence[Mention]) -> dict[int, list[tuple[Mention, Token]]]:
    grouped: dict[int, list[tuple[Mention, Token]]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        head = mention_head(span)
        grouped.setdefault(head.sent.start, []).append((mention, head))
    return grouped


# Edges that give a name its place in the clause; when a misparsed name falls apart into several
# pieces hanging outside it ("Ansar al - Islam" as npadvmod + nsubj), the piece on such an edge
# stands for the name.
_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "poss", "dative",
                        "oprd", "agent", "ROOT"})


def mention_head(span: Span) -> Token:
    """The token that stands for an actor name in the parse (``span.root`` unless the name is split)."""
    root = span.root
    if len(span) == 1 or root.dep_ in _CORE_DEPS:
        return root
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]
    core = [t for t in outside if t.dep_ in _CORE_DEPS]
    return core[-1] if core else root


def _plain_filler(mention: Mention, token: Token) -> Filler:
    return Filler(mention=mention, token=token, group=-1)


def _inside(token: Token, own: list[tuple[Mention, Token]]) -> bool:
    """A trigger word inside an actor name ("... Province", "... Front") is not a trigger."""
    start = token.idx
    for mention, _ in own:
        if mention.start <= start < mention.end:
            return True
    return False


def _sentence_relations(sent: Span, document: Document, triggers: list[Token], fillers: list[Filler],
                        own: list[tuple[Mention, Token]]) -> list[Relation]:
    found: list[tuple[Relation, Token]] = []
    sentence_mentions = [m for m, _ in own]
    fillers = [f for f in fillers if not origin_modifier(f.mention.kind, f.token)
               and not topic_of_body(f.mention.kind, f.token)]
    for trigger in triggers:
        rules = rules_for(trigger)
        if not rules and not _verb_read_as_noun(trigger):
            continue
        placed = _placed_roles(trigger, fillers)
        role_by = {id(f): r for f, r in placed}
        for rule, source, target in _trigger_pairs(trigger, rules, placed, fillers, role_by):
            if ruled_out(rule, trigger, source, target, role_by):
                continue
            relation = _relation(rule, source, target, sent, trigger, document, sentence_mentions)
            if relation is not None:
                found.extend(_with_ending_split(relation, trigger))
    return [relation for relation, trigger in found
            if not _subsumed(relation, trigger, found) and not ended_by_split(relation, trigger, found)]


def _placed_roles(trigger: Token, fillers: list[Filler]) -> list[tuple[Filler, str]]:
    """The fillers the trigger gives a role, with that role (the rest take no part in its relations)."""
    ups = up_roles(trigger)
    roles = _with_acronyms(_with_examples([(f, role_of(trigger, f, ups) or _piece_role(trigger, f, ups))
                                           for f in fillers]))
    return [(f, r) for f, r in roles if r is not None]


def _trigger_pairs(trigger: Token, rules: tuple[TriggerRule, ...], placed: list[tuple[Filler, str]],
                   fillers: list[Filler], role_by: dict[int, str]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """Every (rule, source, target) the trigger's roles make, read again by what the trigger's phrase says
    of them (fighting beside, joining in action or a coalition, co-members, umbrellas)."""
    pairs = _fighting_beside(_role_pairs(trigger, rules, placed, fillers), role_by) + _companion_pairs(rules, placed)
    if _joins_in_action(trigger):
        pairs = [(_ALLY if rule.type == "merged_with" else rule, a, b) for rule, a, b in pairs]
    elif _joins_coalition(trigger):
        pairs = _as_affiliation(pairs, role_by)
    pairs = _co_members(trigger, pairs)
    return umbrella_ties(trigger, pairs, placed)


def _role_pairs(trigger: Token, rules: tuple[TriggerRule, ...], placed: list[tuple[Filler, str]],
                fillers: list[Filler]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """Pairs from the parse roles; when the parse gives none, from word order (the parse-free fallbacks)."""
    members = [(f, _MEMBER_ROLES[r]) for f, r in placed if r in _MEMBER_ROLES and through_members(f.token)]
    pairs = [(rule, s, t) for rule in rules for s, t in _pairs(rule, _for_rule(rule, placed, members))] \
        if len(placed) >= 2 else []
    if not pairs:
        pairs = _linear_pairs(trigger, fillers) or _reciprocal_pairs(trigger, rules, fillers) \
            or _plural_noun_pairs(trigger, rules, fillers)
    if len(placed) >= 3:
        pairs += [(_ALLY, s, t) for rule in rules[:1] for s, t in _co_agents(rule, placed) + _co_helpers(rule, placed)]
    if not any(rule.type == "splinter_of" for rule, _, _ in pairs):
        pairs += split_from_named_before(trigger, rules, placed, fillers)
    return pairs


def _with_ending_split(relation: Relation, trigger: Token) -> list[tuple[Relation, Token]]:
    """The relation (marked ended when the sentence says so), after the split its ending tells if any."""
    split = split_by_ending(relation, trigger)
    ending = [(split, trigger)] if split is not None else []
    return [*ending, (no_longer(relation, trigger), trigger)]


# Roles reached through a membership noun: "members of X formed Z" (member_agent), "Z was formed from
# former members of X" (member_from); both say Z split from X.
_MEMBER_ROLES = {"agent": "member_agent", "prep:from": "member_from"}


def _piece_role(trigger: Token, filler: Filler, ups: dict[int, str]) -> str | None:
    """A name the parser split into pieces hanging outside it ("Ansar al - Islam" as npadvmod, nsubj,
    nsubj): another piece may be the one the trigger's role reaches (the verb's first subject)."""
    if filler.mention.source == "context":
        return None
    span = trigger.doc.char_span(filler.mention.start, filler.mention.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    for piece in span:
        if piece != filler.token and not (span.start <= piece.head.i < span.end) and piece.dep_ in _CORE_DEPS:
            role = role_of(trigger, replace(filler, token=piece), ups)
            if role is not None:
                return role
    return None


_EXAMPLE_WORDS = frozenset({"including", "include", "notably", "especially", "particularly", "like"})


def _with_examples(roles: list[tuple[Filler, str | None]]) -> list[tuple[Filler, str | None]]:
    """"fought the CMA, including the MNLA" parsed with "including" on the verb: the example
    takes the role of the actor right before "including"."""
    out = []
    for filler, role in roles:
        if role is None or role.removeprefix("prep:") in _EXAMPLE_WORDS:
            role = _example_role(filler, roles)
        out.append((filler, role))
    return out


def _example_role(filler: Filler, roles: list[tuple[Filler, str | None]]) -> str | None:
    token = filler.token
    steps = 0
    while token.dep_ in ("conj", "appos", "compound", "flat") and token.head != token and steps < 8:
        token = token.head
        steps += 1
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _EXAMPLE_WORDS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    before = [(f, r) for f, r in roles if r is not None and r.removeprefix("prep:") not in _EXAMPLE_WORDS
              and f.token.i < prep.i and f.mention.source != "context"]
    if not before:
        return None
    nearest, role = max(before, key=lambda p: p[0].mention.end)
    gap = [t for t in prep.sent if nearest.mention.end <= t.idx < prep.idx]
    if any(t.pos_ in ("VERB", "AUX", "ADP") for t in gap) or len(gap) > 8:
        return None  # "fought X in the town, including Y": Y may belong to the town
    return role


def _with_acronyms(roles: list[tuple[Filler, str | None]]) -> list[tuple[Filler, str | None]]:
    """"the Movement for the Liberation of Azawad (MNLA), AQIM and Ansar Dine": an acronym in
    parentheses, or a conjunct, hangs on the name's last word, deep inside the name's own
    prepositions, where no role (or a wrong one) reaches; it takes the role of the name it hangs
    on, and so do the conjuncts hanging on it in turn."""
    out = list(roles)
    moved: dict[int, str | None] = {}  # token index -> role taken from the name
    for _ in range(2):
        for n, (filler, _role) in enumerate(out):
            token = filler.token
            if token.i in moved or not (token.dep_ == "conj" or (
                    token.dep_ == "appos" and token.i > 0 and token.doc[token.i - 1].lower_ == "(")):
                continue
            head = token.head
            if head.i in moved:
                out[n] = (filler, moved[head.i])
                moved[token.i] = moved[head.i]
                continue
            name_role = next((r for f, r in out if r is not None and f.mention.start <= head.idx < f.mention.end
                              and f.token != head and f.mention.actor_key != filler.mention.actor_key), None)
            if name_role is not None:
                out[n] = (filler, name_role)
                moved[token.i] = name_role
    return out


def _verb_read_as_noun(token: Token) -> bool:
    """A present-tense verb tagged as a plural noun heading the sentence ("The X merges with Y"):
    only the parse-free fallback can read it."""
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and token.dep_ == "ROOT" and token.lower_.endswith("s") \
        and token.i > token.sent.start and bool(rules_for_lemma(token))


def _fighting_beside(pairs: list[tuple[TriggerRule, Filler, Filler]],
                     role_by: dict[int, str]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """"X fought with Y against Z": with an enemy named by "against", the "with" party is a comrade."""
    out = []
    for rule, a, b in pairs:
        roles = {role_by.get(id(a)), role_by.get(id(b))}
        if rule.type == "fights" and roles == {"agent", "prep:with"} and any(
                r == "prep:against" for r in role_by.values()):
            rule = _ALLY
        out.append((rule, a, b))
    return out


_TARGET_ROLES = frozenset({"patient", "prep:against", "prep:on"})


def _companion_pairs(rules: tuple[TriggerRule, ...], placed: list[tuple[Filler, str]]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """"X ambushed Z along with Y", "X, together with Y, raided Z" (the companion on the verb): Y is X's
    ally and acts on Z as X does."""
    rule = next((r for r in rules if r.type in ADVERSARIAL and r.pos == "VERB"), None)
    if rule is None:
        return []
    agents = [f for f, r in placed if r == "agent"]
    companions = [f for f, r in placed if r == "prep:alongside"]
    targets = [f for f, r in placed if r in _TARGET_ROLES and r in rule.parties]
    pairs = [(_ALLY, a, c) for a in agents for c in companions]
    pairs += [(rule, c, t) for c in companions for t in targets]
    return [(r, a, b) for r, a, b in pairs if a.mention.actor_key != b.mention.actor_key]


def _for_rule(rule: TriggerRule, placed: list[tuple[Filler, str]],
              members: list[tuple[Filler, str]]) -> list[tuple[Filler, str]]:
    """Members of X acting (joining Y) are not X merging; they can found a splinter. A breakaway part of
    X is not X: an alliance with "a dissident X faction" is none with X."""
    if rule.type in ("ally_of", "leads"):  # "the X dissident group led by Z": Z leads the dissidents, not X
        placed = [(f, r) for f, r in placed if not _through_breakaway(f.token)]
    if rule.type == "merged_with":
        member_ids = {id(f) for f, _ in members}
        return [(f, r) for f, r in placed if not (r == "agent" and id(f) in member_ids)
                and not (r.startswith("prep:") and through_members(f.token))]  # "the merger of X and members of Y"
    return placed + members


# Nouns for a breakaway part of a group.
_BREAKAWAY_NOUNS = frozenset({"faction", "splinter", "offshoot", "breakaway", "dissident", "defector"})


_DISSIDENT_WORDS = frozenset({"dissident", "dissentient", "breakaway", "splinter", "renegade", "rogue", "rebel"})


def _through_breakaway(token: Token) -> bool:
    """Whether an actor is named only as the owner of a breakaway part ("a faction of X", "defectors from
    X", "a dissident X faction"); a bare "the X faction" may be the faction's own name, so a modifier in the
    name phrase must say it broke away."""
    steps = 0
    while steps < 4 and token.head != token:
        dep, head = token.dep_, token.head
        if dep == "pobj" and head.lower_ in ("of", "from"):
            token, named = head.head, False
        elif dep in ("poss", "compound", "amod", "nmod"):
            token, named = head, dep != "poss"
        else:
            return False
        if token.lemma_.lower() in _BREAKAWAY_NOUNS:
            return not named or any(t.lower_ in _DISSIDENT_WORDS for t in token.subtree)
        steps += 1
    return False


# Relations that a governing trigger states about a pair, ruling out hostility
# from a trigger inside its phrase: "X and Y cooperated in an attack",
# "X split from Y after a rivalry with it".
_GOVERNING = frozenset({"ally_of", "splinter_of", "merged_with", "affiliate_of", "branch_of", "allegiance_to"})


def _subsumed(relation: Relation, trigger: Token, found: list[tuple[Relation, Token]]) -> bool:
    if relation.type not in ADVERSARIAL:
        return False
    pair = {relation.source, relation.target}
    return any(other.type in _GOVERNING and {other.source, other.target} == pair
               and (other_trigger == trigger or other_trigger.is_ancestor(trigger))
               for other, other_trigger in found)


_ALLY = TriggerRule(type="ally_of", pos="VERB", parties=("agent",))
# Joining a group *in* an action is fighting beside it, not merging into it:
# "X joined Y in an offensive", "X fighters joined Y fighters battling Z" ("X joined Y to fight Z"
# stays open: groups often join a coalition to fight someone).
_JOIN_VERBS = frozenset({"join", "rejoin"})
_ACTION_NOUNS = frozenset({"attack", "clash", "offensive", "fight", "fighting", "battle", "assault", "operation",
                           "raid", "campaign", "war", "struggle", "effort", "push", "counteroffensive", "ambush"})
_ACTION_VERBS = frozenset({"fight", "battle", "attack", "combat", "defend", "repel", "retake", "capture", "push",
                           "target", "besiege", "shell", "bomb", "ambush", "storm", "raid", "assault"})


def _joins_in_action(trigger: Token) -> bool:
    if trigger.lemma_.lower() not in _JOIN_VERBS:
        return False
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "for") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _ACTION_NOUNS for g in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "in" and any(
                g.dep_ == "pcomp" and g.lemma_.lower() in _ACTION_VERBS for g in child.children):
            return True  # "X joined Y in attacking Z": a gerund names the action as a noun would
        if child.dep_ in ("dobj", "nsubj") and any(g.dep_ == "acl" and g.lemma_.lower() in _ACTION_VERBS
                                                    for g in child.children):
            return True
    return False


_AFFILIATE = TriggerRule(type="affiliate_of", pos="VERB", source=("agent",), target=("patient",))
# Nouns and name endings for a body of several groups: a group joining one becomes its member, it
# does not merge with it ("X joined the Y network", "X joined the Islamic Coalition").
_COALITION_NOUNS = frozenset({"network", "coalition", "umbrella", "alliance", "council", "federation",
                              "confederation", "bloc", "grouping", "platform", "front", "consortium"})
_COALITION_NAMES = frozenset({"coalition", "alliance", "council", "federation", "confederation", "bloc"})


def _joins_coalition(trigger: Token) -> bool:
    if trigger.lemma_.lower() not in _JOIN_VERBS:
        return False
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.pos_ == "NOUN" and obj.lemma_.lower() in _COALITION_NOUNS:
        return True
    return obj.pos_ == "PROPN" and obj.lower_ in _COALITION_NAMES


def _as_affiliation(pairs: list[tuple[TriggerRule, Filler, Filler]],
                    role_by: dict[int, str]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """A merger between the joiner (agent) and the coalition (patient) becomes the joiner's affiliation."""
    out = []
    for rule, a, b in pairs:
        roles = (role_by.get(id(a)), role_by.get(id(b)))
        if rule.type == "merged_with" and set(roles) == {"agent", "patient"}:
            source, target = (a, b) if roles[0] == "agent" else (b, a)
            out.append((_AFFILIATE, source, target))
        else:
            out.append((rule, a, b))
    return out


def _co_members(trigger: Token, pairs: list[tuple[TriggerRule, Filler, Filler]]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """"X joined the C coalition, which includes Y": Y is a fellow member, no merger or parent of X;
    X is its ally. Two members of C are no merger with each other either."""
    out = []
    for rule, a, b in pairs:
        if rule.type not in ("merged_with", "affiliate_of"):
            out.append((rule, a, b))
            continue
        inside = (_composed(trigger, a), _composed(trigger, b))
        if inside[0] != inside[1]:
            out.append((_ALLY, a, b))
        elif not inside[0]:
            out.append((rule, a, b))
    return out


def _composed(trigger: Token, filler: Filler) -> bool:
    """Whether the actor reaches the trigger as part of what a noun is made of ("a force that included X")."""
    token = filler.token
    for _ in range(12):
        if token == trigger or token.head == token:
            return False
        if composing_edge(token, token.head):
            return True
        token = token.head
    return False


def _linear_pairs(trigger: Token, fillers: list[Filler]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """Fallback for misparsed sentences: "A <trigger> [prep] B" with nothing actor-like between.

    The actor right before the trigger takes the subject-like role (agent for
    verb rules, holder for noun rules), the one right after takes the role of
    the first preposition between them (or patient/owner when there is none).
    """
    left = [f for f in fillers if f.token.i < trigger.i and trigger.i - f.token.i <= _LINEAR_GAP]
    right = [f for f in fillers if f.token.i > trigger.i and f.token.i - trigger.i <= _LINEAR_GAP]
    if not left or not right:
        return []
    a = max(left, key=lambda f: f.token.i)
    b = min(right, key=lambda f: f.token.i)
    doc = trigger.doc
    if any(doc[i].lower_ in (";", "but", "while", "whereas") for i in range(a.token.i, b.token.i)):
        return []
    if any(doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in ("prep", "amod", "compound", "aux", "auxpass")
           for i in range(trigger.i + 1, b.token.i)):
        return []  # "X and its allies drove Y out": Y is the object of another verb, not the trigger's
    prep = next((doc[i].lower_ for i in range(trigger.i + 1, b.token.i)
                 if doc[i].pos_ == "ADP" or _to_before(doc[i], b)), None)
    found = []
    for rule in rules_for_lemma(trigger):
        if rule.type == "merged_with" and through_members(a.token) and not _joins_in_action(trigger):
            continue  # "members of X joined Y": people moving, not X merging
        if rule.type == "ally_of" and (_through_breakaway(a.token) or _through_breakaway(b.token)):
            continue  # "X allied with a dissident Y faction": a part of Y, not Y
        left_role = "agent" if rule.pos == "VERB" else "holder"
        right_role = f"prep:{prep}" if prep else ("patient" if rule.pos == "VERB" else "owner")
        if rule.pos == "NOUN" and not prep and _possessor_of(a.token, trigger):
            left_role, right_role = "owner", "holder"  # "its newest affiliate, B": B is what the noun names
        elif rule.pos == "NOUN" and list_item_noun(trigger):
            continue  # "A and the Saharan branch of Y merged": the branch is a list item, not what A is
        found.extend((rule, s, t) for s, t in _pairs(rule, [(a, left_role), (b, right_role)]))
        if found:
            product = _linear_product(b, fillers) if rule.type == "merged_with" else None
            if product is not None:  # "A merges with B to form Z": Z is a party as well
                found += [(rule, a, product), (rule, b, product)]
            break
    return found


def _possessor_of(token: Token, noun: Token) -> bool:
    """Whether the token is the possessive of the noun's phrase ("X's wing", "its affiliate group")."""
    if token.dep_ != "poss":
        return False
    return token.head == noun or (noun.dep_ == "compound" and token.head == noun.head)


def _linear_product(last: Filler, fillers: list[Filler]) -> Filler | None:
    """The actor a product verb ("to form Z") right after a merger's second party forms."""
    doc = last.token.doc
    sent = last.token.sent
    verb = next((t for t in doc[last.token.i + 1:min(last.token.i + 4, sent.end)]
                 if t.pos_ == "VERB" and t.lemma_.lower() in PRODUCT_VERBS), None)
    if verb is None:
        return None
    return next((f for f in fillers if f.token.head == verb and f.token.dep_ in ("dobj", "attr", "oprd")
                 and f.mention.actor_key not in (last.mention.actor_key,)), None)


_RECIPROCAL = frozenset({"together", "jointly", "another", "other", "mutually"})


def _reciprocal_pairs(trigger: Token, rules: tuple[TriggerRule, ...],
                      fillers: list[Filler]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """Fallback for "A and B worked together / with one another" when the parse lost the subject.

    A reciprocal word on the trigger says its parties are the two coordinated actors right
    before it (long or unknown names often break the parse of the subject).
    """
    rule = next((r for r in rules if r.symmetric), None)
    near = [t for t in trigger.subtree if abs(t.i - trigger.i) <= 4]
    if rule is None or not any(t.lower_ in _RECIPROCAL for t in near):
        return []
    before = sorted((f for f in fillers if f.token.i < trigger.i and trigger.i - f.token.i <= _LINEAR_GAP
                     and f.mention.source != "context"), key=lambda f: f.token.i)
    for b_index in range(len(before) - 1, 0, -1):
        a, b = before[b_index - 1], before[b_index]
        doc = trigger.doc
        between = doc[b.token.i + 1:trigger.i]
        if a.mention.actor_key != b.mention.actor_key and co_parties(a, b) \
                and not any(t.pos_ == "VERB" or t.is_punct for t in between):
            return [(rule, a, b)]
    return []


# Relations a plural noun states between the coordinated actors right before it ("X and Y allies").
_PLURAL_PAIR_TYPES = frozenset({"ally_of", "rival_of", "affiliate_of"})
_PLURAL_PAIR_NOUNS = frozenset({"ally", "rival", "affiliate", "partner", "enemy", "foe", "adversary", "competitor",
                                "associate"})


def _plural_noun_pairs(trigger: Token, rules: tuple[TriggerRule, ...],
                       fillers: list[Filler]) -> list[tuple[TriggerRule, Filler, Filler]]:
    """Fallback for "X and Y allies/rivals/affiliates" when the parse lost the noun's modifiers."""
    if trigger.pos_ != "NOUN" or trigger.tag_ != "NNS" or trigger.lemma_.lower() not in _PLURAL_PAIR_NOUNS:
        return []
    rule = next((r for r in rules if r.type in _PLURAL_PAIR_TYPES and not r.kinds), None)
    if rule is None:
        return []
    before = sorted((f for f in fillers if f.token.i < trigger.i and f.mention.source != "context"),
                    key=lambda f: f.token.i)
    if len(before) < 2:
        return []
    a, b = before[-2], before[-1]
    doc = trigger.doc
    if a.mention.actor_key == b.mention.actor_key or not co_parties(a, b):
        return []
    last = doc.char_span(b.mention.start, b.mention.end, alignment_mode="expand")
    if last is None or any(not t.is_punct for t in doc[last.end:trigger.i]):
        return []
    return [(rule, a, b)]


def _to_before(token: Token, actor: Filler) -> bool:
    """ "allegiance to IS" tagged as an infinitive "to": still the preposition when the actor follows."""
    if token.lower_ != "to":
        return False
    start = actor.token.doc.char_span(actor.mention.start, actor.mention.end, alignment_mode="expand")
    first = start[0].i if start is not None else actor.token.i
    return all(t.pos_ == "DET" for t in token.doc[token.i + 1:first])


def _pairs(rule: TriggerRule, placed: list[tuple[Filler, str]]) -> list[tuple[Filler, Filler]]:
    if rule.symmetric or rule.parties:
        parties = [(f, r) for f, r in placed if r in rule.parties]
        pairs = []
        for i, (a, role_a) in enumerate(parties):
            for b, role_b in parties[i + 1:]:
                if a.mention.actor_key == b.mention.actor_key:
                    continue
                if role_a != role_b:
                    pairs.append((a, b))
                elif not _one_side(rule, placed, role_a, a, b) and co_parties(a, b) and not (rule.type in ADVERSARIAL and _third_party(rule, placed, role_a, a, b)):
                    pairs.append((a, b))  # "X and Y clashed" (but not "X and Y attacked Z")
        return pairs
    for source_role in rule.source:
        sources = [f for f, r in placed if r == source_role and (not rule.kinds or f.mention.kind in rule.kinds)]
        if not sources:
            continue
        targets = [f for f, r in placed if r in rule.target and r != source_role
                   and (not rule.target_kinds or f.mention.kind in rule.target_kinds)
                   and not (rule.type in _PARENT_TYPES and _place_adjective(f, r))]
        pairs = [(s, t) for s in sources for t in targets if s.mention.actor_key != t.mention.actor_key]
        if pairs:
            return pairs
    return []


# Objects of these prepositions are the other side of someone else: "talks with X and Y",
# "fighting alongside X and Y", "a war against X and Y" pair X and Y with the subject, not with each other.
_ONE_SIDE_ROLES = frozenset({"prep:with", "prep:alongside", "prep:beside", "prep:against"})


def _one_side(rule: TriggerRule, placed: list[tuple[Filler, str]], role: str, a: Filler, b: Filler) -> bool:
    """Coordinated objects of such a preposition are one side when another party faces them, or when the
    phrase only says what they are ("talks began, with X and Y among the guarantors / as mediators")."""
    if role not in _ONE_SIDE_ROLES:
        return False
    keys = {a.mention.actor_key, b.mention.actor_key}
    if any(r != role and r in rule.parties and f.mention.actor_key not in keys for f, r in placed):
        return True
    prep = next((t for t in a.token.ancestors if t.dep_ == "prep"), None)
    if prep is None:
        return False
    inside = any(t.dep_ == "prep" and t.lower_ in _ROLE_PREPS and t.head.dep_ in ("pobj", "conj")
                 for t in prep.subtree)
    after = prep.right_edge.i + 1
    return inside or (after < len(prep.doc) and prep.doc[after].lower_ in _ROLE_PREPS)


_ROLE_PREPS = frozenset({"among", "as"})


# Types whose target is a parent group: a state adjective there names the branch's place
# ("the Yemeni branch of X"), not its parent.
_PARENT_TYPES = frozenset({"branch_of", "affiliate_of"})


def _place_adjective(filler: Filler, role: str) -> bool:
    return role == "owner" and filler.mention.kind == "state" and filler.token.dep_ == "amod"


def _third_party(rule: TriggerRule, placed: list[tuple[Filler, str]], role: str, a: Filler, b: Filler) -> bool:
    """Whether another actor fills a different party role: then coordinated X and Y are one side."""
    keys = {a.mention.actor_key, b.mention.actor_key}
    return any(r != role and r in rule.parties and f.mention.actor_key not in keys for f, r in placed)


def _co_agents(rule: TriggerRule, placed: list[tuple[Filler, str]]) -> list[tuple[Filler, Filler]]:
    """Coordinated agents acting together on a third party: "X and Y attacked Z" -> X ally of Y;
    also for an attack noun: "X and Y carried out an attack on Z", "X and Y were involved in an attack on Z"."""
    if rule.type not in ADVERSARIAL:
        return []
    role = "agent" if rule.pos == "VERB" else "clause_agent"
    agents = [f for f, r in placed if r == role]
    pairs = []
    for i, a in enumerate(agents):
        for b in agents[i + 1:]:
            if a.mention.actor_key != b.mention.actor_key and co_parties(a, b) and \
                    _third_party(rule, placed, role, a, b) and not distributive(a, b):
                pairs.append((a, b))
    return pairs


def _co_helpers(rule: TriggerRule, placed: list[tuple[Filler, str]]) -> list[tuple[Filler, Filler]]:
    """Coordinated agents aiding a third party act together: "X and Y helped Z escape",
    "X and Y armed the rebels" -> X ally of Y (the aid itself stays `supports`)."""
    if rule.type != "supports" or rule.pos != "VERB":
        return []
    agents = [f for f, r in placed if r == "agent"]
    helped = {f.mention.actor_key for f, r in placed if r in rule.target}
    pairs = []
    for i, a in enumerate(agents):
        for b in agents[i + 1:]:
            keys = {a.mention.actor_key, b.mention.actor_key}
            if len(keys) == 2 and co_parties(a, b) and helped - keys and not distributive(a, b):
                pairs.append((a, b))
    return pairs


def _relation(rule: TriggerRule, source: Filler, target: Filler, sent: Span, trigger: Token,
              document: Document, sentence_mentions: list[Mention]) -> Relation | None:
    evidence = _evidence(sent, document, source.extra_evidence + target.extra_evidence)
    if not evidence or _no_group_part(rule.type, source.mention.kind) \
            or (rule.symmetric and _no_group_part(rule.type, target.mention.kind)) \
            or _attack_on_person(rule.type, trigger, source, target):
        return None
    cue = _presupposed_tie(trigger, assess(sent, trigger))
    attributed = attributed_key(cue, sentence_mentions)
    start, end = _dates(sent, trigger, document)
    a, b = source.mention.actor_key, target.mention.actor_key
    if rule.symmetric and b < a:
        a, b = b, a
    return Relation(type=rule.type, source=a, target=b, certainty=cue.certainty, evidence=evidence,
                    attributed_to=attributed, start=start, end=end, extractor=NAME)


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _presupposed_tie(trigger: Token, cue: CertaintyCue) -> CertaintyCue:
    """ "X has not claimed it, and neither has its rival, Y", "the Iranian-backed group denies it": a tie
    named inside a noun phrase that the clause is about is taken for granted; the clause's negation (and
    the claim verb's speaker) deny something else. A negation inside the phrase still holds ("no ally")."""
    if cue.certainty != "negated":
        return cue
    lexicon = load_lexicon()
    if trigger.pos_ == "NOUN" and trigger.dep_ in _ARGUMENT_DEPS \
            and any(c.dep_ in ("poss", "appos") for c in trigger.children):
        phrase = trigger
        if _lemma_of(trigger.head) in lexicon.ending_verbs | lexicon.negating_verbs:
            return cue  # "X withdrew its support for Y", "ended its affiliation": the verb ends the tie itself
    elif trigger.pos_ in ("VERB", "ADJ") and trigger.dep_ in ("amod", "compound") and trigger.head.dep_ in _ARGUMENT_DEPS:
        phrase = trigger.head
    else:
        return cue
    negation = lexicon.negation_words
    inner = range(phrase.left_edge.i, phrase.right_edge.i + 1)
    if any(phrase.doc[i].dep_ == "neg" or phrase.doc[i].lower_ in negation for i in inner):
        return cue
    return CertaintyCue("asserted")


def _lemma_of(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


# One-sided violence: done to a person it is an attack (an event), not armed clashes between two sides.
_ONE_SIDED_ATTACKS = frozenset({"attack", "target", "ambush", "assault", "raid", "kill", "assassinate", "strike",
                                "bomb", "shell", "massacre", "execute", "kidnap", "abduct", "behead", "wound",
                                "injure", "assassination", "killing", "bombing", "kidnapping", "abduction"})


def _attack_on_person(relation_type: str, trigger: Token, source: Filler, target: Filler) -> bool:
    """ "X claimed the attack on <a person or a publication the tagger reads as one>": no `fights`."""
    return relation_type == "fights" and trigger.lemma_.lower() in _ONE_SIDED_ATTACKS \
        and "person" in (source.mention.kind, target.mention.kind)


# Ties that make one organisation part of another; a state, a person or a population is never that part.
_PART_OF_TYPES = frozenset({"branch_of", "affiliate_of", "merged_with"})
_NEVER_PARTS = frozenset({"state", "person", "population"})


def _no_group_part(relation_type: str, source_kind: str) -> bool:
    """"Its Yemen branch" is no branch that Yemen is; "the governor blamed X, a faction of Y" makes no
    branch of the governor: the source of a part-of tie must be an organisation."""
    return relation_type in _PART_OF_TYPES and source_kind in _NEVER_PARTS


def _evidence(sent: Span, document: Document, extra: tuple[tuple[int, int], ...]) -> tuple[Evidence, ...]:
    spans = sorted({*extra, (sent.start_char, _trimmed_end(sent))})
    evidence = []
    for start, end in spans:
        text = document.text[start:end]
        if not text.strip():
            continue
        evidence.append(Evidence(start=start, end=end, text=text))
    return tuple(evidence)


def _trimmed_end(sent: Span) -> int:
    end = sent.end_char
    text = sent.text_with_ws  # the sentence's slice of doc.text, without rebuilding the whole text per call
    while end > sent.start_char and text[end - 1 - sent.start_char].isspace():
        end -= 1
    return end


def _dates(sent: Span, trigger: Token, document: Document) -> tuple[str | None, str | None]:
    """Start/end of the relation from a DATE entity near the trigger ("in 2019", "since 2015")."""
    anchor = trigger.head if trigger.dep_ in ("attr", "acomp") else trigger
    dates = [ent for ent in span_ents(sent) if ent.label_ == "DATE" and anchor.is_ancestor(ent.root)]
    if not dates:
        return None, None
    ent = min(dates, key=lambda e: abs(e.start - trigger.i))
    value = _resolve(ent.text, document.published)
    if value is None:
        return None, None
    cue = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if cue in _END_CUES:
        return None, value
    return value, None


def _resolve(text: str, published: str | None) -> str | None:
    from conflictgraph.extract.dates import contract_date, resolve_date

    value, precision = resolve_date(text, published)
    return contract_date(value, precision)


def merge_relations(relations: Iterable[Relation]) -> list[Relation]:
    """One relation per (type, source, target, certainty, attribution) with all its evidence."""
    merged: dict[tuple, Relation] = {}
    for relation in relations:
        key = (relation.type, relation.source, relation.target, relation.certainty, relation.attributed_to)
        old = merged.get(key)
        if old is None:
            merged[key] = relation
            continue
        evidence = tuple(dict.fromkeys(old.evidence + relation.evidence))
        merged[key] = Relation(type=old.type, source=old.source, target=old.target, certainty=old.certainty,
                               evidence=evidence, attributed_to=old.attributed_to,
                               start=old.start or relation.start, end=old.end or relation.end, extractor=NAME)
    return list(merged.values())
