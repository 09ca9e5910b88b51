import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import override

from innovationskraft.cases.selectors import published_cases
from innovationskraft.opendata.exports import EXPORTS


class Command(BaseCommand):
    help = _("Write every published case as CSV, JSON Lines or JSON-LD, a chunk at a time.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(EXPORTS), default="jsonl")
        parser.add_argument("--output", "-o", default="-", help=_("A file; - for the output"))
        parser.add_argument("--language", choices=["sv", "en"], default="sv")

    def handle(self, *args, **options):
        export = EXPORTS[options["format"]]
        if options["output"] == "-":
            self._write(export, sys.stdout, options["language"])
            return
        with open(options["output"], "w", encoding="utf-8", newline="") as stream:
            self._write(export, stream, options["language"])

    def _write(self, export, stream, language):
        with override(language):
            for line in export.lines(published_cases(), base_url=settings.SITE_URL):
                stream.write(line)
