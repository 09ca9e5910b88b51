from django.contrib import admin

from innovationskraft.insights.models import Resource


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "provider", "language", "is_published"]
    list_filter = ["kind", "language", "audience", "is_published"]
    search_fields = ["title", "description", "provider"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["barriers", "enablers"]
