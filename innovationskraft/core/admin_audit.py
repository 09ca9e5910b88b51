"""The admin's own writes in the audit log: a model admin that mixes this in records every
addition, change and deletion made through it, with Django's description of the change."""

from django.contrib import admin
from django.http import HttpRequest

from innovationskraft.core.audit import AuditAction, audit_record


class AuditedAdmin(admin.ModelAdmin):
    def log_addition(self, request: HttpRequest, obj, message):
        audit_record(actor=request.user, action=AuditAction.ADMIN_ADDED, target=obj)
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj, message):
        # Django's description: which fields and inlines changed (JSON, as its own log keeps).
        change = {"change": message} if message else None
        audit_record(
            actor=request.user, action=AuditAction.ADMIN_CHANGED, target=obj, detail=change
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset):
        # Called before the deletion, so each object still has its key and its name.
        for obj in queryset:
            audit_record(actor=request.user, action=AuditAction.ADMIN_DELETED, target=obj)
        return super().log_deletions(request, queryset)
