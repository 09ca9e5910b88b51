from django.contrib import admin
from django.db import models

from innovationskraft.core.admin_site import ModeratedAdmin
from innovationskraft.insights.models import Assessment, Resource
from innovationskraft.insights.self_assessment.selectors import comparisons
from innovationskraft.insights.self_assessment.statements import DIMENSIONS


@admin.register(Resource)
class ResourceAdmin(ModeratedAdmin):
    """Curated by the moderators (who see nothing else of the admin)."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    list_display = ["title", "kind", "provider", "language", "is_published"]
    list_filter = ["kind", "language", "audience", "is_published"]
    search_fields = ["title", "description", "provider"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["barriers", "enablers"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Who saved when, and the country's mean: never one person's answers."""

    list_display = ["organisation", "organisation__kind", "created_at"]
    list_filter = ["organisation__kind", "created_at"]
    search_fields = ["organisation__name"]
    fields = ["organisation", "created_at"]
    readonly_fields = ["organisation", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        [country] = comparisons()
        rows = [(d.title, country.profile.score(d)) for d in DIMENSIONS] if country.profile else []
        extra = {"country": country, "country_rows": rows}
        return super().changelist_view(request, extra_context=(extra_context or {}) | extra)
