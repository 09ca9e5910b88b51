"""A query's words in the other language, through a Swedish-English dictionary, so that the
words of a Swedish query also find English cases by their words and the reverse: the meaning
ranking (vectors.py) misses many a Swedish word the small model does not carry into English.

The dictionary is Folkets lexikon (KTH, CC BY-SA 2.5; about 36,000 Swedish headwords, as the
`svlang` package carries it), read once per process. A word is looked up as it is, by its
lemma, and when it is a compound by its parts ("skärmläsaren": "skärm" + "läsare" →
"screen reader"); an English word through the same entries read backwards. Of a word's
translations only those whose terms the library holds are tried: a dictionary lists every
sense ("fälla": convict, fell, pitfall, trap...), and a sense no case uses cannot find one."""

import html
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources

import simplemma

from innovationskraft.search.analysis import (
    COMPOUND_MIN_HEAD,
    COMPOUND_MIN_TAIL,
    COMPOUND_MIN_WORD,
    STOP_WORDS,
    compound_parts,
    term,
    words,
)

# A gloss such as "[monthly] period" or "Centre Party (political)": what is in brackets explains.
EXPLANATION = re.compile(r"\(.*?\)|\[.*?\]|\{.*?\}")

Dictionary = dict[str, tuple[str, ...]]


def _glosses(text: str) -> list[str]:
    glosses = (EXPLANATION.sub("", html.unescape(g)).strip() for g in text.split(","))
    return [" ".join(g.split()) for g in glosses if g.strip()]


@lru_cache(maxsize=1)
def dictionaries() -> tuple[Dictionary, Dictionary]:
    """(Swedish → English, English → Swedish), keyed by lower-case headword."""
    swedish: dict[str, list[str]] = {}
    english: dict[str, list[str]] = {}
    source = resources.files("svlang") / "data" / "folkets_sv_en.tsv"
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or "\t" not in line:
                continue
            headword, text = line.rstrip("\n").split("\t", 1)
            # A bar marks where a compound joins ("jord|bävning"): the word is written without.
            headword = headword.replace("|", "").strip().lower()
            if not headword or not headword[0].isalpha():
                continue
            for gloss in _glosses(text):
                senses = swedish.setdefault(headword, [])
                if gloss not in senses:
                    senses.append(gloss)
                back = english.setdefault(gloss.lower(), [])
                if headword not in back:
                    back.append(headword)
    return (
        {k: tuple(v) for k, v in swedish.items()},
        {k: tuple(v) for k, v in english.items()},
    )


def _lemma(word: str, language: str) -> str:
    return simplemma.lemmatize(word, lang=language).lower()


# Swedish endings of the plural, the definite form and the genitive, longest first: the
# lemmatiser leaves many a noun it does not know as it is ("vräkningar"), and the dictionary
# lists the base form ("vräkning"). What is left must be a headword of at least MIN_STEM letters.
INFLECTION_ENDINGS = (
    "arnas", "ornas", "ernas", "arna", "orna", "erna", "ens", "ets", "ar", "or", "er", "en",
    "et", "na", "s",
)  # fmt: skip
MIN_STEM = 4
# A noun of the action of a verb is its stem with -ning or -ande ("vräkning", "lärande"), and the
# dictionary often lists only the verb ("vräka": evict); its English translation then shares its
# stem with the English noun ("evict", "eviction").
ACTION_NOUNS = (("ning", "a"), ("ande", "a"), ("ende", ""))


def _base_forms(word: str) -> Iterator[str]:
    for ending in INFLECTION_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            yield word[: -len(ending)]


def _senses(word: str) -> tuple[str, ...]:
    """The word's translations as a whole word, either way: by itself or by its lemma, and a
    Swedish word by its base form when the lemmatiser does not know it."""
    swedish, english = dictionaries()
    for language, dictionary in (("sv", swedish), ("en", english)):
        for form in (word, _lemma(word, language)):
            if form in dictionary:
                return dictionary[form]
    bases = list(_base_forms(word))
    for form in bases:
        if form in swedish:
            return swedish[form]
    for form in (word, *bases):
        for noun, verb in ACTION_NOUNS:
            if form.endswith(noun) and (senses := swedish.get(form[: -len(noun)] + verb)):
                return senses
    return ()


