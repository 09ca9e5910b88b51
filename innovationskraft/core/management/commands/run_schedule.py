import time

from django.core.management.base import BaseCommand

from innovationskraft.core.schedule import schedule_run_due, scheduled

# How often the schedule is looked at: the shortest period is a minute.
TICK_SECONDS = 30


class Command(BaseCommand):
    help = (
        "Queues the scheduled tasks (digests, the mail outbox, deleting old messages) when "
        "they are due, for the task worker to run. Runs until stopped, or once with --once "
        "(for cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="queue what is due and stop")

    def handle(self, *args, once: bool = False, **options):
        if options["verbosity"] > 1:
            for entry in scheduled():
                self.stdout.write(f"{entry.name}: every {entry.every}")
        while True:
            for name in schedule_run_due():
                if options["verbosity"]:
                    self.stdout.write(f"queued {name}")
            if once:
                return
            time.sleep(TICK_SECONDS)
