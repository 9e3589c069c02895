"""Rules for materials and chemistries: what a chemistry, product or process needs
(requiresMaterial), and chemistries that pair with each other (complements).
"""

from __future__ import annotations

from kg.extraction.relation_rules.templates import Rule, rule

RULES: list[Rule] = [
    # --- materials and complementary chemistries
    rule(
        "demand-for-due-to",
        r"demand for {o:CHEMS}{G}\b(?:due to|driven by|from|because of|owing to) (?:the )?{s:CHEM|PROD}",
        ("requiresMaterial", "s", "o"),
        confidence=0.7,
    ),
    rule(
        "process-uses-material",
        r"{s:PROC}{G}\b(?:which|that) (?:mix\w*|us\w*|combin\w*|requir\w*|need\w*|add\w*|deposit\w*|"
        r"press\w*)\b"
        r"{G}{o:CHEM}",
        ("requiresMaterial", "s", "o"),
        confidence=0.55,
    ),
    rule(
        "requires-material",
        r"{s:CHEM|PROD|PROC}{G}\b(?:requir\w*|need\w*|depend\w* on|consum\w*|call\w* for|use|"
        r"uses)\b{G}{o:CHEMS}",
        ("requiresMaterial", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "complements",
        r"{s:CHEM}{W}\b(?:complement\w*|pair\w* (?:well )?with|paired with|combined with|in tandem with|"
        r"work\w* (?:well )?with)\b{G}{o:CHEM}",
        ("complements", "s", "o"),
        confidence=0.6,
    ),
]
