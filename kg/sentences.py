"""Split an article's raw text into sentences whose offsets point into that raw text.

Locators (sentence index, character span) must resolve against the article exactly as it sits
on disk, so nothing here rewrites the text: HTML tags are blanked to spaces of the same length,
every line is treated as its own block (headings and page furniture end at a line break), and
syntok splits each block. syntok also splits sentences glued together without a space
("materials.This"), which some agency copy has.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_TAG = re.compile(r"<[^>]{0,200}>")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its position and its character span [start, end)."""

    index: int
    start: int
    end: int

    def text(self, article_text: str) -> str:
        return article_text[self.start : self.end]

    def sha256(self, article_text: str) -> str:
        return sha256_text(self.text(article_text))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def blank_markup(text: str) -> str:
    """Replace each HTML tag by spaces of equal length, so offsets are unchanged."""
    return _TAG.sub(lambda m: " " * len(m.group()), text)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, in order, with spans into `text` itself."""
    from syntok import segmenter  # imported here: `kg --help` must not pay for it

    plain = blank_markup(text)
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in plain.split("\n"):
        if line.strip():
            for paragraph in segmenter.analyze(line):
                for sentence in paragraph:
                    tokens = [t for t in sentence if t.value]
                    if tokens:
                        start = tokens[0].offset
                        end = tokens[-1].offset + len(tokens[-1].value)
                        # trailing blanked tags and spaces are not part of the sentence
                        end = start + len(line[start:end].rstrip())
                        spans.append((offset + start, offset + end))
        offset += len(line) + 1
    return [Sentence(i, start, end) for i, (start, end) in enumerate(spans)]
