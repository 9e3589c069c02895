"""Stage 6b: dated milestones, with their status.

A milestone is a cue ("mass production", "pilot line", "road tests", "founded"...) with the
nearest date expression of the same sentence (dates.py); its status is Planned when the sentence
speaks of the future or the date lies after the article's, and otherwise follows the cue (trial
production, under construction, operational) or is Achieved. Its subject is the organisation
the sentence is about (else the product, line or chemistry named), and it concerns the product,
vehicle or line named nearest the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.extraction import literals
from kg.extraction.dates import When, find_dates
from kg.extraction.entities import Mention
from kg.extraction.lexicon import EntityInfo

_CUES: list[tuple[str, str]] = [
    ("DemonstrationProject", r"demonstration project"),
    (
        "PilotProduction",
        r"pilot production|trial production|small-batch (?:trial )?production|low-volume production|"
        r"(?:switch\w* on|runs?|running|operat\w*|start\w* up) (?:a |an |its |the )?(?:[\w-]+ ){0,3}?"
        r"(?:pilot|demonstration) (?:line|plant)|(?:pilot|demonstration) (?:line|plant)s? .{0,50}"
        r"(?:start\w* up|switched on|running|in operation)|can now turn out",
    ),
    (
        "MassProduction",
        r"mass[- ]produc\w*|mass production|(?<!low-)volume production|large-scale production|series "
        r"production|"
        r"mass-market production",
    ),
    (
        "LineCompletion",
        r"complet\w* (?:the |its |a )?(?:[\w-]+ ){0,2}?(?:production )?(?:line|plant|factory|facility)|"
        r"(?:line|plant|factory|gigafactory|facility) (?:was |has been |is )?(?:completed|finished|built|"
        r"under construction|being built)|open\w* (?:a |its |the |an )?(?:[\w-]+ ){0,3}?(?:plant|factory|"
        r"line|facility|gigafactory)|launch\w* (?:its |a |the )?(?:[\w-]+ ){0,4}?(?:production line|plant|"
        r"factory)|finish (?:a |the |its )?(?:[\w-]+ ){0,2}?line|construct\w* (?:[\w-]+ ){0,3}?(?:lines?|"
        r"plants?|"
        r"factor(?:y|ies)|facilit(?:y|ies))|build (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:gigafactory|factory|"
        r"plant)",
    ),
    (
        "ProductionStart",
        r"(?:begin|began|begun|start\w*|commence\w*|kick\w* off) (?:[\w-]+ ){0,2}?(?:produc\w*|production|"
        r"output|"
        r"making)|production (?:will )?(?:begin|start)\w*|start of production|first batches|"
        r"up and running|commencement of|(?:could|will|would) be producing|start up\b|(?:plans?|aims?) to "
        r"produce",
    ),
    (
        "VehicleTest",
        r"(?:vehicle|road|installation|fleet|winter|real-world|vehicle installation) tests?|"
        r"tested (?:the )?(?:[\w-]+ ){0,3}?in (?:complete |real )?vehicles|vehicle testing|during tests",
    ),
    ("PrototypeVehicle", r"prototype (?:vehicle|car)|prototype\b.{0,60}rolled off"),
    (
        "VehicleLaunch",
        r"(?:cars?|vehicles?|models?) (?:equipped|powered|fitted) with|on sale|production version|"
        r"put the cells into|launch\w* (?:[\w-]+ ){0,4}?(?:vehicles?|cars?|models?)|incorporate solid|"
        r"first (?:[\w-]+ ){0,3}?(?:cars?|vehicles?|models?) (?:with|equipped)|version of the",
    ),
    (
        "ProductLaunch",
        r"(?:officially )?launch(?:es|ed)? (?:in|by)|launch\w* (?:the |its |a )?(?:[\w-]+ "
        r"){0,3}?(?:battery|cell|pack)",
    ),
    (
        "Commercialisation",
        r"commerciali[sz]\w*|commercial(?:ly)? (?:use|application|launch|deployment|sales?)|"
        r"sell (?:them |it )?commercially|hit(?:ting)? the market",
    ),
    (
        "ResearchStart",
        r"(?:began|begun|started|start) (?:the )?(?:development|research|R&D|work|developing|researching)|"
        r"(?:has |have )?worked (?:on|with) .{0,60}since",
    ),
    ("Founding", r"\bfounded\b|\bspun (?:out|off)\b|\bwas (?:set up|formed|established)\b|\bestablished\b"),
    (
        "PolicyLaunch",
        r"\b(?:launched|issued|introduced|unveiled|adopted|released|awarded|inaugural|first nationwide|"
        r"announced|rolled out)\b",
    ),
]
# One pattern for the cues, tried in the order above at each position (most specific first),
# matched against the lower-cased sentence (much faster than a case-blind pattern). It holds only
# the cues whose words the sentence has (literals.py): a cue that can match nowhere in the sentence
# wins at no position, so the matches are those of all the cues, with fewer tried at each position.
_CUE_RES = [re.compile(pattern.lower()) for _, pattern in _CUES]
# each cue as it joins the pattern, with the test of its words
_CUE_TESTS = [
    (f"(?P<{kind}>{cue.pattern})", literals.needs(cue))
    for (kind, _), cue in zip(_CUES, _CUE_RES, strict=True)
]
# a word some cue holds: one test, false for most sentences, before the test of each cue
_HAS_CUE_WORDS = literals.needs(re.compile("|".join(cue.pattern for cue in _CUE_RES)))
# the cues a sentence may hold -> their pattern (35 combinations over the five articles' text)
_CUE_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _cue_pattern(lowered: str) -> re.Pattern[str] | None:
    """The pattern of the cues `lowered` may hold, in their order; None if it can hold none."""
    if not _HAS_CUE_WORDS(lowered):
        return None  # most sentences
    cues = tuple(cue for cue, test in _CUE_TESTS if test(lowered))
    if not cues:
        return None
    pattern = _CUE_PATTERNS.get(cues)
    if pattern is None:
        if len(_CUE_PATTERNS) >= 256:  # bounded, whatever the corpus
            _CUE_PATTERNS.clear()
        pattern = _CUE_PATTERNS[cues] = re.compile("|".join(cues))
    return pattern


_FUTURE = re.compile(
    r"\b(?:will|plans?|planned|planning|aims?|aiming|expect\w*|scheduled|target\w*|should|could|would|"
    r"intends?|"
    r"is set to|are set to|due to|is due|are due|hopes?|wants?|to begin|to start|forecast|projected|likely|"
    r"may|might|goal|ambition|ready to|prepar\w*)\b",
    re.I,
)
_STATUS_CUES = [
    ("TrialProduction", re.compile(r"trial production|small-batch trial|trial run", re.I)),
    (
        "UnderConstruction",
        re.compile(r"under construction|constructing|being built|is building|are building", re.I),
    ),
    (
        "Operational",
        re.compile(
            r"up and running|in operation|operational|switched on|has been making|began producing|"
            r"begun producing|is producing|are producing|now (?:turn|produc|mak)|commencement|runs a",
            re.I,
        ),
    ),
]


@dataclass(frozen=True)
class FoundMilestone:
    subject: str
    kind: str
    status: str
    start_year: int | None
    end_year: int | None
    on_date: date | None
    concerns: str | None
    rule: str
    confidence: float
    note: str | None = None


def find_milestones(
    text: str,
    mentions: list[Mention],
    entities: dict[str, EntityInfo],
    article_date: date | None,
    subject: str | None = None,
    makers: dict[str, str] | None = None,
) -> list[FoundMilestone]:
    """Dated milestones stated by `text`."""
    lowered = text.lower()
    cues = _cue_pattern(lowered)
    if cues is None:
        return []  # no cue can match (testing that is much faster than looking for one)
    dates: list[When] | None = None  # found on the first cue: most sentences have none to date
    found: dict[tuple, FoundMilestone] = {}
    for m in cues.finditer(lowered):
        kind = m.lastgroup or ""
        if kind == "PolicyLaunch" and not any(x.category == "policy" for x in mentions):
            continue
        if kind == "Founding" and not any(x.category == "org" for x in mentions):
            continue
        if dates is None:
            dates = find_dates(text, article_date)
        milestone = _milestone(kind, m, text, mentions, entities, dates, article_date, subject, makers)
        if milestone is not None:
            found.setdefault((milestone.subject, milestone.kind), milestone)
    return list(found.values())


def _milestone(kind, cue, text, mentions, entities, dates, article_date, sentence_subject, makers):
    subject, concerns = _actors(kind, mentions, entities, cue.start(), sentence_subject, makers)
    if subject is None:
        return None
    when = _nearest(dates, cue.start(), cue.end())
    status = _status(text, kind, when, article_date)
    note = None
    if when is None:
        if article_date is not None and status == "Planned":
            return None  # a plan without a date, in a dated article, is not a milestone yet
        if article_date is not None and kind not in ("Founding", "ResearchStart"):
            when = When(cue.start(), cue.end(), article_date.year, article_date.year, relative=True)
        elif kind in ("Founding", "ResearchStart", "PrototypeVehicle"):
            return None
    if when is not None and when.relative and when.start_year is None and when.end_year is None:
        note = "relative date; the article is undated"
    start_year = when.start_year if when else None
    end_year = when.end_year if when else None
    if when is not None and when.open_end and status == "Planned":
        start_year = end_year  # "by 2027": the year is the deadline
    on_date = when.on_date if when else None
    return FoundMilestone(
        subject,
        kind,
        status,
        start_year,
        end_year,
        on_date,
        concerns,
        f"milestone-{kind}",
        0.65 if when else 0.5,
        note,
    )


def _actors(
    kind, mentions, entities, at, sentence_subject=None, makers=None
) -> tuple[str | None, str | None]:
    """Whose milestone it is (an organisation, else the thing itself) and what it concerns."""
    singles = [m for m in mentions if "+" not in m.entity]
    if kind == "PolicyLaunch":
        policies = [m for m in singles if m.category == "policy"]
        return (policies[0].entity, None) if policies else (None, None)
    things = [m for m in singles if m.category in ("product", "vehicle", "line")]
    orgs = [m for m in singles if m.category == "org" and "GovernmentBody" not in entities[m.entity].types]
    concerns = min(things, key=lambda m: abs(m.start - at)).entity if things else None
    if sentence_subject and sentence_subject in {m.entity for m in orgs}:
        return sentence_subject, concerns
    if orgs:
        return orgs[0].entity, concerns
    if concerns and makers and concerns in makers:
        return makers[concerns], concerns
    if things:
        return concerns, None
    chems = [m for m in singles if m.category == "chem" and entities[m.entity].chem_group != "material"]
    return (chems[0].entity, None) if chems else (None, None)


def _nearest(dates: list[When], start: int, end: int) -> When | None:
    if not dates:
        return None
    return min(
        dates,
        key=lambda w: (
            0 if w.start >= end else 1,
            abs(w.start - end) if w.start >= end else abs(start - w.end),
        ),
    )


def _status(text: str, kind: str, when: When | None, article_date: date | None) -> str:
    for status, cue in _STATUS_CUES:
        if cue.search(text):
            return status
    if _FUTURE.search(text):
        return "Planned"
    if (
        when is not None
        and article_date is not None
        and (when.end_year or when.start_year or 0) > article_date.year
    ):
        return "Planned"
    if when is not None and when.open_end and article_date is None:
        return "Planned"
    return "Achieved"
