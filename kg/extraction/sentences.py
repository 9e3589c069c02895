"""Stage 2: the article's sentences, each with its locator and its clean text.

Sentence boundaries are those of kg/sentences.py, computed on the raw file text, so that an
extracted claim's locator (index, span, SHA-256) is exactly the one a curator would write and
`kg build --corpus` verifies. The clean text of each sentence is read off the normalised text
through its offset map; a sentence with no clean text (a script, a menu, a footer) is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extraction.normalise import Normalised
from kg.sentences import sha256_text, split_sentences


@dataclass(frozen=True)
class ArticleSentence:
    """A sentence: its index and raw span (the locator), the hash of its raw text, its clean text."""

    index: int
    start: int
    end: int
    sha256: str
    text: str


def article_sentences(raw: str, normalised: Normalised) -> list[ArticleSentence]:
    """The sentences of an article that carry prose, in order."""
    found = []
    for sentence in split_sentences(raw):
        clean = normalised.slice(sentence.start, sentence.end)
        if any(c.isalpha() for c in clean):
            found.append(
                ArticleSentence(
                    sentence.index,
                    sentence.start,
                    sentence.end,
                    sha256_text(raw[sentence.start : sentence.end]),
                    clean,
                )
            )
    return found
