"""The words a pattern cannot match without (kg/extraction/literals.py): never a text it matches.

The test only skips work, so it must be False only where the pattern finds nothing: checked on
random patterns and texts, and on the extraction's own patterns against text made to match them.
"""

from __future__ import annotations

import random
import re

from kg.extraction import discovery, literals
from kg.extraction.milestones import _CUE_RE
from kg.extraction.relation_rules import RULES


def test_the_runs_a_pattern_needs_are_spelled_out_through_groups_and_choices():
    assert literals.required(re.compile(r"[A-Z]\w+-(?P<kind>backed|funded)\b")) == [
        frozenset({"-backed", "-funded"})
    ]
    assert literals.required(re.compile(r"spun (?:out|off)|founded")) == [
        frozenset({"spun out", "spun off", "founded"})
    ]
    # what may be left out, or is only looked at, is not needed
    assert literals.required(re.compile(r"(?:the )?plant(?= in)")) == [frozenset({"plant"})]
    assert literals.required(re.compile(r"(?:a|\d+) cells?")) == [frozenset({" cell"})]


def test_nothing_is_asked_of_a_pattern_that_folds_case():
    test = literals.needs(re.compile(r"pilot line", re.I))
    assert literals.required(re.compile(r"pilot line", re.I)) == []
    assert test("PILOT LINE") and test("")
    assert literals.required(re.compile(r"(?i:pilot) line")) == [frozenset({" line"})]


def test_a_text_the_pattern_matches_always_passes_the_test():
    rng = random.Random(11)
    atoms = ["a", "b", " ", "ab", "(?:a|bc)", "(?:ab|)", "[ab]", "a?", "b*", "(?:ba)+", "(b|cc)", r"\b"]
    atoms += ["(?=a)", "(?<=b)", "(?!a)", "(?i:a)", ".", "(?:x|ab)c", "a{2}", "(?>ab)", "(?:a|b c){1,2}"]
    checked = 0
    for _ in range(1500):
        source = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.3:
            source += "|" + "".join(rng.choice(atoms[:6]) for _ in range(3))
        try:
            pattern = re.compile(source)
        except re.error:
            continue
        test = literals.needs(pattern)
        for _ in range(40):
            text = "".join(rng.choice("abcAx ") for _ in range(rng.randint(0, 10)))
            if pattern.search(text):
                checked += 1
                assert test(text), (pattern.pattern, text)
    assert checked > 5000


def test_the_extraction_patterns_pass_the_texts_they_match():
    sentences = [
        "Acme Lithium Co., Ltd. and the startup Veyra Energy will build a pilot line in Chengdu.",
        "Tamsin-backed Coldwater, a battery maker, launched the National Battery Programme.",
        "Its Yokohama plant began mass production of sulfide cells in 2026, it said.",
        "The carmaker was founded in 2019 and spun off its cell unit; road tests start next year.",
    ]
    masked = [
        "⟨ORG0⟩ will supply ⟨CHEM1⟩ cells to ⟨ORG2⟩ from 2027.",
        "⟨ORG0⟩ and ⟨ORG1⟩ signed a partnership to co-develop ⟨CHEM2⟩ batteries.",
        "⟨ORG0⟩, the parent company of ⟨ORG1⟩, has invested in ⟨ORG2⟩.",
        "⟨VEH0⟩ is powered by ⟨PROD1⟩ cells supplied by ⟨ORG2⟩.",
    ]
    patterns = [_CUE_RE, *discovery._HAS_WORDS, *(r.pattern for r in RULES)]
    matched = 0
    for pattern in patterns:
        test = literals.needs(pattern)
        for text in [*sentences, *(s.lower() for s in sentences), *masked]:
            if pattern.search(text):
                matched += 1
                assert test(text), (pattern.pattern[:60], text)
    assert matched > 20
