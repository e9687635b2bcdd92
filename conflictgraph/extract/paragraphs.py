"""A blank line ends a sentence (spaCy pipe ``conflict_paragraph_breaks``, before the parser).

The small model's parser runs a headline without a final stop into the first sentence of the report below it
("Insurgents raid X as Y prepares to leave" + blank line + "Fighters of Z stormed ..."), and then hangs the
report's verbs on the headline's: doers, places and dates of two statements get mixed. A blank line is where
the author ended one block of text, so the token after it starts a sentence; the parser keeps boundaries set
before it and still splits inside paragraphs as it learned to.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PIPE = "conflict_paragraph_breaks"


@Language.component(PIPE)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def use_paragraph_breaks(nlp: Language) -> Language:
    """Add the pipe before the parser (a model without a parser is returned unchanged)."""
    if "parser" in nlp.pipe_names and PIPE not in nlp.pipe_names:
        nlp.add_pipe(PIPE, before="parser")
    return nlp
