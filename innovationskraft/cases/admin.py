from django.contrib import admin

from innovationskraft.cases.models import Case, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "official_code", "county_code", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "official_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title", "lead_organisation", "stage", "status", "published_at"]
    list_filter = ["status", "stage"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_organisation"]
