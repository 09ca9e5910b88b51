from django.contrib import admin

from innovationskraft.connect.models import ContactMessage, SsoRule
from innovationskraft.core.admin_audit import AuditedAdmin


@admin.register(ContactMessage)
class ContactMessageAdmin(AuditedAdmin):
    """For a moderator handling a report of abuse: what was sent, by whom, about which case.
    Messages cannot be written here, only read and deleted."""

    list_display = ["created_at", "sender_name", "sender_email", "case", "recipients"]
    list_filter = ["created_at"]
    search_fields = ["sender_name", "sender_email", "sender_organisation", "case__title"]
    readonly_fields = [f.name for f in ContactMessage._meta.fields]
    list_select_related = ["case"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SsoRule)
class SsoRuleAdmin(AuditedAdmin):
    list_display = ["organisation", "email_domain", "claim", "claim_value", "role"]
    autocomplete_fields = ["organisation"]
    search_fields = ["organisation__name", "email_domain", "claim_value"]
