"""Certainty of a fact from the cues around its trigger (issue 4).

One lexicon, ``knowledge/data/cues/certainty.yaml``, lists every cue; this
module only decides *where* a cue counts.  A cue counts when it hangs on the
trigger or on one of its syntactic ancestors (the governing path); questions,
"according to" and sentence-level attribution count for the whole sentence.

``certainty_of(span, trigger)`` returns ``(certainty, source_text)``;
``assess`` returns the same plus the source's character span and the deciding
cue, so callers can link the source to a mention with ``attributed_key``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

from conflictgraph.errors import KnowledgeError
from conflictgraph.models import Mention

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

LEXICON_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "cues" / "certainty.yaml"

# Edges that open a clause whose modality is its own: a modal on the main verb
# does not hedge a relative clause ("X, which joined Y, could attack").
_CLAUSE_BOUNDARIES = frozenset({"relcl", "acl", "appos"})
# Edges through which an attribution verb governs the reported content.
_REPORT_EDGES = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis", "dobj", "oprd", "prep"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_MAX_PATH = 12  # parse trees of news sentences are rarely deeper; guards odd parses


@dataclass(frozen=True, slots=True)
class Lexicon:
    modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    report_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    report_adjectives: frozenset[str]
    speculative_verbs: frozenset[str]
    speculative_attribution_verbs: frozenset[str]
    hedge_passives: frozenset[str]
    hedge_nouns: frozenset[str]
    attribution_verbs: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    negation_words: frozenset[str]
    negating_verbs: frozenset[str]
    conditional_markers: frozenset[str]
    question_marks: frozenset[str]
    ending_verbs: frozenset[str] = frozenset()
    standing_nouns: frozenset[str] = frozenset()
    pledge_verbs: frozenset[str] = frozenset()
    disclosure_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class CertaintyCue:
    """What decided a fact's certainty, and who (if anyone) it is attributed to."""

    certainty: str
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    cue: str | None = None


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read the certainty lexicon once per process."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise KnowledgeError(f"Cannot read certainty lexicon {path}: {e}. Restore the file from the repository.") from e

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    phrases = tuple(tuple(str(p).lower().split()) for p in raw.get("attribution_phrases") or ())
    return Lexicon(
        modals=words("modals"), hedge_adverbs=words("hedge_adverbs"), report_adverbs=words("report_adverbs"),
        hedge_adjectives=words("hedge_adjectives"), report_adjectives=words("report_adjectives"),
        speculative_verbs=words("speculative_verbs"),
        speculative_attribution_verbs=words("speculative_attribution_verbs"), hedge_passives=words("hedge_passives"),
        hedge_nouns=words("hedge_nouns"), attribution_verbs=words("attribution_verbs"),
        attribution_phrases=phrases, negation_words=words("negation_words"),
        negating_verbs=words("negating_verbs"), conditional_markers=words("conditional_markers"),
        question_marks=words("question_marks"), ending_verbs=words("ending_verbs"),
        standing_nouns=words("standing_nouns"), pledge_verbs=words("pledge_verbs"),
        disclosure_verbs=words("disclosure_verbs"),
    )


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _governing_path(trigger: Token) -> list[tuple[Token, str | None]]:
    """The trigger and its ancestors, each with the edge label it was reached through."""
    path: list[tuple[Token, str | None]] = [(trigger, None)]
    token = trigger
    while token.head != token and len(path) < _MAX_PATH:
        path.append((token.head, token.dep_))
        token = token.head
    return path


def _phrase(token: Token) -> Span:
    """The noun phrase headed by ``token``, without trailing punctuation."""
    left, right = token.left_edge.i, token.right_edge.i
    doc = token.doc
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left:right + 1]


