"""Import N cases from JSON Lines into an empty SQLite database, search index included; into
an empty PostgreSQL database when DATABASE_URL names one (it is dropped and created again, so
give the benchmark a database of its own).

    python bench/import_jsonl.py --cases 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import python bench/import_jsonl.py

The file is the export of the generated library that bench/case_pages.py builds (reused when
present in bench/data/). The import runs in this process into a new, migrated database, timed
per step: checking every row, writing the cases, building their search index. A second run
of the same file then times re-importing it, which updates every case instead of adding one.
The target is an import of 100,000 cases in under 60 seconds on SQLite and 90 on PostgreSQL."""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from case_pages import ROOT, setup_django

TARGET_SECONDS = {"sqlite": 60.0, "postgresql": 90.0}


def export_file(cases: int) -> Path:
    """The JSONL export of a generated library of `cases` cases, made once."""
    source = ROOT / "bench" / "data" / f"cases-{cases}"
    path = ROOT / "bench" / "data" / f"cases-{cases}.jsonl"
    if path.exists():
        return path
    env = {**os.environ, "DATA_DIR": str(source), "SECRET_KEY": "benchmark-only"}
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    source.mkdir(parents=True, exist_ok=True)
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    count = subprocess.run(
        [*manage, "shell", "-c", "from innovationskraft.cases.models import Case as C; "
         "print(C.objects.count())"],
        env=env, check=True, capture_output=True, text=True,
    ).stdout.split()[-1]  # fmt: skip
    if int(count) < cases:
        subprocess.run(
            [*manage, "generate_cases", "--count", str(cases - int(count))], env=env, check=True
        )
    started = time.perf_counter()
    subprocess.run(
        [*manage, "export_cases", "--format", "jsonl", "--output", str(path)], env=env, check=True
    )
    print(f"export of {cases:,} cases: {time.perf_counter() - started:.1f} s")
    return path


def timed_import(path: Path) -> dict[str, float]:
    from django.db import transaction

    from innovationskraft.opendata.importing import import_plan
    from innovationskraft.opendata.services import cases_import

    steps: dict[str, float] = {}
    marks = {"start": time.perf_counter()}

    def progress(step, done, total):
        if step not in marks:
            marks[step] = time.perf_counter()

    with path.open("rb") as stream:
        plan = import_plan(stream, file_format="jsonl")
    marks["checked"] = time.perf_counter()
    assert plan.is_clean, plan.errors[:5]
    with transaction.atomic():
        result = cases_import(actor=None, plan=plan, progress=progress)
    end = time.perf_counter()
    steps["check"] = marks["checked"] - marks["start"]
    steps["write"] = marks["index"] - marks["checked"]
    steps["index"] = end - marks["index"]
    steps["total"] = end - marks["start"]
    steps["created"], steps["updated"] = result.created, result.updated
    return steps


def fresh_postgresql(url: str) -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = config["NAME"]
    server = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    path = export_file(args.cases)
    target = ROOT / "bench" / "data" / f"import-{args.cases}"
    shutil.rmtree(target, ignore_errors=True)
    if os.environ.get("DATABASE_URL"):
        fresh_postgresql(os.environ["DATABASE_URL"])
    setup_django(target, database_url=True)
    from django.core.management import call_command
    from django.db import connection

    from innovationskraft.cases.models import Case

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    target_seconds = TARGET_SECONDS[connection.vendor]
    rows = sum(1 for _line in path.open("rb"))
    print(f"file: {path.name}, {rows:,} rows, {path.stat().st_size / 1e6:.0f} MB")
    for run in ("into an empty database", "again (every case updated)"):
        steps = timed_import(path)
        print(
            f"import {run}: check {steps['check']:.1f} s, write {steps['write']:.1f} s, "
            f"index {steps['index']:.1f} s, total {steps['total']:.1f} s "
            f"({rows / steps['total']:,.0f} rows/s; created {steps['created']:,}, "
            f"updated {steps['updated']:,}); "
            f"ratio to the {target_seconds:.0f} s target: {steps['total'] / target_seconds:.2f}"
        )
    assert Case.objects.count() == rows
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
