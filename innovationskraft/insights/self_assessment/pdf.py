"""The result as a tagged PDF (WeasyPrint), made from a document that needs nothing else."""

from django.template.loader import render_to_string

from innovationskraft.core.addresses import site_root


def result_pdf(context: dict, *, request) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only the PDF needs.
    import weasyprint

    html = render_to_string(
        "insights/self_assessment/pdf.html", context | {"base_url": site_root(request)}
    )
    document = weasyprint.HTML(string=html, url_fetcher=_refuse_fetch)
    return document.write_pdf(pdf_tags=True)


def _refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"The result fetches nothing: {url}")
