import json

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from innovationskraft.cases.selectors import published_cases
from innovationskraft.core.addresses import site_root
from innovationskraft.core.spreadsheets import PLAIN, dialect_named
from innovationskraft.opendata.dcat import catalogue
from innovationskraft.opendata.exports import EXPORTS, FIELDS
from innovationskraft.search.selectors import library_counts


@require_GET
def index(request):
    return render(
        request,
        "opendata/index.html",
        {
            "counts": library_counts(),
            "formats": EXPORTS.values(),
            "fields": FIELDS,
            "catalogue_url": reverse("opendata:catalogue"),
            "OPEN_DATA_LICENSE": settings.OPEN_DATA_LICENSE,
        },
    )


@require_GET
def export(request, extension):
    if extension not in EXPORTS:
        raise Http404
    export = EXPORTS[extension]
    # ?dialect=excel-sv: a byte order mark and semicolons, for Excel in Swedish.
    options = {"dialect": dialect_named(request.GET.get("dialect"), default=PLAIN)}
    lines = export.lines(
        published_cases(), base_url=site_root(request), **(options if extension == "csv" else {})
    )
    response = StreamingHttpResponse(lines, content_type=export.content_type)
    filename = f"innovationer-{timezone.localdate().isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def dcat_catalogue(request):
    document = catalogue(base_url=site_root(request))
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/ld+json; charset=utf-8",
    )
