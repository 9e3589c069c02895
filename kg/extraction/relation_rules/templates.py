"""How a relation rule is written: a template with typed slots, compiled to a regular expression.

A template is matched against the masked sentence (see relations.py). `{s:ORG}` is one
organisation captured as `s`, `{o:ORGS}` a list of them ("A, B and C"), `{m:PROD|CHEM}` a
product or a chemistry. `{G}` is a short stretch of words with no entity in it, `{W}` one that
may step over places and chemistries (`{GL}`, `{WL}` longer ones, `{A}` one over any entity).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.extraction import literals

_LIST_JOINERS = r"(?:,? and |, |,? or |- and | & | as well as | alongside (?:the |its )?| plus )"
_GAPS = {
    "G": r"[^⟨⟩]{0,80}?",
    "GL": r"[^⟨⟩]{0,120}?",
    "W": r"(?:[^⟨⟩]|⟨(?:PLACE|CHEM)\d+⟩){0,90}?",
    "A": r"(?:[^⟨⟩]|⟨[A-Z]+\d+⟩){0,150}?",
    "WL": r"(?:[^⟨⟩]|⟨(?:PLACE|CHEM)\d+⟩){0,160}?",
}
_SLOT = re.compile(r"\{(?:(\w+):)?([A-Z|]+)\}")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    # what it emits: (predicate, subject slot, object slot, modality, confidence)
    emits: tuple[tuple[str, str, str, str, float], ...]
    needs: frozenset[str] = field(default_factory=frozenset)
    slots: tuple[frozenset[str], ...] = ()  # the placeholder codes each slot accepts
    # False for a masked sentence lacking a word the pattern needs (its verb...): no need to run it
    has_words: Callable[[str], bool] = field(default=lambda text: True, compare=False, repr=False)

    def may_match(self, present: frozenset[str]) -> bool:
        """Can it match a sentence with placeholders of these codes? (Every slot needs one.)"""
        return all(not present.isdisjoint(codes) for codes in self.slots)


def _compile(template: str) -> re.Pattern[str]:
    def slot(match: re.Match[str]) -> str:
        name, kind = match.group(1), match.group(2)
        if name is None and kind in _GAPS:
            return _GAPS[kind]
        alternatives = kind.split("|")
        many = any(a.endswith("S") for a in alternatives)  # ORGS: a list of organisations
        codes = "|".join(a[:-1] if a.endswith("S") else a for a in alternatives)
        one = rf"⟨(?:{codes})\d+⟩"
        if codes == "ORG":  # "Japan's Mitsuya Chemical" is still an organisation slot
            one = rf"(?:⟨PLACE\d+⟩'s )?{one}"
        body = rf"{one}(?:{_LIST_JOINERS}{one})*" if many else one
        return f"(?P<{name}>{body})" if name else body

    return re.compile(_SLOT.sub(slot, template))


def _slot_codes(template: str) -> tuple[frozenset[str], ...]:
    slots = []
    for name, kind in _SLOT.findall(template):
        if name or kind not in _GAPS:
            slots.append(frozenset(a[:-1] if a.endswith("S") else a for a in kind.split("|")))
    return tuple(slots)


def rule(
    name: str, template: str, *emits: tuple, confidence: float = 0.75, needs: tuple[str, ...] = ()
) -> Rule:
    full = []
    for emit in emits:
        predicate, s, o, *rest = emit
        modality = rest[0] if rest else "Explicit"
        full.append((predicate, s, o, modality, rest[1] if len(rest) > 1 else confidence))
    pattern = _compile(template)
    return Rule(name, pattern, tuple(full), frozenset(needs), _slot_codes(template), literals.needs(pattern))
