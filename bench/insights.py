"""The insights page with N generated cases, through Django's whole stack (the test client).

    python bench/insights.py --cases 100000

Uses the database of bench/case_pages.py in bench/data/. Times the national page and pages
narrowed by filters, each with a cold cache (the figures computed) and then warm (read from
the cache), and a comparison of two selections. The last line is machine-readable:
`p95_ms=... warm_p95_ms=...`; the targets are 300 ms cold and 50 ms warm at 100,000 cases."""

import argparse
import random
import statistics

from case_pages import ROOT, ensure_cases, percentile, setup_django, timed

COLD_TARGET_MS = 300
WARM_TARGET_MS = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    setup_django(ROOT / "bench" / "data" / f"cases-{args.cases}")
    ensure_cases(args.cases)

    from django.test import Client

    from innovationskraft.cases.models import Case, Organisation, Term

    rng = random.Random(5)
    sectors = list(Term.objects.filter(vocabulary="sector").values_list("code", flat=True))
    barriers = list(Term.objects.filter(vocabulary="barrier").values_list("code", flat=True))
    counties = list(
        Organisation.objects.exclude(county_code="").values_list("county_code", flat=True)
    )
    urls = ["/insikter/"]
    while len(urls) < args.requests:
        choice = rng.choice(
            [
                f"sector={rng.choice(sectors)}",
                f"org_type={rng.choice(Organisation.Kind.values)}",
                f"county={rng.choice(counties)}",
                f"barrier={rng.choice(barriers)}",
                f"stage={rng.choice(Case.Stage.values)}&county={rng.choice(counties)}",
                f"org_type=municipality&compare=1&b-org_type=region&year={rng.randint(2010, 2024)}",
            ]
        )
        urls.append(f"/insikter/?{choice}")

    client = Client()
    timed(client, urls[:3])  # templates, translations and the columns loaded once
    cold = timed(client, urls, cold=True)
    warm = []
    for url in urls:  # each page once to fill the cache, then timed
        timed(client, [url], cold=False)
        warm += timed(client, [url], cold=False)
    print(f"cases={Case.objects.count()} pages={len(urls)}")
    for name, times in (("cold", cold), ("warm", warm)):
        print(
            f"{name}: median_ms={statistics.median(times):.1f} "
            f"p95_ms={percentile(times, 0.95):.1f} max_ms={max(times):.1f}"
        )
    print(
        f"p95_ms={percentile(cold, 0.95):.1f} warm_p95_ms={percentile(warm, 0.95):.1f} "
        f"target_ms={COLD_TARGET_MS} warm_target_ms={WARM_TARGET_MS}"
    )


if __name__ == "__main__":
    main()
