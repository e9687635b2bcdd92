"""conflict.FastAttributes.v1: the English model's attribute rules as integer lookups.

spaCy's ``attribute_ruler`` in ``en_core_web_sm`` maps fine-grained tags (plus
a few word and dependency exceptions) to coarse POS, morphology and a few
lemmas. It runs a pattern matcher over every token, which costs more than the
tagger itself. The same rules, read once from the model's own
``attribute_ruler.patterns``, become dictionaries over attribute hashes,
applied to whole arrays (``Doc.to_array`` / ``Doc.from_array``). Multi-token
and regular-expression patterns (contractions such as "gon na", "nothin'")
are checked only on tokens that can start them. ``tests/test_tagmap.py``
checks agreement with the original component.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

_KEY_FIELDS = ("TAG", "LOWER", "DEP")
# Lookup order: later, more specific keys override earlier ones, as later rules do in the ruler.
_KEY_SHAPES = ((1, 0, 0), (0, 1, 0), (1, 1, 0), (0, 1, 1), (1, 0, 1), (1, 1, 1))


class FastAttributes:
    """Applies the rules of an AttributeRuler without its matcher."""

    def __init__(self, nlp: Language, patterns: list[dict]) -> None:
        self.strings = nlp.vocab.strings
        self.morphology = nlp.vocab.morphology
        self.single: dict[tuple, dict] = {}
        self.multi: list[tuple[list[dict], dict, int]] = []
        for pattern in patterns:
            tokens = pattern["patterns"][0]
            if len(tokens) == 1 and set(tokens[0]) <= set(_KEY_FIELDS) and _plain(tokens[0]):
                for key in _expand(tokens[0]):
                    self.single.setdefault(key, {}).update(pattern["attrs"])
            else:
                self.multi.append((tokens, pattern["attrs"], pattern.get("index", 0)))
        self.by_hash = {self._hash_key(key): self._hash_attrs(attrs) for key, attrs in self.single.items()}
        # Words that can start a multi-token rule; rules without a plain first word use regular
        # expressions on contractions, so only tokens with an apostrophe need checking for them.
        self.first_words = {spec[0]["LOWER"] for spec, _, _ in self.multi if isinstance(spec[0].get("LOWER"), str)}
        self.first_tags = {tag for spec, _, _ in self.multi if "LOWER" not in spec[0] for tag in _options(spec[0].get("TAG"))}
        self.first_deps = {dep for spec, _, _ in self.multi if "LOWER" not in spec[0] for dep in _options(spec[0].get("DEP"))}

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

    def _apply_multi(self, doc: Doc) -> None:
        for token in doc:
            if not (token.is_space or "'" in token.text or "’" in token.text or token.lower_ in self.first_words
                    or token.tag_ in self.first_tags or token.dep_ in self.first_deps):
                continue
            for tokens, attrs, index in self.multi:
                if token.i + len(tokens) <= len(doc) and all(_token_matches(doc[token.i + j], spec) for j, spec in enumerate(tokens)):
                    _set(doc[token.i + index], attrs)


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


def _options(wanted: object) -> list:
    if isinstance(wanted, dict):
        return list(wanted.get("IN", []))
    return [wanted] if wanted is not None else []


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


def _token_matches(token, spec: dict) -> bool:  # noqa: ANN001 - spaCy Token
    """Whether one token meets one token pattern (exact values, IN, NOT_IN, REGEX)."""
    values = {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_, "IS_SPACE": token.is_space}
    for name, wanted in spec.items():
        value = values.get(name)
        if isinstance(wanted, dict):
            if set(wanted) - {"IN", "NOT_IN", "REGEX"}:
                return False  # an operator we do not implement: never apply the rule rather than misapply it
            if "IN" in wanted and value not in wanted["IN"]:
                return False
            if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
                return False
            if "REGEX" in wanted and not re.search(wanted["REGEX"], str(value)):
                return False
        elif value != wanted:
            return False
    return True


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
