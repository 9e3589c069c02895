"""Split an article's raw text into sentences whose offsets point into that raw text.

Locators (sentence index, character span) must resolve against the article exactly as it sits
on disk, so nothing here rewrites the text: HTML tags are blanked to spaces of the same length,
and the text is cut into blocks that sentencex (Wikimedia's segmenter, compiled, with the
abbreviation lists of English) splits into sentences. A block ends at a line break (headings and
page furniture end there) and at a block-level HTML tag (`</p>`, `<h2>`, `<br>`, `<li>`...), so
a page written on one line still splits at its paragraphs. Hard-wrapped text, whose paragraphs
are broken into lines of about the same width, is the exception: there a paragraph's lines form
one block. sentencex also splits sentences glued together without a space ("materials.This"),
which some agency copy has.

The boundaries are part of every locator, so the splitter's version is pinned (pyproject.toml):
another version may cut a sentence elsewhere, and `kg build --corpus` would then report each
curated locator it moved.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_TAG = re.compile(r"<[^>]{0,200}>")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|section|article|header|footer|nav|aside|main|"
    r"blockquote|figure|figcaption|pre|hr|dd|dt|dl|title|form)\b[^>]{0,200}>",
    re.I,
)
_MARKDOWN_BLOCK = re.compile(r"^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\||```|~~~)")
_END = "\x00"  # marks the end of a block-level tag in the blanked text
_WRAP_WIDTH = 100  # a hard-wrapped text has nearly all its lines at most this long


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
    if "<" not in text:
        return text
    return _TAG.sub(lambda m: " " * len(m.group()), text)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, in order, with spans into `text` itself."""
    from sentencex import get_sentence_boundaries  # imported here: `kg --help` must not pay for it

    plain = _mark_block_ends(text, blank_markup(text))
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(plain, hard_wrapped(text)):
        block = plain[block_start:block_end]
        for boundary in get_sentence_boundaries("en", block):
            start, end = boundary["start_index"], boundary["end_index"]  # code points, as str slices
            # the spaces and blanked tags around a sentence are not part of it
            piece = block[start:end]
            start += len(piece) - len(piece.lstrip())
            end = start + len(block[start:end].rstrip())
            if start < end:
                spans.append((block_start + start, block_start + end))
    return [Sentence(i, start, end) for i, (start, end) in enumerate(spans)]


def hard_wrapped(text: str) -> bool:
    """True for text whose paragraphs are broken into lines of about the same width."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    if len(lengths) < 4:
        return False
    return lengths[int(len(lengths) * 0.9) - 1] <= _WRAP_WIDTH and sum(n >= 50 for n in lengths) >= 3


def _mark_block_ends(text: str, plain: str) -> str:
    """Put a block-end marker on the last character of every block-level tag (blanked already)."""
    if "<" not in text:
        return plain
    chars = list(plain)
    for match in _BLOCK_TAG.finditer(text):
        chars[match.end() - 1] = _END
    return "".join(chars)


def _blocks(plain: str, wrapped: bool) -> list[tuple[int, int]]:
    """[start, end) of each block: a line or a part of one between block tags; in hard-wrapped
    text, the consecutive lines of one paragraph."""
    pieces: list[tuple[int, int, bool]] = []  # start, end, and whether a line break follows
    offset = 0
    for line in plain.split("\n"):
        at = offset
        parts = line.split(_END)
        for k, part in enumerate(parts):
            pieces.append((at, at + len(part), k == len(parts) - 1))
            at += len(part) + 1
        offset += len(line) + 1
    blocks: list[tuple[int, int]] = []
    joinable = False  # may the next piece continue the last block?
    for start, end, line_break in pieces:
        piece = plain[start:end]
        if not piece.strip():
            joinable = False
            continue
        if wrapped and joinable and _continues(plain[blocks[-1][0] : blocks[-1][1]], piece):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
        joinable = line_break
    return blocks


def _continues(previous: str, line: str) -> bool:
    """In hard-wrapped text: does `line` carry on the paragraph whose text so far is `previous`?"""
    last = previous.rsplit("\n", 1)[-1]
    if _MARKDOWN_BLOCK.match(line) or _MARKDOWN_BLOCK.match(last):
        return False
    # a short line is a heading or a byline, or the end of a paragraph, not wrapped prose
    return len(last.rstrip()) >= 0.5 * _WRAP_WIDTH
