"""The report as Markdown, a standalone HTML document and PDF; the raw contributions as rows."""

from collections.abc import Iterator

from django.template.loader import render_to_string

from innovationskraft.core.addresses import site_root
from innovationskraft.core.spreadsheets import text_cell
from innovationskraft.workshops.models import Contribution, Workshop
from innovationskraft.workshops.report import Report


def report_markdown(report: Report, *, request) -> str:
    return render_to_string(
        "workshops/export/report.md",
        {"report": report, "base_url": site_root(request)},
    )


def report_html(report: Report, *, request) -> str:
    """A document that stands on its own: styles inside, links absolute, no scripts."""
    return render_to_string(
        "workshops/export/report.html",
        {
            "report": report,
            "base_url": site_root(request),
        },
    )


def report_pdf(report: Report, *, request) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only this export needs.
    import weasyprint

    html = report_html(report, request=request)
    # No fetching: everything the document needs is inside it.
    # Tagged (headings, lists, tables), so that a screen reader can follow the structure.
    return weasyprint.HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(pdf_tags=True)


def _refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"The report fetches nothing: {url}")


CSV_HEADER = (
    "id", "question_kind", "question", "text", "status", "highlighted", "done",
    "possibly_offensive", "merged_into", "theme", "barriers_and_enablers", "case",
    "participant", "organisation", "sent",
)  # fmt: skip


def _codes(contribution: Contribution) -> list[str]:
    """Its own tags and its theme's: the report counts it under both."""
    terms = list(contribution.terms.all())
    if contribution.theme:
        terms += contribution.theme.terms.all()
    return list(dict.fromkeys(f"{t.vocabulary}:{t.code}" for t in terms))


def contribution_rows(*, workshop: Workshop) -> Iterator[tuple]:
    """Everything, hidden and withdrawn contributions included: the facilitator's archive. A text
    that a spreadsheet would run as a formula gets a leading apostrophe."""
    yield ("\ufeff" + CSV_HEADER[0], *CSV_HEADER[1:])  # the mark lets spreadsheets read UTF-8
    contributions = (
        Contribution.objects.filter(workshop=workshop)
        .select_related("prompt", "theme", "case", "participant__organisation")
        .prefetch_related("terms", "theme__terms")
        .order_by("created_at", "pk")
    )
    for c in contributions.iterator(chunk_size=500):
        yield tuple(text_cell(cell) for cell in _row(c))


def _row(c: Contribution) -> tuple:
    participant = c.participant
    return (
        c.pk,
        c.prompt.kind,
        c.prompt.text,
        c.text,
        c.status,
        int(c.highlighted),
        int(c.done),
        int(c.flagged),
        c.merged_into_id or "",
        c.theme.name if c.theme else "",
        "|".join(_codes(c)),
        c.case.get_absolute_url() if c.case else "",
        participant.name if participant else "",
        participant.organisation_label if participant else "",
        c.created_at.isoformat(timespec="seconds"),
    )
