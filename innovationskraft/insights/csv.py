"""A figure's data as CSV: exactly the rows of its table."""

import csv
import io

from django.utils.translation import gettext as _

from innovationskraft.insights.figures import Figure

# Swedish Excel opens a file with a byte order mark and semicolons as it is; other programs
# read commas and full stops.
DIALECTS = {"excel-sv": (";", ","), "plain": (",", ".")}


def figure_csv(figure: Figure, *, dialect: str = "excel-sv") -> str:
    delimiter, decimal = DIALECTS.get(dialect, DIALECTS["excel-sv"])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([_("Label"), _("Code"), figure.unit, _("Share (%)"), _("Of")])
    for bar in figure.bars:
        share = f"{figure.share(bar):.1f}".replace(".", decimal)
        writer.writerow([bar.label, bar.code, bar.count, share, figure.total])
    prefix = "\ufeff" if dialect == "excel-sv" else ""
    return prefix + out.getvalue()
