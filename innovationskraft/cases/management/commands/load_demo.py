from django.core.management.base import BaseCommand

from innovationskraft.cases.demo import demo_load
from innovationskraft.cases.models import Case


class Command(BaseCommand):
    help = "Load the demo organisations and cases. Running it twice changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Only load when the library has no cases."
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Case.objects.exists():
            self.stdout.write("The library already has cases; demo data not loaded.")
            return
        result = demo_load()
        self.stdout.write(
            f"{result['organisations']} organisations, {result['cases_created']} new demo cases."
        )
