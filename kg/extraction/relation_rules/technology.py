"""Rules for technology: chemistry routes (pursuesRoute), what products are built on (usesChemistry),
what organisations develop (develops) and which processes are used (usesProcess).
"""

from __future__ import annotations

from kg.extraction.relation_rules.templates import Rule, rule

RULES: list[Rule] = [
    # --- routes and chemistries
    rule(
        "focus-on-route",
        r"{s:ORGS}{G}\b(?:focus\w*|bet\w*|concentrat\w*|bank\w*|doubl\w* down|rel(?:y|ies|ied|ying)|"
        r"work\w*|research\w*) on (?:the )?{W}{o:CHEMS}",
        ("pursuesRoute", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "choose-route",
        r"{s:ORGS}{G}\b(?:opt\w* for|chose|chosen|choos\w*|pick\w*|select\w*|adopt\w*|embrac\w*|favou?r\w*|"
        r"prefer\w*|pursu\w*|stick\w* with|stay\w* with|stayed with|switch\w* to|turn\w* to|add\w*|"
        r"mak(?:e|es|ing)|produc\w*|mass-produc\w*|build\w*|breakthroughs? in|"
        r"run (?:both|two)|keep\w* making|us(?:e|es|ing) (?:the |its )?(?:[\w-]+ ){0,3}?in){W}{o:CHEMS}",
        ("pursuesRoute", "s", "o"),
        confidence=0.65,
    ),
    rule(
        "development-of",
        r"{s:ORG}{G}\b(?:(?:development|research and development|R&D|progress) (?:of|on|into|in)"
        r" (?:the )?(?:development of )?|develop(?:s|ed|ing)?\b){W}{o:CHEM}",
        ("develops", "s", "o"),
        confidence=0.65,
    ),
    rule(
        "possessive-route",
        r"{s:ORG}'s (?:[\w-]+ ){0,2}?{o:CHEM}(?: (?:route|approach|strategy|cells?|batter(?:y|ies)|"
        r"technology|"
        r"programme|program|plans?|packs?))?",
        ("pursuesRoute", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "its-chemistry",
        r"{s:ORG}{G}\b(?:its|their) (?:own |new |next-generation )?{o:CHEM}(?: cell| battery| batteries| "
        r"route|"
        r" technology| design| chemistry| pack)",
        ("pursuesRoute", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "positioned-in",
        r"{s:ORGS}{GL}\bpositioned (?:themselves|itself)(?: early| strongly| firmly)? in (?:the )?{o:CHEM}",
        ("pursuesRoute", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "chemistry-in-product",
        r"{o:CHEM} {s:PROD}",
        ("usesChemistry", "s", "o"),
        confidence=0.7,
    ),
    rule(
        "product-then-chemistry",
        r"{s:PROD} (?:[\w-]+ ){0,2}?{o:CHEM}",
        ("usesChemistry", "s", "o"),
        confidence=0.6,
    ),
    # a product or line uses its chemistry, a vehicle is powered by it: the type check keeps the one
    # that fits the subject
    rule(
        "uses-chemistry",
        r"{s:PROD|LINE|VEH}{G}\b(?:uses?|using|based on|built on|employs?|relies on|built around|with|"
        r"adopts?) "
        r"(?:an? |the )?(?:[\w-]+ ){0,2}?{o:CHEM}",
        ("usesChemistry", "s", "o"),
        ("poweredBy", "s", "o"),
        confidence=0.65,
    ),
    # --- technology and processes
    rule(
        "develops",
        r"{s:ORGS}{G}\b(?:develop(?:s|ed|ing)?|invent\w*|creat(?:e|es|ed|ing)|design(?:s|ed|ing)?|pioneer\w*|"
        r"innovat\w* with|introduc\w*|unveil\w*|patent\w*|came up with|come up with|work\w* on|"
        r"(?:address\w*|tackl\w*|solv\w*) (?:this|the|these) (?:challenge|problem|issue)s? "
        r"with)\b{G}{o:PROD|PROC|VEH}",
        ("develops", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "developed-by",
        r"{o:PROD|PROC|VEH}{G}\b(?:developed|designed|invented|created|made) by (?:the )?{s:ORG}",
        ("develops", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "it-calls",
        r"{s:ORG}{A}\b(?:it|they|which it) (?:calls|call|named|dubs|dubbed) {o:PROD|PROC}",
        ("develops", "s", "o", "Implied"),
        confidence=0.7,
    ),
    rule(
        "which-calls",
        r"\bwhich {s:ORG} (?:calls|has named|named|dubs|dubbed) {o:PROD|PROC}",
        ("develops", "s", "o", "Implied"),
        confidence=0.7,
    ),
    rule(
        "possessive-product",
        r"{s:ORG}'s (?:[\w\"-]+,? ){0,4}?(?:the )?\"?{o:PROD|PROC}",
        ("develops", "s", "o", "Implied"),
        confidence=0.65,
    ),
    rule(
        "its-product",
        r"{s:ORG}{G}\b(?:its|their) (?:own |new |next-generation )?\"?(?:[\w-]+ ){0,2}?\"?{o:PROD}",
        ("develops", "s", "o", "Implied"),
        confidence=0.6,
    ),
    rule(
        "uses-process",
        r"{s:ORG|LINE|PROD}{G}\b(?:uses?|using|employs?|adopt\w*|appl(?:y|ies|ied)|relies on|with|"
        r"integrat\w*)\b"
        r"(?:an? |the )?{G}{o:PROC}",
        ("usesProcess", "s", "o"),
        confidence=0.65,
    ),
]
