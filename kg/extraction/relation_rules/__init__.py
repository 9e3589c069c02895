"""The relation patterns, one per way news copy states a relation.

A pattern is a regular expression over the masked sentence (see relations.py) written with
typed slots: `{s:ORG}` is one organisation captured as `s`, `{o:ORGS}` a list of them ("A, B
and C"), `{m:PROD|CHEM}` a product or a chemistry. `{G}` is a short stretch of words with no
entity in it, `{W}` one that may step over places and chemistries. Each rule emits relations
between its slots, with a confidence (how often the pattern is right) and a modality
(Explicit when the words say the relation, Implied when it follows from them).

The wording is generic business-news English: verbs and nouns of partnering, licensing,
investing, supplying and so on. No rule names an entity or copies an article's phrasing.
"""

from __future__ import annotations

from kg.extraction.relation_rules import materials, organisations, policy, production, supply, technology
from kg.extraction.relation_rules.templates import Rule, rule

__all__ = ["RULES", "Rule", "rule", "rules_for"]

# in this order: when two rules find the same relation with the same confidence, the first one's
# name is the one recorded
RULES: list[Rule] = [
    *organisations.RULES,
    *supply.RULES,
    *technology.RULES,
    *production.RULES,
    *policy.RULES,
    *materials.RULES,
]

_APPLICABLE: dict[frozenset[str], list[Rule]] = {}


def rules_for(present: frozenset[str]) -> list[Rule]:
    """The rules that can match a sentence holding placeholders of the codes `present` (cached)."""
    rules = _APPLICABLE.get(present)
    if rules is None:
        rules = _APPLICABLE[present] = [r for r in RULES if r.may_match(present)]
    return rules
