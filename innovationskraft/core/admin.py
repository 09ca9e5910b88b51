from django.contrib import admin

from innovationskraft.core.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox: whether a mail has gone out, how often it was tried and the last error."""

    list_display = ["created_at", "kind", "subject", "sent_at", "attempts", "next_attempt_at"]
    list_filter = ["kind", "sent_at"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
