"""The words a pattern cannot match without (kg/extraction/literals.py): never a text it matches.

The test only skips work, so it must be False only where the pattern finds nothing: checked on
random patterns and texts, and on the extraction's own patterns against text made to match them.
"""

from __future__ import annotations

import random
import re

from kg.extraction import discovery, literals
from kg.extraction.milestones import _CUE_RES, _CUES, _cue_pattern
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


SENTENCES = [
    "Acme Lithium Co., Ltd. and the startup Veyra Energy will build a pilot line in Chengdu.",
    "Tamsin-backed Coldwater, a battery maker, launched the National Battery Programme.",
    "Its Yokohama plant began mass production of sulfide cells in 2026, it said.",
    "The carmaker was founded in 2019 and spun off its cell unit; road tests start next year.",
]


def test_the_extraction_patterns_pass_the_texts_they_match():
    masked = [
        "⟨ORG0⟩ will supply ⟨CHEM1⟩ cells to ⟨ORG2⟩ from 2027.",
        "⟨ORG0⟩ and ⟨ORG1⟩ signed a partnership to co-develop ⟨CHEM2⟩ batteries.",
        "⟨ORG0⟩, the parent company of ⟨ORG1⟩, has invested in ⟨ORG2⟩.",
        "⟨VEH0⟩ is powered by ⟨PROD1⟩ cells supplied by ⟨ORG2⟩.",
    ]
    patterns = [*_CUE_RES, *discovery._HAS_WORDS, *(r.pattern for r in RULES)]
    matched = 0
    for pattern in patterns:
        test = literals.needs(pattern)
        for text in [*SENTENCES, *(s.lower() for s in SENTENCES), *masked]:
            if pattern.search(text):
                matched += 1
                assert test(text), (pattern.pattern[:60], text)
    assert matched > 20


def spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)] if pattern else []


def test_the_milestone_cues_a_sentence_may_hold_find_what_all_of_them_find():
    # milestones.py searches a sentence with only the cues whose words it has, in their order
    cues = zip(_CUES, _CUE_RES, strict=True)
    every_cue = re.compile("|".join(f"(?P<{kind}>{cue.pattern})" for (kind, _), cue in cues))
    texts = [s.lower() for s in SENTENCES] + [
        "the plant in ulsan began small-batch trial production; mass production follows in 2027.",
        "its low-volume production line was completed; the first cars equipped with the cells are on sale.",
        "the company, founded in 2016, started research on sulfide cells and will commercialise them.",
        "shares rose 4% on the news.",
    ]
    found = 0
    for text in texts:
        expected = spans(every_cue, text)
        found += len(expected)
        assert spans(_cue_pattern(text), text) == expected, text
    assert found >= 12
