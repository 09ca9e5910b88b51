from django.contrib import admin

from innovationskraft.core.admin_audit import AuditedAdmin
from innovationskraft.workshops.models import Contribution, Prompt, Theme, VotingRound, Workshop


class PromptInline(admin.TabularInline):
    model = Prompt
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(AuditedAdmin):
    list_display = ["title", "organiser", "date", "state", "join_code", "locked"]
    list_filter = ["state", "language"]
    search_fields = ["title", "join_code", "organiser__name"]
    readonly_fields = ["join_code", "revision", "created_at", "opened_at", "closed_at"]
    autocomplete_fields = ["organiser"]
    inlines = [PromptInline]


@admin.register(Contribution)
class ContributionAdmin(AuditedAdmin):
    """For support cases; facilitators moderate on the workshop's own pages."""

    list_display = ["text", "workshop", "status", "flagged", "created_at"]
    list_filter = ["status", "flagged", "highlighted"]
    search_fields = ["text", "workshop__title"]
    list_select_related = ["workshop"]
    raw_id_fields = ["workshop", "prompt", "participant", "merged_into", "theme", "case"]
    readonly_fields = ["address_key", "client_key", "created_at", "updated_at"]
    filter_horizontal = ["terms"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "prompt", "position"]
    raw_id_fields = ["prompt"]


@admin.register(VotingRound)
class VotingRoundAdmin(admin.ModelAdmin):
    list_display = ["__str__", "workshop", "target", "budget", "is_open"]
    raw_id_fields = ["workshop"]
