from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from innovationskraft.cases.demo import DEMO_PASSWORD, demo_load, demo_users_load
from innovationskraft.cases.models import Case
from innovationskraft.workshops.demo import demo_workshop_load


class Command(BaseCommand):
    help = "Load the demo organisations and cases. Running it twice changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Only load when the library has no cases."
        )
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Also create demo accounts with a known password (only when DEBUG is on).",
        )

    def handle(self, *args, if_empty=False, with_users=False, **options):
        if with_users and not settings.DEBUG:
            raise CommandError("Demo accounts have a known password: only with DEBUG=true.")
        if if_empty and Case.objects.exists():
            self.stdout.write("The library already has cases; demo data not loaded.")
        else:
            result = demo_load()
            self.stdout.write(
                f"{result['organisations']} organisations, "
                f"{result['cases_created']} new demo cases."
            )
            if demo_workshop_load():
                self.stdout.write("A published demo workshop.")
        if with_users:
            for email in demo_users_load():
                self.stdout.write(f"Demo account: {email} / {DEMO_PASSWORD}")
