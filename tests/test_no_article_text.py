"""No article text in the repository: facts, figures, names, citations and locators only.

The same check as ../shared/tools/copy_guard.py (runs of 10 words shared with an article),
over every file git tracks or would track, with no exemption: a headline is the article's own
text, so the manifest keeps short titles and no URL that spells one out (data/sources.yaml).
"""

import html
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUN_WORDS = 10
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(html.unescape(re.sub(r"<[^>]+>", " ", text)).lower())


def shingles(ws: list[str]) -> set[tuple[str, ...]]:
    return {tuple(ws[i : i + RUN_WORDS]) for i in range(len(ws) - RUN_WORDS + 1)}


def repository_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-co", "--exclude-standard"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [REPO / name for name in listed if (REPO / name).is_file()]


def test_no_file_repeats_a_run_of_ten_words_from_an_article(seeds):
    source = set()
    for article in sorted(seeds.glob("*.txt")):
        source |= shingles(words(article.read_text(errors="replace")))
    offenders = {}
    for path in repository_files():
        try:
            text = path.read_text()
        except (UnicodeDecodeError, OSError):
            continue
        hits = shingles(words(text)) & source
        if hits:
            offenders[str(path.relative_to(REPO))] = " ".join(sorted(hits)[0])
    assert offenders == {}


def test_the_check_would_catch_a_copied_sentence(seeds, tmp_path):
    article = sorted(seeds.glob("*.txt"))[0].read_text()
    copied = " ".join(words(article)[40:55])
    assert shingles(words(f"note: {copied}")) & shingles(words(article))
