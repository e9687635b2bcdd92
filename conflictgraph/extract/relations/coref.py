"""Pronouns and "the group" phrases as relation arguments (issue 4).

A light, local rule, not a coreference model: a singular pronoun ("it", "its")
or definite group noun ("the group", "the movement") stands for the nearest
preceding group-like actor in the same sentence, else the subject (or first)
actor of the previous sentence that named one; a plural ("they", "both
groups", "the two groups") stands for the two most recent distinct actors and
counts as their coordination.  Antecedents from an earlier sentence add that
sentence to the relation's evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from conflictgraph.extract.relations.rules import Filler, coordinated, noun_holder, np_root
from conflictgraph.models import Mention

SINGULAR = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "their", "them", "themselves"})
GROUP_NOUNS = frozenset({
    "group", "organization", "organisation", "movement", "militia", "outfit", "network", "faction",
    "insurgency", "insurgent", "militant", "rebel", "jihadist", "extremist",
})
# Group nouns that never name an intergovernmental body ("the organisation" may be the UN, "the group" is not).
_ARMED_GROUP_NOUNS = GROUP_NOUNS - {"organization", "organisation"}
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "both"})
_NOT_ANTECEDENT = frozenset({"person", "population"})


def sentence_fillers(sent: Span, own: list[tuple[Mention, Token]], previous: list[Filler],
                     older: Sequence[Filler] = ()) -> list[Filler]:
    """Actor fillers for one sentence: its mentions plus resolved pronouns and group nouns (``older``: the
    fillers of the sentence before ``previous``, for "the two groups" when ``previous`` names only one)."""
    fillers = [Filler(mention=m, token=t, group=-1) for m, t in own]
    covered = {t.i for _, t in own}
    known = list(own)  # names, and singular anaphors taken up so far: "The group ... merged into it" (it = the group)
    known_extra: dict[int, tuple[tuple[int, int], ...]] = {}
    group_id = 0
    for token in sent:
        if token.i in covered or any(m.start <= token.idx < m.end for m, _ in own):
            continue
        number = _anaphor_number(token)
        if number is None:
            continue
        antecedents = _antecedents(token, number, known if number == 1 else own, previous, known_extra)
        if len(antecedents) < 2 and _two_only(token):
            antecedents = _pair_reaching_back(token, own, previous, older) or antecedents
        group_id += 1
        for mention, extra in antecedents:
            proxy = Mention(start=token.idx, end=token.idx + len(token.text), text=token.text,
                            actor_key=mention.actor_key, kind=mention.kind, source="context")
            fillers.append(Filler(mention=proxy, token=token, group=group_id if number == 2 else -1,
                                  extra_evidence=extra))
            if number == 1:
                known.append((proxy, token))
                known_extra[id(proxy)] = extra
    return fillers


def _anaphor_number(token: Token) -> int | None:
    """1 for a singular anaphor, 2 for a plural one, None otherwise."""
    lower = token.lower_
    if token.pos_ == "PRON" and lower in SINGULAR:
        return 1
    if token.pos_ == "PRON" and lower in PLURAL:
        return 2
    if token.pos_ != "NOUN" or token.lemma_.lower() not in GROUP_NOUNS or np_root(token) != token \
            or _partitive(token):
        return None
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod", "amod")}
    if not dets & (_DEFINITE | {"two"}):
        return None
    if token.tag_ == "NNS":
        return 2 if dets & {"both", "two", "the", "these", "those"} else None
    return 1 if dets & {"the", "this", "that"} else None


def _antecedents(token: Token, number: int, own: list[tuple[Mention, Token]], previous: list[Filler],
                 own_extra: dict[int, tuple[tuple[int, int], ...]] | None = None,
                 ) -> list[tuple[Mention, tuple[tuple[int, int], ...]]]:
    excluded = _excluded_kinds(token)
    before = _before_in_sentence(token, own, excluded, own_extra or {})
    earlier = _from_previous_sentence(number, previous, excluded)
    if number == 1:
        subject = None if _object_pronoun(token) else \
            _clause_subject(token, [(m, t) for m, t in own if any(m is b for b, _ in before)])
        pool = ([(subject, (own_extra or {}).get(id(subject), ()))] if subject is not None else []) \
            + list(reversed(before)) + earlier
        return pool[:1]
    members = _members_subject(token, own)
    if members is not None:
        return [(members, ())]  # "X fighters seized the town and their leader ...": their = X's
    ordered = list(reversed(before)) + sorted(earlier, key=lambda p: -p[0].start)
    pair = _coordinated_pair(ordered, own, previous)
    if pair:
        return pair if _two_only(token) else pair + _more_coordinated(pair, ordered, own, previous)
    return _two_nearest(token, ordered)


def _excluded_kinds(token: Token) -> frozenset[str]:
    """Actor kinds the anaphor cannot take up."""
    # "the group" takes up a group, never a state or its army, ministry or agency
    return _NOT_ANTECEDENT | ({"state", "government_body"} if token.pos_ == "NOUN" else set()) \
        | ({"igo"} if token.lemma_.lower() in _ARMED_GROUP_NOUNS else set())


def _before_in_sentence(token: Token, own: list[tuple[Mention, Token]], excluded: frozenset[str],
                        own_extra: dict[int, tuple[tuple[int, int], ...]],
                        ) -> list[tuple[Mention, tuple[tuple[int, int], ...]]]:
    """Candidates earlier in the anaphor's own sentence, in order; not a name inside its own phrase ("the
    Pakistan-based group") nor one the anaphor's clause describes."""
    described = _described_by(token)
    # an adjective ("the Somali town") names no referent a pronoun could take up
    described |= _own_clause_subject(token) | _relative_clause_subject(token)
    return [(m, own_extra.get(id(m), ())) for m, t in sorted(own, key=lambda p: p[1].i)
            if t.i < token.i and m.kind not in excluded and t.i not in described
            and not (t.dep_ == "amod" or t.pos_ == "ADJ") and not token.is_ancestor(t)]


