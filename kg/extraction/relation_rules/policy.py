"""Rules for policies: who issued them, where they apply, and what they support."""

from __future__ import annotations

from kg.extraction.relation_rules.templates import Rule, rule

RULES: list[Rule] = [
    # --- policy
    rule(
        "policy-issued-by",
        r"{s:POL}{G}\b(?:issued|launched|introduced|unveiled|announced|released|adopted|set up|created|"
        r"established|funded|approved|passed|awarded|offered) by (?:the )?{o:ORG}",
        ("issuedBy", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "body-issues-policy",
        r"{o:ORG}{G}\b(?:issu\w*|launch\w*|introduc\w*|unveil\w*|announc\w*|releas\w*|adopt\w*|initiat\w*|"
        r"roll\w* out|pass\w*|approv\w*|award\w*|offer\w*|grant\w*)\b{W}{s:POL}",
        ("issuedBy", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "place-policy",
        r"{o:PLACE}(?:'s|,?[^⟨⟩.]{0,30}?\b(?:has|have|is|was|offering|offers|launched|"
        r"introduced)\b){WL}{s:POL}",
        ("appliesIn", "s", "o"),
        confidence=0.65,
    ),
    rule(
        "policy-in-place",
        r"{s:POL}{G}\b(?:in|for|across|throughout) (?:the )?{o:PLACE}",
        ("appliesIn", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "policy-supports",
        r"{s:POL}{W}\b(?:support\w*|fund\w*|back\w*|subsidi\w*|promot\w*|encourag\w*|target\w*|for|to|"
        r"focus\w* on|invest\w* in|concentrat\w* on|help\w*)\b{W}{o:CHEMS|ORGS|PROCS|PRODS}",
        ("supports", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "focus-through-policy",
        r"\b(?:focus\w*|concentrat\w*|bet\w*|invest\w*|support\w*) (?:[\w-]+ ){0,4}?on (?:the )?{o:CHEM}{G}"
        r"\b(?:through|via|under|with|by means of) {G}\"?{s:POL}",
        ("supports", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "included-in-policy",
        r"(?:includ\w*|list\w*|nam\w*) {o:CHEM}{G} in (?:its |the )?\"?{s:POL}",
        ("supports", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "awarded-grant",
        r"{b:ORG}{G}\b(?:award\w*|grant\w*|gave|give\w*) {o:ORG}{G}{s:POL}",
        ("supports", "s", "o"),
        ("issuedBy", "s", "b"),
        confidence=0.75,
    ),
]
