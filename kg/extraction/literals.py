"""The words a regular expression cannot match without, to rule a text out before running it.

Most extraction patterns match few sentences, yet a pattern that opens with a name or a
placeholder is tried at every position of every sentence. A match must contain each literal run
of the pattern that is not optional (and, of a choice, one run of the chosen branch), so a text
lacking any of them cannot match: `needs(pattern)` gives those runs as a test several times
faster than the pattern. Read from the pattern itself, it can never fall out of step with it.

The test is conservative: whatever it does not understand (case folding, a construct of a later
Python) asks for nothing, and then the pattern is simply run.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Requirement = frozenset[str]  # the match contains at least one of these strings


def needs(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """A test that is False only for texts in which `pattern` cannot match."""
    requirements = required(pattern)  # the strongest first, which each group below keeps
    if not requirements:
        return _anything
    # single strings before choices: `in` is the cheapest test; and as the test runs some 300
    # times per article, it is a plain loop rather than all() over a generator (an ingest: 5 %
    # fewer instructions, README "Speed")
    words = tuple(next(iter(r)) for r in requirements if len(r) == 1)
    choices = tuple(_finder(r) for r in requirements if len(r) > 1)
    if not choices and len(words) == 1:
        (word,) = words
        return lambda text: word in text

    def test(text: str) -> bool:
        for word in words:
            if word not in text:
                return False
        for found in choices:  # noqa: SIM110 - a loop: all() over a generator costs more than the test
            if not found(text):
                return False
        return True

    return test


def required(pattern: re.Pattern[str]) -> list[Requirement]:
    """The literal runs every match of `pattern` holds, the strongest first ([] when unsure)."""
    try:
        from re import _constants, _parser  # the parser `re` compiles with (private, hence the guard)

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if parsed.state.flags & re.IGNORECASE:
            return []
        found = _sequence(list(parsed.data), _constants)
    except Exception:  # noqa: BLE001 - another Python's parser: run the pattern without a test
        return []
    # "production" adds nothing to a requirement already met by "produc"
    minimal = [frozenset(s for s in r if not any(o != s and o in s for o in r)) for r in found]
    kept: list[Requirement] = []
    for requirement in sorted(set(minimal), key=_strength, reverse=True):
        # nor " " to one met by " and " (each string of a kept one holds one of its strings)
        if not any(all(any(x in s for x in requirement) for s in other) for other in kept):
            kept.append(requirement)
    return kept


_MOST_STRINGS = 64  # a run spelled out over its branches ("-backed", "-funded") up to this many ways


def _sequence(items: list, c) -> list[Requirement]:
    """The requirements of a sequence of parsed items: its literal runs and those of its parts.

    A run goes on through groups and through choices between plain words, so that "-(backed|funded)"
    needs "-backed" or "-funded", not just "-".
    """
    found: list[Requirement] = []
    run = {""}  # the run so far, in each of its spellings

    def end_run() -> None:
        nonlocal run
        if run != {""}:
            found.append(frozenset(run))
        run = {""}

    for op, av in _spliced(items, c):
        if op is c.LITERAL:
            run = {s + chr(av) for s in run}
            continue
        words = _words(av, c) if op is c.BRANCH else None
        if words is not None:
            if len(run) * len(words) > _MOST_STRINGS:
                end_run()
            run = {s + w for s in run for w in words}
            continue
        end_run()
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                found += _sequence(list(sub.data), c)
        elif op is c.BRANCH:
            choice: set[str] = set()
            for alternative in av[1]:
                strongest = max(_sequence(list(alternative.data), c), key=_strength, default=None)
                if strongest is None:  # a branch that needs nothing: the choice needs nothing
                    break
                choice |= strongest
            else:
                found.append(frozenset(choice))
        # anything else (a class, a lookaround, an anchor, a back-reference) needs nothing known
    end_run()
    return found


def _spliced(items: list, c) -> list:
    """The items with the contents of plain groups in their place (a group's text is contiguous)."""
    out = []
    for op, av in items:
        if op is c.SUBPATTERN and not (av[1] or av[2]):
            out += _spliced(list(av[3].data), c)
        elif op is c.ATOMIC_GROUP:
            out += _spliced(list(av.data), c)
        elif op is c.SUBPATTERN:
            out.append((None, None))  # a scoped flag may fold case: ask nothing of it
        else:
            out.append((op, av))
    return out


def _words(branch, c) -> list[str] | None:
    """The alternatives of a choice between plain words, spelled out; None for any other choice."""
    words = []
    for alternative in branch[1]:
        items = _spliced(list(alternative.data), c)
        if not all(op is c.LITERAL for op, _ in items):
            return None
        words.append("".join(chr(av) for _, av in items))
    return words


def _strength(requirement: Requirement) -> tuple[int, int]:
    """Longer strings, and fewer of them, rule out more texts."""
    return min(map(len, requirement)), -len(requirement)


_FEW = 4  # up to this many strings, `in` for each is faster than starting an automaton (measured)


def _finder(requirement: Requirement) -> Callable[[str], bool]:
    """A test for a text holding one of the strings: `in` for each of a few, else one pass of an
    automaton, however many."""
    if len(requirement) <= _FEW:
        strings = tuple(sorted(requirement))

        def holds_one(haystack: str) -> bool:
            for text in strings:  # noqa: SIM110 - as in needs(): no generator
                if text in haystack:
                    return True
            return False

        return holds_one
    import ahocorasick  # as in entities.py; a regular expression of many words is several times slower

    automaton = ahocorasick.Automaton()
    for text in requirement:
        automaton.add_word(text, text)
    automaton.make_automaton()

    def found(haystack: str) -> bool:
        for _ in automaton.iter(haystack):
            return True
        return False

    return found


def _anything(text: str) -> bool:
    return True
