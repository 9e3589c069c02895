"""Rules for relations between organisations, and people's: partnerships, co-development, joint
ventures, licences, investment, ownership, membership, participation, affiliation.
"""

from __future__ import annotations

from kg.extraction.relation_rules.templates import Rule, rule

RULES: list[Rule] = [
    # --- partnership, co-development, joint ventures
    rule(
        "partner-with",
        r"{s:ORGS}{G}\b(?:team(?:ed|s|ing)? up|partner(?:ed|s|ing)?|join(?:ed|s|ing)? forces|cooperat\w*|"
        r"collaborat\w*|work(?:s|ed|ing)?(?: closely| together)?|signed{G}(?:partnership|alliance|"
        r"agreement|memorandum|MoU)) with {o:ORGS}",
        ("partnersWith", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "partners-and",
        r"{s:ORG} and {o:ORG} (?:have |has |will |plan to |agreed to |are to |also )*(?:team(?:ed)? up|"
        r"partner(?:ed)?|join(?:ed)? forces|sign(?:ed)? (?:a|an) [\w -]{0,30}?(?:partnership|alliance|"
        r"agreement)|"
        r"form(?:ed)? (?:a|an) (?:partnership|alliance))",
        ("partnersWith", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "partnership-between",
        r"(?:partnership|alliance|collaboration|cooperation|tie-up|joint venture) (?:between|of) {s:ORG} "
        r"and {o:ORG}",
        ("partnersWith", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "partner-possessive",
        r"{s:ORG}'s (?:long-time |main |key )?partner,? {o:ORG}",
        ("partnersWith", "s", "o"),
        confidence=0.7,
    ),
    rule(
        "co-developed-by",
        r"(?:{p:PROD|PROC}{G})?(?:co-developed|jointly developed|developed jointly|co-designed) by "
        r"{s:ORG} and {o:ORG}",
        ("coDevelopsWith", "s", "o"),
        ("develops", "s", "p"),
        ("develops", "o", "p"),
        confidence=0.85,
    ),
    rule(
        "co-develop-and",
        r"{s:ORG} and {o:ORG} (?:will |have |are |plan to |agreed to )*(?:co-develop\w*|jointly develop\w*|"
        r"develop\w* jointly|develop\w* together)",
        ("coDevelopsWith", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "co-develop-with",
        r"{s:ORG}{G}\b(?:co-develop\w*|jointly develop\w*){G}with {o:ORG}",
        ("coDevelopsWith", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "joint-venture-possessive",
        r"{a:ORG} and {b:ORG}'s (?:new )?joint venture,? {j:ORG}",
        ("jointVentureOf", "j", "a"),
        ("jointVentureOf", "j", "b"),
        ("partnersWith", "a", "b", "Implied"),
        confidence=0.85,
    ),
    rule(
        "joint-venture-of",
        r"{j:ORG},? (?:a|the) (?:[\w-]+ ){0,2}?joint venture (?:of|between|formed by|set up by|owned by) "
        r"{a:ORG} and {b:ORG}",
        ("jointVentureOf", "j", "a"),
        ("jointVentureOf", "j", "b"),
        ("partnersWith", "a", "b", "Implied"),
        confidence=0.85,
    ),
    rule(
        "joint-venture-formed",
        r"{a:ORG} and {b:ORG} (?:have |has |will |plan to |agreed to |also |are to )*(?:set up|set|formed|"
        r"form|"
        r"established|establish|create|created|launched|launch|to form|forming|setting up)(?: up)? (?:a|an) "
        r"(?:[\w-]+ ){0,4}?(?:joint venture|JV)(?:,? (?:called |named )?{j:ORG})?",
        ("jointVentureOf", "j", "a"),
        ("jointVentureOf", "j", "b"),
        ("partnersWith", "a", "b", "Implied"),
        confidence=0.8,
    ),
    # --- licences
    rule(
        "license-to",
        r"{s:ORG}{G}\b(?:licen[cs](?:e|es|ed|ing)|grant(?:s|ed)? (?:a )?licen[cs]es?(?: for)?)\b{W} to "
        r"{o:ORGS}",
        ("licensesTo", "s", "o"),
        confidence=0.85,
    ),
    rule(
        "license-from",
        r"{o:ORG}{G}\b(?:licen[cs](?:e|es|ed|ing)|under (?:a )?licen[cs]e|obtain\w* (?:a )?licen[cs]e){W} "
        r"from {s:ORG}",
        ("licensesTo", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "licence-holders",
        r"{s:ORG}{GL}\blicen[cs]\w*{GL}{o:ORGS} (?:already |also |now )?(?:hold|holds|have|has|obtained|"
        r"received) "
        r"(?:such |a |the )?licen[cs]es?",
        ("licensesTo", "s", "o"),
        confidence=0.7,
    ),
    # --- investment and ownership
    rule(
        "backed-modifier",
        r"{s:ORGS}-(?:backed|funded) (?:[\w-]+ ){0,3}?{o:ORG}",
        ("investsIn", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "backed-by",
        r"{o:ORG},? (?:(?:a|an|the|which is|is) )?(?:[\w-]+ ){0,3}?(?:backed|funded|financed) by (?:the )?"
        r"(?:⟨PLACE\d+⟩ )?(?:[\w-]+ ){0,2}?{s:ORGS}",
        ("investsIn", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "backing-from",
        r"{o:LINE|ORG}{W}\bwith (?:the )?(?:backing|funding|investment|financial support|money) "
        r"from{G}{s:ORGS}",
        ("investsIn", "s", "o", "Implied"),
        confidence=0.65,
    ),
    rule(
        "invests-in",
        r"{s:ORGS}{G}\b(?:invest(?:s|ed|ing)?|put|puts|poured|pours|committed|commits)\b{G} in(?:to)? "
        r"(?:the )?{o:ORG|LINE|PROC}",
        ("investsIn", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "invests-in-chemistry",
        r"{s:ORGS}{WL}\b(?:invest(?:s|ed|ing)?|investments?) in (?:the )?(?:research|R&D|development|"
        r"production|"
        r"research and production|research and development)?{G}{o:CHEM}",
        ("investsIn", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "investors-include",
        r"[Ii]nvestors in {o:ORG}{G} (?:include|included|are|were) {s:ORGS}",
        ("investsIn", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "counts-among-investors",
        r"{o:ORG}{G}\bcounts? {s:ORGS} among its (?:investors|backers|shareholders)",
        ("investsIn", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "stake-in",
        r"{s:ORG}{G}\b(?:took|takes|acquired|bought|buys|holds|owns|has) (?:a |an )?{G}stake in {o:ORG}",
        ("investsIn", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "co-owned",
        r"{j:ORG}{G}\b(?:owned|held) (?:jointly )?by {a:ORG} and (?:[\d.]+ ?% by )?{b:ORG}",
        ("jointVentureOf", "j", "a"),
        ("jointVentureOf", "j", "b"),
        confidence=0.7,
    ),
    rule(
        "parent-of",
        r"{p:ORG}\.?,? the parent(?: company| group)? of {c:ORG}",
        ("subsidiaryOf", "c", "p"),
        confidence=0.85,
    ),
    rule(
        "subsidiary-of",
        r"{c:ORG},? (?:a|an|the) (?:[\w-]+ ){0,2}?(?:subsidiary|unit|arm|division|brand|company|"
        r"affiliate) of (?:the )?{p:ORG}",
        ("subsidiaryOf", "c", "p"),
        confidence=0.8,
    ),
    rule(
        "subsidiary-possessive",
        r"{p:ORG}'s (?:[\w-]+ ){0,2}?(?:subsidiary|unit|arm|division|brand|affiliate),? {c:ORG}",
        ("subsidiaryOf", "c", "p"),
        confidence=0.8,
    ),
    rule("institute-possessive", r"{p:ORG}'s {c:ORG}", ("subsidiaryOf", "c", "p", "Implied"), confidence=0.5),
    # --- membership and participation
    rule(
        "member-of",
        r"{s:ORGS}{G}\b(?:joined|join|joins|member of|members of|signed up to|became part of) (?:the "
        r")?{o:ORG}",
        ("memberOf", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "brings-together",
        r"{o:LINE|ORG|POL}{W}\b(?:brings? together|unites?|involves?|members include|includes?|"
        r"including){W}{s:ORGS}",
        ("participatesIn", "s", "o"),
        ("memberOf", "s", "o"),
        confidence=0.6,
    ),
    rule(
        "take-part",
        r"{s:ORGS}{G}\b(?:take|takes|took|taking) part in (?:the )?{o:LINE|ORG|POL}",
        ("participatesIn", "s", "o"),
        confidence=0.75,
    ),
    # --- people
    rule(
        "person-role-of",
        r"{s:PER},? (?:the |its |an? )?(?:[\w&-]+ ){0,7}?(?:head|chief|CEO|chairman|chairwoman|president|"
        r"director|"
        r"founder|co-founder|boss|engineer|scientist|executive|officer|manager|spokesperson|spokesman|"
        r"spokeswoman|professor)\b{G}\b(?:of|at|for) (?:the )?{o:ORG}",
        ("affiliatedWith", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "org-role-person",
        r"{o:ORG}'s (?:[\w&-]+ ){0,3}?(?:head|chief|CEO|chairman|chairwoman|president|director|founder|"
        r"boss|engineer|"
        r"scientist|officer|spokesperson|executive|technology officer|executive officer)(?: "
        r"[\w-]+){0,2}?,? {s:PER}",
        ("affiliatedWith", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "person-org-role",
        r"{s:PER}, {o:ORG}'s (?:[\w&-]+ ){0,3}?(?:head|chief|CEO|boss|president|director|founder|engineer|"
        r"officer|executive)",
        ("affiliatedWith", "s", "o"),
        confidence=0.8,
    ),
    rule(
        "title-person",
        r"(?:[Cc]hief executive|CEO|[Cc]hief technology officer|CTO|[Cc]hairman|[Cc]hairwoman|[Ff]ounder|"
        r"[Pp]resident|[Cc]hief engineer) {s:PER}",
        ("affiliatedWith", "s", "subject"),
        confidence=0.6,
        needs=("subject_context",),
    ),
]
