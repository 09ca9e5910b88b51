"""Groups short texts into themes by the stemmed words they share (TF-IDF, cosine similarity).

Sticky-note texts are short, so a text's features are its stems, the stems of the corpus that
begin its compounds ("upphandlingsregler" also counts as "upphandling") and the first letters
of long stems ("politisk" and "politik"). Stable by design: texts already in a theme stay
there, themes keep their names, and new texts either join the theme with the member they
resemble most or, together with similar unplaced texts, start a new one. A text like no other
stays unplaced rather than forming a theme of one. A new theme is named by its most central
text, the one nearest the centre of its members: a sentence someone wrote reads better on a
projector than the words the texts share."""

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from innovationskraft.search.analysis import stemmed_words

JOIN_THEME_AT = 0.2
NEW_THEME_AT = 0.2
COMPOUND_PART_AT_LEAST = 5
SHARED_BEGINNING = 6
NAME_LENGTH = 120
ELLIPSIS = "…"


@dataclass
class Plan:
    joins: dict[int, int] = field(default_factory=dict)  # text id -> existing theme id
    new_themes: list[tuple[str, list[int]]] = field(default_factory=list)  # (name, text ids)


def _features(texts: list[str], language: str) -> list[list[str]]:
    stems = [[stem for stem, _word in stemmed_words(text, language)] for text in texts]
    vocabulary = {stem for text_stems in stems for stem in text_stems}
    documents = []
    for text_stems in stems:
        features = list(text_stems)
        for stem in text_stems:
            features += [
                stem[:end]
                for end in range(COMPOUND_PART_AT_LEAST, len(stem))
                if stem[:end] in vocabulary
            ]
            if len(stem) > SHARED_BEGINNING:
                features.append(stem[:SHARED_BEGINNING] + "~")
        documents.append(features)
    return documents


def _matrix(documents: list[list[str]]) -> np.ndarray:
    vocabulary = {stem: i for i, stem in enumerate(sorted({s for doc in documents for s in doc}))}
    matrix = np.zeros((len(documents), max(len(vocabulary), 1)), dtype=np.float32)
    for row, doc in enumerate(documents):
        for stem, count in Counter(doc).items():
            matrix[row, vocabulary[stem]] = count
    document_frequency = (matrix > 0).sum(axis=0)
    # A gentle IDF: in a small workshop the shared word is the theme, not noise.
    matrix *= 1 + 0.5 * np.log((1 + len(documents)) / (1 + document_frequency))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def shortened(text: str, limit: int = NAME_LENGTH) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis when it must be."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    space = cut.rfind(" ")
    # A word longer than half the name is cut inside: better than a name of one short word.
    cut = cut[:space] if space > limit // 2 else cut[: limit - len(ELLIPSIS)]
    return cut.rstrip(" ,.;:\u2013-") + ELLIPSIS


def central_text(texts: list[str], vectors: np.ndarray) -> str:
    """The text nearest the centre of the group; the first sent of those as near."""
    centre = vectors.mean(axis=0)
    return texts[int(np.argmax(vectors @ centre))]


def theme_name(texts: list[str], vectors: np.ndarray, limit: int = NAME_LENGTH) -> str:
    name = shortened(central_text(texts, vectors), limit)
    return name[:1].upper() + name[1:]


def plan(
    *,
    placed: dict[int, list[str]],
    unplaced: list[tuple[int, str]],
    language: str = "sv",
    name_length: int = NAME_LENGTH,
) -> Plan:
    """`placed` maps theme id to its texts; `unplaced` lists (id, text) in the order sent."""
    result = Plan()
    if not unplaced:
        return result
    member_texts = [(theme_id, text) for theme_id, texts in placed.items() for text in texts]
    texts = [text for _theme, text in member_texts] + [text for _id, text in unplaced]
    matrix = _matrix(_features(texts, language))
    members, vectors = matrix[: len(member_texts)], matrix[len(member_texts) :]
    member_theme = np.array([theme for theme, _text in member_texts])
    theme_ids = list(placed)
    pool = []
    for index, (text_id, _text) in enumerate(unplaced):
        if not vectors[index].any():
            continue
        if theme_ids:
            similarity = members @ vectors[index]
            scores = [similarity[member_theme == theme].max() for theme in theme_ids]
            best = int(np.argmax(scores))
            if scores[best] >= JOIN_THEME_AT:
                result.joins[text_id] = theme_ids[best]
                continue
        pool.append(index)
    similarity = vectors @ vectors.T
    taken: set[int] = set()
    for position, seed in enumerate(pool):
        if seed in taken:
            continue
        group = [seed] + [
            i
            for i in pool[position + 1 :]
            if i not in taken and similarity[seed, i] >= NEW_THEME_AT
        ]
        if len(group) < 2:
            continue
        taken.update(group)
        name = theme_name([unplaced[i][1] for i in group], vectors[group], name_length)
        result.new_themes.append((name, [unplaced[i][0] for i in group]))
    return result
