from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from innovationskraft.core.demo import load_all_demo, load_demo_accounts, site_in_use


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
        if if_empty and site_in_use():
            self.stdout.write("The library already has cases; demo data not loaded.")
        else:
            for line in load_all_demo():
                self.stdout.write(line)
        if with_users:
            for line in load_demo_accounts():
                self.stdout.write(line)
