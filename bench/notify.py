"""Digests at scale: N followers, M cases published, every digest mailed through a real SMTP
server, and none lost or sent twice.

    python bench/notify.py --followers 10000 --cases 1000

Builds a fresh SQLite database in a temporary folder (migrate, the Swedish organisations),
starts an SMTP server (aiosmtpd, as the tests do) and points Django's SMTP backend at it. Then:
- N people, each following one part of the library as people do from its page: an
  organisation, a sector, a barrier, or a search word of the generator's;
- M generated cases are published after they began to follow;
- the daily digest is timed: `digests_sent` writes a mail to the outbox for every follower with
  something new (one transaction per follower), and task workers (`db_worker --batch`, as many
  processes as --workers) send them;
- it is counted: mails written, sent by the outbox, received by the SMTP server, distinct
  recipients; a mail is lost when it was written but never received, and sent twice when a
  recipient received more than one. A second digest right after must write nothing.

The last line is machine-readable: `written=... received=... lost=... twice=... digest_s=...
send_s=... mails_per_s=...`."""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 23
BATCH = 2000


def setup(data_dir: Path, smtp_port: int) -> None:
    os.environ.update(
        DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="innovationskraft.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY", "benchmark-only"),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        SEARCH_VECTORS="false",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def followers_made(count: int) -> int:
    """Bulk: `count` people, each following one part of the library, since a day ago."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from innovationskraft.accounts.models import User
    from innovationskraft.cases import generation
    from innovationskraft.cases.models import Organisation, Term
    from innovationskraft.cases.services import organisations_seed_swedish_registry
    from innovationskraft.connect.following import follow_filters, follow_label
    from innovationskraft.connect.models import Follow
    from innovationskraft.search.analysis import words

    organisations_seed_swedish_registry()
    rng = random.Random(SEED)
    slugs = list(Organisation.objects.values_list("slug", flat=True))
    sectors = list(Term.objects.filter(vocabulary="sector").values_list("code", flat=True))
    barriers = list(Term.objects.filter(vocabulary="barrier").values_list("code", flat=True))
    subjects = sorted({w for s in generation.SUBJECTS for w in words(s) if len(w) > 5})
    password = make_password(None)
    choices = [
        lambda: {"organisation": rng.choice(slugs)},
        lambda: {"sector": rng.choice(sectors)},
        lambda: {"barrier": rng.choice(barriers)},
        lambda: {"q": rng.choice(subjects)},
    ]
    labels: dict[tuple, str] = {}
    users = [
        User(email=f"follower{i}@kommun.example", password=password, language="sv")
        for i in range(count)
    ]
    User.objects.bulk_create(users, batch_size=BATCH)
    follows = []
    for user in User.objects.filter(email__startswith="follower").order_by("id"):
        filters = follow_filters(rng.choice(choices)())
        key = tuple(sorted(filters.items()))
        if key not in labels:
            labels[key] = follow_label(filters)
        follows.append(Follow(user=user, filters=filters, label=labels[key], frequency="daily"))
    Follow.objects.bulk_create(follows, batch_size=BATCH)
    Follow.objects.update(created_at=timezone.now() - timedelta(days=1))
    return len(follows)


def workers_run(processes: int) -> None:
    env = {**os.environ}
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    running = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        for _ in range(processes)
    ]
    for worker in running:
        if worker.wait() != 0:
            raise SystemExit("a task worker failed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--followers", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    from innovationskraft.core.testing.smtp import smtp_server_started

    controller, inbox = smtp_server_started()
    data_dir = Path(tempfile.mkdtemp(prefix="notify-bench-"))
    try:
        setup(data_dir, controller.port)
        from django.core.management import call_command

        from innovationskraft.connect.following import digests_sent
        from innovationskraft.core.models import OutgoingMail

        started = time.perf_counter()
        follows = followers_made(args.followers)
        call_command("generate_cases", count=args.cases, verbosity=0)
        print(
            f"{follows} followers and {args.cases} cases in {time.perf_counter() - started:.1f} s"
        )

        started = time.perf_counter()
        written = digests_sent(frequency="daily")
        digest_s = time.perf_counter() - started
        started = time.perf_counter()
        workers_run(args.workers)
        send_s = time.perf_counter() - started

        received = Counter(r for m in inbox.messages for r in m.recipients)
        sent = OutgoingMail.objects.exclude(sent_at=None).count()
        unsent = OutgoingMail.objects.filter(sent_at=None).count()
        lost = written - len(received)
        twice = sum(1 for n in received.values() if n > 1)
        again = digests_sent(frequency="daily")
        print(
            f"digest: {written} mails written in {digest_s:.1f} s; sent by {args.workers} "
            f"workers in {send_s:.1f} s ({written / send_s:.0f} a second); outbox: {sent} sent, "
            f"{unsent} unsent; SMTP server received {len(inbox.messages)} for "
            f"{len(received)} recipients; a second digest wrote {again}"
        )
        print(
            f"written={written} received={len(inbox.messages)} lost={lost} twice={twice} "
            f"unsent={unsent} second_digest={again} digest_s={digest_s:.1f} "
            f"send_s={send_s:.1f} mails_per_s={written / send_s:.0f}"
        )
    finally:
        controller.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
