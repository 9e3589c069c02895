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

import re
from dataclasses import dataclass, field

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
    return Rule(name, _compile(template), tuple(full), frozenset(needs), _slot_codes(template))


_ORG_NOUN = (
    r"(?:startup|start-up|company|firm|group|fund|investor|carmaker|automaker|car maker|EV maker|"
    r"battery maker|cell maker|maker|manufacturer|supplier|miner|developer|producer|specialist)"
)
_MADE = (
    r"(?:produc\w*|mak(?:e|es|ing)|made|turn(?:s|ed|ing)? out|churn(?:s|ed|ing)? out|manufactur\w*|output)"
)

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
        ("usesChemistry", "v", "m"),
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
        r"develop(?:s|ed|ing)?\b|mak(?:e|es|ing)|produc\w*|mass-produc\w*|build\w*|breakthroughs? in|"
        r"run (?:both|two)|keep\w* making|us(?:e|es|ing) (?:the |its )?(?:[\w-]+ ){0,3}?in){W}{o:CHEMS}",
        ("pursuesRoute", "s", "o"),
        confidence=0.65,
    ),
    rule(
        "development-of",
        r"{s:ORG}{G}\b(?:development|research and development|R&D|progress) (?:of|on|into|in)"
        r" (?:the )?(?:development of )?{W}{o:CHEM}",
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
    rule(
        "uses-chemistry",
        r"{s:PROD|LINE|VEH}{G}\b(?:uses?|using|based on|built on|employs?|relies on|built around|with|"
        r"adopts?) "
        r"(?:an? |the )?(?:[\w-]+ ){0,2}?{o:CHEM}",
        ("usesChemistry", "s", "o"),
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
        "uses-process",
        r"{s:ORG|LINE|PROD}{G}\b(?:uses?|using|employs?|adopt\w*|appl(?:y|ies|ied)|relies on|with|"
        r"integrat\w*)\b"
        r"(?:an? |the )?{G}{o:PROC}",
        ("usesProcess", "s", "o"),
        confidence=0.65,
    ),
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
    # a vehicle running on a named product is powered by it; on cells of a chemistry, it uses that chemistry
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
        ("usesChemistry", "s", "o"),
        confidence=0.65,
    ),
    rule(
        "powered-modifier",
        r"{o:PROD|CHEM}-powered (?:[\w-]+ ){0,2}?{s:VEH}",
        ("poweredBy", "s", "o"),
        confidence=0.75,
    ),
    rule(
        "its-product",
        r"{s:ORG}{G}\b(?:its|their) (?:own |new |next-generation )?\"?(?:[\w-]+ ){0,2}?\"?{o:PROD}",
        ("develops", "s", "o", "Implied"),
        confidence=0.6,
    ),
    rule(
        "powers-vehicle",
        r"{o:PROD|CHEM}{G}\b(?:powers|will power|to power|powering|in|for|into) (?:the |its |a )?{G}{s:VEH}",
        ("poweredBy", "s", "o"),
        confidence=0.6,
    ),
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
        "positioned-in",
        r"{s:ORGS}{GL}\bpositioned (?:themselves|itself)(?: early| strongly| firmly)? in (?:the )?{o:CHEM}",
        ("pursuesRoute", "s", "o"),
        confidence=0.6,
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


_APPLICABLE: dict[frozenset[str], list[Rule]] = {}


def rules_for(present: frozenset[str]) -> list[Rule]:
    """The rules that can match a sentence holding placeholders of the codes `present` (cached)."""
    rules = _APPLICABLE.get(present)
    if rules is None:
        rules = _APPLICABLE[present] = [r for r in RULES if r.may_match(present)]
    return rules