def _from_previous_sentence(number: int, previous: list[Filler], excluded: frozenset[str],
                            ) -> list[tuple[Mention, tuple[tuple[int, int], ...]]]:
    """Candidates of the previous sentence, subjects first (that sentence becomes evidence too)."""
    if not previous:
        return []
    sent = previous[0].token.sent
    extra = ((sent.start_char, sent.end_char - _trailing_space(sent)),)
    ranked = sorted(previous, key=lambda f: (number == 2 or f.mention.source != "context",
                                             f.token.dep_ not in ("nsubj", "nsubjpass"), f.token.i))
    return [(f.mention, extra) for f in ranked if f.mention.kind not in excluded]


def _two_nearest(token: Token, ordered: list[tuple[Mention, tuple[tuple[int, int], ...]]],
                 ) -> list[tuple[Mention, tuple[tuple[int, int], ...]]]:
    """The two nearest distinct actors for a plural anaphor; one only for "the insurgents" (one group's
    fighters); none when fewer are named."""
    picked: list[tuple[Mention, tuple[tuple[int, int], ...]]] = []
    for mention, extra in ordered:
        if all(mention.actor_key != m.actor_key for m, _ in picked):
            picked.append((mention, extra))
        if len(picked) == 2:
            break
    if len(picked) == 1 and _fighters_noun(token):
        return picked  # "the insurgents" may be one group's fighters
    return picked if len(picked) == 2 else []


