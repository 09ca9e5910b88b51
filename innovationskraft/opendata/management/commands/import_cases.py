import heapq
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from innovationskraft.opendata.error_files import error_csv_lines
from innovationskraft.opendata.formats import format_of
from innovationskraft.opendata.importing import FileUnreadable, ImportPlan, import_plan
from innovationskraft.opendata.services import ImportRefused, cases_import

LONG_SUMMARIES = ("refuse", "carry")


class Command(BaseCommand):
    help = _(
        "Import cases from a CSV or JSON Lines file. Every row is checked first; nothing is "
        "imported while a row has errors unless --skip-invalid is given. A case whose "
        "identifier the library has is updated."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("The file, .csv or .jsonl"))
        parser.add_argument("--format", choices=["csv", "jsonl"], help=_("Instead of the suffix"))
        parser.add_argument(
            "--skip-invalid", action="store_true", help=_("Import the valid rows, skip the rest")
        )
        parser.add_argument(
            "--check", action="store_true", help=_("Only check the file; write nothing")
        )
        parser.add_argument(
            "--long-summaries",
            choices=LONG_SUMMARIES,
            default="refuse",
            help=_(
                "A summary longer than a case may have: refuse the row (the default), or carry "
                "it: shorten it and put it whole first in the description"
            ),
        )
        parser.add_argument(
            "--errors",
            metavar="FILE",
            help=_(
                "Write every error and warning to this CSV file (semicolons, UTF-8, as Excel "
                "opens it) instead of listing them"
            ),
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        file_format = options["format"] or format_of(path.name)
        if file_format is None:
            raise CommandError(_("Give --format: the file name ends neither in .csv nor .jsonl."))
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        quiet = options["verbosity"] == 0
        with (
            path.open("rb") as stream,
            tqdm(unit=_("row"), desc=_("Checking"), disable=quiet, file=self.stderr) as bar,
        ):
            try:
                plan = import_plan(
                    stream,
                    file_format=file_format,
                    progress=bar.update,
                    carry_long_summaries=options["long_summaries"] == "carry",
                )
            except FileUnreadable as error:
                raise CommandError(str(error)) from None
        self._report_errors(plan, options["errors"])
        if options["check"]:
            return
        bars = {}

        def progress(step, done, total):
            if step not in bars:
                for bar in bars.values():
                    bar.close()
                label = _("Writing") if step == "cases" else _("Indexing")
                bars[step] = tqdm(
                    total=total, unit=_("case"), desc=label, disable=quiet, file=self.stderr
                )
            bars[step].update(done - bars[step].n)

        try:
            result = cases_import(
                actor=None, plan=plan, skip_invalid=options["skip_invalid"], progress=progress
            )
        except ImportRefused as refused:
            raise CommandError(
                f"{refused} " + _("Correct the rows, or give --skip-invalid to import the rest.")
            ) from None
        finally:
            for bar in bars.values():
                bar.close()
        self.stdout.write(
            _(
                "Imported. New cases: %(created)d, updated cases: %(updated)d, rows skipped: "
                "%(skipped)d, organisations created: %(organisations)d."
            )
            % {
                "created": result.created,
                "updated": result.updated,
                "skipped": result.skipped,
                "organisations": result.organisations_created,
            }
        )

    def _report_errors(self, plan: ImportPlan, errors_file: str | None) -> None:
        """Every error and warning: listed, or written to `errors_file`."""
        if errors_file:
            with open(errors_file, "w", encoding="utf-8", newline="") as output:
                output.writelines(error_csv_lines(plan.errors, plan.warnings))
            self.stdout.write(
                _("Errors: %(errors)d, warnings: %(warnings)d, written to %(path)s.")
                % {"errors": len(plan.errors), "warnings": len(plan.warnings), "path": errors_file}
            )
        else:
            problems = heapq.merge(
                ((error, _("Row %(row)s, %(field)s: %(message)s")) for error in plan.errors),
                (
                    (warning, _("Row %(row)s, %(field)s: warning: %(message)s"))
                    for warning in plan.warnings
                ),
                key=lambda problem: problem[0].row,
            )
            for problem, text in problems:
                values = {"row": problem.row, "field": problem.field or "—"}
                self.stderr.write(text % (values | {"message": problem.message}))
        self.stdout.write(
            ngettext(
                "%(total)d row: %(valid)d valid, %(invalid)d with errors.",
                "%(total)d rows: %(valid)d valid, %(invalid)d with errors.",
                plan.total,
            )
            % {"total": plan.total, "valid": len(plan.rows), "invalid": plan.invalid_rows}
        )
