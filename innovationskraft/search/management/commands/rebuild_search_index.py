from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from innovationskraft.cases.selectors import published_cases
from innovationskraft.search.indexing import index_rebuilt
from innovationskraft.search.tasks import index_rebuild
from innovationskraft.search.vectors import all_cases_embedded, vectors_enabled


class Command(BaseCommand):
    help = _(
        "Index every published case again and compute the vectors that are missing or out of "
        "date. Safe while the site serves: each batch replaces its old entries in one "
        "transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help=_("Leave the rebuild to a task worker instead of doing it here."),
        )
        parser.add_argument(
            "--without-vectors",
            action="store_true",
            help=_("Rebuild the word index only (vectors take about 50 ms per case)."),
        )

    def handle(self, *args, **options):
        with_vectors = vectors_enabled() and not options["without_vectors"]
        if options["enqueue"]:
            result = index_rebuild.enqueue(with_vectors=with_vectors)
            self.stdout.write(
                _("The rebuild is queued for a task worker (task %(id)s).") % {"id": result.id}
            )
            return
        total = published_cases().count()
        quiet = options["verbosity"] == 0
        with tqdm(total=total, unit=_("case"), disable=quiet, file=self.stderr) as bar:
            indexed = index_rebuilt(progress=bar.update)
        self.stdout.write(_("Indexed %(count)d published cases.") % {"count": indexed})
        if not with_vectors:
            return
        with tqdm(
            total=total, unit=_("case"), desc=_("vectors"), disable=quiet, file=self.stderr
        ) as bar:
            computed = all_cases_embedded(progress=bar.update)
        self.stdout.write(
            _("Computed %(count)d vectors; the others were up to date.") % {"count": computed}
        )
