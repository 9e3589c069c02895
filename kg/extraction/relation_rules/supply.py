"""Rules for supply: who supplies whom (suppliesTo), and what (supplies)."""

from __future__ import annotations

from kg.extraction.relation_rules.templates import Rule, rule

RULES: list[Rule] = [
    # --- supply
    rule(
        "supply-to",
        r"{s:ORGS}{G}\b(?:suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing)?|ship(?:s|ped|ping)?|provid(?:e|es|"
        r"ed|ing)|"
        r"sell(?:s|ing)?|sold)\b(?P<between>(?:[^⟨⟩]|⟨(?:CHEM|PROD)\d+⟩){0,80}?) to (?:the |an? "
        r")?(?:[\w-]+ ){0,3}?{o:ORGS}",
        ("suppliesTo", "s", "o"),
        confidence=0.85,
    ),
    rule(
        "source-from",
        r"{o:ORG}{G}\b(?:sourc(?:e|es|ed|ing)|buy(?:s|ing)?|bought|procur(?:e|es|ed|ing)|order(?:s|ed)?|"
        r"purchas\w*|"
        r"obtain\w*|receiv\w*|get(?:s|ting)?|gets)\b(?:[^⟨⟩]|⟨(?:CHEM|PROD)\d+⟩){0,60}? from {s:ORG}",
        ("suppliesTo", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "supplier-to",
        r"{s:ORG},? (?:a|an|the) (?:[\w-]+ ){0,3}?supplier (?:to|of|for) (?:the )?{o:ORG}",
        ("suppliesTo", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "possessive-supplier",
        r"{o:ORG}'s (?:(?P<m>⟨(?:CHEM|PROD)\d+⟩) |[\w-]+ ){0,2}?(?:supplier|provider),? {s:ORG}",
        ("suppliesTo", "s", "o"),
        ("supplies", "s", "m"),
        confidence=0.8,
    ),
    rule(
        "comes-from",
        r"{m:PROD|CHEM}{G}\b(?:comes|come|came|is supplied|are supplied|is sourced|are sourced) from "
        r"(?:[\w-]+ |⟨PLACE\d+⟩-based ){0,3}?{s:ORG}",
        ("supplies", "s", "m"),
        confidence=0.75,
    ),
    rule(
        "vehicle-cells-from",
        r"{v:VEH}{G}\b(?:powered by|running on|runs on|run on|equipped with|fitted with|using|uses) "
        r"(?:[^⟨⟩]{0,30}?){m:PROD}{G} (?:from|by|made by|supplied by|developed by) {W}{s:ORG}",
        ("poweredBy", "v", "m"),
        ("develops", "s", "m", "Implied"),
        confidence=0.75,
    ),
    rule(
        "vehicle-chemistry-from",
        r"{v:VEH}{G}\b(?:running on|runs on|run on|equipped with|fitted with|using|uses) "
        r"(?:[^⟨⟩]{0,30}?){m:CHEM}{G} (?:from|by|made by|supplied by|developed by) {W}{s:ORG}",
        ("poweredBy", "v", "m"),
        confidence=0.7,
    ),
    rule(
        "cells-from",
        r"\b(?:using|uses|use|with|on) {m:PROD|CHEM} from {W}{s:ORG}",
        ("supplies", "s", "m", "Implied"),
        confidence=0.6,
    ),
    rule(
        "supplies-material",
        r"{s:ORGS}{G}\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|mak(?:e|es|ing)|produc(?:e|es|ed|"
        r"ing)|"
        r"min(?:e|es|ed|ing)|sell(?:s|ing)?|ship(?:s|ped|ping)?|extract\w*)\b(?:[^⟨⟩]{0,40}?){m:CHEM}",
        ("supplies", "s", "m"),
        confidence=0.65,
    ),
    rule(
        "material-makers-like",
        r"{m:CHEM} (?:electrolyte |anode |cathode |material |materials |powder )?(?:maker|makers|"
        r"manufacturer|"
        r"manufacturers|supplier|suppliers|producer|producers|mining company|mining companies|miner|miners|"
        r"mining firms?),? (?:like |such as |including )?{s:ORGS}",
        ("supplies", "s", "m"),
        confidence=0.75,
    ),
    rule(
        "org-is-material-maker",
        r"{s:ORG},? (?:the|a|an) (?:[\w'-]+ ){0,4}?{m:CHEM} (?:mining company|miner|producer|supplier|"
        r"maker|manufacturer)",
        ("supplies", "s", "m", "Implied"),
        confidence=0.7,
    ),
]