def _pair_reaching_back(token: Token, own: list[tuple[Mention, Token]], previous: list[Filler],
                        older: Sequence[Filler]) -> list[tuple[Mention, tuple[tuple[int, int], ...]]]:
    """ "X ... . Y was founded ... . The two groups worked together": when the sentences since the last
    one naming two groups hold a single one, "the two groups" are that one and the latest other group
    before it (a pair needs two; the antecedent of the earlier sentence is no less named)."""
    if not older:
        return []
    nearest = _antecedents(token, 1, own, previous)
    if not nearest:
        return []
    sent = older[0].token.sent
    extra = ((sent.start_char, sent.end_char - _trailing_space(sent)),)
    excluded = _NOT_ANTECEDENT | {"state", "government_body", "igo"}
    keys = {nearest[0][0].actor_key}
    ranked = sorted(older, key=lambda f: (f.token.dep_ not in ("nsubj", "nsubjpass"), f.token.i))
    other = next((f.mention for f in ranked if f.mention.kind not in excluded and f.mention.actor_key not in keys), None)
    return [nearest[0], (other, extra)] if other is not None else []


# Plural nouns for fighters, not for organisations: "the militants" can be the members of one group.
_FIGHTER_NOUNS = frozenset({"insurgent", "militant", "rebel", "jihadist", "extremist"})


def _fighters_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in _FIGHTER_NOUNS and not _two_only(token)


def _coordinated_pair(ordered: list[tuple[Mention, tuple[tuple[int, int], ...]]], own: list[tuple[Mention, Token]],
                      previous: list[Filler]) -> list[tuple[Mention, tuple[tuple[int, int], ...]]]:
    """The nearest two coordinated actors ("X and Y fought Z. Their cooperation ..." -> X and Y):
    a plural anaphor takes up a pair named together rather than the last two names."""
    tokens = {id(m): t for m, t in own} | {id(f.mention): f.token for f in previous}
    for i, (first, extra) in enumerate(ordered):
        for second, other_extra in ordered[i + 1:]:
            if first.actor_key == second.actor_key or extra != other_extra:
                continue
            a, b = tokens.get(id(first)), tokens.get(id(second))
            if a is not None and b is not None and coordinated(Filler(first, a, -1), Filler(second, b, -1)):
                return [(first, extra), (second, other_extra)]
    return []


def _two_only(token: Token) -> bool:
    """ "the two groups", "both groups": exactly a pair; "they", "their", "the groups" may be more."""
    return any(c.lower_ in ("two", "both") for c in token.children)


def _more_coordinated(pair: list[tuple[Mention, tuple[tuple[int, int], ...]]],
                      ordered: list[tuple[Mention, tuple[tuple[int, int], ...]]], own: list[tuple[Mention, Token]],
                      previous: list[Filler]) -> list[tuple[Mention, tuple[tuple[int, int], ...]]]:
    """Further actors of the pair's coordination ("X, along with Y and Z, ... the groups"): a plural
    anaphor takes up the whole list, not only its last two names."""
    tokens = {id(m): t for m, t in own} | {id(f.mention): f.token for f in previous}
    first, extra = pair[0]
    keys = {m.actor_key for m, _ in pair}
    more = []
    for mention, other_extra in ordered:
        a, b = tokens.get(id(first)), tokens.get(id(mention))
        if mention.actor_key in keys or other_extra != extra or a is None or b is None:
            continue
        if coordinated(Filler(first, a, -1), Filler(mention, b, -1)):
            keys.add(mention.actor_key)
            more.append((mention, other_extra))
    return more


# pcomp: a clause under a preposition ("X fired rockets, in what it calls support for Y": it = X).
_CLAUSE_LINKS = frozenset({"conj", "ccomp", "advcl", "xcomp", "relcl", "pcomp"})


def _clause_subject(pronoun: Token, own: list[tuple[Mention, Token]]) -> Mention | None:
    """The actor that is subject of a clause holding the pronoun (the usual antecedent of "its"):
    "X released a statement and announced that its fighters would attack Y" -> its = X."""
    token = pronoun
    steps = 0
    while token.head != token and steps < 8:
        token = token.head
        steps += 1
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and not subject.is_ancestor(pronoun) and subject != pronoun:
            found = next((m for m, t in own if t == subject or (subject.is_ancestor(t) and t.dep_ in ("compound", "flat", "conj"))), None)
            return found
        if token.dep_ not in _CLAUSE_LINKS:
            return None
    return None


