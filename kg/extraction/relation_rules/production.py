"""Rules for production and vehicles: lines and what they make (operates, produces), where lines and
organisations are (locatedIn), who makes a vehicle and what powers it (manufactures, poweredBy).
"""

from __future__ import annotations

from kg.extraction.relation_rules.templates import Rule, rule

_ORG_NOUN = (
    r"(?:startup|start-up|company|firm|group|fund|investor|carmaker|automaker|car maker|EV maker|"
    r"battery maker|cell maker|maker|manufacturer|supplier|miner|developer|producer|specialist)"
)
_MADE = (
    r"(?:produc\w*|mak(?:e|es|ing)|made|turn(?:s|ed|ing)? out|churn(?:s|ed|ing)? out|manufactur\w*|output)"
)


RULES: list[Rule] = [
    # --- production lines
    rule(
        "operates-line",
        r"{s:ORG}{G}\b(?:operat\w*|run(?:s|ning)?|built|build(?:s|ing)?|open(?:s|ed|ing)?|launch\w*|"
        r"switch\w* on|"
        r"commission\w*|complet\w*|finish\w*|construct\w*|set up|start\w*|has|own(?:s|ed)?|lead(?:s|ing)?|"
        r"led)\b"
        r"(?:[^⟨⟩]|⟨(?:PLACE|CHEM)\d+⟩){0,50}?{o:LINE}",
        ("operates", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "line-built-by",
        r"{o:LINE}{G}\b(?:built|operated|run|owned|led|managed|constructed) by (?:the )?{G}{s:ORG}",
        ("operates", "s", "o"),
        confidence=0.8,
    ),
    rule("possessive-line", r"{s:ORG}'s (?:[\w-]+ ){0,4}?{o:LINE}", ("operates", "s", "o"), confidence=0.7),
    rule(
        "its-line",
        r"{s:ORG}{G}\b(?:its|their) (?:own |new |first )?(?:[\w-]+ ){0,2}?{o:LINE}",
        ("operates", "s", "o"),
        confidence=0.65,
    ),
    rule(
        "line-for",
        r"{s:LINE} (?:for|making|producing|that makes|to make|to produce) (?:[\w-]+ ){0,2}?{o:CHEM|PROD}",
        ("produces", "s", "o"),
        confidence=0.7,
    ),
    rule(
        "line-makes",
        rf"{{s:LINE}}{{G}}\b{_MADE}\b{{GL}}{{o:PROD|CHEM}}",
        ("produces", "s", "o"),
        confidence=0.7,
    ),
    rule(
        "line-located",
        r"{s:LINE},?{W}\b(?:in|at|located in|based in|near|outside) (?:the |its )?(?:[\w-]+ ){0,3}?{o:PLACE}",
        ("locatedIn", "s", "o"),
        confidence=0.7,
    ),
    rule(
        "place-first-line",
        r"{o:PLACE}(?:'s|'| has launched its| has opened its| has built its) (?:first |new |largest "
        r")?(?:[\w-]+ ){0,2}?{s:LINE}",
        ("locatedIn", "s", "o", "Implied"),
        confidence=0.6,
    ),
    # --- organisations' places
    rule(
        "based-in",
        r"{s:ORG},? (?:a|an|the|which is) (?:[\w-]+ ){0,4}?(?:based|headquartered|located) in {o:PLACE}",
        ("locatedIn", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "based-modifier",
        r"{o:PLACE}\.?-based (?:[\w-]+ ){0,3}?{s:ORG}",
        ("locatedIn", "s", "o"),
        confidence=0.8,
    ),
    rule("place-noun-org", rf"{{o:PLACE}} {_ORG_NOUN} {{s:ORG}}", ("locatedIn", "s", "o"), confidence=0.7),
    rule("place-anaphor", r"\b(?:[Tt]he|[Tt]his) {o:PLACE} {s:ORG}", ("locatedIn", "s", "o"), confidence=0.6),
    # --- vehicles
    rule(
        "manufactures",
        r"{s:ORG}{G}\b(?:manufactur\w*|build(?:s|ing)?|built|mak(?:e|es|ing)|made|produc\w*|launch\w*|"
        r"unveil\w*|"
        r"sell(?:s|ing)?|introduc\w*|taking orders for|deliver\w*)\b{G}{o:VEH}",
        ("manufactures", "s", "o"),
        confidence=0.7,
    ),
    rule(
        "vehicle-made-by",
        r"{o:VEH}{G}\b(?:made|built|produced|manufactured) by {s:ORG}",
        ("manufactures", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "possessive-vehicle",
        r"{s:ORG}(?:'s| ) ?(?:[\w-]+ ){0,2}?{o:VEH}",
        ("manufactures", "s", "o", "Implied"),
        confidence=0.65,
    ),
    rule(
        "powered-by",
        r"{s:VEH}{G}\b(?:powered by|featur\w*|adopt\w*|incorporat\w*|install\w*|put) (?:[^⟨⟩]{0,30}?)"
        r"{o:PROD|CHEM}",
        ("poweredBy", "s", "o"),
        confidence=0.7,
    ),
    # a vehicle running on a named product, or on cells of a chemistry, is powered by it (a chemistry
    # mention after "with" is the less sure of the two)
    rule(
        "runs-on-product",
        r"{s:VEH}{G}\b(?:running on|runs on|run on|equipped with|fitted with|uses?|using|gets?|carr(?:y|"
        r"ies)|with)"
        r" (?:[^⟨⟩]{0,30}?){o:PROD}",
        ("poweredBy", "s", "o"),
        confidence=0.7,
    ),
    rule(
        "runs-on-chemistry",
        r"{s:VEH}{G}\b(?:running on|runs on|run on|equipped with|fitted with|uses?|using|gets?|carr(?:y|"
        r"ies)|with)"
        r" (?:[^⟨⟩]{0,30}?){o:CHEM}",
        ("poweredBy", "s", "o"),
        confidence=0.65,
    ),
    rule(
        "powered-modifier",
        r"{o:PROD|CHEM}-powered (?:[\w-]+ ){0,2}?{s:VEH}",
        ("poweredBy", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "powers-vehicle",
        r"{o:PROD|CHEM}{G}\b(?:powers|will power|to power|powering|in|for|into) (?:the |its |a )?{G}{s:VEH}",
        ("poweredBy", "s", "o"),
        confidence=0.6,
    ),
]
