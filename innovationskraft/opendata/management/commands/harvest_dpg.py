from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from innovationskraft.opendata.harvest.services import HarvestReport, registry_harvested
from innovationskraft.opendata.importing import FileUnreadable


class Command(BaseCommand):
    help = _(
        "Harvest the Digital Public Goods registry from a JSON Lines file: one published case "
        "per product, updated when harvested again. Records that cannot become a case are "
        "refused and listed with the reasons."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("The registry's records, one JSON object a line"))

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        quiet = options["verbosity"] == 0
        labels = {"check": _("Checking"), "cases": _("Writing"), "index": _("Indexing")}
        bars: dict[str, tqdm] = {}

        def progress(step: str, done: int, total: int) -> None:
            if step not in bars:
                for bar in bars.values():
                    bar.close()
                bars[step] = tqdm(
                    total=total, unit=_("case"), desc=labels[step], disable=quiet, file=self.stderr
                )
            bars[step].update(done - bars[step].n)

        try:
            report = registry_harvested(path=path, progress=progress)
        except FileUnreadable as error:
            raise CommandError(str(error)) from None
        finally:
            for bar in bars.values():
                bar.close()
        self._write_report(report)

    def _write_report(self, report: HarvestReport) -> None:
        for refusal in report.refused:
            self.stdout.write(
                _("Refused, line %(line)s (%(key)s): %(reasons)s")
                % {
                    "line": refusal.line,
                    "key": refusal.key or "—",
                    "reasons": "; ".join(refusal.reasons),
                }
            )
        # Every note, as every refusal: what was left out of a record is for the person to see.
        for note in report.notes:
            self.stderr.write(
                _("Note, line %(line)s (%(key)s): %(message)s")
                % {"line": note.line, "key": note.key or "—", "message": note.message}
            )
        self.stdout.write(
            _(
                "%(total)d records: %(created)d created, %(updated)d updated, %(unchanged)d "
                "unchanged, %(refused)d refused; %(organisations)d organisations created."
            )
            % {
                "total": report.total,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "refused": len(report.refused),
                "organisations": report.organisations_created,
            }
        )
