"""The import pages, in the admin beside the cases: CaseAdmin.get_urls adds these."""

from django.urls import path

from innovationskraft.opendata import admin_views as views


def import_urls(admin_site) -> list:
    def page(route: str, view, name: str):
        return path(route, admin_site.admin_view(view), {"admin_site": admin_site}, name=name)

    return [
        page("import/", views.import_start, "cases_case_import"),
        page("import/<int:job_id>/", views.import_job, "cases_case_import_job"),
        page("import/<int:job_id>/progress/", views.import_progress, "cases_case_import_progress"),
        page("import/<int:job_id>/errors.csv", views.import_errors, "cases_case_import_errors"),
        page("import/<int:job_id>/again/", views.import_again, "cases_case_import_again"),
    ]
