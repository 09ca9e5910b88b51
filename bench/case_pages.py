"""Latency of the case list (two filters), the case page and its similar cases, on SQLite.

    python bench/case_pages.py --cases 100000

Builds (or reuses) a database in bench/data/, then times requests through Django's full
request stack in-process (middleware, views, templates) and prints median and p95 per page."""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The project's package sets how the process runs numpy (innovationskraft/__init__.py), as it
# does for the server, before any benchmark imports numpy.
import innovationskraft  # noqa: E402,F401


def setup_django(data_dir: Path, *, database_url: bool = False) -> None:
    """Django on the SQLite database in data_dir, or with `database_url` on the database
    DATABASE_URL names when it is set (PostgreSQL)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["DATA_DIR"] = str(data_dir)
    if not database_url:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovationskraft.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()


def ensure_cases(count: int) -> None:
    from django.core.management import call_command

    from innovationskraft.cases.models import Case

    call_command("migrate", verbosity=0)
    missing = count - Case.objects.count()
    if missing > 0:
        call_command("generate_cases", count=missing, verbosity=1)
    call_command("compile_translations", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(client, urls: list[str], cold: bool = True) -> list[float]:
    from django.core.cache import cache

    times = []
    for url in urls:
        if cold:
            cache.clear()  # measure the work, not the 60-second facet cache
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    setup_django(ROOT / "bench" / "data" / f"cases-{args.cases}")
    ensure_cases(args.cases)

    from django.test import Client

    from innovationskraft.cases.models import Case, Term

    rng = random.Random(7)
    sectors = list(Term.objects.filter(vocabulary="sector").values_list("code", flat=True))
    barriers = list(Term.objects.filter(vocabulary="barrier").values_list("code", flat=True))
    list_urls = []
    for _ in range(args.requests):
        second = rng.choice(
            [
                f"stage={rng.choice(Case.Stage.values)}",
                f"barrier={rng.choice(barriers)}",
                f"facet={rng.choice(Case.Facet.values)}",
            ]
        )
        list_urls.append(f"/innovationer/?sector={rng.choice(sectors)}&{second}")
    slugs = list(Case.objects.order_by("?").values_list("slug", flat=True)[: args.requests])
    detail_urls = [f"/innovationer/{slug}/" for slug in slugs]
    # Similar cases and who else, which the case page loads once it is shown.
    related_urls = [f"/sok/liknande/{slug}/" for slug in slugs]

    client = Client()
    timed(client, list_urls[:10] + detail_urls[:10])  # warm connections and template loading
    results = {
        "list_two_filters": timed(client, list_urls),
        "detail": timed(client, detail_urls),
        "detail_related": timed(client, related_urls),
    }
    print(f"cases={Case.objects.count()} requests_per_page={args.requests}")
    for name, times in results.items():
        print(
            f"{name}: median_ms={statistics.median(times):.1f} p95_ms={percentile(times, 0.95):.1f}"
        )
    medians = {name: statistics.median(times) for name, times in results.items()}
    print(
        f"median_list_ms={medians['list_two_filters']:.1f} "
        f"median_detail_ms={medians['detail']:.1f} "
        f"target_ms=100 list_ratio={medians['list_two_filters'] / 100:.2f} "
        f"detail_ratio={medians['detail'] / 100:.2f}"
    )


if __name__ == "__main__":
    main()
