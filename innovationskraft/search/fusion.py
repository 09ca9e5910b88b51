"""Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): several rankings of the same
cases made one by summing 1 / (k + rank) over them, each ranking with its weight. It needs no
scores that compare, which bm25 and cosine similarity are not."""

from collections.abc import Iterable

FUSION_K = 60


def fused(rankings: Iterable[tuple[list[int], float]]) -> list[int]:
    """The ids of every ranking, best first; on a tie, the one met first stays first."""
    score: dict[int, float] = {}
    for ranking, weight in rankings:
        for rank, pk in enumerate(ranking):
            score[pk] = score.get(pk, 0.0) + weight / (FUSION_K + rank + 1)
    return sorted(score, key=lambda pk: -score[pk])
