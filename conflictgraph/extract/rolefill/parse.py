"""Per-token parse tags for the role-filler model's candidate features, from spaCy.

The candidate classifier sees a phrase's neighbour words; the dependency relation, the governing verb
and the entity label tell the subject of "kidnapped" from a name in a list. On out-of-fold train
predictions they raised template F1 from 0.401 to 0.412. The plain English model is used (not the
pipeline's, whose acronym stages follow the actor lexicon), so that the features stay fixed for the
shipped weights (which hold only hashed buckets of them). The model's contextual token vectors
(``doc.tensor``) averaged over the lead sentences were tried for the document decisions and dropped:
they predict relevance barely above the base rate and lowered the stacked result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from conflictgraph.extract.rolefill.features import Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_GOVERNOR_STEPS = 3  # from a noun up through prepositions and noun heads to its verb


Tags = tuple[tuple[str, ...], ...]  # per project token (``features.tokenize``), its parse tags


@lru_cache(maxsize=1)
def _nlp() -> Language:
    from conflictgraph.extract.pipeline import load_model_package

    return load_model_package()


def _governor_tags(token) -> tuple[str, ...]:  # noqa: ANN001 - a spaCy Token
    """Relation to the governing verb ("nsubj|kidnap", "by|kill" for an agent phrase) and that verb."""
    preposition, head = None, token.head
    for _ in range(_GOVERNOR_STEPS):
        if head.pos_ in ("VERB", "AUX") or head.i == head.head.i:
            break
        if head.pos_ == "ADP" and preposition is None:  # the nearest preposition says how it attaches
            preposition = head.lower_
        head = head.head
    relation = preposition or token.dep_
    if head.pos_ not in ("VERB", "AUX") or head.i == token.i:
        return (f"dep={token.dep_}",)
    return (f"dep={token.dep_}", f"gov={relation}|{head.lemma_}", f"verb={head.lemma_}")


def _token_tags(token) -> tuple[str, ...]:  # noqa: ANN001 - a spaCy Token
    entity = f"ent={token.ent_type_}" if token.ent_type_ else "ent=none"
    return (*_governor_tags(token), entity, f"pos={token.pos_}")


def token_tags(doc: Doc, tokens: list[Token]) -> Tags:
    """Align a spaCy parse of the same text with the project's tokens (by character offset)."""
    at_char = np.full(len(doc.text) + 1, -1, dtype=np.int64)
    for token in doc:
        at_char[token.idx:token.idx + len(token.text)] = token.i
    return tuple(_token_tags(doc[at_char[t.start]]) if at_char[t.start] >= 0 else () for t in tokens)


def parse(text: str, tokens: list[Token]) -> Tags:
    return token_tags(_nlp()(text), tokens)


def parse_many(texts: Iterable[str], tokens: Iterable[list[Token]]) -> Iterator[Tags]:
    """``parse`` over many texts, batched through spaCy (for training)."""
    for doc, toks in zip(_nlp().pipe(texts, batch_size=32), tokens, strict=True):
        yield token_tags(doc, toks)
