"""Turns Swedish and English text into the terms the search index stores and matches.

Real text first passes `normalize`: NFKC, and the invisible characters that split a word for
the eye only (soft hyphens, zero-width spaces) removed. A word's term is the Snowball stem of
its lemma (simplemma's dictionaries), so that definite and irregular forms ("skolan",
"städerna", "möss") meet their base form where the stemmer alone leaves them apart. Long Swedish
compounds are also split into their parts by the same dictionary ("hemsjukvården" also stores
"sjukvård" and "vård"), so a part is found without scanning prefixes at query time.

Å, ä and ö are letters of their own and are kept; `fold` gives the form without them, for the
fallback when someone types "ostersund" for "Östersund"."""

import re
import unicodedata
from functools import lru_cache

import simplemma
import Stemmer

WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
# Characters that change how a word looks, not what it is: soft hyphen, zero-width space,
# joiners, word joiner, byte-order mark.
INVISIBLE_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS))
HAS_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
# A word in text as written, invisible characters inside it included (for marking it).
WRITTEN_WORD = re.compile(
    rf"[^\W_][^\W_{INVISIBLE_CHARACTERS}]*(?:[-'{INVISIBLE_CHARACTERS}]+[^\W_]+)*", re.UNICODE
)

# Function words only (after the Snowball project's lists): words that carry meaning, such as
# "barn" or "vård", are never dropped.
SWEDISH_STOP_WORDS = frozenset(
    """
    alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din
    dina ditt du där då efter ej eller en er era ert ett från för ha hade han hans har henne
    hennes hon honom hur här i icke ingen inom inte jag ju kan kunde man med mellan men mig
    min mina mitt mot mycket ni nu när någon något några och om oss på samma sedan sig sin sina
    sitta själv skulle som så sådan sådana sådant till under upp ut utan vad var vara varför
    varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över
    """.split()
)
ENGLISH_STOP_WORDS = frozenset(
    """
    a about all also an and any are as at be been being but by can do does for from had has
    have he her his how i if in into is it its no not of on or our she so such than that the
    their them then there these they this those to was we were what when where which who will
    with you your
    """.split()
)
STOP_WORDS = SWEDISH_STOP_WORDS | ENGLISH_STOP_WORDS
FOLDS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
LANGUAGES = ("sv", "en")

# Compounds: only words this long are split, into parts of at least these lengths.
COMPOUND_MIN_WORD = 8
COMPOUND_MIN_HEAD = 3
COMPOUND_MIN_TAIL = 4
# Dictionary words that are also common endings of other words ("tänkande" is no compound of
# "tänk" and "ande", nor "myndigheten" of "myndig" and "heten").
NOT_A_TAIL = frozenset(
    {"ande", "ende", "else", "andet", "arna", "orna", "erna", "ning", "heten", "heter", "hets"}
)


def normalize(text: str) -> str:
    """The text as the index sees it: NFKC, invisible characters removed, lower case."""
    text = text or ""
    # Most text needs neither step, and testing for that is ten times cheaper than doing it.
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if HAS_INVISIBLE.search(text):
        text = text.translate(INVISIBLE)
    return text.lower()


def words(text: str) -> list[str]:
    # findall builds the list in C, three times faster on a library than a loop.
    return WORD.findall(normalize(text))


def fold(word: str) -> str:
    return word.translate(FOLDS)


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer("swedish" if language == "sv" else "english")
    stemmer.maxCacheSize = 50_000
    return stemmer


def _is_known(word: str, language: str) -> bool:
    # simplemma's own dictionaries, loaded once per process (about 125 MB for both languages,
    # 0.7 s): its frugal mode takes 20 MB but five times as long per word.
    return simplemma.is_known(word, language)


# A stem this much shorter than a known lemma took a suffix that was part of the word: Snowball
# makes "hem" of "hemlig" and "möj" of "möjlig".
OVERSTEMMED = 3


@lru_cache(maxsize=300_000)
def term(word: str, language: str = "sv") -> str:
    """The word's term in the index: the stem of its lemma, or the lemma itself when the stem
    would cut into it. `word` is lower case."""
    if len(word) < 3 or word.isdigit():
        return word
    lemma = simplemma.lemmatize(word, lang=language).lower()
    stem = _stemmer(language).stemWord(lemma)
    if len(lemma) - len(stem) >= OVERSTEMMED and _is_known(word, language):
        return lemma
    return stem


def stems(text: str, language: str = "sv") -> list[str]:
    """The terms of the text's meaningful words, in order."""
    return [term(word, language) for word in words(text) if word not in STOP_WORDS]


def is_only_stop_words(text: str) -> bool:
    found = words(text)
    return bool(found) and all(word in STOP_WORDS for word in found)


def word_stems(word: str) -> list[str]:
    """A query word's Swedish and English terms: a query may be in either language."""
    return list(dict.fromkeys(term(word, language) for language in LANGUAGES))


def stemmed_words(text: str, language: str = "sv") -> list[tuple[str, str]]:
    """(term, word) for each meaningful word: the term to compare, the word to show."""
    return [
        (term(word, language), word)
        for word in words(text)
        if word not in STOP_WORDS and len(word) > 1
    ]


def _is_word(text: str) -> bool:
    return _is_known(text, "sv")


def _head_word(head: str) -> str | None:
    """The compound's first part as a word: itself, or without the joining s ("försvars")."""
    if len(head) >= COMPOUND_MIN_HEAD and _is_word(head):
        return head
    if head.endswith("s") and len(head) > COMPOUND_MIN_HEAD and _is_word(head[:-1]):
        return head[:-1]
    return None


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a Swedish compound, longest last part first ("hemsjukvården": "hem",
    "sjukvården", and that one's own parts); nothing for a word that is no compound."""
    if len(word) < COMPOUND_MIN_WORD or not word.isalpha():
        return ()
    for split in range(COMPOUND_MIN_HEAD, len(word) - COMPOUND_MIN_TAIL + 1):
        tail = word[split:]
        if tail in NOT_A_TAIL or not _is_word(tail):
            continue
        head = _head_word(word[:split])
        if head is not None:
            return (head, tail, *compound_parts(tail))
    return ()


@lru_cache(maxsize=300_000)
def part_terms(word: str, language: str = "sv") -> tuple[str, ...]:
    """The terms of a word's compound parts (Swedish only: English writes them apart)."""
    if language != "sv":
        return ()
    parts = (part for part in compound_parts(word) if part not in STOP_WORDS)
    return tuple(dict.fromkeys(term(part, "sv") for part in parts))