# A compound's first part may have lost the -a or -e of its word ("smitt|skydd": "smitta",
# "pojk|vän": "pojke"); its senses are tried after those of the part as written.
DROPPED_VOWELS = ("a", "e")


def _head_senses(head: str) -> tuple[str, ...]:
    swedish, _ = dictionaries()
    found = list(_senses(head))
    if head[-1] not in "aeiouyåäö":
        for vowel in DROPPED_VOWELS:
            found += swedish.get(head + vowel, ())
    return tuple(dict.fromkeys(found))


def _split_in_two(word: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The senses of the two parts of a compound both of which the dictionary has, the longest
    last part first, with or without the joining s: the analyser's split, made for the index,
    may cut a word the dictionary knows whole ("fram|tidsstudier", here "framtid|studier")."""
    for split in range(COMPOUND_MIN_HEAD, len(word) - COMPOUND_MIN_TAIL + 1):
        head, tail = word[:split], word[split:]
        tail_senses = _senses(tail)
        if not tail_senses:
            continue
        heads = [head, head[:-1]] if head.endswith("s") and split > COMPOUND_MIN_HEAD else [head]
        for form in heads:
            if head_senses := _head_senses(form):
                return head_senses, tail_senses
    return None


# How many words spelt alike in Swedish and English differ (the dictionary leaves many out):
# endings first ("elektrifiering": "electrification", "immunitet": "immunity"), then letters.
COGNATE_ENDINGS = (
    ("fiering", "fication"),
    ("isering", "ization"),
    ("ering", "ation"),
    ("itet", "ity"),
    ("tet", "ty"),
    ("isk", "ic"),
    ("ik", "ics"),
    ("ik", "ic"),
    ("ie", "y"),
    ("ur", "ure"),
    ("iv", "ive"),
    ("ell", "al"),
    ("os", "osis"),
)
COGNATE_LETTERS = (("kv", "qu"), ("k", "c"), ("tt", "t"))
COGNATE_MIN_LETTERS = 5


def _cognates(word: str) -> tuple[str, ...]:
    """English spellings the Swedish word may have ("chatt": "chat"), for the library to confirm
    (translated_queries keeps only those it holds)."""
    if len(word) < COGNATE_MIN_LETTERS or not word.isalpha():
        return ()
    word = _lemma(word, "sv")
    stems = {word} | {word[: -len(sv)] + en for sv, en in COGNATE_ENDINGS if word.endswith(sv)}
    spelt = set(stems)
    for stem in stems:
        # Each letter rule applied on top of the ones before ("kvalitet": "qualitet", "quality").
        respelt = stem
        for sv, en in COGNATE_LETTERS:
            respelt = respelt.replace(sv, en)
            spelt.add(respelt)
    spelt.discard(word)
    return tuple(sorted(spelt))


@lru_cache(maxsize=50_000)
def translations(word: str) -> tuple[tuple[str, ...], ...]:
    """The senses of each part of the word: one part for a word in the dictionary, several for
    a Swedish compound of words that are ("kamerafällor": ("camera",), ("trap", ...)). A part
    the dictionary lacks keeps its own spelling, as many are the same in English ("budget");
    nothing when no part is found at all."""
    word = word.lower()
    if senses := _senses(word):
        return (senses,)
    if len(word) >= COMPOUND_MIN_WORD and word.isalpha() and (two := _split_in_two(word)):
        return two
    parts = compound_parts(word)
    if not parts:
        return (cognates,) if (cognates := _cognates(word)) else ()
    head, tail = parts[0], parts[1]
    rest = translations(tail)
    head_senses = _head_senses(head) or _cognates(head)
    if not head_senses and not rest:
        return ()
    return (head_senses or (head,), *(rest or ((tail,),)))


# A translated word's terms in either language: the dictionary translates both ways.
WordTerms = tuple[str, ...]


def _phrase_terms(phrase: str) -> tuple[WordTerms, ...]:
    """Each meaningful word's terms, the English one first."""
    return tuple(
        tuple(dict.fromkeys((term(w, "en"), term(w, "sv"))))
        for w in words(phrase)
        if w not in STOP_WORDS
    )


# English nouns and adjectives made of a verb or another word, by the ending they add: a
# dictionary translates "vräkning" by the verb ("evict") where a record writes the noun
# ("eviction"), which the index keeps whole (analysis.OVERSTEMMED).
ENGLISH_DERIVATIONS = ("ion", "ation", "cation", "ment", "ing", "er", "ance", "ence", "al", "ity")
DERIVED_FROM_AT_LEAST = 4  # letters of the term a derivation is looked for


def _derivations(
    terms: set[str], beginning: Callable[[list[str]], dict[str, tuple[str, ...]]]
) -> dict[str, str]:
    """For each English term the library lacks, the shortest word it holds that is the term
    with a derivational ending."""
    asked = sorted(t for t in terms if len(t) >= DERIVED_FROM_AT_LEAST and t.isalpha())
    found = beginning(asked) if asked else {}
    derived = {}
    for stem, held in found.items():
        endings = [w for w in held if w[len(stem) :] in ENGLISH_DERIVATIONS]
        if endings:
            derived[stem] = min(endings, key=len)
    return derived


# Of one compound's combinations of senses, at most this many are considered.
PHRASES_AT_MOST = 24
SENSES_AT_MOST = 12  # of each part
COMBINATIONS_ORDERED_AT_MOST = 5000


def _candidates(word: str) -> list[str]:
    """The word's translations, most specific first: each combination of its parts' senses,
    also written closed up when it has several words ("whistle blower": "whistleblower")."""
    parts = translations(word)
    if not parts:
        return []
    # The first senses of all the parts before a later sense of any one ("examens|bevis":
    # "examination certificate" before "degree proof"), as far as the combinations are few
    # enough to order; a compound of many parts takes them as they come.
    ranges = [range(min(len(p), SENSES_AT_MOST)) for p in parts]
    places: Iterator[tuple[int, ...]] = itertools.product(*ranges)
    if math.prod(len(r) for r in ranges) <= COMBINATIONS_ORDERED_AT_MOST:
        places = iter(sorted(places, key=sum))
    found = []
    for place in itertools.islice(places, PHRASES_AT_MOST):
        phrase = " ".join(part[i] for part, i in zip(parts, place, strict=True))
        found.append(phrase)
        if len(closed := phrase.split()) > 1:
            found.append("".join(closed))
    return list(dict.fromkeys(found))


def _in_library(
    phrase: str, terms: tuple[WordTerms, ...], in_library: set[str], derived: dict[str, str]
) -> str:
    """The translation as the library can find it (a word it lacks written as the derived word
    it holds), or "" when it lacks a word."""
    written = []
    for word_terms in terms:
        if in_library & set(word_terms):
            written.append(word_terms[0])
        elif word_terms[0] in derived:
            written.append(derived[word_terms[0]])
        else:
            return ""
    return phrase if written == [t[0] for t in terms] else " ".join(written)


def translated_queries(
    query_words: Iterable[str],
    held: Callable[[set[str]], set[str]],
    beginning: Callable[[list[str]], dict[str, tuple[str, ...]]] | None = None,
) -> Iterator[str]:
    """The query's words in the other language, most specific first: each word by one of its
    translations whose terms the library holds (`held` gives those of some terms it holds, and
    `beginning` the terms it holds that begin with each of some letters, for the derived
    words); a word without any kept as typed, then left out if two words remain (one alone
    says too little). Nothing when no word translates."""
    candidates = {word: [(c, _phrase_terms(c)) for c in _candidates(word)] for word in query_words}
    wanted = {t for found in candidates.values() for _, ts in found for w in ts for t in w}
    in_library = held(wanted) if wanted else set()
    # Derived words are looked for only where the dictionary has the word itself: a spelling
    # guessed for a word it lacks (_cognates) is too uncertain to be taken further.
    listed = [found for word, found in candidates.items() if _senses(word.lower())]
    lacking = {w[0] for found in listed for _, ts in found for w in ts} - in_library
    derived = _derivations(lacking, beginning) if beginning and lacking else {}
    options: list[list[str]] = []
    for word, found in candidates.items():
        written = (_in_library(c, terms, in_library, derived) for c, terms in found if terms)
        kept = list(dict.fromkeys(c for c in written if c and c != word))
        options.append(kept or [word, ""])
    if all(option == [word, ""] for option, word in zip(options, candidates, strict=True)):
        return
    for combination in itertools.product(*options):
        kept = [w for w in combination if w]
        if len(kept) == len(combination) or len(" ".join(kept).split()) >= 2:
            yield " ".join(kept)
