"""Stage 3c: references that name an entity without its name, resolved to entities already known.

    descriptions.py   a line, product, vehicle or policy called by what it is ("its electrolyte
                      plant in Thornton" for the Solid Power Thornton electrolyte plant)
    anaphors.py       "the company", "the Korean cell maker", "it", "the plant", "both
                      companies"; and the organisation a sentence is about

`merge_mentions` puts the mentions they find in place of those they cover.
"""

from __future__ import annotations

from kg.extraction.entities import Mention
from kg.extraction.references.anaphors import POSSESSIVE, ROLE_NOUNS, anaphors, sentence_subject
from kg.extraction.references.descriptions import Description, describe, descriptions

__all__ = [
    "POSSESSIVE",
    "ROLE_NOUNS",
    "Description",
    "anaphors",
    "describe",
    "descriptions",
    "merge_mentions",
    "sentence_subject",
]


def merge_mentions(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """Add `extra` mentions, each replacing the mentions it overlaps (longer ones win ties)."""
    result = list(mentions)
    for new in sorted(extra, key=lambda m: -(m.end - m.start)):
        overlapping = [m for m in result if m.start < new.end and new.start < m.end]
        if any(
            (m.end - m.start) > (new.end - new.start) and m.origin not in ("chemistry", "term")
            for m in overlapping
        ):
            continue
        result = [m for m in result if m not in overlapping] + [new]
    return sorted(result, key=lambda m: m.start)
