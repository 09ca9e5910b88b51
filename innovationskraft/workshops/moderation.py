"""A word list that flags likely offensive text for the facilitator's eyes."""

from functools import lru_cache
from pathlib import Path

from innovationskraft.search.analysis import words

WORD_LIST = Path(__file__).parent / "data" / "offensive_words.txt"


@lru_cache(maxsize=1)
def _word_list() -> tuple[frozenset[str], tuple[str, ...]]:
    whole, prefixes = set(), []
    for line in WORD_LIST.read_text(encoding="utf-8").splitlines():
        entry = line.strip().lower()
        if not entry or entry.startswith("#"):
            continue
        if entry.endswith("*"):
            prefixes.append(entry[:-1])
        else:
            whole.add(entry)
    return frozenset(whole), tuple(prefixes)


def looks_offensive(text: str) -> bool:
    whole, prefixes = _word_list()
    return any(word in whole or word.startswith(prefixes) for word in words(text))
