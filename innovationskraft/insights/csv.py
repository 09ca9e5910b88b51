"""A figure's data as CSV: exactly the rows of its table."""

import csv
import io

from django.utils.translation import gettext as _

from innovationskraft.core.spreadsheets import EXCEL_SV, dialect_named, text_cell
from innovationskraft.insights.figures import Figure


def figure_csv(figure: Figure, *, dialect: str = "excel-sv") -> str:
    chosen = dialect_named(dialect, default=EXCEL_SV)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=chosen.delimiter, lineterminator="\r\n")
    writer.writerow([_("Label"), _("Code"), figure.unit, _("Share (%)"), _("Of")])
    for bar in figure.bars:
        share = f"{figure.share(bar):.1f}".replace(".", chosen.decimal)
        writer.writerow([text_cell(bar.label), text_cell(bar.code), bar.count, share, figure.total])
    return chosen.prefix + out.getvalue()