def _subject_of(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and _lemma(child) not in ("it", "there"):
            return _phrase(child)
    for child in verb.children:  # passive with an agent: "was reported by the UN"
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _phrase(pobj)
    return None


def _according_to(sent: Span, lexicon: Lexicon) -> tuple[Span | None, str | None]:
    """Source of a sentence-wide attribution phrase ("according to a UN report")."""
    lowered = [t.lower_ for t in sent]
    for phrase in lexicon.attribution_phrases:
        n = len(phrase)
        for i in range(len(lowered) - n + 1):
            if tuple(lowered[i:i + n]) != phrase:
                continue
            last = sent[i + n - 1]
            for child in last.children:
                if child.dep_ in ("pobj", "dobj", "nsubj", "attr"):
                    return _phrase(child), " ".join(phrase)
            nxt = sent[i + n] if i + n < len(sent) else None
            if nxt is not None and nxt.dep_ in ("pobj", "dobj"):
                return _phrase(nxt), " ".join(phrase)
            return None, " ".join(phrase)
    return None, None


@dataclass(slots=True)
class _Scan:
    """Mutable accumulator used while walking one governing path."""

    speculative: str | None = None
    negated: str | None = None
    reported: str | None = None
    source: Span | None = None


def _scan_children(token: Token, scan: _Scan, lexicon: Lexicon, modality: bool) -> None:
    for child in token.children:
        lemma, dep = _lemma(child), child.dep_
        if dep in ("parataxis", "ccomp", "advcl") and lemma in lexicon.attribution_verbs:
            _parenthetical_source(child, scan)
        if not modality:
            continue
        if dep == "neg" or (dep in ("det", "advmod", "preconj") and lemma in lexicon.negation_words):
            scan.negated = scan.negated or child.text
        elif dep == "aux" and (child.tag_ == "MD" or lemma in lexicon.modals) and lemma in lexicon.modals:
            scan.speculative = scan.speculative or child.text
        elif dep in ("advmod", "amod", "acomp") and lemma in (lexicon.hedge_adverbs | lexicon.hedge_adjectives):
            scan.speculative = scan.speculative or child.text
        elif dep in ("advmod", "amod") and lemma in (lexicon.report_adverbs | lexicon.report_adjectives):
            scan.reported = scan.reported or child.text
        elif dep == "mark" and lemma in lexicon.conditional_markers:
            scan.speculative = scan.speculative or child.text


def _parenthetical_source(verb: Token, scan: _Scan) -> None:
    """ "X attacked Y, the army said": an attribution verb hanging off the fact."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return
    subject = _subject_of(verb)
    if subject is not None and scan.source is None:
        scan.reported = scan.reported or verb.text
        scan.source = subject


def _scan_ancestor(token: Token, edge: str | None, scan: _Scan, lexicon: Lexicon, modality: bool) -> None:
    lemma = _lemma(token)
    is_passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    if lemma in lexicon.attribution_verbs and edge in _REPORT_EDGES:
        subject = _subject_of(token)
        if subject is not None:
            scan.reported = scan.reported or token.text
            scan.source = scan.source or subject
        elif is_passive and lemma in lexicon.hedge_passives and modality:
            scan.speculative = scan.speculative or token.text
        else:
            scan.reported = scan.reported or token.text
    elif is_passive and lemma in lexicon.hedge_passives and modality:
        scan.speculative = scan.speculative or token.text
    if not modality:
        return
    if lemma in lexicon.negating_verbs and token.pos_ == "VERB":
        scan.negated = scan.negated or token.text
    elif lemma in lexicon.ending_verbs and token.pos_ == "VERB" and edge == "dobj" and _ends_state(token, lexicon):
        scan.negated = scan.negated or token.text
    elif lemma in lexicon.pledge_verbs and edge == "dobj":
        pass  # "vowed allegiance to X": the vow is the act, not a plan (unlike "vowed to attack X")
    elif lemma in lexicon.speculative_verbs and token.pos_ in ("VERB", "AUX"):
        scan.speculative = scan.speculative or token.text
        if lemma in lexicon.speculative_attribution_verbs and scan.source is None:
            scan.source = _subject_of(token)
    elif lemma in lexicon.hedge_nouns and token.pos_ == "NOUN" and edge in ("acl", "ccomp", "prep", "pobj", "relcl"):
        scan.speculative = scan.speculative or token.text
    elif lemma in lexicon.hedge_adjectives and token.pos_ == "ADJ":
        scan.speculative = scan.speculative or token.text


def _is_question(sent: Span, lexicon: Lexicon) -> bool:
    for token in reversed(sent):
        if token.is_space:
            continue
        if token.text in lexicon.question_marks:
            return True
        if not token.is_punct:  # closing quotes and brackets may follow the "?"
            return False
    return False


def assess(span: Span, trigger: Token | None = None) -> CertaintyCue:
    """Certainty of the fact expressed in ``span`` (around ``trigger`` if given)."""
    lexicon = load_lexicon()
    trigger = trigger if trigger is not None else span.root
    sent = trigger.sent
    scan = _Scan()
    modality = True
    for token, edge in _governing_path(trigger):
        if edge is not None:
            _scan_ancestor(token, edge, scan, lexicon, modality)
        negated_before = scan.negated
        _scan_children(token, scan, lexicon, modality)
        if edge == "dobj" and _lemma(token) in lexicon.disclosure_verbs:
            scan.negated = negated_before  # "did not announce their cooperation": the cooperation still holds
        if edge is None:
            _trigger_object_negation(token, scan, lexicon)
        if token.dep_ in _CLAUSE_BOUNDARIES:
            modality = False
    according_source, according_cue = _according_to(sent, lexicon)
    if according_cue is not None:
        scan.reported = scan.reported or according_cue
        scan.source = scan.source or according_source
    if _is_question(sent, lexicon):
        scan.speculative = scan.speculative or "?"
    return _decide(scan)


def _ends_state(verb: Token, lexicon: Lexicon) -> bool:
    """Whether an ending verb's object is a standing relation ("ended its alliance"), not an
    event that still happened ("ended the siege")."""
    return any(c.dep_ == "dobj" and _lemma(c) in lexicon.standing_nouns for c in verb.children)


def _trigger_object_negation(trigger: Token, scan: _Scan, lexicon: Lexicon) -> None:
    """ "has no links to", "denies any ties": a negative determiner on the trigger's object."""
    for child in trigger.children:
        if child.dep_ in ("dobj", "attr", "pobj", "nsubj"):
            for grand in child.children:
                if grand.dep_ == "det" and _lemma(grand) in lexicon.negation_words:
                    scan.negated = scan.negated or grand.text


def _decide(scan: _Scan) -> CertaintyCue:
    source = scan.source
    src_text = source.text if source is not None else None
    src_start = source.start_char if source is not None else None
    src_end = source.end_char if source is not None else None
    if scan.speculative:
        certainty, cue = "speculative", scan.speculative
    elif scan.negated:
        certainty, cue = "negated", scan.negated
    elif scan.reported or source is not None:
        certainty, cue = "reported", scan.reported
    else:
        certainty, cue = "asserted", None
    return CertaintyCue(certainty, src_text, src_start, src_end, cue)


def certainty_of(span: Span, trigger: Token | None = None) -> tuple[str, str | None]:
    """``(certainty, attribution source text or None)`` for the fact in ``span``."""
    cue = assess(span, trigger)
    return cue.certainty, cue.source


def attribution_span(span: Span, trigger: Token | None = None) -> tuple[int, int] | None:
    """Character offsets of the attribution source, to link it to a mention."""
    cue = assess(span, trigger)
    if cue.source_start is None or cue.source_end is None:
        return None
    return cue.source_start, cue.source_end


def attributed_key(cue: CertaintyCue, mentions: Sequence[Mention] | Iterable[Mention]) -> str | None:
    """Actor key of the mention inside the attribution source, if there is one.

    The last mention in the source phrase wins: in "a report by the UN
    monitoring team" the head is the team, but in "UN officials" the only
    mention is the UN; both resolve to the UN body named last or only.
    """
    if cue.source_start is None or cue.source_end is None:
        return None
    inside = [m for m in mentions if m.start >= cue.source_start and m.end <= cue.source_end]
    if not inside:
        return None
    return inside[-1].actor_key
