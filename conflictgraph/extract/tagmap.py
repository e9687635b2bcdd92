"""conflict.FastAttributes.v1: the English model's attribute rules as integer lookups.

spaCy's ``attribute_ruler`` in ``en_core_web_sm`` maps fine-grained tags (plus
a few word and dependency exceptions) to coarse POS, morphology and a few
lemmas. It runs a pattern matcher over every token, which costs more than the
tagger itself. The same rules, read once from the model's own
``attribute_ruler.patterns``, become dictionaries over attribute hashes,
applied to whole arrays (``Doc.to_array`` / ``Doc.from_array``). Multi-token
and regular-expression patterns (contractions such as "gon na", "nothin'")
become conditions over the same arrays, matched for all tokens at once. ``tests/test_tagmap.py``
checks agreement with the original component.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

_KEY_FIELDS = ("TAG", "LOWER", "DEP")
# Lookup order: later, more specific keys override earlier ones, as later rules do in the ruler.
_KEY_SHAPES = ((1, 0, 0), (0, 1, 0), (1, 1, 0), (0, 1, 1), (1, 0, 1), (1, 1, 1))
_ATTR_IDS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_MULTI_ATTRS = (TAG, LOWER, DEP, IS_SPACE)


class FastAttributes:
    """Applies the rules of an AttributeRuler without its matcher."""

    def __init__(self, nlp: Language, patterns: list[dict]) -> None:
        self.strings = nlp.vocab.strings
        self.morphology = nlp.vocab.morphology
        self.single: dict[tuple, dict] = {}
        self.multi: list[tuple[list[dict], dict, int]] = []
        for pattern in patterns:
            for tokens in pattern["patterns"]:  # one rule may list several alternative patterns
                if len(tokens) == 1 and set(tokens[0]) <= set(_KEY_FIELDS) and _plain(tokens[0]):
                    for key in _expand(tokens[0]):
                        self.single.setdefault(key, {}).update(pattern["attrs"])
                else:
                    self.multi.append((tokens, pattern["attrs"], pattern.get("index", 0)))
        self.by_hash = {self._hash_key(key): self._hash_attrs(attrs) for key, attrs in self.single.items()}
        # Multi-token rules become per-token conditions over attribute arrays, checked for all tokens at
        # once; only matches are touched in Python.
        self.multi_checks = [[self._compile(spec) for spec in tokens] for tokens, _, _ in self.multi]
        self._regex_hits: dict[tuple[str, int], bool] = {}

    def _hash_key(self, key: tuple) -> tuple:
        return tuple(self.strings.add(v) if v is not None else 0 for v in key)

    def _hash_attrs(self, attrs: dict) -> tuple[int | None, int | None, int | None]:
        pos = self.strings.add(attrs["POS"]) if "POS" in attrs else None
        morph = self.morphology.add(attrs["MORPH"]) if "MORPH" in attrs else None
        lemma = self.strings.add(attrs["LEMMA"]) if "LEMMA" in attrs else None
        return pos, morph, lemma

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array([TAG, LOWER, DEP]).tolist()
        out = doc.to_array([POS, MORPH, LEMMA])
        for i, (tag, lower, dep) in enumerate(keys):
            for shape in _KEY_SHAPES:
                attrs = self.by_hash.get((tag * shape[0], lower * shape[1], dep * shape[2]))
                if attrs:
                    for column, value in enumerate(attrs):
                        if value is not None:
                            out[i, column] = value
        doc.from_array([POS, MORPH, LEMMA], out)
        self._apply_multi(doc)
        return doc

    def _compile(self, spec: dict) -> list[tuple[int, str, object]]:
        """One token pattern as (array column, test, wanted hashes) triples; columns follow ``_MULTI_ATTRS``."""
        checks = []
        for name, wanted in spec.items():
            if name not in _ATTR_IDS:
                return [(0, "never", None)]  # an attribute we do not read: never apply the rule
            column = _MULTI_ATTRS.index(_ATTR_IDS[name])
            if name == "IS_SPACE":
                checks.append((column, "eq", int(bool(wanted))))
            elif not isinstance(wanted, dict):
                checks.append((column, "eq", self.strings.add(wanted)))
            elif set(wanted) - {"IN", "NOT_IN", "REGEX"}:
                checks.append((column, "never", None))  # an operator we do not implement: never apply the rule
            else:
                for test in ("IN", "NOT_IN"):
                    if test in wanted:
                        hashes = numpy.array([self.strings.add(v) for v in wanted[test]], dtype=numpy.uint64)
                        checks.append((column, test, hashes))
                if "REGEX" in wanted:
                    checks.append((column, "REGEX", re.compile(wanted["REGEX"])))
        return checks

    def _holds(self, column: numpy.ndarray, test: str, wanted: object) -> numpy.ndarray:
        if test == "eq":
            return column == wanted
        if test == "IN":
            return numpy.isin(column, wanted)
        if test == "NOT_IN":
            return ~numpy.isin(column, wanted)
        if test == "REGEX":  # each distinct word once
            values, inverse = numpy.unique(column, return_inverse=True)
            held = numpy.array([self._regex_holds(wanted, value) for value in values.tolist()], dtype=bool)
            return held[inverse]
        return numpy.zeros(len(column), dtype=bool)

    def _regex_holds(self, pattern: re.Pattern, value: int) -> bool:
        held = self._regex_hits.get((pattern.pattern, value))
        if held is None:
            held = self._regex_hits[(pattern.pattern, value)] = pattern.search(self.strings[value]) is not None
        return held

    def _starts(self, arrays: numpy.ndarray, checks: list[list[tuple[int, str, object]]]) -> list[int]:
        """Start positions where every token pattern of one rule holds."""
        size = len(arrays) - len(checks) + 1
        if size <= 0:
            return []
        mask = numpy.ones(size, dtype=bool)
        for offset, token_checks in enumerate(checks):
            for column, test, wanted in token_checks:
                mask &= self._holds(arrays[offset:offset + size, column], test, wanted)
        return numpy.flatnonzero(mask).tolist()

    def _apply_multi(self, doc: Doc) -> None:
        # Like the ruler: every rule is matched on the attributes as they were, then applied in rule order.
        arrays = doc.to_array(list(_MULTI_ATTRS)).astype(numpy.uint64)
        matches = [(i + index, attrs) for (_, attrs, index), checks in zip(self.multi, self.multi_checks, strict=True)
                   for i in self._starts(arrays, checks)]
        for i, attrs in matches:
            _set(doc[i], attrs)


def _set(token, attrs: dict) -> None:  # noqa: ANN001 - spaCy Token
    if "TAG" in attrs:
        token.tag_ = attrs["TAG"]
    if "DEP" in attrs:
        token.dep_ = attrs["DEP"]
    if "POS" in attrs:
        token.pos_ = attrs["POS"]
    if "MORPH" in attrs:
        token.set_morph(attrs["MORPH"])
    if "LEMMA" in attrs:
        token.lemma_ = attrs["LEMMA"]


def _plain(spec: dict) -> bool:
    return all(not isinstance(v, dict) or set(v) == {"IN"} for v in spec.values())


def _expand(spec: dict) -> list[tuple]:
    """All (TAG, LOWER, DEP) keys one token pattern stands for ({"IN": [...]} lists expanded)."""
    keys: list[tuple] = [()]
    for name in _KEY_FIELDS:
        wanted = spec.get(name)
        options = wanted["IN"] if isinstance(wanted, dict) else [wanted]
        keys = [key + (option,) for key in keys for option in options]
    return keys


@Language.factory("conflict_fast_attributes")
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:  # noqa: ARG001 - spaCy factory signature
    return FastAttributes(nlp, nlp.get_pipe("attribute_ruler").patterns)


def use_fast_attributes(nlp: Language) -> Language:
    """Run the model's attribute rules as lookups instead of its matcher (same rules)."""
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("conflict_fast_attributes", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    return nlp


# ------------------------------------------------------------ actor acronyms ---
# conflict.ActorAcronyms.v1: the small model reads a group's acronym that spells an English word
# ("IS" for the Islamic State) as that word: its embedding starts from the token's NORM, which is
# the lower-case form "is", so the tagger says VBZ/AUX and the parser hangs the sentence on it
# (subjects become "auxpass", objects "xcomp"). Before the model runs, a token that is a known
# actor acronym, written upper case, gets its own upper-case text as NORM, which no English word
# has, so the model falls back on its shape (an upper-case acronym) and parses it as a name; after
# the tagger it is tagged NNP (PROPN), so lemmas and POS agree. Tokens are found with one array
# lookup over the document; only the few hits are touched in Python.

_ACRONYM_KINDS = frozenset({"armed_group", "coalition", "organization"})
_PROPER_TAG = "NNP"


def actor_acronyms() -> frozenset[str]:
    """One-token upper-case aliases of groups, coalitions and organizations in the knowledge base
    that spell an English function word ("IS", "ITS"). Other acronyms ("AQI", "HUM") keep their
    norm: the model already reads them as names, and a new norm would only shift their parse at random.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    from conflictgraph.knowledge.actors import load_knowledge_base

    found = set()
    for entry in load_knowledge_base().entries.values():
        if entry.kind in _ACRONYM_KINDS:
            found.update(name for name in entry.names() if _is_acronym_token(name) and name.lower() in STOP_WORDS)
    return frozenset(found)


def _is_acronym_token(name: str) -> bool:
    return len(name) >= 2 and name.isalpha() and name.isupper()


class ActorAcronyms:
    """Marks known actor acronyms as names: NORM before the model (``stage="norm"``), TAG after the tagger."""

    def __init__(self, nlp: Language, stage: str, acronyms: frozenset[str] | None = None) -> None:
        self.stage = stage
        words = acronyms if acronyms is not None else actor_acronyms()
        self.orths = numpy.array(sorted(nlp.vocab.strings.add(word) for word in words), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not len(self.orths):
            return doc
        hits = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), self.orths)).tolist()
        for i in hits:
            token = doc[i]
            if self.stage == "norm":
                if not _in_capitals(doc, i, self.orths):
                    token.norm_ = token.text
            elif token.norm_ == token.text:  # marked by the norm stage
                token.tag_ = _PROPER_TAG
        return doc


def _in_capitals(doc: Doc, i: int, orths: numpy.ndarray) -> bool:
    """Whether the token sits in a run of capitals ("WHAT IS NEXT"): there "IS" may be the verb."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc):
            word = doc[j]
            if len(word.text) >= 2 and word.text.isalpha() and word.text.isupper() and word.orth not in orths:
                return True
    return False


@Language.factory("conflict_actor_acronyms", default_config={"stage": "norm"})
def make_actor_acronyms(nlp: Language, name: str, stage: str) -> ActorAcronyms:  # noqa: ARG001 - spaCy factory signature
    return ActorAcronyms(nlp, stage)


def use_actor_acronyms(nlp: Language) -> Language:
    """Add the two acronym stages around the tagger (before the shared embedding, after the tags)."""
    if "tok2vec" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        nlp.add_pipe("conflict_actor_acronyms", name="conflict_acronym_norms", before="tok2vec", config={"stage": "norm"})
        nlp.add_pipe("conflict_actor_acronyms", name="conflict_acronym_tags", after="tagger", config={"stage": "tag"})
    return nlp
