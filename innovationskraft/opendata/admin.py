from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases.admin import CaseAdmin
from innovationskraft.cases.models import Case
from innovationskraft.core.admin import ReadOnlyAdmin
from innovationskraft.opendata.admin_urls import import_urls
from innovationskraft.opendata.models import ImportJob
from innovationskraft.opendata.selectors import import_jobs_of


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    """The list of imports, each linking to its page; jobs are made by the import page."""

    list_display = ["job_page", "state", "started_by", "created_at", "total_rows", "invalid_rows"]
    list_display_links = None
    list_filter = ["state"]

    def get_queryset(self, request):
        # A refused file of 100,000 rows may hold a million errors: the list needs none.
        return import_jobs_of(request.user).defer("errors", "warnings")

    @admin.display(description=_("file"), ordering="file_name")
    def job_page(self, job):
        url = reverse("admin:cases_case_import_job", args=[job.pk])
        return format_html('<a href="{}">{}</a>', url, job.file_name)


# The case admin with the bulk import beside it: opendata adds to the page that cases owns.
admin.site.unregister(Case)


@admin.register(Case)
class CaseWithImportAdmin(CaseAdmin):
    change_list_template = "opendata/admin/case_change_list.html"

    def get_urls(self):
        # Before the model's own, whose "<object_id>/" would take "import/".
        return import_urls(self.admin_site) + super().get_urls()
