"""Stage 6a: dates and years in a sentence, resolved against the article's date.

Date expressions are years ("in 2026", "by 2027", "between 2027 and 2030", "2027 or 2028",
"after 2030", "fiscal 2028"), days ("July 30, 2020", "On April 10" in a dated article) and
relative expressions resolved against the article's date ("this year", "next year", "last
spring", "four years ago", "by the end of the decade"). An undated article leaves a relative
expression unresolved (a `When` without years), so the fact keeps no year it cannot be given.
The milestones these dates mark are found by milestones.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.extraction.units import NUMBER_WORDS

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|"
    r"Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:19|20)\d{2}"


@dataclass(frozen=True)
class When:
    """A date expression: a year or range of years, or a day; `relative` if it needed the article date."""

    start: int
    end: int
    start_year: int | None
    end_year: int | None
    on_date: date | None = None
    relative: bool = False
    open_end: bool = False  # "by 2027": at the latest


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:between|from) (?P<a>{_YEAR}) (?:and|to) (?P<b>{_YEAR})\b"), "range"),
    (re.compile(rf"\b(?P<a>{_YEAR}) ?(?:-|–|to|or) ?(?P<b>{_YEAR}|\d{{2}})\b"), "range"),
    (re.compile(rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}}) ?, ?(?P<a>{_YEAR})\b"), "day"),
    (re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{_MONTH}),? (?P<a>{_YEAR})\b"), "day"),
    (re.compile(rf"\b(?:after|beyond|post-) ?(?P<a>{_YEAR})\b"), "after"),
    (
        re.compile(
            rf"\b(?:by|before|no later than|until) (?:the end of |the end of fiscal |fiscal "
            rf")?(?P<a>{_YEAR})\b"
        ),
        "by",
    ),
    (
        re.compile(
            rf"\b(?:in|since|from|during|for|of|fiscal|early|mid|late|mid-|end of|as far back as|around|"
            rf"spring|summer|autumn|fall|winter) (?:the (?:first|second) half of |the (?:first|second|"
            rf"third|fourth) quarter of |early |mid-|late )?(?P<a>{_YEAR})\b"
        ),
        "year",
    ),
    (
        re.compile(rf"(?<![\d.,])(?P<a>{_YEAR})(?![\d.,%]|\s?(?:Wh|km|GWh|Ah|yuan|euros|tonnes|tons|mi\b))"),
        "bare",
    ),
    (
        re.compile(
            r"\b(?:by |before |toward |towards |until |near |closer to(?:ward)? )?the end of (?:the|this) "
            r"decade\b"
        ),
        "decade",
    ),
    (re.compile(r"\b(?:by |until |before )?(?:the )?end of (?:this|the) year\b"), "this-year"),
    (
        re.compile(
            r"\b(?:this|the current) (?:year|month|spring|summer|autumn|fall|winter|week)\b|\bearlier "
            r"this year\b|\bthis past (?:year|month)\b|\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
            r"Saturday|Sunday)\b|\bover the weekend\b|\brecently\b"
        ),
        "this-year",
    ),
    (
        re.compile(
            r"\b(?:by )?(?:the end of )?next year\b|\bnext (?:spring|summer|autumn|fall|winter)\b|\bin "
            r"(?:twelve|12) months\b"
        ),
        "next-year",
    ),
    (
        re.compile(
            r"\blast (?:year|spring|summer|autumn|fall|winter)\b|\bthe (?:past|previous) year\b|\ba year "
            r"ago\b|\byear before\b"
        ),
        "last-year",
    ),
    (re.compile(r"\b(?:last|next) month\b"), "month"),
    (re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d+) years? ago\b"), "years-ago"),
    (
        re.compile(
            r"\bwithin (?:the next )?(?P<n>one|two|three|four|five|\d+) years\b|\bin (?P<n2>two|three|"
            r"four|five|\d+) years\b"
        ),
        "years-ahead",
    ),
    (re.compile(rf"\b(?:on|On) (?P<month>{_MONTH}) (?P<day>\d{{1,2}})\b(?!,? ?\d)"), "day-no-year"),
]


_HINT = re.compile(
    r"\d|year|decade|month|ago|spring|summer|autumn|fall|winter|weekend|recently|day|week", re.I
)


def find_dates(text: str, article_date: date | None) -> list[When]:
    """Date expressions of `text`, left to right, none overlapping."""
    if not _HINT.search(text):
        return []  # no digit and no word of time: nothing to find (most sentences, quickly)
    found: list[When] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            when = _resolve(kind, m, article_date)
            if when is not None:
                found.append(when)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda w: w.start)


def _resolve(kind: str, m: re.Match[str], today: date | None) -> When | None:
    s, e = m.start(), m.end()
    year = today.year if today else None
    if kind == "range":
        a, b = int(m.group("a")), m.group("b")
        b = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        return When(s, e, a, b) if a < b <= a + 20 else None
    if kind == "day":
        month = _month(m.group("month"))
        try:
            return When(
                s,
                e,
                int(m.group("a")),
                int(m.group("a")),
                date(int(m.group("a")), month, int(m.group("day"))),
            )
        except (TypeError, ValueError):
            return None
    if kind == "day-no-year":
        if year is None:
            return None
        try:
            day = date(year, _month(m.group("month")), int(m.group("day")))
        except (TypeError, ValueError):
            return None
        return When(s, e, year, year, day, relative=True)
    if kind == "after":
        return When(s, e, int(m.group("a")) + 1, None)
    if kind == "by":
        return When(s, e, int(m.group("a")), int(m.group("a")), open_end=True)
    if kind in ("year", "bare"):
        return When(s, e, int(m.group("a")), int(m.group("a")))
    if kind == "decade":
        if year is None:
            return When(s, e, None, None, relative=True)
        end = (year // 10) * 10 + 10
        return When(
            s,
            e,
            None if "end" in m.group() and m.group().startswith(("toward", "near", "closer")) else end,
            end,
            relative=True,
        )
    offsets = {"this-year": 0, "next-year": 1, "last-year": -1}
    if kind in offsets:
        return When(
            s,
            e,
            year + offsets[kind] if year else None,
            year + offsets[kind] if year else None,
            relative=True,
        )
    if kind == "month":
        if today is None:
            return When(s, e, None, None, relative=True)
        shifted = (
            today.year
            - (1 if "last" in m.group() and today.month == 1 else 0)
            + (1 if "next" in m.group() and today.month == 12 else 0)
        )
        return When(s, e, shifted, shifted, relative=True)
    if kind in ("years-ago", "years-ahead"):
        n = m.group("n") if "n" in m.groupdict() and m.group("n") else m.groupdict().get("n2")
        count = NUMBER_WORDS.get(n) if not (n or "").isdigit() else int(n)
        if year is None or count is None:
            return When(s, e, None, None, relative=True)
        target = year - count if kind == "years-ago" else year + count
        return When(s, e, target, target, relative=True)
    return None


def _month(name: str) -> int | None:
    key = name.lower().rstrip(".")
    for full, number in _MONTHS.items():
        if full.startswith(key[:3]):
            return number
    return None
