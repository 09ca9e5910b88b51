from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from innovationskraft.cases.selectors import published_cases
from innovationskraft.search.indexing import index_rebuilt
from innovationskraft.search.tasks import index_rebuild


class Command(BaseCommand):
    help = _(
        "Index every published case again. Safe while the site serves: each batch replaces "
        "its old entries in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help=_("Leave the rebuild to a task worker instead of doing it here."),
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = index_rebuild.enqueue()
            self.stdout.write(
                _("The rebuild is queued for a task worker (task %(id)s).") % {"id": result.id}
            )
            return
        total = published_cases().count()
        quiet = options["verbosity"] == 0
        with tqdm(total=total, unit=_("case"), disable=quiet, file=self.stderr) as bar:
            indexed = index_rebuilt(progress=bar.update)
        self.stdout.write(_("Indexed %(count)d published cases.") % {"count": indexed})
