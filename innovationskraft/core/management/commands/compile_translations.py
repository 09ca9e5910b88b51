from django.core.management.base import BaseCommand

from innovationskraft.core.i18n import compile_catalogues


class Command(BaseCommand):
    help = "Compile the translation catalogues (.po to .mo) without GNU gettext."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile even if up to date.")

    def handle(self, *args, force=False, **options):
        for path in compile_catalogues(force=force):
            self.stdout.write(f"Compiled {path.name} in {path.parent}")
