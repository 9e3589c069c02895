"""Stage 3: recognise the entities a sentence names, from the lexicon's names.

All names are compiled once into an Aho-Corasick automaton (pyahocorasick) over word keys, so a
sentence is scanned once whatever the number of names. Matching ignores case, punctuation and
spelling variants (see lexicon.py); short acronyms ("US", "IRA") must keep their case. Where
names overlap, the longest wins ("Ganfeng Lithium" over "lithium", "Beijing EU7" over
"Beijing"), then the leftmost.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from kg.extraction.lexicon import Lexicon, Name, words

# registry names beat reviewers' merges, which beat candidates and generic terms
_ORIGIN_RANK = {"registry": 0, "chemistry": 0, "merge": 1, "term": 2, "candidate": 3}


@dataclass(frozen=True)
class Mention:
    """An entity named in a sentence: the span [start, end) of the clean sentence text."""

    start: int
    end: int
    entity: str
    category: str
    origin: str = "registry"  # registry, chemistry, term, merge, candidate, discovered, anaphor


class EntityMatcher:
    """Finds every known name in a text, longest match first."""

    def __init__(self, lexicon: Lexicon):
        import ahocorasick  # imported here: `kg --help` must not pay for it

        self.lexicon = lexicon
        grouped: dict[str, list[Name]] = {}
        for name in lexicon.names:
            key = " " + " ".join(k for _, _, k in words(name.text)) + " "
            grouped.setdefault(key, []).append(name)
        self.automaton = ahocorasick.Automaton()
        for key, names in grouped.items():
            names.sort(key=lambda n: (_ORIGIN_RANK.get(n.origin, 9), n.entity))
            self.automaton.add_word(key, (key.count(" ") - 1, tuple(names)))
        if grouped:
            self.automaton.make_automaton()
        self.empty = not grouped

    def find(self, text: str) -> list[Mention]:
        """The entity mentions of `text`, left to right, none overlapping."""
        tokens = words(text)
        if not tokens or self.empty:
            return []
        haystack_parts = []
        starts = []  # position in the haystack of each token's first character
        position = 1
        for _, _, key in tokens:
            starts.append(position)
            haystack_parts.append(key)
            position += len(key) + 1
        haystack = " " + " ".join(haystack_parts) + " "
        found: list[tuple[int, int, Name]] = []
        for end_index, (length, names) in self.automaton.iter(haystack):
            first = self._first_token(starts, end_index, length)
            last = first + length
            name = self._best(names, text, tokens[first:last])
            if name is not None:
                found.append((first, last, name))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken = [False] * len(tokens)
        chosen: list[tuple[int, int, Name]] = []
        for first, last, name in found:
            if not any(taken[first:last]):
                taken[first:last] = [True] * (last - first)
                chosen.append((first, last, name))
        chosen.sort(key=lambda f: f[0])
        return [
            Mention(
                tokens[first][0],
                tokens[last - 1][1],
                name.entity,
                self.lexicon.category(name.entity),
                name.origin,
            )
            for first, last, name in chosen
        ]

    @staticmethod
    def _first_token(starts: list[int], end_index: int, length: int) -> int:
        # the match ends on the space after its last word; walk back `length` words
        position = end_index - 1  # the last character of the last word
        last_word = bisect_right(starts, position) - 1
        return last_word - length + 1

    def _best(self, names: tuple[Name, ...], text: str, tokens) -> Name | None:
        """The first of `names` whose case rule the text meets."""
        for name in names:
            if not name.exact_case or _same_case(name.text, text, tokens):
                return name
        return None


def _surface_words(text: str) -> list[tuple[int, int, str]]:
    from kg.extraction.lexicon import _WORD

    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _same_case(name: str, text: str, tokens) -> bool:
    """Do the words of `text` at `tokens` spell `name` in the same case (punctuation aside)?"""
    wanted = [text_ for _, _, text_ in _surface_words(name)]
    seen = [text[start:end] for start, end, _ in tokens]
    return wanted == seen