# Plural nouns for the people of one group: "X fighters", "members of X".
_MEMBER_PLURALS = frozenset({"fighter", "militant", "member", "insurgent", "rebel", "jihadist", "soldier", "troop",
                             "commander", "leader", "operative", "cadre", "gunman"})


def _members_subject(pronoun: Token, own: list[tuple[Mention, Token]]) -> Mention | None:
    """The group whose members are the subject of the plural pronoun's clause ("X fighters ... their leader")."""
    if pronoun.pos_ != "PRON" or pronoun.dep_ != "poss":
        return None  # "X fighters overran a base, killing 54 of them": an object pronoun is someone else
    token = pronoun
    steps = 0
    while token.head != token and steps < 8:
        token = token.head
        steps += 1
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if token.pos_ in ("VERB", "AUX") else None
        if subject is None or subject.is_ancestor(pronoun) or subject == pronoun:
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in _CLAUSE_LINKS:
                return None
            continue
        if subject.tag_ != "NNS" or subject.lemma_.lower() not in _MEMBER_PLURALS:
            return None
        groups = {m.actor_key: m for m, t in own if t.head == subject and t.dep_ in ("compound", "poss", "nmod")}
        return next(iter(groups.values())) if len(groups) == 1 else None
    return None


def _described_by(pronoun: Token) -> set[int]:
    """Tokens that the phrase holding the pronoun describes: in "X, one of its rivals" or
    "X is its rival" the pronoun cannot stand for X (the phrase says what X is to someone else)."""
    described: set[int] = set()
    token = pronoun
    steps = 0
    while token.head != token and steps < 8:
        if token.dep_ == "appos":
            described.add(token.head.i)
        elif token.dep_ in ("attr", "oprd"):
            described |= {c.i for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        elif token.dep_ == "pobj" and token.head.lower_ == "as":  # "Y accepted X as its affiliate": its is Y
            holder = noun_holder(token)
            if holder is not None:
                described.add(holder.i)
        elif token.dep_ not in ("poss", "pobj", "prep", "compound", "amod", "conj"):
            break
        token = token.head
        steps += 1
    return described


_PARTITIVE_HEADS = frozenset({"one", "some", "many", "several", "each", "any", "most", "none"})


def _partitive(noun: Token) -> bool:
    """ "X, one of the factions that ...": the plural names the kind X belongs to, not earlier actors."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head != prep \
        and prep.head.lemma_.lower() in _PARTITIVE_HEADS


def _relative_clause_subject(anaphor: Token) -> set[int]:
    """ "X, one of the factions that later merged into it": the relative clause's subject is X (through
    "that"), and the clause's object pronoun names something else."""
    token = anaphor
    steps = 0
    while token.dep_ in ("pobj", "prep", "dobj", "dative") and token.head != token and steps < 4:
        token = token.head
        steps += 1
    if token.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which", "who")
                                        for c in token.children):
        return set()
    head = token.head
    holder = noun_holder(head)
    return {head.i} | ({holder.i} if holder is not None else set())


def _own_clause_subject(anaphor: Token) -> set[int]:
    """Tokens of the subject of the clause whose object a group noun is: in "X and Y clashed with the
    insurgents" or "X attacked the group" the noun names someone else than the subject."""
    if anaphor.pos_ != "NOUN" and not _object_pronoun(anaphor):
        return set()  # "X and Y fought their rivals": a possessive may take up its own subject
    token = anaphor
    while token.dep_ in ("pobj", "prep", "dobj", "dative", "conj") and token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return set()


def _object_pronoun(token: Token) -> bool:
    """ "X designated it", "X fought them": an object pronoun is not its own clause's subject ("itself" would be)."""
    return token.lower_ in ("it", "them") and token.dep_ in ("dobj", "dative", "pobj")


def _trailing_space(sent: Span) -> int:
    text = sent.text
    return len(text) - len(text.rstrip())
